// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "common/tradestate.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace wxr::core {

/// The TradeState of a trade_state word; Unknown for any other word.
TradeState parseTradeState(QStringView text);
/// "SUCCESS", "NOTPAY", …; "UNKNOWN" for Unknown.
QString tradeStateName(TradeState state);
/// SUCCESS, REFUND, CLOSED, REVOKED, PAYERROR: the order will not change by waiting (it may
/// still gain refunds). NOTPAY, USERPAYING, ACCEPT and Unknown keep being polled.
bool isTerminal(TradeState state);

/// A payment as WeChat Pay describes it: the body of the order queries (spec §5.2) and the
/// decrypted `transaction` resource of TRANSACTION.SUCCESS callbacks (§4.4), which share one
/// shape. Amounts are fen; times are Unix seconds with the original RFC 3339 text kept.
/// `payerOpenid` is personal data: keep it out of logs and exports.
struct WechatTransaction
{
    QString appid;
    QString mchid;
    QString outTradeNo;
    QString transactionId; ///< empty until paid
    QString tradeType;     ///< JSAPI, NATIVE, APP, MICROPAY, MWEB, FACEPAY, … (open list)
    TradeState tradeState = TradeState::Unknown;
    QString tradeStateText; ///< as sent, also for Unknown
    QString tradeStateDesc;
    QString bankType;
    QString attach;
    std::optional<qint64> successTime;
    QString successTimeText;
    QString payerOpenid;
    std::optional<qint64> amountTotal; ///< amount.total, fen
    std::optional<qint64> payerTotal;  ///< amount.payer_total, fen
    QString currency;
    QString payerCurrency;
    QByteArray requestId; ///< of the query response; empty for callbacks

    /// Reads the JSON object. Requires out_trade_no and trade_state (strings); every other
    /// field is optional (spec: only mchid, out_trade_no, trade_state, trade_state_desc are
    /// promised, and we tolerate even those being absent except the two we key on).
    /// InvalidInput when a required field is missing, an amount is not an integer, or
    /// success_time is not RFC 3339.
    static Result<WechatTransaction> fromJson(const QJsonObject &object);
};

} // namespace wxr::core
