// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "ledger/ledger.h"
#include "noticebar.h"
#include "reconjobs.h"
#include "secretstore.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <memory>

class QTimer;

namespace wxr {
class Settings;
}

namespace wxr::ui {

class JobRunner;
class MerchantServices;
class StatusModel;

/// What every view shares: the typed settings, the secret store, the job runner and the
/// status model. Owned by main() (or a test) and outlives the main window. GUI thread only.
class AppContext final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppContext)

public:
    struct Options
    {
        bool demo = false;            ///< started with --demo (stand-in and temporary ledger)
        QString languageCode;         ///< language in effect: "zh_CN" or "en"
        QStringList restartArguments; ///< arguments to restart with (without the program name)
    };

    /// Takes ownership of `settings`.
    AppContext(std::unique_ptr<Settings> settings, SecretStore::Backend secretBackend,
               Options options, QObject *parent = nullptr);
    ~AppContext() override;

    Settings &settings() { return *m_settings; }
    SecretStore *secrets() { return m_secrets; }
    JobRunner *jobs() { return m_jobs; }
    StatusModel *status() { return m_status; }
    /// The active merchant's WeChat Pay connection (client and query gate).
    MerchantServices *merchant() { return m_merchant; }
    const Options &options() const { return m_options; }
    bool demo() const { return m_options.demo; }

    /// Who acts, for audit rows and run records: "user <login name>".
    static QString actor();

    /// Makes `name` the active merchant profile (stored in the settings) and tells everyone.
    void setActiveProfile(const QString &name);
    /// Call after the profile list in the settings changed (the settings view does).
    void notifyProfilesChanged();
    /// Call after other settings changed.
    void notifySettingsChanged();

    /// The migrations of every module whose tables the GUI reads; jobs that open their own
    /// Ledger on a worker thread use the same options.
    static core::LedgerOptions ledgerOptions();
    /// The ledger file in use: the active merchant profile's (Settings::activeLedgerPath), or
    /// the one set by setLedgerPath. Choosing another merchant, or another ledger file under
    /// Settings, switches the ledger: the views reload (ledgerChanged) and the merchant's
    /// connection, re-query scheduler and callback receiver are rebuilt on the new file.
    QString ledgerPath() const;
    /// Uses this ledger file from now on whatever the profile (tests on a prepared ledger).
    /// The GUI-thread connection is reopened on next use; emits ledgerChanged.
    void setLedgerPath(const QString &path);
    /// The GUI thread's connection to the ledger, opened (and migrated) on first use. Views
    /// read through it; long jobs open their own Ledger on their worker thread. The error says
    /// which file could not be opened and why.
    Result<core::Ledger *> ledger();
    /// Where a day's work starts: the latest bill date the ledger has reconciled (of the last
    /// 120 days), or yesterday (CST) when there is none. The daily view and the reports open
    /// on it.
    QDate latestReconciledDate();
    /// Call after a job wrote to the ledger; views reload.
    void notifyLedgerChanged();
    /// Reads the latest trade bill the ledger holds into the status bar's model; done on
    /// every ledgerChanged, and once by the main window at start.
    void refreshLastBill();
    /// The same for a background writer that changes the ledger many times a second (the
    /// scheduler applies each answer as it comes): at most one ledgerChanged every
    /// kLedgerSignalSpacingMs, the first at once and the last change never left unsignalled.
    void notifyLedgerChangedSoon();
    static constexpr int kLedgerSignalSpacingMs = 1000;

    /// Report writers by format: CSV and XLSX from core; PDF (QtGui) set by the application.
    void setReportWriter(jobs::ReportFormat format, jobs::ReportWriter writer);
    jobs::ReportWriter reportWriter(jobs::ReportFormat format) const;
    /// The formats that can be written, in menu order.
    QList<jobs::ReportFormat> reportFormats() const;
    /// Shows one sentence (and optional technical detail) in the main window's notice bar.
    void notice(NoticeBar::Level level, const QString &sentence, const QString &detail = {});
    /// The same with a button that runs `action` (e.g. "Open folder" after an export).
    void notice(NoticeBar::Level level, const QString &sentence, const QString &actionText,
                std::function<void()> action);
    /// A success notice for a file just written, with a button that opens its folder.
    void noticeFileSaved(const QString &sentence, const QString &file);
    /// For the sentence of a job that ended: empty when `ledgerPath`, the ledger the job worked
    /// on, is the one shown; else " (On the ledger of “A”, not the one shown now.)" — another
    /// merchant was chosen while the job ran, and its outcome is not what the views show.
    QString elsewhereNote(const QString &ledgerPath);
    bool isShownLedger(const QString &ledgerPath) const;

signals:
    void profilesChanged();
    void activeProfileChanged(const QString &name);
    void settingsChanged();
    /// The ledger's content changed (a job wrote to it) or another ledger file is in use.
    void ledgerChanged();
    void noticeRequested(wxr::ui::NoticeBar::Level level, const QString &sentence,
                         const QString &detail);
    /// Follows a noticeRequested that offers a button.
    void noticeActionOffered(const QString &text, std::function<void()> action);

private:
    void updateMerchantStatus();
    void emitLedgerChanged();
    /// After the profile or the settings changed: if ledgerPath() is another file now, closes
    /// the old one and emits ledgerChanged.
    void followLedgerPath();

    std::unique_ptr<Settings> m_settings;
    Options m_options;
    QString m_ledgerPath; ///< set by setLedgerPath; empty = follow the settings
    QString m_pathInUse;  ///< ledgerPath() as last announced
    jobs::ReportWriter m_pdfWriter;
    std::unique_ptr<core::Ledger> m_ledger;
    SecretStore *m_secrets = nullptr;
    JobRunner *m_jobs = nullptr;
    StatusModel *m_status = nullptr;
    MerchantServices *m_merchant = nullptr;
    QElapsedTimer m_lastLedgerSignal;
    QTimer *m_ledgerSignalDue = nullptr; ///< a folded notifyLedgerChangedSoon() pending
};

} // namespace wxr::ui
