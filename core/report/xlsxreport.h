// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "report/reportrequest.h"

#include <QPromise>
#include <QString>

namespace wxr::core {

class Ledger;

/// The discrepancy report as an Excel workbook (libxlsxwriter):
/// - sheet "Summary": per bill date the ledger and bill totals side by side (payments,
///   refunds, fees) and the count of each discrepancy kind, a total row for a range, then per
///   kind the count and amounts over the whole range;
/// - sheet "Discrepancies": the contract's 13 columns with translated titles, a bold header
///   row, frozen below the header, an autofilter, dates as date cells and amounts as numbers
///   in yuan with two decimals (fen / 100; empty cells where a side has no value).
/// Written in libxlsxwriter's constant-memory mode (rows streamed), to a temporary file
/// renamed over `path` only when complete. Io on failure; Cancelled between rows.
class XlsxReport final
{
public:
    static Status writeFile(Ledger &ledger, const ReportRange &range, const QString &path,
                            QPromise<void> &promise);
};

} // namespace wxr::core
