// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/aead.h"
#include "testutil.h"

#include <QTest>

using namespace wxr;
using namespace wxr::core;

namespace {

// Spec §3.2: the Java SDK's unit-test vector.
const QByteArray kKey = QByteArrayLiteral("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb");
const QByteArray kNonce = QByteArrayLiteral("uluk4a9R25RW");
const QByteArray kAad = QByteArrayLiteral("associatedData");
const QByteArray kCiphertext = QByteArray::fromBase64("ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=");

// Made with Python's cryptography package (see tests/data/crypto/README.md): empty AAD.
const QByteArray kEmptyAadNonce = QByteArrayLiteral("0123456789ab");
const QByteArray kEmptyAadPlain
    = QByteArrayLiteral(R"({"out_trade_no":"T20261126001","trade_state":"SUCCESS"})");
const QByteArray kEmptyAadCiphertext = QByteArray::fromBase64(
    "LYUIiWaTlOtlVpwY6X5lno6G+"
    "iNeJZEm7fvlgAuGhrFDDLoBHhyostcAFNi2sgQst0AChIRS0cRKZ4UGmST6Tv2YWQxIhKE=");

} // namespace

class tst_Aead final : public QObject
{
    Q_OBJECT

private slots:
    void specVector()
    {
        QCOMPARE(kCiphertext.size(), 23);
        const auto plain = aead::decryptAes256Gcm(kKey, kNonce, kAad, kCiphertext);
        QVERIFY_RESULT(plain);
        QCOMPARE(*plain, QByteArray("message"));
        const auto again = aead::encryptAes256Gcm(kKey, kNonce, kAad, "message");
        QVERIFY_RESULT(again);
        QCOMPARE(*again, kCiphertext);
    }

    void emptyAssociatedData()
    {
        const auto plain = aead::decryptAes256Gcm(kKey, kEmptyAadNonce, {}, kEmptyAadCiphertext);
        QVERIFY_RESULT(plain);
        QCOMPARE(*plain, kEmptyAadPlain);
        // A null view and an empty non-null view mean the same: no associated data.
        QCOMPARE(*aead::decryptAes256Gcm(kKey, kEmptyAadNonce, QByteArray(""), kEmptyAadCiphertext),
                 kEmptyAadPlain);
    }

    void rejected_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("nonce");
        QTest::addColumn<QByteArray>("aad");
        QTest::addColumn<QByteArray>("ciphertext");
        QTest::addColumn<ErrorCode>("code");

        QByteArray wrongKey = kKey;
        wrongKey[0] = 'b';
        QByteArray flipped = kCiphertext;
        flipped[0] = static_cast<char>(flipped[0] ^ 1);
        QByteArray flippedTag = kCiphertext;
        flippedTag[22] = static_cast<char>(flippedTag[22] ^ 1);

        QTest::newRow("wrong key")
            << wrongKey << kNonce << kAad << kCiphertext << ErrorCode::Verification;
        QTest::newRow("wrong nonce")
            << kKey << QByteArray("uluk4a9R25RX") << kAad << kCiphertext << ErrorCode::Verification;
        QTest::newRow("wrong AAD") << kKey << kNonce << QByteArray("associateddata") << kCiphertext
                                   << ErrorCode::Verification;
        QTest::newRow("AAD dropped")
            << kKey << kNonce << QByteArray() << kCiphertext << ErrorCode::Verification;
        QTest::newRow("ciphertext altered")
            << kKey << kNonce << kAad << flipped << ErrorCode::Verification;
        QTest::newRow("tag altered")
            << kKey << kNonce << kAad << flippedTag << ErrorCode::Verification;
        QTest::newRow("tag truncated by one byte")
            << kKey << kNonce << kAad << kCiphertext.chopped(1) << ErrorCode::Verification;
        QTest::newRow("shorter than a tag")
            << kKey << kNonce << kAad << kCiphertext.left(15) << ErrorCode::Crypto;
        QTest::newRow("empty ciphertext")
            << kKey << kNonce << kAad << QByteArray() << ErrorCode::Crypto;
        QTest::newRow("16-byte key")
            << kKey.left(16) << kNonce << kAad << kCiphertext << ErrorCode::Crypto;
        QTest::newRow("33-byte key")
            << QByteArray(kKey + "x") << kNonce << kAad << kCiphertext << ErrorCode::Crypto;
        QTest::newRow("empty key")
            << QByteArray() << kNonce << kAad << kCiphertext << ErrorCode::Crypto;
        QTest::newRow("empty nonce")
            << kKey << QByteArray() << kAad << kCiphertext << ErrorCode::Crypto;
    }

    void rejected()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, nonce);
        QFETCH(QByteArray, aad);
        QFETCH(QByteArray, ciphertext);
        QFETCH(ErrorCode, code);
        const auto r = aead::decryptAes256Gcm(key, nonce, aad, ciphertext);
        QVERIFY_ERROR(r, code);
        QVERIFY(!r.error().message.contains(QString::fromLatin1(kKey)));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("nonce");
        QTest::addColumn<QByteArray>("aad");
        QTest::addColumn<QByteArray>("plain");
        QTest::newRow("certificate-like") << QByteArray("61f9c719728a") << QByteArray("certificate")
                                          << QByteArray("-----BEGIN CERTIFICATE-----\n...");
        QTest::newRow("empty plaintext")
            << QByteArray("61f9c719728a") << QByteArray("x") << QByteArray();
        QTest::newRow("non-standard nonce length")
            << QByteArray("0123456789abcdef") << QByteArray() << QByteArray("{}");
        QTest::newRow("large") << QByteArray("abcdefghijkl") << QByteArray("transaction")
                               << QByteArray(100000, 'z');
    }

    void roundTrip()
    {
        QFETCH(QByteArray, nonce);
        QFETCH(QByteArray, aad);
        QFETCH(QByteArray, plain);
        const auto c = aead::encryptAes256Gcm(kKey, nonce, aad, plain);
        QVERIFY_RESULT(c);
        QCOMPARE(c->size(), plain.size() + aead::kTagLength);
        const auto p = aead::decryptAes256Gcm(kKey, nonce, aad, *c);
        QVERIFY_RESULT(p);
        QCOMPARE(*p, plain);
    }

    void encryptRejectsBadKey()
    {
        QVERIFY_ERROR(aead::encryptAes256Gcm(kKey.left(16), kNonce, {}, "x"), ErrorCode::Crypto);
        QVERIFY_ERROR(aead::encryptAes256Gcm(kKey, {}, {}, "x"), ErrorCode::Crypto);
    }
};

QTEST_APPLESS_MAIN(tst_Aead)
#include "tst_aead.moc"
