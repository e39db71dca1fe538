// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QFuture>
#include <QPromise>
#include <QString>

namespace wxr::core {

class Ledger;

struct CallbackImportOptions
{
    /// false (default): the first invalid line fails the import and nothing is imported.
    /// true: invalid lines are counted and skipped.
    bool skipInvalid = false;
};

struct CallbackImportStats
{
    qint64 lines = 0;           ///< non-blank lines read
    qint64 imported = 0;        ///< new deliveries recorded
    qint64 alreadyImported = 0; ///< identical deliveries imported before (skipped)
    qint64 invalid = 0;         ///< skipped with skipInvalid
    QString firstInvalid;       ///< the message of the first skipped line
};

/// Imports a merchant backend's callback log in the JSON Lines format of callbacklog.h into
/// the ledger's `callbacks` table (source "import"), for monitoring: delays, failures by
/// cause, duplicates, lost-callback inference. The log's callbacks are not applied to orders —
/// the merchant's backend already did, and its orders arrive through the ledger import.
///
/// Idempotent: a delivery is keyed by its normalised content, so importing a file twice (or
/// two overlapping logs) records each delivery once. One transaction for the whole file, with
/// one audit row. A UTF-8 BOM and CRLF line ends are tolerated. `attempt`, when the line has
/// none, counts the deliveries of the same notification id recorded before.
///
/// Progress 0–100 by bytes; cancel is honoured between lines (ErrorCode::Cancelled, nothing
/// imported). Errors: Io naming the file, InvalidInput naming file and line, Database.
/// Runs on the calling thread, which must own the Ledger; applies the notify migrations.
Result<CallbackImportStats> importCallbackLog(Ledger &ledger, const QString &path,
                                              QPromise<void> &promise,
                                              const CallbackImportOptions &options = {});

} // namespace wxr::core
