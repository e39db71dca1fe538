// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cstime.h"
#include "common/money.h"
#include "ledger/discrepancy.h"
#include "recon/keyindex.h"

#include <QDate>

#include <functional>
#include <optional>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace wxr::core {

/// The matcher's neutral input records. Text fields are views: the caller keeps the bytes
/// alive for the duration of match() (ReconEngine keeps them in an arena; tests use literals).

/// An order of the ledger.
struct LedgerOrderRecord
{
    std::string_view outTradeNo;
    std::string_view transactionId; ///< may be empty
    std::string_view status;        ///< trade_state word
    Fen amountFen = 0;
    std::optional<cst::Instant> paidAt;
};

/// A refund of the ledger.
struct LedgerRefundRecord
{
    std::string_view outRefundNo;
    std::string_view outTradeNo;
    std::string_view status; ///< SUCCESS, PROCESSING, CLOSED, ABNORMAL
    Fen amountFen = 0;
    std::optional<cst::Instant> createdAt;
};

/// A payment row (交易状态 SUCCESS or REVOKED) of the bill date's trade bill.
struct BillPaymentRecord
{
    std::string_view outTradeNo;
    std::string_view transactionId;
    std::string_view tradeState;
    Fen orderFen = 0; ///< 订单金额 — what payments are compared on
    Fen settlementFen = 0;
    MilliFen feeMilli = 0;
    cst::Instant time = 0;
};

/// A refund row (交易状态 REFUND) of the bill date's trade bill.
struct BillRefundRecord
{
    std::string_view outRefundNo;
    std::string_view outTradeNo;
    std::string_view transactionId; ///< the order's 微信订单号
    std::string_view refundStatus;  ///< 退款状态, a snapshot
    Fen appliedFen = 0;             ///< 申请退款金额 — what refunds are compared on
    MilliFen feeMilli = 0;
    cst::Instant time = 0;
};

/// MatchInput::orders by out_trade_no (indexOrders()): the position of each key; the first of
/// repeated keys wins and the repeats are marked.
struct OrderIndex
{
    KeyIndex positions;
    std::vector<bool> repeated;
};

/// Everything the rules of docs/reconciliation.md need for one bill date.
struct MatchInput
{
    QDate billDate;
    /// The date's bill rows in file order (duplicates included).
    std::vector<BillPaymentRecord> payments;
    std::vector<BillRefundRecord> refunds;
    /// False when the imported bills of the date carry no payment rows at all (only a REFUND
    /// bill): payment rules are then skipped rather than reporting every order. Same for
    /// refunds (only a SUCCESS bill).
    bool paymentsCovered = true;
    bool refundsCovered = true;
    /// Ledger orders: at least those paid on the date and those named by a bill row or a
    /// ledger refund below. More is harmless (matching is by identity, never by date).
    std::vector<LedgerOrderRecord> orders;
    /// indexOrders(orders) when the caller built it (on the thread that read the orders, while
    /// its other thread read the bill); match() builds it when absent.
    std::optional<OrderIndex> orderIndex;
    /// Ledger refunds: at least those initiated on the date and those named by a bill row.
    std::vector<LedgerRefundRecord> ledgerRefunds;
    /// out_trade_nos of ledger orders that another imported bill (another date) holds as a
    /// payment; such an order is billed, only not on this date.
    std::unordered_set<std::string_view> billedElsewhere;

    /// Optional lookups the matcher calls only for keys the vectors above lack, so that the
    /// caller need not know in advance which records matter: an order named by a bill row or a
    /// refund but paid on another day by the ledger's clock, a refund named by the bill but
    /// initiated on another day, and whether a paid order the date's bill lacks is in another
    /// imported bill (asked only for those few orders). Returned pointers must stay valid
    /// until match() returns; nullptr / false for "no such record". The matcher itself does
    /// no I/O; ReconEngine answers these from the ledger.
    std::function<const LedgerOrderRecord *(std::string_view outTradeNo)> findOrder;
    std::function<const LedgerRefundRecord *(std::string_view outRefundNo)> findRefund;
    std::function<bool(std::string_view outTradeNo)> isBilledElsewhere;
    /// When set, the ledger's transaction_id of an order whose record has none is asked here,
    /// for the discrepancies that report it (those the bill lacks): ReconEngine reads the
    /// day's orders without it, a million copies of which only a few are ever reported. The
    /// view must stay valid until match() returns.
    std::function<std::string_view(const LedgerOrderRecord &order)> orderTransactionId;
    /// The next date's trade bill is imported: an order in the cross-day window that is in no
    /// bill is then MISSING_IN_BILL rather than CROSS_DAY_PENDING.
    bool nextDayBillImported = false;
    qint64 crossDayWindowSeconds = 300;
};

struct MatchResult
{
    /// In report order; state OPEN and empty notes (storage keeps existing states).
    std::vector<Discrepancy> discrepancies;
    ReconSummary summary;
};

} // namespace wxr::core
