// SPDX-License-Identifier: GPL-3.0-or-later
#include "appstatusbar.h"
#include "statusmodel.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace wxr::ui;
using KeyHealth = StatusModel::KeyHealth;

namespace {

constexpr qint64 kDay = 86400;
constexpr qint64 kNow = 1795622400;

} // namespace

class tst_StatusModel final : public QObject
{
    Q_OBJECT

private slots:
    void keyStatus_data()
    {
        QTest::addColumn<qint64>("expiresIn");
        QTest::addColumn<int>("health");
        QTest::addColumn<int>("days");
        QTest::newRow("five years") << 5 * 365 * kDay << int(KeyHealth::Ok) << 5 * 365;
        QTest::newRow("31 days") << 31 * kDay << int(KeyHealth::Ok) << 31;
        QTest::newRow("30 days") << 30 * kDay << int(KeyHealth::Expiring) << 30;
        QTest::newRow("one hour") << qint64(3600) << int(KeyHealth::Expiring) << 0;
        QTest::newRow("now") << qint64(0) << int(KeyHealth::Expired) << 0;
        QTest::newRow("one second ago") << qint64(-1) << int(KeyHealth::Expired) << -1;
        QTest::newRow("two days ago") << -2 * kDay << int(KeyHealth::Expired) << -2;
    }

    void keyStatus()
    {
        QFETCH(qint64, expiresIn);
        QFETCH(int, health);
        QFETCH(int, days);
        const auto s = StatusModel::keyStatusFor(kNow + expiresIn, kNow, QStringLiteral("5157F0"));
        QCOMPARE(int(s.health), health);
        QCOMPARE(s.daysToExpiry, days);
        QCOMPARE(s.keyName, QStringLiteral("5157F0"));
    }

    void changedOnlyOnRealChange()
    {
        StatusModel model;
        QSignalSpy spy(&model, &StatusModel::changed);
        model.setMerchant(QStringLiteral("Shop"));
        model.setMerchant(QStringLiteral("Shop"));
        model.setOpenAlerts(2);
        model.setOpenAlerts(2);
        model.setOpenAlerts(-5); // clamped to 0: a change
        model.setSchedulerState(StatusModel::SchedulerState::Running, QStringLiteral("12 due"));
        model.setSchedulerState(StatusModel::SchedulerState::Running, QStringLiteral("12 due"));
        QCOMPARE(spy.count(), 4);
        QCOMPARE(model.openAlerts(), 0);
    }

    void statusBarShowsTheModel()
    {
        StatusModel model;
        AppStatusBar bar(&model);
        const auto label = [&bar](const char *name) {
            return bar.findChild<QLabel *>(QString::fromLatin1(name))->text();
        };
        QCOMPARE(label("statusMerchant"), QStringLiteral("No merchant configured"));
        QCOMPARE(label("statusBill"), QStringLiteral("No bill fetched yet"));
        QCOMPARE(label("statusKey"), QStringLiteral("Keys: not checked"));
        QCOMPARE(label("statusScheduler"), QStringLiteral("Scheduler: off"));
        QCOMPARE(label("statusAlerts"), QStringLiteral("No open alerts"));

        model.setMerchant(QStringLiteral("Shop A"));
        model.setLastBillFetched(QDate(2026, 11, 25), kNow + 2 * 3600 + 30 * 60);
        model.setKeyStatus(StatusModel::keyStatusFor(kNow + 12 * kDay, kNow, QString()));
        model.setSchedulerState(StatusModel::SchedulerState::Failing, QStringLiteral("timeout"));
        model.setOpenAlerts(3);
        QCOMPARE(label("statusMerchant"), QStringLiteral("Merchant: Shop A"));
        QCOMPARE(label("statusBill"), QStringLiteral("Last bill: 2026-11-25"));
        QVERIFY(bar.findChild<QLabel *>(QStringLiteral("statusBill"))
                    ->toolTip()
                    .contains(QStringLiteral("2026-11-26 02:30:00")));
        QCOMPARE(label("statusKey"), QStringLiteral("Keys: expire in 12 day(s)"));
        QCOMPARE(label("statusScheduler"), QStringLiteral("Scheduler: failing"));
        QCOMPARE(bar.findChild<QLabel *>(QStringLiteral("statusScheduler"))->toolTip(),
                 QStringLiteral("timeout"));
        QCOMPARE(label("statusAlerts"), QStringLiteral("3 open alert(s)"));

        StatusModel::KeyStatus missing;
        missing.health = KeyHealth::Missing;
        model.setKeyStatus(missing);
        QCOMPARE(label("statusKey"), QStringLiteral("Keys: none available"));

        StatusModel::KeyStatus publicKey;
        publicKey.health = KeyHealth::Ok;
        publicKey.hasExpiry = false;
        publicKey.keyName = QStringLiteral("PUB_KEY_ID_01");
        model.setKeyStatus(publicKey);
        QCOMPARE(label("statusKey"), QStringLiteral("Keys: WeChat Pay public key"));
        QVERIFY(bar.findChild<QLabel *>(QStringLiteral("statusKey"))
                    ->toolTip()
                    .contains(QStringLiteral("PUB_KEY_ID_01")));
    }
};

QTEST_MAIN(tst_StatusModel)
#include "tst_statusmodel.moc"
