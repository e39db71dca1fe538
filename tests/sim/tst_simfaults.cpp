// SPDX-License-Identifier: GPL-3.0-or-later
// The fault settings language of the stand-in (--faults, POST /_sim/faults).
#include "faults.h"
#include "testutil.h"

#include <QTest>

using namespace wxr;
using namespace wxr::sim;

class TstSimFaults : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void endpointClauseOverridesStar();
    void failNextCountsDown();
    void specRoundTrips();
};

void TstSimFaults::parse_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("ok");
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("several clauses")
        << QStringLiteral("query:error500=0.1,latency=50-400; download:truncate=1") << true;
    QTest::newRow("star and notify")
        << QStringLiteral("*:oldcert=0.5;notify:lost=0.05,delay=100-5000:log") << true;
    QTest::newRow("clock") << QStringLiteral("clock:skew=-120") << true;
    QTest::newRow("limit and fail-next") << QStringLiteral("query:limit=10,fail-next=2") << true;
    QTest::newRow("unknown target") << QStringLiteral("orders:error500=1") << false;
    QTest::newRow("unknown key") << QStringLiteral("query:explode=1") << false;
    QTest::newRow("share above one") << QStringLiteral("query:drop=2") << false;
    QTest::newRow("latency backwards") << QStringLiteral("query:latency=400-50") << false;
    QTest::newRow("no colon") << QStringLiteral("error500=1") << false;
    QTest::newRow("clock without skew") << QStringLiteral("clock:ahead=5") << false;
    QTest::newRow("negative limit") << QStringLiteral("query:limit=-1") << false;
}

void TstSimFaults::parse()
{
    QFETCH(QString, spec);
    QFETCH(bool, ok);
    FaultSettings f;
    const Status s = parseFaults(spec, f);
    QCOMPARE(s.ok(), ok);
    if (!ok)
        QCOMPARE(s.error().code, ErrorCode::InvalidInput);
}

void TstSimFaults::endpointClauseOverridesStar()
{
    FaultSettings f;
    QVERIFY_RESULT(parseFaults(QStringLiteral("*:error500=0.5;query:latency=10"), f));
    QCOMPARE(f.forEndpoint(QStringLiteral("download")).error500, 0.5);
    QCOMPARE(f.forEndpoint(QStringLiteral("query")).error500, 0.0);
    QCOMPARE(f.forEndpoint(QStringLiteral("query")).latencyMaxMs, 10);
    // A second parse merges into what is there.
    QVERIFY_RESULT(parseFaults(QStringLiteral("query:error429=1"), f));
    QCOMPARE(f.forEndpoint(QStringLiteral("query")).latencyMaxMs, 10);
    QCOMPARE(f.forEndpoint(QStringLiteral("query")).error429, 1.0);
}

void TstSimFaults::failNextCountsDown()
{
    FaultSettings f;
    QVERIFY_RESULT(parseFaults(QStringLiteral("close:fail-next=2"), f));
    QVERIFY(f.takeFailNext(QStringLiteral("close")));
    QVERIFY(f.takeFailNext(QStringLiteral("close")));
    QVERIFY(!f.takeFailNext(QStringLiteral("close")));
    QVERIFY(!f.takeFailNext(QStringLiteral("query")));
}

void TstSimFaults::specRoundTrips()
{
    FaultSettings f;
    QVERIFY_RESULT(parseFaults(
        QStringLiteral(
            "query:error500=0.25,latency=5-50,limit=3;download:truncate=1;"
            "notify:lost=0.1,duplicate=0.2,delay=10-900:log,pubkey=1,probe=0.5,timeout=800;"
            "clock:skew=30"),
        f));
    FaultSettings g;
    QVERIFY_RESULT(parseFaults(f.toSpec(), g));
    QCOMPARE(g.toSpec(), f.toSpec());
    QCOMPARE(g.notify.delayLogUniform, true);
    QCOMPARE(g.notify.replyTimeoutMs, 800);
    QCOMPARE(g.clockSkewSeconds, 30);
    QCOMPARE(g.forEndpoint(QStringLiteral("query")).limitPerSecond, 3);
}

QTEST_GUILESS_MAIN(TstSimFaults)
#include "tst_simfaults.moc"
