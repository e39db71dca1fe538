// SPDX-License-Identifier: GPL-3.0-or-later
#include "compensate/requery.h"

#include "common/coretr.h"
#include "compensate/querygate.h"
#include "compensate/requeryqueue.h"
#include "compensate/stuckdetector.h"
#include "ledger/statemachine.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSet>

#include <deque>
#include <limits>

namespace wxr::core {

namespace {

struct Target
{
    RequeryKind kind;
    QString key;
};

qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

Result<RequerySummary> requery(Ledger &ledger, QueryGate &gate, const RequeryPolicy &policy,
                               const RequeryRequest &request, QPromise<ApplyReport> &promise)
{
    QList<Target> targets;
    QSet<QString> seen;
    const auto addTarget = [&](RequeryKind kind, const QString &key) {
        const QString id = requeryKindWord(kind) + u':' + key;
        if (key.isEmpty() || seen.contains(id))
            return;
        seen.insert(id);
        targets.append({kind, key});
    };
    for (const QString &k : request.outTradeNos)
        addTarget(RequeryKind::Order, k.trimmed());
    for (const QString &k : request.outRefundNos)
        addTarget(RequeryKind::Refund, k.trimmed());
    if (request.allStuck) {
        if (const auto scanned = StuckDetector(ledger, policy).scan(wallMs()); !scanned)
            return scanned.error();
        RequeryQueue queue(ledger);
        for (QueueState state : {QueueState::Pending, QueueState::NeedsAttention}) {
            const auto items = queue.withState(state, std::numeric_limits<int>::max());
            if (!items)
                return items.error();
            for (const RequeryItem &i : *items)
                addTarget(i.kind, i.key);
        }
    }
    if (targets.isEmpty() && !request.allStuck)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("There is no order or refund number to query."));

    RequerySummary summary;
    promise.setProgressRange(0, int(targets.size()));
    promise.setProgressValue(0);
    AnswerApplier applier(ledger, policy);

    // As many requests ahead of the one being applied as the gate runs at once: the gate stays
    // busy, and a cancel leaves at most that many to finish. They are not cancelled but
    // drained: a cancelled QFuture drops its result, and an answer to a request that reached
    // WeChat Pay must still be recorded.
    const qsizetype window = std::max(policy.maxConcurrent, 1);
    std::deque<QFuture<QueryAnswer>> inFlight;
    qsizetype next = 0;
    int done = 0;
    bool cancelled = false;
    while (next < targets.size() || !inFlight.empty()) {
        if (promise.isCanceled())
            cancelled = true;
        while (!cancelled && next < targets.size() && qsizetype(inFlight.size()) < window) {
            const Target &t = targets[next++];
            inFlight.push_back(gate.submit(t.kind, t.key, false));
        }
        if (inFlight.empty())
            break;
        QFuture<QueryAnswer> f = inFlight.front();
        inFlight.pop_front();
        f.waitForFinished();
        if (f.resultCount() == 0)
            continue;
        const QueryAnswer answer = f.result();
        if (answer.query.outcome == AnswerOutcome::Cancelled)
            continue;
        const auto report = applier.apply(answer, request.trigger, wallMs(),
                                          QRandomGenerator::global()->generateDouble());
        if (!report) {
            // Let what is already submitted finish before giving up, so nothing sent is lost
            // from the gate's view; the ledger error itself is what the caller gets.
            for (QFuture<QueryAnswer> &g : inFlight)
                g.waitForFinished();
            return report.error();
        }
        ++summary.queried;
        if (!answer.answered())
            ++summary.failed;
        else if (report->duplicate || report->applied == stateOutcomeName(StateOutcome::Unchanged)
                 || report->applied == stateOutcomeName(StateOutcome::IgnoredStale)
                 || report->applied == stateOutcomeName(StateOutcome::IgnoredFinal))
            ++summary.unchanged;
        else
            ++summary.changed;
        summary.resolved += int(report->resolvedDiscrepancies.size());
        if (report->paidAfterClose || !report->reviewReason.isEmpty())
            ++summary.flagged;
        promise.addResult(*report);
        promise.setProgressValue(++done);
    }
    if (cancelled)
        return makeError(ErrorCode::Cancelled,
                         Tr::tr("The re-query was cancelled after %1 of %2 orders and refunds.")
                             .arg(summary.queried)
                             .arg(targets.size()));
    return summary;
}

} // namespace wxr::core
