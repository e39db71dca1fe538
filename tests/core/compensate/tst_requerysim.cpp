// SPDX-License-Identifier: GPL-3.0-or-later
// Tests core/compensate against the in-process WeChat Pay stand-in (loopback, compressed
// time): the scheduler finds every lost callback within its windows and keeps to each order's
// back-off; a 429 storm never pushes the request rate counted at the stand-in above the
// budget; a restart keeps the queue; the close race is detected; an answer with an invalid
// signature is not applied; the manual re-query reports progress and honours cancel.
#include "common/cstime.h"
#include "compensate/compensateschema.h"
#include "compensate/querygate.h"
#include "compensate/queryhistory.h"
#include "compensate/requery.h"
#include "compensate/requeryqueue.h"
#include "compensate/requeryscheduler.h"
#include "dayfiles.h"
#include "ledger/discrepancyrepository.h"
#include "ledger/ledger.h"
#include "ledger/ledgercsv.h"
#include "ledger/orderrepository.h"
#include "ledger/reconrepository.h"
#include "simserver.h"
#include "testutil.h"
#include "wechatpay/merchantconfig.h"

#include <QFutureWatcher>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <map>

using namespace wxr;
using namespace wxr::core;
namespace sim = wxr::sim;

namespace {

qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// A fast policy for compressed time: everything in hundreds of milliseconds.
RequeryPolicy fastPolicy()
{
    RequeryPolicy p;
    p.unpaidAfterMs = 0;
    p.backoffBaseMs = 400;
    p.backoffCapMs = 1600;
    p.backoffFloorMs = 100;
    p.maxAttempts = 12;
    p.queriesPerSecond = 100;
    p.maxConcurrent = 8;
    p.rateLimitCooldownMs = 300;
    p.rateLimitCooldownCapMs = 2000;
    p.scanIntervalMs = 300;
    return p;
}

QString str(const QByteArray &b)
{
    return QString::fromLatin1(b);
}

} // namespace

class tst_RequerySim final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_run = 0;

    // One stand-in, its merchant INI, a gate and a ledger holding the stand-in's day.
    struct World
    {
        std::unique_ptr<sim::SimServer> server;
        std::unique_ptr<QueryGate> gate;
        QString ledgerPath;
        std::unique_ptr<Ledger> ledger; // this thread's connection
        RequeryPolicy policy;
    };

    sim::SimSettings settings(qint64 orders, quint64 seed) const
    {
        sim::SimSettings s;
        s.stateDir = m_dir.filePath(QStringLiteral("state")); // keys made once, reused
        s.day.orders = orders;
        s.day.seed = seed;
        s.day.date = cst::billDateOf(cst::now()).addDays(-1);
        return s;
    }

    // Starts the stand-in, builds the gate from the merchant.ini it writes, imports its
    // ledger CSVs and (optionally) stores its truth.csv as a reconciliation run.
    void start(World &w, const sim::SimSettings &s, const RequeryPolicy &policy, bool ledgerFromDay,
               bool withDiscrepancies)
    {
        w.policy = policy;
        w.server = std::make_unique<sim::SimServer>(s);
        QVERIFY_RESULT(w.server->start(0));
        auto config = MerchantConfig::load(w.server->merchantIniPath());
        QVERIFY_RESULT(config);
        auto gate = QueryGate::create(*config, policy);
        QVERIFY_RESULT(gate);
        w.gate = std::move(*gate);
        const QString dir = m_dir.filePath(QStringLiteral("run%1").arg(++m_run));
        w.ledgerPath = dir + QStringLiteral("/ledger.sqlite");
        QVERIFY(QDir().mkpath(dir));
        auto ledger = openRequeryLedger(w.ledgerPath);
        QVERIFY_RESULT(ledger);
        w.ledger = std::move(*ledger);
        if (!ledgerFromDay)
            return;
        QVERIFY_RESULT(sim::writeDayFiles(w.server->day(), dir));
        QPromise<void> promise;
        QVERIFY_RESULT(importLedgerCsv(*w.ledger, dir + QStringLiteral("/orders.csv"),
                                       dir + QStringLiteral("/refunds.csv"), promise));
        if (!withDiscrepancies)
            return;
        QList<Discrepancy> found;
        for (const sim::TruthRow &t : w.server->day().truth) {
            Discrepancy d;
            d.billDate = s.day.date;
            d.kind = DiscrepancyKind(t.kind + 1);
            d.outTradeNo = str(t.outTradeNo);
            d.transactionId = str(t.transactionId);
            d.ledgerStatus = str(t.ledgerStatus);
            d.billStatus = str(t.billStatus);
            d.ledgerAmountFen = t.ledgerAmount;
            d.billAmountFen = t.billAmount;
            d.outRefundNo = str(t.outRefundNo);
            d.ledgerRefundFen = t.ledgerRefund;
            d.billRefundFen = t.billRefund;
            found.append(d);
        }
        ReconSummary summary;
        summary.billDate = s.day.date;
        QPromise<void> runPromise;
        QVERIFY_RESULT(ReconRepository(*w.ledger).saveRun(summary, found, {}, cst::now(),
                                                          QStringLiteral("test"), {}, runPromise));
    }

    const sim::SimOrder *simOrder(const World &w, const QString &otn) const
    {
        for (const sim::SimOrder &o : w.server->day().orders) {
            if (w.server->day().outTradeNo(o) == otn.toLatin1())
                return &o;
        }
        return nullptr;
    }

    QString ledgerStatus(World &w, const QString &otn) const
    {
        const auto o = OrderRepository(*w.ledger).find(otn);
        return o && o->has_value() ? (*o)->status : QString();
    }

    // The scheduler's queries per order, oldest first.
    std::map<QString, QList<QueryLogEntry>> schedulerQueries(World &w) const
    {
        std::map<QString, QList<QueryLogEntry>> out;
        QSqlQuery q(w.ledger->database());
        q.exec(QStringLiteral("SELECT DISTINCT target FROM requery_log WHERE kind = 'order'"));
        QStringList targets;
        while (q.next())
            targets << q.value(0).toString();
        for (const QString &t : targets) {
            const auto h = QueryHistory(*w.ledger).forTarget(RequeryKind::Order, t);
            if (!h)
                continue;
            for (const QueryLogEntry &e : *h) {
                if (e.trigger.kind == RequeryTrigger::Kind::Scheduler && e.action == u"query")
                    out[t].append(e);
            }
        }
        return out;
    }

    // Requests per second at the stand-in over the query family (queries, refund queries,
    // closes), by the stand-in's clock.
    static QMap<qint64, int> perSecond(const QJsonObject &counts)
    {
        QMap<qint64, int> out;
        for (const char *endpoint : {"query", "refund-query", "close"}) {
            const QJsonObject s = counts.value(QLatin1String(endpoint)).toObject();
            for (auto it = s.begin(); it != s.end(); ++it)
                out[it.key().toLongLong()] += it.value().toInt();
        }
        return out;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void lostCallbacksAreFound()
    {
        // The stand-in pays every NOTPAY order a second after it starts and sends
        // TRANSACTION.SUCCESS to our receiver; 5 % of the callbacks are lost.
        QHttpServer receiver;
        receiver.route(QStringLiteral("/notify"), [] {
            return QHttpServerResponse(QHttpServerResponder::StatusCode::NoContent);
        });
        const quint16 port = receiver.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        sim::SimSettings s = settings(800, 7);
        QVERIFY_RESULT(sim::applyRate(s.day, QStringLiteral("UNPAID=0.3")));
        QVERIFY_RESULT(sim::applyRate(s.day, QStringLiteral("STATUS_MISMATCH=0.01")));
        s.notifyUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/notify").arg(port));
        s.faults.notify.lost = 0.05;
        s.autoPayShare = 1.0;
        s.autoPayAfterSeconds = 1;
        World w;
        start(w, s, fastPolicy(), true, true);
        if (QTest::currentTestFailed())
            return;

        // The callback handler of this test: a delivered TRANSACTION.SUCCESS is applied like
        // the receiver would. Lost ones never arrive.
        QSet<QString> lost;
        connect(w.server.get(), &sim::SimServer::deliveryRecorded, this,
                [&](const sim::DeliveryRecord &r) {
                    const QString otn = str(r.outTradeNo);
                    if (r.eventType != "TRANSACTION.SUCCESS")
                        return;
                    if (r.attempt == 0) {
                        lost.insert(otn);
                        return;
                    }
                    if (!r.success)
                        return;
                    const sim::SimOrder *o = simOrder(w, otn);
                    TradeEvent e;
                    e.outTradeNo = otn;
                    e.state = QStringLiteral("SUCCESS");
                    e.at = o->wxPaidAt;
                    e.paidAt = o->wxPaidAt;
                    e.transactionId = str(w.server->day().transactionId(*o));
                    e.amountFen = o->amount;
                    e.source = RecordSource::Callback;
                    e.actor = QStringLiteral("callback");
                    (void)OrderRepository(*w.ledger).applyTradeState(e);
                });

        RequeryScheduler scheduler(w.ledgerPath, *w.gate, w.policy);
        scheduler.setRandom([] { return 0.5; }); // back-off delays pinned for the check below
        QSignalSpy applied(&scheduler, &RequeryScheduler::itemApplied);
        scheduler.setEnabled(true);

        // Every order WeChat Pay has as paid and the ledger as unpaid must end SUCCESS.
        QStringList expected;
        for (const sim::SimOrder &o : w.server->day().orders) {
            const bool unpaidInLedger = o.ledgerState == sim::TradeState::NotPay
                                        || o.ledgerState == sim::TradeState::UserPaying;
            const bool willBePaid
                = o.wxState == sim::TradeState::Success || o.wxState == sim::TradeState::NotPay;
            if (unpaidInLedger && willBePaid)
                expected << str(w.server->day().outTradeNo(o));
        }
        QVERIFY(expected.size() > 50);
        const auto allPaid = [&] {
            return std::all_of(expected.begin(), expected.end(), [&](const QString &otn) {
                return ledgerStatus(w, otn) == u"SUCCESS";
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(allPaid(), 30000);
        QVERIFY2(!lost.isEmpty(), "the seed should lose some callbacks");
        scheduler.setEnabled(false);
        QTRY_COMPARE_WITH_TIMEOUT(scheduler.status().inFlight, 0, 10000);

        // Lost callbacks were found by a query inside the second window: the item settled
        // before its attempts ran out, and no query sent after the payment answered anything
        // but SUCCESS (the stand-in's payment time has whole seconds, hence the margin).
        const auto queries = schedulerQueries(w);
        // With the draw pinned, the n-th wait is exactly retryDelayMs(n, 0.5) after the n-th
        // answer; whatever a gap between two queries has beyond it is lateness.
        qint64 lateness = 0;
        for (const auto &[otn, list] : queries) {
            for (qsizetype i = 1; i < list.size(); ++i)
                lateness = std::max(lateness, list[i].requestedAtMs - list[i - 1].requestedAtMs
                                                  - w.policy.retryDelayMs(int(i), 0.5));
        }
        for (const QString &otn : std::as_const(lost)) {
            const auto it = queries.find(otn);
            QVERIFY2(it != queries.end(), qPrintable(otn));
            const auto paidBy
                = std::find_if(it->second.begin(), it->second.end(), [](const QueryLogEntry &e) {
                      return e.remoteState == u"SUCCESS" && e.applied == u"applied";
                  });
            QVERIFY2(paidBy != it->second.end(), qPrintable(otn));
            QVERIFY(it->second.size() <= w.policy.maxAttempts);
            const auto item = RequeryQueue(*w.ledger).find(RequeryKind::Order, otn);
            QVERIFY_RESULT(item);
            QCOMPARE((*item)->state, QueueState::Done);
            const qint64 paidAtMs = simOrder(w, otn)->wxPaidAt * 1000;
            for (const QueryLogEntry &e : it->second) {
                if (e.requestedAtMs >= paidAtMs + 1000)
                    QCOMPARE(e.remoteState, QStringLiteral("SUCCESS"));
            }
            // In wall-clock terms: the previous query came before the payment (whole second),
            // so the finding one followed within one back-off ceiling plus how late this run's
            // queries came against their schedule (network time and load; measured below).
            const qint64 limit = paidAtMs + 1000 + w.policy.backoffCapMs + lateness;
            QVERIFY2(paidBy->requestedAtMs <= limit,
                     qPrintable(QStringLiteral("%1 found %2 ms after payment (lateness %3 ms)")
                                    .arg(otn)
                                    .arg(paidBy->requestedAtMs - paidAtMs)
                                    .arg(lateness)));
        }
        // No order was queried more often than its back-off allows: with the draw pinned at
        // 0.5, after n attempts the next waits max(floor, 0.5·min(cap, base·2^(n−1))).
        for (const auto &[otn, list] : queries) {
            for (qsizetype i = 1; i < list.size(); ++i) {
                const qint64 gap = list[i].requestedAtMs - list[i - 1].requestedAtMs;
                const qint64 allowed = w.policy.retryDelayMs(int(i), 0.5);
                QVERIFY2(gap >= allowed, qPrintable(QStringLiteral("%1: query %2 came %3 ms after "
                                                                   "the previous, back-off %4 ms")
                                                        .arg(otn)
                                                        .arg(i + 1)
                                                        .arg(gap)
                                                        .arg(allowed)));
            }
            QVERIFY(list.size() <= w.policy.maxAttempts);
        }
        // Status mismatches of lost callbacks are resolved with a note naming the query.
        DiscrepancyFilter f;
        f.kinds = {DiscrepancyKind::StatusMismatch};
        const auto rows = DiscrepancyRepository(*w.ledger).page(f, 0, 1000);
        QVERIFY_RESULT(rows);
        int resolvedByQuery = 0;
        for (const Discrepancy &d : *rows) {
            if (d.state == DiscrepancyState::Resolved && d.note.contains(u"Request-ID"))
                ++resolvedByQuery;
        }
        QVERIFY(resolvedByQuery > 0);
        QVERIFY(applied.size() > 0);
    }

    void rateLimitStormKeepsTheBudget()
    {
        sim::SimSettings s = settings(300, 21);
        QVERIFY_RESULT(sim::applyRate(s.day, QStringLiteral("UNPAID=0.4")));
        QVERIFY_RESULT(sim::parseFaults(QStringLiteral("query:error429=0.5"), s.faults));
        RequeryPolicy p = fastPolicy();
        p.queriesPerSecond = 10;
        p.backoffBaseMs = 200;
        p.backoffCapMs = 800;
        p.backoffFloorMs = 50;
        p.maxAttempts = 100;
        World w;
        start(w, s, p, true, false);
        if (QTest::currentTestFailed())
            return;
        w.server->resetRequestCounts();
        RequeryScheduler scheduler(w.ledgerPath, *w.gate, w.policy);
        QSignalSpy limited(w.gate.get(), &QueryGate::rateLimited);
        const qint64 started = wallMs();
        scheduler.setEnabled(true);
        QTest::qWait(3500);
        scheduler.setEnabled(false);
        QTRY_COMPARE_WITH_TIMEOUT(scheduler.status().inFlight, 0, 15000);
        const qint64 elapsedMs = wallMs() - started;

        QVERIFY(limited.size() > 0);
        QVERIFY(w.gate->status().rateLimited > 0);
        const QMap<qint64, int> counts = perSecond(w.server->requestCounts());
        int total = 0;
        for (auto it = counts.begin(); it != counts.end(); ++it) {
            // The token bucket allows `qps` a second plus its burst of one.
            QVERIFY2(it.value() <= int(p.queriesPerSecond) + 1,
                     qPrintable(
                         QStringLiteral("%1 requests in second %2").arg(it.value()).arg(it.key())));
            total += it.value();
        }
        QVERIFY(total > 0);
        QVERIFY(total <= p.queriesPerSecond * (elapsedMs / 1000.0 + 1) + 1);
        // Rate-limited answers were recorded without using up attempts.
        QSqlQuery q(w.ledger->database());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM requery_log WHERE outcome = "
                                      "'RATE_LIMITED'")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toInt() > 0);
        const auto attention = RequeryQueue(*w.ledger).withState(QueueState::NeedsAttention, 10);
        QVERIFY_RESULT(attention);
        QVERIFY(attention->isEmpty());
    }

    void restartKeepsTheQueue()
    {
        // Nothing gets paid: every unpaid order runs through all its attempts, across a restart.
        sim::SimSettings s = settings(200, 5);
        QVERIFY_RESULT(sim::applyRate(s.day, QStringLiteral("UNPAID=0.2")));
        RequeryPolicy p = fastPolicy();
        p.maxAttempts = 3;
        p.backoffBaseMs = 600;
        p.backoffFloorMs = 300;
        p.backoffCapMs = 600;
        World w;
        start(w, s, p, true, false);
        if (QTest::currentTestFailed())
            return;
        const auto pendingCount = [&] {
            const auto c = RequeryQueue(*w.ledger).counts(wallMs());
            return c ? c->pending : -1;
        };
        const auto queriedOnce = [&] {
            QSqlQuery q(w.ledger->database());
            q.exec(QStringLiteral("SELECT COUNT(*) FROM requery_queue WHERE attempts >= 1"));
            return q.next() ? q.value(0).toInt() : 0;
        };
        {
            RequeryScheduler first(w.ledgerPath, *w.gate, w.policy);
            first.setEnabled(true);
            QTRY_VERIFY_WITH_TIMEOUT(queriedOnce() > 0, 10000);
            // A clean stop: nothing new is sent, answers in flight are applied.
            first.setEnabled(false);
            QTRY_COMPARE_WITH_TIMEOUT(first.status().inFlight, 0, 10000);
        }
        const qint64 pendingAfterStop = pendingCount();
        QVERIFY(pendingAfterStop > 0);
        const auto attention = [&] {
            const auto c = RequeryQueue(*w.ledger).counts(wallMs());
            return c ? c->needsAttention : -1;
        };
        QCOMPARE(attention(), 0);
        const QMap<qint64, int> queriesBefore = perSecond(w.server->requestCounts());
        Q_UNUSED(queriesBefore);

        RequeryScheduler second(w.ledgerPath, *w.gate, w.policy);
        QSignalSpy status(&second, &RequeryScheduler::statusChanged);
        second.setEnabled(true);
        QTRY_COMPARE_WITH_TIMEOUT(pendingCount(), 0, 20000);
        second.setEnabled(false);
        QTRY_COMPARE_WITH_TIMEOUT(second.status().inFlight, 0, 10000);
        QVERIFY(attention() > 0);
        // Each order left unpaid was queried exactly maxAttempts times in all: the restart
        // neither lost nor repeated attempts. (Lost callbacks among them were settled sooner.)
        int exhausted = 0;
        for (const auto &[otn, list] : schedulerQueries(w)) {
            const auto i = RequeryQueue(*w.ledger).find(RequeryKind::Order, otn);
            QVERIFY_RESULT(i);
            if ((*i)->state == QueueState::NeedsAttention) {
                QCOMPARE(list.size(), p.maxAttempts);
                ++exhausted;
            } else {
                QCOMPARE((*i)->state, QueueState::Done);
                QVERIFY(list.size() < p.maxAttempts);
            }
        }
        QVERIFY(exhausted > 5);
        // The second scheduler reported a status with the queue draining.
        QVERIFY(status.size() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!second.status().enabled, 5000);
        const RequeryStatus last = second.status();
        QCOMPARE(last.pending, 0);
        QVERIFY(last.needsAttention > 0);
        QVERIFY(last.lastError.isEmpty());
    }

    void closeRaceIsDetected()
    {
        sim::SimSettings s = settings(200, 9);
        QVERIFY_RESULT(sim::applyRate(s.day, QStringLiteral("UNPAID=0.3")));
        RequeryPolicy p = fastPolicy();
        p.closeExpired = true;
        p.orderExpiryMs = 1; // every order of yesterday has expired
        p.maxAttempts = 1;
        p.backoffBaseMs = 400;
        p.backoffFloorMs = 400;
        p.backoffCapMs = 400;
        World w;
        start(w, s, p, false, false);
        if (QTest::currentTestFailed())
            return;
        // Two unpaid orders in the ledger: one the customer pays right after our last query
        // (the race), one that stays unpaid and gets closed.
        QStringList unpaid;
        for (const sim::SimOrder &o : w.server->day().orders) {
            if (o.wxState == sim::TradeState::NotPay && unpaid.size() < 2)
                unpaid << str(w.server->day().outTradeNo(o));
        }
        QCOMPARE(unpaid.size(), 2);
        const QString racer = unpaid[0];
        const QString quiet = unpaid[1];
        for (const QString &otn : unpaid) {
            TradeEvent e;
            e.outTradeNo = otn;
            e.state = QStringLiteral("NOTPAY");
            e.amountFen = simOrder(w, otn)->amount;
            e.createdAt = simOrder(w, otn)->createdAt;
            e.source = RecordSource::Import;
            QVERIFY_RESULT(OrderRepository(*w.ledger).applyTradeState(e));
        }

        RequeryScheduler scheduler(w.ledgerPath, *w.gate, w.policy);
        bool paid = false;
        connect(&scheduler, &RequeryScheduler::itemApplied, this, [&](const ApplyReport &r) {
            if (r.key == racer && r.remoteState == u"NOTPAY" && !paid) {
                paid = true;
                QVERIFY_RESULT(w.server->payOrder(racer.toLatin1()));
            }
        });
        scheduler.setEnabled(true);
        const auto itemState = [&](const QString &otn) {
            const auto i = RequeryQueue(*w.ledger).find(RequeryKind::Order, otn);
            return i && i->has_value() ? (*i)->state : QueueState::Pending;
        };
        QTRY_VERIFY_WITH_TIMEOUT(itemState(racer) != QueueState::Pending
                                     && itemState(quiet) != QueueState::Pending,
                                 15000);
        scheduler.setEnabled(false);
        QVERIFY(paid);

        // The race: closing answered ORDER_PAID, the query after it SUCCESS → for a person.
        QCOMPARE(itemState(racer), QueueState::NeedsAttention);
        const auto o = OrderRepository(*w.ledger).find(racer);
        QVERIFY_RESULT(o);
        QCOMPARE((*o)->status, QStringLiteral("SUCCESS"));
        QVERIFY((*o)->needsReview);
        QVERIFY2((*o)->reviewReason.contains(u"paid after close"), qPrintable((*o)->reviewReason));
        const auto history = QueryHistory(*w.ledger).forOrder(racer);
        QVERIFY_RESULT(history);
        QVERIFY(std::any_of(history->begin(), history->end(), [](const QueryLogEntry &e) {
            return e.action == u"close" && e.remoteState == u"ORDER_PAID";
        }));
        // The other one: closed at WeChat Pay, CLOSED in the ledger, done.
        QCOMPARE(itemState(quiet), QueueState::Done);
        QCOMPARE(ledgerStatus(w, quiet), QStringLiteral("CLOSED"));
        QCOMPARE(simOrder(w, quiet)->wxState, sim::TradeState::Closed);
    }

    void invalidSignatureIsNotApplied()
    {
        sim::SimSettings s = settings(300, 13);
        QVERIFY_RESULT(sim::applyRate(s.day, QStringLiteral("STATUS_MISMATCH=0.02")));
        QVERIFY_RESULT(sim::parseFaults(QStringLiteral("query:badsig=1"), s.faults));
        World w;
        start(w, s, fastPolicy(), true, true);
        if (QTest::currentTestFailed())
            return;
        QString otn; // a lost callback: paid at WeChat Pay, NOTPAY in the ledger
        for (const sim::SimOrder &o : w.server->day().orders) {
            if (o.role == sim::OrderRole::StatusMismatch && o.wxState == sim::TradeState::Success
                && o.ledgerState == sim::TradeState::NotPay && o.ledgerAmount == o.amount) {
                otn = str(w.server->day().outTradeNo(o));
                break;
            }
        }
        QVERIFY(!otn.isEmpty());

        const auto runManual = [&](Result<RequerySummary> &result) -> QList<ApplyReport> {
            RequeryRequest request;
            request.outTradeNos = {otn};
            request.trigger = RequeryTrigger::person(QStringLiteral("alice"));
            QFuture<ApplyReport> future
                = QtConcurrent::run([&, request](QPromise<ApplyReport> &promise) {
                      auto ledger = openRequeryLedger(w.ledgerPath);
                      if (!ledger) {
                          result = ledger.error();
                          return;
                      }
                      result = requery(**ledger, *w.gate, w.policy, request, promise);
                  });
            // This thread runs the stand-in and the gate: keep its event loop going.
            if (!QTest::qWaitFor([&] { return future.isFinished(); }, 15000))
                return {};
            return future.results();
        };

        Result<RequerySummary> result = makeError(ErrorCode::Internal, QStringLiteral("not run"));
        QList<ApplyReport> reports = runManual(result);
        QVERIFY_RESULT(result);
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.first().outcome, AnswerOutcome::VerificationFailed);
        QVERIFY(reports.first().applied.isEmpty());
        QCOMPARE(result->failed, 1);
        QCOMPARE(ledgerStatus(w, otn), QStringLiteral("NOTPAY"));
        auto history = QueryHistory(*w.ledger).forOrder(otn);
        QVERIFY_RESULT(history);
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->first().outcome, AnswerOutcome::VerificationFailed);
        QCOMPARE(history->first().trigger.who, QStringLiteral("user alice"));
        const auto item = RequeryQueue(*w.ledger).find(RequeryKind::Order, otn);
        QVERIFY_RESULT(item);
        QCOMPARE((*item)->attempts, 1);
        QCOMPARE((*item)->lastResult, QStringLiteral("VERIFICATION_FAILED"));

        // Once the answers verify again, the same call applies SUCCESS and resolves the
        // discrepancy.
        w.server->setFaults({});
        reports = runManual(result);
        QVERIFY_RESULT(result);
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.first().remoteState, QStringLiteral("SUCCESS"));
        QCOMPARE(reports.first().applied, QStringLiteral("applied"));
        QCOMPARE(reports.first().resolvedDiscrepancies.size(), 1);
        QCOMPARE(result->changed, 1);
        QCOMPARE(result->resolved, 1);
        QCOMPARE(ledgerStatus(w, otn), QStringLiteral("SUCCESS"));
    }

    void manualRequeryProgressAndCancel()
    {
        sim::SimSettings s = settings(400, 17);
        QVERIFY_RESULT(sim::applyRate(s.day, QStringLiteral("UNPAID=0.3")));
        RequeryPolicy p = fastPolicy();
        p.queriesPerSecond = 20;
        p.maxConcurrent = 2;
        World w;
        start(w, s, p, true, false);
        if (QTest::currentTestFailed())
            return;
        RequeryRequest request;
        request.allStuck = true;
        request.trigger = RequeryTrigger::person(QStringLiteral("bob"));
        Result<RequerySummary> result = makeError(ErrorCode::Internal, QStringLiteral("not run"));
        QFuture<ApplyReport> future
            = QtConcurrent::run([&, request](QPromise<ApplyReport> &promise) {
                  auto ledger = openRequeryLedger(w.ledgerPath);
                  if (!ledger) {
                      result = ledger.error();
                      return;
                  }
                  result = requery(**ledger, *w.gate, w.policy, request, promise);
              });
        QFutureWatcher<ApplyReport> watcher;
        QSignalSpy progress(&watcher, &QFutureWatcherBase::progressValueChanged);
        watcher.setFuture(future);
        QTRY_VERIFY_WITH_TIMEOUT(future.resultCount() >= 10, 15000);
        const int total = future.progressMaximum();
        QVERIFY(total > 40);
        future.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 15000);
        QVERIFY_ERROR(result, ErrorCode::Cancelled);
        QVERIFY(progress.size() > 0);
        // Cancel stopped the sending: far fewer queries reached the stand-in than targets.
        const QMap<qint64, int> counts = perSecond(w.server->requestCounts());
        int sent = 0;
        for (int c : counts)
            sent += c;
        QVERIFY2(sent < total, qPrintable(QStringLiteral("%1 of %2 sent").arg(sent).arg(total)));
        const auto history = QueryHistory(*w.ledger).count();
        QVERIFY_RESULT(history);
        QVERIFY(*history >= 10);
        QVERIFY(*history < total);

        // Nothing to query is a usage error of the call.
        RequeryRequest empty;
        QPromise<ApplyReport> promise;
        QVERIFY_ERROR(requery(*w.ledger, *w.gate, w.policy, empty, promise),
                      ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(tst_RequerySim)
#include "tst_requerysim.moc"
