// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/alertmonitor.h"

#include "common/coretr.h"
#include "common/cstime.h"
#include "ledger/ledger.h"
#include "ledger/transaction.h"
#include "monitor/alertstore.h"
#include "notify/callbackstore.h"

namespace wxr::core {

namespace {
constexpr qint64 kActiveWithinMs = 7LL * 24 * 3600 * 1000;
}

Result<AlertUpdate> evaluateAndRecordAlerts(Ledger &ledger, const AlertRules &rules, qint64 nowMs,
                                            const QList<CertificateExpiry> &certificates)
{
    AlertInput input;
    input.nowMs = nowMs;
    input.certificates = certificates;
    auto window
        = loadCallbackMetrics(ledger, nowMs - rules.windowMs(), nowMs, BucketSize::Day, nowMs);
    if (!window)
        return window.error();
    input.window = window->total();
    CallbackStore callbacks(ledger);
    const auto last = callbacks.lastReceivedBefore(nowMs + 1);
    if (!last)
        return last.error();
    input.lastCallbackMs = *last;
    input.monitoringActive = last->has_value() && **last >= nowMs - kActiveWithinMs;
    const auto anomalies
        = callbacks.anomaliesRecordedBetween((nowMs - rules.windowMs()) / 1000, nowMs / 1000 + 1);
    if (!anomalies)
        return anomalies.error();
    input.anomalies = *anomalies;

    const QList<AlertCondition> conditions = evaluateAlerts(rules, input);

    Transaction tx(ledger);
    if (Status s = tx.begin(); !s)
        return s.error();
    AlertStore store(ledger);
    const auto open = store.open();
    if (!open)
        return open.error();
    const AlertChanges changes = diffAlerts(*open, conditions);
    AlertUpdate update;
    for (const AlertCondition &c : changes.raised) {
        const auto raised = store.raise(c, nowMs);
        if (!raised)
            return raised.error();
        update.raised.append(*raised);
    }
    for (const RaisedAlert &a : changes.continuing) {
        if (Status s = store.update(a); !s)
            return s.error();
        update.continuing.append(a);
    }
    for (RaisedAlert a : changes.resolved) {
        if (Status s = store.resolve(a.id, nowMs); !s)
            return s.error();
        a.endedAtMs = nowMs;
        update.resolved.append(a);
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return update;
}

QString alertWebhookText(const RaisedAlert &alert, bool resolved, const QString &mchid)
{
    const QString who
        = mchid.isEmpty() ? QStringLiteral("[wxrecon]") : QStringLiteral("[wxrecon %1]").arg(mchid);
    if (resolved) {
        return Tr::tr("%1 resolved: %2 (since %3)")
            .arg(who, alertKindLabel(alert.kind), cst::formatRfc3339(alert.startedAtMs / 1000));
    }
    return Tr::tr("%1 ALERT %2: %3").arg(who, alertKindLabel(alert.kind), alert.message);
}

} // namespace wxr::core
