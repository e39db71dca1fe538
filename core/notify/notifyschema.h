// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ledger/migration.h"

namespace wxr::core {

/// The notify module's tables in the ledger (module "notify"): `callbacks`, one row per
/// delivery received or imported, and `callback_anomalies`, what the daily view must show
/// (an order or refund unknown before its callback, an amount that differs, money for a closed
/// order). Pass it in LedgerOptions::extraMigrations, or Ledger::migrate() it before use.
MigrationSet notifyMigrations();

} // namespace wxr::core
