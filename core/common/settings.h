// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTime>
#include <QUrl>

#include <memory>
#include <optional>

class QSettings;

namespace wxr {

/// Which keys verify WeChat Pay's signatures for a merchant: downloaded platform
/// certificates, the WeChat Pay public key (PUB_KEY_ID_…), or both during a migration.
enum class KeyMode { Certificates, PublicKey, Both };

/// "cert", "pubkey", "both" (the words of `wxrecon-sim --key-mode`); parse returns nullopt
/// on anything else.
QString keyModeName(KeyMode mode);
std::optional<KeyMode> parseKeyMode(const QString &name);

/// One merchant as the GUI keeps it: the same fields as the merchant INI of the CLI, minus
/// the secrets. The APIv3 key and the private key's passphrase live in the OS keychain (or in
/// the file named by apiv3KeyFile); the private key itself stays in its PEM file. Paths are
/// absolute.
struct MerchantProfile
{
    QString name;           ///< unique, shown in the merchant switcher
    QString mchid;          ///< merchant id, digits
    QString serialNo;       ///< merchant API certificate serial, hex
    QString privateKeyFile; ///< apiclient_key.pem
    QString apiv3KeyFile;   ///< optional file holding the 32-byte APIv3 key (instead of keychain)
    QUrl apiBase = QUrl(QStringLiteral("https://api.mch.weixin.qq.com"));
    KeyMode keyMode = KeyMode::Certificates;
    QString publicKeyId;     ///< PUB_KEY_ID_… (public-key and both modes)
    QString publicKeyFile;   ///< pub_key.pem (public-key and both modes)
    QString platformCertDir; ///< cache of downloaded platform certificates
    QString ledgerFile;      ///< this merchant's ledger; empty = the default ledger (Settings)

    friend bool operator==(const MerchantProfile &, const MerchantProfile &) = default;
};

/// Alert rules evaluated over the callback metrics (core/monitor).
struct AlertThresholds
{
    double failureRatePercent = 5.0; ///< failed callbacks / all callbacks in the window, %
    int p95DelaySeconds = 30;        ///< p95 of (callback received − payment success), s
    int silenceMinutes = 30;         ///< no callback at all for this long while orders are paid
    int windowMinutes = 15;          ///< evaluation window, minutes

    friend bool operator==(const AlertThresholds &, const AlertThresholds &) = default;
};

/// Rules of the stuck-order re-query scheduler (core/compensate).
struct RequeryRules
{
    int stuckAfterMinutes = 10; ///< an unpaid/processing order older than this is "stuck"
    int maxAttempts = 8;        ///< queries per order before giving up (back-off in between)
    int queriesPerSecond = 10;  ///< QPS budget shared by all re-queries of the merchant

    friend bool operator==(const RequeryRules &, const RequeryRules &) = default;
};

/// The application's settings, typed: one getter and one setter per key, defaults defined
/// once in settings.cpp, key strings private to settings.cpp. Backed by QSettings (native
/// format under the application's organisation/name by default, or an INI file given to the
/// constructor — tests use a temporary one).
///
/// Never stores secrets: there is deliberately no key for the APIv3 key or private key bytes.
/// Values written are readable immediately through the same or any other instance on the
/// same storage. Not thread-safe per instance; create one per thread if needed.
class Settings final
{
public:
    /// The application's default storage (QCoreApplication organisation/application name).
    Settings();
    /// An INI file at `iniPath` (created on first write).
    explicit Settings(const QString &iniPath);
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    /// Writes pending changes to storage; also done on destruction.
    void sync();
    /// Where the values are stored (a file path or a registry path).
    QString location() const;

    // Merchant profiles -------------------------------------------------------------------
    QList<MerchantProfile> profiles() const;
    /// Replaces all profiles. Profiles with an empty or duplicate name are dropped (the first
    /// of a name wins). If the active profile disappears, the first remaining one becomes
    /// active.
    void setProfiles(const QList<MerchantProfile> &profiles);
    /// Name of the active profile; empty when there are no profiles.
    QString activeProfileName() const;
    void setActiveProfileName(const QString &name);
    /// The active profile, or nullopt when none is configured.
    std::optional<MerchantProfile> activeProfile() const;

    // Ledger and bills --------------------------------------------------------------------
    /// Path of the default SQLite ledger, used by profiles without a ledger file of their own
    /// (and when no profile exists); default: ledger.sqlite in the application data folder.
    QString ledgerPath() const;
    void setLedgerPath(const QString &path);
    /// The ledger `profile` works on: its own ledger file, or the default ledger.
    QString ledgerPathOf(const MerchantProfile &profile) const;
    /// The ledger of the active profile (the default ledger when there is none).
    QString activeLedgerPath() const;
    /// The default ledger when none is chosen: ledger.sqlite in the application data folder.
    static QString standardLedgerPath();
    /// Where a merchant gets a ledger of its own: ledger-<mchid>.sqlite beside `ledger`.
    static QString ledgerBeside(const QString &ledger, const QString &mchid);
    /// Daily bill fetch time, China Standard Time. Default 10:30 (bills are ready after 10:00).
    QTime billFetchTime() const;
    void setBillFetchTime(const QTime &cstTime);
    /// Seconds before midnight CST within which a payment may be booked in the next day's
    /// bill (CROSS_DAY_PENDING). Default 300; clamped to [0, 3600].
    int crossMidnightWindowSeconds() const;
    void setCrossMidnightWindowSeconds(int seconds);

    // Re-query and scheduler ----------------------------------------------------------------
    RequeryRules requeryRules() const;
    /// Values are clamped to sane ranges: stuck 1..1440 min, attempts 1..100, QPS 1..500.
    void setRequeryRules(const RequeryRules &rules);
    bool schedulerEnabled() const;
    void setSchedulerEnabled(bool enabled);

    // Alerts ------------------------------------------------------------------------------
    AlertThresholds alertThresholds() const;
    void setAlertThresholds(const AlertThresholds &thresholds);
    /// Where alerts are POSTed; empty = no webhook. Only http(s) URLs are kept.
    QUrl alertWebhookUrl() const;
    void setAlertWebhookUrl(const QUrl &url);

    // Callback receiver -------------------------------------------------------------------
    bool receiverEnabled() const;
    void setReceiverEnabled(bool enabled);
    /// TCP port of the callback receiver, 1..65535; default 8443.
    int receiverPort() const;
    void setReceiverPort(int port);

    // Interface ---------------------------------------------------------------------------
    /// "zh_CN", "en", or empty for "follow the system".
    QString language() const;
    void setLanguage(const QString &code);
    /// Main window geometry and dock/toolbar state (QWidget::saveGeometry/saveState bytes).
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    /// Folder of the last exported report, where the next export is suggested; the documents
    /// folder before the first.
    QString exportDir() const;
    void setExportDir(const QString &dir);
    /// A person's layout of a table or splitter (their saveState() bytes) by its name (e.g.
    /// "table/discrepancies"); empty when never saved.
    QByteArray layoutState(const QString &name) const;
    void setLayoutState(const QString &name, const QByteArray &state);
    /// Identifier of the view shown last (e.g. "reconcile"); empty before the first run.
    QString lastView() const;
    void setLastView(const QString &view);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace wxr
