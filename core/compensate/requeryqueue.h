// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "compensate/requeryitem.h"

#include <QList>

#include <optional>

namespace wxr::core {

class Ledger;

/// How full the queue is.
struct QueueCounts
{
    qint64 pending = 0;                  ///< PENDING items
    qint64 due = 0;                      ///< of which due now
    qint64 needsAttention = 0;           ///< NEEDS_ATTENTION items
    std::optional<qint64> nextAttemptMs; ///< earliest PENDING next attempt (Unix ms)
};

/// The durable re-query queue in the ledger (table requery_queue, compensateMigrations()).
/// Survives restarts: the scheduler reads what is due from here every round, so a process that
/// stops in the middle picks up where it left off. Times are Unix milliseconds.
/// Same thread rules as the Ledger.
class RequeryQueue final
{
public:
    explicit RequeryQueue(Ledger &ledger)
        : m_ledger(ledger)
    {}

    /// Adds an item due at `nowMs`, unique per (kind, key). An existing PENDING item is left as
    /// it is. A DONE or NEEDS_ATTENTION item is re-armed (PENDING, attempts 0, due now) only
    /// when `reason` differs from the one it was finished under — a new rule found it — so that
    /// a rule that keeps matching never re-queries what it already settled. Returns true when
    /// an item was added or re-armed. InvalidInput for an empty key.
    Result<bool> enqueue(RequeryKind kind, const QString &key, const QString &outTradeNo,
                         RequeryReason reason, qint64 nowMs);

    Result<std::optional<RequeryItem>> find(RequeryKind kind, const QString &key) const;
    Result<std::optional<RequeryItem>> find(qint64 id) const;
    /// PENDING items with nextAttemptMs ≤ nowMs, earliest first, at most `limit`.
    Result<QList<RequeryItem>> due(qint64 nowMs, int limit) const;
    /// Items in `state`, earliest next attempt (PENDING) or latest update (others) first.
    Result<QList<RequeryItem>> withState(QueueState state, int limit) const;
    /// How many items are in `state` (all of them, where withState() stops at its limit).
    Result<qint64> countWithState(QueueState state) const;
    /// Stores the mutable fields of `item` (by id): state, attempts, times, results, note.
    /// NotFound when the id does not exist.
    Status save(const RequeryItem &item);
    /// Makes DONE or NEEDS_ATTENTION items PENDING again, due at `nowMs`, attempts 0 (a
    /// person's "try again"). Returns how many changed.
    Result<int> rearm(const QList<qint64> &ids, qint64 nowMs);
    Result<QueueCounts> counts(qint64 nowMs) const;
    /// The earliest next attempt of a PENDING item that is later than `nowMs`; nullopt if none.
    Result<std::optional<qint64>> nextAttemptAfter(qint64 nowMs) const;

private:
    Ledger &m_ledger;
};

} // namespace wxr::core
