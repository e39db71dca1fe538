// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/privatekey.h"
#include "crypto/publickey.h"
#include "testutil.h"

#include <QFile>
#include <QTest>

using namespace wxr;
using namespace wxr::core;

namespace {

QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(WXR_TEST_DATA_DIR "/crypto/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    return f.readAll();
}

} // namespace

class tst_PublicKey final : public QObject
{
    Q_OBJECT

private slots:
    void fromPem_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("SubjectPublicKeyInfo") << "rsa2048_pub.pem" << true << "";
        QTest::newRow("PKCS#1 RSA PUBLIC KEY") << "rsa2048_pub_pkcs1.pem" << true << "";
        QTest::newRow("EC public key") << "ec_p256_pub.pem" << false << "EC";
        QTest::newRow("certificate") << "platform_cert.pem" << false << "certificate";
        QTest::newRow("private key") << "rsa2048_pkcs8.pem" << false << "private key";
        QTest::newRow("not PEM") << "oaep_plaintext.txt" << false << "not a PEM";
    }

    void fromPem()
    {
        QFETCH(QString, file);
        QFETCH(bool, valid);
        QFETCH(QString, messagePart);
        const auto key = PublicKey::fromPem(readData(file), file);
        QCOMPARE(key.ok(), valid);
        if (valid) {
            QCOMPARE(key->bits(), 2048);
            QCOMPARE(key->toPem(), readData(QStringLiteral("rsa2048_pub.pem")));
        } else {
            QCOMPARE(key.error().code, ErrorCode::Crypto);
            QVERIFY2(key.error().message.contains(file), qPrintable(key.error().message));
            QVERIFY2(key.error().message.contains(messagePart), qPrintable(key.error().message));
        }
    }

    void verifyOpensslSignature_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<int>("flipByte"); // -1: untouched signature
        QTest::addColumn<bool>("valid");
        const QByteArray msg = readData(QStringLiteral("official_example_message.txt"));
        QTest::newRow("genuine") << msg << -1 << true;
        QTest::newRow("message changed") << QByteArray(msg).replace("GET", "PUT") << -1 << false;
        QTest::newRow("last LF missing") << msg.chopped(1) << -1 << false;
        QTest::newRow("signature first byte flipped") << msg << 0 << false;
        QTest::newRow("signature last byte flipped") << msg << 255 << false;
    }

    void verifyOpensslSignature()
    {
        QFETCH(QByteArray, message);
        QFETCH(int, flipByte);
        QFETCH(bool, valid);
        const auto key
            = PublicKey::loadFile(QStringLiteral(WXR_TEST_DATA_DIR "/crypto/rsa2048_pub.pem"));
        QVERIFY_RESULT(key);
        QByteArray sig = readData(QStringLiteral("official_example_message.sig"));
        if (flipByte >= 0)
            sig[flipByte] = static_cast<char>(sig[flipByte] ^ 0x01);
        QCOMPARE(key->verifySha256(message, sig), valid);
    }

    void verifyRejectsMalformedSignatures()
    {
        const auto key = PublicKey::fromPem(readData(QStringLiteral("rsa2048_pub.pem")), {});
        QVERIFY_RESULT(key);
        const QByteArray msg = readData(QStringLiteral("official_example_message.txt"));
        const QByteArray sig = readData(QStringLiteral("official_example_message.sig"));
        QVERIFY(!key->verifySha256(msg, {}));
        QVERIFY(!key->verifySha256(msg, sig.left(128)));
        QVERIFY(!key->verifySha256(msg, QByteArray(sig + "x")));
        QVERIFY(!key->verifySha256(msg, "WECHATPAY/SIGNTEST/"));
        QVERIFY(!PublicKey().verifySha256(msg, sig));
    }

    void encryptOaepRoundTrip()
    {
        const auto pub = PublicKey::fromPem(readData(QStringLiteral("rsa2048_pub.pem")), {});
        const auto priv = PrivateKey::fromPem(readData(QStringLiteral("rsa2048_pkcs8.pem")), {});
        QVERIFY_RESULT(pub);
        QVERIFY_RESULT(priv);
        const QByteArray secret = QByteArrayLiteral("张三 6217000010012345678");
        const auto c1 = pub->encryptOaep(secret);
        const auto c2 = pub->encryptOaep(secret);
        QVERIFY_RESULT(c1);
        QVERIFY_RESULT(c2);
        QCOMPARE(c1->size(), 256);
        QVERIFY(*c1 != *c2); // OAEP is randomised
        QCOMPARE(*priv->decryptOaep(*c1), secret);
        QCOMPARE(*priv->decryptOaep(*c2), secret);
    }

    void encryptOaepTooLong()
    {
        const auto pub = PublicKey::fromPem(readData(QStringLiteral("rsa2048_pub.pem")), {});
        QVERIFY_RESULT(pub);
        QVERIFY_RESULT(pub->encryptOaep(QByteArray(214, 'a'))); // 256 - 2*20 - 2
        QVERIFY_ERROR(pub->encryptOaep(QByteArray(215, 'a')), ErrorCode::Crypto);
        QVERIFY_ERROR(PublicKey().encryptOaep("a"), ErrorCode::Crypto);
    }

    void sameKeyAs()
    {
        const auto a = PublicKey::fromPem(readData(QStringLiteral("rsa2048_pub.pem")), {});
        const auto b = PublicKey::fromPem(readData(QStringLiteral("rsa2048_pub_pkcs1.pem")), {});
        const auto other = PrivateKey::generateRsa(2048);
        QVERIFY(a->sameKeyAs(*b));
        QVERIFY(!a->sameKeyAs(other->publicKey()));
        QVERIFY(!a->sameKeyAs(PublicKey()));
    }

    void loadFileMissing()
    {
        QVERIFY_ERROR(PublicKey::loadFile(QStringLiteral("/nonexistent/pub_key.pem")),
                      ErrorCode::Io);
    }
};

QTEST_APPLESS_MAIN(tst_PublicKey)
#include "tst_publickey.moc"
