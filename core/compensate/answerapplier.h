// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "compensate/queryanswer.h"
#include "compensate/queryhistory.h"
#include "compensate/requeryitem.h"
#include "compensate/requerypolicy.h"

#include <QList>
#include <QString>

namespace wxr::core {

class Ledger;

/// What applying one answer did, for the CLI table, the GUI and tests.
struct ApplyReport
{
    RequeryKind kind = RequeryKind::Order;
    QString key;
    QString outTradeNo;
    QString ledgerBefore; ///< the ledger's state word before; empty when it lacked the record
    QString remoteState;  ///< what WeChat Pay reported; empty when it did not answer
    QString ledgerAfter;  ///< the ledger's state word after
    /// What the ledger did with the state: "created", "applied", "paid after close",
    /// "unchanged", "ignored stale", "ignored final", or empty when nothing was applied
    /// (no verified answer).
    QString applied;
    AnswerOutcome outcome = AnswerOutcome::Answered; ///< of the query
    CloseOutcome close = CloseOutcome::NotAttempted;
    bool duplicate = false;      ///< this answer (Request-ID) was applied before: nothing changed
    bool paidAfterClose = false; ///< the close race: paid although we closed it
    QString reviewReason;        ///< set when the order/refund was flagged for a person
    QList<qint64> resolvedDiscrepancies;
    QueueState itemState = QueueState::Pending;
    int attempts = 0;
    qint64 nextAttemptMs = 0;
    QString message; ///< one sentence for people: the error, or what happened
    QByteArray requestId;
    qint64 requestedAtMs = 0;
    qint64 latencyMs = 0;
};

/// Applies re-query answers to the ledger, idempotently, through the same monotonic state
/// machine as callbacks (OrderRepository::applyTradeState / RefundRepository::applyRefundState,
/// source `query`):
///
/// - NOTPAY → SUCCESS with transaction_id and success_time, CLOSED, REFUND, PAYERROR … as the
///   rules allow; an answer the rules refuse while WeChat Pay disagrees with a final ledger
///   state flags the record for review;
/// - discrepancies the new state explains are RESOLVED with a note naming the query
///   (STATUS_MISMATCH and MISSING_IN_LEDGER once the ledger agrees with the bill in state and
///   amount; MISSING_IN_BILL when WeChat Pay booked the payment on another CST date);
/// - a close followed by a paid answer (the race) flags the order "paid after close" and the
///   item needs attention;
/// - every exchange (close and query) goes into the query history and the audit log with who
///   triggered it, when, how long it took and how it ended; the queue item gets its next
///   attempt (policy back-off), DONE, or NEEDS_ATTENTION.
///
/// An answer whose Request-ID is already in the history changes nothing (duplicate). An answer
/// without a verified body (verification failure, error, timeout) applies nothing and counts
/// as a failed attempt; a rate-limited one backs off without counting.
///
/// All of it is one ledger transaction. Same thread rules as the Ledger.
class AnswerApplier final
{
public:
    AnswerApplier(Ledger &ledger, const RequeryPolicy &policy)
        : m_ledger(ledger)
        , m_policy(policy)
    {}

    /// Applies `answer`, sent because of `trigger`, at `nowMs` (Unix ms); `unitRandom` in
    /// [0, 1) draws the back-off jitter. The queue item (kind, key) is created (reason
    /// Manual) when missing. Database errors leave the ledger unchanged.
    Result<ApplyReport> apply(const QueryAnswer &answer, const RequeryTrigger &trigger,
                              qint64 nowMs, double unitRandom);

    /// True when the next step for `item` is close-then-query: close-after-timeout is on, the
    /// item is an order queried at least once, the ledger still has it NOTPAY, and it was
    /// created at least RequeryPolicy::orderExpiryMs before `nowMs`.
    Result<bool> wantsClose(const RequeryItem &item, qint64 nowMs) const;

    /// Before a query: when the item exists only to learn a final state (reason UNPAID,
    /// REFUND_PROCESSING or MANUAL) and the ledger already has one — a callback arrived in the
    /// meantime — marks it DONE without asking WeChat Pay and returns true. Items of the
    /// discrepancy rules are always queried (the answer is what explains the discrepancy).
    Result<bool> settleWithoutQuery(const RequeryItem &item, qint64 nowMs);

private:
    Ledger &m_ledger;
    RequeryPolicy m_policy;
};

} // namespace wxr::core
