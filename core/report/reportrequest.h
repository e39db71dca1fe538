// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QDate>
#include <QString>

namespace wxr::core {

/// Which bill dates a report covers: one date (from == to) or an inclusive range.
struct ReportRange
{
    QDate from;
    QDate to;

    /// Parses "2026-11-25" or "2026-11-01..2026-11-30" (the CLI's --date). InvalidInput with
    /// one sentence for anything else, including a range that ends before it starts.
    static Result<ReportRange> parse(const QString &text);
    /// "2026-11-25" or "2026-11-01 – 2026-11-30".
    [[nodiscard]] QString label() const;
};

} // namespace wxr::core
