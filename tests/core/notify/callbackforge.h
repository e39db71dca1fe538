// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Callbacks made the way WeChat Pay makes them (spec §2, §4): the payload encrypted with
// AEAD_AES_256_GCM under the APIv3 key, the body signed as TS\nNONCE\nBODY\n with the platform
// key. Shared by the notify tests and the kill -9 test.

#include "common/cstime.h"
#include "core/wechatpay/wechatpaytestutil.h"
#include "crypto/aead.h"
#include "crypto/random.h"
#include "notify/callbackdecoder.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace wxr::core::test {

struct CallbackForge
{
    PrivateKey platformKey = fixedKey();
    QByteArray serial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    QByteArray apiV3Key = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
    QByteArray mchid = "1900000001";

    /// A key store that trusts `platformKey` under `serial` from 2020 to 2040.
    std::shared_ptr<KeyStore> keyStore() const
    {
        auto keys = std::make_shared<KeyStore>();
        keys->addCertificate(
            makePlatformCert(platformKey, QString::fromLatin1(serial), 1577836800, 2208988800));
        return keys;
    }

    QByteArray payment(const QByteArray &outTradeNo, qint64 amountFen, qint64 successTime,
                       const QByteArray &state = "SUCCESS", const QByteArray &otherMchid = {}) const
    {
        QJsonObject amount{{QStringLiteral("total"), double(amountFen)},
                           {QStringLiteral("payer_total"), double(amountFen)},
                           {QStringLiteral("currency"), QStringLiteral("CNY")},
                           {QStringLiteral("payer_currency"), QStringLiteral("CNY")}};
        QJsonObject o{
            {QStringLiteral("appid"), QStringLiteral("wx0000000000000001")},
            {QStringLiteral("mchid"),
             QString::fromLatin1(otherMchid.isEmpty() ? mchid : otherMchid)},
            {QStringLiteral("out_trade_no"), QString::fromLatin1(outTradeNo)},
            {QStringLiteral("transaction_id"), QString(QStringLiteral("42000000002026112600")
                                                       + QString::fromLatin1(outTradeNo.right(8)))},
            {QStringLiteral("trade_type"), QStringLiteral("JSAPI")},
            {QStringLiteral("trade_state"), QString::fromLatin1(state)},
            {QStringLiteral("trade_state_desc"), QStringLiteral("支付成功")},
            {QStringLiteral("bank_type"), QStringLiteral("OTHERS")},
            {QStringLiteral("attach"), QString()},
            {QStringLiteral("success_time"), wxr::cst::formatRfc3339(successTime)},
            {QStringLiteral("payer"),
             QJsonObject{
                 {QStringLiteral("openid"), QStringLiteral("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")}}},
            {QStringLiteral("amount"), amount}};
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

    QByteArray refund(const QByteArray &outRefundNo, const QByteArray &outTradeNo,
                      const QByteArray &status, qint64 refundFen, qint64 totalFen,
                      std::optional<qint64> successTime) const
    {
        QJsonObject o{
            {QStringLiteral("mchid"), QString::fromLatin1(mchid)},
            {QStringLiteral("out_trade_no"), QString::fromLatin1(outTradeNo)},
            {QStringLiteral("transaction_id"), QStringLiteral("4200000000202611260000000001")},
            {QStringLiteral("out_refund_no"), QString::fromLatin1(outRefundNo)},
            {QStringLiteral("refund_id"), QStringLiteral("50300000002026112600000000001")},
            {QStringLiteral("refund_status"), QString::fromLatin1(status)},
            {QStringLiteral("user_received_account"), QStringLiteral("支付用户零钱")},
            {QStringLiteral("amount"),
             QJsonObject{{QStringLiteral("total"), double(totalFen)},
                         {QStringLiteral("refund"), double(refundFen)},
                         {QStringLiteral("payer_total"), double(totalFen)},
                         {QStringLiteral("payer_refund"), double(refundFen)}}}};
        if (successTime)
            o.insert(QStringLiteral("success_time"), wxr::cst::formatRfc3339(*successTime));
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

    QByteArray envelope(const QByteArray &id, const QByteArray &eventType,
                        const QByteArray &payload, const QByteArray &key = {}) const
    {
        const QByteArray nonce = random::nonceString(12);
        const QByteArray ad = eventType.startsWith("REFUND") ? "refund" : "transaction";
        const auto sealed
            = aead::encryptAes256Gcm(key.isEmpty() ? apiV3Key : key, nonce, ad, payload);
        if (!sealed)
            qFatal("encrypt failed");
        QJsonObject resource{
            {QStringLiteral("original_type"), QString::fromLatin1(ad)},
            {QStringLiteral("algorithm"), QStringLiteral("AEAD_AES_256_GCM")},
            {QStringLiteral("ciphertext"), QString::fromLatin1(sealed->toBase64())},
            {QStringLiteral("associated_data"), QString::fromLatin1(ad)},
            {QStringLiteral("nonce"), QString::fromLatin1(nonce)}};
        QJsonObject o{{QStringLiteral("id"), QString::fromLatin1(id)},
                      {QStringLiteral("create_time"), wxr::cst::formatRfc3339(wxr::cst::now())},
                      {QStringLiteral("resource_type"), QStringLiteral("encrypt-resource")},
                      {QStringLiteral("event_type"), QString::fromLatin1(eventType)},
                      {QStringLiteral("summary"), QStringLiteral("支付成功")},
                      {QStringLiteral("resource"), resource}};
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

    /// The headers of a POST carrying `body`, signed at `timestamp` (Unix seconds).
    HttpHeaders headers(const QByteArray &body, qint64 timestamp) const
    {
        HttpHeaders h
            = signedHeaders(platformKey, serial, timestamp, random::nonceString(32), body);
        h.add("Content-Type", "application/json");
        return h;
    }

    InboundRequest request(const QByteArray &body, qint64 timestamp, qint64 receivedAtMs = 0) const
    {
        InboundRequest r;
        r.receivedAtMs = receivedAtMs ? receivedAtMs : timestamp * 1000;
        r.method = "POST";
        r.headers = headers(body, timestamp);
        r.body = body;
        return r;
    }
};

} // namespace wxr::core::test
