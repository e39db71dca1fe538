// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/privatekey.h"
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

class tst_PrivateKey final : public QObject
{
    Q_OBJECT

private slots:
    void fromPem_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("messagePart"); // what the error sentence must mention

        QTest::newRow("PKCS#8") << "rsa2048_pkcs8.pem" << true << "";
        QTest::newRow("PKCS#1") << "rsa2048_pkcs1.pem" << true << "";
        QTest::newRow("encrypted PKCS#8") << "rsa2048_encrypted_pkcs8.pem" << false << "passphrase";
        QTest::newRow("encrypted PKCS#1") << "rsa2048_encrypted_pkcs1.pem" << false << "passphrase";
        QTest::newRow("EC key: wrong type") << "ec_p256.pem" << false << "EC";
        QTest::newRow("1024 bits: too short") << "rsa1024_pkcs8.pem" << false << "1024-bit";
        QTest::newRow("certificate instead") << "platform_cert.pem" << false << "certificate";
        QTest::newRow("public key instead") << "rsa2048_pub.pem" << false << "public key";
        QTest::newRow("garbage in PEM label") << "garbage.pem" << false << "damaged";
        QTest::newRow("plain text") << "oaep_plaintext.txt" << false << "not a PEM";
    }

    void fromPem()
    {
        QFETCH(QString, file);
        QFETCH(bool, valid);
        QFETCH(QString, messagePart);
        const QString source = QStringLiteral("merchant/") + file;
        const Result<PrivateKey> key = PrivateKey::fromPem(readData(file), source);
        QCOMPARE(key.ok(), valid);
        if (valid) {
            QCOMPARE(key->bits(), 2048);
            QVERIFY(!key->isNull());
        } else {
            QCOMPARE(key.error().code, ErrorCode::Crypto);
            QVERIFY2(key.error().message.contains(source), qPrintable(key.error().message));
            QVERIFY2(key.error().message.contains(messagePart), qPrintable(key.error().message));
            // The message never echoes key material.
            QVERIFY(!key.error().message.contains(QStringLiteral("MII")));
        }
    }

    void pkcs1AndPkcs8AreTheSameKey()
    {
        const auto a = PrivateKey::fromPem(readData(QStringLiteral("rsa2048_pkcs8.pem")), {});
        const auto b = PrivateKey::fromPem(readData(QStringLiteral("rsa2048_pkcs1.pem")), {});
        QVERIFY_RESULT(a);
        QVERIFY_RESULT(b);
        QCOMPARE(a->publicKeyPem(), b->publicKeyPem());
        QCOMPARE(a->publicKeyPem(), readData(QStringLiteral("rsa2048_pub.pem")));
    }

    void loadFileMissing()
    {
        const auto key = PrivateKey::loadFile(QStringLiteral("/nonexistent/apiclient_key.pem"));
        QVERIFY_ERROR(key, ErrorCode::Io);
        QVERIFY(key.error().message.contains(QStringLiteral("/nonexistent/apiclient_key.pem")));
    }

    void loadFile()
    {
        QVERIFY_RESULT(
            PrivateKey::loadFile(QStringLiteral(WXR_TEST_DATA_DIR "/crypto/rsa2048_pkcs1.pem")));
    }

    // RSASSA-PKCS1-v1_5 is deterministic: our signature must equal `openssl dgst -sha256 -sign`.
    void signMatchesOpensslVector()
    {
        const auto key = PrivateKey::fromPem(readData(QStringLiteral("rsa2048_pkcs8.pem")), {});
        QVERIFY_RESULT(key);
        const QByteArray message = readData(QStringLiteral("official_example_message.txt"));
        QCOMPARE(message, QByteArray("GET\n/v3/certificates\n1554208460\n"
                                     "593BEC0C930BF1AFEB40B4A08C8FB242\n\n"));
        const auto sig = key->signSha256(message);
        QVERIFY_RESULT(sig);
        QCOMPARE(*sig, readData(QStringLiteral("official_example_message.sig")));
        QVERIFY(key->publicKey().verifySha256(message, *sig));
    }

    void decryptOpensslOaepVector()
    {
        const auto key = PrivateKey::fromPem(readData(QStringLiteral("rsa2048_pkcs1.pem")), {});
        QVERIFY_RESULT(key);
        const auto plain = key->decryptOaep(readData(QStringLiteral("oaep_ciphertext.bin")));
        QVERIFY_RESULT(plain);
        QCOMPARE(*plain, readData(QStringLiteral("oaep_plaintext.txt")));
    }

    void decryptOaepWithOtherKeyFails()
    {
        const auto other = PrivateKey::generateRsa(2048);
        QVERIFY_RESULT(other);
        QVERIFY_ERROR(other->decryptOaep(readData(QStringLiteral("oaep_ciphertext.bin"))),
                      ErrorCode::Crypto);
        QVERIFY_ERROR(other->decryptOaep(QByteArray("short")), ErrorCode::Crypto);
    }

    void generateRoundTripsThroughPkcs8()
    {
        const auto key = PrivateKey::generateRsa(2048);
        QVERIFY_RESULT(key);
        const QByteArray pem = key->toPkcs8Pem();
        QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
        const auto again = PrivateKey::fromPem(pem, QStringLiteral("generated"));
        QVERIFY_RESULT(again);
        QCOMPARE(again->publicKeyPem(), key->publicKeyPem());
        // The generator allows short keys (for tests), the loader does not.
        const auto shortKey = PrivateKey::generateRsa(1024);
        QVERIFY_RESULT(shortKey);
        QVERIFY_ERROR(PrivateKey::fromPem(shortKey->toPkcs8Pem(), QStringLiteral("short")),
                      ErrorCode::Crypto);
    }

    void nullKeyFails()
    {
        const PrivateKey none;
        QVERIFY(none.isNull());
        QVERIFY_ERROR(none.signSha256("x"), ErrorCode::Crypto);
        QVERIFY_ERROR(none.decryptOaep("x"), ErrorCode::Crypto);
        QVERIFY(none.publicKeyPem().isEmpty());
        QVERIFY(none.toPkcs8Pem().isEmpty());
        QVERIFY(none.publicKey().isNull());
    }
};

QTEST_APPLESS_MAIN(tst_PrivateKey)
#include "tst_privatekey.moc"
