// SPDX-License-Identifier: GPL-3.0-or-later
// The ledger side of re-queries. This file must not include wechatpay's transaction headers
// (see querygate.cpp): it works on the neutral QueryAnswer only.
#include "compensate/answerapplier.h"

#include "common/coretr.h"
#include "common/cstime.h"
#include "compensate/requeryqueue.h"
#include "ledger/auditlog.h"
#include "ledger/discrepancyrepository.h"
#include "ledger/ledger.h"
#include "ledger/orderrepository.h"
#include "ledger/refundrepository.h"
#include "ledger/transaction.h"

#include <algorithm>

namespace wxr::core {

namespace {

// Close attempts allowed after the query attempts ran out (a close that keeps failing must
// end in "needs attention", not loop).
constexpr int kCloseTries = 3;

QString closeWord(const QueryAnswer &a)
{
    switch (a.close) {
    case CloseOutcome::Closed:
        return QStringLiteral("CLOSED");
    case CloseOutcome::AlreadyPaid:
        return QStringLiteral("ORDER_PAID");
    case CloseOutcome::AlreadyClosed:
        return QStringLiteral("ORDER_CLOSED");
    case CloseOutcome::Failed:
    case CloseOutcome::NotAttempted:
        break;
    }
    return {};
}

bool closeReachedWeChat(CloseOutcome c)
{
    return c == CloseOutcome::Closed || c == CloseOutcome::AlreadyPaid
           || c == CloseOutcome::AlreadyClosed;
}

QString requestLabel(const Exchange &x)
{
    return x.requestId.isEmpty() ? Tr::tr("without Request-ID")
                                 : Tr::tr("Request-ID %1").arg(QString::fromLatin1(x.requestId));
}

// Adds `reason` to an order's review flag, keeping reasons already there.
Status flagOrder(OrderRepository &orders, const QString &outTradeNo, const QString &reason,
                 const QString &actor)
{
    const auto current = orders.find(outTradeNo);
    if (!current)
        return current.error();
    if (!current->has_value())
        return {};
    const Order &o = **current;
    if (o.needsReview && o.reviewReason.contains(reason))
        return {};
    const QString combined = o.needsReview && !o.reviewReason.isEmpty()
                                 ? o.reviewReason + QStringLiteral("; ") + reason
                                 : reason;
    return orders.setReview(outTradeNo, true, combined, actor);
}

// Does the ledger order now say what the bill says (state and amount)?
bool agreesWithBill(const Order &o, const Discrepancy &d)
{
    const TradeState ledger = o.state();
    const bool stateOk = d.billStatus == u"SUCCESS" ? isPaid(ledger) : o.status == d.billStatus;
    const bool amountOk = !d.billAmountFen || *d.billAmountFen == o.amountFen;
    return stateOk && amountOk;
}

} // namespace

Result<bool> AnswerApplier::wantsClose(const RequeryItem &item, qint64 nowMs) const
{
    if (!m_policy.closeExpired || item.kind != RequeryKind::Order || item.attempts < 1)
        return false;
    OrderRepository orders(m_ledger);
    const auto order = orders.find(item.key);
    if (!order)
        return order.error();
    if (!order->has_value() || (*order)->state() != TradeState::NotPay || !(*order)->createdAt)
        return false;
    return *(*order)->createdAt * 1000 + m_policy.orderExpiryMs <= nowMs;
}

Result<bool> AnswerApplier::settleWithoutQuery(const RequeryItem &item, qint64 nowMs)
{
    if (item.reason != RequeryReason::Unpaid && item.reason != RequeryReason::RefundProcessing
        && item.reason != RequeryReason::Manual)
        return false;
    QString state;
    bool final = false;
    if (item.kind == RequeryKind::Order) {
        const auto o = OrderRepository(m_ledger).find(item.key);
        if (!o)
            return o.error();
        if (o->has_value()) {
            state = (*o)->status;
            final = isFinal((*o)->state());
        }
    } else {
        const auto r = RefundRepository(m_ledger).find(item.key);
        if (!r)
            return r.error();
        if (r->has_value()) {
            state = (*r)->status;
            final = isFinal((*r)->state());
        }
    }
    if (!final)
        return false;
    RequeryItem done = item;
    done.state = QueueState::Done;
    done.updatedMs = nowMs;
    done.note = Tr::tr("settled without a query: the ledger already has %1").arg(state);
    if (Status s = RequeryQueue(m_ledger).save(done); !s)
        return s.error();
    return true;
}

Result<ApplyReport> AnswerApplier::apply(const QueryAnswer &a, const RequeryTrigger &trigger,
                                         qint64 nowMs, double unitRandom)
{
    ApplyReport rep;
    rep.kind = a.kind;
    rep.key = a.key;
    rep.outcome = a.query.outcome;
    rep.close = a.close;
    rep.remoteState = a.remoteState();
    rep.requestId = a.query.requestId;
    rep.requestedAtMs = a.query.requestedAtMs;
    rep.latencyMs = a.query.latencyMs;
    const bool closeSent = a.close != CloseOutcome::NotAttempted;
    const bool querySent = a.query.outcome != AnswerOutcome::Cancelled;

    Transaction tx(m_ledger);
    if (Status s = tx.begin(); !s)
        return s.error();
    OrderRepository orders(m_ledger);
    RefundRepository refunds(m_ledger);
    RequeryQueue queue(m_ledger);
    QueryHistory history(m_ledger);
    AuditLog audit(m_ledger);

    // The ledger before.
    const auto readLedgerState = [&]() -> Result<QString> {
        if (a.kind == RequeryKind::Order) {
            const auto o = orders.find(a.key);
            if (!o)
                return o.error();
            return o->has_value() ? (*o)->status : QString();
        }
        const auto r = refunds.find(a.key);
        if (!r)
            return r.error();
        if (r->has_value() && rep.outTradeNo.isEmpty())
            rep.outTradeNo = (*r)->outTradeNo;
        return r->has_value() ? (*r)->status : QString();
    };
    if (a.kind == RequeryKind::Order)
        rep.outTradeNo = a.key;
    else if (a.refund)
        rep.outTradeNo = a.refund->outTradeNo;
    const auto before = readLedgerState();
    if (!before)
        return before.error();
    rep.ledgerBefore = *before;
    rep.ledgerAfter = *before;

    // The queue item: the scheduler's, or one made now for a person's query.
    auto item = queue.find(a.kind, a.key);
    if (!item)
        return item.error();
    if (!item->has_value()) {
        if (const auto added
            = queue.enqueue(a.kind, a.key, rep.outTradeNo, RequeryReason::Manual, nowMs);
            !added)
            return added.error();
        item = queue.find(a.kind, a.key);
        if (!item)
            return item.error();
        if (!item->has_value())
            return makeError(
                ErrorCode::Internal,
                Tr::tr("The re-query of %1 vanished while it was recorded.").arg(a.key));
    }
    RequeryItem it = **item;
    rep.itemState = it.state;
    rep.attempts = it.attempts;
    rep.nextAttemptMs = it.nextAttemptMs;

    if (!closeSent && !querySent) {
        rep.message = Tr::tr("The query was cancelled before it was sent.");
        return rep; // nothing happened; the transaction rolls back empty
    }

    // The same answer again (a retried delivery of a result, a double click): nothing changes.
    for (const QByteArray &rid : {a.query.requestId, a.closeExchange.requestId}) {
        const auto seen = history.contains(QString::fromLatin1(rid));
        if (!seen)
            return seen.error();
        if (*seen) {
            rep.duplicate = true;
            rep.message = Tr::tr("This answer (%1) was applied before; nothing changed.")
                              .arg(QString::fromLatin1(rid));
            return rep;
        }
    }

    const QString actor
        = Tr::tr("query %1 by %2")
              .arg(QString::fromLatin1(a.query.requestId.isEmpty() ? a.closeExchange.requestId
                                                                   : a.query.requestId),
                   trigger.who)
              .simplified();
    const auto record = [&](const QString &action, const Exchange &x, const QString &remote,
                            const QString &applied) -> Status {
        QueryLogEntry e;
        e.kind = a.kind;
        e.key = a.key;
        e.outTradeNo = rep.outTradeNo;
        e.action = action;
        e.trigger = trigger;
        e.requestedAtMs = x.requestedAtMs;
        e.latencyMs = x.latencyMs;
        e.outcome = x.outcome;
        e.remoteState = remote;
        e.applied = applied;
        e.httpStatus = x.httpStatus;
        e.errorCode = x.errorCode;
        e.requestId = QString::fromLatin1(x.requestId);
        e.message = x.message;
        if (const auto r = history.append(e); !r)
            return r.error();
        AuditEntry ae;
        ae.at = x.requestedAtMs / 1000;
        ae.actor = trigger.who;
        ae.action = action;
        ae.entity = requeryKindWord(a.kind);
        ae.entityKey = a.key;
        ae.newValue = remote.isEmpty() ? answerOutcomeWord(x.outcome) : remote;
        ae.detail = Tr::tr("%1; %2 ms%3")
                        .arg(requestLabel(x))
                        .arg(x.latencyMs)
                        .arg(applied.isEmpty() ? QString() : QStringLiteral("; ") + applied);
        if (const auto r = audit.append(ae); !r)
            return r.error();
        return {};
    };

    if (closeSent) {
        if (Status s = record(QStringLiteral("close"), a.closeExchange, closeWord(a), QString());
            !s)
            return s.error();
    }

    QString needsAttention; // why a person must look; empty when not
    bool settled = false;
    if (a.answered() && a.order) {
        const OrderAnswer &oa = *a.order;
        const bool paidRemote = isPaid(tradeStateFromWord(oa.tradeState));
        TradeEvent e;
        e.outTradeNo = a.key;
        e.state = oa.tradeState;
        e.at = paidRemote && oa.successTime ? *oa.successTime : a.query.requestedAtMs / 1000;
        e.transactionId = oa.transactionId;
        e.amountFen = oa.amountTotal;
        if (paidRemote) {
            e.paidAt = oa.successTime;
            e.paidAtText = oa.successTimeText;
        }
        e.source = RecordSource::Query;
        e.actor = actor;
        e.createIfMissing = true;
        const auto applied = orders.applyTradeState(e);
        if (!applied)
            return applied.error();
        rep.applied = stateOutcomeName(applied->outcome);
        const auto now = orders.find(a.key);
        if (!now)
            return now.error();
        if (!now->has_value())
            return makeError(ErrorCode::Internal,
                             Tr::tr("The order %1 vanished while it was updated.").arg(a.key));
        const Order &o = **now;
        rep.ledgerAfter = o.status;

        if (closeReachedWeChat(a.close) && paidRemote) {
            // The race: the payment landed between our last query and the close.
            rep.paidAfterClose = true;
            rep.reviewReason = Tr::tr("paid after close: WeChat Pay reports %1 after the close "
                                      "request (%2)")
                                   .arg(oa.tradeState, requestLabel(a.closeExchange));
            needsAttention = rep.reviewReason;
        } else if (applied->outcome == StateOutcome::PaidAfterClose) {
            rep.paidAfterClose = true;
            needsAttention = Tr::tr("paid after the order was closed");
        } else if (applied->outcome == StateOutcome::IgnoredFinal && o.status != oa.tradeState
                   && isPaid(o.state()) != paidRemote) {
            // WeChat Pay and a final ledger state disagree on whether money arrived: the rules
            // keep the ledger, a person decides.
            rep.reviewReason = Tr::tr("WeChat Pay reports %1 but the ledger keeps %2")
                                   .arg(oa.tradeState, o.status);
            needsAttention = rep.reviewReason;
        }
        if (!rep.reviewReason.isEmpty()) {
            if (Status s = flagOrder(orders, a.key, rep.reviewReason, actor); !s)
                return s.error();
        }
        if (applied->amountDiffers && rep.reviewReason.isEmpty())
            rep.reviewReason = o.reviewReason;

        // Discrepancies this answer explains.
        DiscrepancyRepository discrepancies(m_ledger);
        DiscrepancyFilter filter;
        filter.search = a.key;
        filter.kinds = {DiscrepancyKind::StatusMismatch, DiscrepancyKind::MissingInLedger,
                        DiscrepancyKind::MissingInBill};
        filter.states = {DiscrepancyState::Open, DiscrepancyState::Acknowledged};
        QList<std::pair<qint64, QString>> explained;
        const QString when = cst::formatRfc3339(a.query.requestedAtMs / 1000);
        const Status scan = discrepancies.forEach(filter, [&](const Discrepancy &d) -> Status {
            if (d.outTradeNo != a.key)
                return {};
            const QString byQuery = Tr::tr("Explained by the order query of %1 at %2 (%3)")
                                        .arg(trigger.who, when, requestLabel(a.query));
            if (d.kind == DiscrepancyKind::MissingInBill) {
                if (paidRemote && oa.successTime && cst::billDateOf(*oa.successTime) != d.billDate)
                    explained.append(
                        {d.id, Tr::tr("%1: WeChat Pay booked the payment at %2, on the bill of "
                                      "%3.")
                                   .arg(byQuery, oa.successTimeText,
                                        cst::billDateOf(*oa.successTime).toString(Qt::ISODate))});
                return {};
            }
            if (agreesWithBill(o, d))
                explained.append({d.id, Tr::tr("%1: WeChat Pay reports %2; the ledger now agrees "
                                               "with the bill.")
                                            .arg(byQuery, oa.tradeState)});
            return {};
        });
        if (!scan)
            return scan.error();
        for (const auto &[id, note] : explained) {
            const auto changed
                = discrepancies.setState({id}, DiscrepancyState::Resolved, note, actor);
            if (!changed)
                return changed.error();
            rep.resolvedDiscrepancies.append(id);
        }
        settled = isFinal(o.state());
    } else if (a.answered() && a.refund) {
        const RefundAnswer &ra = *a.refund;
        const RefundState remote = refundStateFromWord(ra.status);
        RefundEvent e;
        e.outRefundNo = a.key;
        e.outTradeNo = ra.outTradeNo;
        e.state = ra.status;
        e.at = remote == RefundState::Success && ra.successTime ? *ra.successTime
                                                                : a.query.requestedAtMs / 1000;
        e.refundId = ra.refundId;
        e.amountFen = ra.amountRefund;
        e.createdAt = ra.createTime;
        e.createdAtText = ra.createTimeText;
        e.successAt = ra.successTime;
        e.successAtText = ra.successTimeText;
        e.source = RecordSource::Query;
        e.actor = actor;
        e.createIfMissing = true;
        const auto applied = refunds.applyRefundState(e);
        if (!applied)
            return applied.error();
        rep.applied = stateOutcomeName(applied->outcome);
        const auto now = readLedgerState();
        if (!now)
            return now.error();
        rep.ledgerAfter = *now;
        const RefundState ledger = refundStateFromWord(rep.ledgerAfter);
        settled = isFinal(ledger);
        if (ledger == RefundState::Abnormal)
            needsAttention = Tr::tr("the refund is ABNORMAL at WeChat Pay and needs manual "
                                    "handling there");
        else if (applied->outcome == StateOutcome::IgnoredFinal && rep.ledgerAfter != ra.status)
            needsAttention = Tr::tr("WeChat Pay reports %1 but the ledger keeps %2")
                                 .arg(ra.status, rep.ledgerAfter);
    }
    if (querySent) {
        if (Status s = record(QStringLiteral("query"), a.query, rep.remoteState, rep.applied); !s)
            return s.error();
    }

    // The queue item.
    const Exchange &last = querySent ? a.query : a.closeExchange;
    it.lastAttemptMs = last.requestedAtMs;
    it.updatedMs = nowMs;
    it.lastRequestId = QString::fromLatin1(last.requestId);
    if (it.outTradeNo.isEmpty())
        it.outTradeNo = rep.outTradeNo;
    const bool rateLimited = a.query.outcome == AnswerOutcome::RateLimited
                             || a.closeExchange.outcome == AnswerOutcome::RateLimited;
    if (a.answered()) {
        ++it.attempts;
        it.rateLimited = 0;
        it.lastResult = rep.remoteState;
        it.lastError.clear();
        if (!needsAttention.isEmpty()) {
            it.state = QueueState::NeedsAttention;
            it.note = needsAttention;
        } else if (settled) {
            it.state = QueueState::Done;
            it.note = Tr::tr("settled: %1").arg(rep.ledgerAfter);
        }
    } else if (rateLimited) {
        // Not the order's fault: back off (at least the gate's cool-down) without using up an
        // attempt.
        ++it.rateLimited;
        it.lastResult = answerOutcomeWord(AnswerOutcome::RateLimited);
        it.lastError = last.message;
    } else {
        ++it.attempts;
        it.rateLimited = 0;
        it.lastResult = answerOutcomeWord(querySent ? a.query.outcome : a.closeExchange.outcome);
        it.lastError = last.message;
        if (a.query.outcome == AnswerOutcome::NotFound && rep.ledgerBefore.isEmpty()
            && it.reason == RequeryReason::Manual) {
            // A number someone typed that neither WeChat Pay nor the ledger knows: asking again
            // will not change that.
            it.state = QueueState::Done;
            it.note = Tr::tr("unknown to WeChat Pay and to the ledger");
        }
    }
    if (it.state == QueueState::Pending && !settled && needsAttention.isEmpty()) {
        const qint64 delay
            = rateLimited ? std::max(
                  m_policy.retryDelayMs(std::max(it.attempts, 1) + it.rateLimited - 1, unitRandom),
                  m_policy.cooldownMs(it.rateLimited))
                          : m_policy.retryDelayMs(it.attempts, unitRandom);
        it.nextAttemptMs = nowMs + delay;
        if (!rateLimited && it.attempts >= m_policy.maxAttempts) {
            // The second window is over. Close-after-timeout gets a few tries at the order's
            // expiry; otherwise a person takes over.
            std::optional<qint64> createdMs;
            QString ledgerState;
            if (a.kind == RequeryKind::Order) {
                const auto o = orders.find(a.key);
                if (!o)
                    return o.error();
                if (o->has_value()) {
                    ledgerState = (*o)->status;
                    if ((*o)->createdAt)
                        createdMs = *(*o)->createdAt * 1000;
                }
            }
            if (m_policy.closeExpired && createdMs && ledgerState == u"NOTPAY"
                && it.attempts < m_policy.maxAttempts + kCloseTries) {
                it.nextAttemptMs = std::max(it.nextAttemptMs, *createdMs + m_policy.orderExpiryMs);
                it.note
                    = Tr::tr("to be closed at %1").arg(cst::formatRfc3339(it.nextAttemptMs / 1000));
            } else {
                it.state = QueueState::NeedsAttention;
                it.note = Tr::tr("still %1 after %2 attempts")
                              .arg(it.lastResult.isEmpty() ? rep.ledgerAfter : it.lastResult)
                              .arg(it.attempts);
            }
        }
    }
    if (Status s = queue.save(it); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();

    rep.itemState = it.state;
    rep.attempts = it.attempts;
    rep.nextAttemptMs = it.nextAttemptMs;
    if (!a.answered())
        rep.message = !a.query.message.isEmpty() ? a.query.message : a.closeExchange.message;
    else if (!needsAttention.isEmpty())
        rep.message = needsAttention;
    else if (!rep.resolvedDiscrepancies.isEmpty())
        rep.message
            = Tr::tr("%n discrepancy(s) resolved", nullptr, int(rep.resolvedDiscrepancies.size()));
    return rep;
}

} // namespace wxr::core
