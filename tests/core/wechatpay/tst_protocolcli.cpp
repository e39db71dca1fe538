// SPDX-License-Identifier: GPL-3.0-or-later
// The protocol diagnostics of wxrecon-cli (sign-request, verify-notify, certs) run as a process.
#include "crypto/aead.h"
#include "fakewechatpay.h"
#include "testutil.h"
#include "wechatpaytestutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace wxr;
using namespace wxr::core;
using namespace wxr::core::test;

namespace {

const QByteArray kApiV3Key = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
const QByteArray kPlatformSerial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1"; // platform_cert.pem
constexpr qint64 kArrived = 1795800000; // inside platform_cert.pem's validity
const QByteArray kResource
    = R"({"mchid":"1900000001","out_trade_no":"T20261126001","trade_state":"SUCCESS"})";

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

void write(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(data);
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

// Outside the test class: moc does not understand raw string literals.
QByteArray callbackBody(const QByteArray &ciphertextBase64)
{
    return R"({"id":"EV-2018022511223320873","create_time":"2026-11-26T10:12:05+08:00","resource_type":"encrypt-resource","event_type":"TRANSACTION.SUCCESS","summary":"支付成功","resource":{"original_type":"transaction","algorithm":"AEAD_AES_256_GCM","ciphertext":")"
           + ciphertextBase64
           + R"(","associated_data":"transaction","nonce":"fdasfjihihihlkja484w"}})";
}

} // namespace

class tst_ProtocolCli final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QByteArray m_body;
    QByteArray m_headers;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Runs the CLI while this thread keeps serving events (the fixture server lives here).
    Run cli(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("WXRECON_LANG"), QStringLiteral("en"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(WXR_BIN_DIR "/wxrecon-cli"), args);
        if (!p.waitForStarted(10000))
            return {};
        if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QString ini(const QByteArray &extra = {})
    {
        const QString p = path(QStringLiteral("merchant.ini"));
        write(p,
              "[merchant]\nmchid=1900000001\nserial_no=1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C\n"
              "private_key_file=apiclient_key.pem\napiv3_key_file=apiv3.key\n"
              "[wechatpay]\nplatform_cert_dir=certs\n"
                  + extra);
        return p;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        write(path(QStringLiteral("apiclient_key.pem")),
              readTestData(QStringLiteral("crypto/rsa2048_pkcs8.pem")));
        write(path(QStringLiteral("apiv3.key")), kApiV3Key + "\n");
        write(path(QStringLiteral("certs/platform_cert.pem")),
              readTestData(QStringLiteral("crypto/platform_cert.pem")));

        // A TRANSACTION.SUCCESS callback signed with the platform certificate's key.
        const auto ct
            = aead::encryptAes256Gcm(kApiV3Key, "fdasfjihihihlkja484w", "transaction", kResource);
        m_body = callbackBody(ct->toBase64());
        const HttpHeaders h
            = signedHeaders(fixedKey(), kPlatformSerial, kArrived, "fdasflkja484w", m_body);
        m_headers = "POST /notify HTTP/1.1\r\nHost: shop.example.com\r\n";
        for (const auto &p : h.pairs())
            m_headers += p.first + ": " + p.second + "\r\n";
        write(path(QStringLiteral("body.json")), m_body);
        write(path(QStringLiteral("headers.txt")), m_headers);
    }

    void signRequestOfficialExample()
    {
        const Run r
            = cli({QStringLiteral("sign-request"), QStringLiteral("--config"), ini(),
                   QStringLiteral("--method"), QStringLiteral("GET"), QStringLiteral("--url"),
                   QStringLiteral("/v3/certificates"), QStringLiteral("--timestamp"),
                   QStringLiteral("1554208460"), QStringLiteral("--nonce"),
                   QStringLiteral("593BEC0C930BF1AFEB40B4A08C8FB242")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("GET\\n\n/v3/certificates\\n\n1554208460\\n\n"
                                               "593BEC0C930BF1AFEB40B4A08C8FB242\\n\n\\n\n")),
                 qPrintable(r.out));
        const QString sig = QString::fromLatin1(
            readTestData(QStringLiteral("crypto/official_example_message.sig")).toBase64());
        QVERIFY(r.out.contains(
            QStringLiteral(
                "Authorization: WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001\","
                "nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\",timestamp=\"1554208460\","
                "serial_no=\"1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C\",signature=\"")
            + sig + u'"'));
    }

    void signRequestWithBodyAndFullUrl()
    {
        write(path(QStringLiteral("close.json")), R"({"mchid":"1900000001"})");
        const Run r
            = cli({QStringLiteral("sign-request"), QStringLiteral("--config"), ini(),
                   QStringLiteral("--method"), QStringLiteral("post"), QStringLiteral("--url"),
                   QStringLiteral(
                       "https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/T1/close"),
                   QStringLiteral("--body-file"), path(QStringLiteral("close.json")),
                   QStringLiteral("--timestamp"), QStringLiteral("1"), QStringLiteral("--nonce"),
                   QStringLiteral("n")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral(
                     "POST\\n\n/v3/pay/transactions/out-trade-no/T1/close\\n\n1\\n\nn\\n\n"
                     "{\"mchid\":\"1900000001\"}\\n\n")),
                 qPrintable(r.out));
    }

    void signRequestUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no url") << QStringList{QStringLiteral("--method"), QStringLiteral("GET")};
        QTest::newRow("bad method")
            << QStringList{QStringLiteral("--method"), QStringLiteral("FETCH"),
                           QStringLiteral("--url"), QStringLiteral("/x")};
        QTest::newRow("relative url")
            << QStringList{QStringLiteral("--method"), QStringLiteral("GET"),
                           QStringLiteral("--url"), QStringLiteral("v3/x")};
        QTest::newRow("millisecond timestamp")
            << QStringList{QStringLiteral("--method"),    QStringLiteral("GET"),
                           QStringLiteral("--url"),       QStringLiteral("/x"),
                           QStringLiteral("--timestamp"), QStringLiteral("1554208460000x")};
    }

    void signRequestUsage()
    {
        QFETCH(QStringList, args);
        const Run r = cli(
            QStringList{QStringLiteral("sign-request"), QStringLiteral("--config"), ini()} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
    }

    void verifyNotifyPrintsResource()
    {
        const Run r = cli({QStringLiteral("verify-notify"), QStringLiteral("--config"), ini(),
                           QStringLiteral("--headers"), path(QStringLiteral("headers.txt")),
                           QStringLiteral("--body"), path(QStringLiteral("body.json")),
                           QStringLiteral("--now"), QString::number(kArrived + 10)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QString::fromUtf8(kResource) + u'\n');
    }

    void verifyNotifyFailures_data()
    {
        QTest::addColumn<int>("variant");
        QTest::addColumn<QString>("failure");
        QTest::addColumn<QString>("hint");
        QTest::newRow("stale") << 0 << "stale_timestamp"
                               << "at most 300 s";
        QTest::newRow("body saved with an extra line break") << 1 << "bad_signature"
                                                             << "line break";
        QTest::newRow("body altered") << 2 << "bad_signature"
                                      << "";
        QTest::newRow("probe") << 3 << "probe"
                               << "";
        QTest::newRow("unknown certificate") << 4 << "unknown_serial"
                                             << "certs refresh";
        QTest::newRow("unknown public key") << 5 << "unknown_serial"
                                            << "public_key_id";
        QTest::newRow("missing header") << 6 << "missing_header"
                                        << "";
    }

    void verifyNotifyFailures()
    {
        QFETCH(int, variant);
        QFETCH(QString, failure);
        QFETCH(QString, hint);
        QByteArray body = m_body;
        QByteArray headers = m_headers;
        qint64 now = kArrived;
        switch (variant) {
        case 0:
            now = kArrived + 301;
            break;
        case 1:
            body += "\n";
            break;
        case 2:
            body.replace("EV-2018", "EV-2019");
            break;
        case 3:
            headers.replace(headers.indexOf("Wechatpay-Signature: ") + 21, 0,
                            "WECHATPAY/SIGNTEST/");
            break;
        case 4:
            headers.replace(kPlatformSerial, "0123456789ABCDEF");
            break;
        case 5:
            headers.replace(kPlatformSerial, "PUB_KEY_ID_0114232134912410000000000000");
            break;
        case 6:
            headers.replace("Wechatpay-Nonce", "X-Nonce");
            break;
        }
        write(path(QStringLiteral("b.json")), body);
        write(path(QStringLiteral("h.txt")), headers);
        const Run r = cli({QStringLiteral("verify-notify"), QStringLiteral("--config"), ini(),
                           QStringLiteral("--headers"), path(QStringLiteral("h.txt")),
                           QStringLiteral("--body"), path(QStringLiteral("b.json")),
                           QStringLiteral("--now"), QString::number(now)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty()); // nothing decrypted, nothing printed
        QVERIFY2(r.err.contains(u'(' + failure + u')'), qPrintable(r.err));
        if (!hint.isEmpty())
            QVERIFY2(r.err.contains(hint), qPrintable(r.err));
    }

    void verifyNotifyWrongApiV3Key()
    {
        write(path(QStringLiteral("other.key")), "b7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb");
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("WXRECON_LANG"), QStringLiteral("en"));
        e.insert(QStringLiteral("WXRECON_APIV3_KEY_FILE"), path(QStringLiteral("other.key")));
        p.setProcessEnvironment(e);
        p.start(QStringLiteral(WXR_BIN_DIR "/wxrecon-cli"),
                {QStringLiteral("verify-notify"), QStringLiteral("--config"), ini(),
                 QStringLiteral("--headers"), path(QStringLiteral("headers.txt")),
                 QStringLiteral("--body"), path(QStringLiteral("body.json")),
                 QStringLiteral("--now"), QString::number(kArrived)});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardOutput().isEmpty());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("APIv3 key")), qPrintable(err));
        QVERIFY(!err.contains(QStringLiteral("b7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb")));
    }

    void certsListAndRefresh()
    {
        Run r = cli(
            {QStringLiteral("certs"), QStringLiteral("list"), QStringLiteral("--config"), ini()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QString::fromLatin1(kPlatformSerial)), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Key mode: platform certificates")));

        // Refresh against a loopback stand-in that lists a new certificate.
        FakeWechatPay server(fixedKey().publicKey());
        const PrivateKey next = *PrivateKey::generateRsa(2048);
        const PlatformCertificate fresh = makePlatformCert(
            next, QStringLiteral("6A2B"), cst::now() - 60, cst::now() + 20 * 86400);
        server.setHandler([&](const Received &) {
            const auto ct = aead::encryptAes256Gcm(kApiV3Key, "61f9c719728a", "certificate",
                                                   fresh.certificate.toPem());
            const QJsonObject entry{
                {QStringLiteral("serial_no"), fresh.serialNo},
                {QStringLiteral("effective_time"), cst::formatRfc3339(fresh.effectiveTime)},
                {QStringLiteral("expire_time"), cst::formatRfc3339(fresh.expireTime)},
                {QStringLiteral("encrypt_certificate"),
                 QJsonObject{{QStringLiteral("algorithm"), QStringLiteral("AEAD_AES_256_GCM")},
                             {QStringLiteral("nonce"), QStringLiteral("61f9c719728a")},
                             {QStringLiteral("associated_data"), QStringLiteral("certificate")},
                             {QStringLiteral("ciphertext"), QString::fromLatin1(ct->toBase64())}}}};
            return signedReply(
                next, "6A2B", 200,
                QJsonDocument(QJsonObject{{QStringLiteral("data"), QJsonArray{entry}}})
                    .toJson(QJsonDocument::Compact));
        });
        // The merchant signature is checked by the fixture against this key.
        QFile::remove(path(QStringLiteral("certs/platform_cert.pem")));
        const QString cfg = ini("api_base=" + server.base().toEncoded() + "\n");
        r = cli(
            {QStringLiteral("certs"), QStringLiteral("refresh"), QStringLiteral("--config"), cfg});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Added 6A2B")), qPrintable(r.out));
        QVERIFY(r.err.contains(QStringLiteral("expires in 19 days"))
                || r.err.contains(QStringLiteral("expires in 20 days")));
        QCOMPARE(server.count("/v3/certificates"), 1);
        QVERIFY(server.received().first().signatureOk);
        QVERIFY(QFile::exists(path(QStringLiteral("certs/platform_certificates.json"))));

        r = cli({QStringLiteral("certs"), QStringLiteral("list"), QStringLiteral("--config"), cfg});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("6A2B")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("expires soon")));
        write(path(QStringLiteral("certs/platform_cert.pem")),
              readTestData(QStringLiteral("crypto/platform_cert.pem")));
    }

    void certsUsage()
    {
        QCOMPARE(cli({QStringLiteral("certs"), QStringLiteral("--config"), ini()}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("certs"), QStringLiteral("purge"), QStringLiteral("--config"),
                      ini()})
                     .exitCode,
                 2);
        QCOMPARE(cli({QStringLiteral("certs"), QStringLiteral("list")}).exitCode, 2);
        const Run bad = cli({QStringLiteral("certs"), QStringLiteral("list"),
                             QStringLiteral("--config"), path(QStringLiteral("missing.ini"))});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains(QStringLiteral("missing.ini")));
    }
};

QTEST_GUILESS_MAIN(tst_ProtocolCli)
#include "tst_protocolcli.moc"
