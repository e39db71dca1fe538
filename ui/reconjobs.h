// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "ledger/discrepancy.h"
#include "recon/reconengine.h"
#include "report/reportrequest.h"

#include <QDate>
#include <QPromise>
#include <QString>

namespace wxr::core {
class ApiClient;
}

namespace wxr::ui::jobs {

// Long operations of the daily view, shaped for JobRunner::runTask: each runs on a worker
// thread, opens its own Ledger on `ledgerPath` (a Ledger belongs to the thread that opened
// it), reports progress with a text naming the step, and honours cancel.

/// Downloads the trade bill (ALL) of `billDate` through `client` (which lives on the GUI
/// thread; its calls are thread-safe), imports it — verified against WeChat's SHA-1 — and
/// reconciles the date. A day without a bill (NO_STATEMENT_EXIST) or a bill still being
/// generated is reported as one sentence (NotFound / Conflict) and nothing changes.
Result<core::ReconRun> fetchAndReconcile(core::ApiClient *client, const QString &ledgerPath,
                                         QDate billDate, const core::ReconOptions &options,
                                         QPromise<void> &promise);

/// Reconciles a date whose bill is already imported.
Result<core::ReconRun> reconcileDate(const QString &ledgerPath, QDate billDate,
                                     const core::ReconOptions &options, QPromise<void> &promise);

/// Report formats the GUI exports.
enum class ReportFormat { Csv };

/// Writes the discrepancy report of `range` to `path` (replaced atomically). Returns the path.
Result<QString> exportReport(const QString &ledgerPath, const core::ReportRange &range,
                             ReportFormat format, const QString &path, QPromise<void> &promise);

} // namespace wxr::ui::jobs
