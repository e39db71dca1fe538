// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "ledger/discrepancy.h"
#include "report/reportrequest.h"

#include <QByteArray>
#include <QIODevice>
#include <QPromise>
#include <QString>

namespace wxr::core {

class Ledger;

/// The discrepancy report as CSV, exactly as docs/reconciliation.md and the architecture doc
/// define it: UTF-8 with a BOM, CRLF line ends (Excel), the contract's header row, rows in
/// report order, amounts as integer fen, empty fields for "no value", fields quoted (RFC 4180)
/// only when they contain a comma, quote or line break (notes may).
class CsvReport final
{
public:
    /// The header line, BOM included, with its CRLF.
    static QByteArray header();
    /// One row with its CRLF.
    static void appendRow(QByteArray &out, const Discrepancy &d);

    /// Streams the discrepancies of `range` from the ledger to `device`. Progress 0–100;
    /// cancel between rows (Cancelled). Io when the device refuses bytes.
    static Status write(Ledger &ledger, const ReportRange &range, QIODevice &device,
                        QPromise<void> &promise);
    /// Same into a file, replaced atomically (never left half written).
    static Status writeFile(Ledger &ledger, const ReportRange &range, const QString &path,
                            QPromise<void> &promise);
};

} // namespace wxr::core
