// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/settings.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace wxr::ui {

class PathEdit;

/// Edits one merchant profile: the fields of the merchant INI plus the two secrets (APIv3 key
/// and private-key passphrase), which are only ever typed in, never shown back: a stored
/// secret shows as a placeholder, and leaving the field empty keeps it.
class ProfileEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileEditor)

public:
    explicit ProfileEditor(QWidget *parent = nullptr);
    ~ProfileEditor() override;

    void setProfile(const MerchantProfile &profile);
    MerchantProfile profile() const;

    /// The default ledger (Settings::ledgerPath), shown when the profile has no ledger of its own.
    void setDefaultLedgerPath(const QString &path);
    /// Shows a ledger file chosen for the profile elsewhere (without emitting edited).
    void setLedgerFile(const QString &path);

    /// Tells the editor whether secrets are already stored (changes the placeholders).
    void setStoredSecrets(bool apiV3Key, bool passphrase);
    /// What was typed into the secret fields; empty = unchanged.
    QString typedApiV3Key() const;
    QString typedPassphrase() const;
    void clearTypedSecrets();
    /// Puts back what was typed before (the profile was shown again), shown masked.
    void setTypedSecrets(const QString &apiV3Key, const QString &passphrase);

    /// The first problem of the edited profile as one sentence, or nullopt when it is usable.
    std::optional<QString> problem() const;
    /// The same check for any profile and typed APIv3 key (empty = not typed).
    static std::optional<QString> validate(const MerchantProfile &profile,
                                           const QString &typedApiV3Key);

    QPushButton *testConnectionButton() const { return m_test; }
    /// Shows the outcome of a connection test under the button.
    void setTestResult(bool ok, const QString &sentence);

signals:
    void edited();
    void testConnectionRequested();

private:
    void updateKeyModeFields();

    QLineEdit *m_name = nullptr;
    QLineEdit *m_mchid = nullptr;
    QLineEdit *m_serial = nullptr;
    PathEdit *m_privateKey = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_apiv3Key = nullptr;
    PathEdit *m_apiv3KeyFile = nullptr;
    QLineEdit *m_apiBase = nullptr;
    QComboBox *m_keyMode = nullptr;
    QLineEdit *m_publicKeyId = nullptr;
    PathEdit *m_publicKeyFile = nullptr;
    PathEdit *m_certDir = nullptr;
    PathEdit *m_ledgerFile = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_testResult = nullptr;
};

} // namespace wxr::ui
