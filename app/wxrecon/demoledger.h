// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "recon/reconengine.h"

#include <QDate>
#include <QPromise>
#include <QString>

namespace wxr::core {
class Ledger;
}
namespace wxr::sim {
struct SimDay;
}

namespace wxr::demo {

/// Imports the merchant's side of a generated day (its orders.csv and refunds.csv, written
/// into `scratchDir`) into the ledger. Runs on the ledger's thread.
Status importLedgerSide(core::Ledger &ledger, const sim::SimDay &day, const QString &scratchDir,
                        QPromise<void> &promise);

/// Imports the day's ALL trade bill as if it had been downloaded (hash checked).
Status importTradeBill(core::Ledger &ledger, const sim::SimDay &day, QPromise<void> &promise);

/// Generates `count` consecutive days ending at `last` (`ordersPerDay` orders each, seeds
/// derived from `seed`), imports both sides of each and reconciles them oldest first, so that
/// the calendar, the reports and the cross-day follow-ups have history. Returns the number of
/// discrepancies found. Progress text names the day; cancel between steps.
Result<qint64> buildHistory(core::Ledger &ledger, QDate last, int count, qint64 ordersPerDay,
                            quint64 seed, const QString &scratchDir,
                            const core::ReconOptions &options, QPromise<void> &promise);

} // namespace wxr::demo
