// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ledger/discrepancy.h"

#include <QString>
#include <QStringList>

namespace wxr::core {

/// Column titles of the discrepancy list, in contract column order (13 columns; amounts are
/// titled in yuan).
QStringList discrepancyColumnTitles();

} // namespace wxr::core
