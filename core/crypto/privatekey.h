// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "crypto/publickey.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace wxr::core {

/// An RSA private key: the merchant API key (apiclient_key.pem) that signs every request.
///
/// Value type: copies share one immutable OpenSSL key, so one PrivateKey may sign from several
/// threads at once. A default-constructed PrivateKey is null; operations on it fail.
/// The key material never appears in error messages or logs.
class PrivateKey final
{
public:
    PrivateKey() = default;

    /// Parses an unencrypted RSA private key of at least 2048 bits from PEM, PKCS#8
    /// ("BEGIN PRIVATE KEY", what the merchant platform tool writes) or PKCS#1
    /// ("BEGIN RSA PRIVATE KEY"). Fails with ErrorCode::Crypto and one sentence naming
    /// `sourceName` when the key is encrypted (no passphrase is ever asked for), is not RSA,
    /// is shorter than 2048 bits, is a certificate/public key, or is not PEM at all.
    static Result<PrivateKey> fromPem(const QByteArray &pem, const QString &sourceName);
    /// Reads and parses a PEM file; ErrorCode::Io when it cannot be read.
    static Result<PrivateKey> loadFile(const QString &path);
    /// A fresh RSA key (tests and the local stand-in). `bits` below 2048 is allowed here so that
    /// tests can produce a short key; fromPem still rejects such keys.
    static Result<PrivateKey> generateRsa(int bits = 2048);

    [[nodiscard]] bool isNull() const noexcept { return !m_key; }

    /// RSASSA-PKCS1-v1_5 with SHA-256 over `message`; returns the raw signature bytes
    /// (Base64-encode them for the Authorization header).
    Result<QByteArray> signSha256(QByteArrayView message) const;

    /// RSA-OAEP (SHA-1, MGF1-SHA-1) decryption of one block produced by PublicKey::encryptOaep.
    /// ErrorCode::Crypto when the ciphertext was not made for this key or is damaged.
    Result<QByteArray> decryptOaep(QByteArrayView ciphertext) const;

    /// The matching public key.
    [[nodiscard]] PublicKey publicKey() const;
    /// The matching public key as SubjectPublicKeyInfo PEM.
    [[nodiscard]] QByteArray publicKeyPem() const;
    /// Unencrypted PKCS#8 PEM ("BEGIN PRIVATE KEY"). Secret: write only to owner-only files.
    [[nodiscard]] QByteArray toPkcs8Pem() const;

    [[nodiscard]] int bits() const;

    /// The OpenSSL handle, for code inside the crypto module.
    [[nodiscard]] EVP_PKEY *handle() const noexcept { return m_key.get(); }

private:
    explicit PrivateKey(std::shared_ptr<EVP_PKEY> key)
        : m_key(std::move(key))
    {}

    std::shared_ptr<EVP_PKEY> m_key;
};

} // namespace wxr::core
