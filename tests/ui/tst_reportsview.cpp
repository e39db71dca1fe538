// SPDX-License-Identifier: GPL-3.0-or-later
#include "demofixture.h"
#include "jobrunner.h"
#include "pdfreport.h"
#include "reportsview.h"
#include "uitestutil.h"

#include <QDateEdit>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace wxr;
using namespace wxr::ui;

namespace {

const QDate kLast(2026, 11, 20);

} // namespace

class tst_ReportsView final : public QObject
{
    Q_OBJECT

    DemoLedger m_demo;
    qint64 m_truth = 0;

private slots:
    void initTestCase()
    {
        QVERIFY(m_demo.build(kLast, 2, 800));
        m_truth
            = qint64(m_demo.day(kLast).truth.size() + m_demo.day(kLast.addDays(-1)).truth.size());
    }

    void previewCountsTheRange()
    {
        TestContext t;
        t.context->setLedgerPath(m_demo.path);
        ReportsView view(*t.context);
        view.setRange(kLast.addDays(-1), kLast);
        QCOMPARE(view.previewTotal(), m_truth);
        view.setRange(kLast, kLast);
        QCOMPARE(view.previewTotal(), qint64(m_demo.day(kLast).truth.size()));
        auto *preview = view.findChild<QTableWidget *>(QStringLiteral("reportPreview"));
        // Bottom-right cell: the grand total; a fresh reconciliation leaves every row OPEN.
        QCOMPARE(preview->item(preview->rowCount() - 1, preview->columnCount() - 1)->text(),
                 QString::number(view.previewTotal()));
        QCOMPARE(preview->item(preview->rowCount() - 1, 0)->text(),
                 QString::number(view.previewTotal()));
        view.setRange(kLast.addDays(-10), kLast.addDays(-5));
        QCOMPARE(view.previewTotal(), qint64(0));
    }

    void opensOnTheLatestReconciledDay()
    {
        TestContext t;
        t.context->setLedgerPath(m_demo.path);
        ReportsView view(*t.context);
        // Not yesterday, which has no reconciliation here: the day the daily view opens on.
        QCOMPARE(t.context->latestReconciledDate(), kLast);
        QCOMPARE(view.findChild<QDateEdit *>(QStringLiteral("reportFrom"))->date(), kLast);
        QCOMPARE(view.findChild<QDateEdit *>(QStringLiteral("reportTo"))->date(), kLast);
        QCOMPARE(view.previewTotal(), qint64(m_demo.day(kLast).truth.size()));
    }

    void exports_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("magic");
        QTest::newRow("csv") << int(jobs::ReportFormat::Csv)
                             << QByteArray("\xEF\xBB\xBF"
                                           "bill_date");
        QTest::newRow("xlsx") << int(jobs::ReportFormat::Xlsx) << QByteArray("PK");
        QTest::newRow("pdf") << int(jobs::ReportFormat::Pdf) << QByteArray("%PDF");
    }

    void exports()
    {
        QFETCH(int, format);
        QFETCH(QByteArray, magic);
        TestContext t;
        t.context->setLedgerPath(m_demo.path);
        // The application provides the PDF writer (it needs QtGui); so does this test.
        t.context->setReportWriter(
            jobs::ReportFormat::Pdf, [](core::Ledger &ledger, const core::ReportRange &range,
                                        const QString &path, QPromise<void> &promise) {
                return app::PdfReport::writeFile(ledger, range, path, promise);
            });
        ReportsView view(*t.context);
        view.setRange(kLast.addDays(-1), kLast);
        view.setFormat(jobs::ReportFormat(format));
        QCOMPARE(int(view.format()), format);
        const QString path = t.dir.filePath(QStringLiteral("report.")
                                            + jobs::reportSuffix(jobs::ReportFormat(format)));
        QSignalSpy exported(&view, &ReportsView::exported);
        view.exportTo(path);
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 60000);
        QCOMPARE(exported.at(0).at(0).toString(), path);
        QCOMPARE(view.lastExport(), path);
        QVERIFY(view.findChild<QPushButton *>(QStringLiteral("reportOpenFolder"))->isEnabled());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(magic.size()) == magic);
    }

    void unwritableTargetIsOneSentence()
    {
        TestContext t;
        t.context->setLedgerPath(m_demo.path);
        ReportsView view(*t.context);
        QSignalSpy failed(t.context->jobs(), &JobRunner::jobFailed);
        view.exportTo(QStringLiteral("/nonexistent-folder/report.csv"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        const Error e = failed.at(0).at(1).value<Error>();
        QVERIFY(!e.message.isEmpty());
        QVERIFY(e.message.contains(QStringLiteral("report.csv")));
    }
};

QTEST_MAIN(tst_ReportsView)
#include "tst_reportsview.moc"
