// SPDX-License-Identifier: GPL-3.0-or-later
// The API side of re-queries. This file talks to ApiClient and turns its answers into the
// neutral QueryAnswer (see docs/requery.md).
#include "compensate/querygate.h"

#include "common/coretr.h"
#include "wechatpay/apiclient.h"
#include "wechatpay/merchantconfig.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QUrl>

#include <algorithm>

namespace wxr::core {

struct QueryGate::Job
{
    RequeryKind kind = RequeryKind::Order;
    QString key;
    bool closeFirst = false;
    QPromise<QueryAnswer> promise;
    QueryAnswer answer;
    QElapsedTimer timer;
};

namespace {

// ApiError → the outcome words of the history. Rate limiting is checked first: a 429 can come
// with any kind, and it is what the cool-down keys on.
AnswerOutcome outcomeOf(const ApiError &e)
{
    if (e.isRateLimited())
        return AnswerOutcome::RateLimited;
    switch (e.kind) {
    case ErrorCode::NotFound:
        return AnswerOutcome::NotFound;
    case ErrorCode::Verification:
        return AnswerOutcome::VerificationFailed;
    case ErrorCode::Network:
        return AnswerOutcome::NetworkError;
    case ErrorCode::InvalidInput:
        // An argument refused before sending has no HTTP status; an unreadable verified body
        // has one.
        return e.httpStatus == 0 ? AnswerOutcome::LocalError : AnswerOutcome::ApiError;
    case ErrorCode::Config:
    case ErrorCode::Crypto:
    case ErrorCode::Io:
        return AnswerOutcome::LocalError;
    case ErrorCode::Cancelled:
        return AnswerOutcome::Cancelled;
    default:
        return AnswerOutcome::ApiError;
    }
}

void fillError(Exchange &x, const ApiError &e)
{
    x.outcome = outcomeOf(e);
    x.httpStatus = e.httpStatus;
    x.httpAttempts = e.attempts;
    x.errorCode = e.code;
    x.message = e.message;
    x.requestId = e.requestId;
}

bool validIdentifier(const QString &s, int maxLength, QStringView extra)
{
    if (s.isEmpty() || s.size() > maxLength)
        return false;
    return std::all_of(s.begin(), s.end(), [&](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
               || extra.contains(c);
    });
}

// A verified 2xx body that cannot be read: an API error (the answer was WeChat Pay's, but
// nothing of it can be applied).
void fillUnreadable(Exchange &x, const ApiClient::Response &r, const QString &what,
                    const QString &why)
{
    x.outcome = AnswerOutcome::ApiError;
    x.httpStatus = r.httpStatus;
    x.httpAttempts = r.attempts;
    x.requestId = r.requestId;
    x.message = Tr::tr("The answer of WeChat Pay to %1 cannot be read: %2").arg(what, why);
}

OrderAnswer orderAnswer(const WechatTransaction &t)
{
    OrderAnswer a;
    a.outTradeNo = t.outTradeNo;
    a.transactionId = t.transactionId;
    // Unknown words are kept as sent: the ledger stores them and keeps polling (spec §5.3).
    a.tradeState = t.tradeStateText;
    a.tradeStateDesc = t.tradeStateDesc;
    a.successTime = t.successTime;
    a.successTimeText = t.successTimeText;
    a.amountTotal = t.amountTotal;
    return a;
}

RefundAnswer refundAnswer(const WechatRefund &r)
{
    RefundAnswer a;
    a.outRefundNo = r.outRefundNo;
    a.outTradeNo = r.outTradeNo;
    a.refundId = r.refundId;
    a.status = r.statusText;
    a.successTime = r.successTime;
    a.successTimeText = r.successTimeText;
    a.createTime = r.createTime;
    a.createTimeText = r.createTimeText;
    a.amountRefund = r.amountRefund;
    return a;
}

} // namespace

QueryGate::QueryGate(ApiClient &client, const QString &mchid, const RequeryPolicy &policy,
                     QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_mchid(mchid)
    , m_policy(policy)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_wake(this) // a child, so that it follows the gate to another thread
{
    m_wake.setSingleShot(true);
    connect(&m_wake, &QTimer::timeout, this, &QueryGate::pump);
}

Result<std::unique_ptr<QueryGate>> QueryGate::create(MerchantConfig config,
                                                     const RequeryPolicy &policy)
{
    applyBudget(config, policy);
    auto client = ApiClient::create(config);
    if (!client)
        return client.error();
    auto gate = std::make_unique<QueryGate>(**client, config.mchid, policy);
    // A QObject child, so that moving the gate to another thread moves its client along.
    (*client).release()->setParent(gate.get());
    return gate;
}

QueryGate::~QueryGate()
{
    for (const auto &job : std::as_const(m_waiting)) {
        job->answer.query.outcome = AnswerOutcome::Cancelled;
        job->promise.addResult(job->answer);
        job->promise.finish();
    }
}

QFuture<QueryAnswer> QueryGate::queryOrder(const QString &outTradeNo)
{
    return submit(RequeryKind::Order, outTradeNo, false);
}

QFuture<QueryAnswer> QueryGate::queryRefund(const QString &outRefundNo)
{
    return submit(RequeryKind::Refund, outRefundNo, false);
}

QFuture<QueryAnswer> QueryGate::closeAndQuery(const QString &outTradeNo)
{
    return submit(RequeryKind::Order, outTradeNo, true);
}

QFuture<QueryAnswer> QueryGate::submit(RequeryKind kind, const QString &key, bool closeFirst)
{
    auto job = std::make_shared<Job>();
    job->kind = kind;
    job->key = key;
    job->closeFirst = closeFirst && kind == RequeryKind::Order;
    job->answer.kind = kind;
    job->answer.key = key;
    job->promise.start();
    QFuture<QueryAnswer> future = job->promise.future();
    {
        QMutexLocker lock(&m_statusMutex);
        ++m_status.waiting;
    }
    QMetaObject::invokeMethod(
        this, [this, job] { enqueue(job); }, Qt::AutoConnection);
    return future;
}

void QueryGate::setPolicy(const RequeryPolicy &policy)
{
    QMetaObject::invokeMethod(
        this,
        [this, policy] {
            m_policy = policy;
            pump();
        },
        Qt::AutoConnection);
}

GateStatus QueryGate::status() const
{
    QMutexLocker lock(&m_statusMutex);
    return m_status;
}

void QueryGate::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); });
}

qint64 QueryGate::nowMs() const
{
    return m_clock();
}

void QueryGate::publish()
{
    QMutexLocker lock(&m_statusMutex);
    m_status.inFlight = m_inFlight;
    m_status.waiting = int(m_waiting.size());
    m_status.cooldownUntilMs = m_cooldownUntilMs;
    m_status.sent = m_sent;
    m_status.rateLimited = m_rateLimited;
}

void QueryGate::enqueue(std::shared_ptr<Job> job)
{
    m_waiting.append(std::move(job));
    pump();
}

void QueryGate::pump()
{
    while (!m_waiting.isEmpty()) {
        // A cancelled job leaves without a request, whatever the limits say.
        if (m_waiting.first()->promise.isCanceled()) {
            const auto job = m_waiting.takeFirst();
            job->answer.query.outcome = AnswerOutcome::Cancelled;
            job->promise.addResult(job->answer);
            job->promise.finish();
            continue;
        }
        if (m_inFlight >= std::max(m_policy.maxConcurrent, 1))
            break;
        const qint64 wait = m_cooldownUntilMs - nowMs();
        if (wait > 0) {
            if (!m_wake.isActive() || m_wake.remainingTime() > wait)
                m_wake.start(std::chrono::milliseconds(wait));
            break;
        }
        const auto job = m_waiting.takeFirst();
        ++m_inFlight;
        start(job);
    }
    publish();
}

void QueryGate::noteExchange(const Exchange &x)
{
    ++m_sent;
    if (x.outcome == AnswerOutcome::RateLimited) {
        ++m_rateLimited;
        ++m_consecutiveRateLimited;
        m_cooldownUntilMs
            = std::max(m_cooldownUntilMs, nowMs() + m_policy.cooldownMs(m_consecutiveRateLimited));
        emit rateLimited(m_cooldownUntilMs);
    } else if (x.outcome == AnswerOutcome::Answered || x.outcome == AnswerOutcome::NotFound) {
        m_consecutiveRateLimited = 0;
    }
}

// Every exchange is a single HTTP attempt (Request::idempotent = false turns off the client's
// own retries): the queue's back-off is the retry policy, so that an order is never asked more
// often than its back-off allows and a 429 reaches the cool-down at once. The endpoints are
// those of ApiClient::queryOrderByOutTradeNo, queryRefund and closeOrder (spec §5.1).
void QueryGate::start(const std::shared_ptr<Job> &job)
{
    if (!job->closeFirst) {
        sendQuery(job);
        return;
    }
    Exchange &x = job->answer.closeExchange;
    x.requestedAtMs = nowMs();
    job->timer.start();
    if (!validIdentifier(job->key, 32, u"_-*")) {
        x.outcome = AnswerOutcome::LocalError;
        x.message = Tr::tr("The merchant order number “%1” must be 1 to 32 letters, digits, “_”, "
                           "“-” or “*”.")
                        .arg(job->key.left(64));
        job->answer.close = CloseOutcome::Failed;
        job->answer.query.outcome = AnswerOutcome::Cancelled;
        finish(job);
        return;
    }
    ApiClient::Request r;
    r.method = "POST";
    r.url = m_client.endpointUrl("/v3/pay/transactions/out-trade-no/"
                                 + QUrl::toPercentEncoding(job->key, "_-*") + "/close");
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("mchid"), m_mchid}})
                 .toJson(QJsonDocument::Compact);
    r.idempotent = false;
    r.what = Tr::tr("closing order %1").arg(job->key);
    m_client.send(r).then(this, [this, job](ApiResult<ApiClient::Response> res) {
        Exchange &cx = job->answer.closeExchange;
        cx.latencyMs = job->timer.elapsed();
        if (res) {
            cx.outcome = AnswerOutcome::Answered;
            cx.requestId = res->requestId;
            cx.httpStatus = res->httpStatus;
            cx.httpAttempts = res->attempts;
            job->answer.close = CloseOutcome::Closed;
        } else {
            fillError(cx, res.apiError());
            // A paid order cannot be closed (spec §5.1): that answer is the race we look for,
            // so the query still runs. Both codes come as 400 with an unauthenticated body;
            // the query that follows is verified and decides.
            if (res.apiError().code == u"ORDER_PAID")
                job->answer.close = CloseOutcome::AlreadyPaid;
            else if (res.apiError().code == u"ORDER_CLOSED")
                job->answer.close = CloseOutcome::AlreadyClosed;
            else
                job->answer.close = CloseOutcome::Failed;
        }
        noteExchange(cx);
        if (job->answer.close == CloseOutcome::Failed) {
            job->answer.query.outcome = AnswerOutcome::Cancelled;
            finish(job);
            return;
        }
        sendQuery(job);
    });
}

void QueryGate::sendQuery(const std::shared_ptr<Job> &job)
{
    Exchange &x = job->answer.query;
    x.requestedAtMs = nowMs();
    job->timer.start();
    const bool order = job->kind == RequeryKind::Order;
    const bool valid
        = order ? validIdentifier(job->key, 32, u"_-*") : validIdentifier(job->key, 64, u"_-|*@");
    if (!valid) {
        x.outcome = AnswerOutcome::LocalError;
        x.message = order ? Tr::tr("The merchant order number “%1” must be 1 to 32 letters, "
                                   "digits, “_”, “-” or “*”.")
                                .arg(job->key.left(64))
                          : Tr::tr("The merchant refund number “%1” must be 1 to 64 letters, "
                                   "digits, “_”, “-”, “|”, “*” or “@”.")
                                .arg(job->key.left(80));
        finish(job);
        return;
    }
    ApiClient::Request r;
    r.idempotent = false;
    if (order) {
        r.url = m_client.endpointUrl("/v3/pay/transactions/out-trade-no/"
                                     + QUrl::toPercentEncoding(job->key, "_-*")
                                     + "?mchid=" + QUrl::toPercentEncoding(m_mchid));
        r.what = Tr::tr("the query of order %1").arg(job->key);
    } else {
        r.url = m_client.endpointUrl("/v3/refund/domestic/refunds/"
                                     + QUrl::toPercentEncoding(job->key, "_-*@"));
        r.what = Tr::tr("the query of refund %1").arg(job->key);
    }
    m_client.send(r).then(this, [this, job, what = r.what](ApiResult<ApiClient::Response> res) {
        Exchange &qx = job->answer.query;
        qx.latencyMs = job->timer.elapsed();
        if (!res) {
            fillError(qx, res.apiError());
        } else {
            const QJsonDocument doc = QJsonDocument::fromJson(res->body);
            if (!doc.isObject()) {
                fillUnreadable(qx, *res, what, Tr::tr("it is not a JSON object."));
            } else if (job->kind == RequeryKind::Order) {
                const auto t = WechatTransaction::fromJson(doc.object());
                if (!t)
                    fillUnreadable(qx, *res, what, t.error().message);
                else if (t->outTradeNo != job->key)
                    fillUnreadable(
                        qx, *res, what,
                        Tr::tr("it describes order %1 instead.").arg(t->outTradeNo.left(64)));
                else
                    job->answer.order = orderAnswer(*t);
            } else {
                const auto f = WechatRefund::fromJson(doc.object());
                if (!f)
                    fillUnreadable(qx, *res, what, f.error().message);
                else if (f->outRefundNo != job->key)
                    fillUnreadable(
                        qx, *res, what,
                        Tr::tr("it describes refund %1 instead.").arg(f->outRefundNo.left(80)));
                else
                    job->answer.refund = refundAnswer(*f);
            }
            if (job->answer.order || job->answer.refund) {
                qx.outcome = AnswerOutcome::Answered;
                qx.requestId = res->requestId;
                qx.httpStatus = res->httpStatus;
                qx.httpAttempts = res->attempts;
            }
        }
        noteExchange(qx);
        finish(job);
    });
}

void QueryGate::finish(const std::shared_ptr<Job> &job)
{
    --m_inFlight;
    job->promise.addResult(job->answer);
    job->promise.finish();
    pump();
}

} // namespace wxr::core
