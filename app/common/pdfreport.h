// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "report/reportrequest.h"

#include <QPromise>
#include <QString>

namespace wxr::core {
class Ledger;
}

namespace wxr::app {

/// The discrepancy report as PDF for the accountant: a summary table (per bill date, ledger
/// and bill totals side by side and the count of each kind; a total row for a range; per kind
/// counts and amounts) followed by the discrepancy list, A4 landscape, a CJK font (Noto Sans
/// CJK SC from fonts-noto-cjk, embedded by Qt), "page X of Y" on every page.
///
/// Lives outside core because it lays text out with QtGui (QPdfWriter, QPainter, QFont), which
/// core must not use. It therefore needs a QGuiApplication: the GUI has one; wxrecon-cli
/// creates one (offscreen platform) for `report --format pdf`. Must run on the thread that owns
/// `ledger`; QPainter on a QPdfWriter is fine on a worker thread.
class PdfReport final
{
public:
    /// Rows of the list beyond this are summarised in one line pointing to CSV/XLSX: a PDF of
    /// a million-order day's every row would be thousands of pages nobody prints.
    static constexpr qint64 kDefaultMaxRows = 10000;

    static Status writeFile(core::Ledger &ledger, const core::ReportRange &range,
                            const QString &path, QPromise<void> &promise,
                            qint64 maxRows = kDefaultMaxRows);

    /// How a body cell's text is drawn into `width`, the text being `advance` wide at the
    /// table's font: a number (a right-aligned column: amounts, counts) is never cut — it keeps
    /// its text and is drawn at `scale` < 1 when it does not fit, since "168,914,0…" would be
    /// a wrong amount; other text is elided (`elide` true).
    struct CellFit
    {
        qreal scale = 1;
        bool elide = false;
    };
    static CellFit fitCell(qreal advance, qreal width, bool number);
};

} // namespace wxr::app
