// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cstime.h"
#include "common/money.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <string_view>

namespace wxr::core {

/// The layouts a bill file can have (spec §7.7, §7.8). Detected from the detail header.
enum class BillKind {
    TradeAll,     ///< trade bill, bill_type=ALL: payments and refunds
    TradeSuccess, ///< trade bill, bill_type=SUCCESS: payments only
    TradeRefund, ///< trade bill, bill_type=REFUND: refunds only, with 退款申请时间/退款成功时间
    FundFlow, ///< fund-flow bill (资金账单)
};

/// "ALL", "SUCCESS", "REFUND", "FUNDFLOW": the word stored in the ledger and shown to people.
QString billKindName(BillKind kind);

/// One detail row of a trade bill (any of the three layouts), as neutral values.
///
/// Lifetime: every std::string_view points into the parser's line buffer and is valid only
/// during the row callback; copy what you keep. Text is the raw UTF-8 of the field without its
/// leading backtick. Columns absent from the file's layout are empty views / zero amounts.
/// Amounts are exact: fen for two-decimal columns, milli-fen for the five-decimal fee.
struct TradeBillRow
{
    qint64 line = 0;            ///< 1-based line number in the (decompressed) file
    cst::Instant tradeTime = 0; ///< 交易时间 (CST in the file) as Unix seconds
    std::string_view tradeTimeText;
    std::string_view appId;    ///< 公众账号ID
    std::string_view mchId;    ///< 商户号
    std::string_view subMchId; ///< 特约商户号 (legacy 子商户号); "0" for direct merchants
    std::string_view deviceInfo;    ///< 设备号
    std::string_view transactionId; ///< 微信订单号
    std::string_view outTradeNo;    ///< 商户订单号
    std::string_view openId;        ///< 用户标识 — personal data: never log or store it
    std::string_view tradeType;     ///< 交易类型, open-ended (JSAPI, NATIVE, MICROPAY, ...)
    std::string_view tradeState;    ///< 交易状态: SUCCESS, REFUND or REVOKED (kept as text)
    std::string_view bankType;      ///< 付款银行
    std::string_view currency;      ///< 货币种类
    Fen settlementFen = 0;          ///< 应结订单金额 (legacy 总金额)
    Fen couponFen = 0; ///< 代金券金额 (legacy 企业红包金额, 代金券或立减优惠金额)
    std::optional<cst::Instant> refundApplyTime; ///< 退款申请时间 (REFUND layout only)
    std::optional<cst::Instant> refundSuccessTime; ///< 退款成功时间 (REFUND layout; may be empty)
    std::string_view refundId;                     ///< 微信退款单号 ("0" on payment rows)
    std::string_view outRefundNo;                  ///< 商户退款单号 ("0" on payment rows)
    Fen refundFen = 0;                             ///< 退款金额
    Fen rechargeRefundFen = 0; ///< 充值券退款金额 (legacy 代金券或立减优惠退款金额)
    std::string_view refundType;   ///< 退款类型 (ORIGINAL, ...; open-ended)
    std::string_view refundStatus; ///< 退款状态: a snapshot, open-ended (spec §9.3)
    std::string_view goodsName;    ///< 商品名称 (merchant-defined)
    std::string_view attach;       ///< 商户数据包 (merchant-defined)
    MilliFen feeMilli = 0;         ///< 手续费, five decimals of yuan
    std::string_view feeRate;      ///< 费率, e.g. "0.60%"
    Fen orderFen = 0; ///< 订单金额; legacy files without it: 应结订单金额/总金额
    Fen refundAppliedFen = 0;   ///< 申请退款金额; legacy files without it: 退款金额
    std::string_view feeRemark; ///< 费率备注
    /// The row had more fields than the header (a separator inside a merchant-defined field,
    /// spec §7.6/§9.4). Columns before 商品名称 were taken from the left and columns after
    /// 商户数据包 from the right; the surplus is kept joined in goodsName. Review such rows.
    bool fieldCountMismatch = false;

    /// 交易状态 is REFUND: a refund row filed at the refund's initiation time.
    [[nodiscard]] bool isRefund() const { return tradeState == "REFUND"; }
};

/// One detail row of a fund-flow bill. Same lifetime rule as TradeBillRow.
struct FundFlowRow
{
    qint64 line = 0;
    cst::Instant bookTime = 0; ///< 记账时间
    std::string_view bookTimeText;
    std::string_view businessOrderNo; ///< 微信支付业务单号
    std::string_view flowNo;          ///< 资金流水单号
    std::string_view businessName;    ///< 业务名称 (交易, 退款, ...; open-ended)
    std::string_view businessType;    ///< 业务类型 (open-ended)
    bool income = false; ///< 收支类型: true for 收入 (credit), false for 支出 (debit)
    Fen amountFen = 0;   ///< 收支金额(元): positive magnitude
    Fen balanceFen = 0;  ///< 账户结余(元)
    std::string_view applicant;      ///< 资金变更提交申请人
    std::string_view remark;         ///< 备注
    std::string_view voucherNo;      ///< 业务凭证号
    bool fieldCountMismatch = false; ///< as in TradeBillRow; surplus kept in remark
};

/// Column sums of a trade bill, computed from the detail rows or read from its summary line.
struct TradeBillTotals
{
    qint64 rows = 0; ///< 总交易单数: payments + refunds
    Fen settlementFen = 0;
    Fen refundFen = 0;
    Fen rechargeRefundFen = 0;
    MilliFen feeMilli = 0; ///< computed exactly; the printed total is in fen (× 1000 here)
    Fen orderFen = 0;
    Fen refundAppliedFen = 0;
};

struct FundFlowTotals
{
    qint64 rows = 0;
    qint64 incomeRows = 0;
    Fen incomeFen = 0;
    qint64 expenseRows = 0;
    Fen expenseFen = 0;
};

/// What a parsed bill file says about itself once its summary invariants have been checked.
struct BillSummary
{
    BillKind kind = BillKind::TradeAll;
    QStringList header;        ///< the detail header as found (names normalised, §7.8)
    QStringList summaryHeader; ///< the summary header as found
    bool legacyLayout = false; ///< 总金额/企业红包金额/v2 names were used (§7.7)

    // Trade bills.
    TradeBillTotals computed; ///< sums over the detail rows
    TradeBillTotals
        printed; ///< the summary line (columns the layout lacks are copied from computed)
    qint64 paymentRows = 0; ///< rows whose 交易状态 is not REFUND
    qint64 refundRows = 0;

    // Fund-flow bills.
    FundFlowTotals fundComputed;
    FundFlowTotals fundPrinted;

    /// Lines whose field count differed from the header (§9.4), in file order.
    QList<qint64> flaggedLines;
    bool hadBom = false;
    bool hadCrlf = false;
};

} // namespace wxr::core
