// SPDX-License-Identifier: GPL-3.0-or-later
#include "compensate/schedulerworker.h"

#include "common/coretr.h"
#include "compensate/compensateschema.h"
#include "compensate/querygate.h"
#include "compensate/requeryqueue.h"
#include "compensate/stuckdetector.h"
#include "ledger/ledger.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QRandomGenerator>

#include <algorithm>

namespace wxr::core {

namespace {

// Status signals at most this often while answers stream in (each costs a queue count).
constexpr qint64 kPublishIntervalMs = 200;
// Never sleep less than this: a wake-up exactly at a due time may see it a millisecond early.
constexpr qint64 kMinSleepMs = 5;
// After a failed dispatch, try again this much later rather than spinning on the error.
constexpr qint64 kRetryMs = 1000;
// Extra due items read per round, for those a callback settled in the meantime.
constexpr int kSettleBatch = 64;

} // namespace

SchedulerWorker::SchedulerWorker(QString ledgerPath, QueryGate &gate, const RequeryPolicy &policy)
    : m_path(std::move(ledgerPath))
    , m_gate(gate)
    , m_policy(policy)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
    , m_timer(this) // a child, so that it moves to the scheduler's thread with the worker
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SchedulerWorker::tick);
}

SchedulerWorker::~SchedulerWorker() = default;

bool SchedulerWorker::ensureLedger()
{
    if (m_ledger)
        return true;
    auto ledger = openRequeryLedger(m_path);
    if (!ledger) {
        fail(ledger.error().message);
        return false;
    }
    m_ledger = std::move(*ledger);
    return true;
}

void SchedulerWorker::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled) {
        m_timer.stop();
        publish(true);
        return;
    }
    m_nextScanMs = 0;
    tick();
}

void SchedulerWorker::setPolicy(const RequeryPolicy &policy)
{
    m_policy = policy;
    if (m_enabled)
        tick();
}

void SchedulerWorker::scanNow()
{
    m_nextScanMs = 0;
    if (m_enabled)
        tick();
}

void SchedulerWorker::fail(const QString &message)
{
    m_lastError = message;
    m_lastErrorMs = m_clock();
    emit errorOccurred(message);
}

void SchedulerWorker::tick()
{
    if (!m_enabled)
        return;
    qint64 now = m_clock();
    if (!ensureLedger()) {
        // The ledger may be locked or on a disk that comes back: try again at the next scan.
        m_nextScanMs = now + m_policy.scanIntervalMs;
        m_timer.start(std::chrono::milliseconds(m_policy.scanIntervalMs));
        publish(true);
        return;
    }
    if (now >= m_nextScanMs) {
        m_lastScanMs = now;
        m_nextScanMs = now + m_policy.scanIntervalMs;
        if (const auto scanned = StuckDetector(*m_ledger, m_policy).scan(now); !scanned)
            fail(scanned.error().message);
        now = m_clock();
    }
    dispatch(now);

    // Sleep until the next scan or the next item that becomes due. Items in flight stay
    // PENDING with a past due time until their answer is applied; that answer calls tick().
    qint64 wake = m_nextScanMs;
    if (qint64(m_inFlight.size()) < m_policy.maxConcurrent) {
        RequeryQueue queue(*m_ledger);
        const auto counts = queue.counts(now);
        const auto later = queue.nextAttemptAfter(now);
        if (!counts || !later)
            fail(!counts ? counts.error().message : later.error().message);
        else if (counts->due > qint64(m_inFlight.size()))
            wake = now + kRetryMs; // due items left over (a failed dispatch): try again soon
        else if (*later)
            wake = std::min(wake, **later);
    }
    m_timer.start(std::chrono::milliseconds(std::max(wake - now, kMinSleepMs)));
    publish(false);
}

void SchedulerWorker::dispatch(qint64 now)
{
    const int free = m_policy.maxConcurrent - int(m_inFlight.size());
    if (free <= 0)
        return;
    RequeryQueue queue(*m_ledger);
    AnswerApplier applier(*m_ledger, m_policy);
    int sent = 0;
    // Items settled without a query free their slot for the next due one: read on until the
    // slots are full or nothing due is left.
    for (bool more = true; more && sent < free;) {
        const int limit = free - sent + int(m_inFlight.size()) + kSettleBatch;
        const auto due = queue.due(now, limit);
        if (!due) {
            fail(due.error().message);
            return;
        }
        more = false;
        for (const RequeryItem &item : *due) {
            if (sent >= free)
                break;
            if (m_inFlight.contains(item.id))
                continue;
            // A callback may have settled it since it was queued: no query needed then.
            const auto settled = applier.settleWithoutQuery(item, now);
            if (!settled) {
                fail(settled.error().message);
                return;
            }
            if (*settled) {
                more = due->size() == limit;
                continue;
            }
            const auto close = applier.wantsClose(item, now);
            if (!close) {
                fail(close.error().message);
                return;
            }
            m_inFlight.insert(item.id);
            ++sent;
            auto *watcher = new QFutureWatcher<QueryAnswer>(this);
            const qint64 id = item.id;
            connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id] {
                watcher->deleteLater();
                if (watcher->future().resultCount() > 0)
                    onAnswer(id, watcher->result());
                else
                    m_inFlight.remove(id);
            });
            watcher->setFuture(m_gate.submit(item.kind, item.key, *close));
        }
    }
}

void SchedulerWorker::onAnswer(qint64 itemId, const QueryAnswer &answer)
{
    m_inFlight.remove(itemId);
    if (m_ledger) {
        AnswerApplier applier(*m_ledger, m_policy);
        const auto report
            = applier.apply(answer, RequeryTrigger::scheduler(), m_clock(), m_random());
        if (!report) {
            fail(report.error().message);
        } else if (answer.query.outcome != AnswerOutcome::Cancelled
                   || answer.close != CloseOutcome::NotAttempted) {
            ++m_applied;
            emit itemApplied(*report);
        }
    }
    if (m_enabled)
        tick();
    else
        publish(true);
}

void SchedulerWorker::publish(bool force)
{
    if (!force && m_sincePublish.isValid() && m_sincePublish.elapsed() < kPublishIntervalMs)
        return;
    m_sincePublish.start();
    const qint64 now = m_clock();
    RequeryStatus s;
    s.enabled = m_enabled;
    s.ledgerOpen = m_ledger != nullptr;
    s.inFlight = m_inFlight.size();
    s.lastScanMs = m_lastScanMs;
    s.applied = m_applied;
    s.lastError = m_lastError;
    s.lastErrorMs = m_lastErrorMs;
    const GateStatus gate = m_gate.status();
    s.cooldownUntilMs = gate.cooldownUntilMs > now ? gate.cooldownUntilMs : 0;
    if (m_ledger) {
        if (const auto c = RequeryQueue(*m_ledger).counts(now); c) {
            s.pending = c->pending;
            s.due = c->due;
            s.needsAttention = c->needsAttention;
            if (m_enabled)
                s.nextRunMs
                    = c->nextAttemptMs ? std::min(*c->nextAttemptMs, m_nextScanMs) : m_nextScanMs;
        }
    }
    if (m_enabled && !s.nextRunMs)
        s.nextRunMs = m_nextScanMs;
    if (s.nextRunMs && *s.nextRunMs < now)
        s.nextRunMs = now; // overdue items (in flight, or waiting for a free slot) run now

    emit statusChanged(s);
}

} // namespace wxr::core
