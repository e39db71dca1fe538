// SPDX-License-Identifier: GPL-3.0-or-later
#include "callbackanomaliesdialog.h"
#include "common/cstime.h"
#include "common/settings.h"
#include "copyabletableview.h"
#include "daycalendar.h"
#include "demofixture.h"
#include "discrepancydetail.h"
#include "jobrunner.h"
#include "ledger/billrepository.h"
#include "ledger/discrepancyrepository.h"
#include "models/discrepancymodel.h"
#include "notify/callbackstore.h"
#include "reconcileview.h"
#include "summarycards.h"
#include "uitestutil.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace wxr;
using namespace wxr::ui;
using core::DiscrepancyKind;
using core::DiscrepancyState;

namespace {

const QDate kLast(2026, 11, 20);

} // namespace

class tst_ReconcileView final : public QObject
{
    Q_OBJECT

    std::unique_ptr<DemoLedger> m_demo;
    std::unique_ptr<TestContext> m_t;
    std::unique_ptr<ReconcileView> m_view;
    QUrl m_openedUrl; ///< what QDesktopServices was asked to open

public slots:
    // QDesktopServices' handler for file URLs while a test asks to open a folder.
    void recordOpenedUrl(const QUrl &url) { m_openedUrl = url; }

private:
    // Rows of the model with the given kind (all loaded).
    QList<int> rowsOfKind(DiscrepancyKind kind) const
    {
        QList<int> rows;
        DiscrepancyModel *model = m_view->model();
        while (model->canFetchMore({}))
            model->fetchMore({});
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->discrepancy(r).kind == kind)
                rows.append(r);
        }
        return rows;
    }

    void select(const QList<int> &rows)
    {
        QItemSelection selection;
        for (int r : rows)
            selection.select(m_view->table()->model()->index(r, 0),
                             m_view->table()->model()->index(r, DiscrepancyModel::ColumnCount - 1));
        m_view->table()->selectionModel()->setCurrentIndex(
            m_view->table()->model()->index(rows.first(), 0), QItemSelectionModel::NoUpdate);
        m_view->table()->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    }

private slots:
    void init()
    {
        // A fresh ledger per test: two generated, reconciled days.
        m_demo = std::make_unique<DemoLedger>();
        QVERIFY(m_demo->build(kLast, 2, 1500));
        m_t = std::make_unique<TestContext>();
        m_t->context->setLedgerPath(m_demo->path);
        m_view = std::make_unique<ReconcileView>(*m_t->context);
        m_view->resize(1300, 800);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup()
    {
        m_view.reset();
        m_t.reset();
        m_demo.reset();
    }

    void opensOnTheLatestReconciledDay()
    {
        QCOMPARE(m_view->currentDate(), kLast);
        QAbstractItemModelTester tester(m_view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(m_view->model()->totalCount(), qint64(m_demo->day(kLast).truth.size()));
        QCOMPARE(m_view->calendar()->status(kLast), core::DayStatus::Open);
        QCOMPARE(m_view->calendar()->status(kLast.addDays(-1)), core::DayStatus::Open);
        QCOMPARE(m_view->calendar()->status(kLast.addDays(-2)), core::DayStatus::NotFetched);
        QVERIFY(m_view->summary()
                    ->cardText(QStringLiteral("discrepancies"))
                    .contains(QString::number(m_view->model()->totalCount())));
        m_view->showDate(kLast.addDays(-1));
        QCOMPARE(m_view->model()->totalCount(),
                 qint64(m_demo->day(kLast.addDays(-1)).truth.size())
                     // the later day's run promoted or cleared the earlier CROSS_DAY_PENDING rows
                     // in place, so the count is unchanged
                     + 0);
    }

    // A reload (the scheduler's changes come every second while it works) keeps the widths a
    // person set.
    void reloadKeepsColumnWidths()
    {
        QHeaderView *header = m_view->table()->horizontalHeader();
        const int sized = header->sectionSize(DiscrepancyModel::KindColumn);
        QVERIFY(sized > 0);
        header->resizeSection(DiscrepancyModel::KindColumn, sized + 77);
        m_t->context->notifyLedgerChanged();
        QCOMPARE(header->sectionSize(DiscrepancyModel::KindColumn), sized + 77);
    }

    // The widths (and order) of the columns and where the detail pane starts come back in the
    // next session; the sort does not.
    void layoutOutlivesTheView()
    {
        auto *splitter = m_view->findChild<QSplitter *>();
        QVERIFY(splitter);
        const int tableWidth = splitter->sizes().at(0);
        // Dragged by the person (setSizes() is the program's own doing and is not kept).
        QSplitterHandle *handle = splitter->handle(1);
        const QPoint grip = handle->rect().center();
        QTest::mousePress(handle, Qt::LeftButton, {}, grip);
        QTest::mouseMove(handle, grip - QPoint(120, 0));
        QTest::mouseRelease(handle, Qt::LeftButton, {}, grip - QPoint(120, 0));
        const QList<int> dragged = splitter->sizes();
        QVERIFY2(dragged.at(0) < tableWidth, qPrintable(QString::number(dragged.at(0))));
        QHeaderView *header = m_view->table()->horizontalHeader();
        const int sized = header->sectionSize(DiscrepancyModel::KindColumn);
        header->resizeSection(DiscrepancyModel::KindColumn, sized + 55);
        header->moveSection(header->visualIndex(DiscrepancyModel::LedgerStatusColumn), 1);
        m_view->table()->sortByColumn(DiscrepancyModel::LedgerAmountColumn, Qt::DescendingOrder);
        m_view.reset();
        m_view = std::make_unique<ReconcileView>(*m_t->context);
        header = m_view->table()->horizontalHeader();
        QCOMPARE(header->sectionSize(DiscrepancyModel::KindColumn), sized + 55);
        QCOMPARE(header->visualIndex(DiscrepancyModel::LedgerStatusColumn), 1);
        QCOMPARE(header->sortIndicatorSection(), -1);
        QVERIFY(header->isSectionHidden(DiscrepancyModel::BillDateColumn));
        m_view->resize(1300, 800);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QCOMPARE(m_view->findChild<QSplitter *>()->sizes(), dragged);
    }

    // The payment and refund cards give the difference itself (bill minus ledger), grouped.
    void cardsSayTheDifference()
    {
        SummaryCards cards;
        core::ReconRun run;
        run.billDate = kLast;
        run.summary.ledgerPaymentCount = 911296;
        run.summary.ledgerPaymentFen = 16891402366;
        run.summary.billPaymentCount = 916700;
        run.summary.billPaymentFen = 16993312643;
        run.summary.ledgerRefundCount = 12;
        run.summary.ledgerRefundFen = 5000;
        run.summary.billRefundCount = 10;
        run.summary.billRefundFen = 4000;
        cards.setRun(run, 0);
        const auto tip = [&](const char *card) {
            return cards.findChild<QLabel *>(QStringLiteral("value_") + QLatin1String(card))
                ->toolTip();
        };
        QCOMPARE(cards.cardText(QStringLiteral("payments")),
                 QStringLiteral("911,296 item(s), ¥168,914,023.66\n916,700 item(s), "
                                "¥169,933,126.43"));
        QCOMPARE(tip("payments"),
                 QStringLiteral("Bill minus ledger: +5,404 payments, +¥1,019,102.77"));
        QCOMPARE(tip("refunds"),
                 QStringLiteral("Bill minus ledger: \u22122 refunds, \u2212¥10.00"));
        run.summary.billRefundCount = 12;
        run.summary.billRefundFen = 5000;
        cards.setRun(run, 0);
        QCOMPARE(tip("refunds"), QStringLiteral("The ledger and the bill agree."));
        cards.setRun(std::nullopt, 0);
        QVERIFY(tip("payments").isEmpty());
    }

    // Callbacks the ledger did not expect are counted on the day's card and listed on demand;
    // a row leads to the order's history.
    void callbackAnomaliesOfTheDay()
    {
        SummaryCards *cards = m_view->summary();
        QCOMPARE(cards->cardText(QStringLiteral("anomalies")), QStringLiteral("None"));
        QVERIFY(!cards->anomaliesButton()->isEnabled());

        auto ledger = m_t->context->ledger();
        QVERIFY(ledger.ok());
        core::CallbackStore store(**ledger);
        core::CallbackEvent e;
        e.receivedAtMs = QDateTime(kLast, QTime(10, 0)).toMSecsSinceEpoch();
        e.notificationId = QStringLiteral("EV-ANOMALY-1");
        e.eventType = QStringLiteral("TRANSACTION.SUCCESS");
        e.outTradeNo = QStringLiteral("T-NOT-IN-LEDGER");
        e.httpStatus = 204;
        e.outcome = core::CallbackOutcome::Applied;
        const auto callbackId = store.insert(e);
        QVERIFY(callbackId.ok());
        core::CallbackAnomaly unknown;
        unknown.callbackId = *callbackId;
        unknown.billDate = kLast;
        unknown.kind = core::AnomalyKind::UnknownOrder;
        unknown.outTradeNo = e.outTradeNo;
        unknown.callbackAmountFen = 1234;
        QVERIFY(store.addAnomaly(unknown).ok());
        core::CallbackAnomaly differs = unknown;
        differs.kind = core::AnomalyKind::AmountMismatch;
        differs.outTradeNo = QStringLiteral("T-AMOUNT");
        differs.ledgerAmountFen = 1000;
        differs.callbackAmountFen = 1200;
        QVERIFY(store.addAnomaly(differs).ok());
        m_t->context->notifyLedgerChanged();

        const QString card = cards->cardText(QStringLiteral("anomalies"));
        QVERIFY2(card.contains(QStringLiteral("2 found")), qPrintable(card));
        QVERIFY2(card.contains(core::anomalyKindLabel(core::AnomalyKind::UnknownOrder)),
                 qPrintable(card));
        QVERIFY2(card.contains(core::anomalyKindLabel(core::AnomalyKind::AmountMismatch)),
                 qPrintable(card));
        QVERIFY(cards->anomaliesButton()->isEnabled());

        QSignalSpy lookups(m_view.get(), &ReconcileView::orderLookupRequested);
        cards->anomaliesButton()->click();
        auto *dialog = m_view->findChild<CallbackAnomaliesDialog *>();
        QVERIFY(dialog);
        QAbstractItemModel *rows = dialog->table()->model();
        QCOMPARE(rows->rowCount(), 2);
        QCOMPARE(rows->index(0, CallbackAnomaliesDialog::OrderColumn).data().toString(),
                 QStringLiteral("T-NOT-IN-LEDGER"));
        QCOMPARE(rows->index(0, CallbackAnomaliesDialog::LedgerAmountColumn).data().toString(),
                 QString());
        QCOMPARE(rows->index(0, CallbackAnomaliesDialog::CallbackAmountColumn).data().toString(),
                 QStringLiteral("12.34"));
        QCOMPARE(rows->index(1, CallbackAnomaliesDialog::LedgerAmountColumn).data().toString(),
                 QStringLiteral("10.00"));
        dialog->openRow(1);
        QCOMPARE(lookups.size(), 1);
        QCOMPARE(lookups[0][0].toString(), QStringLiteral("T-AMOUNT"));

        // Anomalies belong to their day.
        m_view->showDate(kLast.addDays(-1));
        QCOMPARE(cards->cardText(QStringLiteral("anomalies")), QStringLiteral("None"));
    }

    void filterSelectResolveWithNote()
    {
        QAbstractItemModelTester tester(m_view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The table shows the model through the proxy that colours the differing cells.
        QAbstractItemModelTester proxyTester(
            m_view->table()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy notices(m_t->context.get(), &AppContext::noticeRequested);
        m_view->setKindFilter(DiscrepancyKind::StatusMismatch);
        const int statusRows = m_view->model()->rowCount();
        QVERIFY(statusRows >= 2);
        for (int r = 0; r < statusRows; ++r)
            QCOMPARE(m_view->model()->discrepancy(r).kind, DiscrepancyKind::StatusMismatch);

        select({0, 1});
        const QList<qint64> ids = m_view->selectedIds();
        QCOMPARE(ids.size(), 2);
        auto *note = m_view->detail()->findChild<QPlainTextEdit *>(QStringLiteral("detailNote"));
        QTest::keyClicks(note, QStringLiteral("callback lost; confirmed paid with WeChat Pay"));
        m_view->detail()->findChild<QPushButton *>(QStringLiteral("resolve"))->click();

        QVERIFY(notices.count() >= 1);
        QCOMPARE(notices.last().at(1).toString(), QStringLiteral("2 discrepancies resolved."));
        QVERIFY(note->toPlainText().isEmpty());
        auto ledger = m_t->context->ledger();
        QVERIFY(ledger.ok());
        for (qint64 id : ids) {
            auto d = core::DiscrepancyRepository(**ledger).find(id);
            QVERIFY(d.ok() && d->has_value());
            QCOMPARE((*d)->state, DiscrepancyState::Resolved);
            QCOMPARE((*d)->note, QStringLiteral("callback lost; confirmed paid with WeChat Pay"));
        }
        // The view reloaded: still selected, shown as resolved; gone from "not settled".
        QCOMPARE(m_view->selectedIds(), ids);
        QCOMPARE(m_view->model()->index(0, DiscrepancyModel::StateColumn).data().toString(),
                 QStringLiteral("Resolved"));
        m_view->setStateFilter(ReconcileView::StateFilter::Unsettled);
        QCOMPARE(m_view->model()->rowCount(), statusRows - 2);
    }

    void detailShowsBothSidesAndTimeline()
    {
        m_view->setKindFilter(DiscrepancyKind::AmountMismatch);
        QVERIFY(m_view->model()->rowCount() > 0);
        select({0});
        QCOMPARE(m_view->detail()->differingFields(), QStringList{QStringLiteral("Amount")});
        QVERIFY(m_view->detail()->timelineWidget()->topLevelItemCount() > 0);

        m_view->setKindFilter(DiscrepancyKind::StatusMismatch);
        select({0});
        QVERIFY(m_view->detail()->differingFields().contains(QStringLiteral("Status")));
    }

    void searchNarrowsToOneOrder()
    {
        const QString wanted = QString::fromLatin1(m_demo->day(kLast).truth[2].outTradeNo);
        m_view->setSearch(wanted);
        QVERIFY(m_view->model()->rowCount() >= 1);
        for (int r = 0; r < m_view->model()->rowCount(); ++r)
            QCOMPARE(m_view->model()->discrepancy(r).outTradeNo, wanted);
    }

    // A search is applied once: typed text after the pause, setSearch() at once — and a
    // filter applied meanwhile takes the text along, so no delayed second reset follows that
    // would throw away the scroll position and the selection.
    void searchIsAppliedOnce()
    {
        const QString wanted = QString::fromLatin1(m_demo->day(kLast).truth[2].outTradeNo);
        auto *edit = m_view->findChild<QLineEdit *>(QStringLiteral("search"));
        QVERIFY(edit);
        QSignalSpy resets(m_view->model(), &QAbstractItemModel::modelReset);

        QTest::keyClicks(edit, wanted);
        QCOMPARE(resets.count(), 0); // not while typing
        QTRY_COMPARE(resets.count(), 1);
        QCOMPARE(m_view->model()->discrepancy(0).outTradeNo, wanted);

        resets.clear();
        m_view->setSearch(QString());
        QCOMPARE(resets.count(), 1);
        select({1});
        QTest::qWait(400); // beyond the typing pause
        QCOMPARE(resets.count(), 1);
        QCOMPARE(m_view->selectedIds().size(), 1);

        resets.clear();
        QTest::keyClicks(edit, wanted);
        m_view->setKindFilter(m_view->model()->discrepancy(0).kind);
        QCOMPARE(resets.count(), 1);
        QTest::qWait(400);
        QCOMPARE(resets.count(), 1);
    }

    void exportWritesTheReport()
    {
        const QString path = m_t->dir.filePath(QStringLiteral("report.csv"));
        QSignalSpy finished(m_view.get(), &ReconcileView::jobFinished);
        QString actionText;
        std::function<void()> action;
        connect(m_t->context.get(), &AppContext::noticeActionOffered, this,
                [&](const QString &text, std::function<void()> a) {
                    actionText = text;
                    action = std::move(a);
                });
        m_view->exportReport(path, jobs::ReportFormat::Csv);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        // The notice offers to open the folder of the report.
        QCOMPARE(actionText, QStringLiteral("Open folder"));
        QVERIFY(action);
        QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "recordOpenedUrl");
        action();
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        QCOMPARE(m_openedUrl, QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QVERIFY(lines.first().startsWith("\xEF\xBB\xBF"
                                         "bill_date,kind,out_trade_no"));
        // Header, one line per discrepancy, and the empty piece after the last CRLF.
        QCOMPARE(lines.size(), int(m_view->model()->totalCount()) + 2);
        // The next export is suggested in the same folder (this session and the next).
        QCOMPARE(m_t->settings().exportDir(), QFileInfo(path).absolutePath());
    }

    void reconcileAgainKeepsStatesAndNotes()
    {
        m_view->setKindFilter(DiscrepancyKind::MissingInBill);
        QVERIFY(m_view->model()->rowCount() > 0);
        const qint64 id = m_view->model()->discrepancy(0).id;
        QVERIFY(m_view->applyState({id}, DiscrepancyState::Acknowledged,
                                   QStringLiteral("asked the shop")));
        QSignalSpy finished(m_view.get(), &ReconcileView::jobFinished);
        m_view->reconcileAgain();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        const int row = m_view->model()->rowOfId(id);
        QVERIFY(row >= 0);
        QCOMPARE(m_view->model()->discrepancy(row).state, DiscrepancyState::Acknowledged);
        QCOMPARE(m_view->model()->discrepancy(row).note, QStringLiteral("asked the shop"));
    }

    // A day WeChat Pay had no bill for (recorded empty) says so on the bill's card once
    // reconciled, instead of fees and settlement of zero.
    void aDayWithoutABillSaysSo()
    {
        const QDate day = kLast.addDays(-2);
        {
            auto ledger = m_t->context->ledger();
            QVERIFY(ledger.ok());
            QVERIFY(
                core::BillRepository(**ledger).recordEmpty(day, QStringLiteral("ALL"), {}).ok());
        }
        m_view->showDate(day);
        QSignalSpy finished(m_view.get(), &ReconcileView::jobFinished);
        m_view->reconcileAgain();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QVERIFY2(m_view->summary()->cardText(QStringLiteral("fees")).contains(u"no bill"),
                 qPrintable(m_view->summary()->cardText(QStringLiteral("fees"))));
        m_view->showDate(kLast); // a day with its bill: fees and settlement
        QVERIFY2(m_view->summary()->cardText(QStringLiteral("fees")).contains(u"Settlement"),
                 qPrintable(m_view->summary()->cardText(QStringLiteral("fees"))));
    }

    void cellsAreCopyable()
    {
        select({0, 1});
        QTest::keyClick(m_view->table(), Qt::Key_C, Qt::ControlModifier);
        const QString copied = QApplication::clipboard()->text();
        QCOMPARE(copied.count(u'\n'), 1);
        QVERIFY(copied.contains(m_view->model()->discrepancy(0).outTradeNo));
        QVERIFY(copied.contains(u'\t'));
    }

    void sortingByAColumn()
    {
        m_view->table()->sortByColumn(DiscrepancyModel::LedgerAmountColumn, Qt::AscendingOrder);
        DiscrepancyModel *model = m_view->model();
        QCOMPARE(model->rowCount(), int(model->totalCount()));
        qint64 previous = -1;
        for (int r = 0; r < model->rowCount(); ++r) {
            const QVariant v
                = model->index(r, DiscrepancyModel::LedgerAmountColumn).data(Qt::EditRole);
            if (!v.isValid())
                continue;
            QVERIFY(v.toLongLong() >= previous);
            previous = v.toLongLong();
        }
    }

    void keyboardReachesTheTable()
    {
        m_view->table()->setFocus();
        QTest::keyClick(m_view->table(), Qt::Key_Down);
        QVERIFY(m_view->table()->currentIndex().isValid());
        QVERIFY(!m_view->selectedIds().isEmpty());
    }

    // Fetching needs a merchant and a day whose bill can exist: never today or later (a day's
    // bill is ready the next morning); the tooltip says which is missing.
    void fetchOnlyForPastDaysWithAMerchant()
    {
        auto *fetch = m_view->findChild<QPushButton *>(QStringLiteral("fetchAndReconcile"));
        QVERIFY(fetch);
        QVERIFY(!fetch->isEnabled()); // no merchant yet
        QVERIFY(fetch->toolTip().contains(QStringLiteral("merchant")));
        MerchantProfile p;
        p.name = QStringLiteral("Shop");
        p.mchid = QStringLiteral("1900000001");
        m_t->settings().setProfiles({p});
        m_t->settings().setActiveProfileName(p.name);
        m_t->context->notifyProfilesChanged();
        QVERIFY(fetch->isEnabled()); // on kLast, long past
        const QDate today = cst::billDateOf(cst::now());
        m_view->showDate(today);
        QVERIFY(!fetch->isEnabled());
        QVERIFY2(fetch->toolTip().contains(QStringLiteral("10:00")), qPrintable(fetch->toolTip()));
        m_view->showDate(today.addDays(-1));
        QVERIFY(fetch->isEnabled());
    }
};

QTEST_MAIN(tst_ReconcileView)
#include "tst_reconcileview.moc"
