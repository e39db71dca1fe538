// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ledger/migration.h"

namespace wxr::core {

/// The monitor module's tables (module "monitor"): `alerts`, raised alerts with their start and
/// end. Pass it in LedgerOptions::extraMigrations, or Ledger::migrate() it before use.
MigrationSet monitorMigrations();

} // namespace wxr::core
