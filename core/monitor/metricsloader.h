// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "monitor/callbackmetrics.h"

#include <QString>

#include <functional>

namespace wxr::core {

class Ledger;

/// When a payment without any callback counts as a lost callback.
struct LostCallbackRules
{
    /// A payment known from the bill or a query with no acknowledged TRANSACTION.SUCCESS
    /// callback this long after its success time is lost. WeChat's first retries come within
    /// a minute (spec §4.6); ten minutes of nothing means the merchant has not heard of it.
    qint64 lostAfterMs = 10 * 60 * 1000;
};

/// A payment WeChat settled that no callback told the ledger about.
struct LostCallback
{
    QString outTradeNo;
    qint64 paidAtMs = 0; ///< success time (bill 交易时间 or the order's paid_at), Unix ms
    QString evidence;    ///< "bill" or "query": where the payment is known from
};

/// Visits the lost callbacks of payments made in [fromMs, untilMs) as of `nowMs`, oldest first.
/// A payment is known from the trade bill (ALL/SUCCESS payment rows) or from an order query
/// (orders created or set SUCCESS/REFUND by a query); merchant imports do not count, since the
/// merchant's own system may have heard of the payment through its own callback. Only payments
/// after the first callback ever recorded count (before it nobody was listening), and only
/// those older than nowMs − lostAfterMs. A callback arriving later takes the payment off the
/// list. Needs the notify tables in the ledger.
Status forEachLostCallback(Ledger &ledger, qint64 fromMs, qint64 untilMs, qint64 nowMs,
                           const LostCallbackRules &rules,
                           const std::function<Status(const LostCallback &)> &visitor);

/// Callback metrics of [fromMs, untilMs) in buckets of `size`, from the ledger's recorded
/// deliveries (receiver and imports) and the lost-callback inference as of `nowMs`.
/// InvalidInput for an empty or too long range (MetricsAccumulator::create); Database on
/// failure. Reads only; runs on the thread that owns the Ledger.
Result<MetricsAccumulator> loadCallbackMetrics(Ledger &ledger, qint64 fromMs, qint64 untilMs,
                                               BucketSize size, qint64 nowMs,
                                               const LostCallbackRules &rules = {});

} // namespace wxr::core
