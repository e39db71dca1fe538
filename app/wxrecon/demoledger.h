// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "common/settings.h"
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
/// discrepancies found. With `withCallbacks`, each day also gets its callback log
/// (importDemoCallbacks, with `platformSerial`). Progress text names the day; cancel between
/// steps.
Result<qint64> buildHistory(core::Ledger &ledger, QDate last, int count, qint64 ordersPerDay,
                            quint64 seed, const QString &scratchDir,
                            const core::ReconOptions &options, QPromise<void> &promise,
                            bool withCallbacks = false, const QString &platformSerial = {});

/// Writes a merchant-backend callback log (JSON Lines, notify/callbacklog.h) for the payments
/// of a generated day and imports it, so that the callback monitor has something to show:
/// most callbacks arrive within seconds (a long tail up to minutes), a few are repeated, about
/// 1.5 % fail with a cause, a few never arrive (lost), and one busy hour in the afternoon is
/// slow and error-prone. A failed delivery carries the serial presented (`platformSerial`, or a
/// made-up one when empty; another one for an unknown-serial failure) and the receiver's
/// message for its cause. Deterministic for a seed.
Status importDemoCallbacks(core::Ledger &ledger, const sim::SimDay &day, quint64 seed,
                           const QString &scratchDir, QPromise<void> &promise,
                           const QString &platformSerial = {});

/// Evaluates the alert rules every `stepMs` over [fromMs, untilMs) as a running wxrecon would
/// have, so that the demo has alert history to shade on the charts.
Status replayAlerts(core::Ledger &ledger, const AlertThresholds &thresholds, qint64 fromMs,
                    qint64 untilMs, qint64 stepMs);

} // namespace wxr::demo
