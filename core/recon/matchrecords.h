// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cstime.h"
#include "common/money.h"
#include "ledger/discrepancy.h"
#include "recon/keyindex.h"

#include <QDate>

#include <functional>
#include <limits>
#include <optional>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace wxr::core {

/// The matcher's neutral input records. Text fields are views: the caller keeps the bytes
/// alive for the duration of match() (ReconEngine keeps them in an arena; tests use literals).
/// The two kinds a day has a million of, orders and bill payments, are kept small: their
/// memory is most of a reconciliation's, and every page of it is zeroed by the kernel when
/// first touched.

/// A state word (trade_state, refund status) in eight bytes: NUL-terminated text that outlives
/// match(), usually a string literal. Compares and converts as a std::string_view.
class StateWord final
{
public:
    constexpr StateWord() = default;
    constexpr StateWord(const char *text) // implicit, like std::string_view
        : m_text(text)
    {}
    [[nodiscard]] std::string_view view() const { return m_text; }
    operator std::string_view() const { return m_text; }
    friend bool operator==(StateWord a, std::string_view b) { return a.view() == b; }

private:
    const char *m_text = "";
};

/// An order of the ledger. Its transaction_id is asked for when a discrepancy reports it
/// (MatchInput::orderTransactionId): a million copies of which only a few are ever reported.
struct LedgerOrderRecord
{
    /// paidAt of an order without a payment time.
    static constexpr cst::Instant kUnpaid = std::numeric_limits<cst::Instant>::min();

    std::string_view outTradeNo;
    StateWord status; ///< trade_state word
    Fen amountFen = 0;
    cst::Instant paidAt = kUnpaid;
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
    StateWord tradeState;
    Fen orderFen = 0; ///< 订单金额 — what payments are compared on
    Fen settlementFen = 0;
    MilliFen feeMilli = 0;
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
    PositionIndex positions;
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
    /// The ledger's transaction_id of an order, asked for the discrepancies that report it
    /// (those the bill lacks); empty when unset. The view must stay valid until match()
    /// returns.
    std::function<std::string_view(const LedgerOrderRecord &order)> orderTransactionId;
    /// Optional notices that let a caller answering the lookups above from a database look
    /// the keys up together and elsewhere, while match() goes on with the day's records
    /// (ReconEngine: on its second connection and thread). match() calls each at most once,
    /// before asking about any key it names: willFindOrders with the out_trade_nos of the
    /// bill's payment rows that `orders` lacks (repeats included), for findOrder;
    /// willReportOrders with the orders paid on the date that the bill lacks and
    /// `billedElsewhere` does not name, for isBilledElsewhere and orderTransactionId. Other
    /// keys may still be asked without notice.
    std::function<void(std::vector<std::string_view> outTradeNos)> willFindOrders;
    std::function<void(const std::vector<const LedgerOrderRecord *> &orders)> willReportOrders;
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
