// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "ledger/discrepancy.h"
#include "recon/reconengine.h"
#include "report/reportrequest.h"

#include <QDate>
#include <QPromise>
#include <QString>

#include <functional>

namespace wxr::core {
class ApiClient;
}

namespace wxr::ui::jobs {

// Long operations of the daily view, shaped for JobRunner::runTask: each runs on a worker
// thread, opens its own Ledger on `ledgerPath` (a Ledger belongs to the thread that opened
// it), reports progress with a text naming the step, and honours cancel.

/// A day fetched and reconciled.
struct FetchedDay
{
    core::ReconRun run;
    bool billEmpty = false; ///< WeChat Pay had no bill (NO_STATEMENT_EXIST: no trade that day)
};

/// Downloads the trade bill (ALL) of `billDate` through `client` (which lives on the GUI
/// thread; its calls are thread-safe), imports it — verified against WeChat's SHA-1 — and
/// reconciles the date. A day without a bill (NO_STATEMENT_EXIST: no trade that day) is
/// recorded as an empty bill and reconciled, so that the ledger's paid orders of the day show
/// as missing in the bill. A bill still being generated is reported as one sentence
/// (Conflict) and nothing changes.
Result<FetchedDay> fetchAndReconcile(core::ApiClient *client, const QString &ledgerPath,
                                     QDate billDate, const core::ReconOptions &options,
                                     QPromise<void> &promise);
/// For the notice after a fetch: " " and a sentence saying WeChat Pay had no bill for the
/// day, or nothing.
QString emptyBillNote(const FetchedDay &day);

/// Reconciles a date whose bill is already imported.
Result<core::ReconRun> reconcileDate(const QString &ledgerPath, QDate billDate,
                                     const core::ReconOptions &options, QPromise<void> &promise);

/// Report formats the GUI exports.
enum class ReportFormat { Csv, Xlsx, Pdf };
/// "csv", "xlsx", "pdf" (file suffixes).
QString reportSuffix(ReportFormat format);

/// Writes a report of a range to a file (replaced atomically); runs on the ledger's thread.
using ReportWriter = std::function<Status(core::Ledger &, const core::ReportRange &,
                                          const QString &, QPromise<void> &)>;
/// The writers core provides (CSV, XLSX); empty for PDF, which needs QtGui and is provided by
/// the application (AppContext::setReportWriter).
ReportWriter builtInReportWriter(ReportFormat format);

/// Writes the discrepancy report of `range` to `path` with `writer`. Returns the path.
Result<QString> exportReport(const QString &ledgerPath, const core::ReportRange &range,
                             const ReportWriter &writer, const QString &path,
                             QPromise<void> &promise);

} // namespace wxr::ui::jobs
