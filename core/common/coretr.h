// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

namespace wxr {

/// Translation context for user-visible text produced by non-QObject core code
/// (error messages, report headings). Use as `Tr::tr("...")` anywhere inside namespace wxr.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wxrecon)
};

} // namespace wxr
