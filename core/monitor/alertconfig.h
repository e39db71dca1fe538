// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "common/settings.h"
#include "monitor/alertrules.h"
#include "monitor/metricsloader.h"

#include <QProcessEnvironment>
#include <QUrl>

namespace wxr::core {

/// Alert rules, the webhook they are sent to and the lost-callback rule, as the receiver's host
/// reads them: the GUI's Settings, or the optional [alerts] section of the merchant INI for
/// `wxrecon-cli serve-notify` (docs/callbacks.md):
///
///     [alerts]
///     webhook_url=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…  ; secret
///     failure_rate_percent=5
///     p95_delay_s=30
///     silence_min=30
///     window_min=15
///     business_hours=09:00-22:00          ; CST
///     min_samples=10
///     certificate_warning_days=14
///     lost_after_min=10
///
/// Every key is optional (the defaults of AlertThresholds / AlertRules / LostCallbackRules);
/// WXRECON_ALERT_WEBHOOK overrides webhook_url.
struct AlertConfig
{
    AlertRules rules;
    QUrl webhook; ///< empty: alerts are only recorded
    LostCallbackRules lost;

    /// Reads the [alerts] section of `iniPath` (a file without it gives the defaults).
    /// Config error naming the key and line for a value out of range or unreadable; Io when
    /// the file cannot be read. The webhook URL is never echoed (its key is a secret).
    static Result<AlertConfig> fromIni(const QString &iniPath,
                                       const QProcessEnvironment &env
                                       = QProcessEnvironment::systemEnvironment());
    static AlertConfig fromSettings(const Settings &settings);
};

} // namespace wxr::core
