// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/callbackmetrics.h"
#include "testutil.h"

#include <QTest>

#include <cmath>

using namespace wxr;
using namespace wxr::core;

Q_DECLARE_METATYPE(BucketSize)

namespace {

// 2026-11-26T00:00:00+08:00 in Unix milliseconds.
constexpr qint64 kDay = 1795622400000;
constexpr qint64 kMin = 60000;
constexpr qint64 kHour = 60 * kMin;

CallbackEvent applied(qint64 receivedMs, qint64 delayMs, qint64 processingMs = 10)
{
    CallbackEvent e;
    e.receivedAtMs = receivedMs;
    // success_time has whole seconds: pick the delay so that it is representable.
    e.successTime = (receivedMs - delayMs) / 1000;
    e.outcome = CallbackOutcome::Applied;
    e.httpStatus = 200;
    e.processingMs = processingMs;
    e.attempt = 1;
    return e;
}

CallbackEvent failed(qint64 receivedMs, FailureCause cause,
                     CallbackOutcome outcome = CallbackOutcome::Rejected)
{
    CallbackEvent e;
    e.receivedAtMs = receivedMs;
    e.outcome = outcome;
    e.cause = cause;
    e.httpStatus = outcome == CallbackOutcome::Error ? 503 : 401;
    return e;
}

CallbackEvent acked(qint64 receivedMs, CallbackOutcome outcome, int attempt)
{
    CallbackEvent e = applied(receivedMs, 1000);
    e.outcome = outcome;
    e.attempt = attempt;
    return e;
}

} // namespace

class tst_CallbackMetrics final : public QObject
{
    Q_OBJECT

private slots:
    void bucketAlignment_data()
    {
        QTest::addColumn<qint64>("at");
        QTest::addColumn<BucketSize>("size");
        QTest::addColumn<qint64>("start");
        QTest::newRow("minute") << kDay + 5 * kMin + 59999 << BucketSize::Minute << kDay + 5 * kMin;
        QTest::newRow("hour") << kDay + 3 * kHour + 1 << BucketSize::Hour << kDay + 3 * kHour;
        QTest::newRow("day is the CST day")
            << kDay + 23 * kHour + 59 * kMin << BucketSize::Day << kDay;
        QTest::newRow("00:00 CST starts a new day") << kDay << BucketSize::Day << kDay;
        QTest::newRow("23:59 CST the day before")
            << kDay - 1 << BucketSize::Day << kDay - 24 * kHour;
        QTest::newRow("before 1970") << qint64(-1) << BucketSize::Minute << qint64(-kMin);
    }

    void bucketAlignment()
    {
        QFETCH(qint64, at);
        QFETCH(BucketSize, size);
        QFETCH(qint64, start);
        QCOMPARE(bucketStartMs(at, size), start);
    }

    void suggestedSizes()
    {
        QCOMPARE(suggestBucketSize(kDay, kDay + kHour), BucketSize::Minute);
        QCOMPARE(suggestBucketSize(kDay, kDay + 6 * kHour), BucketSize::Minute);
        QCOMPARE(suggestBucketSize(kDay, kDay + 7 * kHour), BucketSize::Hour);
        QCOMPARE(suggestBucketSize(kDay, kDay + 16 * 24 * kHour), BucketSize::Hour);
        QCOMPARE(suggestBucketSize(kDay, kDay + 40 * 24 * kHour), BucketSize::Day);
        for (BucketSize s : {BucketSize::Minute, BucketSize::Hour, BucketSize::Day})
            QCOMPARE(parseBucketSize(bucketSizeName(s)), std::optional<BucketSize>(s));
        QCOMPARE(parseBucketSize(u"week"), std::nullopt);
    }

    void invalidRanges()
    {
        QVERIFY_ERROR(MetricsAccumulator::create(kDay, kDay, BucketSize::Minute),
                      ErrorCode::InvalidInput);
        QVERIFY_ERROR(MetricsAccumulator::create(kDay, kDay - 1, BucketSize::Minute),
                      ErrorCode::InvalidInput);
        // A year of minutes is too many buckets; a year of days is fine.
        QVERIFY_ERROR(MetricsAccumulator::create(kDay, kDay + 365 * 24 * kHour, BucketSize::Minute),
                      ErrorCode::InvalidInput);
        QVERIFY_RESULT(MetricsAccumulator::create(kDay, kDay + 365 * 24 * kHour, BucketSize::Day));
    }

    void countsPerBucket()
    {
        // 10:00–10:03 CST in minute buckets, range starting mid-minute at 10:00:30.
        const qint64 t0 = kDay + 10 * kHour;
        auto acc = MetricsAccumulator::create(t0 + 30000, t0 + 3 * kMin, BucketSize::Minute);
        QVERIFY_RESULT(acc);
        QCOMPARE(acc->buckets().size(), 3);
        QCOMPARE(acc->buckets()[0].startMs, t0); // aligned, though the range starts later
        QCOMPARE(acc->buckets()[2].endMs, t0 + 3 * kMin);

        acc->add(applied(t0 + 10000, 2000)); // before the range: dropped
        acc->add(applied(t0 + 40000, 2000)); // bucket 0
        acc->add(applied(t0 + 50000, 4000)); // bucket 0
        acc->add(acked(t0 + 55000, CallbackOutcome::Duplicate, 2));
        acc->add(failed(t0 + kMin + 1, FailureCause::BadSignature));
        acc->add(failed(t0 + kMin + 2, FailureCause::Probe));
        acc->add(failed(t0 + kMin + 3, FailureCause::DatabaseError, CallbackOutcome::Error));
        acc->add(failed(t0 + kMin + 4, FailureCause::None)); // counted as unspecified
        acc->add(acked(t0 + kMin + 5, CallbackOutcome::Ignored, 1));
        acc->add(applied(t0 + 3 * kMin, 1000)); // the end is exclusive: dropped
        acc->addLost(t0 + 2 * kMin + 5);
        acc->addLost(t0 - 1); // outside

        const MetricsBucket &b0 = acc->buckets()[0];
        QCOMPARE(b0.received, 3);
        QCOMPARE(b0.applied, 2);
        QCOMPARE(b0.duplicates, 1);
        QCOMPARE(b0.retries, 1);
        QCOMPARE(b0.failures, 0);
        QCOMPARE(b0.delay.count(), 2); // the duplicate's delay is not counted
        // Percentiles are exact to 1/64 (DelayHistogram): 2000 ms reads as at most 2015 ms.
        QVERIFY(*b0.delay.percentile(50) >= 2000 && *b0.delay.percentile(50) <= 2000 + 2000 / 64);
        QCOMPARE(b0.delay.percentile(95), std::optional<qint64>(4000)); // the maximum
        QCOMPARE(b0.processing.count(), 3);
        QCOMPARE(b0.failureRatePercent(), std::optional<double>(0.0));

        const MetricsBucket &b1 = acc->buckets()[1];
        QCOMPARE(b1.received, 5);
        QCOMPARE(b1.failures, 4);
        QCOMPARE(b1.ignored, 1);
        QCOMPARE(b1.failuresOf(FailureCause::BadSignature), 1);
        QCOMPARE(b1.failuresOf(FailureCause::Probe), 1);
        QCOMPARE(b1.failuresOf(FailureCause::DatabaseError), 1);
        QCOMPARE(b1.failuresOf(FailureCause::Unspecified), 1);
        // Probes are expected failures: 3 real failures of 4 deliveries.
        QCOMPARE(b1.realFailures(), 3);
        QCOMPARE(b1.rateBase(), 4);
        QCOMPARE(b1.failureRatePercent(), std::optional<double>(75.0));
        QVERIFY(b1.delay.isEmpty());

        const MetricsBucket &b2 = acc->buckets()[2];
        QCOMPARE(b2.received, 0);
        QCOMPARE(b2.lost, 1);
        QCOMPARE(b2.failureRatePercent(), std::nullopt);

        const MetricsBucket total = acc->total();
        QCOMPARE(total.startMs, t0 + 30000);
        QCOMPARE(total.endMs, t0 + 3 * kMin);
        QCOMPARE(total.received, 8);
        QCOMPARE(total.lost, 1);
        QCOMPARE(total.delay.count(), 2);
    }

    void series()
    {
        const qint64 t0 = kDay + 10 * kHour;
        auto acc = MetricsAccumulator::create(t0, t0 + 2 * kHour, BucketSize::Hour);
        QVERIFY_RESULT(acc);
        for (int i = 1; i <= 20; ++i)
            acc->add(applied(t0 + i * 1000, i * 1000)); // delays 1..20 s
        acc->add(failed(t0 + 5, FailureCause::StaleTimestamp));
        const auto &buckets = acc->buckets();

        const Series p95 = seriesOf(buckets, MetricKind::DelayP95);
        QCOMPARE(p95.keys, (QList<double>{t0 / 1000.0, (t0 + kHour) / 1000.0}));
        QCOMPARE(p95.values.size(), 2);
        // 19 s is exact to 1/64: the histogram reports at most 19.296 s.
        QVERIFY(p95.values[0] >= 19.0 && p95.values[0] <= 19.0 * (1 + 1.0 / 64));
        QVERIFY(std::isnan(p95.values[1])); // no delays in the second hour: a gap
        QVERIFY(!p95.name.isEmpty());

        const Series received = seriesOf(buckets, MetricKind::Received);
        QCOMPARE(received.values, (QList<double>{21, 0}));
        const Series rate = seriesOf(buckets, MetricKind::FailureRate);
        QCOMPARE(rate.values[0], 100.0 / 21.0);
        QVERIFY(std::isnan(rate.values[1]));
        const Series stale = failureSeries(buckets, FailureCause::StaleTimestamp);
        QCOMPARE(stale.values, (QList<double>{1, 0}));
        QCOMPARE(seriesOf(buckets, MetricKind::Lost).values, (QList<double>{0, 0}));
    }
};

QTEST_GUILESS_MAIN(tst_CallbackMetrics)
#include "tst_callbackmetrics.moc"
