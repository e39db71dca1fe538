// SPDX-License-Identifier: GPL-3.0-or-later
#include "importactions.h"

#include "appcontext.h"
#include "common/cstime.h"
#include "common/settings.h"
#include "jobrunner.h"
#include "ledger/billrepository.h"
#include "ledger/ledger.h"
#include "ledger/ledgercsv.h"
#include "notify/callbacklogimport.h"
#include "pathedit.h"
#include "recon/reconengine.h"

#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QPushButton>
#include <QRegularExpression>

namespace wxr::ui {

namespace {

Result<std::unique_ptr<core::Ledger>> openLedger(const QString &path)
{
    return core::Ledger::open(path, AppContext::ledgerOptions());
}

} // namespace

ImportActions::ImportActions(AppContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{}

ImportActions::~ImportActions() = default;

std::optional<QDate> ImportActions::dateInFileName(const QString &path)
{
    static const QRegularExpression dashed(QStringLiteral("(\\d{4})-(\\d{2})-(\\d{2})"));
    static const QRegularExpression compact(
        QStringLiteral("(?<!\\d)(\\d{4})(\\d{2})(\\d{2})(?!\\d)"));
    const QString name = QFileInfo(path).fileName();
    for (const QRegularExpression *re : {&dashed, &compact}) {
        const QRegularExpressionMatch m = re->match(name);
        if (!m.hasMatch())
            continue;
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (d.isValid())
            return d;
    }
    return std::nullopt;
}

QString ImportActions::refundsBeside(const QString &ordersPath)
{
    const QFileInfo info(ordersPath);
    QString name = info.fileName();
    if (!name.contains(u"orders", Qt::CaseInsensitive))
        return {};
    name.replace(QStringLiteral("orders"), QStringLiteral("refunds"), Qt::CaseInsensitive);
    const QString candidate = info.dir().filePath(name);
    return QFileInfo::exists(candidate) ? candidate : QString();
}

QFuture<void> ImportActions::track(const QFuture<void> &job)
{
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        emit finished(!watcher->future().isCanceled());
    });
    watcher->setFuture(job);
    return job;
}

QFuture<void> ImportActions::importLedger(const QString &ordersPath, const QString &refundsPath)
{
    const QString ledgerPath = m_ctx.ledgerPath();
    const QFuture<void> job = m_ctx.jobs()->runTask<core::LedgerImportStats>(
        tr("Importing the ledger"),
        [=](QPromise<void> &promise) -> Result<core::LedgerImportStats> {
            auto ledger = openLedger(ledgerPath);
            if (!ledger.ok())
                return ledger.error();
            return core::importLedgerCsv(**ledger, ordersPath, refundsPath, promise);
        },
        this,
        [this, refundsPath, ledgerPath](const core::LedgerImportStats &s) {
            QString sentence = tr("%Ln orders imported", nullptr, int(s.ordersRead)) + u' '
                               + tr("(%1 new, %2 updated, %3 unchanged)")
                                     .arg(s.ordersCreated)
                                     .arg(s.ordersUpdated)
                                     .arg(s.ordersUnchanged);
            if (!refundsPath.isEmpty())
                sentence += tr("; %Ln refunds", nullptr, int(s.refundsRead)) + u' '
                            + tr("(%1 new, %2 updated, %3 unchanged)")
                                  .arg(s.refundsCreated)
                                  .arg(s.refundsUpdated)
                                  .arg(s.refundsUnchanged);
            m_ctx.notice(NoticeBar::Level::Success,
                         sentence + u'.' + m_ctx.elsewhereNote(ledgerPath));
            m_ctx.notifyLedgerChanged();
        });
    return track(job);
}

QFuture<void> ImportActions::importBill(QDate billDate, const QString &path)
{
    const QString ledgerPath = m_ctx.ledgerPath();
    core::ReconOptions recon;
    recon.crossDayWindowSeconds = m_ctx.settings().crossMidnightWindowSeconds();
    recon.actor = AppContext::actor();
    const QFuture<void> job = m_ctx.jobs()->runTask<core::ReconRun>(
        tr("Importing the bill of %1").arg(billDate.toString(Qt::ISODate)),
        [=](QPromise<void> &promise) -> Result<core::ReconRun> {
            auto ledger = openLedger(ledgerPath);
            if (!ledger.ok())
                return ledger.error();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return makeError(ErrorCode::Io,
                                 tr("%1 could not be opened: %2; nothing was imported.")
                                     .arg(path, file.errorString()));
            core::BillImportOptions options;
            options.billDate = billDate;
            options.sourceName = QFileInfo(path).fileName();
            options.actor = recon.actor;
            auto imported = core::BillRepository(**ledger).import(file, options, promise);
            if (!imported.ok())
                return imported.error();
            promise.setProgressValueAndText(
                0, tr("Reconciling %1").arg(billDate.toString(Qt::ISODate)));
            return core::reconcile(**ledger, billDate, recon, promise);
        },
        this,
        [this, billDate, ledgerPath](const core::ReconRun &run) {
            m_ctx.notice(NoticeBar::Level::Success,
                         tr("Bill of %1 imported and reconciled: %Ln discrepancies.", nullptr,
                            int(run.discrepancyCount))
                                 .arg(billDate.toString(Qt::ISODate))
                             + m_ctx.elsewhereNote(ledgerPath));
            m_ctx.notifyLedgerChanged();
            // The daily view goes to the day only if it shows that ledger.
            if (m_ctx.isShownLedger(ledgerPath))
                emit billReconciled(billDate);
        });
    return track(job);
}

QFuture<void> ImportActions::importCallbackLog(const QString &path)
{
    const QString ledgerPath = m_ctx.ledgerPath();
    const QFuture<void> job = m_ctx.jobs()->runTask<core::CallbackImportStats>(
        tr("Importing the callback log"),
        [=](QPromise<void> &promise) -> Result<core::CallbackImportStats> {
            auto ledger = openLedger(ledgerPath);
            if (!ledger.ok())
                return ledger.error();
            return core::importCallbackLog(**ledger, path, promise);
        },
        this,
        [this, ledgerPath](const core::CallbackImportStats &s) {
            m_ctx.notice(NoticeBar::Level::Success,
                         tr("%Ln callbacks imported", nullptr, int(s.imported))
                             + tr(" (%Ln already there).", nullptr, int(s.alreadyImported))
                             + m_ctx.elsewhereNote(ledgerPath));
            m_ctx.notifyLedgerChanged();
        });
    return track(job);
}

void ImportActions::askLedger(QWidget *parent)
{
    const QString orders
        = QFileDialog::getOpenFileName(parent, tr("Import the ledger: choose orders.csv"),
                                       QString(), tr("Ledger CSV (*.csv);;All files (*)"));
    if (orders.isEmpty())
        return;
    importLedger(orders, refundsBeside(orders));
}

void ImportActions::askBill(QWidget *parent, QDate suggestedDate)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(tr("Import a bill file"));
    auto *file
        = new PathEdit(PathEdit::Kind::OpenFile, tr("Choose a WeChat Pay bill file"), &dialog);
    file->setFilter(tr("WeChat Pay bills (*.csv *.csv.gz *.gz);;All files (*)"));
    auto *date = new QDateEdit(
        suggestedDate.isValid() ? suggestedDate : cst::billDateOf(cst::now()).addDays(-1), &dialog);
    date->setCalendarPopup(true);
    date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    connect(file, &PathEdit::pathChanged, &dialog, [date](const QString &path) {
        if (const auto d = dateInFileName(path))
            date->setDate(*d);
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Import and reconcile"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Bill file:"), file);
    form->addRow(tr("Bill date:"), date);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted || file->path().isEmpty())
        return;
    importBill(date->date(), file->path());
}

void ImportActions::askCallbackLog(QWidget *parent)
{
    const QString path
        = QFileDialog::getOpenFileName(parent, tr("Import a callback log"), QString(),
                                       tr("JSON Lines (*.jsonl *.json *.log);;All files (*)"));
    if (!path.isEmpty())
        importCallbackLog(path);
}

} // namespace wxr::ui
