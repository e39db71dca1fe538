// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "common/settings.h"
#include "crypto/privatekey.h"
#include "crypto/publickey.h"
#include "wechatpay/apiclientoptions.h"
#include "wechatpay/keystore.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

namespace wxr::core {

/// One merchant's connection settings, as read from the merchant INI of the architecture doc
/// (and overridden field by field by WXRECON_* environment variables), or built from the GUI's
/// MerchantProfile plus the APIv3 key from the keychain.
///
/// Paths are absolute after loading. `apiV3Key` is a secret: it is never part of any message,
/// and this type has no printing helper on purpose.
struct MerchantConfig
{
    QString sourcePath; ///< the INI file, or empty when built in code
    QString mchid;
    QString serialNo; ///< merchant API certificate serial, upper-case hex
    QString privateKeyFile;
    QByteArray apiV3Key;  ///< exactly 32 bytes when set; empty when not configured
    QString apiV3KeyFile; ///< where it came from, for messages (may be empty)
    QUrl apiBase = QUrl(QStringLiteral("https://api.mch.weixin.qq.com"));
    QString platformCertDir; ///< cache of platform certificates; empty = not cached
    QString publicKeyId;     ///< PUB_KEY_ID_…; empty in certificate mode
    QString publicKeyFile;
    KeyMode keyMode = KeyMode::Certificates;
    ApiClientOptions client;
    QStringList warnings; ///< sentences worth showing (plain http to a remote host, …)

    /// Reads the INI at `iniPath`. Sections [merchant], [wechatpay] and the optional [client]
    /// (unknown keys there give a warning; other sections belong to other modules and are left
    /// alone);
    /// "key=value" lines, comments start with ";" or "#" (also after a value, after a blank);
    /// relative paths are relative to the INI's folder. Then applies the environment overrides
    /// (relative paths there are relative to the working directory):
    ///   WXRECON_MCHID, WXRECON_SERIAL_NO, WXRECON_PRIVATE_KEY_FILE, WXRECON_APIV3_KEY,
    ///   WXRECON_APIV3_KEY_FILE, WXRECON_API_BASE, WXRECON_PLATFORM_CERT_DIR,
    ///   WXRECON_PUBLIC_KEY_ID, WXRECON_PUBLIC_KEY_FILE, WXRECON_KEY_MODE.
    /// Fails with ErrorCode::Config listing every problem found, one sentence per line, each
    /// naming the field; secrets are never echoed. The APIv3 key is optional here (signing needs
    /// only the private key); requireApiV3Key() checks it where decryption needs it.
    static Result<MerchantConfig> load(const QString &iniPath,
                                       const QProcessEnvironment &env
                                       = QProcessEnvironment::systemEnvironment());

    /// The GUI's profile plus the APIv3 key it fetched from the keychain (may be empty).
    static MerchantConfig fromProfile(const MerchantProfile &profile, const QByteArray &apiV3Key);
    /// The other way: a GUI profile named `name` with these settings (the APIv3 key itself,
    /// a secret, stays out; its file is kept).
    MerchantProfile toProfile(const QString &name) const;

    /// ErrorCode::Config when no valid 32-byte APIv3 key is configured.
    Status requireApiV3Key() const;

    /// Loads the merchant private key (ErrorCode::Crypto/Io naming the file).
    Result<PrivateKey> loadPrivateKey() const;

    /// A key store for this merchant: the WeChat Pay public key when configured (public-key or
    /// both mode) and whatever the certificate cache holds (certificate or both mode), as of
    /// `now` (Unix seconds). An empty store is not an error here — a refresh may fill it.
    Result<std::shared_ptr<KeyStore>> makeKeyStore(qint64 now) const;

    /// True when certificates are to be downloaded (certificate or both mode).
    [[nodiscard]] bool usesPlatformCertificates() const { return keyMode != KeyMode::PublicKey; }
    [[nodiscard]] bool usesPublicKey() const { return keyMode != KeyMode::Certificates; }
};

/// True for http://127.0.0.1, http://localhost and http://[::1] (any port): a local stand-in,
/// where plain HTTP is acceptable.
bool isLoopbackHttp(const QUrl &url);

} // namespace wxr::core
