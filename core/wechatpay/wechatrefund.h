// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace wxr::core {

/// A refund's state (spec §5.4, §4.4). Unknown for any value not listed.
enum class RefundStatus { Success, Closed, Processing, Abnormal, Unknown };

RefundStatus parseRefundStatus(QStringView text);
QString refundStatusName(RefundStatus status); ///< "SUCCESS", …, "UNKNOWN"

/// A refund as WeChat Pay describes it: the refund query body (§5.4, key `status`) and the
/// decrypted `refund` resource of REFUND.* callbacks (§4.4, key `refund_status`) — both keys
/// are read. Amounts are fen; times Unix seconds plus the original text.
struct WechatRefund
{
    QString mchid; ///< callbacks only
    QString refundId;
    QString outRefundNo;
    QString transactionId;
    QString outTradeNo;
    QString channel; ///< ORIGINAL, BALANCE, OTHER_BALANCE, OTHER_BANKCARD
    QString userReceivedAccount;
    RefundStatus status = RefundStatus::Unknown;
    QString statusText;
    std::optional<qint64> successTime;
    QString successTimeText;
    std::optional<qint64> createTime;
    QString createTimeText;
    QString fundsAccount;
    std::optional<qint64> amountTotal;  ///< amount.total: the order amount, fen
    std::optional<qint64> amountRefund; ///< amount.refund: this refund, fen
    std::optional<qint64> payerTotal;
    std::optional<qint64> payerRefund;
    std::optional<qint64> settlementRefund;
    std::optional<qint64> discountRefund;
    QString currency;
    QByteArray requestId; ///< of the query response; empty for callbacks

    /// Requires out_refund_no and a status (`status` or `refund_status`); everything else is
    /// optional. InvalidInput for a missing required field, a non-integer amount or a bad time.
    static Result<WechatRefund> fromJson(const QJsonObject &object);
};

} // namespace wxr::core
