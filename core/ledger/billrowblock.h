// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bill/billrecords.h"
#include "common/result.h"
#include "ledger/billrepository.h"

#include <string>
#include <string_view>

namespace wxr::core::billblock {

/// The trade rows of a bill are stored in blocks of a few thousand rows (table
/// bill_row_blocks), each a blob of packed rows: one format byte (1), then per row the line
/// (LEB128), a flag byte (1 refund, 2 flagged), the trade time, order, settlement, coupon and
/// fee amounts (zig-zag LEB128), transaction_id, out_trade_no, trade_state and trade_type
/// (length-prefixed bytes) and, for a refund row, refund_id, out_refund_no, the refund,
/// applied and recharge-refund amounts, refund_type and refund_status. The rows are written
/// and read without a b-tree step each; the lookup by order goes through bill_keys. (The
/// generated million-row bill: 78 MB of blocks and 28 MB of keys, against 97 MB of table rows
/// and a 26 MB index on out_trade_no before.)
inline constexpr char kFormat = 1;
inline constexpr int kRowsPerBlock = 8192;

/// Starts a block in `out` (clears it).
void begin(std::string &out);
/// Appends one row.
void append(std::string &out, const TradeBillRow &row);

/// Calls `visitor` for each row of a block, in order; BillRowView::billId is `billId`.
/// A block that does not decode is an error (Database) naming the bill.
Status forEach(std::string_view block, qint64 billId, const BillRepository::RowVisitor &visitor);

/// Schema step 2: moves the trade rows of the bills in the version-1 table bill_rows into
/// blocks and keys, then drops that table. Runs inside the migration's transaction.
Status moveTableRows(Ledger &ledger);

} // namespace wxr::core::billblock
