// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/reportrequest.h"

#include "common/coretr.h"
#include "common/cstime.h"

namespace wxr::core {

Result<ReportRange> ReportRange::parse(const QString &text)
{
    const QStringList parts = text.split(QStringLiteral(".."));
    if (parts.size() > 2)
        return makeError(
            ErrorCode::InvalidInput,
            Tr::tr("“%1” is not a date or a range such as 2026-11-01..2026-11-30").arg(text));
    const auto from = cst::parseDate(parts.first());
    if (!from)
        return from.error();
    ReportRange range{*from, *from};
    if (parts.size() == 2) {
        const auto to = cst::parseDate(parts.last());
        if (!to)
            return to.error();
        if (*to < *from)
            return makeError(ErrorCode::InvalidInput,
                             Tr::tr("The range “%1” ends before it starts.").arg(text));
        range.to = *to;
    }
    return range;
}

QString ReportRange::label() const
{
    if (from == to)
        return from.toString(Qt::ISODate);
    return from.toString(Qt::ISODate) + QStringLiteral(" – ") + to.toString(Qt::ISODate);
}

} // namespace wxr::core
