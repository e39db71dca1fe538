// SPDX-License-Identifier: GPL-3.0-or-later
#include "testutil.h"
#include "wechatpay/responseverifier.h"
#include "wechatpaytestutil.h"

#include <QTest>

#include <functional>

using namespace wxr;
using namespace wxr::core;

Q_DECLARE_METATYPE(wxr::core::VerifyFailure)

namespace {

constexpr qint64 kNow = 1795785175;
const QByteArray kCertSerial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
const QByteArray kPubKeyId = "PUB_KEY_ID_0114232134912410000000000000";
const QByteArray kBody = R"({"id":"EV-2018022511223320873","resource":{"ciphertext":"abc"}})";
const QByteArray kNonce = "fdasflkja484w";

// One way of damaging a genuine, freshly signed message.
using Mutation = std::function<void(HttpHeaders &, QByteArray &)>;

} // namespace

Q_DECLARE_METATYPE(Mutation)

class tst_ResponseVerifier final : public QObject
{
    Q_OBJECT

    PrivateKey m_certKey;
    PrivateKey m_pubKey;
    KeyStore m_keys;

private slots:
    void initTestCase()
    {
        m_certKey = test::fixedKey();
        auto k = PrivateKey::generateRsa(2048);
        QVERIFY_RESULT(k);
        m_pubKey = *k;
        m_keys.addCertificate(test::makePlatformCert(m_certKey, QString::fromLatin1(kCertSerial),
                                                     kNow - 86400, kNow + 86400));
        m_keys.setPublicKey(QString::fromLatin1(kPubKeyId), m_pubKey.publicKey());
    }

    void genuine_data()
    {
        QTest::addColumn<QByteArray>("serial");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("certificate mode") << kCertSerial << kBody;
        QTest::newRow("certificate serial lower-case") << kCertSerial.toLower() << kBody;
        QTest::newRow("public-key mode") << kPubKeyId << kBody;
        QTest::newRow("204 empty body, certificate") << kCertSerial << QByteArray();
        QTest::newRow("204 empty body, public key") << kPubKeyId << QByteArray();
        QTest::newRow("body with CRLF and UTF-8")
            << kCertSerial << QByteArray("{\"summary\":\"支付成功\"}\r\n");
    }

    void genuine()
    {
        QFETCH(QByteArray, serial);
        QFETCH(QByteArray, body);
        const PrivateKey &signer = serial == kPubKeyId ? m_pubKey : m_certKey;
        const HttpHeaders h = test::signedHeaders(signer, serial, kNow, kNonce, body);
        const VerifyResult r = verify(m_keys, h, body, kNow);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.failure, VerifyFailure::None);
        QCOMPARE(r.serial, serial);
    }

    void rejected_data()
    {
        QTest::addColumn<Mutation>("mutate");
        QTest::addColumn<VerifyFailure>("failure");

        const auto setHeader = [](const char *name, const QByteArray &value) {
            return Mutation([=](HttpHeaders &h, QByteArray &) { h.set(name, value); });
        };
        const auto dropHeader = [](const char *name) {
            return Mutation([=](HttpHeaders &h, QByteArray &) {
                HttpHeaders kept;
                for (const auto &p : h.pairs()) {
                    if (p.first.compare(name, Qt::CaseInsensitive) != 0)
                        kept.add(p.first, p.second);
                }
                h = kept;
            });
        };

        // Every field of the signed message tampered with in turn.
        QTest::newRow("timestamp changed by 1 s")
            << setHeader("Wechatpay-Timestamp", QByteArray::number(kNow + 1))
            << VerifyFailure::BadSignature;
        QTest::newRow("nonce changed")
            << setHeader("Wechatpay-Nonce", "fdasflkja484x") << VerifyFailure::BadSignature;
        QTest::newRow("body changed")
            << Mutation([](HttpHeaders &, QByteArray &b) { b.replace("EV-", "EX-"); })
            << VerifyFailure::BadSignature;
        QTest::newRow("body re-serialised (space added)")
            << Mutation([](HttpHeaders &, QByteArray &b) { b.replace("\"id\":", "\"id\": "); })
            << VerifyFailure::BadSignature;
        QTest::newRow("body trailing LF added")
            << Mutation([](HttpHeaders &, QByteArray &b) { b.append('\n'); })
            << VerifyFailure::BadSignature;
        QTest::newRow("signature byte changed") << Mutation([](HttpHeaders &h, QByteArray &) {
            QByteArray s = QByteArray::fromBase64(*h.value("Wechatpay-Signature"));
            s[10] = static_cast<char>(s[10] ^ 0x20);
            h.set("Wechatpay-Signature", s.toBase64());
        }) << VerifyFailure::BadSignature;
        QTest::newRow("serial of the other known key")
            << setHeader("Wechatpay-Serial", kPubKeyId) << VerifyFailure::BadSignature;
        QTest::newRow("unknown serial")
            << setHeader("Wechatpay-Serial", "7132D72A03E93CDDF8C03BBD1F37EEDF")
            << VerifyFailure::UnknownSerial;
        QTest::newRow("the merchant's own serial is not a platform key")
            << setHeader("Wechatpay-Serial", "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C")
            << VerifyFailure::UnknownSerial;

        // Timestamp window: accepted up to and including 300 s either way.
        QTest::newRow("timestamp +301 s")
            << setHeader("Wechatpay-Timestamp", QByteArray::number(kNow + 301))
            << VerifyFailure::StaleTimestamp;
        QTest::newRow("timestamp -301 s")
            << setHeader("Wechatpay-Timestamp", QByteArray::number(kNow - 301))
            << VerifyFailure::StaleTimestamp;
        QTest::newRow("timestamp in milliseconds")
            << setHeader("Wechatpay-Timestamp", QByteArray::number(kNow * 1000))
            << VerifyFailure::StaleTimestamp;
        QTest::newRow("timestamp not a number")
            << setHeader("Wechatpay-Timestamp", "12a4") << VerifyFailure::BadTimestamp;
        QTest::newRow("timestamp negative")
            << setHeader("Wechatpay-Timestamp", "-1795785175") << VerifyFailure::BadTimestamp;
        QTest::newRow("timestamp RFC 3339")
            << setHeader("Wechatpay-Timestamp", "2026-11-27T13:12:55+08:00")
            << VerifyFailure::BadTimestamp;

        // Missing headers: a 2xx without them is forged.
        QTest::newRow("no Wechatpay-Signature")
            << dropHeader("Wechatpay-Signature") << VerifyFailure::MissingHeader;
        QTest::newRow("no Wechatpay-Serial")
            << dropHeader("Wechatpay-Serial") << VerifyFailure::MissingHeader;
        QTest::newRow("no Wechatpay-Timestamp")
            << dropHeader("Wechatpay-Timestamp") << VerifyFailure::MissingHeader;
        QTest::newRow("no Wechatpay-Nonce")
            << dropHeader("Wechatpay-Nonce") << VerifyFailure::MissingHeader;
        QTest::newRow("empty Wechatpay-Signature")
            << setHeader("Wechatpay-Signature", "") << VerifyFailure::MissingHeader;
        QTest::newRow("no headers at all")
            << Mutation([](HttpHeaders &h, QByteArray &) { h = HttpHeaders(); })
            << VerifyFailure::MissingHeader;

        // Probes (spec §2.5): never accepted, never a crash, counted separately.
        QTest::newRow("probe signature")
            << setHeader("Wechatpay-Signature", "WECHATPAY/SIGNTEST/ODg2NzA0OTI4NTc5ODAyMTU1MA==")
            << VerifyFailure::Probe;
        QTest::newRow("bare probe prefix")
            << setHeader("Wechatpay-Signature", "WECHATPAY/SIGNTEST/") << VerifyFailure::Probe;
        QTest::newRow("probe with an unknown serial too")
            << Mutation([](HttpHeaders &h, QByteArray &) {
                   h.set("Wechatpay-Signature", "WECHATPAY/SIGNTEST/abc");
                   h.set("Wechatpay-Serial", "FFFF");
               })
            << VerifyFailure::Probe;

        QTest::newRow("signature not Base64")
            << setHeader("Wechatpay-Signature", "***not base64***") << VerifyFailure::BadSignature;
        QTest::newRow("signature truncated") << Mutation([](HttpHeaders &h, QByteArray &) {
            h.set("Wechatpay-Signature", h.value("Wechatpay-Signature")->left(40));
        }) << VerifyFailure::BadSignature;
        QTest::newRow("SM2 signature type")
            << setHeader("Wechatpay-Signature-Type", "WECHATPAY2-SM2-WITH-SM3")
            << VerifyFailure::UnsupportedSignatureType;
    }

    void rejected()
    {
        QFETCH(Mutation, mutate);
        QFETCH(VerifyFailure, failure);
        HttpHeaders h = test::signedHeaders(m_certKey, kCertSerial, kNow, kNonce, kBody);
        QByteArray body = kBody;
        mutate(h, body);
        const VerifyResult r = verify(m_keys, h, body, kNow);
        QCOMPARE(r.failure, failure);
        QVERIFY(!r.ok());
        QVERIFY(!r.message.isEmpty());
        const Error e = r.toError();
        QCOMPARE(e.code, ErrorCode::Verification);
        QCOMPARE(e.detail, verifyFailureName(failure));
    }

    void timestampWindow_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<bool>("accepted");
        for (qint64 o : {0, 299, -299, 300, -300})
            QTest::addRow("%+lld s", static_cast<long long>(o)) << o << true;
        for (qint64 o : {301, -301, 3600})
            QTest::addRow("%+lld s", static_cast<long long>(o)) << o << false;
    }

    // The message is signed at ts; local time is ts + offset.
    void timestampWindow()
    {
        QFETCH(qint64, offset);
        QFETCH(bool, accepted);
        const HttpHeaders h = test::signedHeaders(m_certKey, kCertSerial, kNow, kNonce, kBody);
        const VerifyResult r = verify(m_keys, h, kBody, kNow + offset);
        QCOMPARE(r.ok(), accepted);
        if (!accepted)
            QCOMPARE(r.failure, VerifyFailure::StaleTimestamp);
    }

    void headerNamesCaseInsensitive()
    {
        const HttpHeaders signedH = test::signedHeaders(m_pubKey, kPubKeyId, kNow, kNonce, kBody);
        HttpHeaders lower;
        for (const auto &p : signedH.pairs())
            lower.add(p.first.toLower(), p.second);
        QVERIFY(verify(m_keys, lower, kBody, kNow).ok());
    }

    void signatureTypeOptionalAndCaseInsensitive()
    {
        HttpHeaders h = test::signedHeaders(m_certKey, kCertSerial, kNow, kNonce, kBody);
        h.set("Wechatpay-Signature-Type", "wechatpay2-sha256-rsa2048");
        QVERIFY(verify(m_keys, h, kBody, kNow).ok());
        HttpHeaders without;
        for (const auto &p : h.pairs()) {
            if (p.first != "Wechatpay-Signature-Type")
                without.add(p.first, p.second);
        }
        QVERIFY(verify(m_keys, without, kBody, kNow).ok());
    }

    // Unknown serial, then the certificate arrives (a refresh): the same message verifies.
    void unknownSerialThenRefresh()
    {
        auto keys = std::make_shared<KeyStore>();
        auto next = PrivateKey::generateRsa(2048);
        QVERIFY_RESULT(next);
        const HttpHeaders h = test::signedHeaders(*next, "6A2B", kNow, kNonce, kBody);
        const ResponseVerifier verifier(keys, [] { return kNow; });
        QCOMPARE(verifier.verify(h, kBody).failure, VerifyFailure::UnknownSerial);
        QCOMPARE(verifier.verify(h, kBody).serial, QByteArray("6A2B"));
        keys->replaceCertificates(
            {test::makePlatformCert(*next, QStringLiteral("6A2B"), kNow - 10, kNow + 86400)}, kNow);
        QVERIFY(verifier.verify(h, kBody).ok());
    }

    void expiredCertificateIsNotUsable()
    {
        KeyStore keys;
        keys.addCertificate(
            test::makePlatformCert(m_certKey, QStringLiteral("AA"), kNow - 1000, kNow - 1));
        const HttpHeaders h = test::signedHeaders(m_certKey, "AA", kNow, kNonce, kBody);
        const VerifyResult r = verify(keys, h, kBody, kNow);
        QCOMPARE(r.failure, VerifyFailure::UnknownSerial);
        QVERIFY(r.message.contains(QStringLiteral("not valid")));
    }

    void failureNamesAreDistinct()
    {
        QSet<QString> names;
        for (auto f : {VerifyFailure::None, VerifyFailure::MissingHeader,
                       VerifyFailure::BadTimestamp, VerifyFailure::StaleTimestamp,
                       VerifyFailure::UnknownSerial, VerifyFailure::BadSignature,
                       VerifyFailure::Probe, VerifyFailure::UnsupportedSignatureType})
            names.insert(verifyFailureName(f));
        QCOMPARE(names.size(), 8);
    }
};

QTEST_APPLESS_MAIN(tst_ResponseVerifier)
#include "tst_responseverifier.moc"
