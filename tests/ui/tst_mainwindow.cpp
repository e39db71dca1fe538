// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/settings.h"
#include "jobrunner.h"
#include "ledger/billrepository.h"
#include "ledger/ledger.h"
#include "mainwindow.h"
#include "noticebar.h"
#include "orderlookupview.h"
#include "reconcileview.h"
#include "reloadwhenshown.h"
#include "settingsview.h"
#include "statusmodel.h"
#include "uitestutil.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QToolButton>

using namespace wxr;
using namespace wxr::ui;
using View = MainWindow::View;

namespace {

MerchantProfile profile(const QString &name, const QString &mchid)
{
    MerchantProfile p;
    p.name = name;
    p.mchid = mchid;
    return p;
}

} // namespace

class tst_MainWindow final : public QObject
{
    Q_OBJECT

private slots:
    // The scheduler reports every answer it applies; the views reload at most once a second.
    void backgroundChangesAreFolded()
    {
        TestContext t;
        t.context->notifyLedgerChanged(); // a change just now
        QTest::qWait(AppContext::kLedgerSignalSpacingMs + 100);
        QSignalSpy changed(t.context.get(), &AppContext::ledgerChanged);
        for (int i = 0; i < 20; ++i)
            t.context->notifyLedgerChangedSoon();
        QCOMPARE(changed.size(), 1);                        // the first at once
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 3000); // the rest folded into one
        QTest::qWait(AppContext::kLedgerSignalSpacingMs + 200);
        QCOMPARE(changed.size(), 2);
        // A person's own change is never held back.
        t.context->notifyLedgerChanged();
        QCOMPARE(changed.size(), 3);
        t.context->notifyLedgerChangedSoon(); // right after a signal: folded, not lost
        QCOMPARE(changed.size(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 4, 3000);
    }

    void anomalyRowOpensTheOrderLookup()
    {
        TestContext t;
        MainWindow w(*t.context);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *reconcile = qobject_cast<ReconcileView *>(w.viewWidget(View::Reconcile));
        auto *lookup = qobject_cast<OrderLookupView *>(w.viewWidget(View::Lookup));
        QVERIFY(reconcile && lookup);
        emit reconcile->orderLookupRequested(QStringLiteral("T-ASKED-FOR"));
        QCOMPARE(w.currentView(), View::Lookup);
        QVERIFY2(lookup->summaryText().contains(QStringLiteral("T-ASKED-FOR")),
                 qPrintable(lookup->summaryText()));
    }

    void hiddenViewsReloadWhenShown()
    {
        QWidget view;
        int reloads = 0;
        ReloadWhenShown reloader(&view, [&reloads] { ++reloads; });
        reloader.changed();
        reloader.changed();
        QCOMPARE(reloads, 0);
        QVERIFY(reloader.isStale());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(reloads, 1); // once for both changes
        QVERIFY(!reloader.isStale());
        reloader.changed();
        QCOMPARE(reloads, 2); // visible: at once
        view.hide();
        view.show();
        QCOMPARE(reloads, 2); // nothing changed meanwhile
    }

    void titleNamesDemoMode_data()
    {
        QTest::addColumn<bool>("demo");
        QTest::newRow("demo") << true;
        QTest::newRow("normal") << false;
    }

    void titleNamesDemoMode()
    {
        QFETCH(bool, demo);
        TestContext t(demo);
        MainWindow w(*t.context);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.windowTitle().contains(QStringLiteral("demo")), demo);
        QVERIFY(!w.windowIcon().isNull());
    }

    void keyboardSwitchesViews_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("view");
        QTest::newRow("Ctrl+1 reconcile") << int(Qt::Key_1) << int(View::Reconcile);
        QTest::newRow("Ctrl+2 monitor") << int(Qt::Key_2) << int(View::Monitor);
        QTest::newRow("Ctrl+3 pending") << int(Qt::Key_3) << int(View::StuckOrders);
        QTest::newRow("Ctrl+4 lookup") << int(Qt::Key_4) << int(View::Lookup);
        QTest::newRow("Ctrl+5 reports") << int(Qt::Key_5) << int(View::Reports);
        QTest::newRow("Ctrl+6 settings") << int(Qt::Key_6) << int(View::Settings);
    }

    void keyboardSwitchesViews()
    {
        QFETCH(int, key);
        QFETCH(int, view);
        TestContext t(true);
        MainWindow w(*t.context);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // Start somewhere else so that the shortcut has to change the view.
        w.showView(view == int(View::Settings) ? View::Reconcile : View::Settings);
        QTest::keyClick(&w, Qt::Key(key), Qt::ControlModifier);
        QCOMPARE(int(w.currentView()), view);
        auto *nav = w.findChild<QListWidget *>(QStringLiteral("navigation"));
        QCOMPARE(nav->currentRow(), view);
        auto *stack = w.findChild<QStackedWidget *>(QStringLiteral("viewStack"));
        QCOMPARE(stack->currentWidget(), w.viewWidget(View(view)));
    }

    void sidebarHasEveryViewInOrder()
    {
        TestContext t(true);
        MainWindow w(*t.context);
        auto *nav = w.findChild<QListWidget *>(QStringLiteral("navigation"));
        QCOMPARE(nav->count(), MainWindow::kViewCount);
        const QStringList expected{
            QStringLiteral("Reconciliation"), QStringLiteral("Callback monitor"),
            QStringLiteral("Pending orders"), QStringLiteral("Order lookup"),
            QStringLiteral("Reports"),        QStringLiteral("Settings")};
        for (int i = 0; i < nav->count(); ++i) {
            QCOMPARE(nav->item(i)->text(), expected[i]);
            QVERIFY(!nav->item(i)->icon().isNull());
        }
        nav->setCurrentRow(int(View::Reports));
        QCOMPARE(w.currentView(), View::Reports);
    }

    void restoresLastViewAndGeometry()
    {
        TestContext t(true);
        {
            MainWindow w(*t.context);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.resize(1300, 820);
            w.showView(View::Lookup);
            w.close();
        }
        QCOMPARE(t.settings().lastView(), QStringLiteral("lookup"));
        QVERIFY(!t.settings().windowGeometry().isEmpty());
        MainWindow again(*t.context);
        QCOMPARE(again.currentView(), View::Lookup);
        QCOMPARE(again.size(), QSize(1300, 820));
    }

    void firstRunWithoutMerchantOpensSettings()
    {
        TestContext t(false);
        MainWindow w(*t.context);
        QCOMPARE(w.currentView(), View::Settings);
    }

    // Two merchants left on one ledger (set up before each merchant had its own): said at
    // start, with a way to the profile to change.
    void twoMerchantsOnOneLedgerAreReportedAtStart()
    {
        TestContext t;
        t.settings().setProfiles({profile(QStringLiteral("Shop A"), QStringLiteral("1")),
                                  profile(QStringLiteral("Shop B"), QStringLiteral("2"))});
        MainWindow w(*t.context);
        QCOMPARE(w.notices()->level(), NoticeBar::Level::Warning);
        QVERIFY2(w.notices()->text().contains(u"Shop A") && w.notices()->text().contains(u"Shop B"),
                 qPrintable(w.notices()->text()));
        auto *action = w.notices()->findChild<QToolButton *>(QStringLiteral("noticeActionButton"));
        QCOMPARE(action->text(), QStringLiteral("Open Settings"));
        action->click();
        QCOMPARE(w.currentView(), View::Settings);
        QCOMPARE(w.findChild<QListWidget *>(QStringLiteral("profileList"))->currentRow(), 1);

        // One merchant in two profiles (a live and a test one) may share it.
        TestContext same;
        same.settings().setProfiles({profile(QStringLiteral("Shop A"), QStringLiteral("1")),
                                     profile(QStringLiteral("Shop A test"), QStringLiteral("1"))});
        MainWindow quiet(*same.context);
        QVERIFY(!quiet.notices()->text().contains(u"ledger"));
    }

    void viewKeysRoundTrip()
    {
        for (int i = 0; i < MainWindow::kViewCount; ++i)
            QCOMPARE(MainWindow::viewFromKey(MainWindow::viewKey(View(i))), View(i));
        QVERIFY(!MainWindow::viewFromKey(QStringLiteral("nonsense")));
    }

    void merchantSwitcherAppearsWithSeveralProfiles()
    {
        TestContext t;
        t.settings().setProfiles({profile(QStringLiteral("Shop A"), QStringLiteral("1"))});
        t.context->notifyProfilesChanged();
        MainWindow w(*t.context);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QComboBox *switcher = w.merchantSwitcher();
        QVERIFY(!switcher->isVisible());
        auto *merchantLabel = w.findChild<QLabel *>(QStringLiteral("statusMerchant"));
        QCOMPARE(merchantLabel->text(), QStringLiteral("Merchant: Shop A"));

        t.settings().setProfiles({profile(QStringLiteral("Shop A"), QStringLiteral("1")),
                                  profile(QStringLiteral("Shop B"), QStringLiteral("2"))});
        t.context->notifyProfilesChanged();
        QVERIFY(switcher->isVisible());
        QCOMPARE(switcher->count(), 2);
        QCOMPARE(switcher->currentText(), QStringLiteral("Shop A"));

        QSignalSpy spy(t.context.get(), &AppContext::activeProfileChanged);
        switcher->setCurrentIndex(1);
        emit switcher->activated(1);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("Shop B"));
        QCOMPARE(t.settings().activeProfileName(), QStringLiteral("Shop B"));
        QCOMPARE(merchantLabel->text(), QStringLiteral("Merchant: Shop B"));
    }

    void jobErrorsAppearAsOneSentenceWithDetails()
    {
        TestContext t(true);
        MainWindow w(*t.context);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        t.context->jobs()->run<int>(
            QStringLiteral("Fetching the bill"),
            [](QPromise<Result<int>> &p) {
                p.addResult(Result<int>(makeError(ErrorCode::Api,
                                                  QStringLiteral("WeChat Pay has no bill for "
                                                                 "2026-11-25."),
                                                  QStringLiteral("400 NO_STATEMENT_EXIST"))));
            },
            &w, [](int) {});
        NoticeBar *bar = w.notices();
        QTRY_VERIFY(bar->isVisible());
        QCOMPARE(bar->level(), NoticeBar::Level::Error);
        QCOMPARE(bar->text(), QStringLiteral("WeChat Pay has no bill for 2026-11-25."));
        auto *details = bar->findChild<QToolButton *>(QStringLiteral("noticeDetailsButton"));
        QVERIFY(details->isVisible());
        auto *detail = bar->findChild<QWidget *>(QStringLiteral("noticeDetail"));
        QVERIFY(!detail->isVisible());
        details->click();
        QVERIFY(detail->isVisible());
        QCOMPARE(bar->detail(), QStringLiteral("400 NO_STATEMENT_EXIST"));
    }

    void languageChangeOffersRestart()
    {
        TestContext t(true);
        MainWindow w(*t.context);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        emit w.settingsView()->languageChanged(QStringLiteral("zh_CN"));
        QVERIFY(w.notices()->isVisible());
        QVERIFY(w.notices()->text().contains(QStringLiteral("restart")));
        auto *action = w.notices()->findChild<QToolButton *>(QStringLiteral("noticeActionButton"));
        QVERIFY(action->isVisible());
        QCOMPARE(action->text(), QStringLiteral("Restart now"));
    }

    void statusBarFollowsStatusModel()
    {
        TestContext t(true);
        MainWindow w(*t.context);
        t.context->status()->setOpenAlerts(2);
        QCOMPARE(w.findChild<QLabel *>(QStringLiteral("statusAlerts"))->text(),
                 QStringLiteral("2 open alert(s)"));
    }

    // The verifying key's health is checked at start, not first when something needs the
    // merchant: a merchant that cannot connect shows at once, with the reason as tooltip.
    void keysAreCheckedAtStart()
    {
        TestContext t;
        MerchantProfile p;
        p.name = QStringLiteral("Shop");
        p.mchid = QStringLiteral("1900000001");
        p.serialNo = QStringLiteral("3917240E7F86CD70D8924CF90D4DA35D6AA3E381");
        p.privateKeyFile = t.dir.filePath(QStringLiteral("missing_key.pem"));
        t.settings().setProfiles({p});
        t.settings().setActiveProfileName(p.name);
        MainWindow w(*t.context);
        QTRY_COMPARE(t.context->status()->keyStatus().health, StatusModel::KeyHealth::Missing);
        QVERIFY(!t.context->status()->keyStatus().keyName.isEmpty());
        QCOMPARE(w.findChild<QLabel *>(QStringLiteral("statusKey"))->text(),
                 QStringLiteral("Keys: none available"));
    }

    // The last bill is the ledger's, whoever fetched it (a cron job, yesterday's session):
    // shown from the start, and followed when another is imported.
    void statusBarShowsTheLedgersLastBill()
    {
        TestContext t;
        {
            auto ledger = t.context->ledger();
            QVERIFY(ledger.ok());
            QVERIFY(core::BillRepository(**ledger)
                        .recordEmpty(QDate(2026, 11, 24), QStringLiteral("ALL"), {})
                        .ok());
        }
        MainWindow w(*t.context);
        auto *bill = w.findChild<QLabel *>(QStringLiteral("statusBill"));
        QCOMPARE(bill->text(), QStringLiteral("Last bill: 2026-11-24"));
        {
            auto ledger = t.context->ledger();
            QVERIFY(ledger.ok());
            core::BillRepository bills(**ledger);
            QVERIFY(bills.recordEmpty(QDate(2026, 11, 26), QStringLiteral("ALL"), {}).ok());
            QVERIFY(bills.recordEmpty(QDate(2026, 11, 25), QStringLiteral("ALL"), {}).ok());
        }
        t.context->notifyLedgerChanged();
        QCOMPARE(bill->text(), QStringLiteral("Last bill: 2026-11-26")); // the latest date
    }

    // Each merchant works on its own ledger: choosing another merchant shows that ledger.
    void choosingAMerchantSwitchesTheLedger()
    {
        TestContext t;
        const QString ledgerB = t.dir.filePath(QStringLiteral("ledger-2.sqlite"));
        MerchantProfile b = profile(QStringLiteral("Shop B"), QStringLiteral("2"));
        b.ledgerFile = ledgerB;
        MerchantProfile c = profile(QStringLiteral("Shop B test"), QStringLiteral("2"));
        c.ledgerFile = ledgerB;
        t.settings().setProfiles({profile(QStringLiteral("Shop A"), QStringLiteral("1")), b, c});
        t.context->notifyProfilesChanged();
        const auto recordEmptyDay = [](const QString &path, QDate date) {
            auto ledger = core::Ledger::open(path, AppContext::ledgerOptions());
            QVERIFY(ledger.ok());
            QVERIFY(
                core::BillRepository(**ledger).recordEmpty(date, QStringLiteral("ALL"), {}).ok());
        };
        recordEmptyDay(t.ledgerPath(), QDate(2026, 11, 24));
        recordEmptyDay(ledgerB, QDate(2026, 11, 20));

        MainWindow w(*t.context);
        auto *bill = w.findChild<QLabel *>(QStringLiteral("statusBill"));
        QCOMPARE(bill->text(), QStringLiteral("Last bill: 2026-11-24"));
        QSignalSpy changed(t.context.get(), &AppContext::ledgerChanged);
        t.context->setActiveProfile(QStringLiteral("Shop B"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(t.context->ledgerPath(), ledgerB);
        QCOMPARE((*t.context->ledger())->path(), ledgerB);
        QCOMPARE(bill->text(), QStringLiteral("Last bill: 2026-11-20"));
        QCOMPARE(w.findChild<QLabel *>(QStringLiteral("statusMerchant"))->toolTip(),
                 QStringLiteral("Ledger: ") + QDir::toNativeSeparators(ledgerB));
        // Another profile of the same merchant on the same ledger: nothing to reload.
        t.context->setActiveProfile(QStringLiteral("Shop B test"));
        QCOMPARE(changed.size(), 1);
        t.context->setActiveProfile(QStringLiteral("Shop A"));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(bill->text(), QStringLiteral("Last bill: 2026-11-24"));
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
