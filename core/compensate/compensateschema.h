// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "ledger/migration.h"

#include <QString>

#include <memory>

namespace wxr::core {

class Ledger;

/// The compensate module's tables in the ledger (module "compensate"): `requery_queue`, the
/// durable re-query queue (one row per order or refund, surviving restarts), and `requery_log`,
/// every query and close sent for the per-order history. Pass it in
/// LedgerOptions::extraMigrations, or Ledger::migrate() it before use.
MigrationSet compensateMigrations();

/// Opens (creating if needed) the ledger at `path` with the compensate tables migrated, on the
/// calling thread (which then owns it). Errors as Ledger::open.
Result<std::unique_ptr<Ledger>> openRequeryLedger(const QString &path);

} // namespace wxr::core
