// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/settings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wxr;

namespace {

MerchantProfile profile(const QString &name, const QString &mchid)
{
    MerchantProfile p;
    p.name = name;
    p.mchid = mchid;
    p.serialNo = QStringLiteral("5157F09EFDC096DE15EBE81A47057A7232F1B8E1");
    p.privateKeyFile = QStringLiteral("/keys/") + name + QStringLiteral("/apiclient_key.pem");
    p.apiBase = QUrl(QStringLiteral("http://127.0.0.1:18080"));
    p.keyMode = KeyMode::Both;
    p.publicKeyId = QStringLiteral("PUB_KEY_ID_0114232134912410000000000000");
    p.publicKeyFile = QStringLiteral("/keys/pub_key.pem");
    p.platformCertDir = QStringLiteral("/keys/certs");
    return p;
}

} // namespace

Q_DECLARE_METATYPE(wxr::RequeryRules)

class tst_Settings final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString iniPath() const { return m_dir.filePath(QStringLiteral("settings.ini")); }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(iniPath());
    }

    void defaults()
    {
        const Settings s(iniPath());
        QVERIFY(s.profiles().isEmpty());
        QVERIFY(s.activeProfileName().isEmpty());
        QVERIFY(!s.activeProfile().has_value());
        QVERIFY(s.ledgerPath().endsWith(QStringLiteral("ledger.sqlite")));
        QCOMPARE(s.billFetchTime(), QTime(10, 30));
        QCOMPARE(s.crossMidnightWindowSeconds(), 300);
        QCOMPARE(s.requeryRules(), RequeryRules{});
        QCOMPARE(s.alertThresholds(), AlertThresholds{});
        QVERIFY(s.alertWebhookUrl().isEmpty());
        QCOMPARE(s.receiverEnabled(), false);
        QCOMPARE(s.receiverPort(), 8443);
        QCOMPARE(s.schedulerEnabled(), false);
        QVERIFY(s.language().isEmpty());
        QVERIFY(s.lastView().isEmpty());
        QVERIFY(s.windowGeometry().isEmpty());
    }

    void roundTripThroughStorage()
    {
        {
            Settings s(iniPath());
            s.setProfiles({profile(QStringLiteral("Shop A"), QStringLiteral("1900000001")),
                           profile(QStringLiteral("Shop B"), QStringLiteral("1900000002"))});
            s.setActiveProfileName(QStringLiteral("Shop B"));
            s.setLedgerPath(QStringLiteral("/data/ledger.sqlite"));
            s.setBillFetchTime(QTime(11, 15));
            s.setCrossMidnightWindowSeconds(120);
            s.setRequeryRules({30, 5, 20});
            s.setSchedulerEnabled(true);
            s.setAlertThresholds({2.5, 60, 10, 5});
            s.setAlertWebhookUrl(QUrl(QStringLiteral("https://hooks.example.com/alert?x=1")));
            s.setReceiverEnabled(true);
            s.setReceiverPort(9000);
            s.setLanguage(QStringLiteral("en"));
            s.setWindowGeometry(QByteArray("\x01\x02\x00geom", 7));
            s.setWindowState(QByteArray("state"));
            s.setLastView(QStringLiteral("reports"));
        }
        const Settings s(iniPath());
        const QList<MerchantProfile> expected{
            profile(QStringLiteral("Shop A"), QStringLiteral("1900000001")),
            profile(QStringLiteral("Shop B"), QStringLiteral("1900000002"))};
        QCOMPARE(s.profiles(), expected);
        QCOMPARE(s.activeProfileName(), QStringLiteral("Shop B"));
        QCOMPARE(s.activeProfile()->mchid, QStringLiteral("1900000002"));
        QCOMPARE(s.ledgerPath(), QStringLiteral("/data/ledger.sqlite"));
        QCOMPARE(s.billFetchTime(), QTime(11, 15));
        QCOMPARE(s.crossMidnightWindowSeconds(), 120);
        QCOMPARE(s.requeryRules(), (RequeryRules{30, 5, 20}));
        QCOMPARE(s.schedulerEnabled(), true);
        QCOMPARE(s.alertThresholds(), (AlertThresholds{2.5, 60, 10, 5}));
        QCOMPARE(s.alertWebhookUrl(), QUrl(QStringLiteral("https://hooks.example.com/alert?x=1")));
        QCOMPARE(s.receiverEnabled(), true);
        QCOMPARE(s.receiverPort(), 9000);
        QCOMPARE(s.language(), QStringLiteral("en"));
        QCOMPARE(s.windowGeometry(), QByteArray("\x01\x02\x00geom", 7));
        QCOMPARE(s.windowState(), QByteArray("state"));
        QCOMPARE(s.lastView(), QStringLiteral("reports"));
    }

    void profilesDropEmptyAndDuplicateNames()
    {
        Settings s(iniPath());
        MerchantProfile unnamed = profile(QString(), QStringLiteral("1"));
        MerchantProfile second = profile(QStringLiteral("A"), QStringLiteral("2"));
        s.setProfiles({profile(QStringLiteral("A"), QStringLiteral("1")), unnamed, second});
        const QList<MerchantProfile> all = s.profiles();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().mchid, QStringLiteral("1"));
    }

    void eachProfileWorksOnItsLedger()
    {
        {
            Settings s(iniPath());
            s.setLedgerPath(QStringLiteral("/data/ledger.sqlite"));
            QCOMPARE(s.activeLedgerPath(), QStringLiteral("/data/ledger.sqlite")); // no profile
            MerchantProfile b = profile(QStringLiteral("B"), QStringLiteral("1900000002"));
            b.ledgerFile = QStringLiteral("/data/b.sqlite");
            s.setProfiles({profile(QStringLiteral("A"), QStringLiteral("1900000001")), b});
            QCOMPARE(s.activeLedgerPath(), QStringLiteral("/data/ledger.sqlite")); // A: default
            s.setActiveProfileName(QStringLiteral("B"));
        }
        const Settings s(iniPath()); // and so after a restart
        QCOMPARE(s.profiles().at(0).ledgerFile, QString());
        QCOMPARE(s.profiles().at(1).ledgerFile, QStringLiteral("/data/b.sqlite"));
        QCOMPARE(s.activeLedgerPath(), QStringLiteral("/data/b.sqlite"));
        QCOMPARE(s.ledgerPathOf(s.profiles().at(0)), QStringLiteral("/data/ledger.sqlite"));
        QCOMPARE(Settings::ledgerBeside(s.ledgerPath(), QStringLiteral("1900000003")),
                 QStringLiteral("/data/ledger-1900000003.sqlite"));
    }

    void activeProfileFollowsRemoval()
    {
        Settings s(iniPath());
        s.setProfiles({profile(QStringLiteral("A"), QStringLiteral("1")),
                       profile(QStringLiteral("B"), QStringLiteral("2"))});
        QCOMPARE(s.activeProfileName(), QStringLiteral("A"));
        s.setActiveProfileName(QStringLiteral("B"));
        s.setProfiles({profile(QStringLiteral("A"), QStringLiteral("1"))});
        QCOMPARE(s.activeProfileName(), QStringLiteral("A"));
        s.setActiveProfileName(QStringLiteral("no such profile"));
        QCOMPARE(s.activeProfileName(), QStringLiteral("A"));
        s.setProfiles({});
        QVERIFY(s.activeProfileName().isEmpty());
        QVERIFY(!s.activeProfile());
    }

    void keyModeNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("mode");
        QTest::newRow("cert") << "cert" << true << int(KeyMode::Certificates);
        QTest::newRow("pubkey") << "pubkey" << true << int(KeyMode::PublicKey);
        QTest::newRow("both") << "both" << true << int(KeyMode::Both);
        QTest::newRow("upper case") << "CERT" << false << 0;
        QTest::newRow("empty") << "" << false << 0;
    }

    void keyModeNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QFETCH(int, mode);
        const auto parsed = parseKeyMode(name);
        QCOMPARE(parsed.has_value(), valid);
        if (valid) {
            QCOMPARE(int(*parsed), mode);
            QCOMPARE(keyModeName(*parsed), name);
        }
    }

    void clamping_data()
    {
        QTest::addColumn<RequeryRules>("in");
        QTest::addColumn<RequeryRules>("out");
        QTest::newRow("in range") << RequeryRules{5, 3, 50} << RequeryRules{5, 3, 50};
        QTest::newRow("zeros") << RequeryRules{0, 0, 0} << RequeryRules{1, 1, 1};
        QTest::newRow("too large")
            << RequeryRules{100000, 1000, 100000} << RequeryRules{1440, 100, 500};
    }

    void clamping()
    {
        QFETCH(RequeryRules, in);
        QFETCH(RequeryRules, out);
        Settings s(iniPath());
        s.setRequeryRules(in);
        QCOMPARE(s.requeryRules(), out);
    }

    void rejectsInvalidValues_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("port 0") << "port0";
        QTest::newRow("port 70000") << "port70000";
        QTest::newRow("webhook ftp") << "webhookFtp";
        QTest::newRow("webhook garbage") << "webhookGarbage";
        QTest::newRow("language fr") << "languageFr";
        QTest::newRow("invalid time") << "invalidTime";
        QTest::newRow("window negative") << "windowNegative";
    }

    void rejectsInvalidValues()
    {
        QFETCH(QString, field);
        Settings s(iniPath());
        s.setReceiverPort(9000);
        s.setAlertWebhookUrl(QUrl(QStringLiteral("https://ok.example.com/")));
        s.setLanguage(QStringLiteral("zh_CN"));
        s.setBillFetchTime(QTime(12, 0));
        if (field == u"port0") {
            s.setReceiverPort(0);
            QCOMPARE(s.receiverPort(), 9000);
        } else if (field == u"port70000") {
            s.setReceiverPort(70000);
            QCOMPARE(s.receiverPort(), 9000);
        } else if (field == u"webhookFtp") {
            s.setAlertWebhookUrl(QUrl(QStringLiteral("ftp://example.com/")));
            QVERIFY(s.alertWebhookUrl().isEmpty());
        } else if (field == u"webhookGarbage") {
            s.setAlertWebhookUrl(QUrl(QStringLiteral("not a url")));
            QVERIFY(s.alertWebhookUrl().isEmpty());
        } else if (field == u"languageFr") {
            s.setLanguage(QStringLiteral("fr"));
            QVERIFY(s.language().isEmpty());
        } else if (field == u"invalidTime") {
            s.setBillFetchTime(QTime(25, 0));
            QCOMPARE(s.billFetchTime(), QTime(12, 0));
        } else if (field == u"windowNegative") {
            s.setCrossMidnightWindowSeconds(-5);
            QCOMPARE(s.crossMidnightWindowSeconds(), 0);
        } else {
            QFAIL("unknown row");
        }
    }

    void storageHoldsNoSecretKeys()
    {
        {
            Settings s(iniPath());
            MerchantProfile p = profile(QStringLiteral("A"), QStringLiteral("1"));
            p.apiv3KeyFile = QStringLiteral("/keys/apiv3.key");
            s.setProfiles({p});
        }
        QFile f(iniPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("apiv3_key_file"));
        QVERIFY(!text.contains("apiv3_key="));
        QVERIFY(!text.contains("PRIVATE KEY"));
        QVERIFY(!text.contains("passphrase"));
    }
};

QTEST_GUILESS_MAIN(tst_Settings)
#include "tst_settings.moc"
