// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace wxr {

namespace {

// Key strings live here only; callers go through the typed accessors.
namespace key {
constexpr auto profiles = "merchants/profiles";
constexpr auto profileName = "name";
constexpr auto profileMchid = "mchid";
constexpr auto profileSerial = "serial_no";
constexpr auto profilePrivateKeyFile = "private_key_file";
constexpr auto profileApiv3KeyFile = "apiv3_key_file";
constexpr auto profileApiBase = "api_base";
constexpr auto profileKeyMode = "key_mode";
constexpr auto profilePublicKeyId = "public_key_id";
constexpr auto profilePublicKeyFile = "public_key_file";
constexpr auto profilePlatformCertDir = "platform_cert_dir";
constexpr auto profileLedgerFile = "ledger_file";
constexpr auto activeProfile = "merchants/active";
constexpr auto ledgerPath = "ledger/path";
constexpr auto billFetchTime = "bills/fetch_time";
constexpr auto crossMidnightWindow = "recon/cross_midnight_window_s";
constexpr auto stuckAfter = "requery/stuck_after_min";
constexpr auto maxAttempts = "requery/max_attempts";
constexpr auto qps = "requery/qps";
constexpr auto schedulerEnabled = "requery/scheduler_enabled";
constexpr auto alertFailureRate = "alerts/failure_rate_percent";
constexpr auto alertP95 = "alerts/p95_delay_s";
constexpr auto alertSilence = "alerts/silence_min";
constexpr auto alertWindow = "alerts/window_min";
constexpr auto alertWebhook = "alerts/webhook_url";
constexpr auto receiverEnabled = "receiver/enabled";
constexpr auto receiverPort = "receiver/port";
constexpr auto language = "ui/language";
constexpr auto windowGeometry = "ui/window_geometry";
constexpr auto windowState = "ui/window_state";
constexpr auto lastView = "ui/last_view";
constexpr auto exportDir = "ui/export_dir";
constexpr auto layoutPrefix = "ui/layout/";
} // namespace key

// Defaults, defined once.
namespace def {
const QTime billFetchTime(10, 30);
constexpr int crossMidnightWindow = 300;
constexpr int receiverPort = 8443;
} // namespace def

QString k(const char *name)
{
    return QString::fromLatin1(name);
}

int clampInt(int value, int lo, int hi)
{
    return std::clamp(value, lo, hi);
}

} // namespace

QString keyModeName(KeyMode mode)
{
    switch (mode) {
    case KeyMode::Certificates:
        return QStringLiteral("cert");
    case KeyMode::PublicKey:
        return QStringLiteral("pubkey");
    case KeyMode::Both:
        return QStringLiteral("both");
    }
    return QStringLiteral("cert");
}

std::optional<KeyMode> parseKeyMode(const QString &name)
{
    if (name == u"cert")
        return KeyMode::Certificates;
    if (name == u"pubkey")
        return KeyMode::PublicKey;
    if (name == u"both")
        return KeyMode::Both;
    return std::nullopt;
}

Settings::Settings()
    : m_settings(std::make_unique<QSettings>())
{}

Settings::Settings(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{}

Settings::~Settings() = default;

void Settings::sync()
{
    m_settings->sync();
}

QString Settings::location() const
{
    return m_settings->fileName();
}

QList<MerchantProfile> Settings::profiles() const
{
    QList<MerchantProfile> result;
    const int n = m_settings->beginReadArray(k(key::profiles));
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        MerchantProfile p;
        p.name = m_settings->value(k(key::profileName)).toString();
        if (p.name.isEmpty())
            continue;
        p.mchid = m_settings->value(k(key::profileMchid)).toString();
        p.serialNo = m_settings->value(k(key::profileSerial)).toString();
        p.privateKeyFile = m_settings->value(k(key::profilePrivateKeyFile)).toString();
        p.apiv3KeyFile = m_settings->value(k(key::profileApiv3KeyFile)).toString();
        const QUrl base(m_settings->value(k(key::profileApiBase)).toString());
        if (base.isValid() && !base.isEmpty())
            p.apiBase = base;
        p.keyMode = parseKeyMode(m_settings->value(k(key::profileKeyMode)).toString())
                        .value_or(KeyMode::Certificates);
        p.publicKeyId = m_settings->value(k(key::profilePublicKeyId)).toString();
        p.publicKeyFile = m_settings->value(k(key::profilePublicKeyFile)).toString();
        p.platformCertDir = m_settings->value(k(key::profilePlatformCertDir)).toString();
        p.ledgerFile = m_settings->value(k(key::profileLedgerFile)).toString();
        result.append(p);
    }
    m_settings->endArray();
    return result;
}

void Settings::setProfiles(const QList<MerchantProfile> &profiles)
{
    QList<MerchantProfile> kept;
    for (const MerchantProfile &p : profiles) {
        const bool duplicate = std::any_of(kept.cbegin(), kept.cend(),
                                           [&](const auto &q) { return q.name == p.name; });
        if (!p.name.isEmpty() && !duplicate)
            kept.append(p);
    }
    m_settings->remove(k(key::profiles));
    m_settings->beginWriteArray(k(key::profiles), int(kept.size()));
    for (int i = 0; i < kept.size(); ++i) {
        const MerchantProfile &p = kept[i];
        m_settings->setArrayIndex(i);
        m_settings->setValue(k(key::profileName), p.name);
        m_settings->setValue(k(key::profileMchid), p.mchid);
        m_settings->setValue(k(key::profileSerial), p.serialNo);
        m_settings->setValue(k(key::profilePrivateKeyFile), p.privateKeyFile);
        m_settings->setValue(k(key::profileApiv3KeyFile), p.apiv3KeyFile);
        m_settings->setValue(k(key::profileApiBase), p.apiBase.toString());
        m_settings->setValue(k(key::profileKeyMode), keyModeName(p.keyMode));
        m_settings->setValue(k(key::profilePublicKeyId), p.publicKeyId);
        m_settings->setValue(k(key::profilePublicKeyFile), p.publicKeyFile);
        m_settings->setValue(k(key::profilePlatformCertDir), p.platformCertDir);
        if (!p.ledgerFile.isEmpty())
            m_settings->setValue(k(key::profileLedgerFile), p.ledgerFile);
    }
    m_settings->endArray();

    const QString active = m_settings->value(k(key::activeProfile)).toString();
    const bool activeKept
        = std::any_of(kept.cbegin(), kept.cend(), [&](const auto &p) { return p.name == active; });
    if (!activeKept)
        m_settings->setValue(k(key::activeProfile), kept.isEmpty() ? QString() : kept.first().name);
}

QString Settings::activeProfileName() const
{
    const QList<MerchantProfile> all = profiles();
    const QString active = m_settings->value(k(key::activeProfile)).toString();
    for (const MerchantProfile &p : all) {
        if (p.name == active)
            return active;
    }
    return all.isEmpty() ? QString() : all.first().name;
}

void Settings::setActiveProfileName(const QString &name)
{
    m_settings->setValue(k(key::activeProfile), name);
}

std::optional<MerchantProfile> Settings::activeProfile() const
{
    const QString active = activeProfileName();
    for (const MerchantProfile &p : profiles()) {
        if (p.name == active)
            return p;
    }
    return std::nullopt;
}

QString Settings::ledgerPath() const
{
    const QString stored = m_settings->value(k(key::ledgerPath)).toString();
    return stored.isEmpty() ? standardLedgerPath() : stored;
}

QString Settings::standardLedgerPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("ledger.sqlite"));
}

void Settings::setLedgerPath(const QString &path)
{
    m_settings->setValue(k(key::ledgerPath), path);
}

QString Settings::ledgerPathOf(const MerchantProfile &profile) const
{
    return profile.ledgerFile.isEmpty() ? ledgerPath() : profile.ledgerFile;
}

QString Settings::activeLedgerPath() const
{
    const auto profile = activeProfile();
    return profile ? ledgerPathOf(*profile) : ledgerPath();
}

QString Settings::ledgerBeside(const QString &ledger, const QString &mchid)
{
    return QFileInfo(ledger).dir().filePath(QStringLiteral("ledger-%1.sqlite").arg(mchid));
}

QTime Settings::billFetchTime() const
{
    const QTime t = QTime::fromString(m_settings->value(k(key::billFetchTime)).toString(),
                                      QStringLiteral("HH:mm"));
    return t.isValid() ? t : def::billFetchTime;
}

void Settings::setBillFetchTime(const QTime &cstTime)
{
    if (cstTime.isValid())
        m_settings->setValue(k(key::billFetchTime), cstTime.toString(QStringLiteral("HH:mm")));
}

int Settings::crossMidnightWindowSeconds() const
{
    bool ok = false;
    const int v = m_settings->value(k(key::crossMidnightWindow)).toInt(&ok);
    return ok ? clampInt(v, 0, 3600) : def::crossMidnightWindow;
}

void Settings::setCrossMidnightWindowSeconds(int seconds)
{
    m_settings->setValue(k(key::crossMidnightWindow), clampInt(seconds, 0, 3600));
}

RequeryRules Settings::requeryRules() const
{
    const RequeryRules d;
    RequeryRules r;
    r.stuckAfterMinutes
        = clampInt(m_settings->value(k(key::stuckAfter), d.stuckAfterMinutes).toInt(), 1, 1440);
    r.maxAttempts = clampInt(m_settings->value(k(key::maxAttempts), d.maxAttempts).toInt(), 1, 100);
    r.queriesPerSecond
        = clampInt(m_settings->value(k(key::qps), d.queriesPerSecond).toInt(), 1, 500);
    return r;
}

void Settings::setRequeryRules(const RequeryRules &rules)
{
    m_settings->setValue(k(key::stuckAfter), clampInt(rules.stuckAfterMinutes, 1, 1440));
    m_settings->setValue(k(key::maxAttempts), clampInt(rules.maxAttempts, 1, 100));
    m_settings->setValue(k(key::qps), clampInt(rules.queriesPerSecond, 1, 500));
}

bool Settings::schedulerEnabled() const
{
    return m_settings->value(k(key::schedulerEnabled), false).toBool();
}

void Settings::setSchedulerEnabled(bool enabled)
{
    m_settings->setValue(k(key::schedulerEnabled), enabled);
}

AlertThresholds Settings::alertThresholds() const
{
    const AlertThresholds d;
    AlertThresholds a;
    a.failureRatePercent = std::clamp(
        m_settings->value(k(key::alertFailureRate), d.failureRatePercent).toDouble(), 0.0, 100.0);
    a.p95DelaySeconds
        = clampInt(m_settings->value(k(key::alertP95), d.p95DelaySeconds).toInt(), 1, 86400);
    a.silenceMinutes
        = clampInt(m_settings->value(k(key::alertSilence), d.silenceMinutes).toInt(), 1, 1440);
    a.windowMinutes
        = clampInt(m_settings->value(k(key::alertWindow), d.windowMinutes).toInt(), 1, 1440);
    return a;
}

void Settings::setAlertThresholds(const AlertThresholds &t)
{
    m_settings->setValue(k(key::alertFailureRate), std::clamp(t.failureRatePercent, 0.0, 100.0));
    m_settings->setValue(k(key::alertP95), clampInt(t.p95DelaySeconds, 1, 86400));
    m_settings->setValue(k(key::alertSilence), clampInt(t.silenceMinutes, 1, 1440));
    m_settings->setValue(k(key::alertWindow), clampInt(t.windowMinutes, 1, 1440));
}

QUrl Settings::alertWebhookUrl() const
{
    const QUrl url(m_settings->value(k(key::alertWebhook)).toString());
    if (url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https"))
        return url;
    return {};
}

void Settings::setAlertWebhookUrl(const QUrl &url)
{
    const bool web = url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https");
    if (web)
        m_settings->setValue(k(key::alertWebhook), url.toString());
    else
        m_settings->remove(k(key::alertWebhook));
}

bool Settings::receiverEnabled() const
{
    return m_settings->value(k(key::receiverEnabled), false).toBool();
}

void Settings::setReceiverEnabled(bool enabled)
{
    m_settings->setValue(k(key::receiverEnabled), enabled);
}

int Settings::receiverPort() const
{
    bool ok = false;
    const int port = m_settings->value(k(key::receiverPort)).toInt(&ok);
    return ok && port >= 1 && port <= 65535 ? port : def::receiverPort;
}

void Settings::setReceiverPort(int port)
{
    if (port >= 1 && port <= 65535)
        m_settings->setValue(k(key::receiverPort), port);
}

QString Settings::language() const
{
    const QString code = m_settings->value(k(key::language)).toString();
    return code == u"zh_CN" || code == u"en" ? code : QString();
}

void Settings::setLanguage(const QString &code)
{
    if (code == u"zh_CN" || code == u"en")
        m_settings->setValue(k(key::language), code);
    else
        m_settings->remove(k(key::language));
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(k(key::windowGeometry)).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(k(key::windowGeometry), geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings->value(k(key::windowState)).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(k(key::windowState), state);
}

QString Settings::exportDir() const
{
    const QString dir = m_settings->value(k(key::exportDir)).toString();
    return dir.isEmpty() || !QFileInfo(dir).isDir()
               ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
               : dir;
}

void Settings::setExportDir(const QString &dir)
{
    m_settings->setValue(k(key::exportDir), dir);
}

QByteArray Settings::layoutState(const QString &name) const
{
    return m_settings->value(k(key::layoutPrefix) + name).toByteArray();
}

void Settings::setLayoutState(const QString &name, const QByteArray &state)
{
    m_settings->setValue(k(key::layoutPrefix) + name, state);
}

QString Settings::lastView() const
{
    return m_settings->value(k(key::lastView)).toString();
}

void Settings::setLastView(const QString &view)
{
    m_settings->setValue(k(key::lastView), view);
}

} // namespace wxr
