// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "charts/chartseries.h"
#include "common/result.h"
#include "common/settings.h"
#include "monitor/alertmonitor.h"
#include "notify/callbackevent.h"

#include <QList>
#include <QPromise>

namespace wxr::core {
class DelayHistogram;
struct MetricsBucket;
} // namespace wxr::core

namespace wxr::ui {

/// Everything the callback monitor shows for one time range, read off the GUI thread.
struct MonitorSnapshot
{
    qint64 from = 0; ///< Unix seconds
    qint64 until = 0;
    DelayPercentileSeries delay;
    DelayHistogramSeries histogram;
    BucketedSeries failures; ///< one row per cause that occurred
    BucketedSeries volume;   ///< received, applied, lost
    QList<AlertPeriod> alerts;
    QList<core::CallbackEvent> recentFailures; ///< newest first, at most kRecentFailures
    qint64 received = 0;
    qint64 failed = 0;
    qint64 lost = 0;
    int openAlerts = 0;
    /// What this read's evaluation of the alert rules opened and closed (for the webhook).
    core::AlertUpdate alertChanges;

    static constexpr int kRecentFailures = 500;
};

/// Chart series from metric buckets (core/monitor): percentiles per bucket (NaN = no delay
/// in that bucket, drawn as a gap), failures by cause, volume.
void fillSeries(MonitorSnapshot &snapshot, const QList<core::MetricsBucket> &buckets);

/// A delay histogram for the chart from core's compact histogram, which keeps counts in
/// buckets of bounded relative error but does not expose them: the distribution is rebuilt
/// from 1000 quantiles (each standing for 0.1 % of the callbacks), binned into about 30
/// "nice" bins up to the 99.5th percentile; slower callbacks are counted in the last bin. The
/// counts are exact to within 0.1 % of the total per bin, the bin edges to within 1.6 %.
DelayHistogramSeries histogramOf(const core::DelayHistogram &delaysMs);

/// Reads the snapshot of [from, until) (Unix seconds) from the ledger at `ledgerPath`. When
/// `evaluateAlerts` is set, the alert rules are evaluated at `nowMs` first and the result
/// recorded (as the receiver's host does every minute). Runs on a worker thread.
Result<MonitorSnapshot> loadMonitorSnapshot(const QString &ledgerPath, qint64 from, qint64 until,
                                            qint64 nowMs, const AlertThresholds &thresholds,
                                            bool evaluateAlerts, QPromise<void> &promise);

} // namespace wxr::ui
