// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli.h"

#include <QList>

namespace wxr::cli {

/// Every subcommand, in the order `wxrecon-cli --help` lists them.
QList<Command> commands();

} // namespace wxr::cli
