// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/delayhistogram.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace wxr::core;

namespace {

// The exact nearest-rank percentile of a sorted list.
qint64 exactPercentile(const QList<qint64> &sorted, double p)
{
    const qint64 rank = std::max<qint64>(
        1, static_cast<qint64>(std::ceil(p / 100.0 * double(sorted.size()) - 1e-9)));
    return sorted[rank - 1];
}

} // namespace

class tst_DelayHistogram final : public QObject
{
    Q_OBJECT

private slots:
    void empty()
    {
        DelayHistogram h;
        QVERIFY(h.isEmpty());
        QCOMPARE(h.percentile(50), std::nullopt);
        QCOMPARE(h.min(), std::nullopt);
        QCOMPARE(h.max(), std::nullopt);
        QCOMPARE(h.mean(), std::nullopt);
    }

    // Small values are exact, so classic textbook cases hold to the millisecond.
    void exactBelow128_data()
    {
        QTest::addColumn<QList<qint64>>("values");
        QTest::addColumn<double>("p");
        QTest::addColumn<qint64>("expected");
        const QList<qint64> oneToTwenty{1,  2,  3,  4,  5,  6,  7,  8,  9,  10,
                                        11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        QTest::newRow("p50 of 1..20") << oneToTwenty << 50.0 << qint64(10);
        QTest::newRow("p95 of 1..20") << oneToTwenty << 95.0 << qint64(19);
        QTest::newRow("p99 of 1..20") << oneToTwenty << 99.0 << qint64(20);
        QTest::newRow("p100 of 1..20") << oneToTwenty << 100.0 << qint64(20);
        QTest::newRow("tiny p is the minimum") << oneToTwenty << 0.1 << qint64(1);
        QTest::newRow("single value") << QList<qint64>{42} << 95.0 << qint64(42);
        QTest::newRow("unsorted input") << QList<qint64>{9, 1, 5, 3, 7} << 50.0 << qint64(5);
        QTest::newRow("negatives count as zero") << QList<qint64>{-300, -1, 2} << 50.0 << qint64(0);
    }

    void exactBelow128()
    {
        QFETCH(QList<qint64>, values);
        QFETCH(double, p);
        QFETCH(qint64, expected);
        DelayHistogram h;
        for (qint64 v : values)
            h.add(v);
        QCOMPARE(h.count(), values.size());
        QCOMPARE(h.percentile(p), std::optional<qint64>(expected));
    }

    void bucketsAreContiguous()
    {
        // Every index's range starts right after the previous one ends.
        qint64 previousUpper = -1;
        for (int i = 0; i < 2000; ++i) {
            const qint64 upper = DelayHistogram::upperBoundOf(i);
            QVERIFY(upper > previousUpper);
            QCOMPARE(DelayHistogram::indexOf(previousUpper + 1), i);
            QCOMPARE(DelayHistogram::indexOf(upper), i);
            previousUpper = upper;
        }
    }

    // Random delays from a few ms to a day: every percentile is within 1/64 above the exact.
    void boundedRelativeError_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("n");
        QTest::newRow("1000 values") << 1u << 1000;
        QTest::newRow("10 values") << 2u << 10;
        QTest::newRow("20000 values") << 3u << 20000;
    }

    void boundedRelativeError()
    {
        QFETCH(quint32, seed);
        QFETCH(int, n);
        QRandomGenerator rng(seed);
        DelayHistogram h;
        QList<qint64> values;
        for (int i = 0; i < n; ++i) {
            // Log-uniform between 1 ms and ~1 day, like callback delays with retries.
            const qint64 v = qint64(std::exp(rng.generateDouble() * std::log(86'400'000.0)));
            values.append(v);
            h.add(v);
        }
        std::sort(values.begin(), values.end());
        for (double p : {1.0, 50.0, 90.0, 95.0, 99.0, 99.9, 100.0}) {
            const qint64 exact = exactPercentile(values, p);
            const qint64 got = *h.percentile(p);
            QVERIFY2(got >= exact,
                     qPrintable(QStringLiteral("p%1: %2 < %3").arg(p).arg(got).arg(exact)));
            QVERIFY2(double(got - exact) <= double(exact) / 64.0 + 1e-9,
                     qPrintable(QStringLiteral("p%1: %2 vs %3").arg(p).arg(got).arg(exact)));
        }
        QCOMPARE(*h.min(), values.first());
        QCOMPARE(*h.max(), values.last());
    }

    void mergeEqualsAddingAll()
    {
        DelayHistogram a, b, all;
        for (qint64 v : {5, 1500, 70000, 120}) {
            a.add(v);
            all.add(v);
        }
        for (qint64 v : {-5, 3, 999999, 42}) {
            b.add(v);
            all.add(v);
        }
        DelayHistogram merged = a;
        merged.merge(b);
        QCOMPARE(merged.count(), all.count());
        QCOMPARE(merged.negativeCount(), qint64(1));
        QCOMPARE(merged.min(), all.min());
        QCOMPARE(merged.max(), all.max());
        QCOMPARE(merged.mean(), all.mean());
        for (double p : {10.0, 50.0, 95.0, 99.0})
            QCOMPARE(merged.percentile(p), all.percentile(p));
        DelayHistogram empty;
        merged.merge(empty);
        QCOMPARE(merged.count(), all.count());
        empty.merge(a);
        QCOMPARE(empty.percentile(50), a.percentile(50));
    }

    void hugeValuesAreClamped()
    {
        DelayHistogram h;
        h.add(std::numeric_limits<qint64>::max());
        QVERIFY(*h.percentile(50) > 0);
        QCOMPARE(h.percentile(50), h.max());
    }
};

QTEST_GUILESS_MAIN(tst_DelayHistogram)
#include "tst_delayhistogram.moc"
