// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "compensate/answerapplier.h"
#include "compensate/queryhistory.h"
#include "compensate/requerypolicy.h"

#include <QPromise>
#include <QStringList>

namespace wxr::core {

class Ledger;
class QueryGate;

/// What a person asked to re-query.
struct RequeryRequest
{
    QStringList outTradeNos;  ///< orders, in this order (duplicates are queried once)
    QStringList outRefundNos; ///< refunds
    /// Every stuck order and refund: scan by the rules first, then everything PENDING (due or
    /// not) and NEEDS_ATTENTION in the queue.
    bool allStuck = false;
    RequeryTrigger trigger = RequeryTrigger::person(QStringLiteral("unknown"));
};

/// Totals of one manual re-query.
struct RequerySummary
{
    int queried = 0;   ///< answers handled (one per order or refund)
    int changed = 0;   ///< the ledger took a new state (created, applied, paid after close)
    int unchanged = 0; ///< answered, nothing to change
    int failed = 0;    ///< no usable answer (error, timeout, failed verification, rate limit)
    int resolved = 0;  ///< discrepancies resolved
    int flagged = 0;   ///< records flagged for a person (race, contradiction)
};

/// The manual re-query: one order, a list, or every stuck one — the core call behind the GUI's
/// button and `wxrecon-cli requery`. Each target is queried through `gate` (so the budget,
/// concurrency and cool-down are shared with the scheduler) and applied with AnswerApplier
/// (trigger: the person), in order; a target unknown to the queue gets an item (reason
/// MANUAL), so an order still unpaid afterwards stays under the scheduler's watch.
///
/// Each finished target is added to `promise` as an ApplyReport as soon as it is applied;
/// progress is 0..number of targets. Cancel stops submitting: the at most
/// RequeryPolicy::maxConcurrent queries already handed to the gate still finish and are
/// applied (an answer from WeChat Pay is never dropped), then it returns Cancelled.
///
/// Runs on the calling thread, which owns `ledger` and must NOT be the gate's thread (it waits
/// for the gate's answers). Errors: InvalidInput when there is nothing to query, Database,
/// Cancelled.
Result<RequerySummary> requery(Ledger &ledger, QueryGate &gate, const RequeryPolicy &policy,
                               const RequeryRequest &request, QPromise<ApplyReport> &promise);

} // namespace wxr::core
