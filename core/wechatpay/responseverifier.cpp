// SPDX-License-Identifier: GPL-3.0-or-later
#include "wechatpay/responseverifier.h"

#include "common/coretr.h"
#include "common/cstime.h"
#include "wechatpay/signing.h"

#include <QStringList>

namespace wxr::core {

namespace {

constexpr char kProbePrefix[] = "WECHATPAY/SIGNTEST/";

VerifyResult fail(VerifyFailure failure, const QString &message, const QByteArray &serial = {})
{
    return VerifyResult{failure, message, serial};
}

std::optional<qint64> parseSeconds(QByteArrayView text)
{
    // 18 digits cannot overflow qint64; a millisecond value then reads as far off (stale).
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

} // namespace

QString verifyFailureName(VerifyFailure failure)
{
    switch (failure) {
    case VerifyFailure::None:
        return QStringLiteral("none");
    case VerifyFailure::MissingHeader:
        return QStringLiteral("missing_header");
    case VerifyFailure::BadTimestamp:
        return QStringLiteral("bad_timestamp");
    case VerifyFailure::StaleTimestamp:
        return QStringLiteral("stale_timestamp");
    case VerifyFailure::UnknownSerial:
        return QStringLiteral("unknown_serial");
    case VerifyFailure::BadSignature:
        return QStringLiteral("bad_signature");
    case VerifyFailure::Probe:
        return QStringLiteral("probe");
    case VerifyFailure::UnsupportedSignatureType:
        return QStringLiteral("unsupported_signature_type");
    }
    return QStringLiteral("unknown");
}

Error VerifyResult::toError() const
{
    return makeError(ErrorCode::Verification, message, verifyFailureName(failure));
}

VerifyResult verify(const KeyStore &keys, const HttpHeaders &headers, QByteArrayView body,
                    qint64 now)
{
    const auto ts = headers.value("Wechatpay-Timestamp");
    const auto nonce = headers.value("Wechatpay-Nonce");
    const auto signature = headers.value("Wechatpay-Signature");
    const auto serial = headers.value("Wechatpay-Serial");
    QStringList missing;
    if (!ts || ts->isEmpty())
        missing << QStringLiteral("Wechatpay-Timestamp");
    if (!nonce || nonce->isEmpty())
        missing << QStringLiteral("Wechatpay-Nonce");
    if (!signature || signature->isEmpty())
        missing << QStringLiteral("Wechatpay-Signature");
    if (!serial || serial->isEmpty())
        missing << QStringLiteral("Wechatpay-Serial");
    if (!missing.isEmpty())
        return fail(VerifyFailure::MissingHeader,
                    Tr::tr("The WeChat Pay signature headers are missing (%1); a message without "
                           "them is treated as forged.")
                        .arg(missing.join(QStringLiteral(", "))));

    if (const auto type = headers.value("Wechatpay-Signature-Type");
        type && !type->isEmpty() && type->compare(signing::kScheme, Qt::CaseInsensitive) != 0)
        return fail(VerifyFailure::UnsupportedSignatureType,
                    Tr::tr("The signature type “%1” is not supported; only %2 is.")
                        .arg(QString::fromLatin1(type->left(64)), QLatin1String(signing::kScheme)),
                    *serial);

    const auto seconds = parseSeconds(*ts);
    if (!seconds)
        return fail(VerifyFailure::BadTimestamp,
                    Tr::tr("Wechatpay-Timestamp “%1” is not Unix seconds.")
                        .arg(QString::fromLatin1(ts->left(32))),
                    *serial);
    const qint64 skew = now - *seconds;
    if (skew > kTimestampWindowSeconds || skew < -kTimestampWindowSeconds)
        return fail(VerifyFailure::StaleTimestamp,
                    Tr::tr("Wechatpay-Timestamp is %1 s away from the time of the check; at most "
                           "300 s are accepted (check the clock).")
                        .arg(skew < 0 ? -skew : skew),
                    *serial);

    if (signature->startsWith(kProbePrefix))
        return fail(VerifyFailure::Probe,
                    Tr::tr("The signature is a WeChat Pay probe (WECHATPAY/SIGNTEST/); it is "
                           "rejected on purpose so that WeChat Pay sees the check working."),
                    *serial);

    const auto key = keys.keyFor(QString::fromLatin1(*serial), now);
    if (!key)
        return fail(VerifyFailure::UnknownSerial,
                    keys.knows(QString::fromLatin1(*serial))
                        ? Tr::tr("The WeChat Pay certificate %1 is not valid at this time.")
                              .arg(QString::fromLatin1(serial->left(64)))
                        : Tr::tr("No WeChat Pay certificate or public key with serial %1 is known.")
                              .arg(QString::fromLatin1(serial->left(64))),
                    *serial);

    const auto decoded
        = QByteArray::fromBase64Encoding(*signature, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return fail(VerifyFailure::BadSignature, Tr::tr("Wechatpay-Signature is not valid Base64."),
                    *serial);

    if (!key->verifySha256(signing::responseMessage(*ts, *nonce, body), decoded.decoded))
        return fail(VerifyFailure::BadSignature,
                    Tr::tr("The WeChat Pay signature does not match the message (signed with key "
                           "%1).")
                        .arg(QString::fromLatin1(serial->left(64))),
                    *serial);
    return VerifyResult{VerifyFailure::None, {}, *serial};
}

ResponseVerifier::ResponseVerifier(std::shared_ptr<const KeyStore> keys, Clock clock)
    : m_keys(std::move(keys))
    , m_clock(clock ? std::move(clock) : Clock([] { return cst::now(); }))
{}

VerifyResult ResponseVerifier::verify(const HttpHeaders &headers, QByteArrayView body) const
{
    return core::verify(*m_keys, headers, body, m_clock());
}

} // namespace wxr::core
