// SPDX-License-Identifier: GPL-3.0-or-later
#include "wechatpay/wechatrefund.h"

#include "common/coretr.h"
#include "wechatpay/jsonfields.h"

namespace wxr::core {

namespace {

struct StatusName
{
    RefundStatus status;
    const char16_t *name;
};
constexpr StatusName kStatuses[] = {
    {RefundStatus::Success, u"SUCCESS"},
    {RefundStatus::Closed, u"CLOSED"},
    {RefundStatus::Processing, u"PROCESSING"},
    {RefundStatus::Abnormal, u"ABNORMAL"},
};

} // namespace

RefundStatus parseRefundStatus(QStringView text)
{
    for (const StatusName &s : kStatuses) {
        if (text == QStringView(s.name))
            return s.status;
    }
    return RefundStatus::Unknown;
}

QString refundStatusName(RefundStatus status)
{
    for (const StatusName &s : kStatuses) {
        if (s.status == status)
            return QString::fromUtf16(s.name);
    }
    return QStringLiteral("UNKNOWN");
}

Result<WechatRefund> WechatRefund::fromJson(const QJsonObject &o)
{
    json::Reader r(o, Tr::tr("refund"));
    WechatRefund f;
    f.outRefundNo = r.requiredString("out_refund_no");
    // The query API says `status`, callbacks say `refund_status`.
    f.statusText = r.string("status");
    if (f.statusText.isEmpty())
        f.statusText = r.string("refund_status");
    f.status = parseRefundStatus(f.statusText);
    f.mchid = r.string("mchid");
    f.refundId = r.string("refund_id");
    f.transactionId = r.string("transaction_id");
    f.outTradeNo = r.string("out_trade_no");
    f.channel = r.string("channel");
    f.userReceivedAccount = r.string("user_received_account");
    f.successTime = r.time("success_time", &f.successTimeText);
    f.createTime = r.time("create_time", &f.createTimeText);
    f.fundsAccount = r.string("funds_account");
    json::Reader amount(o.value(QStringLiteral("amount")).toObject(), r.what());
    f.amountTotal = amount.fen("total");
    f.amountRefund = amount.fen("refund");
    f.payerTotal = amount.fen("payer_total");
    f.payerRefund = amount.fen("payer_refund");
    f.settlementRefund = amount.fen("settlement_refund");
    f.discountRefund = amount.fen("discount_refund");
    f.currency = amount.string("currency");
    for (const json::Reader *reader : {&r, &amount}) {
        if (const auto e = reader->firstError())
            return *e;
    }
    if (f.statusText.isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("The refund lacks the field “status”."));
    return f;
}

} // namespace wxr::core
