// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "common/settings.h"
#include "wechatpay/merchantconfig.h"

#include <QObject>

#include <functional>

namespace wxr::ui {

class SecretStore;

/// Builds the core MerchantConfig of a GUI profile. The APIv3 key is, in this order: the one
/// just typed (`typedApiV3Key`), the one in the secret store, or the content of the profile's
/// APIv3 key file (trimmed, as the CLI reads it). A missing key is not an error here — signing
/// needs only the private key; calls that decrypt check MerchantConfig::requireApiV3Key().
/// An unreadable key file is a Config error naming the file.
///
/// Asynchronous because the keychain is: `done` runs on the GUI thread, unless `context` was
/// destroyed first.
void loadMerchantConfig(SecretStore *secrets, const MerchantProfile &profile,
                        const QString &typedApiV3Key, QObject *context,
                        std::function<void(Result<core::MerchantConfig>)> done);

} // namespace wxr::ui
