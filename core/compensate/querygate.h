// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "compensate/queryanswer.h"
#include "compensate/requerypolicy.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace wxr::core {

class ApiClient;
struct MerchantConfig;

/// What the gate is doing right now.
struct GateStatus
{
    int inFlight = 0;
    int waiting = 0;
    qint64 cooldownUntilMs = 0; ///< Unix ms; nothing is sent before then (0: no cool-down)
    qint64 sent = 0;            ///< exchanges sent since creation (closes and queries)
    qint64 rateLimited = 0;     ///< rate-limited answers since creation
};

/// The one way re-queries reach WeChat Pay: order and refund queries and close-then-query, for
/// the scheduler, the GUI's button and the CLI alike, so that they share one budget.
///
/// - The QPS budget is the ApiClient's query token bucket (configure it with applyBudget()
///   before the client is built): every request waits for its token there.
/// - Every exchange is one HTTP attempt: the client's own retries are off for re-queries, the
///   durable queue's back-off decides when to ask again.
/// - At most RequeryPolicy::maxConcurrent re-queries are in flight; the rest wait in order.
/// - A rate-limited answer (429, RATELIMIT_EXCEEDED, FREQUENCY_LIMITED) starts a cool-down for
///   everyone using the gate: nothing is sent until it ends. It doubles with every further
///   rate-limited answer in a row and ends early for nobody.
///
/// Answers are plain values (QueryAnswer): failures never throw and never get lost — a failed
/// verification is an answer with outcome VerificationFailed and no order data.
///
/// Threading: the gate lives in its client's thread (which needs an event loop); submit() and
/// status() may be called from any thread. A future cancelled before its request was sent
/// yields outcome Cancelled and sends nothing. Destroying the gate cancels what waits.
class QueryGate final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueryGate)

public:
    using Clock = std::function<qint64()>; ///< Unix milliseconds

    /// Shares `client` (of merchant `mchid`), which must outlive the gate and live in the
    /// gate's thread.
    QueryGate(ApiClient &client, const QString &mchid, const RequeryPolicy &policy,
              QObject *parent = nullptr);
    /// Builds its own client from `config` (with the policy's budget applied) and owns it.
    /// Errors as ApiClient::create (key files, configuration).
    static Result<std::unique_ptr<QueryGate>> create(MerchantConfig config,
                                                     const RequeryPolicy &policy);
    ~QueryGate() override;

    /// GET the order (spec §5.1). Invalid order numbers answer LocalError without a request.
    QFuture<QueryAnswer> queryOrder(const QString &outTradeNo);
    /// GET the refund.
    QFuture<QueryAnswer> queryRefund(const QString &outRefundNo);
    /// POST close, then (unless the close failed) GET the order once more: the last step of
    /// close-after-timeout. QueryAnswer::close says how the close went.
    QFuture<QueryAnswer> closeAndQuery(const QString &outTradeNo);
    QFuture<QueryAnswer> submit(RequeryKind kind, const QString &key, bool closeFirst);

    /// Concurrency and cool-down of a new policy (the budget stays the client's).
    void setPolicy(const RequeryPolicy &policy);
    [[nodiscard]] GateStatus status() const;
    /// Test seam for the request times recorded in answers (default: wall clock).
    void setClock(Clock clock);

signals:
    /// A rate-limited answer arrived; nothing is sent before `untilMs` (Unix ms).
    void rateLimited(qint64 untilMs);

private:
    struct Job;
    void enqueue(std::shared_ptr<Job> job);
    void pump();
    void start(const std::shared_ptr<Job> &job);
    void sendQuery(const std::shared_ptr<Job> &job);
    void finish(const std::shared_ptr<Job> &job);
    void noteExchange(const Exchange &exchange);
    qint64 nowMs() const;
    void publish();

    ApiClient &m_client;
    QString m_mchid;
    RequeryPolicy m_policy;
    Clock m_clock;
    QList<std::shared_ptr<Job>> m_waiting;
    int m_inFlight = 0;
    int m_consecutiveRateLimited = 0;
    qint64 m_cooldownUntilMs = 0;
    qint64 m_sent = 0;
    qint64 m_rateLimited = 0;
    QTimer m_wake;
    mutable QMutex m_statusMutex;
    GateStatus m_status;
};

} // namespace wxr::core
