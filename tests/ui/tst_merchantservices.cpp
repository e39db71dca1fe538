// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/cstime.h"
#include "faults.h"
#include "merchantservices.h"
#include "simserver.h"
#include "statusmodel.h"
#include "testutil.h"
#include "uitestutil.h"
#include "wechatpay/apiclient.h"
#include "wechatpay/merchantconfig.h"

#include <QDir>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wxr;
using namespace wxr::ui;

// The active merchant's connection, against the stand-in running in this process.
class tst_MerchantServices final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<sim::SimServer> m_server;
    std::optional<core::MerchantConfig> m_config;

    MerchantProfile profile() const { return m_config->toProfile(QStringLiteral("Stand-in")); }

private slots:
    void initTestCase()
    {
        sim::SimSettings s;
        s.stateDir = m_dir.filePath(QStringLiteral("state"));
        s.day.orders = 50;
        s.day.date = cst::billDateOf(cst::now()).addDays(-1);
        m_server = std::make_unique<sim::SimServer>(s);
        QVERIFY(m_server->start(0).ok());
        auto config
            = core::MerchantConfig::load(m_server->merchantIniPath(), QProcessEnvironment());
        QVERIFY_RESULT(config);
        m_config = *config;
    }

    void noMerchantIsOneSentence()
    {
        TestContext t;
        std::optional<Result<MerchantConnectionPtr>> got;
        t.context->merchant()->acquire(this, [&](Result<MerchantConnectionPtr> c) { got = c; });
        QTRY_VERIFY(got.has_value());
        QVERIFY(!got->ok());
        QCOMPARE(got->error().code, ErrorCode::Config);
        QVERIFY(got->error().message.contains(QStringLiteral("Settings")));
    }

    void connectsAndReportsKeyHealth()
    {
        TestContext t;
        t.settings().setProfiles({profile()});
        t.context->secrets()->store(QStringLiteral("Stand-in"), SecretKind::ApiV3Key,
                                    QString::fromLatin1(m_config->apiV3Key), nullptr);
        std::optional<Result<MerchantConnectionPtr>> got;
        t.context->merchant()->acquire(this, [&](Result<MerchantConnectionPtr> c) { got = c; });
        QTRY_VERIFY(got.has_value());
        QVERIFY_RESULT(*got);
        const MerchantConnectionPtr first = got->value();
        QVERIFY(first->client && first->gate);
        // The key health reaches the status bar once the certificates are downloaded.
        QTRY_COMPARE_WITH_TIMEOUT(t.context->status()->keyStatus().health,
                                  StatusModel::KeyHealth::Ok, 10000);
        QVERIFY(t.context->status()->keyStatus().daysToExpiry > 300);

        // The same connection is handed out again; a profile change builds a new one.
        got.reset();
        t.context->merchant()->acquire(this, [&](Result<MerchantConnectionPtr> c) { got = c; });
        QTRY_VERIFY(got.has_value());
        QCOMPARE(got->value(), first);
        t.context->notifyProfilesChanged();
        got.reset();
        t.context->merchant()->acquire(this, [&](Result<MerchantConnectionPtr> c) { got = c; });
        QTRY_VERIFY(got.has_value());
        QVERIFY(got->value() != first);
    }

    // At start the scheduler and the receiver (and the key check) each ask for the merchant's
    // connection before the keychain has answered: they must share one connection, or the
    // second one built would drop the first with its scheduler.
    void requestsWhileConnectingShareOneConnection()
    {
        TestContext t;
        t.settings().setProfiles({profile()});
        t.context->secrets()->store(QStringLiteral("Stand-in"), SecretKind::ApiV3Key,
                                    QString::fromLatin1(m_config->apiV3Key), nullptr);
        t.context->secrets()->setMemoryAnswersQueued(true);
        MerchantServices *merchant = t.context->merchant();
        QList<MerchantConnectionPtr> got;
        for (int i = 0; i < 3; ++i)
            merchant->acquire(this, [&](Result<MerchantConnectionPtr> c) {
                QVERIFY_RESULT(c);
                got.append(*c);
            });
        QVERIFY(got.isEmpty()); // the keychain answers later
        QTRY_COMPARE(got.size(), 3);
        QCOMPARE(got.at(1), got.at(0));
        QCOMPARE(got.at(2), got.at(0));

        // The same at start-up: the scheduler and the receiver both keep running.
        merchant->invalidate();
        merchant->setReceiverPortOverride(0);
        merchant->setSchedulerEnabled(true);
        merchant->setReceiverEnabled(true);
        QTRY_VERIFY_WITH_TIMEOUT(!merchant->receiverUrl().isEmpty(), 10000);
        QVERIFY(merchant->schedulerEnabled());
        merchant->setReceiverEnabled(false);
        merchant->setSchedulerEnabled(false);
    }

    // Offline at start (the certificate download fails): the certificates saved by an earlier
    // download still verify, so the status bar shows their health and says the refresh failed.
    void keyHealthFromHeldCertificatesWhenTheRefreshFails()
    {
        QTemporaryDir certs;
        MerchantProfile p = profile();
        p.platformCertDir = certs.path();
        {
            TestContext t;
            t.settings().setProfiles({p});
            t.context->secrets()->store(p.name, SecretKind::ApiV3Key,
                                        QString::fromLatin1(m_config->apiV3Key), nullptr);
            t.context->merchant()->checkKeys();
            QTRY_COMPARE_WITH_TIMEOUT(t.context->status()->keyStatus().health,
                                      StatusModel::KeyHealth::Ok, 10000);
        }
        QVERIFY(!QDir(certs.path()).isEmpty()); // saved by that download
        sim::FaultSettings faults;
        QVERIFY_RESULT(sim::parseFaults(QStringLiteral("certificates:error500=1"), faults));
        m_server->setFaults(faults);
        TestContext t;
        t.settings().setProfiles({p});
        t.context->secrets()->store(p.name, SecretKind::ApiV3Key,
                                    QString::fromLatin1(m_config->apiV3Key), nullptr);
        t.context->merchant()->checkKeys();
        QTRY_VERIFY_WITH_TIMEOUT(!t.context->status()->keyStatus().keyName.isEmpty(), 20000);
        m_server->setFaults({});
        const StatusModel::KeyStatus key = t.context->status()->keyStatus();
        QCOMPARE(key.health, StatusModel::KeyHealth::Ok);
        QVERIFY2(key.keyName.contains(QStringLiteral("not refreshed")), qPrintable(key.keyName));
    }

    void schedulerSwitchIsRememberedAndShown()
    {
        TestContext t;
        t.settings().setProfiles({profile()});
        t.context->secrets()->store(QStringLiteral("Stand-in"), SecretKind::ApiV3Key,
                                    QString::fromLatin1(m_config->apiV3Key), nullptr);
        t.context->merchant()->setSchedulerEnabled(true);
        QVERIFY(t.settings().schedulerEnabled());
        QTRY_VERIFY(t.context->merchant()->schedulerEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(
            t.context->status()->schedulerState() != StatusModel::SchedulerState::Off, 10000);
        t.context->merchant()->setSchedulerEnabled(false);
        QVERIFY(!t.settings().schedulerEnabled());
        QVERIFY(!t.context->merchant()->schedulerEnabled());
        QCOMPARE(t.context->status()->schedulerState(), StatusModel::SchedulerState::Off);
    }

    // The in-app receiver verifies with the chosen merchant's keys: choosing another merchant
    // says that the first one's callbacks are refused meanwhile.
    void changingMerchantSaysWhatBecomesOfItsCallbacks()
    {
        TestContext t;
        MerchantProfile other = profile();
        other.name = QStringLiteral("Other shop");
        other.mchid = QStringLiteral("1900000777");
        t.settings().setProfiles({profile(), other});
        t.context->notifyProfilesChanged(); // as the settings view does on saving
        t.settings().setReceiverEnabled(true);
        MerchantServices *services = t.context->merchant();
        services->setReceiverPortOverride(0);
        QSignalSpy notices(t.context.get(), &AppContext::noticeRequested);
        t.context->setActiveProfile(other.name);
        const auto said = [&](const QString &a, const QString &b) {
            return std::any_of(notices.cbegin(), notices.cend(), [&](const QList<QVariant> &n) {
                const QString s = n.at(1).toString();
                return s.contains(u"callback receiver") && s.contains(a) && s.contains(b);
            });
        };
        QVERIFY(said(other.mchid, m_config->mchid));
        services->setReceiverEnabled(false);
        notices.clear();
        t.context->setActiveProfile(profile().name); // the receiver is off: nothing to say
        QVERIFY(!said(m_config->mchid, other.mchid));
    }
};

QTEST_MAIN(tst_MerchantServices)
#include "tst_merchantservices.moc"
