// SPDX-License-Identifier: GPL-3.0-or-later
#include "testutil.h"
#include "wechatpay/merchantconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wxr;
using namespace wxr::core;

namespace {

const QByteArray kApiV3Key = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";

void writeFile(const QString &path, const QByteArray &data,
               QFile::Permissions perms = QFile::ReadOwner | QFile::WriteOwner)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(data);
    f.close();
    f.setPermissions(perms);
}

} // namespace

class tst_MerchantConfig final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString ini(const QByteArray &text)
    {
        const QString path = m_dir.filePath(QStringLiteral("merchant.ini"));
        writeFile(path, text);
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile::copy(QStringLiteral(WXR_TEST_DATA_DIR "/crypto/rsa2048_pkcs8.pem"),
                    m_dir.filePath(QStringLiteral("apiclient_key.pem")));
        QFile(m_dir.filePath(QStringLiteral("apiclient_key.pem")))
            .setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        QFile::copy(QStringLiteral(WXR_TEST_DATA_DIR "/crypto/rsa2048_pub.pem"),
                    m_dir.filePath(QStringLiteral("keys/pub_key.pem")));
        QDir().mkpath(m_dir.filePath(QStringLiteral("keys")));
        QFile::copy(QStringLiteral(WXR_TEST_DATA_DIR "/crypto/rsa2048_pub.pem"),
                    m_dir.filePath(QStringLiteral("keys/pub_key.pem")));
        writeFile(m_dir.filePath(QStringLiteral("apiv3.key")), kApiV3Key + "\n");
    }

    // The example of the architecture doc, inline comments included.
    void architectureExample()
    {
        const QString path
            = ini("[merchant]\n"
                  "mchid=1900000001\n"
                  "serial_no=1dde55ad98ed71d6edd4a4a16996de7b47773a8c\n"
                  "private_key_file=apiclient_key.pem\n"
                  "apiv3_key_file=apiv3.key        ; 32 ASCII bytes; or apiv3_key=... inline\n"
                  "[wechatpay]\n"
                  "api_base=https://api.mch.weixin.qq.com\n"
                  "platform_cert_dir=certs          ; optional cache\n"
                  "public_key_id=PUB_KEY_ID_0114232134912410000000000000\n"
                  "public_key_file=keys/pub_key.pem\n");
        const auto c = MerchantConfig::load(path, QProcessEnvironment());
        QVERIFY_RESULT(c);
        QCOMPARE(c->mchid, QStringLiteral("1900000001"));
        QCOMPARE(c->serialNo, QStringLiteral("1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C"));
        QCOMPARE(c->privateKeyFile, m_dir.filePath(QStringLiteral("apiclient_key.pem")));
        QCOMPARE(c->apiV3Key, kApiV3Key); // final line break of the file dropped
        QCOMPARE(c->apiBase, QUrl(QStringLiteral("https://api.mch.weixin.qq.com")));
        QCOMPARE(c->platformCertDir, m_dir.filePath(QStringLiteral("certs")));
        QCOMPARE(c->publicKeyFile, m_dir.filePath(QStringLiteral("keys/pub_key.pem")));
        QCOMPARE(c->keyMode, KeyMode::Both);
        QVERIFY2(c->warnings.isEmpty(), qPrintable(c->warnings.join(u'\n')));
        QVERIFY_RESULT(c->requireApiV3Key());
        QVERIFY_RESULT(c->loadPrivateKey());
        const auto store = c->makeKeyStore(1795785175);
        QVERIFY_RESULT(store);
        QCOMPARE((*store)->mode(), std::optional<KeyMode>(KeyMode::PublicKey));
        QCOMPARE((*store)->advertisedSerial(),
                 QStringLiteral("PUB_KEY_ID_0114232134912410000000000000"));
    }

    void minimalCertificateMode()
    {
        const QString path = ini("\xEF\xBB\xBF# BOM and hash comments are fine\r\n"
                                 "[merchant]\r\nmchid = 1900000001\r\nserial_no=ABC\r\n"
                                 "private_key_file=apiclient_key.pem\r\n"
                                 "apiv3_key=\""
                                 + kApiV3Key + "\"\r\n");
        const auto c = MerchantConfig::load(path, QProcessEnvironment());
        QVERIFY_RESULT(c);
        QCOMPARE(c->keyMode, KeyMode::Certificates);
        QCOMPARE(c->apiV3Key, kApiV3Key);
        QVERIFY(c->apiV3KeyFile.isEmpty());
        QCOMPARE(c->apiBase.host(), QStringLiteral("api.mch.weixin.qq.com"));
        QVERIFY(c->platformCertDir.isEmpty());
        QCOMPARE(c->client, ApiClientOptions());
    }

    void environmentOverrides()
    {
        const QString path = ini("[merchant]\nmchid=1900000001\nserial_no=ABC\n"
                                 "private_key_file=missing.pem\napiv3_key_file=missing.key\n");
        QProcessEnvironment env;
        env.insert(QStringLiteral("WXRECON_MCHID"), QStringLiteral("1900000002"));
        env.insert(QStringLiteral("WXRECON_SERIAL_NO"), QStringLiteral("def0"));
        env.insert(QStringLiteral("WXRECON_PRIVATE_KEY_FILE"),
                   m_dir.filePath(QStringLiteral("apiclient_key.pem")));
        env.insert(QStringLiteral("WXRECON_APIV3_KEY"), QString::fromLatin1(kApiV3Key));
        env.insert(QStringLiteral("WXRECON_API_BASE"), QStringLiteral("http://127.0.0.1:18080"));
        env.insert(QStringLiteral("WXRECON_PLATFORM_CERT_DIR"), QStringLiteral("/var/cache/wx"));
        env.insert(QStringLiteral("WXRECON_PUBLIC_KEY_ID"), QStringLiteral("PUB_KEY_ID_9"));
        env.insert(QStringLiteral("WXRECON_PUBLIC_KEY_FILE"),
                   m_dir.filePath(QStringLiteral("keys/pub_key.pem")));
        env.insert(QStringLiteral("WXRECON_KEY_MODE"), QStringLiteral("pubkey"));
        const auto c = MerchantConfig::load(path, env);
        QVERIFY_RESULT(c);
        QCOMPARE(c->mchid, QStringLiteral("1900000002"));
        QCOMPARE(c->serialNo, QStringLiteral("DEF0"));
        QCOMPARE(c->apiV3Key, kApiV3Key);
        QCOMPARE(c->apiBase, QUrl(QStringLiteral("http://127.0.0.1:18080")));
        QCOMPARE(c->platformCertDir, QStringLiteral("/var/cache/wx"));
        QCOMPARE(c->keyMode, KeyMode::PublicKey);
        QVERIFY(!c->usesPlatformCertificates());
        QVERIFY(c->warnings.isEmpty()); // loopback http is fine
    }

    void clientSection()
    {
        const QString path
            = ini("[merchant]\nmchid=1\nserial_no=A\nprivate_key_file=apiclient_key.pem\n"
                  "[client]\ntimeout_seconds=2.5\nmax_retries=0\nquery_rate=5\n"
                  "bill_rate=0.5\ncert_refresh_hours=1\nburst=3\n"
                  "backoff_base_ms=10\nbackoff_cap_ms=100\n");
        const auto c = MerchantConfig::load(path, QProcessEnvironment());
        QVERIFY_RESULT(c);
        QCOMPARE(c->client.timeoutMs, 2500);
        QCOMPARE(c->client.maxRetries, 0);
        QCOMPARE(c->client.queryRatePerSecond, 5.0);
        QCOMPARE(c->client.billRatePerSecond, 0.5);
        QCOMPARE(c->client.certRefreshSeconds, 3600);
        QCOMPARE(c->client.burst, 3);
        QCOMPARE(c->client.backoffBaseMs, 10);
        QCOMPARE(c->client.backoffCapMs, 100);
    }

    void problems_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("messageParts"); // "|"-separated
        const QByteArray ok
            = "[merchant]\nmchid=1900000001\nserial_no=ABC\nprivate_key_file=apiclient_key.pem\n";

        QTest::newRow("everything missing")
            << QByteArray("[merchant]\n") << QStringLiteral("mchid|serial_no|private_key_file");
        QTest::newRow("mchid not digits")
            << QByteArray(ok).replace("1900000001", "19000x") << QStringLiteral("digits only");
        QTest::newRow("serial not hex")
            << QByteArray(ok).replace("ABC", "XYZ") << QStringLiteral("hexadecimal");
        QTest::newRow("private key file missing")
            << QByteArray(ok).replace("apiclient_key.pem", "nope.pem")
            << QStringLiteral("nope.pem|does not exist");
        QTest::newRow("APIv3 key 31 bytes inline")
            << ok + "apiv3_key=" + kApiV3Key.left(31) + "\n"
            << QStringLiteral("31 bytes|[merchant] apiv3_key");
        QTest::newRow("APIv3 key file unreadable") << ok + "apiv3_key_file=none.key\n"
                                                   << QStringLiteral("none.key");
        QTest::newRow("ftp api base") << ok + "[wechatpay]\napi_base=ftp://example.com\n"
                                      << QStringLiteral("https://");
        QTest::newRow("public key id without file")
            << ok + "[wechatpay]\npublic_key_id=PUB_KEY_ID_1\n"
            << QStringLiteral("public_key_file");
        QTest::newRow("public key file without id")
            << ok + "[wechatpay]\npublic_key_file=keys/pub_key.pem\n"
            << QStringLiteral("public_key_id");
        QTest::newRow("pubkey mode without key") << ok + "[wechatpay]\nkey_mode=pubkey\n"
                                                 << QStringLiteral("pubkey|public_key_id");
        QTest::newRow("unknown key mode") << ok + "[wechatpay]\nkey_mode=mixed\n"
                                          << QStringLiteral("mixed|cert, pubkey, both");
        QTest::newRow("client value out of range") << ok + "[client]\nquery_rate=-1\n"
                                                   << QStringLiteral("query_rate");
        QTest::newRow("bad line") << QByteArray("[merchant]\nmchid\n") << QStringLiteral("Line 2");
        QTest::newRow("bad section") << QByteArray("[merchant\n") << QStringLiteral("Line 1");
    }

    void problems()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, messageParts);
        const auto c = MerchantConfig::load(ini(text), QProcessEnvironment());
        QVERIFY_ERROR(c, ErrorCode::Config);
        for (const QString &part : messageParts.split(u'|'))
            QVERIFY2(c.error().message.contains(part), qPrintable(c.error().message));
        QVERIFY(!c.error().message.contains(QString::fromLatin1(kApiV3Key.left(31))));
    }

    // Every problem gets its own line, so that a user fixes them all in one go.
    void oneLinePerProblem()
    {
        const auto c = MerchantConfig::load(ini("[merchant]\nmchid=x\nserial_no=y\n"),
                                            QProcessEnvironment());
        QVERIFY_ERROR(c, ErrorCode::Config);
        QCOMPARE(c.error().message.split(u'\n').size(), 3);
    }

    void warnings()
    {
        writeFile(m_dir.filePath(QStringLiteral("shared.key")), kApiV3Key,
                  QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        const auto c = MerchantConfig::load(
            ini("[merchant]\nmchid=1\nserial_no=A\nprivate_key_file=apiclient_key.pem\n"
                "apiv3_key_file=shared.key\ncolour=blue\n"
                "[wechatpay]\napi_base=http://api.example.com\n"
                "public_key_id=KEY1\npublic_key_file=keys/pub_key.pem\n"
                "[requery]\nstuck_after_minutes=5\n"),
            QProcessEnvironment());
        QVERIFY_RESULT(c);
        const QString all = c->warnings.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("plain HTTP")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("colour")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("PUB_KEY_ID_")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("shared.key")), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("requery")),
                 qPrintable(all)); // another module's section
        QCOMPARE(c->warnings.size(), 4);
    }

    void missingFile()
    {
        QVERIFY_ERROR(MerchantConfig::load(QStringLiteral("/nonexistent/merchant.ini")),
                      ErrorCode::Config);
    }

    void requireApiV3Key()
    {
        MerchantConfig c;
        QVERIFY_ERROR(c.requireApiV3Key(), ErrorCode::Config);
        c.apiV3Key = kApiV3Key.left(16);
        QVERIFY_ERROR(c.requireApiV3Key(), ErrorCode::Config);
        c.apiV3Key = kApiV3Key;
        QVERIFY_RESULT(c.requireApiV3Key());
    }

    void loopback_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("127.0.0.1") << "http://127.0.0.1:8080" << true;
        QTest::newRow("localhost") << "http://LOCALHOST" << true;
        QTest::newRow("::1") << "http://[::1]:9/" << true;
        QTest::newRow("remote") << "http://10.0.0.1" << false;
        QTest::newRow("https loopback") << "https://127.0.0.1" << false;
        QTest::newRow("lookalike") << "http://localhost.example.com" << false;
    }

    void loopback()
    {
        QFETCH(QString, url);
        QFETCH(bool, loopback);
        QCOMPARE(isLoopbackHttp(QUrl(url)), loopback);
    }

    void fromProfile()
    {
        MerchantProfile p;
        p.mchid = QStringLiteral("1900000001");
        p.serialNo = QStringLiteral("abc");
        p.keyMode = KeyMode::Both;
        p.publicKeyId = QStringLiteral("PUB_KEY_ID_1");
        const MerchantConfig c = MerchantConfig::fromProfile(p, kApiV3Key);
        QCOMPARE(c.serialNo, QStringLiteral("ABC"));
        QCOMPARE(c.keyMode, KeyMode::Both);
        QCOMPARE(c.apiV3Key, kApiV3Key);
        QVERIFY(c.usesPlatformCertificates() && c.usesPublicKey());
    }

    // A profile made from a merchant INI's settings gives those settings back.
    void toProfileRoundTrips()
    {
        MerchantProfile p;
        p.name = QStringLiteral("Shop");
        p.mchid = QStringLiteral("1900000001");
        p.serialNo = QStringLiteral("ABC");
        p.privateKeyFile = QStringLiteral("/keys/apiclient_key.pem");
        p.apiv3KeyFile = QStringLiteral("/keys/apiv3.key");
        p.apiBase = QUrl(QStringLiteral("http://127.0.0.1:18080"));
        p.keyMode = KeyMode::PublicKey;
        p.publicKeyId = QStringLiteral("PUB_KEY_ID_1");
        p.publicKeyFile = QStringLiteral("/keys/pub_key.pem");
        p.platformCertDir = QStringLiteral("/keys/certs");
        const MerchantConfig c = MerchantConfig::fromProfile(p, kApiV3Key);
        QCOMPARE(c.toProfile(QStringLiteral("Shop")), p);
    }
};

QTEST_GUILESS_MAIN(tst_MerchantConfig)
#include "tst_merchantconfig.moc"
