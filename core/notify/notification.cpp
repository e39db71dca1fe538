// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/notification.h"

#include "common/coretr.h"
#include "common/cstime.h"
#include "crypto/aead.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>

namespace wxr::core::notification {

namespace {

constexpr qsizetype kMaxIdLength = 64;
constexpr qsizetype kMaxKeyLength = 64; // out_trade_no ≤ 32, out_refund_no ≤ 64 (spec §5.1)
constexpr double kMaxExactInteger = 9007199254740992.0;

Error malformed(const QString &reason)
{
    return makeError(ErrorCode::InvalidInput, reason);
}

Result<QJsonObject> parseObject(QByteArrayView json, const QString &what)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &err);
    if (err.error != QJsonParseError::NoError)
        return malformed(Tr::tr("The %1 is not valid JSON: %2.").arg(what, err.errorString()));
    if (!doc.isObject())
        return malformed(Tr::tr("The %1 is not a JSON object.").arg(what));
    return doc.object();
}

// A string member; absent or null gives an empty string, another type is an error.
Result<QString> text(const QJsonObject &o, const char *key, const QString &what)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString()) {
        return malformed(
            Tr::tr("Field “%1” of the %2 is not a string.").arg(QString::fromLatin1(key), what));
    }
    return v.toString();
}

Result<QString> requiredText(const QJsonObject &o, const char *key, const QString &what,
                             qsizetype maxLength)
{
    auto s = text(o, key, what);
    if (!s)
        return s;
    if (s->isEmpty()) {
        return malformed(Tr::tr("Field “%1” of the %2 is missing or empty.")
                             .arg(QString::fromLatin1(key), what));
    }
    if (s->size() > maxLength) {
        return malformed(Tr::tr("Field “%1” of the %2 is longer than %3 characters.")
                             .arg(QString::fromLatin1(key), what)
                             .arg(maxLength));
    }
    return s;
}

Result<std::optional<qint64>> amount(const QJsonObject &amountObject, const char *key,
                                     const QString &what)
{
    const QJsonValue v = amountObject.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return std::optional<qint64>();
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 0 || d > kMaxExactInteger || std::floor(d) != d) {
        return malformed(Tr::tr("Field “amount.%1” of the %2 is not a whole number of fen.")
                             .arg(QString::fromLatin1(key), what));
    }
    return std::optional<qint64>(static_cast<qint64>(d));
}

Result<QJsonObject> amountObject(const QJsonObject &o, const QString &what)
{
    const QJsonValue v = o.value(QLatin1String("amount"));
    if (v.isUndefined() || v.isNull())
        return QJsonObject();
    if (!v.isObject())
        return malformed(Tr::tr("Field “amount” of the %1 is not an object.").arg(what));
    return v.toObject();
}

Status successTime(const QString &textValue, std::optional<qint64> &out, const QString &what)
{
    if (textValue.isEmpty())
        return {};
    const QByteArray latin = textValue.toLatin1();
    const auto t = cst::parseRfc3339(std::string_view(latin.constData(), latin.size()));
    if (!t) {
        return malformed(Tr::tr("Field “success_time” of the %1 is not an RFC 3339 time: “%2”.")
                             .arg(what, textValue));
    }
    out = *t;
    return {};
}

} // namespace

EventKind eventKindOf(QStringView eventType)
{
    if (eventType == u"TRANSACTION.SUCCESS")
        return EventKind::Transaction;
    if (eventType == u"REFUND.SUCCESS" || eventType == u"REFUND.ABNORMAL"
        || eventType == u"REFUND.CLOSED")
        return EventKind::Refund;
    return EventKind::Other;
}

Result<Envelope> parseEnvelope(QByteArrayView body)
{
    const QString what = Tr::tr("callback body");
    auto object = parseObject(body, what);
    if (!object)
        return object.error();
    const QJsonObject &o = *object;

    Envelope e;
    auto id = requiredText(o, "id", what, kMaxIdLength);
    if (!id)
        return id.error();
    e.id = *id;
    auto eventType = requiredText(o, "event_type", what, kMaxIdLength);
    if (!eventType)
        return eventType.error();
    e.eventType = *eventType;
    struct Optional
    {
        const char *key;
        QString *target;
    };
    for (const Optional &f :
         {Optional{"create_time", &e.createTime}, Optional{"resource_type", &e.resourceType},
          Optional{"summary", &e.summary}}) {
        auto s = text(o, f.key, what);
        if (!s)
            return s.error();
        *f.target = *s;
    }

    const QJsonValue resourceValue = o.value(QLatin1String("resource"));
    if (!resourceValue.isObject())
        return malformed(Tr::tr("The callback body has no “resource” object."));
    const QJsonObject resource = resourceValue.toObject();
    const QString rwhat = Tr::tr("callback resource");
    // Type checks first: EncryptedResource reads every field as text and would turn a number
    // into an empty string.
    for (const char *key :
         {"algorithm", "ciphertext", "nonce", "associated_data", "original_type"}) {
        if (auto s = text(resource, key, rwhat); !s)
            return s.error();
    }
    auto algorithm = requiredText(resource, "algorithm", rwhat, kMaxIdLength);
    if (!algorithm)
        return algorithm.error();
    if (*algorithm != u"AEAD_AES_256_GCM") {
        return malformed(
            Tr::tr("The callback resource uses algorithm “%1”; only AEAD_AES_256_GCM is supported.")
                .arg(*algorithm));
    }
    if (auto nonce = requiredText(resource, "nonce", rwhat, kMaxIdLength); !nonce)
        return nonce.error();
    auto parsed = EncryptedResource::fromJson(resource, rwhat);
    if (!parsed)
        return parsed.error();
    e.resource = std::move(*parsed);
    return e;
}

Result<QByteArray> decryptResource(const Envelope &envelope, QByteArrayView apiv3Key)
{
    const auto decoded = QByteArray::fromBase64Encoding(envelope.resource.ciphertext,
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return malformed(
            Tr::tr("The ciphertext of callback %1 is not valid Base64.").arg(envelope.id));
    }
    if (decoded.decoded.size() <= aead::kTagLength) {
        return malformed(
            Tr::tr("The ciphertext of callback %1 is shorter than its tag.").arg(envelope.id));
    }
    auto plain = envelope.resource.decrypt(apiv3Key.toByteArray());
    if (!plain && plain.error().code == ErrorCode::Verification) {
        return makeError(ErrorCode::Verification,
                         Tr::tr("Callback %1 could not be decrypted: the APIv3 key is wrong or "
                                "was changed in the merchant platform.")
                             .arg(envelope.id));
    }
    return plain;
}

Result<TransactionNotice> parseTransaction(QByteArrayView json)
{
    const QString what = Tr::tr("payment notice");
    auto object = parseObject(json, what);
    if (!object)
        return object.error();
    const QJsonObject &o = *object;
    TransactionNotice n;
    auto mchid = requiredText(o, "mchid", what, kMaxKeyLength);
    if (!mchid)
        return mchid.error();
    n.mchid = *mchid;
    auto outTradeNo = requiredText(o, "out_trade_no", what, kMaxKeyLength);
    if (!outTradeNo)
        return outTradeNo.error();
    n.outTradeNo = *outTradeNo;
    auto state = requiredText(o, "trade_state", what, kMaxKeyLength);
    if (!state)
        return state.error();
    n.tradeState = *state;
    for (auto [key, target] :
         {std::pair{"appid", &n.appid}, std::pair{"transaction_id", &n.transactionId},
          std::pair{"success_time", &n.successTimeText}}) {
        auto s = text(o, key, what);
        if (!s)
            return s.error();
        *target = *s;
    }
    if (auto st = successTime(n.successTimeText, n.successTime, what); !st)
        return st.error();
    auto amounts = amountObject(o, what);
    if (!amounts)
        return amounts.error();
    auto total = amount(*amounts, "total", what);
    if (!total)
        return total.error();
    n.amountTotal = *total;
    auto payer = amount(*amounts, "payer_total", what);
    if (!payer)
        return payer.error();
    n.payerTotal = *payer;
    return n;
}

Result<RefundNotice> parseRefund(QByteArrayView json, QStringView eventType)
{
    const QString what = Tr::tr("refund notice");
    auto object = parseObject(json, what);
    if (!object)
        return object.error();
    const QJsonObject &o = *object;
    RefundNotice n;
    auto outTradeNo = requiredText(o, "out_trade_no", what, kMaxKeyLength);
    if (!outTradeNo)
        return outTradeNo.error();
    n.outTradeNo = *outTradeNo;
    auto outRefundNo = requiredText(o, "out_refund_no", what, kMaxKeyLength);
    if (!outRefundNo)
        return outRefundNo.error();
    n.outRefundNo = *outRefundNo;
    QString status;
    for (auto [key, target] :
         {std::pair{"mchid", &n.mchid}, std::pair{"transaction_id", &n.transactionId},
          std::pair{"refund_id", &n.refundId}, std::pair{"refund_status", &n.refundStatus},
          std::pair{"status", &status}, std::pair{"success_time", &n.successTimeText}}) {
        auto s = text(o, key, what);
        if (!s)
            return s.error();
        *target = *s;
    }
    if (n.refundStatus.isEmpty())
        n.refundStatus = status;
    if (n.refundStatus.isEmpty() && eventType.startsWith(u"REFUND."))
        n.refundStatus = eventType.mid(7).toString();
    if (n.refundStatus.isEmpty())
        return malformed(Tr::tr("The refund notice has no refund_status."));
    if (auto st = successTime(n.successTimeText, n.successTime, what); !st)
        return st.error();
    auto amounts = amountObject(o, what);
    if (!amounts)
        return amounts.error();
    auto total = amount(*amounts, "total", what);
    if (!total)
        return total.error();
    n.amountTotal = *total;
    auto refund = amount(*amounts, "refund", what);
    if (!refund)
        return refund.error();
    n.amountRefund = *refund;
    return n;
}

} // namespace wxr::core::notification
