// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/callbackmetrics.h"

#include "common/coretr.h"
#include "common/cstime.h"

#include <cmath>
#include <limits>

namespace wxr::core {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;
constexpr qint64 kCstOffsetMs = cst::kOffsetSeconds * 1000;

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double optionalValue(std::optional<qint64> v, double scale)
{
    return v ? static_cast<double>(*v) / scale : kNaN;
}

} // namespace

QString bucketSizeName(BucketSize size)
{
    switch (size) {
    case BucketSize::Minute:
        return QStringLiteral("minute");
    case BucketSize::Hour:
        return QStringLiteral("hour");
    case BucketSize::Day:
        return QStringLiteral("day");
    }
    return QStringLiteral("hour");
}

std::optional<BucketSize> parseBucketSize(QStringView name)
{
    for (BucketSize s : {BucketSize::Minute, BucketSize::Hour, BucketSize::Day}) {
        if (name.compare(bucketSizeName(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

qint64 bucketMillis(BucketSize size)
{
    switch (size) {
    case BucketSize::Minute:
        return kMinuteMs;
    case BucketSize::Hour:
        return kHourMs;
    case BucketSize::Day:
        return kDayMs;
    }
    return kHourMs;
}

qint64 bucketStartMs(qint64 utcMillis, BucketSize size)
{
    const qint64 width = bucketMillis(size);
    // Align in CST wall-clock time, then convert back.
    return floorDiv(utcMillis + kCstOffsetMs, width) * width - kCstOffsetMs;
}

BucketSize suggestBucketSize(qint64 fromMs, qint64 untilMs)
{
    const qint64 span = untilMs - fromMs;
    if (span <= 6 * kHourMs)
        return BucketSize::Minute;
    if (span <= 16 * kDayMs)
        return BucketSize::Hour;
    return BucketSize::Day;
}

std::optional<double> MetricsBucket::failureRatePercent() const
{
    const qint64 base = rateBase();
    if (base <= 0)
        return std::nullopt;
    return 100.0 * static_cast<double>(realFailures()) / static_cast<double>(base);
}

void MetricsBucket::merge(const MetricsBucket &other)
{
    received += other.received;
    applied += other.applied;
    duplicates += other.duplicates;
    ignored += other.ignored;
    failures += other.failures;
    for (size_t i = 0; i < failuresByCause.size(); ++i)
        failuresByCause[i] += other.failuresByCause[i];
    lost += other.lost;
    retries += other.retries;
    delay.merge(other.delay);
    processing.merge(other.processing);
}

Result<MetricsAccumulator> MetricsAccumulator::create(qint64 fromMs, qint64 untilMs,
                                                      BucketSize size)
{
    if (untilMs <= fromMs) {
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The metrics range is empty: its end is not after its start."));
    }
    const qint64 width = bucketMillis(size);
    const qint64 first = bucketStartMs(fromMs, size);
    const qint64 count = floorDiv(untilMs - first + width - 1, width);
    if (count > kMaxBuckets) {
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The metrics range needs %1 buckets of one %2; choose a shorter "
                                "range or larger buckets.")
                             .arg(count)
                             .arg(bucketSizeName(size)));
    }
    MetricsAccumulator a;
    a.m_size = size;
    a.m_firstStart = first;
    a.m_from = fromMs;
    a.m_until = untilMs;
    a.m_buckets.resize(count);
    for (qint64 i = 0; i < count; ++i) {
        a.m_buckets[i].startMs = first + i * width;
        a.m_buckets[i].endMs = first + (i + 1) * width;
    }
    return a;
}

MetricsBucket *MetricsAccumulator::bucketFor(qint64 utcMillis)
{
    if (utcMillis < m_from || utcMillis >= m_until)
        return nullptr;
    const qint64 i = (utcMillis - m_firstStart) / bucketMillis(m_size);
    return i >= 0 && i < m_buckets.size() ? &m_buckets[i] : nullptr;
}

void MetricsAccumulator::add(const CallbackEvent &event)
{
    MetricsBucket *b = bucketFor(event.receivedAtMs);
    if (!b)
        return;
    ++b->received;
    switch (event.outcome) {
    case CallbackOutcome::Applied:
        ++b->applied;
        if (const auto d = event.notifyDelayMs())
            b->delay.add(*d);
        break;
    case CallbackOutcome::Duplicate:
        ++b->duplicates;
        break;
    case CallbackOutcome::Ignored:
        ++b->ignored;
        break;
    case CallbackOutcome::Rejected:
    case CallbackOutcome::Error: {
        ++b->failures;
        const FailureCause cause
            = event.cause == FailureCause::None ? FailureCause::Unspecified : event.cause;
        ++b->failuresByCause[static_cast<size_t>(cause)];
        break;
    }
    }
    if (isAcknowledged(event.outcome) && event.processingMs)
        b->processing.add(*event.processingMs);
    if (event.attempt > 1)
        ++b->retries;
}

void MetricsAccumulator::addLost(qint64 paidAtMs)
{
    if (MetricsBucket *b = bucketFor(paidAtMs))
        ++b->lost;
}

MetricsBucket MetricsAccumulator::total() const
{
    MetricsBucket t;
    t.startMs = m_from;
    t.endMs = m_until;
    for (const MetricsBucket &b : m_buckets)
        t.merge(b);
    return t;
}

QString metricLabel(MetricKind kind)
{
    switch (kind) {
    case MetricKind::Received:
        return Tr::tr("received");
    case MetricKind::Applied:
        return Tr::tr("applied");
    case MetricKind::Duplicates:
        return Tr::tr("duplicates");
    case MetricKind::Failures:
        return Tr::tr("failures");
    case MetricKind::FailureRate:
        return Tr::tr("failure rate (%)");
    case MetricKind::Lost:
        return Tr::tr("lost (inferred)");
    case MetricKind::DelayP50:
        return Tr::tr("p50 delay (s)");
    case MetricKind::DelayP95:
        return Tr::tr("p95 delay (s)");
    case MetricKind::DelayP99:
        return Tr::tr("p99 delay (s)");
    case MetricKind::ProcessingP95:
        return Tr::tr("p95 processing (ms)");
    }
    return QString();
}

Series seriesOf(const QList<MetricsBucket> &buckets, MetricKind kind)
{
    Series s;
    s.name = metricLabel(kind);
    s.keys.reserve(buckets.size());
    s.values.reserve(buckets.size());
    for (const MetricsBucket &b : buckets) {
        s.keys.append(static_cast<double>(b.startMs) / 1000.0);
        double v = kNaN;
        switch (kind) {
        case MetricKind::Received:
            v = static_cast<double>(b.received);
            break;
        case MetricKind::Applied:
            v = static_cast<double>(b.applied);
            break;
        case MetricKind::Duplicates:
            v = static_cast<double>(b.duplicates);
            break;
        case MetricKind::Failures:
            v = static_cast<double>(b.failures);
            break;
        case MetricKind::FailureRate:
            v = b.failureRatePercent().value_or(kNaN);
            break;
        case MetricKind::Lost:
            v = static_cast<double>(b.lost);
            break;
        case MetricKind::DelayP50:
            v = optionalValue(b.delay.percentile(50), 1000.0);
            break;
        case MetricKind::DelayP95:
            v = optionalValue(b.delay.percentile(95), 1000.0);
            break;
        case MetricKind::DelayP99:
            v = optionalValue(b.delay.percentile(99), 1000.0);
            break;
        case MetricKind::ProcessingP95:
            v = optionalValue(b.processing.percentile(95), 1.0);
            break;
        }
        s.values.append(v);
    }
    return s;
}

Series failureSeries(const QList<MetricsBucket> &buckets, FailureCause cause)
{
    Series s;
    s.name = failureCauseLabel(cause);
    for (const MetricsBucket &b : buckets) {
        s.keys.append(static_cast<double>(b.startMs) / 1000.0);
        s.values.append(static_cast<double>(b.failuresOf(cause)));
    }
    return s;
}

} // namespace wxr::core
