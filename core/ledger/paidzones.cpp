// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/paidzones.h"

#include "ledger/ledger.h"
#include "ledger/sqlitestatement.h"

namespace wxr::core {

Status PaidZones::suspendTriggers(Ledger &ledger)
{
    SqliteStatement q(ledger, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                              "name IN ('orders_paid_zone_insert', 'orders_paid_zone_update') "
                              "ORDER BY name");
    QList<QByteArray> names;
    for (;;) {
        const Result<bool> row = q.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const std::string_view name = q.view(0);
        const std::string_view sql = q.view(1);
        names.append(QByteArray(name.data(), qsizetype(name.size())));
        m_triggers.append(QByteArray(sql.data(), qsizetype(sql.size())));
    }
    q.reset();
    for (const QByteArray &name : names) {
        const QByteArray drop = "DROP TRIGGER " + name;
        if (Status s = ledger.execute(drop.constData()); !s)
            return s;
    }
    return {};
}

Status PaidZones::store(Ledger &ledger)
{
    SqliteStatement upsert(ledger, "INSERT INTO order_paid_zones (zone, min_paid, max_paid) "
                                   "VALUES (?1, ?2, ?3) ON CONFLICT (zone) DO UPDATE SET "
                                   "min_paid = MIN(min_paid, excluded.min_paid), "
                                   "max_paid = MAX(max_paid, excluded.max_paid)");
    for (const auto &[zone, range] : m_zones) {
        upsert.bind(1, zone);
        upsert.bind(2, range.first);
        upsert.bind(3, range.second);
        if (Status s = upsert.exec(); !s)
            return s;
    }
    m_zones.clear();
    for (const QByteArray &sql : std::as_const(m_triggers)) {
        if (Status s = ledger.execute(sql.constData()); !s)
            return s;
    }
    m_triggers.clear();
    return {};
}

Result<QList<std::pair<qint64, qint64>>> PaidZones::idRanges(Ledger &ledger, cst::Instant from,
                                                             cst::Instant to)
{
    SqliteStatement q(ledger, "SELECT zone FROM order_paid_zones WHERE max_paid >= ?1 AND "
                              "min_paid < ?2 ORDER BY zone");
    q.bind(1, from);
    q.bind(2, to);
    QList<std::pair<qint64, qint64>> ranges;
    for (;;) {
        const Result<bool> row = q.step();
        if (!row)
            return row.error();
        if (!*row)
            return ranges;
        const qint64 first = q.int64(0) * kRows;
        if (!ranges.isEmpty() && ranges.last().second + 1 == first)
            ranges.last().second = first + kRows - 1;
        else
            ranges.append({first, first + kRows - 1});
    }
}

} // namespace wxr::core
