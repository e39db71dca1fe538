// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "common/settings.h"
#include "crypto/certificate.h"
#include "crypto/privatekey.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace wxr::sim {

/// One platform key pair with its self-signed certificate.
struct PlatformKey
{
    core::PrivateKey key;
    core::Certificate certificate;
    QByteArray serial; ///< upper-case hex, as listed by /v3/certificates
    /// The expire_time /v3/certificates announces (Unix seconds); 0 = the certificate's own
    /// notAfter. Moved forward for the outgoing certificate of a rotation (spec §3.3).
    qint64 announcedExpire = 0;

    qint64 expireTime() const { return announcedExpire ? announcedExpire : certificate.notAfter(); }
};

/// Every key of the stand-in's world, kept in a state directory so that a second start (and
/// the client configured from it) finds the same keys:
///
///     DIR/merchant.ini          ready client configuration (relative paths)
///     DIR/apiclient_key.pem     merchant API private key (owner-only)
///     DIR/apiclient_cert.pem    merchant API certificate (serial = serial_no)
///     DIR/apiv3.key             the 32-character APIv3 key (owner-only)
///     DIR/pub_key.pem           the WeChat Pay public key (pubkey and both modes)
///     DIR/certs/                empty cache directory for downloaded platform certificates
///     DIR/sim/                  the stand-in's own secrets: platform and public-key private keys
///
/// Secrets are written owner-readable only and never printed. Not thread-safe; owned by the
/// server's thread.
class SimKeys final
{
public:
    /// Loads the keys from `dir`, creating (RSA 2048) whatever is missing. Two platform
    /// certificates overlap: the older one effective since two years, the newer (used for
    /// signing) since yesterday. Io/Crypto errors name the file.
    static Result<SimKeys> openOrCreate(const QString &dir, const QByteArray &mchid);

    /// (Re)writes DIR/merchant.ini for a server at `apiBase` (e.g. http://127.0.0.1:8080) with
    /// key_mode set to the server's signing mode (spec §2.6: cert, pubkey or both); the
    /// public-key lines are written for the pubkey and both modes only.
    Status writeMerchantIni(const QString &apiBase, KeyMode mode) const;

    /// Certificate rotation: a new platform key whose certificate is effective from
    /// now + `aheadSeconds` (listed at once, used for signing from its effective time); the
    /// outgoing certificate's announced expire_time moves to 24 h after that (spec §3.3). Saved
    /// to the state directory.
    Status rotatePlatform(qint64 now, qint64 aheadSeconds = 0);

    /// The platform key that signs at `now`: the one with the latest effective time not after
    /// `now`. `older` = true: the one effective before it (mid-rotation answers), if any.
    const PlatformKey &signingPlatform(qint64 now, bool older = false) const;

    QString dir() const { return m_dir; }
    QString merchantIniPath() const;
    const QByteArray &mchid() const { return m_mchid; }
    const QByteArray &merchantSerial() const { return m_merchantSerial; }
    const core::PublicKey &merchantPublicKey() const { return m_merchantPublic; }
    const core::PrivateKey &merchantKey() const { return m_merchantKey; }
    const QByteArray &apiv3Key() const { return m_apiv3Key; }
    const QByteArray &publicKeyId() const { return m_publicKeyId; }
    const core::PrivateKey &publicKeyPrivate() const { return m_publicKeyPrivate; }
    /// Oldest first; the last one is the newest (largest effective time).
    const QList<PlatformKey> &platform() const { return m_platform; }

private:
    Status save() const; ///< new key files and sim/state.json

    QString m_dir;
    QByteArray m_mchid;
    QByteArray m_merchantSerial;
    core::PrivateKey m_merchantKey;
    core::PublicKey m_merchantPublic;
    QByteArray m_apiv3Key;
    QByteArray m_publicKeyId;
    core::PrivateKey m_publicKeyPrivate;
    QList<PlatformKey> m_platform;
};

} // namespace wxr::sim
