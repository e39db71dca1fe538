// SPDX-License-Identifier: GPL-3.0-or-later
// wxrecon-cli report: the discrepancies of a date or range as CSV, XLSX or PDF.
#include "commands.h"
#include "reconjob.h"

#ifdef WXR_HAVE_PDF
#include "pdfreport.h"
#endif
#include "report/csvreport.h"
#include "report/reportrequest.h"
#include "report/xlsxreport.h"

#include <QCommandLineParser>
#ifdef WXR_PDF_HELPER_DIR
#include <QDir>
#include <QFileInfo>

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>
#endif

using namespace wxr::core;

namespace wxr::cli {

namespace {

#ifdef WXR_PDF_HELPER_DIR
// The PDF report is written by wxrecon-cli-pdf (see app/wxrecon-cli/CMakeLists.txt): this
// process becomes that program with the same arguments and environment, so that messages,
// progress and the exit status are the command's own. Returns only when that fails.
int execPdfHelper()
{
    const QDir here(QCoreApplication::applicationDirPath());
    QString helper;
    for (const QString &dir : {here.filePath(QStringLiteral(WXR_PDF_HELPER_DIR)), here.path()}) {
        const QFileInfo candidate(QDir(dir).filePath(QStringLiteral("wxrecon-cli-pdf")));
        if (candidate.isExecutable()) {
            helper = candidate.absoluteFilePath();
            break;
        }
    }
    if (helper.isEmpty())
        return failure(makeError(
            ErrorCode::Config,
            Tr::tr("The PDF report needs wxrecon-cli-pdf, which is not "
                   "installed next to wxrecon-cli (looked in %1).")
                .arg(QDir::cleanPath(here.filePath(QStringLiteral(WXR_PDF_HELPER_DIR))))));
    const QByteArray path = QFile::encodeName(helper);
    QList<QByteArray> args;
    for (const QString &a : QCoreApplication::arguments())
        args.append(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    out().flush();
    err().flush();
    ::execv(path.constData(), argv.data());
    const int error = errno;
    return failure(
        makeError(ErrorCode::Io, Tr::tr("wxrecon-cli-pdf could not be started: %1")
                                     .arg(QString::fromLocal8Bit(std::strerror(error)))));
}
#endif

int runReport(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        Tr::tr("Writes the discrepancy report of a bill date or range: CSV (Excel-friendly, the "
               "contract's columns), XLSX (discrepancies and a summary sheet) or PDF (summary "
               "and list)."));
    p.addOptions({
        {QStringLiteral("db"), Tr::tr("Ledger file."), QStringLiteral("F")},
        {QStringLiteral("date"), Tr::tr("Bill date or inclusive range."),
         QStringLiteral("D[..D2]")},
        {QStringLiteral("format"), Tr::tr("csv, xlsx or pdf."), QStringLiteral("FORMAT")},
        {QStringLiteral("out"), Tr::tr("Report file to write."), QStringLiteral("FILE")},
    });
    if (const auto done = parse(p, QStringLiteral("report"), args))
        return *done;
    const QString name = QStringLiteral("report");
    const auto db = required(p, QStringLiteral("db"), name);
    if (!db)
        return Usage;
    const auto dateText = required(p, QStringLiteral("date"), name);
    if (!dateText)
        return Usage;
    const auto format = required(p, QStringLiteral("format"), name);
    if (!format)
        return Usage;
    const auto outPath = required(p, QStringLiteral("out"), name);
    if (!outPath)
        return Usage;
    const auto range = ReportRange::parse(*dateText);
    if (!range)
        return usageError(range.error().message);
    const QString fmt = format->toLower();
    if (fmt != u"csv" && fmt != u"xlsx" && fmt != u"pdf")
        return usageError(Tr::tr("--format must be csv, xlsx or pdf."));
#if defined(WXR_PDF_HELPER_DIR)
    if (fmt == u"pdf")
        return execPdfHelper();
#elif !defined(WXR_HAVE_PDF)
    if (fmt == u"pdf")
        return failure(makeError(
            ErrorCode::Config, Tr::tr("This wxrecon-cli was built without PDF support (QtGui).")));
#endif
    const auto written = runLedgerJob<bool>(
        *db, Tr::tr("Writing the report"), [&](Ledger &ledger, QPromise<void> &promise) {
            Status s;
            if (fmt == u"csv")
                s = CsvReport::writeFile(ledger, *range, *outPath, promise);
            else if (fmt == u"xlsx")
                s = XlsxReport::writeFile(ledger, *range, *outPath, promise);
#ifdef WXR_HAVE_PDF
            else
                s = app::PdfReport::writeFile(ledger, *range, *outPath, promise);
#endif
            if (!s)
                return Result<bool>(s.error());
            return Result<bool>(true);
        });
    if (!written)
        return failure(written.error());
    return Success;
}

const CommandRegistration registration{
    QStringLiteral("report"),
    QT_TRANSLATE_NOOP("wxrecon_cli", "Write the discrepancy report (CSV, XLSX or PDF)"), 40,
    &runReport};

} // namespace

} // namespace wxr::cli
