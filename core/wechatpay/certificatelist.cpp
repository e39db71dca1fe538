// SPDX-License-Identifier: GPL-3.0-or-later
#include "wechatpay/certificatelist.h"

#include "common/coretr.h"
#include "common/cstime.h"
#include "wechatpay/encryptedresource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wxr::core {

namespace {

// The documentation sample has "effective_time " with a trailing blank; accept such keys.
QJsonObject trimmedKeys(const QJsonObject &o)
{
    QJsonObject out;
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key().trimmed(), it.value());
    return out;
}

} // namespace

Result<QList<PlatformCertificate>> parseCertificateList(const QByteArray &body,
                                                        const QByteArray &apiV3Key)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (!doc.isObject() || !doc.object().value(QStringLiteral("data")).isArray())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The certificate list from WeChat Pay is not the expected JSON."),
                         pe.errorString());
    QList<PlatformCertificate> out;
    const QJsonArray data = doc.object().value(QStringLiteral("data")).toArray();
    for (const QJsonValue &v : data) {
        const QJsonObject o = trimmedKeys(v.toObject());
        PlatformCertificate c;
        c.serialNo = o.value(QStringLiteral("serial_no")).toString().trimmed().toUpper();
        const auto eff = cst::parseRfc3339(o.value(QStringLiteral("effective_time")).toString());
        const auto exp = cst::parseRfc3339(o.value(QStringLiteral("expire_time")).toString());
        if (c.serialNo.isEmpty() || !eff || !exp)
            return makeError(ErrorCode::InvalidInput,
                             Tr::tr("A certificate entry from WeChat Pay lacks its serial number "
                                    "or validity times."));
        c.effectiveTime = *eff;
        c.expireTime = *exp;
        const QString what = Tr::tr("certificate %1").arg(c.serialNo);
        const auto resource = EncryptedResource::fromJson(
            trimmedKeys(o.value(QStringLiteral("encrypt_certificate")).toObject()), what);
        if (!resource)
            return resource.error();
        const auto pem = resource->decrypt(apiV3Key);
        if (!pem)
            return pem.error().prefixed(what);
        const auto cert = Certificate::fromPem(*pem, what);
        if (!cert)
            return cert.error();
        // Keyed by the server's serial text (spec §3.3); a different serial inside the
        // certificate would mean a mix-up we must not paper over.
        if (!KeyStore::sameSerial(cert->serialHex(), c.serialNo))
            return makeError(ErrorCode::Verification,
                             Tr::tr("The certificate listed as %1 carries serial %2.")
                                 .arg(c.serialNo, cert->serialHex()));
        c.certificate = *cert;
        out.append(c);
    }
    return out;
}

} // namespace wxr::core
