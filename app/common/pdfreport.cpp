// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfreport.h"

#include "common/coretr.h"
#include "common/cstime.h"
#include "ledger/discrepancyrepository.h"
#include "ledger/ledger.h"
#include "ledger/reconrepository.h"
#include "report/reportlabels.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QLocale>
#include <QMap>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace wxr::app {

using namespace wxr::core;

namespace {

QString yuan(std::optional<Fen> fen)
{
    return fen ? money::formatYuanGrouped(*fen) : QString();
}

// Noto Sans CJK SC first (fonts-noto-cjk); other CJK families as fallbacks.
QFont reportFont(qreal points)
{
    QFont font;
    const QStringList wanted{QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans SC"),
                             QStringLiteral("Source Han Sans SC"),
                             QStringLiteral("WenQuanYi Micro Hei")};
    const QStringList available = QFontDatabase::families();
    QStringList families;
    for (const QString &f : wanted) {
        if (available.contains(f))
            families << f;
    }
    if (!families.isEmpty())
        font.setFamilies(families);
    font.setPointSizeF(points);
    return font;
}

struct Column
{
    QString title;
    qreal weight;
    bool right; // amounts
};

class Pages
{
public:
    Pages(QPainter &painter, QPdfWriter &writer, const QString &heading)
        : m_painter(painter)
        , m_writer(writer)
        , m_heading(heading)
    {}

    // A dry run lays pages out without drawing or adding pages, to count them.
    void setDry(bool dry) { m_dry = dry; }
    bool dry() const { return m_dry; }
    void setTotal(int total) { m_total = total; }
    void start()
    {
        m_page = 1;
        decorate();
    }

    QRectF area() const
    {
        const QRectF page = m_painter.viewport();
        const qreal margin = page.height() * 0.02;
        return page.adjusted(0, m_lineHeight + margin, 0, -(m_lineHeight + margin));
    }

    void setLineHeight(qreal h) { m_lineHeight = h; }

    // Header and footer of the current page.
    void decorate()
    {
        if (m_dry)
            return;
        const QRectF page = m_painter.viewport();
        m_painter.save();
        m_painter.setFont(reportFont(7));
        m_painter.setPen(QColor(0x55, 0x55, 0x55));
        m_painter.drawText(QRectF(page.left(), page.top(), page.width(), m_lineHeight),
                           Qt::AlignLeft | Qt::AlignVCenter, m_heading);
        m_painter.drawText(
            QRectF(page.left(), page.bottom() - m_lineHeight, page.width(), m_lineHeight),
            Qt::AlignRight | Qt::AlignVCenter, Tr::tr("Page %1 of %2").arg(m_page).arg(m_total));
        m_painter.restore();
    }

    void next()
    {
        if (!m_dry)
            m_writer.newPage();
        ++m_page;
        decorate();
    }

    int page() const { return m_page; }

private:
    QPainter &m_painter;
    QPdfWriter &m_writer;
    int m_total = 0;
    QString m_heading;
    bool m_dry = false;
    int m_page = 1;
    qreal m_lineHeight = 0;
};

// One table row. Header cells wrap (their row is taller); body cells are fitted (fitCell).
void drawRow(QPainter &p, const QRectF &area, qreal y, qreal height, const QList<Column> &cols,
             const QStringList &cells, bool header)
{
    qreal total = 0;
    for (const Column &c : cols)
        total += c.weight;
    qreal x = area.left();
    const QFontMetricsF fm(p.font(), p.device());
    const qreal pad = fm.averageCharWidth() * 0.5;
    if (header)
        p.fillRect(QRectF(area.left(), y, area.width(), height), QColor(0xE7, 0xEE, 0xF7));
    for (int i = 0; i < cols.size(); ++i) {
        const qreal w = area.width() * cols[i].weight / total;
        const QRectF cell(x + pad, y, w - 2 * pad, height);
        const int align = Qt::AlignVCenter | (cols[i].right ? Qt::AlignRight : Qt::AlignLeft);
        const QString text = cells.value(i);
        if (header) {
            p.drawText(cell, align | Qt::TextWordWrap, text);
        } else {
            const PdfReport::CellFit fit
                = PdfReport::fitCell(fm.horizontalAdvance(text), cell.width(), cols[i].right);
            if (fit.elide) {
                p.drawText(cell, align, fm.elidedText(text, Qt::ElideRight, cell.width()));
            } else if (fit.scale < 1) {
                p.save();
                QFont smaller = p.font();
                smaller.setPointSizeF(smaller.pointSizeF() * fit.scale);
                p.setFont(smaller);
                p.drawText(cell, align, text);
                p.restore();
            } else {
                p.drawText(cell, align, text);
            }
        }
        x += w;
    }
    p.save();
    p.setPen(QPen(QColor(0xCC, 0xCC, 0xCC), 0));
    p.drawLine(QPointF(area.left(), y + height), QPointF(area.right(), y + height));
    p.restore();
}

} // namespace

PdfReport::CellFit PdfReport::fitCell(qreal advance, qreal width, bool number)
{
    if (advance <= width || width <= 0)
        return {};
    if (!number)
        return {1, true};
    // A hair smaller than the exact ratio: glyph advances do not scale perfectly linearly.
    return {width / advance * 0.98, false};
}

Status PdfReport::writeFile(Ledger &ledger, const ReportRange &range, const QString &path,
                            QPromise<void> &promise, qint64 maxRows)
{
    const auto fail = [&](const QString &why) {
        return makeError(ErrorCode::Io,
                         Tr::tr("The report %1 could not be written: %2").arg(path, why));
    };
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return makeError(ErrorCode::Internal,
                         Tr::tr("PDF reports need a QGuiApplication (fonts); none is running."));
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
    const qint64 listed = std::min(*total, maxRows);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    QPdfWriter writer(&file);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(Tr::tr("WeChat Pay reconciliation, %1").arg(range.label()));
    writer.setCreator(QStringLiteral("wxrecon"));
    QPainter painter;
    if (!painter.begin(&writer))
        return fail(Tr::tr("the PDF could not be started"));

    const QFont body = reportFont(6.5);
    const QFont bold = [&] {
        QFont f = body;
        f.setBold(true);
        return f;
    }();
    const QFont title = [&] {
        QFont f = reportFont(14);
        f.setBold(true);
        return f;
    }();
    painter.setFont(body);
    const qreal line = QFontMetricsF(body, &writer).height() * 1.45;

    // Pages are laid out once without drawing to learn their number, so that every footer
    // can say "of Y"; the list's pages follow from its row count.
    const qint64 dates = range.from.daysTo(range.to) + 1;
    const QString heading = Tr::tr("WeChat Pay reconciliation, %1").arg(range.label());
    Pages pages(painter, writer, heading);
    pages.setLineHeight(line);
    QRectF area;
    qreal y = 0;
    const auto row = [&](const QList<Column> &cols, const QStringList &cells, bool header) {
        const qreal h = header ? 2 * line : line;
        if (y + h > area.bottom() + 0.5) {
            pages.next();
            area = pages.area();
            y = area.top();
        }
        painter.setFont(header ? bold : body);
        if (!pages.dry())
            drawRow(painter, area, y, h, cols, cells, header);
        y += h;
    };
    QList<Column> summaryCols{
        {Tr::tr("Bill date"), 1.4, false},           {Tr::tr("Ledger payments"), 1.0, true},
        {Tr::tr("Ledger amount (yuan)"), 1.5, true}, {Tr::tr("Bill payments"), 1.0, true},
        {Tr::tr("Bill amount (yuan)"), 1.5, true},   {Tr::tr("Ledger refunds (yuan)"), 1.3, true},
        {Tr::tr("Bill refunds (yuan)"), 1.3, true},  {Tr::tr("Fees (yuan)"), 1.2, true}};
    for (DiscrepancyKind k : allDiscrepancyKinds())
        summaryCols.append({discrepancyKindLabel(k), 0.9, true});
    QStringList heads;
    for (const Column &c : summaryCols)
        heads << c.title;
    QMap<QDate, ReconRun> byDate;
    for (const ReconRun &r : *runs)
        byDate.insert(r.billDate, r);
    const QList<Column> kindCols{{Tr::tr("Kind"), 2, false},
                                 {Tr::tr("Count"), 1, true},
                                 {Tr::tr("Ledger (yuan)"), 1.5, true},
                                 {Tr::tr("Bill (yuan)"), 1.5, true},
                                 {QString(), 9, false}};
    const auto summaryPart = [&] {
        pages.start();
        area = pages.area();
        y = area.top();
        if (!pages.dry()) {
            painter.setFont(title);
            painter.drawText(QRectF(area.left(), y, area.width(), line * 1.5),
                             Qt::AlignLeft | Qt::AlignVCenter, heading);
            painter.setFont(body);
            painter.drawText(
                QRectF(area.left(), y + line * 1.5, area.width(), line),
                Qt::AlignLeft | Qt::AlignVCenter,
                Tr::tr("Generated %1 from %2; %3 discrepancies.")
                    .arg(cst::formatBillTime(cst::now()), QFileInfo(ledger.path()).fileName())
                    .arg(QLocale().toString(*total)));
        }
        y += line * 3;
        row(summaryCols, heads, true);
        ReconSummary sum;
        for (QDate d = range.from; d <= range.to; d = d.addDays(1)) {
            QStringList cells{d.toString(Qt::ISODate)};
            const auto it = byDate.constFind(d);
            if (it == byDate.cend()) {
                cells << Tr::tr("not reconciled");
                row(summaryCols, cells, false);
                continue;
            }
            const ReconSummary &s = it->summary;
            cells << QLocale().toString(s.ledgerPaymentCount) << yuan(s.ledgerPaymentFen)
                  << QLocale().toString(s.billPaymentCount) << yuan(s.billPaymentFen)
                  << yuan(s.ledgerRefundFen) << yuan(s.billRefundFen)
                  << yuan(money::roundMilliToFen(s.billFeeMilli));
            for (DiscrepancyKind k : allDiscrepancyKinds()) {
                cells << QLocale().toString(s.of(k).count);
                sum.of(k).count += s.of(k).count;
                sum.of(k).ledgerFen += s.of(k).ledgerFen;
                sum.of(k).billFen += s.of(k).billFen;
            }
            sum.ledgerPaymentCount += s.ledgerPaymentCount;
            sum.ledgerPaymentFen += s.ledgerPaymentFen;
            sum.billPaymentCount += s.billPaymentCount;
            sum.billPaymentFen += s.billPaymentFen;
            sum.ledgerRefundFen += s.ledgerRefundFen;
            sum.billRefundFen += s.billRefundFen;
            sum.billFeeMilli += s.billFeeMilli;
            row(summaryCols, cells, false);
        }
        if (dates > 1) {
            QStringList cells{Tr::tr("Total"),
                              QLocale().toString(sum.ledgerPaymentCount),
                              yuan(sum.ledgerPaymentFen),
                              QLocale().toString(sum.billPaymentCount),
                              yuan(sum.billPaymentFen),
                              yuan(sum.ledgerRefundFen),
                              yuan(sum.billRefundFen),
                              yuan(money::roundMilliToFen(sum.billFeeMilli))};
            for (DiscrepancyKind k : allDiscrepancyKinds())
                cells << QLocale().toString(sum.of(k).count);
            row(summaryCols, cells, true);
        }
        y += line;
        row(kindCols,
            {Tr::tr("Kind"), Tr::tr("Count"), Tr::tr("Ledger (yuan)"), Tr::tr("Bill (yuan)")},
            true);
        for (DiscrepancyKind k : allDiscrepancyKinds())
            row(kindCols,
                {discrepancyKindLabel(k), QLocale().toString(sum.of(k).count),
                 yuan(sum.of(k).ledgerFen), yuan(sum.of(k).billFen)},
                false);
    };
    pages.setDry(true);
    summaryPart();
    const int summaryPages = pages.page();
    const int listRowsPerPage = std::max(1, int((pages.area().height() + 0.5 - 2 * line) / line));
    const bool truncated = *total > listed;
    const qint64 listLines = std::max<qint64>(1, listed + (truncated ? 1 : 0));
    const int listPages = int((listLines + listRowsPerPage - 1) / listRowsPerPage);
    pages.setDry(false);
    pages.setTotal(summaryPages + listPages);
    summaryPart();
    promise.setProgressValue(10);

    // The list starts on a page of its own.
    pages.next();
    area = pages.area();
    y = area.top();
    // Widths from typical contents: a date, a kind, 32- and 28-character numbers, ...
    const QFontMetricsF bodyMetrics(body, &writer);
    const auto width = [&](const QString &sample) {
        return bodyMetrics.horizontalAdvance(sample) + bodyMetrics.averageCharWidth() * 1.5;
    };
    const QString digits28 = QString(28, u'8');
    const QList<Column> listCols{
        {QString(), width(QStringLiteral("2026-11-25")), false},
        {QString(),
         [&] {
             qreal w = 0;
             for (DiscrepancyKind k : allDiscrepancyKinds())
                 w = std::max(w, width(discrepancyKindLabel(k)));
             return w;
         }(),
         false},
        {QString(), width(QString(22, u'8')), false},
        {QString(), width(digits28), false},
        {QString(), width(QStringLiteral("USERPAYING")), false},
        {QString(), width(QStringLiteral("PROCESSING")), false},
        {QString(), width(QStringLiteral("100,000.00")), true},
        {QString(), width(QStringLiteral("100,000.00")), true},
        {QString(), width(QString(22, u'8')), false},
        {QString(), width(QStringLiteral("100,000.00")), true},
        {QString(), width(QStringLiteral("100,000.00")), true},
        {QString(), width(discrepancyStateLabel(DiscrepancyState::Acknowledged)), false},
        {QString(), width(QString(16, u'x')), false}};
    const QStringList titles = discrepancyColumnTitles();
    const auto listHeader = [&] {
        row(listCols, titles, true);
    };
    listHeader();
    qint64 drawn = 0;
    int pageOfLastHeader = pages.page();
    Status streamed = repo.forEach(filter, [&](const Discrepancy &d) -> Status {
        if (drawn >= listed)
            return makeError(ErrorCode::NotFound, QString()); // stop the stream
        if (y + line > area.bottom() + 0.5 || pages.page() != pageOfLastHeader) {
            if (y + line > area.bottom() + 0.5) {
                pages.next();
                area = pages.area();
                y = area.top();
            }
            listHeader();
            pageOfLastHeader = pages.page();
        }
        row(listCols,
            {d.billDate.toString(Qt::ISODate), discrepancyKindLabel(d.kind), d.outTradeNo,
             d.transactionId, d.ledgerStatus, d.billStatus, yuan(d.ledgerAmountFen),
             yuan(d.billAmountFen), d.outRefundNo, yuan(d.ledgerRefundFen), yuan(d.billRefundFen),
             discrepancyStateLabel(d.state), d.note},
            false);
        ++drawn;
        if ((drawn & 255) == 0) {
            if (promise.isCanceled())
                return makeError(ErrorCode::Cancelled, Tr::tr("The report was cancelled."));
            promise.setProgressValue(10 + int(drawn * 85 / std::max<qint64>(1, listed)));
        }
        return {};
    });
    if (!streamed && streamed.error().code != ErrorCode::NotFound) {
        painter.end();
        file.cancelWriting();
        return streamed;
    }
    if (*total == 0)
        row(listCols, {Tr::tr("No discrepancies.")}, false);
    if (truncated)
        row({{QString(), 1, false}},
            {Tr::tr("… and %1 more discrepancies; the CSV and XLSX reports list them all.")
                 .arg(QLocale().toString(*total - listed))},
            false);
    if (!painter.end())
        return fail(Tr::tr("the PDF could not be finished"));
    if (!file.commit())
        return fail(file.errorString());
    promise.setProgressValue(100);
    return {};
}

} // namespace wxr::app
