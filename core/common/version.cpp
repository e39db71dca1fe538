// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/version.h"

#include <QSysInfo>

namespace wxr {

QString userAgent()
{
    return QStringLiteral("wxrecon/") + versionString() + QStringLiteral(" (")
           + QSysInfo::prettyProductName() + QStringLiteral(") Qt/") + QString::fromLatin1(qVersion());
}

} // namespace wxr
