// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/aead.h"
#include "testutil.h"
#include "wechatpay/encryptedresource.h"

#include <QJsonDocument>
#include <QTest>

using namespace wxr;
using namespace wxr::core;

namespace {

const QByteArray kKey = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";

QJsonObject json(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

} // namespace

class tst_EncryptedResource final : public QObject
{
    Q_OBJECT

private slots:
    void specVector()
    {
        const auto r = EncryptedResource::fromJson(
            json(R"({"original_type":"transaction","algorithm":"AEAD_AES_256_GCM",
                     "ciphertext":"ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=",
                     "associated_data":"associatedData","nonce":"uluk4a9R25RW"})"),
            QStringLiteral("resource"));
        QVERIFY_RESULT(r);
        QCOMPARE(r->originalType, QStringLiteral("transaction"));
        const auto plain = r->decrypt(kKey);
        QVERIFY_RESULT(plain);
        QCOMPARE(*plain, QByteArray("message"));
    }

    // associated_data may be "" or absent: both mean empty AAD.
    void associatedDataEmptyOrAbsent_data()
    {
        QTest::addColumn<QByteArray>("aadField");
        QTest::newRow("empty string") << QByteArray(R"("associated_data":"",)");
        QTest::newRow("absent") << QByteArray();
        QTest::newRow("null") << QByteArray(R"("associated_data":null,)");
    }

    void associatedDataEmptyOrAbsent()
    {
        QFETCH(QByteArray, aadField);
        const auto c = aead::encryptAes256Gcm(kKey, "0123456789ab", {}, R"({"x":1})");
        QVERIFY_RESULT(c);
        const auto r = EncryptedResource::fromJson(
            json(R"({"algorithm":"AEAD_AES_256_GCM",)" + aadField + R"("ciphertext":")"
                 + c->toBase64() + R"(","nonce":"0123456789ab"})"),
            QStringLiteral("resource"));
        QVERIFY_RESULT(r);
        QCOMPARE(*r->decrypt(kKey), QByteArray(R"({"x":1})"));
    }

    void failures_data()
    {
        QTest::addColumn<QByteArray>("object");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<ErrorCode>("code");
        const QByteArray base
            = R"({"algorithm":"AEAD_AES_256_GCM","ciphertext":"ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=","associated_data":"associatedData","nonce":"uluk4a9R25RW"})";
        QTest::newRow("wrong APIv3 key")
            << base << QByteArray("b7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb") << ErrorCode::Verification;
        QTest::newRow("16-byte key") << base << kKey.left(16) << ErrorCode::Crypto;
        QTest::newRow("other algorithm")
            << QByteArray(base).replace("AEAD_AES_256_GCM", "AES_128_CBC") << kKey
            << ErrorCode::Crypto;
        QTest::newRow("algorithm missing")
            << QByteArray(base).replace("\"algorithm\"", "\"alg\"") << kKey << ErrorCode::Crypto;
        QTest::newRow("ciphertext not Base64")
            << QByteArray(base).replace("ulwSiIaj", "ulw$$Iaj") << kKey << ErrorCode::Crypto;
        QTest::newRow("no ciphertext") << QByteArray(base).replace("\"ciphertext\"", "\"x\"")
                                       << kKey << ErrorCode::InvalidInput;
        QTest::newRow("no nonce") << QByteArray(base).replace("\"nonce\"", "\"x\"") << kKey
                                  << ErrorCode::InvalidInput;
    }

    void failures()
    {
        QFETCH(QByteArray, object);
        QFETCH(QByteArray, key);
        QFETCH(ErrorCode, code);
        const auto r = EncryptedResource::fromJson(json(object), QStringLiteral("resource"));
        if (!r) {
            QCOMPARE(r.error().code, code);
            QVERIFY(r.error().message.contains(QStringLiteral("resource")));
            return;
        }
        QVERIFY_ERROR(r->decrypt(key), code);
    }
};

QTEST_APPLESS_MAIN(tst_EncryptedResource)
#include "tst_encryptedresource.moc"
