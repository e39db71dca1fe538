// SPDX-License-Identifier: GPL-3.0-or-later
#include "compensate/stuckdetector.h"

#include "compensate/requeryqueue.h"
#include "ledger/discrepancyrepository.h"
#include "ledger/ledger.h"
#include "ledger/orderrepository.h"
#include "ledger/refundrepository.h"
#include "ledger/transaction.h"

namespace wxr::core {

Result<ScanStats> StuckDetector::scan(qint64 nowMs)
{
    ScanStats stats;
    RequeryQueue queue(m_ledger);
    // One transaction for the whole scan: thousands of enqueues commit once.
    Transaction tx(m_ledger);
    if (Status s = tx.begin(); !s)
        return s.error();
    const auto add = [&](RequeryKind kind, const QString &key, const QString &outTradeNo,
                         RequeryReason reason) -> Status {
        ++stats.found[reason];
        const auto added = queue.enqueue(kind, key, outTradeNo, reason, nowMs);
        if (!added)
            return added.error();
        stats.queued += *added ? 1 : 0;
        return {};
    };

    // Unpaid orders inside [now − lookback, now − first window], newest first.
    const auto unpaid = OrderRepository(m_ledger).withStatus(
        {QStringLiteral("NOTPAY"), QStringLiteral("USERPAYING")},
        (nowMs - m_policy.unpaidLookbackMs) / 1000, (nowMs - m_policy.unpaidAfterMs) / 1000,
        m_policy.scanLimit);
    if (!unpaid)
        return unpaid.error();
    for (const Order &o : *unpaid) {
        if (Status s = add(RequeryKind::Order, o.outTradeNo, o.outTradeNo, RequeryReason::Unpaid);
            !s)
            return s.error();
    }

    if (m_policy.fromDiscrepancies) {
        DiscrepancyFilter filter;
        filter.kinds = {DiscrepancyKind::MissingInLedger, DiscrepancyKind::MissingInBill,
                        DiscrepancyKind::StatusMismatch};
        filter.states = {DiscrepancyState::Open, DiscrepancyState::Acknowledged};
        const auto rows = DiscrepancyRepository(m_ledger).page(filter, 0, m_policy.scanLimit);
        if (!rows)
            return rows.error();
        for (const Discrepancy &d : *rows) {
            if (d.outTradeNo.isEmpty())
                continue;
            const RequeryReason reason
                = d.kind == DiscrepancyKind::MissingInLedger ? RequeryReason::MissingInLedger
                  : d.kind == DiscrepancyKind::MissingInBill ? RequeryReason::MissingInBill
                                                             : RequeryReason::StatusMismatch;
            if (Status s = add(RequeryKind::Order, d.outTradeNo, d.outTradeNo, reason); !s)
                return s.error();
        }
    }

    const auto processing = RefundRepository(m_ledger).withStatus(
        {QStringLiteral("PROCESSING")}, (nowMs - m_policy.refundProcessingAfterMs) / 1000,
        m_policy.scanLimit);
    if (!processing)
        return processing.error();
    for (const Refund &r : *processing) {
        if (Status s = add(RequeryKind::Refund, r.outRefundNo, r.outTradeNo,
                           RequeryReason::RefundProcessing);
            !s)
            return s.error();
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return stats;
}

} // namespace wxr::core
