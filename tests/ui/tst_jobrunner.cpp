// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobrunner.h"
#include "progresspresenter.h"

#include <QProgressBar>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QToolButton>

#include <atomic>

using namespace wxr;
using namespace wxr::ui;

class tst_JobRunner final : public QObject
{
    Q_OBJECT

private slots:
    void deliversResultOnGuiThreadFromPoolThread()
    {
        JobRunner runner;
        QThread *worker = nullptr;
        QThread *deliveredOn = nullptr;
        int value = 0;
        QSignalSpy succeeded(&runner, &JobRunner::jobSucceeded);
        runner.run<int>(
            QStringLiteral("sum"),
            [&worker](QPromise<Result<int>> &promise) {
                worker = QThread::currentThread();
                promise.addResult(Result<int>(42));
            },
            this,
            [&](int v) {
                value = v;
                deliveredOn = QThread::currentThread();
            });
        QTRY_COMPARE(succeeded.count(), 1);
        QCOMPARE(value, 42);
        QVERIFY(worker != nullptr);
        QVERIFY(worker != QThread::currentThread());
        QCOMPARE(deliveredOn, QThread::currentThread());
        QCOMPARE(runner.activeJobs(), 0);
    }

    void voidJobs()
    {
        JobRunner runner;
        bool done = false;
        runner.run<void>(
            QStringLiteral("void"), [](QPromise<Status> &promise) { promise.addResult(Status{}); },
            this, [&done] { done = true; });
        QTRY_VERIFY(done);
    }

    void errorsArriveAsOneSentenceWithDetail()
    {
        JobRunner runner;
        QSignalSpy failed(&runner, &JobRunner::jobFailed);
        bool called = false;
        runner.run<int>(
            QStringLiteral("fetch"),
            [](QPromise<Result<int>> &promise) {
                promise.addResult(Result<int>(makeError(
                    ErrorCode::Network, QStringLiteral("The bill could not be downloaded."),
                    QStringLiteral("HTTP 503"))));
            },
            this, [&called](int) { called = true; });
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(!called);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("fetch"));
        const auto error = failed.at(0).at(1).value<Error>();
        QCOMPARE(error.code, ErrorCode::Network);
        QCOMPARE(error.message, QStringLiteral("The bill could not be downloaded."));
        QCOMPARE(error.detail, QStringLiteral("HTTP 503"));
    }

    void missingResultIsReportedAsFailure()
    {
        JobRunner runner;
        QSignalSpy failed(&runner, &JobRunner::jobFailed);
        runner.run<int>(
            QStringLiteral("forgetful"), [](QPromise<Result<int>> &) {}, this, [](int) {});
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).value<Error>().code, ErrorCode::Internal);
    }

    void cancelStopsTheJobAndReportsCancellation()
    {
        JobRunner runner;
        ProgressPresenter presenter(&runner);
        QSignalSpy cancelled(&runner, &JobRunner::jobCancelled);
        QSignalSpy started(&runner, &JobRunner::jobStarted);
        std::atomic<bool> sawCancel = false;
        std::atomic<bool> running = false;
        bool succeeded = false;
        runner.run<int>(
            QStringLiteral("long"),
            [&](QPromise<Result<int>> &promise) {
                promise.setProgressRange(0, 1000);
                running = true;
                for (int i = 0; i < 1000; ++i) {
                    if (promise.isCanceled()) {
                        sawCancel = true;
                        return;
                    }
                    promise.setProgressValue(i);
                    QThread::msleep(5);
                }
                promise.addResult(Result<int>(1));
            },
            this, [&succeeded](int) { succeeded = true; });
        QCOMPARE(started.count(), 1);
        QCOMPARE(presenter.rowCount(), 1);
        QVERIFY(!presenter.isHidden());
        QTRY_VERIFY(running.load());
        auto *bar = presenter.findChild<QProgressBar *>(QStringLiteral("jobProgress"));
        QVERIFY(bar);
        QTRY_COMPARE(bar->maximum(), 1000);
        QTRY_VERIFY(bar->value() > 0);
        auto *cancel = presenter.findChild<QToolButton *>(QStringLiteral("jobCancel"));
        QVERIFY(cancel);
        cancel->click();
        QTRY_COMPARE(cancelled.count(), 1);
        QVERIFY(sawCancel.load());
        QVERIFY(!succeeded);
        QTRY_COMPARE(presenter.rowCount(), 0);
        QVERIFY(presenter.isHidden());
    }

    void cancelledErrorCodeCountsAsCancellation()
    {
        JobRunner runner;
        QSignalSpy cancelled(&runner, &JobRunner::jobCancelled);
        QSignalSpy failed(&runner, &JobRunner::jobFailed);
        runner.run<int>(
            QStringLiteral("stopped"),
            [](QPromise<Result<int>> &promise) {
                promise.addResult(
                    Result<int>(makeError(ErrorCode::Cancelled, QStringLiteral("Cancelled."))));
            },
            this, [](int) {});
        QTRY_COMPARE(cancelled.count(), 1);
        QCOMPARE(failed.count(), 0);
    }

    void guiThreadStaysResponsiveWhileJobRuns()
    {
        JobRunner runner;
        std::atomic<bool> release = false;
        bool done = false;
        runner.run<int>(
            QStringLiteral("busy"),
            [&release](QPromise<Result<int>> &promise) {
                while (!release.load())
                    QThread::msleep(2);
                promise.addResult(Result<int>(0));
            },
            this, [&done](int) { done = true; });
        // Timer ticks on the GUI thread keep coming while the job is busy on the pool.
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
        timer.start(10);
        QTRY_VERIFY(ticks >= 5);
        QVERIFY(!done);
        release = true;
        QTRY_VERIFY(done);
    }

    void taskShapeOfCoreOperations()
    {
        // Result<T> fn(QPromise<void> &): the shape of reconcile(), bill import, reports.
        JobRunner runner;
        ProgressPresenter presenter(&runner);
        QString delivered;
        QSignalSpy failed(&runner, &JobRunner::jobFailed);
        runner.runTask<QString>(
            QStringLiteral("task"),
            [](QPromise<void> &promise) -> Result<QString> {
                promise.setProgressRange(0, 100);
                promise.setProgressValue(50);
                return QStringLiteral("run 7");
            },
            this, [&delivered](const QString &v) { delivered = v; });
        QTRY_COMPARE(delivered, QStringLiteral("run 7"));
        QCOMPARE(failed.count(), 0);

        runner.runTask<QString>(
            QStringLiteral("failing task"),
            [](QPromise<void> &) -> Result<QString> {
                return makeError(ErrorCode::NotFound,
                                 QStringLiteral("No trade bill is imported for 2026-11-25."));
            },
            this, [](const QString &) {});
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).value<Error>().code, ErrorCode::NotFound);
    }

    void taskCancelReachesTheCorePromise()
    {
        JobRunner runner;
        ProgressPresenter presenter(&runner);
        QSignalSpy cancelled(&runner, &JobRunner::jobCancelled);
        std::atomic<bool> running = false;
        runner.runTask<int>(
            QStringLiteral("long task"),
            [&running](QPromise<void> &promise) -> Result<int> {
                running = true;
                while (!promise.isCanceled())
                    QThread::msleep(2);
                return makeError(ErrorCode::Cancelled, QStringLiteral("Cancelled."));
            },
            this, [](int) {});
        QTRY_VERIFY(running.load());
        presenter.findChild<QToolButton *>(QStringLiteral("jobCancel"))->click();
        QTRY_COMPARE(cancelled.count(), 1);
        QTRY_COMPARE(presenter.rowCount(), 0);
    }

    void destroyedContextSkipsDelivery()
    {
        JobRunner runner;
        QSignalSpy succeeded(&runner, &JobRunner::jobSucceeded);
        bool called = false;
        auto *context = new QObject;
        std::atomic<bool> release = false;
        runner.run<int>(
            QStringLiteral("orphan"),
            [&release](QPromise<Result<int>> &promise) {
                while (!release.load())
                    QThread::msleep(1);
                promise.addResult(Result<int>(1));
            },
            context, [&called](int) { called = true; });
        delete context;
        release = true;
        QTRY_COMPARE(succeeded.count(), 1);
        QVERIFY(!called);
    }
};

QTEST_MAIN(tst_JobRunner)
#include "tst_jobrunner.moc"
