// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoledger.h"
#include "jobrunner.h"
#include "ledger/ledger.h"
#include "models/discrepancymodel.h"
#include "reconcileview.h"
#include "simday.h"
#include "uitestutil.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace wxr;
using namespace wxr::ui;

// Long work must never block the GUI: while a million-order day is reconciled, the GUI
// thread's event loop keeps turning (every gap between timer ticks under 100 ms). The day's
// size comes from WXR_STALL_ORDERS (default 1,000,000); label "slow".
class tst_EventLoopStall final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_ledgerPath;
    const QDate m_date{2026, 11, 25};

private slots:
    void initTestCase()
    {
        bool ok = false;
        qint64 orders = qEnvironmentVariableIntValue("WXR_STALL_ORDERS", &ok);
        if (!ok || orders <= 0)
            orders = 1000000;
        sim::DayOptions o;
        o.date = m_date;
        o.orders = orders;
        o.seed = 99;
        o.gzip = false;
        QVERIFY(sim::validate(o).ok());
        const sim::SimDay day = sim::generateDay(o);
        m_ledgerPath = m_dir.filePath(QStringLiteral("ledger.sqlite"));
        auto ledger = core::Ledger::open(m_ledgerPath, AppContext::ledgerOptions());
        QVERIFY(ledger.ok());
        QPromise<void> promise;
        promise.start();
        QVERIFY(
            demo::importLedgerSide(**ledger, day, m_dir.filePath(QStringLiteral("day")), promise)
                .ok());
        QVERIFY(demo::importTradeBill(**ledger, day, promise).ok());
        promise.finish();
    }

    void reconcilingKeepsTheEventLoopTurning()
    {
        TestContext t;
        t.context->setLedgerPath(m_ledgerPath);
        ReconcileView view(*t.context);
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showDate(m_date);

        QElapsedTimer clock;
        qint64 last = 0;
        qint64 worst = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worst = qMax(worst, now - last);
            last = now;
        });
        QSignalSpy finished(&view, &ReconcileView::jobFinished);
        QSignalSpy failed(t.context->jobs(), &JobRunner::jobFailed);
        clock.start();
        ticker.start();
        view.reconcileAgain();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 600000);
        ticker.stop();
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.at(0).at(1).value<Error>().message));
        qInfo("reconciled in %lld ms; longest event-loop gap %lld ms", clock.elapsed(), worst);
        QVERIFY2(worst < 100,
                 qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(worst)));
        QVERIFY(view.model()->totalCount() > 0);
    }
};

QTEST_MAIN(tst_EventLoopStall)
#include "tst_eventloopstall.moc"
