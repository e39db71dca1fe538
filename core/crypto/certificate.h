// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "crypto/privatekey.h"
#include "crypto/publickey.h"

#include <QByteArray>
#include <QString>

#include <memory>

typedef struct x509_st X509;

namespace wxr::core {

/// An X.509 certificate: a WeChat Pay platform certificate (downloaded from /v3/certificates,
/// cached on disk) or, in tests and the local stand-in, a self-signed one.
///
/// Value type sharing one immutable OpenSSL object; safe to use from several threads.
/// No chain or CA validation is done here: platform certificates are trusted because they
/// arrive AEAD-encrypted under the APIv3 key (see KeyStore / ApiClient).
class Certificate final
{
public:
    Certificate() = default;

    /// Parses the first certificate of a PEM text. ErrorCode::Crypto naming `sourceName` when
    /// there is none, it is damaged, or its key is not RSA.
    static Result<Certificate> fromPem(const QByteArray &pem, const QString &sourceName);
    static Result<Certificate> loadFile(const QString &path);

    /// A self-signed RSA/SHA-256 certificate (tests and the stand-in's platform certificate).
    /// `serialHex` is hex without prefix (case-insensitive); times are Unix seconds.
    static Result<Certificate> makeSelfSigned(const PrivateKey &key, const QByteArray &serialHex,
                                              qint64 notBefore, qint64 notAfter,
                                              const QString &commonName);

    [[nodiscard]] bool isNull() const noexcept { return !m_cert; }

    /// Serial number as upper-case hex, two digits per byte (so a leading zero nibble is kept,
    /// as Go's %X prints it; Java's BigInteger drops it — compare with KeyStore::sameSerial).
    [[nodiscard]] QString serialHex() const;
    /// Validity window in Unix seconds (UTC).
    [[nodiscard]] qint64 notBefore() const;
    [[nodiscard]] qint64 notAfter() const;
    /// Subject common name (for listings).
    [[nodiscard]] QString commonName() const;

    [[nodiscard]] PublicKey publicKey() const;
    [[nodiscard]] QByteArray toPem() const;

private:
    explicit Certificate(std::shared_ptr<X509> cert)
        : m_cert(std::move(cert))
    {}

    std::shared_ptr<X509> m_cert;
};

} // namespace wxr::core
