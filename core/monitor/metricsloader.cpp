// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/metricsloader.h"

#include "common/cstime.h"
#include "ledger/billrepository.h"
#include "ledger/ledger.h"
#include "ledger/paidzones.h"
#include "ledger/sqlitestatement.h"
#include "notify/callbackstore.h"

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
    // Bills are addressed by CST date, and a bill holds only rows of its day (the import
    // refuses others), so only the bills of the days the range touches are read: serve-notify
    // evaluates its alerts every minute over the last minutes, and reading yesterday's bill
    // each time (a million rows for a large merchant) only to skip every row was a stall of its
    // main thread. The bills' successful payments in the range go into a temporary table for
    // the query below.
    // All of it is one transaction (a savepoint, nested in the caller's if there is one): an
    // insert outside a transaction is a transaction of its own, which made filling the table
    // with a day's payments take seconds. Only the temporary table is written, so no writer
    // of the ledger waits; the reads share one snapshot.
    if (Status s = ledger.execute("SAVEPOINT lost_callbacks"); !s)
        return s;
    struct Cleanup
    {
        Ledger &ledger;
        ~Cleanup()
        {
            (void)ledger.execute("DELETE FROM temp.lost_callback_bill_paid");
            (void)ledger.execute("RELEASE lost_callbacks");
        }
    } cleanup{ledger};
    if (Status s = ledger.execute("CREATE TEMP TABLE IF NOT EXISTS lost_callback_bill_paid ("
                                  "out_trade_no TEXT NOT NULL, paid_at INTEGER NOT NULL); "
                                  "DELETE FROM temp.lost_callback_bill_paid;");
        !s)
        return s;
    {
        SqliteStatement insert(ledger, "INSERT INTO temp.lost_callback_bill_paid (out_trade_no, "
                                       "paid_at) VALUES (?1, ?2)");
        if (Status s = insert.prepared(); !s)
            return s;
        const BillRepository bills(ledger);
        for (QDate day = cst::billDateOf(fromS); day <= cst::billDateOf(untilS - 1);
             day = day.addDays(1)) {
            const auto list = bills.billsOf(day);
            if (!list)
                return list.error();
            for (const ImportedBill &b : *list) {
                if (b.billType != u"ALL" && b.billType != u"SUCCESS")
                    continue;
                if (Status s = bills.forEachRow(b.id,
                                                [&](const BillRowView &r) -> Status {
                                                    if (r.isRefund || r.tradeState != "SUCCESS"
                                                        || r.tradeTime < fromS
                                                        || r.tradeTime >= untilS)
                                                        return {};
                                                    insert.bindView(1, r.outTradeNo);
                                                    insert.bind(2, r.tradeTime);
                                                    return insert.exec();
                                                });
                    !s)
                    return s;
            }
        }
    }

    // "No callback announced this payment": asked in each branch before the rest, so that the
    // audit-log probe of the ledger branch runs only for the few orders nobody called back
    // (after a day of callbacks the audit log holds an entry for nearly every paid order).
    const auto unheard = [](const char *key) -> QByteArray {
        return QByteArray(" NOT EXISTS (SELECT 1 FROM callbacks c WHERE c.out_trade_no = ") + key
               + " AND c.out_trade_no <> '' AND c.out_refund_no = ''"
                 " AND c.event_type = 'TRANSACTION.SUCCESS'"
                 " AND c.outcome IN ('applied', 'duplicate'))";
    };
    const QByteArray sql
        = QByteArray("WITH paid (out_trade_no, paid_at, evidence) AS ("
                     " SELECT p.out_trade_no, p.paid_at, 'bill' FROM temp.lost_callback_bill_paid p"
                     "  WHERE")
          + unheard("p.out_trade_no")
          + " UNION ALL"
            " SELECT o.out_trade_no, o.paid_at, 'query' FROM order_paid_zones z"
            "  JOIN orders o ON o.id BETWEEN z.zone * ?3 AND z.zone * ?3 + ?3 - 1"
            "  WHERE z.max_paid >= ?1 AND z.min_paid < ?2"
            "  AND o.paid_at >= ?1 AND o.paid_at < ?2 AND o.status IN ('SUCCESS', 'REFUND')"
            "  AND"
          + unheard("o.out_trade_no")
          + "  AND (o.source IN ('query', 'bill') OR EXISTS (SELECT 1 FROM audit_log a"
            "   WHERE a.entity = 'order' AND a.entity_key = o.out_trade_no AND a.action = 'state'"
            "   AND a.new_value IN ('SUCCESS', 'REFUND') AND a.actor LIKE 'query%')))"
            " SELECT out_trade_no, MIN(paid_at), MIN(evidence) FROM paid"
            " GROUP BY out_trade_no ORDER BY 2, 1";
    SqliteStatement q(ledger, sql.constData());
    if (Status s = q.prepared(); !s)
        return s;
    q.bind(1, fromS);
    q.bind(2, untilS);
    q.bind(3, PaidZones::kRows);
    for (;;) {
        const Result<bool> row = q.step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
        LostCallback lost{q.text(0), q.int64(1) * 1000, q.text(2)};
        if (Status s = visitor(lost); !s) {
            q.reset();
            return s;
        }
    }
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
