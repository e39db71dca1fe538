// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/cstime.h"
#include "connectiontester.h"
#include "simserver.h"
#include "statusmodel.h"
#include "testutil.h"
#include "uitestutil.h"
#include "wechatpay/merchantconfig.h"

#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTest>

using namespace wxr;
using namespace wxr::ui;

namespace {

MerchantProfile profileFrom(const core::MerchantConfig &c)
{
    MerchantProfile p;
    p.name = QStringLiteral("Stand-in");
    p.mchid = c.mchid;
    p.serialNo = c.serialNo;
    p.privateKeyFile = c.privateKeyFile;
    p.apiBase = c.apiBase;
    p.keyMode = c.keyMode;
    p.publicKeyId = c.publicKeyId;
    p.publicKeyFile = c.publicKeyFile;
    p.platformCertDir = c.platformCertDir;
    return p;
}

} // namespace

// "Test connection" against the WeChat Pay stand-in running in this process.
class tst_ConnectionTester final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<sim::SimServer> start(KeyMode mode)
    {
        // One state folder for every row: its keys are made once (RSA key generation is
        // the slow part) and merchant.ini is rewritten for each server's mode and port.
        sim::SimSettings s;
        s.stateDir = m_dir.filePath(QStringLiteral("state"));
        s.day.orders = 50;
        s.day.date = cst::billDateOf(cst::now()).addDays(-1);
        s.keyMode = mode;
        auto server = std::make_unique<sim::SimServer>(s);
        if (!server->start(0).ok())
            return nullptr;
        return server;
    }

private slots:
    void connects_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("keySource");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("certificates, key typed")
            << int(KeyMode::Certificates) << "typed" << true << "platform certificate";
        QTest::newRow("certificates, key in store")
            << int(KeyMode::Certificates) << "store" << true << "platform certificate";
        QTest::newRow("certificates, key file")
            << int(KeyMode::Certificates) << "file" << true << "platform certificate";
        QTest::newRow("public key")
            << int(KeyMode::PublicKey) << "typed" << true << "public key PUB_KEY_ID_";
        QTest::newRow("both") << int(KeyMode::Both) << "typed" << true << "platform certificate";
        QTest::newRow("wrong APIv3 key") << int(KeyMode::Certificates) << "wrong" << false << "";
        QTest::newRow("no APIv3 key")
            << int(KeyMode::Certificates) << "none" << false << "APIv3 key";
        QTest::newRow("unknown merchant serial")
            << int(KeyMode::Certificates) << "badserial" << false << "";
    }

    void connects()
    {
        QFETCH(int, mode);
        QFETCH(QString, keySource);
        QFETCH(bool, ok);
        QFETCH(QString, sentence);
        auto server = start(KeyMode(mode));
        QVERIFY(server);
        auto config = core::MerchantConfig::load(server->merchantIniPath(), QProcessEnvironment());
        QVERIFY_RESULT(config);
        MerchantProfile profile = profileFrom(*config);
        const QString realKey = QString::fromLatin1(config->apiV3Key);

        TestContext t;
        QString typed;
        if (keySource == u"typed")
            typed = realKey;
        else if (keySource == u"store")
            t.context->secrets()->store(profile.name, SecretKind::ApiV3Key, realKey, nullptr);
        else if (keySource == u"file")
            profile.apiv3KeyFile = config->apiV3KeyFile;
        else if (keySource == u"wrong")
            typed = QStringLiteral("0123456789abcdef0123456789abcdef");
        else if (keySource == u"badserial") {
            typed = realKey;
            profile.serialNo = QStringLiteral("ABCDEF0123456789");
        }

        ConnectionTester tester(*t.context);
        QSignalSpy finished(&tester, &ConnectionTester::finished);
        tester.test(profile, typed);
        QVERIFY(tester.isRunning());
        tester.test(profile, typed); // ignored while running
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QVERIFY(!tester.isRunning());
        const QString text = finished.at(0).at(1).toString();
        QVERIFY2(finished.at(0).at(0).toBool() == ok, qPrintable(text));
        QVERIFY2(text.contains(sentence), qPrintable(text));
        QVERIFY(!text.contains(realKey));
        const StatusModel::KeyStatus key = t.context->status()->keyStatus();
        if (!ok) {
            QCOMPARE(key.health, StatusModel::KeyHealth::Unknown);
        } else if (KeyMode(mode) == KeyMode::PublicKey) {
            QCOMPARE(key.health, StatusModel::KeyHealth::Ok);
            QVERIFY(!key.hasExpiry);
            QCOMPARE(key.keyName, config->publicKeyId);
        } else {
            // The stand-in's newest certificate is a fresh five-year one.
            QCOMPARE(key.health, StatusModel::KeyHealth::Ok);
            QVERIFY(key.hasExpiry);
            QVERIFY(key.daysToExpiry > 300);
        }
    }
};

QTEST_MAIN(tst_ConnectionTester)
#include "tst_connectiontester.moc"
