// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace wxr::core {

/// An RSA public key: the WeChat Pay public key (public-key mode) or the key inside a platform
/// certificate. Used to verify WeChat Pay's signatures and to encrypt sensitive request fields.
///
/// Value type: copies share one immutable OpenSSL key, so a PublicKey may be used from several
/// threads at once. A default-constructed PublicKey is null; operations on it fail/return false.
class PublicKey final
{
public:
    PublicKey() = default;

    /// Parses an RSA public key from PEM: SubjectPublicKeyInfo ("BEGIN PUBLIC KEY", the format
    /// of WeChat Pay's pub_key.pem) or PKCS#1 ("BEGIN RSA PUBLIC KEY"). Fails with
    /// ErrorCode::Crypto and a message naming `sourceName` for anything else (a certificate, a
    /// private key, a non-RSA key, a key shorter than 2048 bits, garbage).
    static Result<PublicKey> fromPem(const QByteArray &spkiPem, const QString &sourceName);
    /// Reads and parses a PEM file; ErrorCode::Io when it cannot be read.
    static Result<PublicKey> loadFile(const QString &path);

    /// Wraps an OpenSSL key (takes a reference; used by Certificate and PrivateKey).
    static PublicKey fromHandle(std::shared_ptr<EVP_PKEY> key);

    [[nodiscard]] bool isNull() const noexcept { return !m_key; }

    /// Verifies an RSASSA-PKCS1-v1_5 SHA-256 signature (raw bytes, not Base64) over `message`.
    /// Returns false for a wrong, truncated or empty signature and for a null key.
    [[nodiscard]] bool verifySha256(QByteArrayView message, QByteArrayView signature) const;

    /// RSA-OAEP with SHA-1 and MGF1-SHA-1 (the padding WeChat Pay uses for sensitive fields).
    /// Returns raw ciphertext (Base64-encode it for the JSON field). The plaintext must fit in
    /// one RSA block (214 bytes for a 2048-bit key); longer input fails with ErrorCode::Crypto.
    Result<QByteArray> encryptOaep(QByteArrayView plaintext) const;

    /// SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY").
    [[nodiscard]] QByteArray toPem() const;

    /// Key size in bits (0 when null).
    [[nodiscard]] int bits() const;

    /// True when both hold the same key material.
    [[nodiscard]] bool sameKeyAs(const PublicKey &other) const;

    /// The OpenSSL handle, for code inside the crypto module.
    [[nodiscard]] EVP_PKEY *handle() const noexcept { return m_key.get(); }

private:
    explicit PublicKey(std::shared_ptr<EVP_PKEY> key)
        : m_key(std::move(key))
    {}

    std::shared_ptr<EVP_PKEY> m_key;
};

} // namespace wxr::core
