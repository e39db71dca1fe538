// SPDX-License-Identifier: GPL-3.0-or-later
#include "wechatpay/ratelimiter.h"

#include <QTest>

using namespace wxr::core;

class tst_RateLimiter final : public QObject
{
    Q_OBJECT

private slots:
    void spacing()
    {
        RateLimiter l;
        l.configure(EndpointFamily::Query, 50, 1);
        // Booked at the same instant: 0, 20, 40, 60 ms.
        QCOMPARE(l.reserve(EndpointFamily::Query, 1000), qint64(0));
        QCOMPARE(l.reserve(EndpointFamily::Query, 1000), qint64(20));
        QCOMPARE(l.reserve(EndpointFamily::Query, 1000), qint64(40));
        QCOMPARE(l.reserve(EndpointFamily::Query, 1000), qint64(60));
        // After a quiet second the bucket is full again (burst 1).
        QCOMPARE(l.reserve(EndpointFamily::Query, 3000), qint64(0));
        QCOMPARE(l.reserve(EndpointFamily::Query, 3000), qint64(20));
    }

    void burst()
    {
        RateLimiter l;
        l.configure(EndpointFamily::Bill, 1, 3);
        QCOMPARE(l.reserve(EndpointFamily::Bill, 0), qint64(0));
        QCOMPARE(l.reserve(EndpointFamily::Bill, 0), qint64(0));
        QCOMPARE(l.reserve(EndpointFamily::Bill, 0), qint64(0));
        QCOMPARE(l.reserve(EndpointFamily::Bill, 0), qint64(1000));
        QCOMPARE(l.reserve(EndpointFamily::Bill, 500), qint64(1500)); // queue keeps its order
    }

    void familiesAreIndependent()
    {
        RateLimiter l;
        l.configure(EndpointFamily::Query, 1, 1);
        l.configure(EndpointFamily::Bill, 1, 1);
        QCOMPARE(l.reserve(EndpointFamily::Query, 0), qint64(0));
        QCOMPARE(l.reserve(EndpointFamily::Bill, 0), qint64(0));
        QCOMPARE(l.reserve(EndpointFamily::Query, 0), qint64(1000));
    }

    void backoff_data()
    {
        QTest::addColumn<int>("retry");
        QTest::addColumn<double>("u");
        QTest::addColumn<qint64>("expected");
        // base 100 ms, cap 1000 ms
        QTest::newRow("first retry, top") << 0 << 0.999999 << qint64(99);
        QTest::newRow("second retry, top") << 1 << 0.999999 << qint64(199);
        QTest::newRow("third retry, half") << 2 << 0.5 << qint64(200);
        QTest::newRow("capped") << 6 << 0.999999 << qint64(999);
        QTest::newRow("huge retry number stays capped") << 1000 << 0.5 << qint64(500);
        QTest::newRow("zero draw") << 3 << 0.0 << qint64(0);
    }

    void backoff()
    {
        QFETCH(int, retry);
        QFETCH(double, u);
        QFETCH(qint64, expected);
        QCOMPARE(backoffDelayMs(retry, 100, 1000, u), expected);
    }
};

QTEST_APPLESS_MAIN(tst_RateLimiter)
#include "tst_ratelimiter.moc"
