// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/ledgercallbacksink.h"

#include "common/coretr.h"
#include "common/cstime.h"
#include "ledger/ledger.h"
#include "ledger/orderrepository.h"
#include "ledger/refundrepository.h"
#include "ledger/transaction.h"
#include "notify/callbackstore.h"
#include "notify/notifyschema.h"

#include <QDateTime>

#include <sqlite3.h>

namespace wxr::core {

namespace {

constexpr int kAcknowledged = 204;

void markError(CallbackEvent &e, const QString &message)
{
    e.outcome = CallbackOutcome::Error;
    e.cause = FailureCause::DatabaseError;
    e.httpStatus = 503;
    e.message = message;
}

// When the state became true: the payload's success_time, else the envelope's create_time,
// else the receipt. The state machine uses it to keep older events from overwriting newer.
std::optional<qint64> eventTime(const DecodedCallback &d)
{
    if (d.event.successTime)
        return d.event.successTime;
    if (!d.createTimeText.isEmpty()) {
        const auto t = cst::parseRfc3339(
            std::string_view(d.createTimeText.constData(), d.createTimeText.size()));
        if (t)
            return *t;
    }
    return d.event.receivedAtMs / 1000;
}

} // namespace

Result<std::unique_ptr<LedgerCallbackSink>>
LedgerCallbackSink::open(const LedgerSinkOptions &options)
{
    LedgerOptions lo;
    lo.busyTimeoutMs = options.busyTimeoutMs;
    lo.extraMigrations = {notifyMigrations()};
    auto ledger = Ledger::open(options.ledgerPath, lo);
    if (!ledger)
        return ledger.error();
    if (options.fullSync) {
        if (Status s = (*ledger)->execute("PRAGMA synchronous=FULL"); !s)
            return s.error();
    }
    std::unique_ptr<LedgerCallbackSink> sink(new LedgerCallbackSink);
    sink->m_ledger = std::move(*ledger);
    sink->m_store = std::make_unique<CallbackStore>(*sink->m_ledger);
    sink->m_orders = std::make_unique<OrderRepository>(*sink->m_ledger);
    sink->m_refunds = std::make_unique<RefundRepository>(*sink->m_ledger);
    return sink;
}

CallbackSinkFactory LedgerCallbackSink::factory(const LedgerSinkOptions &options)
{
    return [options]() -> Result<std::unique_ptr<CallbackSink>> {
        auto sink = open(options);
        if (!sink)
            return sink.error();
        return std::unique_ptr<CallbackSink>(std::move(*sink));
    };
}

LedgerCallbackSink::~LedgerCallbackSink()
{
    // Finalize their statements before the connection closes.
    m_store.reset();
    m_orders.reset();
    m_refunds.reset();
}

QList<CallbackEvent> LedgerCallbackSink::apply(const QList<DecodedCallback> &batch)
{
    QList<CallbackEvent> events;
    events.reserve(batch.size());
    for (const DecodedCallback &d : batch)
        events.append(d.event);

    Transaction tx(*m_ledger);
    if (Status s = tx.begin(); !s) {
        for (CallbackEvent &e : events) {
            if (e.outcome != CallbackOutcome::Rejected)
                markError(e, s.error().message);
        }
        return events;
    }
    for (qsizetype i = 0; i < batch.size(); ++i) {
        // A savepoint per delivery: one that fails is undone alone.
        Transaction one(*m_ledger);
        Status s = one.begin();
        if (s)
            s = applyOne(batch[i], events[i]);
        if (s)
            s = one.commit();
        if (s)
            continue;
        one.rollback();
        if (batch[i].accepted)
            markError(events[i], s.error().message);
        if (sqlite3_get_autocommit(m_ledger->handle()) != 0) {
            // SQLite gave up the whole transaction (disk full, I/O error): nothing of this
            // batch is in the ledger.
            for (qsizetype j = 0; j < batch.size(); ++j) {
                if (batch[j].accepted)
                    markError(events[j], s.error().message);
            }
            return events;
        }
    }
    if (Status s = tx.commit(); !s) {
        for (qsizetype j = 0; j < batch.size(); ++j) {
            if (batch[j].accepted)
                markError(events[j], s.error().message);
        }
    }
    return events;
}

Status LedgerCallbackSink::applyOne(const DecodedCallback &d, CallbackEvent &e)
{
    CallbackStore::Deliveries seen;
    if (!e.notificationId.isEmpty()) {
        const auto history = m_store->deliveriesOf(e.notificationId);
        if (!history)
            return history.error();
        seen = *history;
        e.attempt = seen.count + 1;
    }
    CallbackStore::Extras extras{d.headersJson, d.bodySha256, QString(), QByteArray()};
    auto record = [&]() -> Result<qint64> {
        e.processingMs = QDateTime::currentMSecsSinceEpoch() - e.receivedAtMs;
        return m_store->insert(e, extras);
    };

    if (!d.accepted || e.outcome == CallbackOutcome::Ignored) {
        if (d.accepted)
            e.httpStatus = kAcknowledged;
        const auto r = record();
        return r ? Status() : Status(r.error());
    }

    bool duplicate = seen.acknowledged;
    if (!duplicate) {
        const auto sameState = m_store->stateAcknowledged(e.outTradeNo, e.outRefundNo, e.state);
        if (!sameState)
            return sameState.error();
        duplicate = *sameState;
    }
    if (duplicate) {
        e.outcome = CallbackOutcome::Duplicate;
        e.httpStatus = kAcknowledged;
        const auto r = record();
        return r ? Status() : Status(r.error());
    }

    const QString actor = QStringLiteral("callback ") + e.notificationId;
    const std::optional<qint64> at = eventTime(d);
    ApplyResult applied;
    std::optional<qint64> ledgerAmount;
    if (d.transaction) {
        const notification::TransactionNotice &n = *d.transaction;
        TradeEvent t;
        t.outTradeNo = n.outTradeNo;
        t.state = n.tradeState;
        t.at = at;
        t.transactionId = n.transactionId;
        t.amountFen = n.amountTotal;
        t.paidAt = n.successTime;
        t.paidAtText = n.successTimeText;
        t.source = RecordSource::Callback;
        t.actor = actor;
        t.createIfMissing = true;
        OrderRepository &orders = *m_orders;
        const auto r = orders.applyTradeState(t);
        if (!r)
            return r.error();
        applied = *r;
        if (applied.amountDiffers) {
            const auto order = orders.find(n.outTradeNo);
            if (order && order->has_value())
                ledgerAmount = (*order)->amountFen;
        }
    } else if (d.refund) {
        const notification::RefundNotice &n = *d.refund;
        RefundEvent r;
        r.outRefundNo = n.outRefundNo;
        r.outTradeNo = n.outTradeNo;
        r.state = n.refundStatus;
        r.at = at;
        r.refundId = n.refundId;
        r.amountFen = n.amountRefund;
        r.successAt = n.successTime;
        r.successAtText = n.successTimeText;
        r.source = RecordSource::Callback;
        r.actor = actor;
        r.createIfMissing = true;
        RefundRepository &refunds = *m_refunds;
        const auto result = refunds.applyRefundState(r);
        if (!result)
            return result.error();
        applied = *result;
        if (applied.amountDiffers) {
            const auto refund = refunds.find(n.outRefundNo);
            if (refund && refund->has_value())
                ledgerAmount = (*refund)->amountFen;
        }
    } else {
        return makeError(ErrorCode::Internal, Tr::tr("An accepted callback carries no payload."));
    }

    e.outcome = CallbackOutcome::Applied;
    e.httpStatus = kAcknowledged;
    extras.ledgerEffect = stateOutcomeName(applied.outcome);
    const auto id = record();
    if (!id)
        return id.error();

    const bool isRefund = d.refund.has_value();
    auto anomaly = [&](AnomalyKind kind) {
        CallbackAnomaly a;
        a.callbackId = *id;
        a.billDate = cst::billDateOf(e.successTime.value_or(e.receivedAtMs / 1000));
        a.kind = kind;
        a.outTradeNo = e.outTradeNo;
        a.outRefundNo = e.outRefundNo;
        a.ledgerAmountFen = ledgerAmount;
        a.callbackAmountFen = e.amountFen;
        return m_store->addAnomaly(a);
    };
    if (applied.outcome == StateOutcome::Created) {
        if (Status s = anomaly(isRefund ? AnomalyKind::UnknownRefund : AnomalyKind::UnknownOrder);
            !s)
            return s;
    }
    if (applied.amountDiffers) {
        if (Status s = anomaly(AnomalyKind::AmountMismatch); !s)
            return s;
    }
    if (applied.outcome == StateOutcome::PaidAfterClose) {
        if (Status s = anomaly(AnomalyKind::PaidAfterClose); !s)
            return s;
    }
    return {};
}

} // namespace wxr::core
