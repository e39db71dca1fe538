// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bill/billrecords.h"
#include "common/cstime.h"
#include "common/money.h"
#include "common/result.h"

#include <QByteArray>
#include <QDate>
#include <QIODevice>
#include <QList>
#include <QPromise>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <string_view>

namespace wxr::core {

class Ledger;
class SqliteStatement;

/// An imported bill file as the ledger records it.
struct ImportedBill
{
    qint64 id = 0;
    QDate billDate;
    QString billType;    ///< ALL, SUCCESS, REFUND, FUNDFLOW
    QString accountType; ///< fund-flow bills: BASIC, OPERATION, FEES; else empty
    QString sourceName;  ///< file name it was imported from
    QByteArray sha1;     ///< of the decompressed file, lower-case hex
    std::optional<cst::Instant> fetchedAt;
    cst::Instant importedAt = 0;
    qint64 rowCount = 0;
    qint64 paymentCount = 0;
    qint64 refundCount = 0;
    qint64 flaggedCount = 0; ///< rows whose field count differed from the header (§9.4)
    Fen settlementFen = 0;
    Fen refundFen = 0;
    Fen rechargeRefundFen = 0;
    MilliFen feeMilli = 0;        ///< exact sum of the row fees
    MilliFen printedFeeMilli = 0; ///< 手续费总金额 as printed
    Fen orderFen = 0;
    Fen refundAppliedFen = 0;
    qint64 incomeCount = 0;
    Fen incomeFen = 0;
    qint64 expenseCount = 0;
    Fen expenseFen = 0;
    bool legacyLayout = false;
    QString header;

    /// Recorded by recordEmpty(): WeChat Pay had no bill for the date (no trade that day).
    [[nodiscard]] bool noStatement() const
    {
        return sha1.isEmpty() && sourceName == u"NO_STATEMENT_EXIST";
    }
};

struct BillImportOptions
{
    QDate billDate;          ///< required: the CST day the bill covers
    QString sourceName;      ///< shown in lists and the audit log; defaults to "bill"
    QByteArray expectedSha1; ///< WeChat's hash_value when downloaded; empty: not checked
    std::optional<cst::Instant> fetchedAt;
    QString accountType; ///< fund-flow bills: BASIC (default), OPERATION, FEES
    QString actor;       ///< for the audit log; defaults to "bill import"
};

struct BillImportResult
{
    ImportedBill bill;
    /// The same file (same SHA-1) was already imported for that date and type: nothing changed.
    bool alreadyImported = false;
    /// A different file for the same date and type was replaced.
    std::optional<qint64> replacedBillId;
    QList<qint64> flaggedLines;
};

/// A stored trade-bill row. Views are valid only during the visitor call.
struct BillRowView
{
    qint64 billId = 0;
    qint64 line = 0;
    bool isRefund = false;
    cst::Instant tradeTime = 0;
    std::string_view transactionId;
    std::string_view outTradeNo;
    std::string_view tradeState;
    Fen orderFen = 0;
    MilliFen feeMilli = 0;
    Fen settlementFen = 0;
    std::string_view refundId;
    std::string_view outRefundNo;
    Fen refundAppliedFen = 0;
    Fen refundFen = 0;
    std::string_view refundStatus;
    bool flagged = false;
};

/// Imported bills and their rows. Same thread rules as the Ledger.
class BillRepository final
{
public:
    using RowVisitor = std::function<Status(const BillRowView &)>;

    explicit BillRepository(Ledger &ledger);
    ~BillRepository();
    BillRepository(const BillRepository &) = delete;
    BillRepository &operator=(const BillRepository &) = delete;

    /// Parses a trade or fund-flow bill (plain or gzip) from `device` and stores it with its
    /// rows and a gzip copy of the file, all in one transaction. Nothing is stored when the
    /// file fails to parse, its summary does not add up, a row is not dated on the bill date
    /// (CST), or its SHA-1 differs from `expectedSha1` (Verification). Importing the same file
    /// again changes nothing (BillImportResult::alreadyImported; when the date has bills and
    /// the device can seek, the file is recognised by its SHA-1 before it is parsed); a
    /// different file for the same date and type replaces the earlier one. Errors name the line and
    /// column and say that nothing was imported. Progress 0–100 by bytes read; cancel between
    /// chunks.
    Result<BillImportResult> import(QIODevice &device, const BillImportOptions &options,
                                    QPromise<void> &promise);

    /// WeChat Pay answered NO_STATEMENT_EXIST: no trade on that date (spec §7.5, a normal empty
    /// day). Recorded as a bill without rows (source "NO_STATEMENT_EXIST", empty SHA-1) so that
    /// the date can be reconciled: any paid ledger order of the date is then missing in the
    /// bill. Returns the existing bill unchanged when one is already recorded for the date and
    /// type; a real file imported later replaces the marker. `mchid` (the merchant asked) is
    /// kept with it; the ledger of another merchant's bills refuses it.
    Result<ImportedBill> recordEmpty(QDate billDate, const QString &billType, const QString &actor,
                                     const QString &mchid = {});

    /// Bills imported for a date, trade bills first.
    Result<QList<ImportedBill>> billsOf(QDate date) const;
    Result<std::optional<ImportedBill>> find(qint64 billId) const;
    /// The trade bill (ALL, SUCCESS or REFUND; an empty day's marker included) of the latest
    /// date, the last imported of that date; nullopt when there is none.
    Result<std::optional<ImportedBill>> latestTradeBill() const;
    /// The archived file (gzip) of a bill.
    Result<QByteArray> archivedFile(qint64 billId) const;

    /// Streams the trade rows of a bill in file order.
    Status forEachRow(qint64 billId, const RowVisitor &visitor) const;
    /// Streams every stored trade row (of any bill) about an order, oldest bill first.
    Status forEachRowOf(const QString &outTradeNo, const RowVisitor &visitor) const;
    /// Which of `outTradeNos` appear as a payment row in any imported bill.
    Result<QSet<QString>> billedAmong(const QStringList &outTradeNos) const;

    /// Whether any imported bill holds `outTradeNo` as a payment; for many lookups in a row.
    Result<bool> isBilled(std::string_view outTradeNo) const;

private:
    /// The import of a file the ledger holds already (same date and SHA-1), read in a first
    /// pass over `device`, which is left at its start; nullopt when there is none to find.
    Result<std::optional<BillImportResult>>
    heldFile(QIODevice &device, const BillImportOptions &options, QPromise<void> &promise) const;

    /// The merchant whose bills the ledger holds if it is not `mchid`; empty when there is
    /// none or it is `mchid` (one merchant per ledger).
    Result<QString> otherMerchant(std::string_view mchid) const;

    Ledger &m_ledger;
    mutable std::unique_ptr<SqliteStatement> m_billed;
};

} // namespace wxr::core
