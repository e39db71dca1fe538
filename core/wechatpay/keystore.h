// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "common/settings.h"
#include "crypto/certificate.h"
#include "crypto/publickey.h"

#include <QList>
#include <QReadWriteLock>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace wxr::core {

/// A WeChat Pay platform certificate with the validity the server announced. The server's
/// `expire_time` can be earlier than the certificate's own notAfter (it is moved forward before
/// a rotation), so the announced window is the one that counts. Times are Unix seconds.
struct PlatformCertificate
{
    QString serialNo; ///< as the server listed it (upper-case hex)
    Certificate certificate;
    qint64 effectiveTime = 0;
    qint64 expireTime = 0;
};

/// The keys that verify WeChat Pay's signatures (spec §2.4, §2.6, §3.3): platform
/// certificates by serial and/or the WeChat Pay public key by its id (PUB_KEY_ID_…), both at
/// once during a merchant's migration. Also picks the key for encrypting sensitive fields.
///
/// Thread-safe: every method may be called from any thread; readers run in parallel. Share one
/// store between the API client and the callback receiver (std::shared_ptr).
class KeyStore final
{
public:
    KeyStore() = default;
    KeyStore(const KeyStore &) = delete;
    KeyStore &operator=(const KeyStore &) = delete;

    /// Serial comparison used everywhere: case-insensitive, and for hex serials leading zeros
    /// do not count (Java prints serials without them, Go with them).
    static bool sameSerial(QStringView a, QStringView b);

    // Public-key mode -----------------------------------------------------------------------
    /// Sets (replaces) the WeChat Pay public key and its id (e.g. "PUB_KEY_ID_0114…").
    void setPublicKey(const QString &keyId, const PublicKey &key);
    void clearPublicKey();
    [[nodiscard]] QString publicKeyId() const; ///< empty when none

    // Platform certificates -----------------------------------------------------------------
    /// Adds a certificate, replacing one with the same serial.
    void addCertificate(const PlatformCertificate &certificate);

    /// What a refresh changed, by serial.
    struct RefreshDiff
    {
        QStringList added;
        QStringList removed;
    };
    /// Replaces the set with a freshly downloaded list: certificates missing from `fresh` are
    /// dropped, and so are those whose announced expiry is before `now`. An empty `fresh`
    /// list clears the certificates (the server says there are none).
    RefreshDiff replaceCertificates(const QList<PlatformCertificate> &fresh, qint64 now);
    [[nodiscard]] QList<PlatformCertificate> certificates() const;
    /// The certificate with the latest effective time (spec §3.3 "newest"), or nullopt.
    [[nodiscard]] std::optional<PlatformCertificate> newestCertificate() const;

    // Lookup --------------------------------------------------------------------------------
    /// The key that verifies a signature carrying Wechatpay-Serial `serial` at time `now`:
    /// the public key when `serial` is its id, else a certificate with that serial whose
    /// announced window contains `now` (a certificate announced ahead of a rotation is
    /// accepted up to 300 s before its effective time, the clock tolerance used for
    /// timestamps). nullopt otherwise — never the merchant's own certificate, which is not
    /// kept here.
    [[nodiscard]] std::optional<PublicKey> keyFor(QStringView serial, qint64 now) const;
    /// True when `serial` names the public key or any stored certificate (valid or not).
    [[nodiscard]] bool knows(QStringView serial) const;
    [[nodiscard]] bool isEmpty() const;

    /// Which kinds of keys are loaded; nullopt when none.
    [[nodiscard]] std::optional<KeyMode> mode() const;

    /// The value for the request header Wechatpay-Serial: the public-key id when one is set
    /// (so that WeChat signs responses with the public key during a migration), else the newest
    /// certificate's serial, else empty.
    [[nodiscard]] QString advertisedSerial() const;

    /// The key for RSA-OAEP encryption of sensitive request fields and the Wechatpay-Serial
    /// that must accompany such a request: the public key when set, else the newest platform
    /// certificate valid at `now`.
    struct EncryptionKey
    {
        QString serial;
        PublicKey key;
    };
    [[nodiscard]] std::optional<EncryptionKey> encryptionKey(qint64 now) const;

    /// Certificates whose announced expiry is within `withinDays` days of `now` (or already
    /// past), soonest first. daysLeft rounds down and is negative once expired.
    struct ExpiryWarning
    {
        QString serial;
        qint64 expireTime = 0;
        qint64 daysLeft = 0;
    };
    [[nodiscard]] QList<ExpiryWarning> expiryWarnings(qint64 now, int withinDays = 30) const;

    // Persistence ---------------------------------------------------------------------------
    /// Writes the certificates (not the public key, which lives in the merchant's own file) to
    /// `dir`/platform_certificates.json, created readable by the owner only. Atomic replace.
    Status saveTo(const QString &dir) const;
    /// Adds what `dir` holds: platform_certificates.json as written by saveTo, plus any loose
    /// *.pem / *.crt certificate files (valid for their own notBefore..notAfter, serial from the
    /// certificate). Entries already expired at `now` are skipped. A missing directory is not an
    /// error (nothing cached yet); an unreadable or damaged file is, naming the file.
    /// Returns how many certificates were added.
    Result<int> loadFrom(const QString &dir, qint64 now);

    /// The cache file name inside the certificate directory.
    static QString cacheFileName();

private:
    mutable QReadWriteLock m_lock;
    QString m_publicKeyId;
    PublicKey m_publicKey;
    QList<PlatformCertificate> m_certificates;
};

} // namespace wxr::core
