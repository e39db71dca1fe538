// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compensate/queryanswer.h"

#include <QString>

#include <optional>

namespace wxr::core {

/// Why an item is in the re-query queue (the stuck-order rule that found it, or a person).
enum class RequeryReason {
    Unpaid,           ///< NOTPAY/USERPAYING past the first window, no callback
    StatusMismatch,   ///< open STATUS_MISMATCH discrepancy
    MissingInBill,    ///< open MISSING_IN_BILL discrepancy
    MissingInLedger,  ///< the bill has a payment the ledger lacks: fetch its details
    RefundProcessing, ///< refund PROCESSING past its window
    Manual,           ///< a person asked for it
};

/// "UNPAID", "STATUS_MISMATCH", "MISSING_IN_BILL", "MISSING_IN_LEDGER", "REFUND_PROCESSING",
/// "MANUAL".
QString requeryReasonWord(RequeryReason reason);
std::optional<RequeryReason> requeryReasonFromWord(QStringView word);

/// PENDING: will be queried at nextAttemptMs. DONE: nothing more a query can tell.
/// NEEDS_ATTENTION: attempts used up, the close race, or a state only a person can settle.
enum class QueueState { Pending, Done, NeedsAttention };
QString queueStateWord(QueueState state);
std::optional<QueueState> queueStateFromWord(QStringView word);

/// One durable entry of the re-query queue (table requery_queue), unique per (kind, key).
/// Times are Unix milliseconds.
struct RequeryItem
{
    qint64 id = 0;
    RequeryKind kind = RequeryKind::Order;
    QString key;        ///< out_trade_no, or out_refund_no for refunds
    QString outTradeNo; ///< the order (for refunds: the refund's order, may be empty)
    RequeryReason reason = RequeryReason::Unpaid;
    QueueState state = QueueState::Pending;
    int attempts = 0;    ///< counted attempts (rate-limited answers are not counted)
    int rateLimited = 0; ///< rate-limited answers in a row
    qint64 nextAttemptMs = 0;
    std::optional<qint64> lastAttemptMs;
    QString lastResult;    ///< remote state word, or an outcome word (NOT_FOUND, NETWORK, …)
    QString lastError;     ///< the last failure's sentence; empty after a good answer
    QString lastRequestId; ///< Request-ID of the last answer applied
    QString note;          ///< why it needs attention / why it is done, for people
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
};

} // namespace wxr::core
