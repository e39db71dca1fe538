// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the wechatpay tests: keys and certificates made in code, and responses
// signed the way WeChat Pay signs them.

#include "crypto/certificate.h"
#include "crypto/privatekey.h"
#include "wechatpay/httpheaders.h"
#include "wechatpay/keystore.h"
#include "wechatpay/signing.h"

#include <QFile>
#include <QTest>

namespace wxr::core::test {

inline QByteArray readTestData(const QString &relative)
{
    QFile f(QStringLiteral(WXR_TEST_DATA_DIR "/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(relative));
    return f.readAll();
}

/// The checked-in 2048-bit test key (tests/data/crypto/rsa2048_pkcs8.pem).
inline PrivateKey fixedKey()
{
    return *PrivateKey::fromPem(readTestData(QStringLiteral("crypto/rsa2048_pkcs8.pem")),
                                QStringLiteral("test key"));
}

inline PlatformCertificate makePlatformCert(const PrivateKey &key, const QString &serial,
                                            qint64 effective, qint64 expire)
{
    const auto cert = Certificate::makeSelfSigned(key, serial.toLatin1(), effective, expire,
                                                  QStringLiteral("Tenpay.com Root CA"));
    if (!cert)
        qFatal("cannot make certificate: %s", qPrintable(cert.error().message));
    return PlatformCertificate{serial, *cert, effective, expire};
}

/// Headers of a response signed like WeChat Pay does: TS\nNONCE\nBODY\n with `key`.
inline HttpHeaders signedHeaders(const PrivateKey &key, const QByteArray &serial, qint64 timestamp,
                                 const QByteArray &nonce, QByteArrayView body)
{
    const auto sig
        = key.signSha256(signing::responseMessage(QByteArray::number(timestamp), nonce, body));
    if (!sig)
        qFatal("cannot sign");
    HttpHeaders h;
    h.add("Wechatpay-Timestamp", QByteArray::number(timestamp));
    h.add("Wechatpay-Nonce", nonce);
    h.add("Wechatpay-Signature", sig->toBase64());
    h.add("Wechatpay-Serial", serial);
    h.add("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
    h.add("Request-ID", "08F0B0E3A406100118B5D2D0F50620A0D80428D6AB01-0");
    return h;
}

} // namespace wxr::core::test
