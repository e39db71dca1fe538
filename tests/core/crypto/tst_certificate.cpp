// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/certificate.h"
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

class tst_Certificate final : public QObject
{
    Q_OBJECT

private slots:
    void opensslCertificate()
    {
        const auto cert = Certificate::fromPem(readData(QStringLiteral("platform_cert.pem")),
                                               QStringLiteral("platform_cert.pem"));
        QVERIFY_RESULT(cert);
        QCOMPARE(cert->serialHex(), QStringLiteral("5157F09EFDC096DE15EBE81A47057A7232F1B8E1"));
        QCOMPARE(cert->notBefore(), qint64(1795785175)); // 2026-11-27 13:12:55Z
        QCOMPARE(cert->notAfter(), qint64(1953551575));  // 2031-11-27 13:12:55Z
        QCOMPARE(cert->commonName(), QStringLiteral("wxrecon test platform certificate"));
        QCOMPARE(cert->publicKey().toPem(), readData(QStringLiteral("rsa2048_pub.pem")));
        QCOMPARE(cert->toPem(), readData(QStringLiteral("platform_cert.pem")));
    }

    void leadingZeroSerialKeepsTheZero()
    {
        const auto cert = Certificate::loadFile(
            QStringLiteral(WXR_TEST_DATA_DIR "/crypto/leading_zero_serial_cert.pem"));
        QVERIFY_RESULT(cert);
        QCOMPARE(cert->serialHex(), QStringLiteral("0ABCDEF0123456789ABCDEF0123456789ABCDEF0"));
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("pem");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("public key")
            << readData(QStringLiteral("rsa2048_pub.pem")) << "not a PEM certificate";
        QTest::newRow("empty") << QByteArray() << "not a PEM certificate";
        QTest::newRow("damaged body")
            << QByteArray("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
            << "damaged";
    }

    void rejects()
    {
        QFETCH(QByteArray, pem);
        QFETCH(QString, messagePart);
        const auto cert = Certificate::fromPem(pem, QStringLiteral("certs/x.pem"));
        QVERIFY_ERROR(cert, ErrorCode::Crypto);
        QVERIFY(cert.error().message.contains(QStringLiteral("certs/x.pem")));
        QVERIFY2(cert.error().message.contains(messagePart), qPrintable(cert.error().message));
    }

    void selfSigned_data()
    {
        QTest::addColumn<QByteArray>("serial");
        QTest::addColumn<QString>("expected");
        QTest::newRow("upper-case") << QByteArray("5157F09EFDC096DE") << "5157F09EFDC096DE";
        QTest::newRow("lower-case input") << QByteArray("abcdef01") << "ABCDEF01";
        QTest::newRow("one byte") << QByteArray("7F") << "7F";
    }

    void selfSigned()
    {
        QFETCH(QByteArray, serial);
        QFETCH(QString, expected);
        const auto key = PrivateKey::fromPem(readData(QStringLiteral("rsa2048_pkcs8.pem")), {});
        QVERIFY_RESULT(key);
        const qint64 nb = 1700000000;
        const qint64 na = nb + 5 * 365 * 86400;
        const auto cert
            = Certificate::makeSelfSigned(*key, serial, nb, na, QStringLiteral("微信支付平台证书"));
        QVERIFY_RESULT(cert);
        QCOMPARE(cert->serialHex(), expected);
        QCOMPARE(cert->notBefore(), nb);
        QCOMPARE(cert->notAfter(), na);
        QCOMPARE(cert->commonName(), QStringLiteral("微信支付平台证书"));
        QVERIFY(cert->publicKey().sameKeyAs(key->publicKey()));
        const auto again = Certificate::fromPem(cert->toPem(), QStringLiteral("round trip"));
        QVERIFY_RESULT(again);
        QCOMPARE(again->serialHex(), expected);
    }

    void selfSignedRejectsBadSerial()
    {
        const auto key = PrivateKey::fromPem(readData(QStringLiteral("rsa2048_pkcs8.pem")), {});
        QVERIFY_ERROR(Certificate::makeSelfSigned(*key, "12G4", 0, 1, {}), ErrorCode::InvalidInput);
        QVERIFY_ERROR(Certificate::makeSelfSigned(*key, "", 0, 1, {}), ErrorCode::InvalidInput);
        QVERIFY_ERROR(Certificate::makeSelfSigned(PrivateKey(), "01", 0, 1, {}), ErrorCode::Crypto);
    }

    void nullCertificate()
    {
        const Certificate none;
        QVERIFY(none.isNull());
        QVERIFY(none.serialHex().isEmpty());
        QCOMPARE(none.notAfter(), qint64(0));
        QVERIFY(none.publicKey().isNull());
    }
};

QTEST_APPLESS_MAIN(tst_Certificate)
#include "tst_certificate.moc"
