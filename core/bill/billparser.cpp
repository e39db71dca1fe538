// SPDX-License-Identifier: GPL-3.0-or-later
#include "bill/billparser.h"

#include "common/coretr.h"

#include <array>
#include <cstdlib>
#include <cstring>

namespace wxr::core {

QString billKindName(BillKind kind)
{
    switch (kind) {
    case BillKind::TradeAll:
        return QStringLiteral("ALL");
    case BillKind::TradeSuccess:
        return QStringLiteral("SUCCESS");
    case BillKind::TradeRefund:
        return QStringLiteral("REFUND");
    case BillKind::FundFlow:
        return QStringLiteral("FUNDFLOW");
    }
    return {};
}

namespace {

// Detail columns wxrecon understands, whatever their position in the file.
enum Col : int {
    cTradeTime,
    cAppId,
    cMchId,
    cSubMchId,
    cDevice,
    cTransactionId,
    cOutTradeNo,
    cOpenId,
    cTradeType,
    cTradeState,
    cBankType,
    cCurrency,
    cSettlement,
    cCoupon,
    cRefundApplyTime,
    cRefundSuccessTime,
    cRefundId,
    cOutRefundNo,
    cRefund,
    cRechargeRefund,
    cRefundType,
    cRefundStatus,
    cGoods,
    cAttach,
    cFee,
    cFeeRate,
    cOrder,
    cRefundApplied,
    cFeeRemark,
    cBookTime,
    cBizOrderNo,
    cFlowNo,
    cBizName,
    cBizType,
    cDirection,
    cAmount,
    cBalance,
    cApplicant,
    cRemark,
    cVoucher,
    cColumnCount
};

// Summary columns.
enum SumCol : int {
    sRows,
    sSettlement,
    sRefund,
    sRechargeRefund,
    sFee,
    sOrder,
    sRefundApplied,
    fRows,
    fIncomeRows,
    fIncome,
    fExpenseRows,
    fExpense,
    sColumnCount
};

struct Name
{
    const char *utf8;
    int column;
    bool legacy;
};

// Current names (spec §7.7/§7.8) and the legacy/v2 ones (§7.7: 总金额 for 应结订单金额,
// 企业红包金额 for 代金券金额; v2: 子商户号, 代金券或立减优惠金额, 代金券或立减优惠退款金额).
constexpr Name kDetailNames[] = {
    {"交易时间", cTradeTime, false},
    {"公众账号ID", cAppId, false},
    {"商户号", cMchId, false},
    {"特约商户号", cSubMchId, false},
    {"子商户号", cSubMchId, true},
    {"设备号", cDevice, false},
    {"微信订单号", cTransactionId, false},
    {"商户订单号", cOutTradeNo, false},
    {"用户标识", cOpenId, false},
    {"交易类型", cTradeType, false},
    {"交易状态", cTradeState, false},
    {"付款银行", cBankType, false},
    {"货币种类", cCurrency, false},
    {"应结订单金额", cSettlement, false},
    {"总金额", cSettlement, true},
    {"代金券金额", cCoupon, false},
    {"企业红包金额", cCoupon, true},
    {"代金券或立减优惠金额", cCoupon, true},
    {"退款申请时间", cRefundApplyTime, false},
    {"退款成功时间", cRefundSuccessTime, false},
    {"微信退款单号", cRefundId, false},
    {"商户退款单号", cOutRefundNo, false},
    {"退款金额", cRefund, false},
    {"充值券退款金额", cRechargeRefund, false},
    {"代金券或立减优惠退款金额", cRechargeRefund, true},
    {"企业红包退款金额", cRechargeRefund, true},
    {"退款类型", cRefundType, false},
    {"退款状态", cRefundStatus, false},
    {"商品名称", cGoods, false},
    {"商户数据包", cAttach, false},
    {"手续费", cFee, false},
    {"费率", cFeeRate, false},
    {"订单金额", cOrder, false},
    {"申请退款金额", cRefundApplied, false},
    {"费率备注", cFeeRemark, false},
    {"记账时间", cBookTime, false},
    {"微信支付业务单号", cBizOrderNo, false},
    {"资金流水单号", cFlowNo, false},
    {"业务名称", cBizName, false},
    {"业务类型", cBizType, false},
    {"收支类型", cDirection, false},
    {"收支金额(元)", cAmount, false},
    {"账户结余(元)", cBalance, false},
    {"资金变更提交申请人", cApplicant, false},
    {"备注", cRemark, false},
    {"业务凭证号", cVoucher, false},
};

constexpr Name kSummaryNames[] = {
    {"总交易单数", sRows, false},
    {"应结订单总金额", sSettlement, false},
    {"总交易额", sSettlement, true},
    {"退款总金额", sRefund, false},
    {"总退款金额", sRefund, true},
    {"充值券退款总金额", sRechargeRefund, false},
    {"总代金券或立减优惠退款金额", sRechargeRefund, true},
    {"企业红包退款总金额", sRechargeRefund, true},
    {"手续费总金额", sFee, false},
    {"订单总金额", sOrder, false},
    {"申请退款总金额", sRefundApplied, false},
    {"资金流水总笔数", fRows, false},
    {"收入笔数", fIncomeRows, false},
    {"收入金额", fIncome, false},
    {"支出笔数", fExpenseRows, false},
    {"支出金额", fExpense, false},
};

QString qs(std::string_view v)
{
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}

std::string_view trimmed(std::string_view v)
{
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t'))
        v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t'))
        v.remove_suffix(1);
    return v;
}

// Header names are plain (no backticks). v2 pages print full-width parentheses in the fund-flow
// amount headers, v3 pages ASCII ones (spec §7.8 [?]): normalise to ASCII.
QString normalisedName(std::string_view raw)
{
    QString name = qs(trimmed(raw));
    name.replace(u'（', u'(');
    name.replace(u'）', u')');
    return name;
}

std::vector<std::string_view> splitPlain(std::string_view text)
{
    std::vector<std::string_view> out;
    size_t start = 0;
    for (;;) {
        const size_t comma = text.find(',', start);
        out.push_back(
            text.substr(start, comma == std::string_view::npos ? text.npos : comma - start));
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
    return out;
}

template<size_t N>
int lookup(const Name (&table)[N], const QString &name, bool &legacy)
{
    const QByteArray utf8 = name.toUtf8();
    for (const Name &n : table) {
        if (utf8 == n.utf8) {
            legacy = legacy || n.legacy;
            return n.column;
        }
    }
    return -1;
}

bool add(qint64 &acc, qint64 v) noexcept
{
    return !__builtin_add_overflow(acc, v, &acc);
}

QString yuan(Fen fen)
{
    return money::formatYuan(fen);
}

} // namespace

struct BillParser::Layout
{
    BillKind kind = BillKind::TradeAll;
    std::array<int, cColumnCount> index{}; // column → header position, -1 when absent
    int fieldCount = 0;
    int sinkFirst = -1; // header positions of the merchant-defined columns that absorb surplus
    int sinkLast = -1;
    std::array<int, sColumnCount> summaryIndex{};
    int summaryFieldCount = 0;
    bool hasOrderColumn = false;
    bool hasRefundAppliedColumn = false;
};

BillParser::BillParser(TradeRowHandler onTradeRow, FundFlowRowHandler onFundFlowRow)
    : m_onTrade(std::move(onTradeRow))
    , m_onFund(std::move(onFundFlowRow))
{
    m_mapped.resize(cColumnCount);
}

BillParser::~BillParser() = default;

std::optional<BillKind> BillParser::kind() const
{
    if (!m_layout)
        return std::nullopt;
    return m_layout->kind;
}

Error BillParser::fail(Error error)
{
    m_error = error;
    return error;
}

Error BillParser::lineError(const QString &column, const QString &reason) const
{
    if (column.isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("line %1: %2").arg(m_line).arg(reason));
    return makeError(ErrorCode::InvalidInput,
                     Tr::tr("line %1, column “%2”: %3").arg(m_line).arg(column, reason));
}

Status BillParser::feed(QByteArrayView chunk)
{
    if (m_error)
        return *m_error;
    const char *p = chunk.data();
    const char *const end = p + chunk.size();
    if (!m_carry.isEmpty()) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', end - p));
        if (!nl) {
            m_carry.append(p, end - p);
            if (m_carry.size() > kMaxLineBytes)
                return tooLong();
            return {};
        }
        m_carry.append(p, nl - p);
        p = nl + 1;
        const QByteArray whole = std::move(m_carry);
        m_carry.clear();
        if (Status s = line(std::string_view(whole.constData(), whole.size())); !s)
            return s;
    }
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', end - p));
        if (!nl) {
            if (end - p > kMaxLineBytes)
                return tooLong();
            m_carry.append(p, end - p);
            break;
        }
        if (nl - p > kMaxLineBytes)
            return tooLong();
        if (Status s = line(std::string_view(p, nl - p)); !s)
            return s;
        p = nl + 1;
    }
    return {};
}

Error BillParser::tooLong()
{
    ++m_line;
    return fail(lineError({}, Tr::tr("the line is longer than %1 bytes").arg(kMaxLineBytes)));
}

Status BillParser::line(std::string_view text)
{
    ++m_line;
    if (m_line == 1 && text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) {
        m_summary.hadBom = true;
        text.remove_prefix(3);
    }
    if (!text.empty() && text.back() == '\r') {
        m_summary.hadCrlf = true;
        text.remove_suffix(1);
    }
    if (trimmed(text).empty())
        return {}; // blank lines carry nothing, wherever they are
    Status s;
    switch (m_stage) {
    case Stage::Header:
        s = headerLine(text);
        break;
    case Stage::Details:
        s = text.front() == '`' ? detailLine(text) : summaryHeaderLine(text);
        break;
    case Stage::SummaryValues:
        s = summaryValueLine(text);
        break;
    case Stage::Done:
        s = lineError({}, Tr::tr("unexpected text after the summary line"));
        break;
    }
    if (!s)
        return fail(s.error());
    return s;
}

Status BillParser::headerLine(std::string_view text)
{
    auto layout = std::make_unique<Layout>();
    layout->index.fill(-1);
    layout->summaryIndex.fill(-1);
    const auto fields = splitPlain(text);
    layout->fieldCount = static_cast<int>(fields.size());
    QStringList names;
    bool legacy = false;
    for (int i = 0; i < layout->fieldCount; ++i) {
        const QString name = normalisedName(fields[static_cast<size_t>(i)]);
        names.append(name);
        const int col = lookup(kDetailNames, name, legacy);
        if (col < 0)
            continue; // a column added after this was written: ignored, not fatal
        if (layout->index[col] >= 0)
            return lineError(name, Tr::tr("the header names this column twice"));
        layout->index[col] = i;
    }
    const auto has = [&](int col) {
        return layout->index[col] >= 0;
    };
    const QString shown = names.join(u',');
    if (has(cBookTime) && has(cDirection) && has(cAmount)) {
        layout->kind = BillKind::FundFlow;
        layout->sinkFirst = layout->sinkLast = layout->index[cRemark];
    } else if (has(cTradeTime) && has(cOutTradeNo) && has(cTradeState)
               && (has(cSettlement) || has(cOrder)) && has(cFee)) {
        if (has(cRefundApplyTime))
            layout->kind = BillKind::TradeRefund;
        else if (has(cOutRefundNo))
            layout->kind = BillKind::TradeAll;
        else
            layout->kind = BillKind::TradeSuccess;
        if (layout->kind != BillKind::TradeSuccess && (!has(cRefund) || !has(cOutRefundNo)))
            return lineError({}, Tr::tr("unknown bill layout: refund columns are incomplete in "
                                        "the header “%1”")
                                     .arg(shown));
        layout->sinkFirst = has(cGoods) ? layout->index[cGoods] : layout->index[cAttach];
        layout->sinkLast = has(cAttach) ? layout->index[cAttach] : layout->index[cGoods];
        if (layout->sinkFirst > layout->sinkLast)
            std::swap(layout->sinkFirst, layout->sinkLast);
        if (layout->sinkLast - layout->sinkFirst > 1)
            layout->sinkLast = layout->sinkFirst; // not adjacent: only the first absorbs surplus
    } else {
        return lineError({}, Tr::tr("unknown bill layout; the header is “%1”").arg(shown));
    }
    layout->hasOrderColumn = has(cOrder);
    layout->hasRefundAppliedColumn = has(cRefundApplied);
    if (!has(cSettlement) || !has(cOrder))
        legacy = true;
    m_summary.kind = layout->kind;
    m_summary.header = names;
    m_summary.legacyLayout = legacy && layout->kind != BillKind::FundFlow;
    m_layout = std::move(layout);
    m_stage = Stage::Details;
    return {};
}

// Strips the leading backtick and splits on the two-character separator ",`" (spec §7.6).
// Commas inside a field are therefore harmless; only ",`" inside a field adds a field.
Status BillParser::splitDetail(std::string_view text)
{
    m_fields.clear();
    text.remove_prefix(1);
    size_t start = 0;
    for (;;) {
        size_t pos = start;
        size_t sep = std::string_view::npos;
        while ((pos = text.find(',', pos)) != std::string_view::npos) {
            if (pos + 1 < text.size() && text[pos + 1] == '`') {
                sep = pos;
                break;
            }
            ++pos;
        }
        if (sep == std::string_view::npos) {
            m_fields.push_back(text.substr(start));
            break;
        }
        m_fields.push_back(text.substr(start, sep - start));
        start = sep + 2;
    }
    return {};
}

Status BillParser::detailLine(std::string_view text)
{
    (void)splitDetail(text);
    const Layout &l = *m_layout;
    const int n = l.fieldCount;
    const int m = static_cast<int>(m_fields.size());
    m_rowFlagged = false;
    if (m < n)
        return lineError({}, Tr::tr("the row has %1 fields but the header has %2").arg(m).arg(n));
    const int surplus = m - n;
    if (surplus > 0) {
        if (l.sinkFirst < 0)
            return lineError({},
                             Tr::tr("the row has %1 fields but the header has %2").arg(m).arg(n));
        m_rowFlagged = true;
    }
    for (int col = 0; col < cColumnCount; ++col) {
        const int i = l.index[col];
        if (i < 0) {
            m_mapped[col] = {};
        } else if (surplus == 0 || i < l.sinkFirst) {
            m_mapped[col] = m_fields[static_cast<size_t>(i)];
        } else if (i == l.sinkFirst) {
            // The surplus fields are contiguous in the line: one view covers them, separators
            // included, exactly as the file has them.
            const std::string_view first = m_fields[static_cast<size_t>(i)];
            const std::string_view last = m_fields[static_cast<size_t>(i + surplus)];
            m_mapped[col]
                = std::string_view(first.data(), last.data() + last.size() - first.data());
        } else {
            m_mapped[col] = m_fields[static_cast<size_t>(i + surplus)];
        }
    }
    if (m_rowFlagged)
        m_summary.flaggedLines.append(m_line);
    return l.kind == BillKind::FundFlow ? fundFlowRow() : tradeRow();
}

Status BillParser::tradeRow()
{
    const Layout &l = *m_layout;
    const auto f = [this](int col) {
        return m_mapped[static_cast<size_t>(col)];
    };
    const auto name = [this](int col) {
        return m_summary.header.value(m_layout->index[col]);
    };
    const auto amount = [&](int col, qint64 &out, int decimals) -> Status {
        const std::string_view v = f(col);
        if (v.empty()) {
            out = 0;
            return {};
        }
        if (const auto parsed = money::parseScaled(v, decimals)) {
            out = *parsed;
            return {};
        }
        return lineError(name(col), Tr::tr("“%1” is not an exact amount in yuan").arg(qs(v)));
    };
    const auto time = [&](int col, std::optional<cst::Instant> &out) -> Status {
        const std::string_view v = f(col);
        out.reset();
        if (v.empty())
            return {};
        if (const auto t = cst::parseBillTime(v)) {
            out = *t;
            return {};
        }
        return lineError(name(col),
                         Tr::tr("“%1” is not a time in the form yyyy-MM-dd HH:mm:ss").arg(qs(v)));
    };

    TradeBillRow r;
    r.line = m_line;
    r.tradeTimeText = f(cTradeTime);
    if (const auto t = cst::parseBillTime(r.tradeTimeText))
        r.tradeTime = *t;
    else
        return lineError(
            name(cTradeTime),
            Tr::tr("“%1” is not a time in the form yyyy-MM-dd HH:mm:ss").arg(qs(r.tradeTimeText)));
    r.appId = f(cAppId);
    r.mchId = f(cMchId);
    r.subMchId = f(cSubMchId);
    r.deviceInfo = f(cDevice);
    r.transactionId = f(cTransactionId);
    r.outTradeNo = f(cOutTradeNo);
    r.openId = f(cOpenId);
    r.tradeType = f(cTradeType);
    r.tradeState = f(cTradeState);
    r.bankType = f(cBankType);
    r.currency = f(cCurrency);
    r.refundId = f(cRefundId);
    r.outRefundNo = f(cOutRefundNo);
    r.refundType = f(cRefundType);
    r.refundStatus = f(cRefundStatus);
    r.goodsName = f(cGoods);
    r.attach = f(cAttach);
    r.feeRate = f(cFeeRate);
    r.feeRemark = f(cFeeRemark);
    r.fieldCountMismatch = m_rowFlagged;
    if (r.outTradeNo.empty())
        return lineError(name(cOutTradeNo), Tr::tr("the merchant order number is empty"));
    if (r.tradeState.empty())
        return lineError(name(cTradeState), Tr::tr("the trade state is empty"));
    Status s;
    if (!(s = amount(cSettlement, r.settlementFen, 2)) || !(s = amount(cCoupon, r.couponFen, 2))
        || !(s = amount(cRefund, r.refundFen, 2))
        || !(s = amount(cRechargeRefund, r.rechargeRefundFen, 2))
        || !(s = amount(cFee, r.feeMilli, 5)) || !(s = amount(cOrder, r.orderFen, 2))
        || !(s = amount(cRefundApplied, r.refundAppliedFen, 2))
        || !(s = time(cRefundApplyTime, r.refundApplyTime))
        || !(s = time(cRefundSuccessTime, r.refundSuccessTime)))
        return s;
    // Legacy layouts lack 订单金额/申请退款金额: their 总金额 and 退款金额 are the best
    // substitutes.
    if (!l.hasOrderColumn)
        r.orderFen = r.settlementFen;
    if (!l.hasRefundAppliedColumn)
        r.refundAppliedFen = r.refundFen;
    if (r.isRefund() && r.outRefundNo.empty())
        return lineError(name(cOutRefundNo), Tr::tr("a refund row has no merchant refund number"));

    TradeBillTotals &t = m_summary.computed;
    ++t.rows;
    ++(r.isRefund() ? m_summary.refundRows : m_summary.paymentRows);
    if (!add(t.settlementFen, r.settlementFen) || !add(t.refundFen, r.refundFen)
        || !add(t.rechargeRefundFen, r.rechargeRefundFen) || !add(t.feeMilli, r.feeMilli)
        || !add(t.orderFen, r.orderFen) || !add(t.refundAppliedFen, r.refundAppliedFen)
        || !add(m_feeRoundedPerRow, money::roundMilliToFen(r.feeMilli)))
        return lineError({}, Tr::tr("the column totals exceed the range of an amount"));
    if (m_onTrade)
        return m_onTrade(r);
    return {};
}

Status BillParser::fundFlowRow()
{
    const auto f = [this](int col) {
        return m_mapped[static_cast<size_t>(col)];
    };
    const auto name = [this](int col) {
        return m_summary.header.value(m_layout->index[col]);
    };
    FundFlowRow r;
    r.line = m_line;
    r.bookTimeText = f(cBookTime);
    if (const auto t = cst::parseBillTime(r.bookTimeText))
        r.bookTime = *t;
    else
        return lineError(
            name(cBookTime),
            Tr::tr("“%1” is not a time in the form yyyy-MM-dd HH:mm:ss").arg(qs(r.bookTimeText)));
    r.businessOrderNo = f(cBizOrderNo);
    r.flowNo = f(cFlowNo);
    r.businessName = f(cBizName);
    r.businessType = f(cBizType);
    r.applicant = f(cApplicant);
    r.remark = f(cRemark);
    r.voucherNo = f(cVoucher);
    r.fieldCountMismatch = m_rowFlagged;
    const std::string_view direction = f(cDirection);
    if (direction == "收入")
        r.income = true;
    else if (direction != "支出")
        return lineError(name(cDirection),
                         Tr::tr("“%1” is neither 收入 nor 支出").arg(qs(direction)));
    for (const auto &[col, out] :
         {std::pair{cAmount, &r.amountFen}, std::pair{cBalance, &r.balanceFen}}) {
        const std::string_view v = f(col);
        if (v.empty() && col == cBalance)
            continue;
        const auto parsed = money::parseScaled(v, 2);
        if (!parsed)
            return lineError(name(col), Tr::tr("“%1” is not an exact amount in yuan").arg(qs(v)));
        *out = *parsed;
    }
    FundFlowTotals &t = m_summary.fundComputed;
    ++t.rows;
    ++(r.income ? t.incomeRows : t.expenseRows);
    if (!add(r.income ? t.incomeFen : t.expenseFen, r.amountFen))
        return lineError({}, Tr::tr("the column totals exceed the range of an amount"));
    if (m_onFund)
        return m_onFund(r);
    return {};
}

Status BillParser::summaryHeaderLine(std::string_view text)
{
    Layout &l = *m_layout;
    const auto fields = splitPlain(text);
    QStringList names;
    bool legacy = false;
    for (size_t i = 0; i < fields.size(); ++i) {
        const QString name = normalisedName(fields[i]);
        names.append(name);
        const int col = lookup(kSummaryNames, name, legacy);
        if (col < 0)
            continue;
        if (l.summaryIndex[col] >= 0)
            return lineError(name, Tr::tr("the summary header names this column twice"));
        l.summaryIndex[col] = static_cast<int>(i);
    }
    const bool fund = l.kind == BillKind::FundFlow;
    if ((fund && l.summaryIndex[fRows] < 0) || (!fund && l.summaryIndex[sRows] < 0))
        return lineError({}, Tr::tr("expected a detail row or the summary header, found “%1”")
                                 .arg(names.join(u',')));
    l.summaryFieldCount = static_cast<int>(fields.size());
    m_summary.summaryHeader = names;
    m_summary.legacyLayout = m_summary.legacyLayout || legacy;
    m_stage = Stage::SummaryValues;
    return {};
}

Status BillParser::summaryValueLine(std::string_view text)
{
    const Layout &l = *m_layout;
    if (text.front() != '`')
        return lineError({}, Tr::tr("the summary line does not start with a backtick"));
    (void)splitDetail(text);
    if (static_cast<int>(m_fields.size()) != l.summaryFieldCount)
        return lineError({}, Tr::tr("the summary line has %1 fields but its header has %2")
                                 .arg(m_fields.size())
                                 .arg(l.summaryFieldCount));
    // Columns the layout lacks are taken as computed so that check() compares only what the
    // file states.
    m_summary.printed = m_summary.computed;
    m_summary.fundPrinted = m_summary.fundComputed;
    for (int col = 0; col < sColumnCount; ++col) {
        const int i = l.summaryIndex[col];
        if (i < 0)
            continue;
        const std::string_view v = m_fields[static_cast<size_t>(i)];
        const bool isCount
            = col == sRows || col == fRows || col == fIncomeRows || col == fExpenseRows;
        // Counts are printed like "45.0"; the fee total may carry up to five decimals.
        const auto parsed = money::parseScaled(v, isCount ? 0 : (col == sFee ? 5 : 2));
        if (!parsed)
            return lineError(m_summary.summaryHeader.value(i),
                             isCount ? Tr::tr("“%1” is not a count").arg(qs(v))
                                     : Tr::tr("“%1” is not an exact amount in yuan").arg(qs(v)));
        TradeBillTotals &t = m_summary.printed;
        FundFlowTotals &ft = m_summary.fundPrinted;
        switch (col) {
        case sRows:
            t.rows = *parsed;
            break;
        case sSettlement:
            t.settlementFen = *parsed;
            break;
        case sRefund:
            t.refundFen = *parsed;
            break;
        case sRechargeRefund:
            t.rechargeRefundFen = *parsed;
            break;
        case sFee:
            t.feeMilli = *parsed;
            break;
        case sOrder:
            t.orderFen = *parsed;
            break;
        case sRefundApplied:
            t.refundAppliedFen = *parsed;
            break;
        case fRows:
            ft.rows = *parsed;
            break;
        case fIncomeRows:
            ft.incomeRows = *parsed;
            break;
        case fIncome:
            ft.incomeFen = *parsed;
            break;
        case fExpenseRows:
            ft.expenseRows = *parsed;
            break;
        case fExpense:
            ft.expenseFen = *parsed;
            break;
        default:
            break;
        }
    }
    m_stage = Stage::Done;
    return {};
}

Status BillParser::check() const
{
    const auto mismatchCount = [](const QString &column, qint64 printed, qint64 computed) {
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("the summary says “%1” is %2 but the file has %3 detail rows; "
                                "the file may be truncated")
                             .arg(column)
                             .arg(printed)
                             .arg(computed));
    };
    const auto mismatchAmount = [](const QString &column, Fen printed, Fen computed) {
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("the summary says “%1” is %2 yuan but the rows add up to %3 yuan")
                             .arg(column, yuan(printed), yuan(computed)));
    };
    const auto summaryName = [this](int col) {
        return m_summary.summaryHeader.value(m_layout->summaryIndex[col]);
    };
    if (m_layout->kind == BillKind::FundFlow) {
        const FundFlowTotals &p = m_summary.fundPrinted;
        const FundFlowTotals &c = m_summary.fundComputed;
        if (p.rows != c.rows)
            return mismatchCount(summaryName(fRows), p.rows, c.rows);
        if (p.incomeRows != c.incomeRows)
            return mismatchCount(summaryName(fIncomeRows), p.incomeRows, c.incomeRows);
        if (p.expenseRows != c.expenseRows)
            return mismatchCount(summaryName(fExpenseRows), p.expenseRows, c.expenseRows);
        if (p.incomeFen != c.incomeFen)
            return mismatchAmount(summaryName(fIncome), p.incomeFen, c.incomeFen);
        if (p.expenseFen != c.expenseFen)
            return mismatchAmount(summaryName(fExpense), p.expenseFen, c.expenseFen);
        return {};
    }
    const TradeBillTotals &p = m_summary.printed;
    const TradeBillTotals &c = m_summary.computed;
    if (p.rows != c.rows)
        return mismatchCount(summaryName(sRows), p.rows, c.rows);
    const std::pair<int, std::pair<Fen, Fen>> amounts[] = {
        {sSettlement, {p.settlementFen, c.settlementFen}},
        {sRefund, {p.refundFen, c.refundFen}},
        {sRechargeRefund, {p.rechargeRefundFen, c.rechargeRefundFen}},
        {sOrder, {p.orderFen, c.orderFen}},
        {sRefundApplied, {p.refundAppliedFen, c.refundAppliedFen}},
    };
    for (const auto &[col, values] : amounts) {
        if (values.first != values.second)
            return mismatchAmount(summaryName(col), values.first, values.second);
    }
    // How WeChat rounds 手续费总金额 from five-decimal row fees is undocumented (spec §9.5): accept
    // the printed total when it is within one fen of either the rounded exact sum or the sum
    // of per-row rounded fees.
    if (m_layout->summaryIndex[sFee] >= 0) {
        const qint64 printedMilli = p.feeMilli;
        const qint64 exact = money::roundMilliToFen(c.feeMilli) * 1000;
        const qint64 perRow = m_feeRoundedPerRow * 1000;
        if (std::llabs(printedMilli - exact) > 1000 && std::llabs(printedMilli - perRow) > 1000)
            return makeError(ErrorCode::InvalidInput,
                             Tr::tr("the summary says “%1” is %2 yuan but the row fees add up to "
                                    "%3 yuan")
                                 .arg(summaryName(sFee), money::formatYuanMilli(printedMilli),
                                      money::formatYuanMilli(c.feeMilli)));
    }
    return {};
}

Result<BillSummary> BillParser::finish()
{
    if (m_error)
        return *m_error;
    if (!m_carry.isEmpty()) {
        const QByteArray last = std::move(m_carry);
        m_carry.clear();
        if (Status s = line(std::string_view(last.constData(), last.size())); !s)
            return s.error();
    }
    switch (m_stage) {
    case Stage::Header:
        return fail(makeError(ErrorCode::InvalidInput, Tr::tr("the file is empty")));
    case Stage::Details:
    case Stage::SummaryValues:
        return fail(makeError(ErrorCode::InvalidInput,
                              Tr::tr("the bill ends without its summary lines; the file is "
                                     "truncated")));
    case Stage::Done:
        break;
    }
    if (Status s = check(); !s)
        return fail(s.error());
    return m_summary;
}

} // namespace wxr::core
