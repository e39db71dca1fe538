// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

namespace wxr::cli {

// Each family of subcommands lives in its own cmd_<family>.cpp.

QList<Command> commands()
{
    return {
    };
}

} // namespace wxr::cli
