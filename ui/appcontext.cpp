// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontext.h"

#include "common/cstime.h"
#include "common/settings.h"
#include "compensate/compensateschema.h"
#include "jobrunner.h"
#include "ledger/billrepository.h"
#include "ledger/reconrepository.h"
#include "merchantservices.h"
#include "monitor/monitorschema.h"
#include "notify/notifyschema.h"
#include "statusmodel.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QTimer>
#include <QUrl>

namespace wxr::ui {

AppContext::AppContext(std::unique_ptr<Settings> settings, SecretStore::Backend secretBackend,
                       Options options, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_options(std::move(options))
    , m_secrets(new SecretStore(secretBackend, this))
    , m_jobs(new JobRunner(2, this))
    , m_status(new StatusModel(this))
    , m_merchant(new MerchantServices(*this, this))
    , m_ledgerSignalDue(new QTimer(this))
{
    m_ledgerSignalDue->setSingleShot(true);
    connect(m_ledgerSignalDue, &QTimer::timeout, this, &AppContext::emitLedgerChanged);
    connect(this, &AppContext::ledgerChanged, this, &AppContext::refreshLastBill);
    updateMerchantStatus();
    m_pathInUse = ledgerPath();
    m_status->setLedgerPath(m_pathInUse);
}

AppContext::~AppContext()
{
    // Jobs may still reference the settings or the secrets' results; stop them first.
    delete m_jobs;
    m_jobs = nullptr;
}

core::LedgerOptions AppContext::ledgerOptions()
{
    core::LedgerOptions options;
    options.extraMigrations
        = {core::notifyMigrations(), core::compensateMigrations(), core::monitorMigrations()};
    return options;
}

QString AppContext::actor()
{
    QString login = qEnvironmentVariable("USER");
    if (login.isEmpty())
        login = qEnvironmentVariable("USERNAME");
    return QStringLiteral("user ") + (login.isEmpty() ? QStringLiteral("wxrecon") : login);
}

QString AppContext::ledgerPath() const
{
    return m_ledgerPath.isEmpty() ? m_settings->activeLedgerPath() : m_ledgerPath;
}

void AppContext::setLedgerPath(const QString &path)
{
    m_ledgerPath = path;
    m_pathInUse = ledgerPath();
    m_status->setLedgerPath(m_pathInUse);
    m_ledger.reset();
    emitLedgerChanged();
}

void AppContext::followLedgerPath()
{
    const QString path = ledgerPath();
    if (path == m_pathInUse)
        return;
    m_pathInUse = path;
    m_status->setLedgerPath(path);
    m_ledger.reset();
    emitLedgerChanged();
}

bool AppContext::isShownLedger(const QString &path) const
{
    return QFileInfo(path).absoluteFilePath() == QFileInfo(ledgerPath()).absoluteFilePath();
}

QString AppContext::elsewhereNote(const QString &path)
{
    if (isShownLedger(path))
        return {};
    const QString file = QFileInfo(path).absoluteFilePath();
    for (const MerchantProfile &p : settings().profiles()) {
        if (QFileInfo(settings().ledgerPathOf(p)).absoluteFilePath() == file)
            return u' ' + tr("(On the ledger of “%1”, not the one shown now.)").arg(p.name);
    }
    return u' ' + tr("(On the ledger %1, not the one shown now.)").arg(path);
}

QDate AppContext::latestReconciledDate()
{
    const QDate yesterday = cst::billDateOf(cst::now()).addDays(-1);
    auto opened = ledger();
    if (!opened.ok())
        return yesterday;
    // Bills are available for three months; older runs are not where a day starts.
    auto runs = core::ReconRepository(**opened).latestRuns(yesterday.addDays(-120), yesterday);
    if (!runs.ok() || runs->isEmpty())
        return yesterday;
    QDate latest;
    for (const core::ReconRun &r : *runs)
        latest = qMax(latest, r.billDate);
    return latest;
}

Result<core::Ledger *> AppContext::ledger()
{
    const QString path = ledgerPath();
    if (m_ledger && m_ledger->path() == path)
        return m_ledger.get();
    m_ledger.reset();
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto opened = core::Ledger::open(path, ledgerOptions());
    if (!opened.ok())
        return opened.error();
    m_ledger = std::move(opened.value());
    return m_ledger.get();
}

void AppContext::notifyLedgerChanged()
{
    emitLedgerChanged();
}

void AppContext::refreshLastBill()
{
    // Whatever fetched or imported it (this application, wxrecon-cli from cron, another
    // machine on a shared ledger file).
    auto ledger = this->ledger();
    if (!ledger.ok())
        return; // the views say why
    const auto latest = core::BillRepository(**ledger).latestTradeBill();
    if (!latest.ok())
        return;
    if (!latest->has_value()) {
        m_status->setLastBillFetched({}, 0);
        return;
    }
    const core::ImportedBill &bill = **latest;
    m_status->setLastBillFetched(bill.billDate, bill.fetchedAt.value_or(bill.importedAt));
}

void AppContext::notifyLedgerChangedSoon()
{
    if (m_ledgerSignalDue->isActive())
        return; // folded into the signal already due
    const qint64 since
        = m_lastLedgerSignal.isValid() ? m_lastLedgerSignal.elapsed() : kLedgerSignalSpacingMs;
    if (since >= kLedgerSignalSpacingMs)
        emitLedgerChanged();
    else
        m_ledgerSignalDue->start(int(kLedgerSignalSpacingMs - since));
}

void AppContext::emitLedgerChanged()
{
    m_ledgerSignalDue->stop(); // this signal covers a folded change too
    m_lastLedgerSignal.start();
    emit ledgerChanged();
}

void AppContext::setReportWriter(jobs::ReportFormat format, jobs::ReportWriter writer)
{
    // Only PDF comes from outside; CSV and XLSX are core's.
    if (format == jobs::ReportFormat::Pdf)
        m_pdfWriter = std::move(writer);
}

jobs::ReportWriter AppContext::reportWriter(jobs::ReportFormat format) const
{
    return format == jobs::ReportFormat::Pdf ? m_pdfWriter : jobs::builtInReportWriter(format);
}

QList<jobs::ReportFormat> AppContext::reportFormats() const
{
    QList<jobs::ReportFormat> formats{jobs::ReportFormat::Csv, jobs::ReportFormat::Xlsx};
    if (m_pdfWriter)
        formats.append(jobs::ReportFormat::Pdf);
    return formats;
}

void AppContext::setActiveProfile(const QString &name)
{
    if (name == m_settings->activeProfileName())
        return;
    m_settings->setActiveProfileName(name);
    updateMerchantStatus();
    // The merchant's connection is rebuilt first (on the new profile's ledger), then the
    // views reload from that ledger.
    emit activeProfileChanged(m_settings->activeProfileName());
    followLedgerPath();
}

void AppContext::notifyProfilesChanged()
{
    updateMerchantStatus();
    emit profilesChanged();
    emit activeProfileChanged(m_settings->activeProfileName());
    followLedgerPath();
}

void AppContext::notifySettingsChanged()
{
    emit settingsChanged();
    // A ledger path chosen in Settings takes effect at once: views reload from the new file.
    followLedgerPath();
}

void AppContext::notice(NoticeBar::Level level, const QString &sentence, const QString &detail)
{
    emit noticeRequested(level, sentence, detail);
}

void AppContext::notice(NoticeBar::Level level, const QString &sentence, const QString &actionText,
                        std::function<void()> action)
{
    emit noticeRequested(level, sentence, {});
    emit noticeActionOffered(actionText, std::move(action));
}

void AppContext::noticeFileSaved(const QString &sentence, const QString &file)
{
    const QUrl folder = QUrl::fromLocalFile(QFileInfo(file).absolutePath());
    notice(NoticeBar::Level::Success, sentence, tr("Open folder"),
           [folder] { QDesktopServices::openUrl(folder); });
}

void AppContext::updateMerchantStatus()
{
    const auto profile = m_settings->activeProfile();
    m_status->setMerchant(profile ? profile->name : QString());
}

} // namespace wxr::ui
