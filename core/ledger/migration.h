// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QList>
#include <QString>

#include <functional>

namespace wxr::core {

class Ledger;

/// One schema step. `sql` may hold several statements; it runs inside the migration's
/// transaction together with the bookkeeping row, so a step is applied entirely or not at all.
/// Write SQL that PostgreSQL could also run where that costs nothing (INTEGER, TEXT, no
/// SQLite-only types), but steps are per backend anyway.
struct Migration
{
    int version = 0; ///< strictly increasing within its module, starting at 1
    QString name;    ///< short description, stored with the applied step
    QString sql;
    /// Moves existing data into the new tables where SQL alone cannot; runs after `sql`, in the
    /// same transaction.
    std::function<Status(Ledger &)> convert;
};

/// The ordered migrations of one module. Each module owns its own version sequence, so modules
/// built later (callbacks, re-query scheduler, ...) add tables without renumbering anyone else's:
/// they call Ledger::migrate(theirSet) before first use, or pass it in LedgerOptions.
struct MigrationSet
{
    QString module; ///< e.g. "ledger", "notify", "compensate"
    QList<Migration> steps;
};

/// The ledger's own schema (orders, refunds, bills, bill rows, reconciliation runs,
/// discrepancies, audit log). Applied by Ledger::open.
MigrationSet ledgerMigrations();

} // namespace wxr::core
