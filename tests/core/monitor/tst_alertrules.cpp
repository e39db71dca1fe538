// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/alertrules.h"

#include <QTest>

using namespace wxr;
using namespace wxr::core;
using namespace Qt::Literals::StringLiterals;

namespace {

// 2026-11-26T00:00:00+08:00 in Unix milliseconds.
constexpr qint64 kDay = 1795622400000;
constexpr qint64 kMin = 60000;
constexpr qint64 kHour = 60 * kMin;

AlertRules defaultRules()
{
    AlertRules r;
    r.thresholds.failureRatePercent = 5.0;
    r.thresholds.p95DelaySeconds = 30;
    r.thresholds.silenceMinutes = 30;
    r.thresholds.windowMinutes = 15;
    r.minSamples = 10;
    r.certificateWarningDays = 14;
    return r;
}

// A window with `ok` accepted deliveries (delay each) and failures by cause.
MetricsBucket window(int ok, qint64 delayMs, int badSignature = 0, int probes = 0)
{
    MetricsBucket b;
    b.received = ok + badSignature + probes;
    b.applied = ok;
    for (int i = 0; i < ok; ++i)
        b.delay.add(delayMs);
    b.failures = badSignature + probes;
    b.failuresByCause[size_t(FailureCause::BadSignature)] = badSignature;
    b.failuresByCause[size_t(FailureCause::Probe)] = probes;
    return b;
}

QStringList kinds(const QList<AlertCondition> &conditions)
{
    QStringList out;
    for (const auto &c : conditions)
        out.append(alertKindName(c.kind) + (c.subject.isEmpty() ? QString() : u':' + c.subject));
    return out;
}

} // namespace

class tst_AlertRules final : public QObject
{
    Q_OBJECT

private slots:
    void names()
    {
        for (AlertKind k : {AlertKind::FailureRate, AlertKind::DelayP95, AlertKind::Silence,
                            AlertKind::CertificateExpiry, AlertKind::CallbackAnomaly}) {
            QCOMPARE(parseAlertKind(alertKindName(k)), std::optional<AlertKind>(k));
            QVERIFY(!alertKindLabel(k).isEmpty());
        }
        QCOMPARE(parseAlertKind(u"fire"), std::nullopt);
    }

    void evaluate_data()
    {
        QTest::addColumn<qint64>("now");
        QTest::addColumn<MetricsBucket>("win");
        QTest::addColumn<qint64>("lastCallback"); // -1: none recorded
        QTest::addColumn<bool>("active");
        QTest::addColumn<QStringList>("expected");

        const qint64 noon = kDay + 12 * kHour;
        const qint64 recent = noon - 2 * kMin;
        QTest::newRow("all quiet") << noon << window(100, 2000) << recent << true << QStringList();
        QTest::newRow("failure rate above")
            << noon << window(90, 2000, 10) << recent << true << QStringList{u"failure_rate"_s};
        QTest::newRow("failure rate exactly at the threshold")
            << noon << window(95, 2000, 5) << recent << true << QStringList{u"failure_rate"_s};
        QTest::newRow("failure rate just below")
            << noon << window(96, 2000, 4) << recent << true << QStringList();
        QTest::newRow("too few deliveries to judge")
            << noon << window(5, 2000, 4) << recent << true << QStringList();
        QTest::newRow("probes are not failures")
            << noon << window(20, 2000, 0, 10) << recent << true << QStringList();
        QTest::newRow("p95 delay above")
            << noon << window(50, 45000) << recent << true << QStringList{u"p95_delay"_s};
        QTest::newRow("p95 delay below")
            << noon << window(50, 29000) << recent << true << QStringList();
        QTest::newRow("few late delays do not count")
            << noon << window(9, 90000) << recent << true << QStringList();
        QTest::newRow("silent 40 min at noon")
            << noon << MetricsBucket() << noon - 40 * kMin << true << QStringList{u"silence"_s};
        QTest::newRow("silent 20 min at noon")
            << noon << MetricsBucket() << noon - 20 * kMin << true << QStringList();
        QTest::newRow("silent at night is normal")
            << kDay + 23 * kHour << MetricsBucket() << kDay + 20 * kHour << true << QStringList();
        QTest::newRow("silence counts from opening time")
            << kDay + 9 * kHour + 10 * kMin << MetricsBucket() << kDay - 2 * kHour << true
            << QStringList();
        QTest::newRow("silence after opening time")
            << kDay + 9 * kHour + 31 * kMin << MetricsBucket() << kDay - 2 * kHour << true
            << QStringList{u"silence"_s};
        QTest::newRow("never any callback while monitoring")
            << noon << MetricsBucket() << qint64(-1) << true << QStringList{u"silence"_s};
        QTest::newRow("monitoring not in use")
            << noon << MetricsBucket() << qint64(-1) << false << QStringList();
        QTest::newRow("everything at once")
            << noon << window(10, 60000, 10) << noon - 31 * kMin << true
            << QStringList{u"failure_rate"_s, u"p95_delay"_s, u"silence"_s};
    }

    void evaluate()
    {
        QFETCH(qint64, now);
        QFETCH(MetricsBucket, win);
        QFETCH(qint64, lastCallback);
        QFETCH(bool, active);
        QFETCH(QStringList, expected);
        AlertInput in;
        in.nowMs = now;
        in.window = win;
        if (lastCallback >= 0)
            in.lastCallbackMs = lastCallback;
        in.monitoringActive = active;
        const auto conditions = evaluateAlerts(defaultRules(), in);
        QCOMPARE(kinds(conditions), expected);
        for (const auto &c : conditions)
            QVERIFY(!c.message.isEmpty());
    }

    void values()
    {
        AlertInput in;
        in.nowMs = kDay + 12 * kHour;
        in.window = window(90, 45000, 10);
        const auto c = evaluateAlerts(defaultRules(), in);
        QCOMPARE(c.size(), 2);
        QCOMPARE(c[0].kind, AlertKind::FailureRate);
        QCOMPARE(c[0].value, 10.0);
        QCOMPARE(c[0].threshold, 5.0);
        QVERIFY2(c[0].message.contains(QStringLiteral("10.0 %")), qPrintable(c[0].message));
        QCOMPARE(c[1].kind, AlertKind::DelayP95);
        QVERIFY(c[1].value >= 45.0 && c[1].value < 46.0);
    }

    void businessHoursUntilMidnight()
    {
        AlertRules r = defaultRules();
        r.businessStart = QTime(18, 0);
        r.businessEnd = QTime(0, 0); // a night market: 18:00 to midnight
        AlertInput in;
        in.monitoringActive = true;
        in.lastCallbackMs = kDay + 22 * kHour;
        in.nowMs = kDay + 23 * kHour;
        QCOMPARE(kinds(evaluateAlerts(r, in)), QStringList{u"silence"_s});
        in.nowMs = kDay + 12 * kHour + 24 * kHour;
        QCOMPARE(kinds(evaluateAlerts(r, in)), QStringList());
    }

    void certificates()
    {
        AlertInput in;
        in.nowMs = kDay + 12 * kHour;
        const qint64 now = in.nowMs / 1000;
        in.certificates = {{QStringLiteral("FAR"), now + 200 * 86400},
                           {QStringLiteral("SOON"), now + 10 * 86400 + 5},
                           {QStringLiteral("GONE"), now - 86400}};
        const auto c = evaluateAlerts(defaultRules(), in);
        QCOMPARE(kinds(c),
                 (QStringList{u"certificate_expiry:GONE"_s, u"certificate_expiry:SOON"_s}));
        QVERIFY(c[0].message.contains(QStringLiteral("expired")));
        QVERIFY(c[0].value < 0);
        QVERIFY2(c[1].message.contains(QStringLiteral("in 10 days")), qPrintable(c[1].message));
    }

    void anomalies()
    {
        AlertInput in;
        in.nowMs = kDay + 12 * kHour;
        const auto anomaly = [](AnomalyKind kind, const char *order, const char *refund = "") {
            CallbackAnomaly a;
            a.kind = kind;
            a.outTradeNo = QString::fromLatin1(order);
            a.outRefundNo = QString::fromLatin1(refund);
            return a;
        };
        QCOMPARE(kinds(evaluateAlerts(defaultRules(), in)), QStringList());
        in.anomalies = {anomaly(AnomalyKind::AmountMismatch, "T1"),
                        anomaly(AnomalyKind::UnknownRefund, "T2", "R2"),
                        anomaly(AnomalyKind::AmountMismatch, "T3"),
                        anomaly(AnomalyKind::AmountMismatch, "T4"),
                        anomaly(AnomalyKind::AmountMismatch, "T5"),
                        anomaly(AnomalyKind::AmountMismatch, "T6")};
        const auto c = evaluateAlerts(defaultRules(), in);
        // One alert per kind, whatever the other rules say.
        QCOMPARE(kinds(c), (QStringList{u"callback_anomaly:unknown_refund"_s,
                                        u"callback_anomaly:amount_mismatch"_s}));
        QCOMPARE(c[1].value, 5.0);
        QVERIFY2(c[0].message.contains(u"R2"_s), qPrintable(c[0].message));
        // The first orders are named, the rest counted.
        QVERIFY2(c[1].message.contains(u"T1, T3, T4 and 2 more"_s), qPrintable(c[1].message));
        QVERIFY2(c[1].message.contains(anomalyKindLabel(AnomalyKind::AmountMismatch)),
                 qPrintable(c[1].message));
    }

    void diff()
    {
        auto open = [](qint64 id, AlertKind k, const QString &subject) {
            RaisedAlert a;
            a.id = id;
            a.kind = k;
            a.subject = subject;
            a.startedAtMs = kDay;
            a.value = 1;
            return a;
        };
        const QList<RaisedAlert> opened{open(1, AlertKind::FailureRate, {}),
                                        open(2, AlertKind::CertificateExpiry, QStringLiteral("A"))};
        const QList<AlertCondition> now{
            {AlertKind::FailureRate, {}, 12.0, 5.0, QStringLiteral("12 %")},
            {AlertKind::Silence, {}, 31.0, 30.0, QStringLiteral("silent")},
            {AlertKind::CertificateExpiry, QStringLiteral("B"), 3.0, 14.0, QStringLiteral("B")},
            {AlertKind::Silence, {}, 31.0, 30.0, QStringLiteral("twice")},
        };
        const AlertChanges c = diffAlerts(opened, now);
        QCOMPARE(kinds(c.raised), (QStringList{u"silence"_s, u"certificate_expiry:B"_s}));
        QCOMPARE(c.resolved.size(), 1);
        QCOMPARE(c.resolved[0].id, 2);
        QCOMPARE(c.continuing.size(), 1);
        QCOMPARE(c.continuing[0].id, 1);
        QCOMPARE(c.continuing[0].value, 12.0);
        QCOMPARE(c.continuing[0].message, QStringLiteral("12 %"));

        const AlertChanges none = diffAlerts({}, {});
        QVERIFY(none.raised.isEmpty() && none.resolved.isEmpty() && none.continuing.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_AlertRules)
#include "tst_alertrules.moc"
