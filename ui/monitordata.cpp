// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitordata.h"

#include "appcontext.h"
#include "ledger/ledger.h"
#include "monitor/alertmonitor.h"
#include "monitor/alertstore.h"
#include "monitor/callbackmetrics.h"
#include "monitor/delayhistogram.h"
#include "monitor/metricsloader.h"
#include "notify/callbackstore.h"

#include <QCoreApplication>

#include <cmath>

namespace wxr::ui {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wxr::ui::MonitorData)
};

QList<double> values(const core::Series &s)
{
    return s.values;
}

// 1, 2 or 5 times a power of ten, at least `raw`.
double niceStep(double raw)
{
    if (raw <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * magnitude >= raw)
            return m * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

void fillSeries(MonitorSnapshot &snapshot, const QList<core::MetricsBucket> &buckets)
{
    const core::Series p50 = core::seriesOf(buckets, core::MetricKind::DelayP50);
    snapshot.delay.times.clear();
    for (double k : p50.keys)
        snapshot.delay.times.append(qint64(k));
    snapshot.delay.p50 = values(p50);
    snapshot.delay.p95 = values(core::seriesOf(buckets, core::MetricKind::DelayP95));
    snapshot.delay.p99 = values(core::seriesOf(buckets, core::MetricKind::DelayP99));

    const qint64 bucketSeconds
        = buckets.isEmpty() ? 3600 : (buckets.first().endMs - buckets.first().startMs) / 1000;
    snapshot.failures = {};
    snapshot.failures.bucketSeconds = bucketSeconds;
    snapshot.failures.times = snapshot.delay.times;
    for (int c = 1; c < core::kFailureCauseCount; ++c) {
        const auto cause = core::FailureCause(c);
        const core::Series s = core::failureSeries(buckets, cause);
        double total = 0;
        for (double v : s.values)
            total += std::isnan(v) ? 0 : v;
        if (total > 0)
            snapshot.failures.rows.append({core::failureCauseLabel(cause), s.values});
    }

    snapshot.volume = {};
    snapshot.volume.bucketSeconds = bucketSeconds;
    snapshot.volume.times = snapshot.delay.times;
    for (core::MetricKind kind :
         {core::MetricKind::Received, core::MetricKind::Applied, core::MetricKind::Lost}) {
        const core::Series s = core::seriesOf(buckets, kind);
        snapshot.volume.rows.append({s.name, s.values});
    }
    snapshot.received = snapshot.failed = snapshot.lost = 0;
    for (const core::MetricsBucket &b : buckets) {
        snapshot.received += b.received;
        snapshot.failed += b.realFailures();
        snapshot.lost += b.lost;
    }
}

DelayHistogramSeries histogramOf(const core::DelayHistogram &delaysMs)
{
    DelayHistogramSeries h;
    if (delaysMs.isEmpty())
        return h;
    constexpr int kQuantiles = 1000;
    QList<double> seconds;
    seconds.reserve(kQuantiles);
    for (int i = 1; i <= kQuantiles; ++i)
        seconds.append(double(delaysMs.percentile(100.0 * i / kQuantiles).value_or(0)) / 1000.0);
    const double top = qMax(seconds[int(kQuantiles * 0.995) - 1], 0.001);
    h.binWidth = niceStep(top / 30);
    const int bins = int(std::ceil(top / h.binWidth)) + 1;
    h.binStarts.resize(bins);
    h.counts.fill(0, bins);
    for (int b = 0; b < bins; ++b)
        h.binStarts[b] = b * h.binWidth;
    const double weight = double(delaysMs.count()) / kQuantiles;
    for (double s : std::as_const(seconds))
        h.counts[qMin(bins - 1, int(s / h.binWidth))] += weight;
    for (double &c : h.counts)
        c = std::round(c);
    return h;
}

Result<MonitorSnapshot> loadMonitorSnapshot(const QString &ledgerPath, qint64 from, qint64 until,
                                            qint64 nowMs, const AlertThresholds &thresholds,
                                            bool evaluateAlerts, QPromise<void> &promise)
{
    auto ledger = core::Ledger::open(ledgerPath, AppContext::ledgerOptions());
    if (!ledger.ok())
        return ledger.error();
    MonitorSnapshot snapshot;
    snapshot.from = from;
    snapshot.until = until;
    promise.setProgressRange(0, 4);
    promise.setProgressValueAndText(0, Tr::tr("Reading callback metrics"));
    if (evaluateAlerts) {
        core::AlertRules rules;
        rules.thresholds = thresholds;
        auto update = core::evaluateAndRecordAlerts(**ledger, rules, nowMs);
        if (!update.ok())
            return update.error();
        snapshot.alertChanges = std::move(*update);
    }
    const qint64 fromMs = from * 1000;
    const qint64 untilMs = until * 1000;
    auto metrics = core::loadCallbackMetrics(**ledger, fromMs, untilMs,
                                             core::suggestBucketSize(fromMs, untilMs), nowMs);
    if (!metrics.ok())
        return metrics.error();
    fillSeries(snapshot, metrics->buckets());
    snapshot.histogram = histogramOf(metrics->total().delay);
    promise.setProgressValue(2);
    if (promise.isCanceled())
        return makeError(ErrorCode::Cancelled, Tr::tr("Cancelled."));

    const core::AlertStore alerts(**ledger);
    auto raised = alerts.between(fromMs, untilMs);
    if (!raised.ok())
        return raised.error();
    for (const core::RaisedAlert &a : *raised) {
        snapshot.alerts.append(
            {a.startedAtMs / 1000, a.endedAtMs.value_or(nowMs) / 1000, a.message});
    }
    auto open = alerts.open();
    if (!open.ok())
        return open.error();
    snapshot.openAlerts = int(open->size());
    promise.setProgressValue(3);

    auto failures = core::CallbackStore(**ledger).latestFailuresBetween(
        fromMs, untilMs, MonitorSnapshot::kRecentFailures);
    if (!failures.ok())
        return failures.error();
    snapshot.recentFailures = std::move(*failures);
    promise.setProgressValue(4);
    return snapshot;
}

} // namespace wxr::ui
