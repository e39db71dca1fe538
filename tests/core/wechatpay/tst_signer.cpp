// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/cstime.h"
#include "testutil.h"
#include "wechatpay/signer.h"
#include "wechatpay/signing.h"

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

class tst_Signer final : public QObject
{
    Q_OBJECT

private slots:
    // The official example (spec §1.1) signed with the checked-in key must give exactly the
    // signature `openssl dgst -sha256 -sign` produced for the same text.
    void officialExample()
    {
        const auto key = PrivateKey::fromPem(readData(QStringLiteral("rsa2048_pkcs8.pem")), {});
        QVERIFY_RESULT(key);
        const Signer signer(*key, "1900000001", "1dde55ad98ed71d6edd4a4a16996de7b47773a8c");
        const auto s = signer.sign("GET", "/v3/certificates", {}, 1554208460,
                                   "593BEC0C930BF1AFEB40B4A08C8FB242");
        QVERIFY_RESULT(s);
        QCOMPARE(s->message, readData(QStringLiteral("official_example_message.txt")));
        const QByteArray expectedSig
            = readData(QStringLiteral("official_example_message.sig")).toBase64();
        QCOMPARE(s->signatureBase64, expectedSig);
        QVERIFY(!s->signatureBase64.contains('\n'));
        QCOMPARE(
            s->authorization,
            QByteArray("WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001\","
                       "nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\",timestamp=\"1554208460\","
                       "serial_no=\"1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C\",signature=\"")
                + expectedSig + '"');
        const auto parsed = signing::parseAuthorization(s->authorization);
        QVERIFY_RESULT(parsed);
        QCOMPARE(parsed->signature, expectedSig);
    }

    void freshTimestampAndNonce()
    {
        const auto key = PrivateKey::fromPem(readData(QStringLiteral("rsa2048_pkcs1.pem")), {});
        const Signer signer(*key, "1900000001", "ABC");
        const qint64 before = cst::now();
        const auto a = signer.sign("GET", "/v3/certificates", {});
        const auto b = signer.sign("GET", "/v3/certificates", {});
        QVERIFY_RESULT(a);
        QVERIFY_RESULT(b);
        QVERIFY(a->timestamp >= before && a->timestamp <= cst::now());
        QCOMPARE(a->nonce.size(), 32);
        QVERIFY(a->nonce != b->nonce);
        QVERIFY(
            key->publicKey().verifySha256(a->message, QByteArray::fromBase64(a->signatureBase64)));
    }

    void nullKey()
    {
        QVERIFY(Signer().isNull());
        QVERIFY_ERROR(Signer().sign("GET", "/", {}, 1, "n"), ErrorCode::Config);
    }
};

QTEST_APPLESS_MAIN(tst_Signer)
#include "tst_signer.moc"
