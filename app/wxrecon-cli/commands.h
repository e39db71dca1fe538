// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli.h"

#include <QList>

namespace wxr::cli {

/// Registers a subcommand at static-initialisation time. Each family of subcommands lives in
/// its own cmd_<family>.cpp and registers itself:
///
///     static const CommandRegistration reg{QStringLiteral("reconcile"),
///         QT_TRANSLATE_NOOP("wxrecon_cli", "Reconcile one bill date"), 40, &runReconcile};
///
/// `order` sorts the list that `wxrecon-cli --help` prints; `summary` is translated then.
struct CommandRegistration
{
    CommandRegistration(const QString &name, const char *summary, int order,
                        int (*run)(const QStringList &args));
};

/// Every registered subcommand, sorted by order.
QList<Command> commands();

} // namespace wxr::cli
