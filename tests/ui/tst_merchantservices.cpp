// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/cstime.h"
#include "merchantservices.h"
#include "simserver.h"
#include "statusmodel.h"
#include "testutil.h"
#include "uitestutil.h"
#include "wechatpay/apiclient.h"
#include "wechatpay/merchantconfig.h"

#include <QProcessEnvironment>
#include <QSignalSpy>
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

    MerchantProfile profile() const
    {
        MerchantProfile p;
        p.name = QStringLiteral("Stand-in");
        p.mchid = m_config->mchid;
        p.serialNo = m_config->serialNo;
        p.privateKeyFile = m_config->privateKeyFile;
        p.apiBase = m_config->apiBase;
        p.keyMode = m_config->keyMode;
        return p;
    }

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
};

QTEST_MAIN(tst_MerchantServices)
#include "tst_merchantservices.moc"
