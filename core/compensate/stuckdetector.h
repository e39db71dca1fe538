// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "compensate/requeryitem.h"
#include "compensate/requerypolicy.h"

#include <QMap>

namespace wxr::core {

class Ledger;

/// What one scan found.
struct ScanStats
{
    QMap<RequeryReason, qint64> found; ///< candidates per rule
    qint64 queued = 0;                 ///< items added or re-armed
};

/// Finds stuck orders and refunds by the policy's rules (docs/requery.md) and puts them in the
/// durable queue:
///
/// - orders NOTPAY or USERPAYING created between `unpaidLookbackMs` and `unpaidAfterMs` ago
///   (no callback moved them on) → reason UNPAID;
/// - orders of OPEN or ACKNOWLEDGED STATUS_MISMATCH and MISSING_IN_BILL discrepancies;
/// - payments of MISSING_IN_LEDGER discrepancies (the query fetches what the ledger lacks);
/// - refunds PROCESSING for longer than `refundProcessingAfterMs` → REFUND_PROCESSING.
///
/// Enqueueing follows RequeryQueue::enqueue, so scanning again is cheap and never re-queries
/// what is settled. Same thread rules as the Ledger.
class StuckDetector final
{
public:
    StuckDetector(Ledger &ledger, const RequeryPolicy &policy)
        : m_ledger(ledger)
        , m_policy(policy)
    {}

    /// Scans at `nowMs` (Unix ms). Database errors stop the scan; what was queued stays.
    Result<ScanStats> scan(qint64 nowMs);

private:
    Ledger &m_ledger;
    RequeryPolicy m_policy;
};

} // namespace wxr::core
