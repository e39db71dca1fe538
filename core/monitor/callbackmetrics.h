// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "monitor/delayhistogram.h"
#include "notify/callbackevent.h"

#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace wxr::core {

/// Width of a metrics bucket. Buckets are aligned to China Standard Time, so a day bucket is
/// a CST calendar day (minute and hour buckets align the same in UTC, the offset being 8 h).
enum class BucketSize { Minute, Hour, Day };

QString bucketSizeName(BucketSize size); ///< "minute", "hour", "day"
std::optional<BucketSize> parseBucketSize(QStringView name);
qint64 bucketMillis(BucketSize size);
/// Start (Unix ms) of the bucket containing `utcMillis`.
qint64 bucketStartMs(qint64 utcMillis, BucketSize size);
/// A bucket size that gives at most ~400 buckets for a range: minute up to 6 h, hour up to
/// 16 days, day beyond.
BucketSize suggestBucketSize(qint64 fromMs, qint64 untilMs);

/// Callback metrics of one time bucket [startMs, endMs) (Unix ms). Deliveries are counted at
/// their receipt time, inferred lost callbacks at the payment's success time.
struct MetricsBucket
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 received = 0;   ///< every delivery: accepted, repeated, ignored, refused
    qint64 applied = 0;    ///< first application of a notification (Applied)
    qint64 duplicates = 0; ///< repeats acknowledged without a change (Duplicate)
    qint64 ignored = 0;    ///< acknowledged, event type not applied (Ignored)
    qint64 failures = 0;   ///< answered 4xx/5xx (Rejected + Error), probes included
    std::array<qint64, kFailureCauseCount> failuresByCause{};
    qint64 lost = 0; ///< paid (bill or query) with no callback recorded in time
    /// Notify delay (receipt − success_time) of Applied deliveries that carry success_time —
    /// how late the merchant learnt of a payment. Repeats are left out: they would count one
    /// payment several times.
    DelayHistogram delay;
    /// Receipt → answer of acknowledged deliveries (for 2xx: after the commit).
    DelayHistogram processing;
    qint64 retries = 0; ///< deliveries with attempt > 1 (a repeat WeChat had to send)

    [[nodiscard]] qint64 failuresOf(FailureCause cause) const
    {
        return failuresByCause[static_cast<size_t>(cause)];
    }
    /// Failures that count against the receiver: all failures except WeChat's probes (which
    /// must fail, spec §2.5).
    [[nodiscard]] qint64 realFailures() const { return failures - failuresOf(FailureCause::Probe); }
    /// Deliveries that count for the failure rate: received minus probes.
    [[nodiscard]] qint64 rateBase() const { return received - failuresOf(FailureCause::Probe); }
    /// realFailures / rateBase in percent; nullopt when nothing counts.
    [[nodiscard]] std::optional<double> failureRatePercent() const;

    /// Adds the counts of `other` (any span; the span of this bucket is kept).
    void merge(const MetricsBucket &other);
};

/// Builds buckets from deliveries and lost callbacks arriving in any order. Pure: the
/// repository streams rows from the ledger into it, tests feed it tables.
///
/// Buckets cover [fromMs, untilMs) completely — empty buckets included, so that charts show
/// zeros and gaps — and events outside the range are dropped. Not thread-safe.
class MetricsAccumulator final
{
public:
    /// InvalidInput when the range is empty or would need more than kMaxBuckets buckets.
    static Result<MetricsAccumulator> create(qint64 fromMs, qint64 untilMs, BucketSize size);

    static constexpr qsizetype kMaxBuckets = 100000;

    void add(const CallbackEvent &event);
    /// A lost callback for a payment that succeeded at `paidAtMs`.
    void addLost(qint64 paidAtMs);

    [[nodiscard]] const QList<MetricsBucket> &buckets() const { return m_buckets; }
    /// All buckets merged into one spanning the whole range.
    [[nodiscard]] MetricsBucket total() const;
    [[nodiscard]] BucketSize bucketSize() const { return m_size; }

private:
    MetricsAccumulator() = default;
    MetricsBucket *bucketFor(qint64 utcMillis);

    BucketSize m_size = BucketSize::Hour;
    qint64 m_firstStart = 0;
    qint64 m_from = 0;
    qint64 m_until = 0;
    QList<MetricsBucket> m_buckets;
};

/// Which value of a bucket a series shows.
enum class MetricKind {
    Received,
    Applied,
    Duplicates,
    Failures,    ///< all failures, probes included
    FailureRate, ///< percent, probes excluded; NaN when nothing counts
    Lost,
    DelayP50, ///< seconds; NaN for a bucket without delays
    DelayP95,
    DelayP99,
    ProcessingP95, ///< milliseconds; NaN when empty
};

/// A plain chart series: bucket start times (Unix seconds, as QCustomPlot's date-time axis
/// takes them) and one value per bucket. NaN marks "no value" (draws as a gap).
struct Series
{
    QString name;
    QList<double> keys;
    QList<double> values;
};

/// The series of one metric over buckets; `name` is a translated label.
Series seriesOf(const QList<MetricsBucket> &buckets, MetricKind kind);
/// Failures of one cause per bucket.
Series failureSeries(const QList<MetricsBucket> &buckets, FailureCause cause);
/// A translated label for a metric ("p95 delay (s)").
QString metricLabel(MetricKind kind);

} // namespace wxr::core
