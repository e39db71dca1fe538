// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/money.h"
#include "common/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace wxr::core {

/// What a re-query is about: a payment (order query by out_trade_no, spec §5.1) or a refund
/// (refund query by out_refund_no).
enum class RequeryKind { Order, Refund };

/// "order", "refund" (the stored words).
QString requeryKindWord(RequeryKind kind);
std::optional<RequeryKind> requeryKindFromWord(QStringView word);

/// How one HTTP exchange with WeChat Pay ended, in the words stored in the query history.
enum class AnswerOutcome {
    Answered,    ///< a verified 2xx answer that was read ("ANSWERED")
    NotFound,    ///< 404 / ORDER_NOT_EXIST / ORDERNOTEXIST / RESOURCE_NOT_EXISTS ("NOT_FOUND")
    RateLimited, ///< 429 / RATELIMIT_EXCEEDED / FREQUENCY_LIMITED ("RATE_LIMITED")
    VerificationFailed, ///< the answer's signature did not verify; body discarded
                        ///< ("VERIFICATION_FAILED")
    NetworkError,       ///< no HTTP answer ("NETWORK")
    ApiError,           ///< any other error answer, or an unreadable body ("API_ERROR")
    LocalError,         ///< refused before sending: bad order number, no key, … ("LOCAL_ERROR")
    Cancelled,          ///< the caller gave up before it was sent ("CANCELLED")
};

QString answerOutcomeWord(AnswerOutcome outcome);
std::optional<AnswerOutcome> answerOutcomeFromWord(QStringView word);

/// The result of closing an order at WeChat Pay before the final query (spec §5.1: close is
/// re-callable; a paid order cannot be closed and answers ORDER_PAID).
enum class CloseOutcome {
    NotAttempted,
    Closed,        ///< 204: WeChat Pay closed it (or it was closed already)
    AlreadyPaid,   ///< 400 ORDER_PAID: paid before the close reached WeChat Pay — the race
    AlreadyClosed, ///< 400 ORDER_CLOSED (revoked/closed)
    Failed,        ///< any other failure; the final query is then not made
};

/// One HTTP exchange: when it was sent (Unix milliseconds), how long it took, how it ended.
/// Error texts never contain secrets; `message` is one sentence for people.
struct Exchange
{
    AnswerOutcome outcome = AnswerOutcome::Cancelled;
    qint64 requestedAtMs = 0;
    qint64 latencyMs = 0;
    int httpStatus = 0;
    int httpAttempts = 0; ///< the client's own retries included
    QString errorCode;    ///< WeChat's code of an error answer
    QString message;      ///< empty when Answered
    QByteArray requestId; ///< Request-ID of the (last) answer; empty without an HTTP answer
};

/// An order as the order query reported it (spec §5.2), reduced to what the ledger uses.
/// `tradeState` is the word as sent (unknown words kept: they mean "keep polling").
struct OrderAnswer
{
    QString outTradeNo;
    QString transactionId;
    QString tradeState;
    QString tradeStateDesc;
    std::optional<qint64> successTime; ///< Unix seconds
    QString successTimeText;           ///< as sent (RFC 3339, +08:00)
    std::optional<Fen> amountTotal;
};

/// A refund as the refund query reported it (spec §5.4).
struct RefundAnswer
{
    QString outRefundNo;
    QString outTradeNo;
    QString refundId;
    QString status; ///< SUCCESS, CLOSED, PROCESSING, ABNORMAL or an unknown word as sent
    std::optional<qint64> successTime;
    QString successTimeText;
    std::optional<qint64> createTime;
    QString createTimeText;
    std::optional<Fen> amountRefund;
};

/// Everything one re-query learnt, as plain values: the neutral type between the API side
/// (QueryGate, which talks to ApiClient) and the ledger side (AnswerApplier). Copyable; travels
/// in a QFuture.
struct QueryAnswer
{
    RequeryKind kind = RequeryKind::Order;
    QString key; ///< out_trade_no or out_refund_no as asked

    /// Close-after-timeout only: the close call made before the query.
    CloseOutcome close = CloseOutcome::NotAttempted;
    Exchange closeExchange;

    /// The query. When the close failed, the query is not made (outcome Cancelled).
    Exchange query;
    std::optional<OrderAnswer> order;   ///< set when kind is Order and query.outcome is Answered
    std::optional<RefundAnswer> refund; ///< set when kind is Refund and query.outcome is Answered

    [[nodiscard]] bool answered() const { return query.outcome == AnswerOutcome::Answered; }
    /// The remote state word (trade_state or refund status); empty unless answered.
    [[nodiscard]] QString remoteState() const;
};

} // namespace wxr::core
