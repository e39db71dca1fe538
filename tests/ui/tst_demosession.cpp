// SPDX-License-Identifier: GPL-3.0-or-later
#include "compensate/requeryqueue.h"
#include "copyabletableview.h"
#include "demosession.h"
#include "jobrunner.h"
#include "ledger/ledger.h"
#include "ledger/orderrepository.h"
#include "mainwindow.h"
#include "merchantservices.h"
#include "models/discrepancymodel.h"
#include "models/requeryqueuemodel.h"
#include "monitorview.h"
#include "notify/callbackevent.h"
#include "notify/callbackstore.h"
#include "reconcileview.h"
#include "simday.h"
#include "simserver.h"
#include "statusmodel.h"
#include "stuckordersview.h"
#include "uitestutil.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace wxr;
using namespace wxr::ui;

// `wxrecon --demo` end to end: the stand-in in this process, the demo ledger, the views on it,
// and re-querying stuck orders from the stuck-orders view.
class tst_DemoSession final : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestContext> m_t;
    std::unique_ptr<demo::DemoSession> m_demo;
    std::unique_ptr<MainWindow> m_window;

private slots:
    void initTestCase()
    {
        m_t = std::make_unique<TestContext>(true);
        demo::DemoSession::Options options;
        options.historyDays = 1;
        options.ordersPerDay = 400;
        m_demo = std::make_unique<demo::DemoSession>(
            *m_t->context, m_t->dir.filePath(QStringLiteral("demo")), options);
        const Status prepared = m_demo->prepare();
        QVERIFY2(prepared.ok(), prepared.ok() ? "" : qPrintable(prepared.error().message));
        m_window = std::make_unique<MainWindow>(*m_t->context);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy ready(m_demo.get(), &demo::DemoSession::ready);
        QSignalSpy failed(m_demo.get(), &demo::DemoSession::failed);
        m_demo->populate();
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() + failed.count() > 0, 60000);
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).value<Error>().message));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_demo.reset();
        m_t.reset();
    }

    void opensOnYesterdayWithTheStandInsDiscrepancies()
    {
        auto *view
            = qobject_cast<ReconcileView *>(m_window->viewWidget(MainWindow::View::Reconcile));
        QVERIFY(view);
        QCOMPARE(view->currentDate(), m_demo->lastDay());
        QAbstractItemModelTester tester(view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(view->model()->totalCount(), qint64(m_demo->server()->day().truth.size()));
        QCOMPARE(m_t->context->status()->lastBillDate(), m_demo->lastDay());
        QTRY_COMPARE_WITH_TIMEOUT(m_t->context->status()->keyStatus().health,
                                  StatusModel::KeyHealth::Ok, 10000);
    }

    void fetchingAgainChangesNothing()
    {
        auto *view
            = qobject_cast<ReconcileView *>(m_window->viewWidget(MainWindow::View::Reconcile));
        const qint64 before = view->model()->totalCount();
        QSignalSpy finished(view, &ReconcileView::jobFinished);
        view->fetchAndReconcile();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(view->model()->totalCount(), before);
    }

    void requeryFromTheStuckView()
    {
        auto *view
            = qobject_cast<StuckOrdersView *>(m_window->viewWidget(MainWindow::View::StuckOrders));
        QVERIFY(view);
        QAbstractItemModelTester tester(view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_window->showView(MainWindow::View::StuckOrders); // a hidden view reloads when shown
        QVERIFY(view->model()->rowCount() >= 3);
        view->table()->selectRow(0);
        view->table()->selectionModel()->select(
            view->model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QStringList keys = view->selectedKeys();
        QCOMPARE(keys.size(), 2);
        QSignalSpy finished(view, &StuckOrdersView::jobFinished);
        view->findChild<QPushButton *>(QStringLiteral("requerySelected"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        // Each re-queried order shows what WeChat Pay answered, inline.
        for (const QString &key : keys)
            QVERIFY2(!view->model()->inlineResult(key).isEmpty(), qPrintable(key));
        // And the queue recorded the attempt.
        auto ledger = m_t->context->ledger();
        QVERIFY(ledger.ok());
        for (const QString &key : keys) {
            auto item = core::RequeryQueue(**ledger).find(core::RequeryKind::Order, key);
            QVERIFY(item.ok() && item->has_value());
            QVERIFY((*item)->attempts >= 1 || (*item)->state == core::QueueState::Done);
        }
    }

    void liveCallbacksReachTheLedgerAndTheMonitor()
    {
        // The receiver inside the application: the stand-in pays orders and calls back; each
        // accepted callback is in the ledger by the time it is answered.
        QList<core::CallbackEvent> applied;
        int refused = 0;
        connect(m_t->context->merchant(), &MerchantServices::callbackHandled, this,
                [&](const core::CallbackEvent &e) {
                    if (e.outcome == core::CallbackOutcome::Applied
                        && e.eventType == u"TRANSACTION.SUCCESS")
                        applied.append(e);
                    else if (!core::isAcknowledged(e.outcome))
                        ++refused;
                });
        // Only callbacks change the ledger in this test: the views must still hear of them.
        m_t->context->merchant()->setSchedulerEnabled(false);
        QSignalSpy ledgerChanged(m_t->context.get(), &AppContext::ledgerChanged);
        // The order WeChat Pay has and the ledger lacks (MISSING_IN_LEDGER) is called back late.
        const sim::SimDay &day = m_demo->server()->day();
        const auto unknown
            = std::find_if(day.orders.cbegin(), day.orders.cend(), [](const sim::SimOrder &o) {
                  return o.role == sim::OrderRole::MissingInLedger;
              });
        QVERIFY(unknown != day.orders.cend());
        const QString unknownKey = QString::fromLatin1(day.outTradeNo(*unknown));
        m_demo->startLiveTraffic(100);
        QTRY_VERIFY_WITH_TIMEOUT(!m_t->context->merchant()->receiverUrl().isEmpty(), 10000);
        m_window->showView(MainWindow::View::Monitor);
        auto *monitor
            = qobject_cast<MonitorView *>(m_window->viewWidget(MainWindow::View::Monitor));
        QVERIFY(monitor);
        QVERIFY(monitor->findChild<QLabel *>(QStringLiteral("receiverState"))
                    ->text()
                    .contains(m_t->context->merchant()->receiverUrl().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(applied.size() >= 3, 30000);
        auto ledger = m_t->context->ledger();
        QVERIFY(ledger.ok());
        for (const core::CallbackEvent &e : std::as_const(applied)) {
            const auto order = core::OrderRepository(**ledger).find(e.outTradeNo);
            QVERIFY(order.ok() && order->has_value());
            QCOMPARE((*order)->status, QStringLiteral("SUCCESS"));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!ledgerChanged.isEmpty(), 5000);
        // The daily view counts the late callback as an anomaly once it is shown again.
        m_window->showView(MainWindow::View::Reconcile);
        auto *daily
            = qobject_cast<ReconcileView *>(m_window->viewWidget(MainWindow::View::Reconcile));
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(daily->anomalies().cbegin(), daily->anomalies().cend(),
                                             [&](const core::CallbackAnomaly &a) {
                                                 return a.kind == core::AnomalyKind::UnknownOrder
                                                        && a.outTradeNo == unknownKey;
                                             }),
                                 15000);
        m_window->showView(MainWindow::View::Monitor);
        // The monitor reads again on its own once callbacks came in.
        QSignalSpy refreshed(monitor, &MonitorView::refreshed);
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 15000);

        m_t->context->merchant()->setReceiverEnabled(false);
        QVERIFY(m_t->context->merchant()->receiverUrl().isEmpty());
        QVERIFY(!m_t->context->settings().receiverEnabled());
        qInfo("%lld callbacks applied, %d refused (probes) while the receiver ran",
              qint64(applied.size()), refused);
    }
};

QTEST_MAIN(tst_DemoSession)
#include "tst_demosession.moc"
