// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/cstime.h"
#include "common/settings.h"
#include "dailyfetch.h"
#include "ledger/billrepository.h"
#include "ledger/discrepancyrepository.h"
#include "ledger/ledger.h"
#include "ledger/ledgercsv.h"
#include "secretstore.h"
#include "simserver.h"
#include "uitestutil.h"
#include "wechatpay/merchantconfig.h"

#include <QDateTime>
#include <QFile>
#include <QProcessEnvironment>
#include <QPromise>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace wxr;
using namespace wxr::ui;

namespace {

// The stand-in serving `settings`, and a context whose active merchant is the stand-in's and
// whose fetch time passed a minute ago (CST), so that a DailyFetch started now catches up.
struct StandIn
{
    sim::SimServer server;
    TestContext context;
    QByteArray apiV3Key;

    explicit StandIn(const sim::SimSettings &settings)
        : server(settings)
    {
        if (!server.start(0).ok())
            return;
        auto config = core::MerchantConfig::load(server.merchantIniPath(), QProcessEnvironment());
        if (!config.ok())
            return;
        const MerchantProfile p = config->toProfile(QStringLiteral("Stand-in"));
        context.settings().setProfiles({p});
        context.settings().setActiveProfileName(p.name);
        apiV3Key = config->apiV3Key;
        context.context->secrets()->store(p.name, SecretKind::ApiV3Key,
                                          QString::fromLatin1(apiV3Key), nullptr);
        const QTime cstNow
            = QDateTime::fromSecsSinceEpoch(cst::now(), QTimeZone(int(cst::kOffsetSeconds))).time();
        context.settings().setBillFetchTime(
            cstNow.msecsSinceStartOfDay() < 60000 ? QTime(0, 0) : cstNow.addSecs(-60));
        m_ready = true;
    }
    bool ready() const { return m_ready; }

private:
    bool m_ready = false;
};

} // namespace

// The daily bill fetch: when it runs, catching up at start, retrying a bill WeChat Pay is
// still generating, and the day in the ledger afterwards.
class tst_DailyFetch final : public QObject
{
    Q_OBJECT

private slots:
    void msUntil_data()
    {
        QTest::addColumn<QTime>("fetchTime");
        QTest::addColumn<QString>("now"); // CST
        QTest::addColumn<qint64>("expectedMs");
        QTest::newRow("later today") << QTime(10, 30) << "2026-11-25 09:00:00" << qint64(5400000);
        QTest::newRow("tomorrow") << QTime(10, 30) << "2026-11-25 11:00:00" << qint64(84600000);
        QTest::newRow("exactly now: tomorrow")
            << QTime(10, 30) << "2026-11-25 10:30:00" << qint64(86400000);
        QTest::newRow("just after midnight")
            << QTime(0, 5) << "2026-11-25 00:00:00" << qint64(300000);
    }

    void msUntil()
    {
        QFETCH(QTime, fetchTime);
        QFETCH(QString, now);
        QFETCH(qint64, expectedMs);
        const auto at = cst::parseBillTime(now.toStdString());
        QVERIFY(at);
        QCOMPARE(DailyFetch::msUntil(fetchTime, *at), expectedMs);
    }

    void catchesUpAndRetriesUntilTheBillIsReady()
    {
        QTemporaryDir dir;
        const QDate yesterday = cst::billDateOf(cst::now()).addDays(-1);
        sim::SimSettings s;
        s.stateDir = dir.filePath(QStringLiteral("state"));
        s.day.orders = 300;
        s.day.date = yesterday;
        s.billsReadyAt = cst::now() + 5; // STATEMENT_CREATING for five more seconds
        StandIn standIn(s);
        QVERIFY(standIn.ready());
        TestContext &t = standIn.context;

        DailyFetch fetch(*t.context);
        fetch.setRetryInterval(1000);
        QSignalSpy fetched(&fetch, &DailyFetch::fetched);
        fetch.start();
        QTRY_VERIFY_WITH_TIMEOUT(!fetched.isEmpty() && fetched.last().at(1).toBool(), 60000);
        QVERIFY(fetched.count() >= 2);
        QCOMPARE(fetched.at(0).at(0).toDate(), yesterday);
        QCOMPARE(fetched.at(0).at(1).toBool(), false);      // still being generated
        QCOMPARE(fetched.last().at(0).toDate(), yesterday); // retried until it was ready

        auto ledger = t.context->ledger();
        QVERIFY(ledger.ok());
        const auto status = core::DiscrepancyRepository(**ledger).dayStatuses(yesterday, yesterday);
        QVERIFY(status.ok());
        QVERIFY(status->value(yesterday) != core::DayStatus::NotFetched);
        // The next run is tomorrow's, about 24 h after the fetch time.
        QVERIFY(fetch.nextRun() > cst::now() + 23 * 3600);

        // Started again: yesterday is in the ledger, nothing to catch up.
        DailyFetch again(*t.context);
        QSignalSpy again_fetched(&again, &DailyFetch::fetched);
        again.start();
        QTest::qWait(500);
        QCOMPARE(again_fetched.count(), 0);
    }

    // A day without trades (NO_STATEMENT_EXIST) is a normal day, not a failure: recorded as an
    // empty bill and reconciled at once, so that an order the ledger holds as paid that day is
    // reported missing in the bill.
    void aDayWithoutTradesIsReconciledAgainstAnEmptyBill()
    {
        QTemporaryDir dir;
        const QDate yesterday = cst::billDateOf(cst::now()).addDays(-1);
        sim::SimSettings s;
        s.stateDir = dir.filePath(QStringLiteral("state"));
        s.day.orders = 100;
        s.day.date = yesterday.addDays(-1); // the stand-in has no bill for yesterday
        StandIn standIn(s);
        QVERIFY(standIn.ready());
        TestContext &t = standIn.context;
        // The ledger says an order was paid yesterday at noon.
        const QString day = yesterday.toString(Qt::ISODate);
        QFile orders(dir.filePath(QStringLiteral("orders.csv")));
        QVERIFY(orders.open(QIODevice::WriteOnly));
        orders.write(QStringLiteral("out_trade_no,transaction_id,amount_fen,status,created_at,"
                                    "paid_at\nT-PAID-NO-BILL,4200000000000000000000000001,1250,"
                                    "SUCCESS,%1T11:59:00+08:00,%1T12:00:00+08:00\n")
                         .arg(day)
                         .toUtf8());
        orders.close();
        {
            auto ledger = t.context->ledger();
            QVERIFY(ledger.ok());
            QPromise<void> promise;
            QVERIFY(core::importLedgerCsv(**ledger, orders.fileName(), QString(), promise).ok());
        }

        DailyFetch fetch(*t.context);
        fetch.setRetryInterval(1000);
        QSignalSpy fetched(&fetch, &DailyFetch::fetched);
        QSignalSpy notices(t.context.get(), &AppContext::noticeRequested);
        fetch.start();
        QTRY_VERIFY_WITH_TIMEOUT(!fetched.isEmpty(), 30000);
        QCOMPARE(fetched.first().at(0).toDate(), yesterday);
        QCOMPARE(fetched.first().at(1).toBool(), true); // not a failure, so no retry
        QCOMPARE(notices.size(), 1);
        const QString notice = notices.first().at(1).toString();
        QVERIFY2(notice.contains(QStringLiteral("reconciled, 1 discrepanc"))
                     && notice.endsWith(QStringLiteral("WeChat Pay has no bill for the day (no "
                                                       "payment or refund).")),
                 qPrintable(notice));
        QTest::qWait(1500);
        QCOMPARE(fetched.count(), 1);

        auto ledger = t.context->ledger();
        QVERIFY(ledger.ok());
        const auto bills = core::BillRepository(**ledger).billsOf(yesterday);
        QVERIFY(bills.ok());
        QCOMPARE(bills->size(), 1);
        QCOMPARE(bills->first().billType, QStringLiteral("ALL"));
        QCOMPARE(bills->first().sourceName, QStringLiteral("NO_STATEMENT_EXIST"));
        core::DiscrepancyRepository discrepancies(**ledger);
        const auto status = discrepancies.dayStatuses(yesterday, yesterday);
        QVERIFY(status.ok());
        QCOMPARE(status->value(yesterday), core::DayStatus::Open);
        core::DiscrepancyFilter filter;
        filter.from = filter.to = yesterday;
        const auto found = discrepancies.page(filter, 0, 10);
        QVERIFY(found.ok());
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().kind, core::DiscrepancyKind::MissingInBill);
        QCOMPARE(found->first().outTradeNo, QStringLiteral("T-PAID-NO-BILL"));
    }

    // The application was closed for a few days: at start every day since the last fetched
    // one is fetched, oldest first; a ledger without any recent bill gets yesterday only.
    void catchesUpTheDaysSinceTheLastFetchedOne()
    {
        QTemporaryDir dir;
        const QDate yesterday = cst::billDateOf(cst::now()).addDays(-1);
        sim::SimSettings s;
        s.stateDir = dir.filePath(QStringLiteral("state"));
        s.day.orders = 100;
        s.day.date = yesterday.addDays(-1); // the others are days without trades
        StandIn standIn(s);
        QVERIFY(standIn.ready());
        TestContext &t = standIn.context;
        // The last day fetched before the application was closed; one older gap stays a gap.
        {
            auto ledger = t.context->ledger();
            QVERIFY(ledger.ok());
            core::BillRepository bills(**ledger);
            QVERIFY(bills.recordEmpty(yesterday.addDays(-6), QStringLiteral("ALL"), {}).ok());
            QVERIFY(bills.recordEmpty(yesterday.addDays(-4), QStringLiteral("ALL"), {}).ok());
        }

        DailyFetch fetch(*t.context);
        fetch.setRetryInterval(1000);
        QSignalSpy fetched(&fetch, &DailyFetch::fetched);
        QSignalSpy notices(t.context.get(), &AppContext::noticeRequested);
        fetch.start();
        QTRY_COMPARE_WITH_TIMEOUT(fetched.count(), 4, 60000);
        QCOMPARE(notices.size(), 4);
        for (int i = 0; i < 4; ++i) // the stand-in's day has a bill, the others none
            QCOMPARE(notices.at(i).at(1).toString().contains(QStringLiteral("no bill")), i != 2);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(fetched.at(i).at(0).toDate(), yesterday.addDays(i - 3));
            QVERIFY(fetched.at(i).at(1).toBool());
        }
        QTest::qWait(1500);
        QCOMPARE(fetched.count(), 4); // nothing more: the gap before the last fetched day stays
        QVERIFY(fetch.nextRun() > cst::now() + 23 * 3600);
        auto ledger = t.context->ledger();
        QVERIFY(ledger.ok());
        const auto status = core::DiscrepancyRepository(**ledger).dayStatuses(
            yesterday.addDays(-5), yesterday.addDays(-5));
        QVERIFY(status.ok());
        QCOMPARE(status->value(yesterday.addDays(-5)), core::DayStatus::NotFetched);
    }

    // Each merchant has its ledger: choosing another merchant catches up the days its ledger
    // misses, even when the one before had them all.
    void choosingAnotherMerchantCatchesUpItsLedger()
    {
        QTemporaryDir dir;
        const QDate yesterday = cst::billDateOf(cst::now()).addDays(-1);
        sim::SimSettings s;
        s.stateDir = dir.filePath(QStringLiteral("state"));
        s.day.orders = 100;
        s.day.date = yesterday;
        StandIn standIn(s);
        QVERIFY(standIn.ready());
        TestContext &t = standIn.context;
        {
            auto ledger = t.context->ledger();
            QVERIFY(ledger.ok());
            QVERIFY(core::BillRepository(**ledger)
                        .recordEmpty(yesterday, QStringLiteral("ALL"), {})
                        .ok());
        }
        // The same keys as a second profile on a ledger of its own (a test profile, say).
        MerchantProfile second = t.settings().profiles().first();
        second.name = QStringLiteral("Stand-in (own ledger)");
        second.ledgerFile = dir.filePath(QStringLiteral("second.sqlite"));
        t.settings().setProfiles({t.settings().profiles().first(), second});
        t.context->secrets()->store(second.name, SecretKind::ApiV3Key,
                                    QString::fromLatin1(standIn.apiV3Key), nullptr);

        DailyFetch fetch(*t.context);
        QSignalSpy fetched(&fetch, &DailyFetch::fetched);
        fetch.start();
        QTest::qWait(500);
        QCOMPARE(fetched.count(), 0); // the first merchant's ledger has yesterday
        t.context->setActiveProfile(second.name);
        QTRY_COMPARE_WITH_TIMEOUT(fetched.count(), 1, 30000);
        QCOMPARE(fetched.at(0).at(0).toDate(), yesterday);
        QVERIFY(fetched.at(0).at(1).toBool());
        auto ledger = core::Ledger::open(second.ledgerFile, AppContext::ledgerOptions());
        QVERIFY(ledger.ok());
        const auto bill = core::BillRepository(**ledger).latestTradeBill();
        QVERIFY(bill.ok() && bill->has_value());
        QCOMPARE((*bill)->billDate, yesterday);
        QVERIFY((*bill)->rowCount > 0);
    }
};

QTEST_MAIN(tst_DailyFetch)
#include "tst_dailyfetch.moc"
