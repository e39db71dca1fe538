// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/aead.h"
#include "testutil.h"
#include "wechatpay/certificatelist.h"
#include "wechatpay/sensitivefield.h"
#include "wechatpaytestutil.h"

#include <QTest>

using namespace wxr;
using namespace wxr::core;

namespace {

const QByteArray kKey = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";

QByteArray entry(const QByteArray &serial, const QByteArray &pem, const QByteArray &key = kKey,
                 const QByteArray &aad = "certificate")
{
    const auto c = aead::encryptAes256Gcm(key, "61f9c719728a", aad, pem);
    return R"({"serial_no":")" + serial
           + R"(","effective_time":"2026-11-27T21:12:55+08:00","expire_time":"2031-11-27T21:12:55+08:00",)"
             R"("encrypt_certificate":{"algorithm":"AEAD_AES_256_GCM","nonce":"61f9c719728a","associated_data":")"
           + aad + R"(","ciphertext":")" + c->toBase64() + R"("}})";
}

} // namespace

class tst_CertificateList final : public QObject
{
    Q_OBJECT

private slots:
    void decryptsCheckedInCertificate()
    {
        const QByteArray pem = test::readTestData(QStringLiteral("crypto/platform_cert.pem"));
        const auto list = parseCertificateList(
            "{\"data\":[" + entry("5157f09efdc096de15ebe81a47057a7232f1b8e1", pem) + "]}", kKey);
        QVERIFY_RESULT(list);
        QCOMPARE(list->size(), 1);
        const PlatformCertificate &c = list->first();
        QCOMPARE(c.serialNo, QStringLiteral("5157F09EFDC096DE15EBE81A47057A7232F1B8E1"));
        QCOMPARE(c.effectiveTime, qint64(1795785175));
        QCOMPARE(c.expireTime, qint64(1953551575));
        QCOMPARE(c.certificate.toPem(), pem);
    }

    void emptyList()
    {
        const auto list = parseCertificateList(R"({"data":[]})", kKey);
        QVERIFY_RESULT(list);
        QVERIFY(list->isEmpty());
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ErrorCode>("code");
        const QByteArray pem = test::readTestData(QStringLiteral("crypto/platform_cert.pem"));
        QTest::newRow("not JSON") << QByteArray("<html>") << ErrorCode::InvalidInput;
        QTest::newRow("no data") << QByteArray(R"({"code":"x"})") << ErrorCode::InvalidInput;
        QTest::newRow("wrong APIv3 key") << "{\"data\":["
                                                + entry("5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
                                                        pem, "b7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb")
                                                + "]}"
                                         << ErrorCode::Verification;
        QTest::newRow("serial does not match the certificate")
            << "{\"data\":[" + entry("ABCDEF", pem) + "]}" << ErrorCode::Verification;
        QTest::newRow("not a certificate inside")
            << "{\"data\":[" + entry("ABCDEF", "hello") + "]}" << ErrorCode::Crypto;
        QTest::newRow("missing times")
            << QByteArray(R"({"data":[{"serial_no":"AB","encrypt_certificate":{}}]})")
            << ErrorCode::InvalidInput;
    }

    void errors()
    {
        QFETCH(QByteArray, body);
        QFETCH(ErrorCode, code);
        QVERIFY_ERROR(parseCertificateList(body, kKey), code);
    }

    void sensitiveField()
    {
        const PrivateKey platform = test::fixedKey();
        KeyStore keys;
        QVERIFY_ERROR(encryptSensitiveField(keys, "张三", 1795785175), ErrorCode::Config);
        keys.addCertificate(test::makePlatformCert(platform, QStringLiteral("5157F09E"),
                                                   1795785175 - 10, 1795785175 + 86400));
        const auto f = encryptSensitiveField(keys, "张三", 1795785175);
        QVERIFY_RESULT(f);
        QCOMPARE(f->serial, QByteArray("5157F09E"));
        QCOMPARE(*platform.decryptOaep(QByteArray::fromBase64(f->ciphertextBase64)),
                 QByteArray("张三"));
        QVERIFY_ERROR(encryptSensitiveField(keys, QByteArray(300, 'x'), 1795785175),
                      ErrorCode::Crypto);
    }
};

QTEST_APPLESS_MAIN(tst_CertificateList)
#include "tst_certificatelist.moc"
