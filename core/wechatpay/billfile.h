// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>

#include <functional>

namespace wxr::core {

/// bill_type of the trade bill (spec §7.1); the newer special kinds are not needed here.
enum class TradeBillType { All, Success, Refund };
/// account_type of the fund-flow bill.
enum class FundAccountType { Basic, Operation, Fees };

QString tradeBillTypeName(TradeBillType type);     ///< "ALL", "SUCCESS", "REFUND"
QString fundAccountTypeName(FundAccountType type); ///< "BASIC", "OPERATION", "FEES"

/// A downloaded bill, or the reason there is none yet.
struct BillFile
{
    enum class Status {
        Ready,    ///< `data` holds the verified file
        Empty,    ///< NO_STATEMENT_EXIST: no bill for that day — a normal empty day, don't retry
        NotReady, ///< STATEMENT_CREATING: being generated — try again later (≥ 10:00 CST T+1)
        Known,    ///< hash_value named a file the caller holds already: not downloaded, no `data`
    };
    Status status = Status::Ready;
    QDate billDate;
    QByteArray data;    ///< decompressed file bytes, exactly as hashed (BOM included)
    QByteArray sha1Hex; ///< lower-case SHA-1 of `data`, equal to the announced hash_value (Known:
                        ///< the announced hash_value)
    QString apiMessage; ///< WeChat's message for Empty / NotReady
    QByteArray applyRequestId; ///< Request-ID of the apply call
    QByteArray downloadRequestId;
    bool wasCompressed = false; ///< the download was gzip
};

/// Whether the caller holds the file whose lower-case SHA-1 hex is given already (e.g. the
/// ledger imported it): then the bill is not downloaded (BillFile::Status::Known).
using KnownBill = std::function<bool(const QByteArray &sha1Hex)>;

} // namespace wxr::core
