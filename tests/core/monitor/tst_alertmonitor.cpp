// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/ledger.h"
#include "monitor/alertmonitor.h"
#include "monitor/alertstore.h"
#include "monitor/monitorschema.h"
#include "notify/callbackstore.h"
#include "notify/notifyschema.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace wxr;
using namespace wxr::core;

namespace {

// 2026-11-26T12:00:00+08:00 in Unix milliseconds.
constexpr qint64 kNoon = 1795665600000;
constexpr qint64 kMin = 60000;

QStringList kindsOf(const QList<RaisedAlert> &alerts)
{
    QStringList out;
    for (const auto &a : alerts)
        out.append(alertKindName(a.kind));
    return out;
}

} // namespace

class tst_AlertMonitor final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Ledger> m_ledger;
    int m_seq = 0;

    void deliveries(qint64 atMs, int ok, int failed)
    {
        CallbackStore store(*m_ledger);
        for (int i = 0; i < ok + failed; ++i) {
            CallbackEvent e;
            e.receivedAtMs = atMs + i;
            e.notificationId = QStringLiteral("EV-%1").arg(++m_seq);
            e.successTime = atMs / 1000 - 2;
            e.outcome = i < ok ? CallbackOutcome::Applied : CallbackOutcome::Rejected;
            e.cause = i < ok ? FailureCause::None : FailureCause::DecryptFailure;
            e.httpStatus = i < ok ? 204 : 401;
            QVERIFY_RESULT(store.insert(e));
        }
    }

private slots:
    void init()
    {
        auto l = Ledger::open(m_dir.filePath(QStringLiteral("l-%1.sqlite").arg(++m_seq)),
                              LedgerOptions{5000, {notifyMigrations(), monitorMigrations()}});
        QVERIFY_RESULT(l);
        m_ledger = std::move(*l);
    }

    void cleanup() { m_ledger.reset(); }

    void lifecycle()
    {
        AlertRules rules;
        rules.thresholds = AlertThresholds{5.0, 30, 30, 15};
        deliveries(kNoon - 10 * kMin, 10, 10); // half of them fail

        auto u = evaluateAndRecordAlerts(*m_ledger, rules, kNoon);
        QVERIFY_RESULT(u);
        QCOMPARE(kindsOf(u->raised), QStringList{QStringLiteral("failure_rate")});
        QCOMPARE(u->raised[0].value, 50.0);
        QVERIFY(u->raised[0].id > 0);
        QVERIFY(u->resolved.isEmpty());

        // A minute later nothing new: the alert continues.
        u = evaluateAndRecordAlerts(*m_ledger, rules, kNoon + kMin);
        QVERIFY_RESULT(u);
        QVERIFY(u->raised.isEmpty());
        QCOMPARE(kindsOf(u->continuing), QStringList{QStringLiteral("failure_rate")});

        // An hour later: the failures left the window (resolved) and nothing arrived since
        // (silence during business hours), and a certificate is about to expire.
        const qint64 later = kNoon + 60 * kMin;
        const QList<CertificateExpiry> certs{{QStringLiteral("5157F09E"), later / 1000 + 86400}};
        u = evaluateAndRecordAlerts(*m_ledger, rules, later, certs);
        QVERIFY_RESULT(u);
        QCOMPARE(kindsOf(u->resolved), QStringList{QStringLiteral("failure_rate")});
        QCOMPARE(u->resolved[0].endedAtMs, std::optional<qint64>(later));
        QCOMPARE(kindsOf(u->raised),
                 (QStringList{QStringLiteral("silence"), QStringLiteral("certificate_expiry")}));
        QCOMPARE(u->raised[1].subject, QStringLiteral("5157F09E"));

        AlertStore store(*m_ledger);
        const auto open = store.open();
        QVERIFY_RESULT(open);
        QCOMPARE(open->size(), 2);
        const auto history = store.between(kNoon - kMin, later + 1);
        QVERIFY_RESULT(history);
        QCOMPARE(history->size(), 3);
        QCOMPARE(history->last().kind, AlertKind::FailureRate);
        QCOMPARE(history->last().startedAtMs, kNoon);
        QCOMPARE(history->last().endedAtMs, std::optional<qint64>(later));
        QVERIFY_RESULT(store.markNotified(history->last().id));

        const QString text = alertWebhookText(u->raised[0], false, QStringLiteral("1900000001"));
        QVERIFY2(text.contains(QStringLiteral("1900000001")), qPrintable(text));
        QVERIFY(text.contains(u->raised[0].message));
        QVERIFY(alertWebhookText(u->resolved[0], true, {}).contains(QStringLiteral("[wxrecon]")));
    }

    // A callback the ledger did not expect raises an alert at the next evaluation, which
    // resolves once the anomaly has left the window.
    void anomalyAlert()
    {
        AlertRules rules;
        rules.thresholds = AlertThresholds{5.0, 30, 30, 15};
        deliveries(kNoon - 2 * kMin, 12, 0);
        CallbackStore store(*m_ledger);
        CallbackEvent e;
        e.receivedAtMs = kNoon - kMin;
        e.notificationId = QStringLiteral("EV-PAID-AFTER-CLOSE");
        e.outTradeNo = QStringLiteral("T-CLOSED");
        e.httpStatus = 204;
        e.outcome = CallbackOutcome::Applied;
        const auto id = store.insert(e);
        QVERIFY_RESULT(id);
        CallbackAnomaly a;
        a.callbackId = *id;
        a.billDate = QDate(2026, 11, 26);
        a.kind = AnomalyKind::PaidAfterClose;
        a.outTradeNo = e.outTradeNo;
        a.createdAt = (kNoon - kMin) / 1000;
        QVERIFY_RESULT(store.addAnomaly(a));
        const auto before = evaluateAndRecordAlerts(*m_ledger, rules, kNoon - 2 * kMin);
        QVERIFY_RESULT(before);
        QVERIFY(before->raised.isEmpty()); // not yet recorded then

        auto u = evaluateAndRecordAlerts(*m_ledger, rules, kNoon);
        QVERIFY_RESULT(u);
        QCOMPARE(kindsOf(u->raised), QStringList{QStringLiteral("callback_anomaly")});
        QCOMPARE(u->raised[0].subject, QStringLiteral("paid_after_close"));
        QVERIFY2(u->raised[0].message.contains(QStringLiteral("T-CLOSED")),
                 qPrintable(u->raised[0].message));
        deliveries(kNoon + 10 * kMin, 12, 0); // no silence meanwhile
        u = evaluateAndRecordAlerts(*m_ledger, rules, kNoon + 15 * kMin);
        QVERIFY_RESULT(u);
        QCOMPARE(kindsOf(u->resolved), QStringList{QStringLiteral("callback_anomaly")});
    }
};

QTEST_GUILESS_MAIN(tst_AlertMonitor)
#include "tst_alertmonitor.moc"
