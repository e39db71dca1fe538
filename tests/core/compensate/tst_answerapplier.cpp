// SPDX-License-Identifier: GPL-3.0-or-later
// Tests core/compensate/answerapplier.*, requeryqueue.*, queryhistory.* and stuckdetector.*
// on a real ledger with hand-made answers (no network): the monotonic rules, idempotency,
// failed answers, back-off bookkeeping, close-after-timeout and the race, discrepancies the
// answers explain, the stuck-order rules, and the queue surviving a reopen.
#include "common/cstime.h"
#include "compensate/answerapplier.h"
#include "compensate/compensateschema.h"
#include "compensate/queryhistory.h"
#include "compensate/requeryqueue.h"
#include "compensate/stuckdetector.h"
#include "ledger/auditlog.h"
#include "ledger/discrepancyrepository.h"
#include "ledger/ledger.h"
#include "ledger/orderrepository.h"
#include "ledger/reconrepository.h"
#include "ledger/refundrepository.h"
#include "testutil.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace wxr;
using namespace wxr::core;

Q_DECLARE_METATYPE(wxr::core::QueueState)

namespace {

const QDate kDay(2026, 11, 25);

qint64 nowMs()
{
    return cst::now() * 1000;
}

RequeryPolicy testPolicy()
{
    RequeryPolicy p;
    p.backoffBaseMs = 1000;
    p.backoffCapMs = 8000;
    p.backoffFloorMs = 200;
    p.maxAttempts = 3;
    p.rateLimitCooldownMs = 5000;
    p.rateLimitCooldownCapMs = 20000;
    return p;
}

QueryAnswer orderAnswer(const QString &otn, const QString &state, const QByteArray &requestId,
                        std::optional<Fen> amount = 1000,
                        std::optional<qint64> successTime = std::nullopt)
{
    QueryAnswer a;
    a.kind = RequeryKind::Order;
    a.key = otn;
    a.query.outcome = AnswerOutcome::Answered;
    a.query.requestedAtMs = nowMs();
    a.query.latencyMs = 12;
    a.query.httpStatus = 200;
    a.query.requestId = requestId;
    OrderAnswer o;
    o.outTradeNo = otn;
    o.tradeState = state;
    o.amountTotal = amount;
    if (state == u"SUCCESS" || state == u"REFUND") {
        o.transactionId = QStringLiteral("4200000000202611250000000042");
        o.successTime = successTime.value_or(cst::now() - 60);
        o.successTimeText = cst::formatRfc3339(*o.successTime);
    }
    a.order = o;
    return a;
}

QueryAnswer failedAnswer(const QString &otn, AnswerOutcome outcome,
                         const QByteArray &requestId = {})
{
    QueryAnswer a;
    a.kind = RequeryKind::Order;
    a.key = otn;
    a.query.outcome = outcome;
    a.query.requestedAtMs = nowMs();
    a.query.latencyMs = 40;
    a.query.requestId = requestId;
    a.query.httpStatus = outcome == AnswerOutcome::RateLimited ? 429 : 200;
    a.query.message = QStringLiteral("The answer failed for the test.");
    return a;
}

qint64 scalar(Ledger &ledger, const QString &sql)
{
    QSqlQuery q(ledger.database());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

class tst_AnswerApplier final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Ledger> m_ledger;
    int m_file = 0;

    Ledger &ledger() { return *m_ledger; }

    void addOrder(const QString &otn, const QString &status, Fen amount = 1000,
                  std::optional<qint64> createdAt = std::nullopt)
    {
        TradeEvent e;
        e.outTradeNo = otn;
        e.state = status;
        e.amountFen = amount;
        e.createdAt = createdAt.value_or(cst::now() - 3600);
        e.at = e.createdAt;
        if (status == u"SUCCESS" || status == u"REFUND") {
            e.paidAt = cst::dayBounds(kDay).first + 3600;
            e.transactionId = QStringLiteral("4200000000202611250000000042");
        }
        e.source = RecordSource::Import;
        const auto r = OrderRepository(ledger()).applyTradeState(e);
        QVERIFY_RESULT(r);
    }

    static Discrepancy discrepancy(DiscrepancyKind kind, const QString &otn,
                                   const QString &ledgerStatus, const QString &billStatus,
                                   std::optional<Fen> ledgerAmount, std::optional<Fen> billAmount)
    {
        Discrepancy d;
        d.billDate = kDay;
        d.kind = kind;
        d.outTradeNo = otn;
        d.ledgerStatus = ledgerStatus;
        d.billStatus = billStatus;
        d.ledgerAmountFen = ledgerAmount;
        d.billAmountFen = billAmount;
        return d;
    }

    // One reconciliation run of kDay that found `found` (a later run of the same date would
    // resolve what it does not find again, so each test stores its rows in one run).
    void saveRun(const QList<Discrepancy> &found)
    {
        ReconSummary summary;
        summary.billDate = kDay;
        QPromise<void> promise;
        const auto run = ReconRepository(ledger()).saveRun(summary, found, {}, cst::now(),
                                                           QStringLiteral("test"), {}, promise);
        QVERIFY_RESULT(run);
    }

    void addDiscrepancy(DiscrepancyKind kind, const QString &otn, const QString &ledgerStatus,
                        const QString &billStatus, std::optional<Fen> ledgerAmount,
                        std::optional<Fen> billAmount)
    {
        saveRun({discrepancy(kind, otn, ledgerStatus, billStatus, ledgerAmount, billAmount)});
    }

    QList<Discrepancy> discrepanciesOf(const QString &otn)
    {
        DiscrepancyFilter f;
        f.search = otn;
        const auto rows = DiscrepancyRepository(ledger()).page(f, 0, 100);
        return rows ? *rows : QList<Discrepancy>();
    }

    Order order(const QString &otn)
    {
        const auto o = OrderRepository(ledger()).find(otn);
        return o && o->has_value() ? **o : Order();
    }

    RequeryItem item(const QString &key, RequeryKind kind = RequeryKind::Order)
    {
        const auto i = RequeryQueue(ledger()).find(kind, key);
        return i && i->has_value() ? **i : RequeryItem();
    }

private slots:
    void init()
    {
        auto l = openRequeryLedger(m_dir.filePath(QStringLiteral("ledger%1.sqlite").arg(++m_file)));
        QVERIFY_RESULT(l);
        m_ledger = std::move(*l);
    }
    void cleanup() { m_ledger.reset(); }

    void transitions_data()
    {
        QTest::addColumn<QString>("ledgerState"); // empty: the ledger lacks the order
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("applied");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QueueState>("itemState");
        QTest::addColumn<bool>("flagged");
        using S = QueueState;
        QTest::newRow("NOTPAY → SUCCESS (lost callback)") << "NOTPAY"
                                                          << "SUCCESS"
                                                          << "applied"
                                                          << "SUCCESS" << S::Done << false;
        QTest::newRow("NOTPAY → CLOSED") << "NOTPAY"
                                         << "CLOSED"
                                         << "applied"
                                         << "CLOSED" << S::Done << false;
        QTest::newRow("NOTPAY → REFUND") << "NOTPAY"
                                         << "REFUND"
                                         << "applied"
                                         << "REFUND" << S::Done << false;
        QTest::newRow("USERPAYING → PAYERROR") << "USERPAYING"
                                               << "PAYERROR"
                                               << "applied"
                                               << "PAYERROR" << S::Done << false;
        QTest::newRow("NOTPAY again keeps polling") << "NOTPAY"
                                                    << "NOTPAY"
                                                    << "unchanged"
                                                    << "NOTPAY" << S::Pending << false;
        QTest::newRow("unknown word kept, keeps polling") << "NOTPAY"
                                                          << "SOMETHING_NEW"
                                                          << "applied"
                                                          << "SOMETHING_NEW" << S::Pending << false;
        QTest::newRow("SUCCESS never goes back to NOTPAY")
            << "SUCCESS"
            << "NOTPAY"
            << "ignored: the current state is final"
            << "SUCCESS" << S::NeedsAttention << true;
        QTest::newRow("CLOSED → SUCCESS is paid after close")
            << "CLOSED"
            << "SUCCESS"
            << "paid after close"
            << "SUCCESS" << S::NeedsAttention << true;
        QTest::newRow("unknown to the ledger → created for review") << ""
                                                                    << "SUCCESS"
                                                                    << "created"
                                                                    << "SUCCESS" << S::Done << true;
    }
    void transitions()
    {
        QFETCH(QString, ledgerState);
        QFETCH(QString, answer);
        QFETCH(QString, applied);
        QFETCH(QString, after);
        QFETCH(QueueState, itemState);
        QFETCH(bool, flagged);
        const QString otn = QStringLiteral("T20261125000001");
        if (!ledgerState.isEmpty())
            addOrder(otn, ledgerState);
        const qint64 before = nowMs();
        const QueryAnswer a = orderAnswer(otn, answer, "REQ-1-268000000");
        AnswerApplier applier(ledger(), testPolicy());
        const auto r = applier.apply(a, RequeryTrigger::scheduler(), before, 0.5);
        QVERIFY_RESULT(r);
        QCOMPARE(r->applied, applied);
        QCOMPARE(r->ledgerBefore, ledgerState);
        QCOMPARE(r->ledgerAfter, after);
        QCOMPARE(r->remoteState, answer);
        QCOMPARE(r->itemState, itemState);
        const Order o = order(otn);
        QCOMPARE(o.status, after);
        QCOMPARE(o.needsReview, flagged);
        if (answer == u"SUCCESS" && after == u"SUCCESS") {
            QCOMPARE(o.transactionId, a.order->transactionId);
            QCOMPARE(o.paidAt, a.order->successTime);
        }
        const RequeryItem i = item(otn);
        QCOMPARE(i.state, itemState);
        QCOMPARE(i.attempts, 1);
        QCOMPARE(i.lastResult, answer);
        if (itemState == QueueState::Pending) // 0.5 · min(8000, 1000·2^0) = 500 ms
            QCOMPARE(i.nextAttemptMs, before + 500);
        // The query is in the history and, for the per-order timeline, in the audit log.
        const auto history = QueryHistory(ledger()).forOrder(otn);
        QVERIFY_RESULT(history);
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->first().trigger.word(), QStringLiteral("scheduler"));
        QCOMPARE(history->first().remoteState, answer);
        QCOMPARE(history->first().applied, applied);
        QCOMPARE(history->first().requestId, QStringLiteral("REQ-1-268000000"));
        QCOMPARE(history->first().latencyMs, 12);
        const auto audit = AuditLog(ledger()).forEntity(QStringLiteral("order"), otn);
        QVERIFY_RESULT(audit);
        QVERIFY(std::any_of(audit->begin(), audit->end(), [](const AuditEntry &e) {
            return e.action == u"query" && e.detail.contains(u"REQ-1-268000000");
        }));
    }

    void appliedTwiceChangesNothing()
    {
        const QString otn = QStringLiteral("T20261125000002");
        addOrder(otn, QStringLiteral("NOTPAY"));
        addDiscrepancy(DiscrepancyKind::StatusMismatch, otn, QStringLiteral("NOTPAY"),
                       QStringLiteral("SUCCESS"), 1000, 1000);
        AnswerApplier applier(ledger(), testPolicy());
        const QueryAnswer a = orderAnswer(otn, QStringLiteral("SUCCESS"), "REQ-TWICE-0");
        const auto first
            = applier.apply(a, RequeryTrigger::person(QStringLiteral("alice")), nowMs(), 0.3);
        QVERIFY_RESULT(first);
        QCOMPARE(first->applied, QStringLiteral("applied"));
        QCOMPARE(first->resolvedDiscrepancies.size(), 1);

        const Order orderBefore = order(otn);
        const RequeryItem itemBefore = item(otn);
        const QList<Discrepancy> discBefore = discrepanciesOf(otn);
        const qint64 audit = scalar(ledger(), QStringLiteral("SELECT COUNT(*) FROM audit_log"));
        const qint64 log = scalar(ledger(), QStringLiteral("SELECT COUNT(*) FROM requery_log"));

        const auto second = applier.apply(a, RequeryTrigger::scheduler(), nowMs() + 5000, 0.9);
        QVERIFY_RESULT(second);
        QVERIFY(second->duplicate);
        QVERIFY(second->resolvedDiscrepancies.isEmpty());
        QCOMPARE(order(otn).updatedAt, orderBefore.updatedAt);
        QCOMPARE(order(otn).status, orderBefore.status);
        QCOMPARE(item(otn).attempts, itemBefore.attempts);
        QCOMPARE(item(otn).updatedMs, itemBefore.updatedMs);
        QCOMPARE(discrepanciesOf(otn).first().note, discBefore.first().note);
        QCOMPARE(scalar(ledger(), QStringLiteral("SELECT COUNT(*) FROM audit_log")), audit);
        QCOMPARE(scalar(ledger(), QStringLiteral("SELECT COUNT(*) FROM requery_log")), log);

        // A new query with the same news is a new fact for the history, but the ledger stays.
        const auto third = applier.apply(orderAnswer(otn, QStringLiteral("SUCCESS"), "REQ-NEW-0"),
                                         RequeryTrigger::scheduler(), nowMs(), 0.5);
        QVERIFY_RESULT(third);
        QCOMPARE(third->applied, QStringLiteral("unchanged"));
        QCOMPARE(order(otn).updatedAt, orderBefore.updatedAt);
        QCOMPARE(scalar(ledger(), QStringLiteral("SELECT COUNT(*) FROM requery_log")), log + 1);
    }

    void failedAnswers_data()
    {
        QTest::addColumn<AnswerOutcome>("outcome");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<int>("rateLimited");
        QTest::addColumn<qint64>("minDelay");
        QTest::newRow("invalid signature")
            << AnswerOutcome::VerificationFailed << 1 << 0 << qint64(200);
        QTest::newRow("network") << AnswerOutcome::NetworkError << 1 << 0 << qint64(200);
        QTest::newRow("not found") << AnswerOutcome::NotFound << 1 << 0 << qint64(200);
        QTest::newRow("api error") << AnswerOutcome::ApiError << 1 << 0 << qint64(200);
        // Rate limited: not counted, but waits at least the cool-down.
        QTest::newRow("rate limited") << AnswerOutcome::RateLimited << 0 << 1 << qint64(5000);
    }
    void failedAnswers()
    {
        QFETCH(AnswerOutcome, outcome);
        QFETCH(int, attempts);
        QFETCH(int, rateLimited);
        QFETCH(qint64, minDelay);
        const QString otn = QStringLiteral("T20261125000003");
        addOrder(otn, QStringLiteral("NOTPAY"));
        const Order before = order(otn);
        const qint64 now = nowMs();
        AnswerApplier applier(ledger(), testPolicy());
        const auto r = applier.apply(failedAnswer(otn, outcome, "REQ-FAIL-1"),
                                     RequeryTrigger::scheduler(), now, 0.0);
        QVERIFY_RESULT(r);
        QVERIFY(r->applied.isEmpty());
        QCOMPARE(r->outcome, outcome);
        QVERIFY(!r->message.isEmpty());
        // Not applied: the ledger is exactly as before.
        QCOMPARE(order(otn).status, before.status);
        QCOMPARE(order(otn).updatedAt, before.updatedAt);
        const RequeryItem i = item(otn);
        QCOMPARE(i.attempts, attempts);
        QCOMPARE(i.rateLimited, rateLimited);
        QCOMPARE(i.state, QueueState::Pending);
        QCOMPARE(i.lastResult, answerOutcomeWord(outcome));
        QVERIFY(!i.lastError.isEmpty());
        QVERIFY(i.nextAttemptMs >= now + minDelay);
        // …but the attempt is recorded as failed.
        const auto history = QueryHistory(ledger()).forOrder(otn);
        QVERIFY_RESULT(history);
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->first().outcome, outcome);
        QVERIFY(history->first().applied.isEmpty());
    }

    void unknownNumberIsNotRetried()
    {
        // A person's typo: neither WeChat Pay nor the ledger knows it, so it is settled.
        AnswerApplier applier(ledger(), testPolicy());
        auto r = applier.apply(failedAnswer(QStringLiteral("TYPO1"), AnswerOutcome::NotFound),
                               RequeryTrigger::person(QStringLiteral("alice")), nowMs(), 0.5);
        QVERIFY_RESULT(r);
        QCOMPARE(r->itemState, QueueState::Done);
        QCOMPARE(item(QStringLiteral("TYPO1")).reason, RequeryReason::Manual);
        // An order the ledger has keeps being asked about (WeChat Pay may just be late).
        addOrder(QStringLiteral("T20261125000013"), QStringLiteral("NOTPAY"));
        r = applier.apply(failedAnswer(QStringLiteral("T20261125000013"), AnswerOutcome::NotFound),
                          RequeryTrigger::person(QStringLiteral("alice")), nowMs(), 0.5);
        QVERIFY_RESULT(r);
        QCOMPARE(r->itemState, QueueState::Pending);
    }

    void settledByACallbackMeanwhile()
    {
        RequeryQueue queue(ledger());
        AnswerApplier applier(ledger(), testPolicy());
        // Unpaid when queued, paid by a callback since: done without a query.
        addOrder(QStringLiteral("T-CB"), QStringLiteral("NOTPAY"));
        QVERIFY_RESULT(queue.enqueue(RequeryKind::Order, QStringLiteral("T-CB"),
                                     QStringLiteral("T-CB"), RequeryReason::Unpaid, nowMs()));
        TradeEvent paid;
        paid.outTradeNo = QStringLiteral("T-CB");
        paid.state = QStringLiteral("SUCCESS");
        paid.source = RecordSource::Callback;
        QVERIFY_RESULT(OrderRepository(ledger()).applyTradeState(paid));
        auto settled = applier.settleWithoutQuery(item(QStringLiteral("T-CB")), nowMs());
        QVERIFY_RESULT(settled);
        QVERIFY(*settled);
        QCOMPARE(item(QStringLiteral("T-CB")).state, QueueState::Done);
        QCOMPARE(item(QStringLiteral("T-CB")).attempts, 0);
        // Still unpaid: it must be asked.
        addOrder(QStringLiteral("T-WAIT"), QStringLiteral("NOTPAY"));
        QVERIFY_RESULT(queue.enqueue(RequeryKind::Order, QStringLiteral("T-WAIT"),
                                     QStringLiteral("T-WAIT"), RequeryReason::Unpaid, nowMs()));
        settled = applier.settleWithoutQuery(item(QStringLiteral("T-WAIT")), nowMs());
        QVERIFY_RESULT(settled);
        QVERIFY(!*settled);
        // A discrepancy is explained by the answer, so its order is asked even when final.
        addOrder(QStringLiteral("T-MIB"), QStringLiteral("SUCCESS"));
        QVERIFY_RESULT(queue.enqueue(RequeryKind::Order, QStringLiteral("T-MIB"),
                                     QStringLiteral("T-MIB"), RequeryReason::MissingInBill,
                                     nowMs()));
        settled = applier.settleWithoutQuery(item(QStringLiteral("T-MIB")), nowMs());
        QVERIFY_RESULT(settled);
        QVERIFY(!*settled);
    }

    void attemptsRunOut()
    {
        const QString otn = QStringLiteral("T20261125000004");
        addOrder(otn, QStringLiteral("NOTPAY"));
        AnswerApplier applier(ledger(), testPolicy()); // 3 attempts
        for (int n = 1; n <= 3; ++n) {
            const auto r = applier.apply(
                orderAnswer(otn, QStringLiteral("NOTPAY"), "REQ-RUN-" + QByteArray::number(n)),
                RequeryTrigger::scheduler(), nowMs(), 0.5);
            QVERIFY_RESULT(r);
            QCOMPARE(r->attempts, n);
            QCOMPARE(r->itemState, n < 3 ? QueueState::Pending : QueueState::NeedsAttention);
        }
        QVERIFY(item(otn).note.contains(u"NOTPAY"));
        QVERIFY(item(otn).note.contains(u"3"));
        // Rate-limited answers never use up attempts, however many.
        const QString other = QStringLiteral("T20261125000005");
        addOrder(other, QStringLiteral("NOTPAY"));
        for (int n = 0; n < 10; ++n) {
            const auto r = applier.apply(failedAnswer(other, AnswerOutcome::RateLimited),
                                         RequeryTrigger::scheduler(), nowMs(), 0.5);
            QVERIFY_RESULT(r);
        }
        QCOMPARE(item(other).state, QueueState::Pending);
        QCOMPARE(item(other).attempts, 0);
        QCOMPARE(item(other).rateLimited, 10);
    }

    void closeAfterTimeoutIsScheduled()
    {
        RequeryPolicy p = testPolicy();
        p.maxAttempts = 1;
        p.closeExpired = true;
        p.orderExpiryMs = 3'600'000;
        const QString otn = QStringLiteral("T20261125000006");
        const qint64 created = cst::now() - 600;
        addOrder(otn, QStringLiteral("NOTPAY"), 1000, created);
        AnswerApplier applier(ledger(), p);
        const qint64 now = nowMs();
        auto r = applier.apply(orderAnswer(otn, QStringLiteral("NOTPAY"), "REQ-CL-1"),
                               RequeryTrigger::scheduler(), now, 0.5);
        QVERIFY_RESULT(r);
        QCOMPARE(r->itemState, QueueState::Pending);
        QCOMPARE(r->nextAttemptMs, created * 1000 + p.orderExpiryMs);
        const RequeryItem i = item(otn);
        auto wants = applier.wantsClose(i, now);
        QVERIFY_RESULT(wants);
        QVERIFY(!*wants);
        wants = applier.wantsClose(i, created * 1000 + p.orderExpiryMs);
        QVERIFY_RESULT(wants);
        QVERIFY(*wants);
        // Off by default.
        wants
            = AnswerApplier(ledger(), testPolicy()).wantsClose(i, created * 1000 + p.orderExpiryMs);
        QVERIFY_RESULT(wants);
        QVERIFY(!*wants);
        // A close that keeps failing ends with a person, not in a loop.
        for (int n = 0; n < 3; ++n) {
            QueryAnswer failed = failedAnswer(otn, AnswerOutcome::Cancelled);
            failed.close = CloseOutcome::Failed;
            failed.closeExchange.outcome = AnswerOutcome::NetworkError;
            failed.closeExchange.requestedAtMs = nowMs();
            failed.closeExchange.message = QStringLiteral("No answer.");
            r = applier.apply(failed, RequeryTrigger::scheduler(), nowMs(), 0.5);
            QVERIFY_RESULT(r);
        }
        QCOMPARE(r->itemState, QueueState::NeedsAttention);
        QCOMPARE(order(otn).status, QStringLiteral("NOTPAY"));
        const auto history = QueryHistory(ledger()).forOrder(otn);
        QVERIFY_RESULT(history);
        QCOMPARE(history->size(), 4); // one query, three closes
        QCOMPARE(history->last().action, QStringLiteral("close"));
    }

    void closeRace_data()
    {
        QTest::addColumn<CloseOutcome>("close");
        QTest::addColumn<QString>("answer");
        QTest::addColumn<bool>("race");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QueueState>("itemState");
        QTest::newRow("closed, then CLOSED")
            << CloseOutcome::Closed << "CLOSED" << false << "CLOSED" << QueueState::Done;
        QTest::newRow("ORDER_PAID, then SUCCESS: the race")
            << CloseOutcome::AlreadyPaid << "SUCCESS" << true << "SUCCESS"
            << QueueState::NeedsAttention;
        QTest::newRow("closed, yet SUCCESS: the race")
            << CloseOutcome::Closed << "SUCCESS" << true << "SUCCESS" << QueueState::NeedsAttention;
    }
    void closeRace()
    {
        QFETCH(CloseOutcome, close);
        QFETCH(QString, answer);
        QFETCH(bool, race);
        QFETCH(QString, after);
        QFETCH(QueueState, itemState);
        const QString otn = QStringLiteral("T20261125000007");
        addOrder(otn, QStringLiteral("NOTPAY"));
        QueryAnswer a = orderAnswer(otn, answer, "REQ-RACE-Q");
        a.close = close;
        a.closeExchange.outcome
            = close == CloseOutcome::Closed ? AnswerOutcome::Answered : AnswerOutcome::ApiError;
        a.closeExchange.errorCode
            = close == CloseOutcome::AlreadyPaid ? QStringLiteral("ORDER_PAID") : QString();
        a.closeExchange.requestId = "REQ-RACE-C";
        a.closeExchange.requestedAtMs = nowMs() - 20;
        const auto r = AnswerApplier(ledger(), testPolicy())
                           .apply(a, RequeryTrigger::scheduler(), nowMs(), 0.5);
        QVERIFY_RESULT(r);
        QCOMPARE(r->paidAfterClose, race);
        QCOMPARE(r->ledgerAfter, after);
        QCOMPARE(r->itemState, itemState);
        const Order o = order(otn);
        QCOMPARE(o.needsReview, race);
        if (race)
            QVERIFY2(o.reviewReason.contains(u"paid after close"), qPrintable(o.reviewReason));
        const auto history = QueryHistory(ledger()).forOrder(otn);
        QVERIFY_RESULT(history);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).action, QStringLiteral("close"));
        QCOMPARE(history->at(0).remoteState, close == CloseOutcome::AlreadyPaid
                                                 ? QStringLiteral("ORDER_PAID")
                                                 : QStringLiteral("CLOSED"));
        QCOMPARE(history->at(1).action, QStringLiteral("query"));
    }

    void discrepancies_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("ledgerState"); // empty: not in the ledger
        QTest::addColumn<Fen>("ledgerAmount");
        QTest::addColumn<Fen>("billAmount");
        QTest::addColumn<int>("successDayOffset");
        QTest::addColumn<bool>("resolved");
        const int sm = int(DiscrepancyKind::StatusMismatch);
        const int mil = int(DiscrepancyKind::MissingInLedger);
        const int mib = int(DiscrepancyKind::MissingInBill);
        QTest::newRow("status mismatch explained")
            << sm << "NOTPAY" << Fen(1000) << Fen(1000) << 0 << true;
        QTest::newRow("status mismatch, amount differs stays open")
            << sm << "NOTPAY" << Fen(1500) << Fen(1000) << 0 << false;
        QTest::newRow("missing in ledger fetched") << mil << "" << Fen(0) << Fen(1000) << 0 << true;
        QTest::newRow("missing in bill, booked next day")
            << mib << "SUCCESS" << Fen(1000) << Fen(0) << 1 << true;
        QTest::newRow("missing in bill, booked that day stays open")
            << mib << "SUCCESS" << Fen(1000) << Fen(0) << 0 << false;
    }
    void discrepancies()
    {
        QFETCH(int, kind);
        QFETCH(QString, ledgerState);
        QFETCH(Fen, ledgerAmount);
        QFETCH(Fen, billAmount);
        QFETCH(int, successDayOffset);
        QFETCH(bool, resolved);
        const QString otn = QStringLiteral("T20261125000008");
        const auto k = DiscrepancyKind(kind);
        if (!ledgerState.isEmpty())
            addOrder(otn, ledgerState, ledgerAmount);
        addDiscrepancy(k, otn, ledgerState,
                       k == DiscrepancyKind::MissingInBill ? QString() : QStringLiteral("SUCCESS"),
                       ledgerState.isEmpty() ? std::nullopt : std::optional<Fen>(ledgerAmount),
                       k == DiscrepancyKind::MissingInBill ? std::nullopt
                                                           : std::optional<Fen>(billAmount));
        const qint64 success = cst::dayBounds(kDay.addDays(successDayOffset)).first + 7200;
        const auto r = AnswerApplier(ledger(), testPolicy())
                           .apply(orderAnswer(otn, QStringLiteral("SUCCESS"), "REQ-DISC-77",
                                              k == DiscrepancyKind::MissingInBill ? ledgerAmount
                                                                                  : billAmount,
                                              success),
                                  RequeryTrigger::person(QStringLiteral("alice")), nowMs(), 0.5);
        QVERIFY_RESULT(r);
        QCOMPARE(r->resolvedDiscrepancies.size(), resolved ? 1 : 0);
        const QList<Discrepancy> rows = discrepanciesOf(otn);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().state,
                 resolved ? DiscrepancyState::Resolved : DiscrepancyState::Open);
        if (resolved) {
            // The note names the query: who, and its Request-ID.
            QVERIFY2(rows.first().note.contains(u"REQ-DISC-77"), qPrintable(rows.first().note));
            QVERIFY2(rows.first().note.contains(u"alice"), qPrintable(rows.first().note));
        }
    }

    void refunds_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QueueState>("itemState");
        QTest::newRow("PROCESSING → SUCCESS") << "SUCCESS"
                                              << "SUCCESS" << QueueState::Done;
        QTest::newRow("PROCESSING → CLOSED") << "CLOSED"
                                             << "CLOSED" << QueueState::Done;
        QTest::newRow("still PROCESSING") << "PROCESSING"
                                          << "PROCESSING" << QueueState::Pending;
        QTest::newRow("ABNORMAL needs a person") << "ABNORMAL"
                                                 << "ABNORMAL" << QueueState::NeedsAttention;
    }
    void refunds()
    {
        QFETCH(QString, answer);
        QFETCH(QString, after);
        QFETCH(QueueState, itemState);
        addOrder(QStringLiteral("T20261125000009"), QStringLiteral("SUCCESS"));
        RefundEvent e;
        e.outRefundNo = QStringLiteral("R20261125000001");
        e.outTradeNo = QStringLiteral("T20261125000009");
        e.state = QStringLiteral("PROCESSING");
        e.amountFen = 500;
        e.createdAt = cst::now() - 3600;
        e.source = RecordSource::Import;
        QVERIFY_RESULT(RefundRepository(ledger()).applyRefundState(e));

        QueryAnswer a;
        a.kind = RequeryKind::Refund;
        a.key = e.outRefundNo;
        a.query.outcome = AnswerOutcome::Answered;
        a.query.requestedAtMs = nowMs();
        a.query.requestId = "REQ-REFUND-1";
        RefundAnswer ra;
        ra.outRefundNo = e.outRefundNo;
        ra.outTradeNo = e.outTradeNo;
        ra.refundId = QStringLiteral("50300000000000000000000000001");
        ra.status = answer;
        ra.amountRefund = 500;
        if (answer == u"SUCCESS") {
            ra.successTime = cst::now() - 10;
            ra.successTimeText = cst::formatRfc3339(*ra.successTime);
        }
        a.refund = ra;
        const auto r = AnswerApplier(ledger(), testPolicy())
                           .apply(a, RequeryTrigger::scheduler(), nowMs(), 0.5);
        QVERIFY_RESULT(r);
        QCOMPARE(r->ledgerAfter, after);
        QCOMPARE(r->itemState, itemState);
        QCOMPARE(r->outTradeNo, e.outTradeNo);
        const auto stored = RefundRepository(ledger()).find(e.outRefundNo);
        QVERIFY_RESULT(stored);
        QCOMPARE((*stored)->status, after);
        // The order's history includes its refunds.
        const auto history = QueryHistory(ledger()).forOrder(e.outTradeNo);
        QVERIFY_RESULT(history);
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->first().kind, RequeryKind::Refund);
    }

    void stuckRules()
    {
        const qint64 now = cst::now();
        RequeryPolicy p = testPolicy();
        p.unpaidAfterMs = 10 * 60'000;
        p.unpaidLookbackMs = 7 * 86'400'000LL;
        p.refundProcessingAfterMs = 5 * 60'000;
        addOrder(QStringLiteral("T-OLD-ENOUGH"), QStringLiteral("NOTPAY"), 100, now - 20 * 60);
        addOrder(QStringLiteral("T-TOO-FRESH"), QStringLiteral("NOTPAY"), 100, now - 5 * 60);
        addOrder(QStringLiteral("T-TOO-OLD"), QStringLiteral("NOTPAY"), 100, now - 8 * 86400);
        addOrder(QStringLiteral("T-USERPAYING"), QStringLiteral("USERPAYING"), 100, now - 30 * 60);
        addOrder(QStringLiteral("T-CLOSED"), QStringLiteral("CLOSED"), 100, now - 30 * 60);
        addOrder(QStringLiteral("T-PAID"), QStringLiteral("SUCCESS"), 100, now - 30 * 60);
        addOrder(QStringLiteral("T-MISMATCH"), QStringLiteral("NOTPAY"), 100, now - 60);
        saveRun({discrepancy(DiscrepancyKind::StatusMismatch, QStringLiteral("T-MISMATCH"),
                             QStringLiteral("NOTPAY"), QStringLiteral("SUCCESS"), 100, 100),
                 discrepancy(DiscrepancyKind::MissingInLedger, QStringLiteral("T-UNKNOWN"),
                             QString(), QStringLiteral("SUCCESS"), std::nullopt, 100)});
        for (const auto &[no, age] : {std::pair{"R-SLOW", 10 * 60}, std::pair{"R-FRESH", 60}}) {
            RefundEvent e;
            e.outRefundNo = QString::fromLatin1(no);
            e.outTradeNo = QStringLiteral("T-PAID");
            e.state = QStringLiteral("PROCESSING");
            e.amountFen = 50;
            e.createdAt = now - age;
            e.source = RecordSource::Import;
            QVERIFY_RESULT(RefundRepository(ledger()).applyRefundState(e));
        }

        const auto stats = StuckDetector(ledger(), p).scan(now * 1000);
        QVERIFY_RESULT(stats);
        QCOMPARE(stats->found.value(RequeryReason::Unpaid), 2);
        QCOMPARE(stats->found.value(RequeryReason::StatusMismatch), 1);
        QCOMPARE(stats->found.value(RequeryReason::MissingInLedger), 1);
        QCOMPARE(stats->found.value(RequeryReason::RefundProcessing), 1);
        QCOMPARE(stats->queued, 5);
        const auto pending = RequeryQueue(ledger()).withState(QueueState::Pending, 100);
        QVERIFY_RESULT(pending);
        QStringList keys;
        for (const RequeryItem &i : *pending)
            keys << i.key;
        keys.sort();
        QCOMPARE(keys, (QStringList{QStringLiteral("R-SLOW"), QStringLiteral("T-MISMATCH"),
                                    QStringLiteral("T-OLD-ENOUGH"), QStringLiteral("T-UNKNOWN"),
                                    QStringLiteral("T-USERPAYING")}));
        QCOMPARE(item(QStringLiteral("R-SLOW"), RequeryKind::Refund).outTradeNo,
                 QStringLiteral("T-PAID"));
        QCOMPARE(item(QStringLiteral("T-UNKNOWN")).reason, RequeryReason::MissingInLedger);

        // Scanning again adds nothing.
        const auto again = StuckDetector(ledger(), p).scan(now * 1000);
        QVERIFY_RESULT(again);
        QCOMPARE(again->queued, 0);
        // Discrepancy rules can be switched off.
        p.fromDiscrepancies = false;
        const auto noDisc = StuckDetector(ledger(), p).scan(now * 1000);
        QVERIFY_RESULT(noDisc);
        QVERIFY(!noDisc->found.contains(RequeryReason::StatusMismatch));
    }

    void enqueueRearmsOnlyForANewReason()
    {
        RequeryQueue queue(ledger());
        const qint64 now = nowMs();
        auto added = queue.enqueue(RequeryKind::Order, QStringLiteral("T1"), QStringLiteral("T1"),
                                   RequeryReason::Unpaid, now);
        QVERIFY_RESULT(added);
        QVERIFY(*added);
        added = queue.enqueue(RequeryKind::Order, QStringLiteral("T1"), QStringLiteral("T1"),
                              RequeryReason::StatusMismatch, now);
        QVERIFY_RESULT(added);
        QVERIFY(!*added); // pending already
        RequeryItem i = item(QStringLiteral("T1"));
        i.state = QueueState::Done;
        i.attempts = 4;
        QVERIFY_RESULT(queue.save(i));
        added = queue.enqueue(RequeryKind::Order, QStringLiteral("T1"), QString(),
                              RequeryReason::Unpaid, now + 10);
        QVERIFY_RESULT(added);
        QVERIFY(!*added); // the rule that settled it matches again: nothing to do
        added = queue.enqueue(RequeryKind::Order, QStringLiteral("T1"), QString(),
                              RequeryReason::StatusMismatch, now + 20);
        QVERIFY_RESULT(added);
        QVERIFY(*added);
        i = item(QStringLiteral("T1"));
        QCOMPARE(i.state, QueueState::Pending);
        QCOMPARE(i.attempts, 0);
        QCOMPARE(i.reason, RequeryReason::StatusMismatch);
        QCOMPARE(i.nextAttemptMs, now + 20);
        QCOMPARE(i.outTradeNo, QStringLiteral("T1"));
        QVERIFY_ERROR(
            queue.enqueue(RequeryKind::Order, QString(), QString(), RequeryReason::Manual, now),
            ErrorCode::InvalidInput);
        // A person's "try again".
        i.state = QueueState::NeedsAttention;
        i.attempts = 8;
        QVERIFY_RESULT(queue.save(i));
        const auto rearmed = queue.rearm({i.id}, now + 30);
        QVERIFY_RESULT(rearmed);
        QCOMPARE(*rearmed, 1);
        QCOMPARE(item(QStringLiteral("T1")).attempts, 0);
        i.id = 999999;
        QVERIFY_ERROR(queue.save(i), ErrorCode::NotFound);
    }

    void queueSurvivesReopen()
    {
        const QString path = m_ledger->path();
        const QString otn = QStringLiteral("T20261125000010");
        addOrder(otn, QStringLiteral("NOTPAY"));
        const qint64 now = nowMs();
        QVERIFY_RESULT(AnswerApplier(ledger(), testPolicy())
                           .apply(orderAnswer(otn, QStringLiteral("NOTPAY"), "REQ-KEEP-1"),
                                  RequeryTrigger::scheduler(), now, 0.5));
        const RequeryItem before = item(otn);
        m_ledger.reset();
        auto reopened = openRequeryLedger(path);
        QVERIFY_RESULT(reopened);
        m_ledger = std::move(*reopened);
        const RequeryItem after = item(otn);
        QCOMPARE(after.id, before.id);
        QCOMPARE(after.attempts, 1);
        QCOMPARE(after.nextAttemptMs, before.nextAttemptMs);
        QCOMPARE(after.lastResult, QStringLiteral("NOTPAY"));
        QCOMPARE(after.lastRequestId, QStringLiteral("REQ-KEEP-1"));
        const auto counts = RequeryQueue(ledger()).counts(before.nextAttemptMs);
        QVERIFY_RESULT(counts);
        QCOMPARE(counts->pending, 1);
        QCOMPARE(counts->due, 1);
        QCOMPARE(counts->nextAttemptMs, std::optional<qint64>(before.nextAttemptMs));
        const auto due = RequeryQueue(ledger()).due(before.nextAttemptMs - 1, 10);
        QVERIFY_RESULT(due);
        QVERIFY(due->isEmpty());
    }

    void timelineShowsQueries()
    {
        const QString otn = QStringLiteral("T20261125000011");
        addOrder(otn, QStringLiteral("NOTPAY"));
        QVERIFY_RESULT(AnswerApplier(ledger(), testPolicy())
                           .apply(orderAnswer(otn, QStringLiteral("SUCCESS"), "REQ-TL-1"),
                                  RequeryTrigger::person(QStringLiteral("bob")), nowMs(), 0.5));
        const auto timeline = DiscrepancyRepository(ledger()).timeline(otn);
        QVERIFY_RESULT(timeline);
        QVERIFY(std::any_of(timeline->begin(), timeline->end(), [](const TimelineEntry &e) {
            return e.title == u"Order queried at WeChat Pay: SUCCESS";
        }));
    }

    void cancelledBeforeSendingRecordsNothing()
    {
        const QString otn = QStringLiteral("T20261125000012");
        addOrder(otn, QStringLiteral("NOTPAY"));
        QVERIFY_RESULT(RequeryQueue(ledger()).enqueue(RequeryKind::Order, otn, otn,
                                                      RequeryReason::Unpaid, nowMs()));
        const auto r = AnswerApplier(ledger(), testPolicy())
                           .apply(failedAnswer(otn, AnswerOutcome::Cancelled),
                                  RequeryTrigger::scheduler(), nowMs(), 0.5);
        QVERIFY_RESULT(r);
        QCOMPARE(item(otn).attempts, 0);
        QCOMPARE(scalar(ledger(), QStringLiteral("SELECT COUNT(*) FROM requery_log")), 0);
    }
};

QTEST_GUILESS_MAIN(tst_AnswerApplier)
#include "tst_answerapplier.moc"
