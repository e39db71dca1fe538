// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace wxr {

/// The product version, e.g. "0.1.0", as set by the top-level CMake project().
inline QString versionString()
{
    return QStringLiteral(WXR_VERSION);
}

/// The User-Agent sent with every API request: names the product, its version and the OS.
QString userAgent();

} // namespace wxr
