// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "rowwriter.h"
#include "simday.h"

#include <QStringList>

namespace wxr::sim {

enum class TradeBillType { All, Success, Refund };

/// "ALL", "SUCCESS", "REFUND".
QByteArray tradeBillTypeName(TradeBillType type);

/// Writes the bill date's trade bill exactly as spec §7.6–7.7 lays it out: detail header,
/// backtick-prefixed detail rows (payments at 交易时间 with refund columns `0`/`0.00` and
/// empty refund type/status; refunds at their initiation time with 0.00 order amounts and
/// negative fees), summary header, summary row. Every summary total is the sum of its
/// column; 手续费总金额 is the exact five-decimal sum unless style.feeTotalRounded (then the
/// sum rounded half away from zero to fen). ALL has 27 columns, SUCCESS 20 (SUCCESS rows
/// only), REFUND 29. REVOKED payment rows appear in ALL only.
void writeTradeBill(const SimDay &day, TradeBillType type, ByteSink &sink);

/// The BASIC account's fund-flow bill (spec §7.8): per payment a 交易 credit and a
/// 扣除交易手续费 debit, per refund a 退款 debit and a 退还交易手续费 credit (fees rounded to
/// fen, omitted when zero), with running balance. Duplicated trade-bill rows move no money.
void writeFundFlowBill(const SimDay &day, ByteSink &sink);

/// Ledger CSVs of the architecture doc (UTF-8, no BOM, LF, header row).
void writeLedgerOrders(const SimDay &day, ByteSink &sink);
void writeLedgerRefunds(const SimDay &day, ByteSink &sink);

/// The discrepancy report of the day (docs/reconciliation.md): UTF-8 BOM, CRLF, contract
/// header, rows in report order, state OPEN, empty note.
void writeTruth(const SimDay &day, ByteSink &sink);

/// In-memory convenience for the server and tests.
QByteArray tradeBill(const SimDay &day, TradeBillType type);
QByteArray fundFlowBill(const SimDay &day);

/// Number of detail rows of a trade bill of that type (0 = NO_STATEMENT_EXIST).
qsizetype tradeBillRowCount(const SimDay &day, TradeBillType type);

/// Writes every file of the day into `dir` (created if missing):
/// tradebill_{ALL,SUCCESS,REFUND}_<D>.csv, tradebill_ALL_<D>.csv.gz (if options.gzip),
/// fundflow_<D>.csv, orders.csv, refunds.csv, truth.csv. Returns the file names written.
/// Io error naming the file on failure.
Result<QStringList> writeDayFiles(const SimDay &day, const QString &dir);

} // namespace wxr::sim
