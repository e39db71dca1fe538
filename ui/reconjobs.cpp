// SPDX-License-Identifier: GPL-3.0-or-later
#include "reconjobs.h"

#include "appcontext.h"
#include "common/cstime.h"
#include "ledger/billrepository.h"
#include "ledger/ledger.h"
#include "report/csvreport.h"
#include "report/xlsxreport.h"
#include "wechatpay/apiclient.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QSet>
#include <QThread>

namespace wxr::ui::jobs {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wxr::ui::jobs)
};

Result<std::unique_ptr<core::Ledger>> openLedger(const QString &path)
{
    return core::Ledger::open(path, AppContext::ledgerOptions());
}

Error cancelled()
{
    return makeError(ErrorCode::Cancelled, Tr::tr("Cancelled; nothing was changed."));
}

// Waits on a worker thread for a future the GUI thread's event loop completes, checking for
// cancellation meanwhile. The short sleeps are on the worker, never on the GUI thread.
template<typename T>
bool waitFor(QFuture<T> &future, QPromise<void> &promise)
{
    while (!future.isFinished()) {
        if (promise.isCanceled()) {
            future.cancel();
            return false;
        }
        QThread::msleep(20);
    }
    return !future.isCanceled() && future.resultCount() > 0;
}

} // namespace

Result<FetchedDay> fetchAndReconcile(core::ApiClient *client, const QString &ledgerPath,
                                     QDate billDate, const core::ReconOptions &options,
                                     QPromise<void> &promise)
{
    const QString date = billDate.toString(Qt::ISODate);
    promise.setProgressRange(0, 0);
    auto ledger = openLedger(ledgerPath);
    if (!ledger.ok())
        return ledger.error();
    // An ALL bill the ledger holds with the SHA-1 WeChat Pay announces is not downloaded again.
    const auto held = core::BillRepository(**ledger).billsOf(billDate);
    if (!held.ok())
        return held.error();
    QSet<QByteArray> heldSha1;
    for (const core::ImportedBill &b : *held) {
        if (b.billType == u"ALL" && !b.sha1.isEmpty())
            heldSha1.insert(b.sha1.toLower());
    }
    promise.setProgressValueAndText(0, Tr::tr("Downloading the bill of %1").arg(date));
    QFuture<core::ApiResult<core::BillFile>> download = client->downloadTradeBill(
        billDate, core::TradeBillType::All, true,
        [heldSha1](const QByteArray &sha1Hex) { return heldSha1.contains(sha1Hex); });
    if (!waitFor(download, promise))
        return cancelled();
    const core::ApiResult<core::BillFile> file = download.result();
    if (!file.ok())
        return file.error();
    switch (file->status) {
    case core::BillFile::Status::Empty: {
        // A normal day without trades (spec §7.5): recorded as an empty bill and reconciled,
        // so that any order the ledger holds as paid that day shows as missing in the bill.
        const auto recorded = core::BillRepository(**ledger).recordEmpty(
            billDate, QStringLiteral("ALL"), options.actor, client->mchid());
        if (!recorded.ok())
            return recorded.error();
        break;
    }
    case core::BillFile::Status::NotReady:
        return makeError(
            ErrorCode::Conflict,
            Tr::tr("WeChat Pay is still preparing the bill of %1; try again after 10:00 "
                   "(China Standard Time).")
                .arg(date),
            file->apiMessage);
    case core::BillFile::Status::Known:
    case core::BillFile::Status::Ready:
        break;
    }

    if (file->status == core::BillFile::Status::Ready) {
        promise.setProgressValueAndText(0, Tr::tr("Importing the bill of %1").arg(date));
        QByteArray data = file->data;
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        core::BillImportOptions importOptions;
        importOptions.billDate = billDate;
        importOptions.sourceName = QStringLiteral("tradebill_ALL_%1.csv").arg(date);
        importOptions.expectedSha1 = file->sha1Hex;
        importOptions.fetchedAt = cst::now();
        importOptions.actor = options.actor;
        auto imported = core::BillRepository(**ledger).import(buffer, importOptions, promise);
        if (!imported.ok())
            return imported.error();
        if (promise.isCanceled())
            return cancelled();
    }
    promise.setProgressValueAndText(0, Tr::tr("Reconciling %1").arg(date));
    auto run = core::reconcile(**ledger, billDate, options, promise);
    if (!run.ok())
        return run.error();
    return FetchedDay{std::move(*run), file->status == core::BillFile::Status::Empty};
}

Result<core::ReconRun> reconcileDate(const QString &ledgerPath, QDate billDate,
                                     const core::ReconOptions &options, QPromise<void> &promise)
{
    auto ledger = openLedger(ledgerPath);
    if (!ledger.ok())
        return ledger.error();
    promise.setProgressValueAndText(0,
                                    Tr::tr("Reconciling %1").arg(billDate.toString(Qt::ISODate)));
    return core::reconcile(**ledger, billDate, options, promise);
}

QString emptyBillNote(const FetchedDay &day)
{
    if (!day.billEmpty)
        return {};
    return u' ' + Tr::tr("WeChat Pay has no bill for the day (no payment or refund).");
}

QString reportSuffix(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Csv:
        return QStringLiteral("csv");
    case ReportFormat::Xlsx:
        return QStringLiteral("xlsx");
    case ReportFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

ReportWriter builtInReportWriter(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Csv:
        return &core::CsvReport::writeFile;
    case ReportFormat::Xlsx:
        return &core::XlsxReport::writeFile;
    case ReportFormat::Pdf:
        return {};
    }
    return {};
}

Result<QString> exportReport(const QString &ledgerPath, const core::ReportRange &range,
                             const ReportWriter &writer, const QString &path,
                             QPromise<void> &promise)
{
    if (!writer)
        return makeError(ErrorCode::Config,
                         Tr::tr("This format cannot be written by this build of wxrecon."));
    auto ledger = openLedger(ledgerPath);
    if (!ledger.ok())
        return ledger.error();
    promise.setProgressValueAndText(0, Tr::tr("Writing %1").arg(path));
    if (const Status written = writer(**ledger, range, path, promise); !written.ok())
        return written.error();
    return path;
}

} // namespace wxr::ui::jobs
