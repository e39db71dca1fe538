// SPDX-License-Identifier: GPL-3.0-or-later
// Tests app/common/pdfreport.*: a PDF with the summary and the list, the CJK font embedded,
// and "page X of Y" consistent with the page count. Needs a QGuiApplication (offscreen).
#include "pdfreport.h"
#include "report/reportrequest.h"
#include "reportfixture.h"
#include "testutil.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QTest>

using namespace wxr;
using namespace wxr::core;

class tst_PdfReport final : public QObject
{
    Q_OBJECT

private slots:
    void writesPdf()
    {
        testing::ReportFixture fx;
        QVERIFY2(fx.error.isEmpty(), qPrintable(fx.error));
        const QString path = fx.dir.filePath(QStringLiteral("r.pdf"));
        QPromise<void> promise;
        QVERIFY_RESULT(app::PdfReport::writeFile(
            *fx.ledger, *ReportRange::parse(QStringLiteral("2026-11-24..2026-11-25")), path,
            promise));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray pdf = f.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        // A summary page and one page of the (four-row) list.
        QCOMPARE(
            pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page "), 2);
        if (QFontDatabase::families().contains(QStringLiteral("Noto Sans CJK SC")))
            QVERIFY2(pdf.contains("/BaseFont /NotoSansCJKsc"), "the CJK font is not embedded");
    }

    // An amount or a count that does not fit its column is drawn smaller, never cut: a month's
    // total elided to "5,067,393,7…" would be a wrong number. Text is elided.
    void numbersAreNeverCut()
    {
        using app::PdfReport;
        const PdfReport::CellFit fits = PdfReport::fitCell(60, 80, true);
        QCOMPARE(fits.scale, 1.0);
        QVERIFY(!fits.elide);
        const PdfReport::CellFit number = PdfReport::fitCell(100, 80, true);
        QVERIFY(!number.elide);
        QVERIFY(number.scale < 0.8 && number.scale > 0.7);
        const PdfReport::CellFit text = PdfReport::fitCell(100, 80, false);
        QVERIFY(text.elide);
        QCOMPARE(text.scale, 1.0);
        QVERIFY(!PdfReport::fitCell(80, 80, false).elide);

        // The real fonts: a wide amount drawn at the scale fits the width it was given.
        QFont font = QGuiApplication::font();
        font.setPointSizeF(8);
        const QFontMetricsF fm(font);
        const QString amount = QStringLiteral("5,067,393,798.00");
        const qreal width = fm.horizontalAdvance(amount) * 0.6;
        const PdfReport::CellFit fit
            = PdfReport::fitCell(fm.horizontalAdvance(amount), width, true);
        QFont smaller = font;
        smaller.setPointSizeF(font.pointSizeF() * fit.scale);
        QVERIFY2(QFontMetricsF(smaller).horizontalAdvance(amount) <= width * 1.02,
                 qPrintable(QString::number(QFontMetricsF(smaller).horizontalAdvance(amount))
                            + u" > " + QString::number(width)));
    }

    void truncatesLongLists()
    {
        testing::ReportFixture fx;
        QVERIFY2(fx.error.isEmpty(), qPrintable(fx.error));
        const QString path = fx.dir.filePath(QStringLiteral("r.pdf"));
        QPromise<void> promise;
        // Only two of the four rows: the rest is summarised in one line.
        QVERIFY_RESULT(app::PdfReport::writeFile(
            *fx.ledger, *ReportRange::parse(QStringLiteral("2026-11-25")), path, promise, 2));
        QVERIFY(QFileInfo(path).size() > 1000);
    }
};

QTEST_MAIN(tst_PdfReport)
#include "tst_pdfreport.moc"
