// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/delaychart.h"
#include "charts/failurechart.h"
#include "charts/timerangebar.h"
#include "charts/volumechart.h"
#include "demofixture.h"
#include "models/callbackfailuremodel.h"
#include "monitor/alertstore.h"
#include "monitor/callbackmetrics.h"
#include "monitor/delayhistogram.h"
#include "monitordata.h"
#include "monitorview.h"
#include "notify/callbackstore.h"
#include "uitestutil.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>
#include <numeric>

using namespace wxr;
using namespace wxr::ui;

namespace {

const QDate kLast(2026, 11, 20);

core::CallbackEvent delivery(qint64 receivedMs, qint64 delayMs, core::CallbackOutcome outcome,
                             core::FailureCause cause = core::FailureCause::None)
{
    core::CallbackEvent e;
    e.receivedAtMs = receivedMs;
    e.successTime = (receivedMs - delayMs) / 1000;
    e.outcome = outcome;
    e.cause = cause;
    e.httpStatus = core::isAcknowledged(outcome) ? 204 : 401;
    e.eventType = QStringLiteral("TRANSACTION.SUCCESS");
    return e;
}

} // namespace

class tst_MonitorView final : public QObject
{
    Q_OBJECT

private slots:
    void histogramFromQuantiles_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<qint64>("maxMs");
        QTest::newRow("uniform 0-10 s") << 2000 << qint64(10000);
        QTest::newRow("uniform 0-2 min") << 5000 << qint64(120000);
        QTest::newRow("sub-second") << 300 << qint64(900);
    }

    void histogramFromQuantiles()
    {
        QFETCH(int, count);
        QFETCH(qint64, maxMs);
        core::DelayHistogram h;
        for (int i = 0; i < count; ++i)
            h.add(maxMs * i / count);
        const DelayHistogramSeries s = histogramOf(h);
        QVERIFY(s.binWidth > 0);
        QCOMPARE(s.binStarts.size(), s.counts.size());
        const double total = std::accumulate(s.counts.cbegin(), s.counts.cend(), 0.0);
        // Rounding per bin: within one per bin of the real total.
        QVERIFY2(std::abs(total - count) <= s.counts.size(), qPrintable(QString::number(total)));
        // Uniform data: no bin but the last holds much more than its share.
        const double share = double(count) * s.binWidth / (double(maxMs) / 1000.0);
        for (qsizetype b = 0; b + 1 < s.counts.size(); ++b)
            QVERIFY2(
                s.counts[b] <= share * 1.5 + 2,
                qPrintable(QStringLiteral("bin %1: %2 > %3").arg(b).arg(s.counts[b]).arg(share)));
        // The bins reach the slowest callbacks.
        QVERIFY(s.binStarts.last() + s.binWidth >= double(maxMs) / 1000.0 * 0.99);
    }

    void emptyHistogram()
    {
        const DelayHistogramSeries s = histogramOf(core::DelayHistogram{});
        QVERIFY(s.counts.isEmpty());
    }

    void seriesFromBuckets()
    {
        const qint64 t0 = 1795622400000; // 2026-11-26 00:00 CST
        auto acc = core::MetricsAccumulator::create(t0, t0 + 3 * 3600000, core::BucketSize::Hour);
        QVERIFY(acc.ok());
        acc->add(delivery(t0 + 1000, 2000, core::CallbackOutcome::Applied));
        acc->add(delivery(t0 + 2000, 4000, core::CallbackOutcome::Applied));
        acc->add(delivery(t0 + 3600000 + 5, 0, core::CallbackOutcome::Rejected,
                          core::FailureCause::BadSignature));
        acc->add(delivery(t0 + 2 * 3600000 + 5, 0, core::CallbackOutcome::Rejected,
                          core::FailureCause::StaleTimestamp));
        acc->add(delivery(t0 + 2 * 3600000 + 6, 0, core::CallbackOutcome::Rejected,
                          core::FailureCause::StaleTimestamp));
        MonitorSnapshot s;
        fillSeries(s, acc->buckets());
        QCOMPARE(s.delay.times.size(), 3);
        QCOMPARE(s.delay.times.first(), t0 / 1000);
        QVERIFY(s.delay.p50[0] >= 2.0 && s.delay.p50[0] <= 4.1);
        QVERIFY(std::isnan(s.delay.p50[1])); // no delays in the second hour: a gap
        QCOMPARE(s.failures.bucketSeconds, qint64(3600));
        // Only causes that occurred get a row.
        QCOMPARE(s.failures.rows.size(), 2);
        QCOMPARE(s.received, qint64(5));
        QCOMPARE(s.failed, qint64(3));
        QCOMPARE(s.volume.rows.size(), 3);
        QCOMPARE(s.volume.rows[0].values, (QList<double>{2, 1, 2}));
    }

    void showsTheDemoCallbacks()
    {
        DemoLedger demo;
        QVERIFY(demo.buildWithCallbacks(kLast, 2, 800));
        TestContext t;
        t.context->setLedgerPath(demo.path);
        MonitorView view(*t.context);
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy refreshed(&view, &MonitorView::refreshed);
        const auto [from, to] = cst::dayBounds(kLast.addDays(-1));
        view.rangeBar()->setCustomRange(from, from + 2 * 86400);
        // The read of the preset range the view opened with may land first.
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1 && view.snapshot().from == from, 20000);
        const MonitorSnapshot &s = view.snapshot();
        QVERIFY(s.received > 1000);
        QVERIFY(s.failed > 0);
        // The charts hold what the snapshot says.
        QCustomPlot *delay = view.delayChart()->plot();
        QCOMPARE(delay->graph(0)->dataCount(), int(s.delay.times.size()));
        QVERIFY(view.failureChart()->plot()->plottableCount() == int(s.failures.rows.size()));
        QCOMPARE(view.volumeChart()->plot()->graphCount(), 3);
        QCOMPARE(view.volumeChart()->alertPeriodCount(),
                 int(std::count_if(s.alerts.cbegin(), s.alerts.cend(),
                                   [](const AlertPeriod &a) { return a.end > a.start; })));
        // The failure table lists the failed deliveries, newest first.
        CallbackFailureModel *failures = view.failureModel();
        QAbstractItemModelTester tester(failures,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(failures->rowCount() > 0);
        for (int r = 1; r < failures->rowCount(); ++r)
            QVERIFY(failures->failure(r - 1).receivedAtMs >= failures->failure(r).receivedAtMs);
        QVERIFY(!failures->index(0, CallbackFailureModel::CauseColumn).data().toString().isEmpty());
        QCOMPARE(view.liveIntervalMs(), 30000); // a read of two small days is quick
        // The demo's log says who refused it and why, as the receiver would have.
        for (int r = 0; r < failures->rowCount(); ++r) {
            QCOMPARE(failures->index(r, CallbackFailureModel::SourceColumn).data(Qt::EditRole),
                     QVariant(QStringLiteral("import")));
            QCOMPARE(
                failures->index(r, CallbackFailureModel::SerialColumn).data().toString().size(),
                40);
            QVERIFY(!failures->index(r, CallbackFailureModel::MessageColumn)
                         .data()
                         .toString()
                         .isEmpty());
        }
    }

    void liveReadsWaitLongerAfterSlowReads()
    {
        QCOMPARE(MonitorView::liveIntervalMs(0), 30000);
        QCOMPARE(MonitorView::liveIntervalMs(7000), 30000);
        QCOMPARE(MonitorView::liveIntervalMs(18000), 72000); // a week of a large merchant
        QCOMPARE(MonitorView::liveIntervalMs(400000), 600000);
    }

    // The monitor's read evaluates the alert rules behind the status bar and the webhook, so it
    // follows ledger changes even while another view is on screen.
    void hiddenMonitorReadsAfterAChange()
    {
        TestContext t;
        MonitorView view(*t.context);
        QSignalSpy refreshed(&view, &MonitorView::refreshed);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1, 20000); // the range it opened with
        QTest::qWait(700);
        const qsizetype before = refreshed.count();
        QVERIFY(!view.isVisible());
        t.context->notifyLedgerChanged();
        t.context->notifyLedgerChanged(); // folded into the same read
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), before + 1, 20000);
        QTest::qWait(1000);
        QCOMPARE(refreshed.count(), before + 1);
    }

    void raisedAlertsGoToTheWebhook()
    {
        // A chat robot on loopback that answers like WeCom's and keeps what it was sent.
        QTcpServer robot;
        QVERIFY(robot.listen(QHostAddress::LocalHost));
        QByteArrayList received;
        connect(&robot, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *socket = robot.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &received] {
                const QByteArray request = socket->readAll();
                received.append(request);
                const QByteArray body = R"({"errcode":0,"errmsg":"ok"})";
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "Connection: close\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        });

        TestContext t;
        t.context->settings().setAlertWebhookUrl(
            QUrl(QStringLiteral("http://127.0.0.1:%1/send?key=k").arg(robot.serverPort())));
        auto ledger = t.context->ledger();
        QVERIFY(ledger.ok());
        // Half of the last minutes' callbacks failed: far above the 5 % failure-rate rule.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        core::CallbackStore store(**ledger);
        for (int i = 0; i < 40; ++i) {
            core::CallbackEvent e
                = delivery(now - 60000 + i * 100, 2000,
                           i % 2 ? core::CallbackOutcome::Applied : core::CallbackOutcome::Rejected,
                           i % 2 ? core::FailureCause::None : core::FailureCause::BadSignature);
            e.notificationId = QStringLiteral("EV-%1").arg(i);
            QVERIFY(store.insert(e).ok());
        }

        MonitorView view(*t.context);
        QSignalSpy refreshed(&view, &MonitorView::refreshed);
        view.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1, 20000);
        QVERIFY(view.snapshot().openAlerts >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty(), 10000);
        QVERIFY(received.first().startsWith("POST /send?key=k "));
        QVERIFY(received.first().contains("\"msgtype\":\"text\""));
        // Once the robot took it, the alert is marked as notified: not sent again.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QSqlQuery q((*ledger)->database());
                return q.exec(QStringLiteral("SELECT COUNT(*) FROM alerts WHERE notified = 1"))
                       && q.next() && q.value(0).toInt() >= 1;
            }(),
            10000);
        const qsizetype posts = received.size();
        view.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 2, 20000);
        QTest::qWait(300);
        QCOMPARE(received.size(), posts); // still open: nothing new to say
    }
};

QTEST_MAIN(tst_MonitorView)
#include "tst_monitorview.moc"
