// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recon/matchrecords.h"

namespace wxr::core {

/// The reconciliation rules of docs/reconciliation.md as a pure function: bill rows and ledger
/// records in, discrepancies (sorted in report order) and the day's totals out. No I/O, no
/// clock, no database; deterministic; O(n) with hash lookups. Thread-safe.
///
/// Payments are matched on out_trade_no and compared on 订单金额; refunds on out_refund_no and
/// 申请退款金额. A ledger order is paid when SUCCESS or REFUND. STATUS_MISMATCH takes precedence
/// over an amount difference. The first occurrence of a duplicated bill key is matched
/// normally; every further key gets one DUPLICATE_IN_BILL row (values of the second
/// occurrence). transaction_id is the bill's when the bill has the row, else the ledger's.
MatchResult match(const MatchInput &input);

/// `orders` indexed as match() needs them (MatchInput::orderIndex). Thread-safe.
OrderIndex indexOrders(const std::vector<LedgerOrderRecord> &orders);
/// Adds orders[from, to) to `index`, for an index built while the orders are still being read
/// (indexOrders() is this over all of them). `orders` points at the first record.
void indexOrders(const LedgerOrderRecord *orders, size_t from, size_t to, OrderIndex &index);

} // namespace wxr::core
