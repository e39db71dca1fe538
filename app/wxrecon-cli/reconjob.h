// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the ledger, bill, reconcile and report commands: open the ledger, run a long core
// operation on a worker thread with a QPromise (as the GUI does), and show its progress on
// stderr when stderr is a terminal.

#include "cli.h"
#include "ledger/ledger.h"

#include <QFuture>
#include <QPromise>

#include <chrono>
#include <memory>
#include <optional>
#include <thread>

namespace wxr::cli {

/// Runs `job(ledger, promise)` with the ledger at `dbPath` opened for it. When stderr is a
/// terminal the job runs on a worker thread (which opens the ledger itself: a Ledger belongs to
/// the thread that opened it) while this thread shows "label NN%"; otherwise it runs here.
/// Returns the job's result, or the error of opening the ledger.
template<typename T, typename Job>
Result<T> runLedgerJob(const QString &dbPath, const QString &label, Job job)
{
    QPromise<void> promise;
    QFuture<void> future = promise.future();
    promise.start();
    if (!stderrIsTerminal()) {
        // Nobody watches the progress: run right here (a worker thread would only add its own
        // malloc arena growing page by page).
        auto ledger = core::Ledger::open(dbPath);
        if (!ledger)
            return ledger.error();
        Result<T> r = job(**ledger, promise);
        promise.finish();
        return r;
    }
    std::optional<Result<T>> result;
    std::thread worker([&] {
        auto ledger = core::Ledger::open(dbPath);
        if (!ledger)
            result.emplace(ledger.error());
        else
            result.emplace(job(**ledger, promise));
        promise.finish();
    });
    int shown = -1;
    while (!future.isFinished()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (future.progressMaximum() > 0 && future.progressValue() != shown) {
            shown = future.progressValue();
            err() << '\r' << label << ' ' << shown << '%' << Qt::flush;
        }
    }
    worker.join();
    if (shown >= 0)
        err() << '\r' << QString(label.size() + 6, u' ') << '\r' << Qt::flush;
    return std::move(*result);
}

} // namespace wxr::cli
