// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/money.h"
#include "dayoptions.h"

#include <QByteArray>
#include <QHash>

#include <optional>
#include <vector>

namespace wxr::sim {

/// WeChat's trade_state words; None = no such side (not in the ledger, no bill row).
enum class TradeState : quint8 {
    None,
    Success,
    Refund,
    NotPay,
    Closed,
    Revoked,
    UserPaying,
    PayError
};
/// Refund states; None = no such side.
enum class RefundState : quint8 { None, Success, Processing, Closed, Abnormal };

/// "SUCCESS", "NOTPAY", … ("" for None).
const char *tradeStateName(TradeState s);
const char *refundStateName(RefundState s);

/// Why an order exists in the generated day (kept for the server and for tests).
enum class OrderRole : quint8 {
    Normal,
    Unpaid,
    Revoked,
    MissingInLedger,
    MissingInBill,
    AmountMismatch,
    StatusMismatch,
    DuplicateInBill,
    CrossDayPending,
    AfterMidnight,
    PreviousDay,
    OlderRefundHost, ///< an order of an earlier day refunded on the bill date
};

/// One order as WeChat and the merchant's ledger see it. Times are Unix seconds; 0 = none.
struct SimOrder
{
    quint32 seq = 0;      ///< makes out_trade_no and transaction_id (see SimDay)
    qint64 createdAt = 0; ///< ledger created_at; its CST day is in out_trade_no
    qint64 wxPaidAt = 0; ///< WeChat success_time, the bill's 交易时间; 0 = never paid at WeChat
    qint64 ledgerPaidAt = 0; ///< ledger paid_at (merchant clock); 0 = empty
    Fen amount = 0;          ///< WeChat amount.total = bill 订单金额
    Fen ledgerAmount = 0;    ///< ledger amount_fen
    Fen coupon = 0;          ///< no-recharge coupon: 应结订单金额 = amount − coupon
    quint32 payer = 0;       ///< payer number → openid
    quint16 feeBp = 60;      ///< fee rate in 0.01 % (60 = 0.60%)
    quint16 device = 0;      ///< payment-code terminal number; 0 = no 设备号
    quint8 tradeType = 0;    ///< index into kTradeTypes
    quint8 bank = 0;
    quint8 appid = 0;
    quint8 product = 0;
    quint8 attach = 0; ///< 0 = empty 商户数据包
    OrderRole role = OrderRole::Normal;
    TradeState wxState = TradeState::None;     ///< what an order query answers now
    TradeState ledgerState = TradeState::None; ///< None = the ledger does not know the order
    TradeState billState = TradeState::None;   ///< payment row of the bill date: Success/Revoked
    quint8 billCopies = 0; ///< payment rows on the bill date (2 = printed twice)
    bool ledgerHasTxid = false;
};

/// One refund. `amount` is the requested refund (申请退款金额, amount.refund).
struct SimRefund
{
    quint32 seq = 0;
    quint32 order = 0; ///< index into SimDay::orders
    Fen amount = 0;
    Fen ledgerAmount = 0;
    Fen couponRefund = 0; ///< share of the coupon given back; 退款金额 = amount − couponRefund
    qint64 wxCreatedAt = 0; ///< accepted by WeChat: the bill files the refund row at this time
    qint64 ledgerCreatedAt = 0;
    qint64 successAt = 0;                    ///< 0 unless SUCCESS
    RefundState wxState = RefundState::None; ///< refund query answer now; None = unknown to WeChat
    RefundState billState = RefundState::None;   ///< 退款状态 snapshot; None = no bill row
    RefundState ledgerState = RefundState::None; ///< None = not in the ledger
    quint8 billCopies = 0;
    bool injected = false; ///< taken by an injected refund discrepancy or duplicate
};

/// A row of the discrepancy report (docs/reconciliation.md). Empty optionals and empty
/// strings print as empty CSV fields.
struct TruthRow
{
    int kind = 0; ///< index in kKindNames (report order)
    QByteArray outTradeNo;
    QByteArray transactionId;
    QByteArray ledgerStatus;
    QByteArray billStatus;
    std::optional<Fen> ledgerAmount;
    std::optional<Fen> billAmount;
    QByteArray outRefundNo;
    std::optional<Fen> ledgerRefund;
    std::optional<Fen> billRefund;
};

/// Discrepancy kinds in report order.
inline constexpr const char *kKindNames[] = {
    "MISSING_IN_LEDGER", "MISSING_IN_BILL",   "AMOUNT_MISMATCH",   "STATUS_MISMATCH",
    "REFUND_MISMATCH",   "DUPLICATE_IN_BILL", "CROSS_DAY_PENDING",
};
inline constexpr int kKindCount = 7;

inline constexpr const char *kTradeTypes[] = {"JSAPI", "NATIVE", "APP", "MICROPAY"};
inline constexpr int kMicropay = 3;

/// A row of a bill, in bill order: payments at 交易时间, refunds at their initiation time.
struct BillEntry
{
    qint64 time = 0;
    quint32 index = 0; ///< into orders or refunds
    bool refund = false;
};

/// A generated day: WeChat's side (bills, query answers) and the ledger's side of every
/// order, plus the discrepancy report that reconciling them must produce. Immutable after
/// generateDay() except for the server's live state changes (wxState of orders and refunds).
struct SimDay
{
    DayOptions options;
    qint64 dayStart = 0; ///< 00:00:00 CST of the bill date, Unix seconds
    qint64 dayEnd = 0;   ///< next midnight
    QByteArray mchid;
    std::vector<QByteArray> appids;
    std::vector<QByteArray> banks;
    std::vector<QByteArray> products;
    quint32 txPrefix = 0;     ///< four digits in every transaction_id of this merchant
    quint32 refundPrefix = 0; ///< seven digits in every refund_id
    quint64 payerSalt = 0;
    std::vector<SimOrder> orders;   ///< sorted by createdAt, seq = index + 1
    std::vector<SimRefund> refunds; ///< sorted by wxCreatedAt, seq = index + 1
    std::vector<BillEntry> bill;    ///< the bill date's trade-bill rows in file order
    std::vector<TruthRow> truth;    ///< sorted as the report is

    QByteArray outTradeNo(const SimOrder &o) const;    ///< "T" + yyyyMMdd + 8 digits
    QByteArray transactionId(const SimOrder &o) const; ///< 28 digits; empty if never paid
    QByteArray outRefundNo(const SimRefund &r) const;  ///< "R" + yyyyMMdd + 8 digits
    QByteArray refundId(const SimRefund &r) const;     ///< 29 digits
    QByteArray openid(const SimOrder &o) const;        ///< 28 characters, "o…"
    Fen settlement(const SimOrder &o) const { return o.amount - o.coupon; }
    /// Fee of a payment row (positive) or refund row (negative), milli-fen, half away from zero.
    MilliFen paymentFee(const SimOrder &o) const;
    MilliFen refundFee(const SimRefund &r) const;
    /// "0.60%".
    QByteArray feeRateText(const SimOrder &o) const;
};

/// Builds a day from options (validate() them first). Deterministic: the same options give
/// the same day. Takes about one second per million orders.
SimDay generateDay(const DayOptions &options);

/// Recomputes SimDay::bill and SimDay::truth from the orders and refunds by the rules of
/// docs/reconciliation.md (used after generation and by tests that alter a day).
void rebuildBillAndTruth(SimDay &day);

} // namespace wxr::sim
