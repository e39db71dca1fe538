// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "ledger/discrepancy.h"
#include "ledger/ledgerrecords.h"

#include <QDate>
#include <QList>
#include <QPromise>

#include <functional>
#include <optional>

namespace wxr::core {

class Ledger;

/// What a run decided about one of the previous day's open CROSS_DAY_PENDING rows.
struct PendingFollowUp
{
    qint64 discrepancyId = 0;
    bool foundInBill = false; ///< true: cleared (RESOLVED by the run); false: MISSING_IN_BILL
};

/// Reconciliation runs and the discrepancies they find. Same thread rules as the Ledger.
class ReconRepository final
{
public:
    explicit ReconRepository(Ledger &ledger)
        : m_ledger(ledger)
    {}

    /// Stores one run of `summary.billDate` in one transaction:
    /// - each found discrepancy is matched by identity (date, kind, out_trade_no,
    ///   out_refund_no): a known one keeps its state and note and gets the new values; one
    ///   RESOLVED earlier by a run is reopened (it is back); a new one is OPEN;
    /// - the date's earlier discrepancies not found again are RESOLVED by the run (IGNORED and
    ///   RESOLVED ones stay as they are);
    /// - `followUps` settle the previous day's CROSS_DAY_PENDING rows;
    /// - the run, its per-kind totals and an audit row are written.
    /// Every automatic state change gets an audit row. Cancel (between rows) rolls back.
    Result<ReconRun> saveRun(const ReconSummary &summary, const QList<Discrepancy> &found,
                             const QList<qint64> &billIds, cst::Instant startedAt,
                             const QString &actor, const QList<PendingFollowUp> &followUps,
                             QPromise<void> &promise);

    /// The orders paid in [from, to) for a reconciliation, in rowid order: sequential passes over
    /// the rowid ranges that PaidZones names (a day's paid orders lie close together in the
    /// table, imported together). The views carry no transaction_id (empty) and no creation
    /// time; they are valid during the visitor call.
    Status forEachOrderPaidBetween(cst::Instant from, cst::Instant to,
                                   const std::function<Status(const OrderView &)> &visitor) const;

    /// CROSS_DAY_PENDING rows of `date` that are OPEN or ACKNOWLEDGED.
    Result<QList<Discrepancy>> openPending(QDate date) const;

    /// The latest run of a date, if any.
    Result<std::optional<ReconRun>> latestRun(QDate date) const;
    /// The latest run of every date in [from, to] that has one, by date.
    Result<QList<ReconRun>> latestRuns(QDate from, QDate to) const;

private:
    Ledger &m_ledger;
};

} // namespace wxr::core
