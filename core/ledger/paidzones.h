// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cstime.h"
#include "common/result.h"

#include <QByteArray>
#include <QList>

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace wxr::core {

class Ledger;

/// Where the orders paid in a time range are, without an index on orders.paid_at: the orders
/// table is cut into zones of kRows consecutive ids, and order_paid_zones keeps for each zone
/// the earliest and latest paid_at of its orders (a block-range index). Orders arrive roughly
/// in time order, so a day's payments sit in a run of zones, and reading them is a sequential
/// pass over those rowid ranges with the exact condition applied to each row.
///
/// An index on paid_at cost a million-order import 0.6 s of its 2.1 s: the payment times arrive
/// out of order, so each entry lands in the middle of the b-tree. Triggers on orders keep
/// the zones up to date for every single write (callbacks, queries, edits); a bulk import
/// suspends them for its transaction and records the zones of its rows itself (note(), store()).
/// A zone's range only ever widens, so it stays a superset when a paid_at changes.
class PaidZones final
{
public:
    static constexpr qint64 kRows = 4096;

    /// Drops the zone triggers inside the caller's transaction (a rollback restores them);
    /// store() puts them back. Call before preparing the statements that write orders.
    Status suspendTriggers(Ledger &ledger);

    /// The order `id` was written with this paid_at.
    void note(qint64 id, cst::Instant paidAt)
    {
        auto [it, added] = m_zones.try_emplace(id / kRows, paidAt, paidAt);
        if (!added) {
            it->second.first = std::min(it->second.first, paidAt);
            it->second.second = std::max(it->second.second, paidAt);
        }
    }

    /// Widens the stored zones by the noted ones and recreates the suspended triggers.
    Status store(Ledger &ledger);

    /// The id ranges [first, last] whose orders may have been paid in [from, to), ascending.
    static Result<QList<std::pair<qint64, qint64>>> idRanges(Ledger &ledger, cst::Instant from,
                                                             cst::Instant to);

private:
    std::unordered_map<qint64, std::pair<cst::Instant, cst::Instant>> m_zones;
    QList<QByteArray> m_triggers; ///< the suspended triggers' SQL
};

} // namespace wxr::core
