// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/billrowblock.h"
#include "ledger/ledger.h"
#include "ledger/orderrepository.h"
#include "ledger/sqlitestatement.h"
#include "monitor/metricsloader.h"
#include "notify/callbackstore.h"
#include "notify/notifyschema.h"
#include "testutil.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace wxr;
using namespace wxr::core;

namespace {

// 2026-11-26T09:00:00+08:00, the first callback ever recorded.
constexpr qint64 kStart = 1795654800;
constexpr qint64 kHour = 3600;

} // namespace

class tst_MetricsLoader final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Ledger> m_ledger;
    int m_seq = 0;

    void exec(const QString &sql)
    {
        QSqlQuery q(m_ledger->database());
        if (!q.exec(sql))
            qFatal("%s", qPrintable(sql));
    }

    struct Row
    {
        qint64 line;
        const char *outTradeNo;
        qint64 time;
        bool refund;
    };

    // Stores trade rows of bill `billId` the way a bill import does (one block).
    void billRows(qint64 billId, const QList<Row> &rows)
    {
        std::string block;
        billblock::begin(block);
        for (const Row &r : rows) {
            TradeBillRow t;
            t.line = r.line;
            t.tradeTime = r.time;
            t.transactionId = "x";
            t.outTradeNo = r.outTradeNo;
            t.tradeState = r.refund ? "REFUND" : "SUCCESS";
            t.tradeType = "JSAPI";
            t.orderFen = 100;
            t.settlementFen = 100;
            t.feeMilli = 600;
            billblock::append(block, t);
        }
        SqliteStatement insert(*m_ledger,
                               "INSERT INTO bill_row_blocks (bill_id, first_line, "
                               "last_line, row_count, data) VALUES (?1, ?2, ?3, ?4, ?5)");
        insert.bind(1, billId);
        insert.bind(2, rows.first().line);
        insert.bind(3, rows.last().line);
        insert.bind(4, qint64(rows.size()));
        insert.bindBlobView(5, block);
        QVERIFY_RESULT(insert.exec());
    }

    void callback(qint64 receivedMs, const QString &outTradeNo, CallbackOutcome outcome,
                  std::optional<qint64> successTime = {}, FailureCause cause = FailureCause::None)
    {
        CallbackEvent e;
        e.receivedAtMs = receivedMs;
        e.notificationId = QStringLiteral("EV-%1").arg(++m_seq);
        e.eventType = QStringLiteral("TRANSACTION.SUCCESS");
        e.outTradeNo = outTradeNo;
        e.state = QStringLiteral("SUCCESS");
        e.successTime = successTime;
        e.outcome = outcome;
        e.cause = cause;
        e.httpStatus = isAcknowledged(outcome) ? 204 : 401;
        QVERIFY_RESULT(CallbackStore(*m_ledger).insert(e));
    }

    void order(const QString &outTradeNo, const QString &state, qint64 paidAt, RecordSource source,
               const QString &actor = {})
    {
        TradeEvent t;
        t.outTradeNo = outTradeNo;
        t.state = state;
        t.at = paidAt;
        t.createdAt = paidAt - 60;
        if (state == u"SUCCESS")
            t.paidAt = paidAt;
        t.amountFen = 100;
        t.source = source;
        t.actor = actor;
        QVERIFY_RESULT(OrderRepository(*m_ledger).applyTradeState(t));
    }

private slots:
    void init()
    {
        auto l = Ledger::open(m_dir.filePath(QStringLiteral("l-%1.sqlite").arg(++m_seq)),
                              LedgerOptions{5000, {notifyMigrations()}});
        QVERIFY_RESULT(l);
        m_ledger = std::move(*l);
    }

    void cleanup() { m_ledger.reset(); }

    void nothingRecordedMeansNothingLost()
    {
        exec(QStringLiteral("INSERT INTO bills (id, bill_date, bill_type, source_name, sha1, "
                            "imported_at) VALUES (1, '2026-11-26', 'ALL', 'b', '', 0)"));
        billRows(1, {{2, "P1", kStart + kHour, false}});
        int lost = 0;
        QVERIFY_RESULT(forEachLostCallback(*m_ledger, 0, (kStart + 10 * kHour) * 1000,
                                           (kStart + 10 * kHour) * 1000, {},
                                           [&](const LostCallback &) {
                                               ++lost;
                                               return Status();
                                           }));
        QCOMPARE(lost, 0); // no callback was ever recorded: nobody was listening
    }

    // A bill holds rows of its own day only, so the bills of days the range does not touch are
    // never read (serve-notify evaluates the last minutes every minute). Here those bills'
    // blocks are damaged: reading one fails the call.
    void onlyTheBillsOfTheRangeAreRead()
    {
        callback(kStart * 1000, QStringLiteral("P0"), CallbackOutcome::Applied, kStart - 1);
        exec(QStringLiteral("INSERT INTO bills (id, bill_date, bill_type, source_name, sha1, "
                            "imported_at) VALUES (1, '2026-11-25', 'ALL', 'a', '', 0), "
                            "(2, '2026-11-26', 'ALL', 'b', '', 0), "
                            "(3, '2026-11-27', 'ALL', 'c', '', 0)"));
        exec(QStringLiteral("INSERT INTO bill_row_blocks (bill_id, first_line, last_line, "
                            "row_count, data) VALUES (1, 2, 2, 1, x'00ff'), "
                            "(3, 2, 2, 1, x'00ff')"));
        billRows(2, {{2, "P1", kStart + kHour, false}});
        const auto lostIn = [&](qint64 from, qint64 until) -> Result<QStringList> {
            QStringList lost;
            // Asked a day later, so that every payment of the range is old enough to be lost.
            const Status s
                = forEachLostCallback(*m_ledger, from * 1000, until * 1000,
                                      (until + 24 * kHour) * 1000, {}, [&](const LostCallback &l) {
                                          lost.append(l.outTradeNo);
                                          return Status();
                                      });
            if (!s)
                return s.error();
            return lost;
        };
        // 09:00 to the last second of the 26th.
        const auto day = lostIn(kStart, kStart + 15 * kHour);
        QVERIFY_RESULT(day);
        QCOMPARE(*day, QStringList{QStringLiteral("P1")});
        // Into the 27th: that day's bill is read, and its damage reported.
        const auto past = lostIn(kStart, kStart + 15 * kHour + 1);
        QVERIFY_ERROR(past, ErrorCode::Database);
        QVERIFY2(past.error().message.contains(QStringLiteral("damaged")),
                 qPrintable(past.error().message));
    }

    // The metrics' walk fills the fields the metrics read, as the full walk does; the monitor's
    // failure list gets the newest refused or failed deliveries of the range, newest first.
    void metricsWalkAndLatestFailures()
    {
        CallbackStore store(*m_ledger);
        const CallbackOutcome outcomes[]
            = {CallbackOutcome::Applied, CallbackOutcome::Duplicate, CallbackOutcome::Rejected,
               CallbackOutcome::Ignored, CallbackOutcome::Error};
        for (int i = 0; i < 20; ++i) {
            CallbackEvent e;
            e.receivedAtMs = (kStart + i) * 1000;
            e.notificationId = QStringLiteral("EV-%1").arg(i);
            e.eventType = QStringLiteral("TRANSACTION.SUCCESS");
            e.outTradeNo = QStringLiteral("M%1").arg(i);
            e.outcome = outcomes[i % 5];
            e.cause = e.outcome == CallbackOutcome::Rejected ? FailureCause::BadSignature
                      : e.outcome == CallbackOutcome::Error  ? FailureCause::DatabaseError
                                                             : FailureCause::None;
            if (i % 3 != 0)
                e.successTime = kStart + i - 2;
            if (i % 4 != 0)
                e.processingMs = i;
            e.attempt = i % 3;
            e.httpStatus = isAcknowledged(e.outcome) ? 204 : 500;
            QVERIFY_RESULT(store.insert(e));
        }
        const auto fields = [](const CallbackEvent &e) {
            return QStringList{QString::number(e.receivedAtMs),
                               callbackOutcomeName(e.outcome),
                               failureCauseName(e.cause),
                               e.successTime ? QString::number(*e.successTime) : QString(),
                               e.processingMs ? QString::number(*e.processingMs) : QString(),
                               QString::number(e.attempt)}
                .join(u'|');
        };
        const qint64 from = (kStart + 1) * 1000;
        const qint64 until = (kStart + 18) * 1000;
        QStringList full;
        QVERIFY_RESULT(store.forEachReceivedBetween(from, until, [&](const CallbackEvent &e) {
            full.append(fields(e));
            return Status();
        }));
        QStringList metrics;
        QVERIFY_RESULT(
            store.forEachReceivedBetweenForMetrics(from, until, [&](const CallbackEvent &e) {
                metrics.append(fields(e));
                return Status();
            }));
        QCOMPARE(full.size(), 17);
        QCOMPARE(metrics, full);

        // Failures in [1, 18): rejected at seconds 2, 7, 12, 17, errors at 4, 9, 14.
        const auto latest = store.latestFailuresBetween(from, until, 3);
        QVERIFY_RESULT(latest);
        QStringList names;
        for (const CallbackEvent &e : *latest)
            names.append(e.outTradeNo + u' ' + callbackOutcomeName(e.outcome));
        QCOMPARE(names, (QStringList{QStringLiteral("M17 rejected"), QStringLiteral("M14 error"),
                                     QStringLiteral("M12 rejected")}));
        QCOMPARE(store.latestFailuresBetween(from, until, 100)->size(), 7);
    }

    // A ledger whose callbacks were recorded under the first notify schema gets the wider
    // callbacks_business index when it is opened again, and what it recorded still counts.
    void olderLedgerGetsTheCoveringIndex()
    {
        const QString path = m_dir.filePath(QStringLiteral("v1.sqlite"));
        MigrationSet v1 = notifyMigrations();
        v1.steps = {v1.steps.first()};
        {
            auto old = Ledger::open(path, LedgerOptions{5000, {v1}});
            QVERIFY_RESULT(old);
            m_ledger = std::move(*old);
            callback(kStart * 1000, QStringLiteral("P1"), CallbackOutcome::Applied, kStart - 1);
            exec(QStringLiteral("INSERT INTO bills (id, bill_date, bill_type, source_name, sha1, "
                                "imported_at) VALUES (1, '2026-11-26', 'ALL', 'b', '', 0)"));
            billRows(1, {{10, "P1", kStart, false}, {11, "P2", kStart + 1, false}});
            m_ledger.reset();
        }
        auto reopened = Ledger::open(path, LedgerOptions{5000, {notifyMigrations()}});
        QVERIFY_RESULT(reopened);
        m_ledger = std::move(*reopened);
        QCOMPARE(*m_ledger->schemaVersion(QStringLiteral("notify")), 2);
        QStringList columns;
        QSqlQuery q(m_ledger->database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA index_info(callbacks_business)")));
        while (q.next())
            columns.append(q.value(2).toString());
        QCOMPARE(columns, (QStringList{QStringLiteral("out_trade_no"),
                                       QStringLiteral("out_refund_no"), QStringLiteral("state"),
                                       QStringLiteral("outcome"), QStringLiteral("event_type")}));
        QStringList lost;
        const qint64 now = kStart + 5 * kHour;
        QVERIFY_RESULT(forEachLostCallback(*m_ledger, 0, now * 1000, now * 1000, {},
                                           [&](const LostCallback &l) {
                                               lost.append(l.outTradeNo);
                                               return Status();
                                           }));
        QCOMPARE(lost, QStringList{QStringLiteral("P2")});
    }

    void lostCallbacks()
    {
        const qint64 now = kStart + 5 * kHour;
        callback(kStart * 1000, QStringLiteral("P0"), CallbackOutcome::Applied, kStart - 1);
        // Bill payments of the day (the ALL bill), in lines 10..15.
        exec(QStringLiteral("INSERT INTO bills (id, bill_date, bill_type, source_name, sha1, "
                            "imported_at) VALUES (1, '2026-11-26', 'ALL', 'b', '', 0)"));
        billRows(1, {
                        {10, "P1", kStart + kHour, false},     // heard of: callback below
                        {11, "P2", kStart + kHour, false},     // lost
                        {12, "P3", kStart - kHour, false},     // before monitoring started
                        {13, "P4", now - 300, false},          // too recent to call lost
                        {14, "P2", kStart + kHour, true},      // a refund row: not a payment
                        {15, "P5", kStart + 2 * kHour, false}, // heard of as a duplicate
                    });
        callback((kStart + kHour + 3) * 1000, QStringLiteral("P1"), CallbackOutcome::Applied,
                 kStart + kHour);
        callback((kStart + 2 * kHour + 3) * 1000, QStringLiteral("P5"), CallbackOutcome::Duplicate,
                 kStart + 2 * kHour);
        // A refused callback does not count as heard of.
        callback((kStart + kHour + 5) * 1000, QStringLiteral("P2"), CallbackOutcome::Rejected, {},
                 FailureCause::BadSignature);
        // Orders: known paid from a query, or only from the merchant's own import.
        order(QStringLiteral("Q1"), QStringLiteral("SUCCESS"), kStart + 3 * kHour,
              RecordSource::Query);
        order(QStringLiteral("Q2"), QStringLiteral("SUCCESS"), kStart + 3 * kHour,
              RecordSource::Import);
        order(QStringLiteral("Q3"), QStringLiteral("NOTPAY"), kStart + 3 * kHour - 100,
              RecordSource::Import);
        order(QStringLiteral("Q3"), QStringLiteral("SUCCESS"), kStart + 3 * kHour,
              RecordSource::Query, QStringLiteral("query"));

        QStringList lost;
        QStringList evidence;
        QVERIFY_RESULT(forEachLostCallback(*m_ledger, 0, now * 1000, now * 1000, {},
                                           [&](const LostCallback &l) {
                                               lost.append(l.outTradeNo);
                                               evidence.append(l.evidence);
                                               return Status();
                                           }));
        QCOMPARE(lost,
                 (QStringList{QStringLiteral("P2"), QStringLiteral("Q1"), QStringLiteral("Q3")}));
        QCOMPARE(evidence, (QStringList{QStringLiteral("bill"), QStringLiteral("query"),
                                        QStringLiteral("query")}));

        // Once the callback arrives (late), the payment is no longer lost.
        callback((now - 10) * 1000, QStringLiteral("Q1"), CallbackOutcome::Applied,
                 kStart + 3 * kHour);
        int count = 0;
        QVERIFY_RESULT(forEachLostCallback(*m_ledger, 0, now * 1000, now * 1000, {},
                                           [&](const LostCallback &) {
                                               ++count;
                                               return Status();
                                           }));
        QCOMPARE(count, 2);

        // Metrics of the day: the lost ones sit in the buckets of their payment time.
        const auto acc = loadCallbackMetrics(*m_ledger, kStart * 1000, now * 1000, BucketSize::Hour,
                                             now * 1000);
        QVERIFY_RESULT(acc);
        QCOMPARE(acc->buckets().size(), 5);
        QCOMPARE(acc->buckets()[1].lost, 1); // P2
        QCOMPARE(acc->buckets()[3].lost, 1); // Q3
        const MetricsBucket total = acc->total();
        QCOMPARE(total.received, 5);
        QCOMPARE(total.applied, 3);
        QCOMPARE(total.duplicates, 1);
        QCOMPARE(total.failuresOf(FailureCause::BadSignature), 1);
        QCOMPARE(total.lost, 2);
        QCOMPARE(total.delay.count(), 3);
    }
};

QTEST_GUILESS_MAIN(tst_MetricsLoader)
#include "tst_metricsloader.moc"
