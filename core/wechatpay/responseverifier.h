// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "wechatpay/httpheaders.h"
#include "wechatpay/keystore.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>
#include <memory>

namespace wxr::core {

/// Why a WeChat Pay response or callback did not verify. The callback receiver answers 4xx
/// for every value but None, and monitoring counts them by cause.
enum class VerifyFailure {
    None,                     ///< verified
    MissingHeader,            ///< a Wechatpay-Timestamp/-Nonce/-Signature/-Serial header is absent
    BadTimestamp,             ///< Wechatpay-Timestamp is not decimal Unix seconds
    StaleTimestamp,           ///< more than 300 s from local time, either direction
    UnknownSerial,            ///< no usable key for Wechatpay-Serial (after any refresh)
    BadSignature,             ///< the signature does not verify or is not valid Base64
    Probe,                    ///< a WECHATPAY/SIGNTEST/ probe signature (never accepted)
    UnsupportedSignatureType, ///< Wechatpay-Signature-Type other than WECHATPAY2-SHA256-RSA2048
};

/// Stable lower-case token for logs, metrics and the database ("missing_header", …).
QString verifyFailureName(VerifyFailure failure);

/// The outcome of verify(): the failure cause and a sentence for people. `serial` is the
/// Wechatpay-Serial that was presented (useful for "unknown serial → refresh certificates").
struct VerifyResult
{
    VerifyFailure failure = VerifyFailure::None;
    QString message;
    QByteArray serial;

    [[nodiscard]] bool ok() const noexcept { return failure == VerifyFailure::None; }
    /// ErrorCode::Verification with the message; the failure name goes into the detail.
    [[nodiscard]] Error toError() const;
};

/// The accepted distance between Wechatpay-Timestamp and local time: |now − ts| ≤ 300 s.
/// (Go rejects at exactly 300 s, PHP only beyond; the spec decision for wxrecon is ≤ 300.)
inline constexpr qint64 kTimestampWindowSeconds = 300;

/// Verifies a WeChat Pay response or callback (spec §2) from its headers and its raw body
/// bytes. Checks, in order: the four Wechatpay-* headers (names case-insensitive); the
/// signature type (missing means WECHATPAY2-SHA256-RSA2048, as in the Go SDK); the timestamp
/// (digits, within the window of `now`, Unix seconds); the probe prefix WECHATPAY/SIGNTEST/;
/// the key for Wechatpay-Serial; the RSA-SHA256 signature over TS\nNONCE\nBODY\n.
/// The body is never parsed. Thread-safe; never throws or crashes on hostile input.
VerifyResult verify(const KeyStore &keys, const HttpHeaders &headers, QByteArrayView body,
                    qint64 now);

/// verify() bound to a shared key store and a clock (injectable for tests).
class ResponseVerifier final
{
public:
    using Clock = std::function<qint64()>;

    explicit ResponseVerifier(std::shared_ptr<const KeyStore> keys, Clock clock = {});

    [[nodiscard]] VerifyResult verify(const HttpHeaders &headers, QByteArrayView body) const;
    [[nodiscard]] const KeyStore &keys() const { return *m_keys; }

private:
    std::shared_ptr<const KeyStore> m_keys;
    Clock m_clock;
};

} // namespace wxr::core
