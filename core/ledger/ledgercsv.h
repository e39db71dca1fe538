// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QPromise>
#include <QString>

namespace wxr::core {

class Ledger;

/// What a ledger CSV import did, per file.
struct LedgerImportStats
{
    qint64 ordersRead = 0;
    qint64 ordersCreated = 0;
    qint64 ordersUpdated = 0; ///< state applied or fields changed
    qint64 ordersUnchanged = 0;
    qint64 ordersStateIgnored = 0; ///< the row's state was refused by the monotonic rules
    qint64 refundsRead = 0;
    qint64 refundsCreated = 0;
    qint64 refundsUpdated = 0;
    qint64 refundsUnchanged = 0;
    qint64 refundsStateIgnored = 0;
};

struct LedgerExportStats
{
    qint64 orders = 0;
    qint64 refunds = 0;
};

/// Imports `orders.csv` and optionally `refunds.csv` (architecture doc, "Ledger import/export
/// CSV") into the ledger, upserting by out_trade_no / out_refund_no.
///
/// All or nothing: both files go in one transaction. A bad row (wrong field count, empty or
/// malformed key, amount that is not whole fen, unknown status word, time that is not RFC 3339
/// with an offset), a missing header column, a read error or a cancel fails the whole import
/// with one sentence naming the file, line, column and reason and saying that nothing was
/// imported; the ledger is then exactly as before. Columns are found by header name (extra
/// columns are ignored); BOM, CRLF and quoted fields are accepted.
///
/// New rows are inserted with source `import`; existing ones go through the monotonic state
/// rules (decideTradeTransition, decideRefundTransition) with the row's paid_at/created_at as
/// the event time; amount and creation time follow the file, transaction_id and paid_at are
/// filled in only where the ledger has none. One audit row per changed existing record and
/// one per file.
///
/// Progress 0–100 by bytes; cancel is honoured between rows (ErrorCode::Cancelled). Runs on
/// the calling thread, which must own the Ledger.
Result<LedgerImportStats> importLedgerCsv(Ledger &ledger, const QString &ordersPath,
                                          const QString &refundsPath, QPromise<void> &promise);

/// Writes every order (and refund, when `refundsPath` is not empty) in import order, in the
/// same schema: header row, LF line ends, no BOM, fields quoted only when needed, times as
/// originally imported. Importing a file and exporting gives the same bytes back for files in
/// that canonical form. Files are replaced atomically (never left half written).
Result<LedgerExportStats> exportLedgerCsv(Ledger &ledger, const QString &ordersPath,
                                          const QString &refundsPath, QPromise<void> &promise);

} // namespace wxr::core
