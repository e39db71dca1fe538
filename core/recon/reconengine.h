// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "ledger/discrepancy.h"

#include <QDate>
#include <QPromise>
#include <QString>

namespace wxr::core {

class Ledger;

struct ReconOptions
{
    /// Seconds before midnight in which a paid order the bill lacks is CROSS_DAY_PENDING
    /// rather than MISSING_IN_BILL (docs/reconciliation.md default: 300).
    qint64 crossDayWindowSeconds = 300;
    /// Recorded as the run's actor ("wxrecon-cli", "user alice").
    QString actor = QStringLiteral("wxrecon");
};

/// Reconciles one bill date against the ledger and stores the run:
/// 1. the date's imported trade bills (ALL, or SUCCESS and/or REFUND) and the ledger records
///    that can matter (paid or refunded on the date, or named by a bill row) are loaded into
///    memory and matched by match();
/// 2. the result is stored by ReconRepository::saveRun(): re-running a date is idempotent,
///    keeps states and notes, and resolves what is gone;
/// 3. the previous date's open CROSS_DAY_PENDING rows are settled: cleared when this date's
///    bill (or any imported bill) holds the order, else promoted to MISSING_IN_BILL.
///
/// Errors: NotFound when no trade bill is imported for the date (one sentence saying so),
/// Database, Cancelled (nothing stored). Progress 0–100 on `promise`; cancel between phases
/// and rows. Runs on the calling thread, which must own the Ledger.
Result<ReconRun> reconcile(Ledger &ledger, QDate billDate, const ReconOptions &options,
                           QPromise<void> &promise);

} // namespace wxr::core
