// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/settings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTimeEdit;

namespace wxr::ui {

class AppContext;
class ConnectionTester;
class PathEdit;
class ProfileEditor;

/// The Settings view: merchant profiles (secrets go to the SecretStore), ledger and bill
/// schedule, re-query rules and scheduler, alert thresholds and webhook, cross-midnight
/// window, callback receiver and language. Edits are kept until "Save" (validated first) or
/// discarded with "Revert".
class SettingsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsView)

public:
    explicit SettingsView(AppContext &context, QWidget *parent = nullptr);
    ~SettingsView() override;

    /// Discards edits and shows what the settings hold.
    void reload();
    /// Validates and writes everything; on a problem shows it (one sentence), selects the
    /// offending profile and returns false.
    bool save();
    bool isDirty() const { return m_dirty; }

    ProfileEditor *profileEditor() const { return m_editor; }
    /// Adds a new, empty profile and selects it.
    void addProfile();
    /// Removes the selected profile (its stored secrets are deleted on save).
    void removeSelectedProfile();
    /// Two profiles of different merchants that work on one ledger file (a ledger holds one
    /// merchant's bills): the first such pair, by index, with the file.
    struct SharedLedger
    {
        int first = -1;
        int second = -1;
        QString path;
    };
    static std::optional<SharedLedger> sharedLedger(const QList<MerchantProfile> &profiles,
                                                    const QString &defaultLedger);
    /// What to tell the person about it, in one sentence.
    static QString sharedLedgerSentence(const QList<MerchantProfile> &profiles,
                                        const SharedLedger &shared);
    /// Shows the profile at `row` of the list.
    void selectProfile(int row);

    /// Adds a profile with the settings of a merchant INI (wxrecon-cli's --config), selected
    /// and not yet saved; an inline APIv3 key goes to the keychain on save, as if typed. On
    /// a problem shows it and returns false.
    bool importMerchantIni(const QString &path);

signals:
    /// The language choice changed on save; "" = follow the system.
    void languageChanged(const QString &code);

private:
    struct Row
    {
        MerchantProfile profile;
        QString storedName; ///< name its secrets are stored under; empty for a new profile
        QString typedApiV3Key;
        QString typedPassphrase;
        bool hasStoredKey = false;
        bool hasStoredPassphrase = false;
    };

    QWidget *buildProfilesPage();
    /// A profile name not in use yet: `base`, else "`base` 2", "`base` 3"…
    QString unusedName(const QString &base) const;
    void appendRow(const Row &row);
    /// The profiles as edited, in list order.
    QList<MerchantProfile> rowProfiles() const;
    QWidget *buildGeneralPage();
    void selectRow(int row);
    void commitEditor();
    void refreshList();
    void setDirty(bool dirty);
    void lookUpStoredSecrets(int row);
    void writeSecrets(const QList<Row> &rows, const QStringList &removedNames);
    /// The default ledger as it will be saved.
    QString defaultLedgerPath() const;
    /// Gives a new profile a ledger of its own when another merchant's profile works on the
    /// default ledger; then the first two profiles of different merchants that would share a
    /// ledger file.
    std::optional<SharedLedger> settleLedgers();

    AppContext &m_ctx;
    QList<Row> m_rows;
    QStringList m_removedNames;
    int m_current = -1;
    bool m_dirty = false;
    bool m_loading = false;

    QListWidget *m_profileList = nullptr;
    QPushButton *m_addProfile = nullptr;
    QPushButton *m_removeProfile = nullptr;
    QPushButton *m_importIni = nullptr;
    ProfileEditor *m_editor = nullptr;
    ConnectionTester *m_tester = nullptr;

    PathEdit *m_ledgerPath = nullptr;
    QTimeEdit *m_billTime = nullptr;
    QSpinBox *m_crossMidnight = nullptr;
    QCheckBox *m_scheduler = nullptr;
    QSpinBox *m_stuckAfter = nullptr;
    QSpinBox *m_maxAttempts = nullptr;
    QSpinBox *m_qps = nullptr;
    QDoubleSpinBox *m_failureRate = nullptr;
    QSpinBox *m_p95 = nullptr;
    QSpinBox *m_silence = nullptr;
    QSpinBox *m_alertWindow = nullptr;
    QLineEdit *m_webhook = nullptr;
    QCheckBox *m_receiver = nullptr;
    QSpinBox *m_receiverPort = nullptr;
    QComboBox *m_language = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
};

} // namespace wxr::ui
