// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/metricsloader.h"

#include "notify/callbackstore.h"

#include <algorithm>

namespace wxr::core {

Status forEachLostCallback(Ledger &ledger, qint64 fromMs, qint64 untilMs, qint64 nowMs,
                           const LostCallbackRules &rules,
                           const std::function<Status(const LostCallback &)> &visitor)
{
    CallbackStore store(ledger);
    const auto first = store.firstReceived();
    if (!first)
        return first.error();
    if (!first->has_value())
        return {}; // nothing was ever listening
    const qint64 from = std::max(fromMs, **first);
    const qint64 until = std::min(untilMs, nowMs - rules.lostAfterMs);
    if (until <= from)
        return {};
    // Seconds, rounded so that [from, until) in ms maps onto whole seconds.
    const qint64 fromS = (from + 999) / 1000;
    const qint64 untilS = (until + 999) / 1000;
    return store.forEachPaymentNotCalledBack(fromS, untilS, [&](const UnheardPayment &p) {
        return visitor(LostCallback{p.outTradeNo, p.paidAt * 1000, p.evidence});
    });
}

Result<MetricsAccumulator> loadCallbackMetrics(Ledger &ledger, qint64 fromMs, qint64 untilMs,
                                               BucketSize size, qint64 nowMs,
                                               const LostCallbackRules &rules)
{
    auto acc = MetricsAccumulator::create(fromMs, untilMs, size);
    if (!acc)
        return acc.error();
    CallbackStore store(ledger);
    if (Status s = store.forEachReceivedBetweenForMetrics(fromMs, untilMs,
                                                          [&](const CallbackEvent &e) {
                                                              acc->add(e);
                                                              return Status();
                                                          });
        !s)
        return s.error();
    if (Status s = forEachLostCallback(ledger, fromMs, untilMs, nowMs, rules,
                                       [&](const LostCallback &l) {
                                           acc->addLost(l.paidAtMs);
                                           return Status();
                                       });
        !s)
        return s.error();
    return acc;
}

} // namespace wxr::core
