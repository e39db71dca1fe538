// SPDX-License-Identifier: GPL-3.0-or-later
#include "wechatpay/wechattransaction.h"

#include "common/coretr.h"
#include "common/cstime.h"
#include "wechatpay/jsonfields.h"

namespace wxr::core {

namespace {

struct StateName
{
    TradeState state;
    const char16_t *name;
};
constexpr StateName kStates[] = {
    {TradeState::Success, u"SUCCESS"},   {TradeState::Refund, u"REFUND"},
    {TradeState::NotPay, u"NOTPAY"},     {TradeState::Closed, u"CLOSED"},
    {TradeState::Revoked, u"REVOKED"},   {TradeState::UserPaying, u"USERPAYING"},
    {TradeState::PayError, u"PAYERROR"}, {TradeState::Accept, u"ACCEPT"},
};

} // namespace

TradeState parseTradeState(QStringView text)
{
    for (const StateName &s : kStates) {
        if (text == QStringView(s.name))
            return s.state;
    }
    return TradeState::Unknown;
}

QString tradeStateName(TradeState state)
{
    for (const StateName &s : kStates) {
        if (s.state == state)
            return QString::fromUtf16(s.name);
    }
    return QStringLiteral("UNKNOWN");
}

bool isTerminal(TradeState state)
{
    switch (state) {
    case TradeState::Success:
    case TradeState::Refund:
    case TradeState::Closed:
    case TradeState::Revoked:
    case TradeState::PayError:
        return true;
    case TradeState::NotPay:
    case TradeState::UserPaying:
    case TradeState::Accept:
    case TradeState::Unknown:
        return false;
    }
    return false;
}

Result<WechatTransaction> WechatTransaction::fromJson(const QJsonObject &o)
{
    json::Reader r(o, Tr::tr("order"));
    WechatTransaction t;
    t.outTradeNo = r.requiredString("out_trade_no");
    t.tradeStateText = r.requiredString("trade_state");
    t.tradeState = parseTradeState(t.tradeStateText);
    t.appid = r.string("appid");
    t.mchid = r.string("mchid");
    t.transactionId = r.string("transaction_id");
    t.tradeType = r.string("trade_type");
    t.tradeStateDesc = r.string("trade_state_desc");
    t.bankType = r.string("bank_type");
    t.attach = r.string("attach");
    t.successTime = r.time("success_time", &t.successTimeText);
    json::Reader payer(o.value(QStringLiteral("payer")).toObject(), r.what());
    t.payerOpenid = payer.string("openid");
    json::Reader amount(o.value(QStringLiteral("amount")).toObject(), r.what());
    t.amountTotal = amount.fen("total");
    t.payerTotal = amount.fen("payer_total");
    t.currency = amount.string("currency");
    t.payerCurrency = amount.string("payer_currency");
    for (const json::Reader *reader : {&r, &payer, &amount}) {
        if (const auto e = reader->firstError())
            return *e;
    }
    return t;
}

} // namespace wxr::core
