// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "crypto/privatekey.h"

#include <QByteArray>
#include <QByteArrayView>

namespace wxr::core {

/// One signed request: what was signed and the resulting Authorization header value.
struct SignedRequest
{
    QByteArray message;         ///< the five-line string that was signed
    QByteArray signatureBase64; ///< standard Base64 with padding, no line breaks
    QByteArray authorization;   ///< the Authorization header value
    qint64 timestamp = 0;       ///< Unix seconds used
    QByteArray nonce;           ///< nonce_str used
};

/// Signs merchant requests (spec §1): SHA256withRSA with the merchant API private key, then
/// the Authorization header naming the merchant id and the merchant certificate serial.
///
/// Immutable after construction; safe to share between threads.
class Signer final
{
public:
    Signer() = default;
    /// `serialNo` is the merchant API certificate serial (hex; sent upper-cased).
    Signer(PrivateKey key, QByteArray mchid, QByteArray serialNo);

    [[nodiscard]] bool isNull() const noexcept { return m_key.isNull(); }
    [[nodiscard]] const QByteArray &mchid() const noexcept { return m_mchid; }
    [[nodiscard]] const QByteArray &serialNo() const noexcept { return m_serialNo; }

    /// Signs with the current time and a fresh 32-character nonce.
    Result<SignedRequest> sign(QByteArrayView method, QByteArrayView canonicalUrl,
                               QByteArrayView body) const;
    /// Signs with the given Unix-seconds timestamp and nonce (diagnostics CLI and tests).
    Result<SignedRequest> sign(QByteArrayView method, QByteArrayView canonicalUrl,
                               QByteArrayView body, qint64 timestamp, QByteArrayView nonce) const;

private:
    PrivateKey m_key;
    QByteArray m_mchid;
    QByteArray m_serialNo;
};

} // namespace wxr::core
