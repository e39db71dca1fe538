// SPDX-License-Identifier: GPL-3.0-or-later
#include "callbackforge.h"
#include "ledger/auditlog.h"
#include "ledger/ledger.h"
#include "ledger/orderrepository.h"
#include "ledger/refundrepository.h"
#include "notify/callbackstore.h"
#include "notify/ledgercallbacksink.h"
#include "notify/notifyschema.h"
#include "testutil.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace wxr;
using namespace wxr::core;
using namespace wxr::core::test;

namespace {

constexpr qint64 kNow = 1795659120; // 2026-11-26T10:12:00+08:00

} // namespace

class tst_LedgerCallbackSink final : public QObject
{
    Q_OBJECT

    CallbackForge m_forge;
    std::shared_ptr<KeyStore> m_keys;
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<LedgerCallbackSink> m_sink;
    int m_seq = 0;

    CallbackDecoder decoder() const
    {
        return CallbackDecoder(m_keys, QString::fromLatin1(m_forge.mchid), m_forge.apiV3Key,
                               [] { return kNow; });
    }

    DecodedCallback decode(const QByteArray &body) const
    {
        return decoder().decode(m_forge.request(body, kNow, kNow * 1000 + 800));
    }

    DecodedCallback payment(const QByteArray &id, const QByteArray &outTradeNo, qint64 amount,
                            const QByteArray &state = "SUCCESS") const
    {
        return decode(m_forge.envelope(id, "TRANSACTION.SUCCESS",
                                       m_forge.payment(outTradeNo, amount, kNow - 2, state)));
    }

    DecodedCallback refund(const QByteArray &id, const QByteArray &eventType,
                           const QByteArray &outRefundNo, const QByteArray &status, qint64 amount,
                           std::optional<qint64> successTime) const
    {
        return decode(m_forge.envelope(
            id, eventType,
            m_forge.refund(outRefundNo, "T2026112600000001", status, amount, 1250, successTime)));
    }

    void importOrder(const QString &outTradeNo, const QString &state, qint64 amount)
    {
        TradeEvent t;
        t.outTradeNo = outTradeNo;
        t.state = state;
        t.amountFen = amount;
        t.at = kNow - 600;
        t.createdAt = kNow - 600;
        t.source = RecordSource::Import;
        QVERIFY_RESULT(OrderRepository(m_sink->ledger()).applyTradeState(t));
    }

    Order order(const QString &outTradeNo)
    {
        const auto o = OrderRepository(m_sink->ledger()).find(outTradeNo);
        if (!o || !o->has_value())
            qFatal("no order %s", qPrintable(outTradeNo));
        return **o;
    }

    qint64 scalar(const QString &sql)
    {
        QSqlQuery q(m_sink->ledger().database());
        if (!q.exec(sql) || !q.next())
            qFatal("query failed: %s", qPrintable(sql));
        return q.value(0).toLongLong();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_keys = m_forge.keyStore();
    }

    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_seq));
        auto sink = LedgerCallbackSink::open({m_path});
        QVERIFY_RESULT(sink);
        m_sink = std::move(*sink);
    }

    void cleanup() { m_sink.reset(); }

    void knownOrderBecomesPaidOnce()
    {
        importOrder(QStringLiteral("T2026112600000001"), QStringLiteral("NOTPAY"), 1250);
        const DecodedCallback cb = payment("EV-1", "T2026112600000001", 1250);
        QVERIFY(cb.accepted);
        const auto events = m_sink->apply({cb});
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].outcome, CallbackOutcome::Applied);
        QCOMPARE(events[0].httpStatus, 204);
        QCOMPARE(events[0].attempt, 1);
        const Order o = order(QStringLiteral("T2026112600000001"));
        QCOMPARE(o.status, QStringLiteral("SUCCESS"));
        QCOMPARE(o.paidAt, std::optional<qint64>(kNow - 2));
        QVERIFY(!o.transactionId.isEmpty());
        QVERIFY(!o.needsReview);
        const auto audit
            = AuditLog(m_sink->ledger())
                  .forEntity(QStringLiteral("order"), QStringLiteral("T2026112600000001"));
        QVERIFY_RESULT(audit);
        QCOMPARE(audit->size(), 2); // import create + callback state
        QCOMPARE(audit->last().actor, QStringLiteral("callback EV-1"));
        QCOMPARE(audit->last().newValue, QStringLiteral("SUCCESS"));

        // The same callback again (a retry after a lost acknowledgement, or a byte-identical
        // replay): acknowledged, counted, nothing changes.
        const auto again = m_sink->apply({cb});
        QCOMPARE(again[0].outcome, CallbackOutcome::Duplicate);
        QCOMPARE(again[0].httpStatus, 204);
        QCOMPARE(again[0].attempt, 2);
        // Another notification id for the same payment: a duplicate by business key.
        const auto other = m_sink->apply({payment("EV-1b", "T2026112600000001", 1250)});
        QCOMPARE(other[0].outcome, CallbackOutcome::Duplicate);
        QCOMPARE(other[0].attempt, 1);
        QCOMPARE(AuditLog(m_sink->ledger())
                     .forEntity(QStringLiteral("order"), QStringLiteral("T2026112600000001"))
                     ->size(),
                 2);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM callbacks")), 3);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM callbacks WHERE outcome = "
                                       "'duplicate'")),
                 2);
        // What was recorded: headers without secrets, the body hash, the ledger's effect.
        QSqlQuery q(m_sink->ledger().database());
        QVERIFY(q.exec(QStringLiteral("SELECT headers, body_sha256, ledger_effect, serial, "
                                      "processing_ms FROM callbacks ORDER BY id LIMIT 1")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toString().contains(QStringLiteral("Wechatpay-Signature")));
        QCOMPARE(q.value(1).toString().size(), 64);
        QCOMPARE(q.value(2).toString(), QStringLiteral("applied"));
        QCOMPARE(q.value(3).toString(), QString::fromLatin1(m_forge.serial));
        QVERIFY(!q.value(4).isNull());
    }

    void unknownOrderIsCreatedForReview()
    {
        const auto events = m_sink->apply({payment("EV-2", "T2026112600000099", 880)});
        QCOMPARE(events[0].outcome, CallbackOutcome::Applied);
        const Order o = order(QStringLiteral("T2026112600000099"));
        QCOMPARE(o.status, QStringLiteral("SUCCESS"));
        QCOMPARE(o.source, RecordSource::Callback);
        QCOMPARE(o.amountFen, 880);
        QVERIFY(o.needsReview);
        CallbackStore store(m_sink->ledger());
        const auto anomalies = store.anomaliesOn(QDate(2026, 11, 26));
        QVERIFY_RESULT(anomalies);
        QCOMPARE(anomalies->size(), 1);
        QCOMPARE(anomalies->first().kind, AnomalyKind::UnknownOrder);
        QCOMPARE(anomalies->first().outTradeNo, QStringLiteral("T2026112600000099"));
        QCOMPARE(anomalies->first().callbackAmountFen, std::optional<qint64>(880));
    }

    void amountMismatchIsAppliedAndRecorded()
    {
        importOrder(QStringLiteral("T2026112600000002"), QStringLiteral("NOTPAY"), 1000);
        const auto events = m_sink->apply({payment("EV-3", "T2026112600000002", 1250)});
        QCOMPARE(events[0].outcome, CallbackOutcome::Applied);
        const Order o = order(QStringLiteral("T2026112600000002"));
        QCOMPARE(o.status, QStringLiteral("SUCCESS"));
        QCOMPARE(o.amountFen, 1000); // the ledger keeps its amount; the difference is flagged
        QVERIFY(o.needsReview);
        const auto anomalies = CallbackStore(m_sink->ledger()).anomaliesOn(QDate(2026, 11, 26));
        QCOMPARE(anomalies->size(), 1);
        QCOMPARE(anomalies->first().kind, AnomalyKind::AmountMismatch);
        QCOMPARE(anomalies->first().ledgerAmountFen, std::optional<qint64>(1000));
        QCOMPARE(anomalies->first().callbackAmountFen, std::optional<qint64>(1250));
    }

    // Monotonic: a callback never moves a final state back or sideways.
    void monotonicStates_data()
    {
        QTest::addColumn<QString>("ledgerState");
        QTest::addColumn<QByteArray>("callbackState");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("effect");
        QTest::newRow("SUCCESS never back to NOTPAY")
            << "SUCCESS" << QByteArray("NOTPAY") << "SUCCESS"
            << "ignored: the current state is final";
        QTest::newRow("REFUND stays REFUND") << "REFUND" << QByteArray("SUCCESS") << "REFUND"
                                             << "ignored: the current state is final";
        QTest::newRow("CLOSED then paid") << "CLOSED" << QByteArray("SUCCESS") << "SUCCESS"
                                          << "paid after close";
        QTest::newRow("USERPAYING to SUCCESS") << "USERPAYING" << QByteArray("SUCCESS") << "SUCCESS"
                                               << "applied";
        QTest::newRow("already SUCCESS (imported)")
            << "SUCCESS" << QByteArray("SUCCESS") << "SUCCESS"
            << "unchanged";
    }

    void monotonicStates()
    {
        QFETCH(QString, ledgerState);
        QFETCH(QByteArray, callbackState);
        QFETCH(QString, after);
        QFETCH(QString, effect);
        importOrder(QStringLiteral("T2026112600000003"), ledgerState, 500);
        const auto events
            = m_sink->apply({payment("EV-4", "T2026112600000003", 500, callbackState)});
        // Acknowledged either way: WeChat cannot fix it by retrying.
        QCOMPARE(events[0].httpStatus, 204);
        QCOMPARE(events[0].outcome, CallbackOutcome::Applied);
        QCOMPARE(order(QStringLiteral("T2026112600000003")).status, after);
        QSqlQuery q(m_sink->ledger().database());
        QVERIFY(q.exec(QStringLiteral("SELECT ledger_effect FROM callbacks")) && q.next());
        QCOMPARE(q.value(0).toString(), effect);
        if (effect == u"paid after close") {
            const auto a = CallbackStore(m_sink->ledger()).anomaliesOn(QDate(2026, 11, 26));
            QCOMPARE(a->size(), 1);
            QCOMPARE(a->first().kind, AnomalyKind::PaidAfterClose);
        }
    }

    void refunds()
    {
        importOrder(QStringLiteral("T2026112600000001"), QStringLiteral("SUCCESS"), 1250);
        // An abnormal refund, then its success, then the old abnormal notice again late.
        auto e = m_sink->apply({refund("EV-R1", "REFUND.ABNORMAL", "R1", "ABNORMAL", 500, {})});
        QCOMPARE(e[0].outcome, CallbackOutcome::Applied);
        auto r = RefundRepository(m_sink->ledger()).find(QStringLiteral("R1"));
        QCOMPARE((*r)->status, QStringLiteral("ABNORMAL"));
        QCOMPARE((*r)->source, RecordSource::Callback);
        QVERIFY((*r)->needsReview); // unknown before its callback
        e = m_sink->apply({refund("EV-R2", "REFUND.SUCCESS", "R1", "SUCCESS", 500, kNow - 1)});
        QCOMPARE(e[0].outcome, CallbackOutcome::Applied);
        r = RefundRepository(m_sink->ledger()).find(QStringLiteral("R1"));
        QCOMPARE((*r)->status, QStringLiteral("SUCCESS"));
        QCOMPARE((*r)->successAt, std::optional<qint64>(kNow - 1));
        e = m_sink->apply({refund("EV-R3", "REFUND.ABNORMAL", "R1", "ABNORMAL", 500, {})});
        QCOMPARE(e[0].httpStatus, 204);
        // The same state via another id is a duplicate; the older state is not applied.
        QCOMPARE(e[0].outcome, CallbackOutcome::Duplicate);
        QCOMPARE(RefundRepository(m_sink->ledger()).find(QStringLiteral("R1")).value()->status,
                 QStringLiteral("SUCCESS"));
        const auto anomalies = CallbackStore(m_sink->ledger()).anomaliesOn(QDate(2026, 11, 26));
        QCOMPARE(anomalies->size(), 1);
        QCOMPARE(anomalies->first().kind, AnomalyKind::UnknownRefund);
        QCOMPARE(anomalies->first().outRefundNo, QStringLiteral("R1"));
    }

    void ignoredAndRejectedAreRecordedNotApplied()
    {
        const DecodedCallback unknownType
            = decode(m_forge.envelope("EV-5", "PAYSCORE.USER_CONFIRM", "{}"));
        DecodedCallback probe = payment("EV-6", "T2026112600000004", 100);
        {
            InboundRequest req
                = m_forge.request(m_forge.envelope("EV-6", "TRANSACTION.SUCCESS",
                                                   m_forge.payment("T2026112600000004", 100, kNow)),
                                  kNow);
            req.headers.set("Wechatpay-Signature", "WECHATPAY/SIGNTEST/AAAA");
            probe = decoder().decode(req);
        }
        QVERIFY(!probe.accepted);
        const auto events = m_sink->apply({unknownType, probe});
        QCOMPARE(events[0].outcome, CallbackOutcome::Ignored);
        QCOMPARE(events[0].httpStatus, 204);
        QCOMPARE(events[1].outcome, CallbackOutcome::Rejected);
        QCOMPARE(events[1].httpStatus, 401);
        QCOMPARE(OrderRepository(m_sink->ledger()).count().value(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM callbacks WHERE cause = 'probe'")), 1);

        // The genuine delivery after a probe applies. The probe's body was never trusted, so
        // its notification id is unknown and this counts as the first delivery seen.
        QVERIFY(events[1].notificationId.isEmpty());
        const auto genuine = m_sink->apply({payment("EV-6", "T2026112600000004", 100)});
        QCOMPARE(genuine[0].outcome, CallbackOutcome::Applied);
        QCOMPARE(genuine[0].attempt, 1);
    }

    void batchIsOneTransaction()
    {
        QList<DecodedCallback> batch;
        for (int i = 0; i < 50; ++i)
            batch.append(payment("EV-B" + QByteArray::number(i),
                                 "T20261126" + QByteArray::number(20000000 + i), 100 + i));
        batch.append(batch[3]); // a duplicate inside the batch
        const auto events = m_sink->apply(batch);
        QCOMPARE(events.size(), 51);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(events[i].outcome, CallbackOutcome::Applied);
        QCOMPARE(events[50].outcome, CallbackOutcome::Duplicate);
        QCOMPARE(OrderRepository(m_sink->ledger()).count().value(), 50);
    }

    // The sink keeps its repositories' statements prepared across batches: later batches see
    // what earlier ones wrote (created, then updated, then duplicate), with one audit row per
    // change and the values of their own callback, not of an earlier binding.
    void statementsAreReusedAcrossBatches()
    {
        importOrder(QStringLiteral("T2026112600000001"), QStringLiteral("NOTPAY"), 1250);
        importOrder(QStringLiteral("T2026112600000002"), QStringLiteral("NOTPAY"), 700);
        // 1: a known order paid, an unknown one created, another known one still unpaid.
        auto e = m_sink->apply({payment("EV-S1", "T2026112600000001", 1250),
                                payment("EV-S2", "T2026112600000009", 990, "NOTPAY"),
                                payment("EV-S3", "T2026112600000002", 700, "USERPAYING")});
        for (const CallbackEvent &x : e)
            QCOMPARE(x.outcome, CallbackOutcome::Applied);
        // 2: the created one paid (with another amount), the unpaid one paid, a duplicate.
        e = m_sink->apply({payment("EV-S4", "T2026112600000009", 995),
                           payment("EV-S5", "T2026112600000002", 700),
                           payment("EV-S1", "T2026112600000001", 1250)});
        QCOMPARE(e[0].outcome, CallbackOutcome::Applied);
        QCOMPARE(e[1].outcome, CallbackOutcome::Applied);
        QCOMPARE(e[2].outcome, CallbackOutcome::Duplicate);
        QCOMPARE(order(QStringLiteral("T2026112600000001")).status, QStringLiteral("SUCCESS"));
        QCOMPARE(order(QStringLiteral("T2026112600000002")).status, QStringLiteral("SUCCESS"));
        const Order created = order(QStringLiteral("T2026112600000009"));
        QCOMPARE(created.status, QStringLiteral("SUCCESS"));
        QCOMPARE(created.amountFen, 990); // the amount of its creation; the difference flagged
        QVERIFY(created.needsReview);
        QVERIFY(created.reviewReason.contains(QStringLiteral("995")));
        QVERIFY(!order(QStringLiteral("T2026112600000002")).needsReview);

        auto audit = [this](const char *outTradeNo) {
            QStringList out;
            const auto rows
                = AuditLog(m_sink->ledger())
                      .forEntity(QStringLiteral("order"), QString::fromLatin1(outTradeNo));
            for (const AuditEntry &a : *rows)
                out << a.actor + u' ' + a.action + u' ' + a.oldValue + u'>' + a.newValue;
            return out;
        };
        QCOMPARE(audit("T2026112600000001"),
                 (QStringList{QStringLiteral("import create >NOTPAY"),
                              QStringLiteral("callback EV-S1 state NOTPAY>SUCCESS")}));
        QCOMPARE(audit("T2026112600000002"),
                 (QStringList{QStringLiteral("import create >NOTPAY"),
                              QStringLiteral("callback EV-S3 state NOTPAY>USERPAYING"),
                              QStringLiteral("callback EV-S5 state USERPAYING>SUCCESS")}));
        QCOMPARE(audit("T2026112600000009"),
                 (QStringList{QStringLiteral("callback EV-S2 create >NOTPAY"),
                              QStringLiteral("callback EV-S4 state NOTPAY>SUCCESS")}));
    }

    // A batch that fails (disk full, read only) leaves the sink's prepared statements usable:
    // once the ledger takes writes again, the same sink applies the same callbacks.
    void sameSinkRecoversAfterAFailedBatch_data()
    {
        QTest::addColumn<int>("how");
        QTest::newRow("disk full (max_page_count)") << 0;
        QTest::newRow("read only") << 1;
    }

    void sameSinkRecoversAfterAFailedBatch()
    {
        QFETCH(int, how);
        importOrder(QStringLiteral("T2026112600000001"), QStringLiteral("NOTPAY"), 1250);
        // Warm the statements up first, so that the failure hits prepared ones.
        QCOMPARE(m_sink->apply({payment("EV-W0", "T2026112600000001", 1250)})[0].outcome,
                 CallbackOutcome::Applied);
        QList<DecodedCallback> batch;
        for (int i = 0; i < 20; ++i) {
            const QByteArray otn = "T20261126" + QByteArray::number(50000000 + i);
            importOrder(QString::fromLatin1(otn), QStringLiteral("NOTPAY"), 100 + i);
            batch.append(payment("EV-W" + QByteArray::number(i + 1), otn, 100 + i));
        }
        const qint64 pages = scalar(QStringLiteral("PRAGMA page_count"));
        QVERIFY_RESULT(m_sink->ledger().execute(
            how == 0 ? QByteArray("PRAGMA max_page_count=" + QByteArray::number(pages)).constData()
                     : "PRAGMA query_only=1"));
        for (const CallbackEvent &x : m_sink->apply(batch))
            QCOMPARE(x.httpStatus, 503);
        QVERIFY_RESULT(m_sink->ledger().execute(how == 0 ? "PRAGMA max_page_count=1073741823"
                                                         : "PRAGMA query_only=0"));
        const auto events = m_sink->apply(batch);
        for (const CallbackEvent &x : events) {
            QCOMPARE(x.outcome, CallbackOutcome::Applied);
            QCOMPARE(x.httpStatus, 204);
        }
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE status = 'SUCCESS'")),
                 21);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM callbacks")), 21);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor LIKE "
                                       "'callback %'")),
                 21);
    }

    // Acknowledge only after the commit: when the ledger cannot take the writes (full, read
    // only, locked), no accepted callback is answered 2xx and nothing of the batch remains.
    void failingCommitIsNever2xx_data()
    {
        QTest::addColumn<int>("how");
        QTest::newRow("disk full (max_page_count)") << 0;
        QTest::newRow("read only") << 1;
        QTest::newRow("locked by another writer") << 2;
    }

    void failingCommitIsNever2xx()
    {
        QFETCH(int, how);
        importOrder(QStringLiteral("T2026112600000001"), QStringLiteral("NOTPAY"), 1250);
        m_sink.reset();
        LedgerSinkOptions o{m_path};
        o.busyTimeoutMs = 100;
        auto sink = LedgerCallbackSink::open(o);
        QVERIFY_RESULT(sink);
        m_sink = std::move(*sink);

        sqlite3 *blocker = nullptr;
        if (how == 0) {
            // No page may be added: the first insert needs one.
            const qint64 pages = scalar(QStringLiteral("PRAGMA page_count"));
            QVERIFY_RESULT(m_sink->ledger().execute(
                QByteArray("PRAGMA max_page_count=" + QByteArray::number(pages)).constData()));
        } else if (how == 1) {
            QVERIFY_RESULT(m_sink->ledger().execute("PRAGMA query_only=1"));
        } else {
            QCOMPARE(sqlite3_open(m_path.toUtf8().constData(), &blocker), SQLITE_OK);
            QCOMPARE(sqlite3_exec(blocker, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr),
                     SQLITE_OK);
        }

        QList<DecodedCallback> batch;
        for (int i = 0; i < 30; ++i)
            batch.append(payment("EV-F" + QByteArray::number(i),
                                 "T20261126" + QByteArray::number(30000000 + i), 100));
        batch.append(payment("EV-F-known", "T2026112600000001", 1250));
        InboundRequest bad = m_forge.request("{}", kNow - 1000);
        batch.append(decoder().decode(bad)); // a refusal keeps its 4xx
        const auto events = m_sink->apply(batch);
        for (qsizetype i = 0; i < batch.size() - 1; ++i) {
            QCOMPARE(events[i].outcome, CallbackOutcome::Error);
            QCOMPARE(events[i].httpStatus, 503);
            QCOMPARE(events[i].cause, FailureCause::DatabaseError);
        }
        QCOMPARE(events.last().httpStatus, 401);
        if (blocker) {
            sqlite3_exec(blocker, "ROLLBACK", nullptr, nullptr, nullptr);
            sqlite3_close(blocker);
        }
        m_sink.reset();
        // A fresh connection sees nothing of the failed batch.
        auto check = Ledger::open(m_path, LedgerOptions{5000, {notifyMigrations()}});
        QVERIFY_RESULT(check);
        QCOMPARE(OrderRepository(**check).count().value(), 1);
        QCOMPARE(OrderRepository(**check).find(QStringLiteral("T2026112600000001"))->value().status,
                 QStringLiteral("NOTPAY"));
        QCOMPARE(CallbackStore(**check).count().value(), 0);
        // … and once the ledger is writable again, the retry applies.
        auto sink2 = LedgerCallbackSink::open({m_path});
        QVERIFY_RESULT(sink2);
        m_sink = std::move(*sink2);
        QCOMPARE(m_sink->apply({batch[30]})[0].outcome, CallbackOutcome::Applied);
    }
};

QTEST_GUILESS_MAIN(tst_LedgerCallbackSink)
#include "tst_ledgercallbacksink.moc"
