// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/xlsxreport.h"

#include "common/coretr.h"
#include "ledger/discrepancyrepository.h"
#include "ledger/reconrepository.h"
#include "report/reportlabels.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QTemporaryFile>

#include <xlsxwriter.h>

namespace wxr::core {

namespace {

double yuan(Fen fen)
{
    return static_cast<double>(fen) / 100.0;
}

lxw_datetime excelDate(QDate d)
{
    lxw_datetime dt{};
    dt.year = d.year();
    dt.month = d.month();
    dt.day = d.day();
    return dt;
}

// RAII for the workbook: closing writes the file; an abandoned workbook is closed too (the
// temporary file is then removed by the caller).
struct Workbook
{
    lxw_workbook *book = nullptr;
    ~Workbook()
    {
        if (book)
            workbook_close(book);
    }
};

class Writer
{
public:
    Writer(lxw_worksheet *sheet)
        : m_sheet(sheet)
    {}
    void text(lxw_row_t r, lxw_col_t c, const QString &s, lxw_format *f = nullptr)
    {
        if (s.isEmpty())
            return;
        const QByteArray utf8 = s.toUtf8();
        worksheet_write_string(m_sheet, r, c, utf8.constData(), f);
    }
    void number(lxw_row_t r, lxw_col_t c, double v, lxw_format *f)
    {
        worksheet_write_number(m_sheet, r, c, v, f);
    }
    void amount(lxw_row_t r, lxw_col_t c, std::optional<Fen> fen, lxw_format *f)
    {
        if (fen)
            worksheet_write_number(m_sheet, r, c, yuan(*fen), f);
    }
    void date(lxw_row_t r, lxw_col_t c, QDate d, lxw_format *f)
    {
        lxw_datetime dt = excelDate(d);
        worksheet_write_datetime(m_sheet, r, c, &dt, f);
    }

private:
    lxw_worksheet *m_sheet;
};

} // namespace

Status XlsxReport::writeFile(Ledger &ledger, const ReportRange &range, const QString &path,
                             QPromise<void> &promise)
{
    const auto fail = [&](const QString &why) {
        return makeError(ErrorCode::Io,
                         Tr::tr("The report %1 could not be written: %2").arg(path, why));
    };
    promise.setProgressRange(0, 100);
    const auto runs = ReconRepository(ledger).latestRuns(range.from, range.to);
    if (!runs)
        return runs.error();
    DiscrepancyRepository repo(ledger);
    DiscrepancyFilter filter;
    filter.from = range.from;
    filter.to = range.to;
    const auto total = repo.count(filter);
    if (!total)
        return total.error();

    // Next to the target so that the final rename stays on one file system.
    QTemporaryFile temp(
        QFileInfo(path).absoluteDir().filePath(QStringLiteral(".wxrecon-XXXXXX.xlsx")));
    if (!temp.open())
        return fail(temp.errorString());
    temp.close();
    const QByteArray tempName = QFile::encodeName(temp.fileName());
    const QByteArray tmpDir = QFile::encodeName(QDir::tempPath());
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = const_cast<char *>(tmpDir.constData());
    options.use_zip64 = LXW_TRUE;
    Workbook wb;
    wb.book = workbook_new_opt(tempName.constData(), &options);
    if (!wb.book)
        return fail(Tr::tr("the workbook could not be created"));
    const QByteArray summaryName = Tr::tr("Summary").toUtf8();
    const QByteArray listName = Tr::tr("Discrepancies").toUtf8();
    lxw_worksheet *summary = workbook_add_worksheet(wb.book, summaryName.constData());
    lxw_worksheet *list = workbook_add_worksheet(wb.book, listName.constData());
    lxw_format *bold = workbook_add_format(wb.book);
    format_set_bold(bold);
    format_set_bg_color(bold, 0xE7EEF7);
    format_set_border(bold, LXW_BORDER_THIN);
    format_set_text_wrap(bold);
    lxw_format *money = workbook_add_format(wb.book);
    format_set_num_format(money, "#,##0.00");
    lxw_format *moneyBold = workbook_add_format(wb.book);
    format_set_num_format(moneyBold, "#,##0.00");
    format_set_bold(moneyBold);
    lxw_format *count = workbook_add_format(wb.book);
    format_set_num_format(count, "0");
    lxw_format *countBold = workbook_add_format(wb.book);
    format_set_num_format(countBold, "0");
    format_set_bold(countBold);
    lxw_format *date = workbook_add_format(wb.book);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_format *title = workbook_add_format(wb.book);
    format_set_bold(title);
    format_set_font_size(title, 14);

    // Summary sheet.
    {
        Writer w(summary);
        w.text(0, 0, Tr::tr("WeChat Pay reconciliation, %1").arg(range.label()), title);
        QStringList heads{Tr::tr("Bill date"),
                          Tr::tr("Ledger payments"),
                          Tr::tr("Ledger amount (yuan)"),
                          Tr::tr("Bill payments"),
                          Tr::tr("Bill amount (yuan)"),
                          Tr::tr("Ledger refunds"),
                          Tr::tr("Ledger refunds (yuan)"),
                          Tr::tr("Bill refunds"),
                          Tr::tr("Bill refunds (yuan)"),
                          Tr::tr("Fees (yuan)")};
        for (DiscrepancyKind k : allDiscrepancyKinds())
            heads << discrepancyKindLabel(k);
        const lxw_row_t headRow = 2;
        worksheet_set_row(summary, headRow, 32, nullptr); // before the row's cells (streaming)
        for (int c = 0; c < heads.size(); ++c)
            w.text(headRow, lxw_col_t(c), heads[c], bold);
        worksheet_set_column(summary, 0, 0, 12, nullptr);
        worksheet_set_column(summary, 1, lxw_col_t(heads.size() - 1), 14, nullptr);
        QMap<QDate, ReconRun> byDate;
        for (const ReconRun &r : *runs)
            byDate.insert(r.billDate, r);
        lxw_row_t row = headRow + 1;
        ReconSummary sum;
        for (QDate d = range.from; d <= range.to; d = d.addDays(1), ++row) {
            w.date(row, 0, d, date);
            const auto it = byDate.constFind(d);
            if (it == byDate.cend()) {
                w.text(row, 1, Tr::tr("not reconciled"));
                continue;
            }
            const ReconSummary &s = it->summary;
            w.number(row, 1, double(s.ledgerPaymentCount), count);
            w.number(row, 2, yuan(s.ledgerPaymentFen), money);
            w.number(row, 3, double(s.billPaymentCount), count);
            w.number(row, 4, yuan(s.billPaymentFen), money);
            w.number(row, 5, double(s.ledgerRefundCount), count);
            w.number(row, 6, yuan(s.ledgerRefundFen), money);
            w.number(row, 7, double(s.billRefundCount), count);
            w.number(row, 8, yuan(s.billRefundFen), money);
            w.number(row, 9, yuan(money::roundMilliToFen(s.billFeeMilli)), money);
            sum.ledgerPaymentCount += s.ledgerPaymentCount;
            sum.ledgerPaymentFen += s.ledgerPaymentFen;
            sum.billPaymentCount += s.billPaymentCount;
            sum.billPaymentFen += s.billPaymentFen;
            sum.ledgerRefundCount += s.ledgerRefundCount;
            sum.ledgerRefundFen += s.ledgerRefundFen;
            sum.billRefundCount += s.billRefundCount;
            sum.billRefundFen += s.billRefundFen;
            sum.billFeeMilli += s.billFeeMilli;
            int c = 10;
            for (DiscrepancyKind k : allDiscrepancyKinds()) {
                w.number(row, lxw_col_t(c++), double(s.of(k).count), count);
                KindTotals &t = sum.of(k);
                t.count += s.of(k).count;
                t.ledgerFen += s.of(k).ledgerFen;
                t.billFen += s.of(k).billFen;
            }
        }
        if (range.from != range.to) {
            w.text(row, 0, Tr::tr("Total"), bold);
            w.number(row, 1, double(sum.ledgerPaymentCount), countBold);
            w.number(row, 2, yuan(sum.ledgerPaymentFen), moneyBold);
            w.number(row, 3, double(sum.billPaymentCount), countBold);
            w.number(row, 4, yuan(sum.billPaymentFen), moneyBold);
            w.number(row, 5, double(sum.ledgerRefundCount), countBold);
            w.number(row, 6, yuan(sum.ledgerRefundFen), moneyBold);
            w.number(row, 7, double(sum.billRefundCount), countBold);
            w.number(row, 8, yuan(sum.billRefundFen), moneyBold);
            w.number(row, 9, yuan(money::roundMilliToFen(sum.billFeeMilli)), moneyBold);
            int c = 10;
            for (DiscrepancyKind k : allDiscrepancyKinds())
                w.number(row, lxw_col_t(c++), double(sum.of(k).count), countBold);
            ++row;
        }
        row += 2;
        const QStringList kindHeads{Tr::tr("Kind"), Tr::tr("Count"), Tr::tr("Ledger (yuan)"),
                                    Tr::tr("Bill (yuan)")};
        for (int c = 0; c < kindHeads.size(); ++c)
            w.text(row, lxw_col_t(c), kindHeads[c], bold);
        ++row;
        for (DiscrepancyKind k : allDiscrepancyKinds()) {
            w.text(row, 0, discrepancyKindLabel(k));
            w.number(row, 1, double(sum.of(k).count), count);
            w.number(row, 2, yuan(sum.of(k).ledgerFen), money);
            w.number(row, 3, yuan(sum.of(k).billFen), money);
            ++row;
        }
        worksheet_freeze_panes(summary, headRow + 1, 1);
    }
    promise.setProgressValue(5);

    // Discrepancy list.
    Writer w(list);
    const QStringList titles = discrepancyColumnTitles();
    const double widths[] = {12, 18, 24, 30, 14, 14, 16, 16, 24, 16, 16, 14, 40};
    for (int c = 0; c < titles.size(); ++c) {
        worksheet_set_column(list, lxw_col_t(c), lxw_col_t(c), widths[c], nullptr);
        w.text(0, lxw_col_t(c), titles[c], bold);
    }
    worksheet_freeze_panes(list, 1, 0);
    lxw_row_t row = 1;
    Status streamed = repo.forEach(filter, [&](const Discrepancy &d) -> Status {
        w.date(row, 0, d.billDate, date);
        w.text(row, 1, discrepancyKindLabel(d.kind));
        w.text(row, 2, d.outTradeNo);
        w.text(row, 3, d.transactionId);
        w.text(row, 4, d.ledgerStatus);
        w.text(row, 5, d.billStatus);
        w.amount(row, 6, d.ledgerAmountFen, money);
        w.amount(row, 7, d.billAmountFen, money);
        w.text(row, 8, d.outRefundNo);
        w.amount(row, 9, d.ledgerRefundFen, money);
        w.amount(row, 10, d.billRefundFen, money);
        w.text(row, 11, discrepancyStateLabel(d.state));
        w.text(row, 12, d.note);
        ++row;
        if ((row & 1023) == 0) {
            if (promise.isCanceled())
                return makeError(ErrorCode::Cancelled, Tr::tr("The report was cancelled."));
            promise.setProgressValue(5 + int(qint64(row) * 90 / std::max<qint64>(1, *total)));
        }
        if (row > LXW_ROW_MAX - 1)
            return fail(Tr::tr("more than %1 rows do not fit in one sheet").arg(LXW_ROW_MAX - 1));
        return {};
    });
    if (!streamed)
        return streamed;
    worksheet_autofilter(list, 0, 0, row > 1 ? row - 1 : 1, lxw_col_t(titles.size() - 1));
    const lxw_error closed = workbook_close(wb.book);
    wb.book = nullptr;
    if (closed != LXW_NO_ERROR)
        return fail(QString::fromUtf8(lxw_strerror(closed)));
    QFile::remove(path);
    if (!QFile::rename(temp.fileName(), path))
        return fail(Tr::tr("it could not be moved into place"));
    temp.setAutoRemove(false);
    // The temporary file was private (0600); the report gets the usual permissions.
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                    | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    promise.setProgressValue(100);
    return {};
}

} // namespace wxr::core
