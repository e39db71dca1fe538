// SPDX-License-Identifier: GPL-3.0-or-later
#include "merchantconfigloader.h"

#include "secretstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QPointer>

namespace wxr::ui {

namespace {

Result<core::MerchantConfig> build(const MerchantProfile &profile, const QByteArray &storedKey)
{
    QByteArray key = storedKey;
    if (key.isEmpty() && !profile.apiv3KeyFile.isEmpty()) {
        QFile f(profile.apiv3KeyFile);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Config,
                             QCoreApplication::translate("wxr::ui::MerchantConfigLoader",
                                                         "The APIv3 key file “%1” cannot be "
                                                         "read: %2.")
                                 .arg(profile.apiv3KeyFile, f.errorString()));
        // Editors add a final line break; it is not part of the key.
        key = f.read(4096).trimmed();
    }
    return core::MerchantConfig::fromProfile(profile, key);
}

} // namespace

void loadMerchantConfig(SecretStore *secrets, const MerchantProfile &profile,
                        const QString &typedApiV3Key, QObject *context,
                        std::function<void(Result<core::MerchantConfig>)> done)
{
    if (!typedApiV3Key.isEmpty()) {
        done(build(profile, typedApiV3Key.toLatin1()));
        return;
    }
    QPointer<QObject> guard(context);
    secrets->load(profile.name, SecretKind::ApiV3Key, context,
                  [profile, guard, done = std::move(done)](const std::optional<QString> &key) {
                      if (guard)
                          done(build(profile, key ? key->toLatin1() : QByteArray()));
                  });
}

} // namespace wxr::ui
