// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/aead.h"
#include "fakewechatpay.h"
#include "testutil.h"
#include "wechatpay/apiclient.h"
#include "wechatpay/gzip.h"
#include "wechatpaytestutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace wxr;
using namespace wxr::core;
using namespace wxr::core::test;

namespace {

const QByteArray kApiV3Key = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
const QByteArray kSerialA = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
const QByteArray kSerialB = "7132D72A03E93CDDF8C03BBD1F37EEDF";
const QByteArray kPubKeyId = "PUB_KEY_ID_0114232134912410000000000000";
const QByteArray kMerchantSerial = "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C";

template<typename T>
T await(QFuture<T> f)
{
    if (!QTest::qWaitFor([&] { return f.isFinished(); }, 20000))
        qFatal("future did not finish");
    return f.result();
}

QByteArray orderJson(const QByteArray &outTradeNo, const QByteArray &state)
{
    return R"({"appid":"wxd678efh567hg6787","mchid":"1900000001","out_trade_no":")" + outTradeNo
           + R"(","transaction_id":"4200000000202611260000000001","trade_type":"JSAPI","trade_state":")"
           + state
           + R"(","trade_state_desc":"ok","bank_type":"CMC","success_time":"2026-11-26T10:12:00+08:00","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},"amount":{"total":1250,"payer_total":1200,"currency":"CNY","payer_currency":"CNY"}})";
}

} // namespace

class tst_ApiClient final : public QObject
{
    Q_OBJECT

    PrivateKey m_merchant;
    PrivateKey m_keyA;   // platform certificate A
    PrivateKey m_keyB;   // platform certificate B (rotation)
    PrivateKey m_keyPub; // WeChat Pay public key
    std::unique_ptr<FakeWechatPay> m_server;

    PlatformCertificate certA() const
    {
        return makePlatformCert(m_keyA, QString::fromLatin1(kSerialA), cst::now() - 86400,
                                cst::now() + 400 * 86400);
    }
    PlatformCertificate certB() const
    {
        return makePlatformCert(m_keyB, QString::fromLatin1(kSerialB), cst::now() - 600,
                                cst::now() + 1800 * 86400);
    }

    MerchantConfig config(KeyMode mode = KeyMode::Certificates) const
    {
        MerchantConfig c;
        c.mchid = QStringLiteral("1900000001");
        c.serialNo = QString::fromLatin1(kMerchantSerial);
        c.apiV3Key = kApiV3Key;
        c.apiBase = m_server->base();
        c.keyMode = mode;
        if (mode != KeyMode::Certificates)
            c.publicKeyId = QString::fromLatin1(kPubKeyId);
        c.client.backoffBaseMs = 2;
        c.client.backoffCapMs = 20;
        c.client.maxRetries = 3;
        c.client.queryRatePerSecond = 1000;
        c.client.billRatePerSecond = 1000;
        c.client.timeoutMs = 5000;
        return c;
    }

    std::unique_ptr<ApiClient> client(const MerchantConfig &c, std::shared_ptr<KeyStore> keys = {})
    {
        if (!keys) {
            keys = std::make_shared<KeyStore>();
            if (c.usesPlatformCertificates())
                keys->addCertificate(certA());
            if (c.usesPublicKey())
                keys->setPublicKey(QString::fromLatin1(kPubKeyId), m_keyPub.publicKey());
        }
        return std::make_unique<ApiClient>(c, m_merchant, keys);
    }

    QByteArray certificateListJson(const QList<PlatformCertificate> &certs,
                                   const QByteArray &apiV3Key = kApiV3Key) const
    {
        QJsonArray data;
        for (const PlatformCertificate &c : certs) {
            const auto ct = aead::encryptAes256Gcm(apiV3Key, "61f9c719728a", "certificate",
                                                   c.certificate.toPem());
            data.append(QJsonObject{
                {QStringLiteral("serial_no"), c.serialNo},
                // The documented sample's stray blank in the key name must be tolerated.
                {QStringLiteral("effective_time "), cst::formatRfc3339(c.effectiveTime)},
                {QStringLiteral("expire_time"), cst::formatRfc3339(c.expireTime)},
                {QStringLiteral("encrypt_certificate"),
                 QJsonObject{
                     {QStringLiteral("algorithm"), QStringLiteral("AEAD_AES_256_GCM")},
                     {QStringLiteral("nonce"), QStringLiteral("61f9c719728a")},
                     {QStringLiteral("associated_data"), QStringLiteral("certificate")},
                     {QStringLiteral("ciphertext"), QString::fromLatin1(ct->toBase64())}}}});
        }
        return QJsonDocument(QJsonObject{{QStringLiteral("data"), data}})
            .toJson(QJsonDocument::Compact);
    }

private slots:
    void initTestCase()
    {
        m_merchant = *PrivateKey::generateRsa(2048);
        m_keyA = fixedKey();
        m_keyB = *PrivateKey::generateRsa(2048);
        m_keyPub = *PrivateKey::generateRsa(2048);
        m_server = std::make_unique<FakeWechatPay>(m_merchant.publicKey());
        QVERIFY(m_server->port() != 0);
    }

    void init() { m_server->clear(); }

    void queryOrderSignedAndVerified()
    {
        m_server->setHandler([&](const Received &) {
            return signedReply(m_keyA, kSerialA, 200, orderJson("T20261126001", "SUCCESS"));
        });
        auto c = client(config());
        const auto r = await(c->queryOrderByOutTradeNo(QStringLiteral("T20261126001")));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.apiError().message));
        QCOMPARE(r->tradeState, TradeState::Success);
        QCOMPARE(r->amountTotal, std::optional<qint64>(1250));
        QCOMPARE(r->payerTotal, std::optional<qint64>(1200));
        QCOMPARE(r->successTime, std::optional<qint64>(1795659120));
        QCOMPARE(r->successTimeText, QStringLiteral("2026-11-26T10:12:00+08:00"));
        QCOMPARE(r->requestId, QByteArray("08F1-200"));

        const auto got = m_server->received();
        QCOMPARE(got.size(), 1);
        const Received &req = got.first();
        QCOMPARE(req.method, QByteArray("GET"));
        QCOMPARE(req.pathAndQuery,
                 QByteArray("/v3/pay/transactions/out-trade-no/T20261126001?mchid=1900000001"));
        QVERIFY(req.signatureOk);
        QCOMPARE(*req.headers.value("Accept"), QByteArray("application/json"));
        QVERIFY(req.headers.value("User-Agent")->startsWith("wxrecon/"));
        QCOMPARE(*req.headers.value("Wechatpay-Serial"), kSerialA);
        const auto auth = signing::parseAuthorization(*req.headers.value("Authorization"));
        QVERIFY_RESULT(auth);
        QCOMPARE(auth->mchid, QByteArray("1900000001"));
        QCOMPARE(auth->serialNo, kMerchantSerial);
        QCOMPARE(auth->nonce.size(), 32);
    }

    void queryByTransactionIdAndRefund()
    {
        m_server->setHandler([&](const Received &req) {
            if (req.pathAndQuery.startsWith("/v3/refund/"))
                return signedReply(
                    m_keyA, kSerialA, 200,
                    R"({"refund_id":"50000000382019052709732678859","out_refund_no":"R|1@x","out_trade_no":"T1","status":"PROCESSING","create_time":"2026-11-26T10:12:00+08:00","amount":{"total":100,"refund":40,"payer_total":100,"payer_refund":40,"currency":"CNY"}})");
            return signedReply(m_keyA, kSerialA, 200, orderJson("T1", "NOTPAY"));
        });
        auto c = client(config());
        const auto t
            = await(c->queryOrderByTransactionId(QStringLiteral("4200000000202611260000000001")));
        QVERIFY(t.ok());
        QCOMPARE(t->tradeState, TradeState::NotPay);
        const auto f = await(c->queryRefund(QStringLiteral("R|1@x")));
        QVERIFY2(f.ok(), qPrintable(f.ok() ? QString() : f.apiError().message));
        QCOMPARE(f->status, RefundStatus::Processing);
        QCOMPARE(f->amountRefund, std::optional<qint64>(40));
        const auto got = m_server->received();
        QCOMPARE(
            got[0].pathAndQuery,
            QByteArray("/v3/pay/transactions/id/4200000000202611260000000001?mchid=1900000001"));
        QCOMPARE(got[1].pathAndQuery, QByteArray("/v3/refund/domestic/refunds/R%7C1@x"));
        QVERIFY(got[1].signatureOk);
    }

    void unknownTradeStateKeepsPolling()
    {
        m_server->setHandler([&](const Received &) {
            return signedReply(m_keyA, kSerialA, 200, orderJson("T2", "SOMETHING_NEW"));
        });
        auto c = client(config());
        const auto r = await(c->queryOrderByOutTradeNo(QStringLiteral("T2")));
        QVERIFY(r.ok());
        QCOMPARE(r->tradeState, TradeState::Unknown);
        QCOMPARE(r->tradeStateText, QStringLiteral("SOMETHING_NEW"));
        QVERIFY(!isTerminal(r->tradeState));
    }

    void answerForAnotherOrderIsRejected()
    {
        m_server->setHandler([&](const Received &) {
            return signedReply(m_keyA, kSerialA, 200, orderJson("T999", "SUCCESS"));
        });
        auto c = client(config());
        const auto r = await(c->queryOrderByOutTradeNo(QStringLiteral("T2")));
        QVERIFY(!r.ok());
        QCOMPARE(r.apiError().kind, ErrorCode::InvalidInput);
    }

    void retries_data()
    {
        QTest::addColumn<QList<int>>("statuses"); // answers in order; the last one repeats
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<int>("requests");
        QTest::addColumn<int>("finalStatus");
        QTest::newRow("500 twice then 200") << QList<int>{500, 500, 200} << true << 3 << 200;
        QTest::newRow("429 then 200") << QList<int>{429, 200} << true << 2 << 200;
        QTest::newRow("503 then 502 then 200") << QList<int>{503, 502, 200} << true << 3 << 200;
        QTest::newRow("500 until retries run out") << QList<int>{500} << false << 4 << 500;
        QTest::newRow("no retry on 400") << QList<int>{400, 200} << false << 1 << 400;
        QTest::newRow("no retry on 401") << QList<int>{401, 200} << false << 1 << 401;
        QTest::newRow("no retry on 403") << QList<int>{403, 200} << false << 1 << 403;
        QTest::newRow("no retry on 404") << QList<int>{404, 200} << false << 1 << 404;
    }

    void retries()
    {
        QFETCH(QList<int>, statuses);
        QFETCH(bool, succeeds);
        QFETCH(int, requests);
        QFETCH(int, finalStatus);
        int n = 0;
        m_server->setHandler([&](const Received &) {
            const int status = statuses.value(n, statuses.last());
            ++n;
            if (status == 200)
                return signedReply(m_keyA, kSerialA, 200, orderJson("T3", "SUCCESS"));
            return errorReply(status, status == 429   ? "FREQUENCY_LIMITED"
                                      : status == 401 ? "SIGN_ERROR"
                                                      : "SYSTEM_ERROR");
        });
        auto c = client(config());
        QList<double> jitter;
        c->setRandom([&] {
            jitter.append(0.5);
            return 0.5;
        });
        const auto r = await(c->queryOrderByOutTradeNo(QStringLiteral("T3")));
        QCOMPARE(r.ok(), succeeds);
        QCOMPARE(m_server->count(), requests);
        QCOMPARE(jitter.size(), succeeds ? requests - 1 : (requests > 1 ? requests - 1 : 0));
        if (!succeeds) {
            QCOMPARE(r.apiError().httpStatus, finalStatus);
            QCOMPARE(r.apiError().attempts, requests);
            QVERIFY(!r.apiError().requestId.isEmpty());
            QCOMPARE(r.apiError().kind, finalStatus == 404 ? ErrorCode::NotFound : ErrorCode::Api);
        }
        // Each retry is signed afresh.
        const auto got = m_server->received();
        for (const Received &req : got)
            QVERIFY(req.signatureOk);
        if (got.size() > 1)
            QVERIFY(*got[0].headers.value("Authorization")
                    != *got[1].headers.value("Authorization"));
    }

    void backoffGrowsExponentially()
    {
        QList<qint64> at;
        m_server->setHandler([&](const Received &req) {
            at.append(req.atMs);
            return errorReply(500, "SYSTEM_ERROR");
        });
        MerchantConfig cfg = config();
        cfg.client.backoffBaseMs = 40;
        cfg.client.backoffCapMs = 1000;
        cfg.client.maxRetries = 3;
        auto c = client(cfg);
        c->setRandom([] { return 0.999; }); // the top of each jitter range: 40, 80, 160 ms
        const auto r = await(c->queryOrderByOutTradeNo(QStringLiteral("T4")));
        QVERIFY(!r.ok());
        QCOMPARE(at.size(), 4);
        QVERIFY2(at[1] - at[0] >= 35, qPrintable(QString::number(at[1] - at[0])));
        QVERIFY2(at[2] - at[1] >= 75, qPrintable(QString::number(at[2] - at[1])));
        QVERIFY2(at[3] - at[2] >= 155, qPrintable(QString::number(at[3] - at[2])));
    }

    void notFoundBothSpellings_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("404 ORDER_NOT_EXIST") << 404 << QByteArray("ORDER_NOT_EXIST");
        QTest::newRow("404 ORDERNOTEXIST") << 404 << QByteArray("ORDERNOTEXIST");
        QTest::newRow("400 ORDERNOTEXIST") << 400 << QByteArray("ORDERNOTEXIST");
        QTest::newRow("404 RESOURCE_NOT_EXISTS") << 404 << QByteArray("RESOURCE_NOT_EXISTS");
    }

    void notFoundBothSpellings()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        m_server->setHandler(
            [&](const Received &) { return errorReply(status, code, "查询单据不存在"); });
        auto c = client(config());
        const auto r = await(c->queryOrderByOutTradeNo(QStringLiteral("T5")));
        QVERIFY(!r.ok());
        QVERIFY(r.apiError().isNotFound());
        QCOMPARE(r.apiError().code, QString::fromLatin1(code));
        QCOMPARE(r.apiError().apiMessage, QStringLiteral("查询单据不存在"));
        QCOMPARE(r.apiError().requestId, "08F1-ERR-" + code);
        QVERIFY(r.error().detail.contains(QStringLiteral("Request-ID")));
        QCOMPARE(m_server->count(), 1);
    }

    void rateLimitBoth_data()
    {
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("RATELIMIT_EXCEEDED") << QByteArray("RATELIMIT_EXCEEDED");
        QTest::newRow("FREQUENCY_LIMITED") << QByteArray("FREQUENCY_LIMITED");
    }

    void rateLimitBoth()
    {
        QFETCH(QByteArray, code);
        m_server->setHandler([&](const Received &) { return errorReply(429, code); });
        MerchantConfig cfg = config();
        cfg.client.maxRetries = 1;
        auto c = client(cfg);
        const auto r = await(c->queryOrderByOutTradeNo(QStringLiteral("T6")));
        QVERIFY(!r.ok());
        QVERIFY(r.apiError().isRateLimited());
        QCOMPARE(m_server->count(), 2);
    }

    void networkErrorRetriedThenReported()
    {
        quint16 deadPort = 0;
        {
            FakeWechatPay tmp(m_merchant.publicKey());
            deadPort = tmp.port();
        }
        MerchantConfig cfg = config();
        cfg.apiBase = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(deadPort));
        cfg.client.maxRetries = 2;
        auto c = client(cfg);
        int draws = 0;
        c->setRandom([&] {
            ++draws;
            return 0.0;
        });
        const auto r = await(c->queryOrderByOutTradeNo(QStringLiteral("T7")));
        QVERIFY(!r.ok());
        QCOMPARE(r.apiError().kind, ErrorCode::Network);
        QCOMPARE(r.apiError().attempts, 3);
        QCOMPARE(draws, 2);
    }

    void timeout()
    {
        m_server->setHandler([](const Received &) {
            Reply r;
            r.hold = true;
            return r;
        });
        MerchantConfig cfg = config();
        cfg.client.timeoutMs = 200;
        cfg.client.maxRetries = 0;
        auto c = client(cfg);
        QElapsedTimer t;
        t.start();
        const auto r = await(c->queryOrderByOutTradeNo(QStringLiteral("T8")));
        QVERIFY(!r.ok());
        QCOMPARE(r.apiError().kind, ErrorCode::Network);
        QVERIFY(t.elapsed() >= 150);
    }

    void nonIdempotentCallIsNotRetried()
    {
        m_server->setHandler([](const Received &) { return errorReply(500, "SYSTEM_ERROR"); });
        auto c = client(config());
        ApiClient::Request req;
        req.method = "POST";
        req.url = c->endpointUrl("/v3/refund/domestic/refunds");
        req.body = R"({"out_refund_no":"R1"})";
        req.idempotent = false;
        req.what = QStringLiteral("a refund");
        const auto r = await(c->send(req));
        QVERIFY(!r.ok());
        QCOMPARE(m_server->count(), 1);
        QCOMPARE(*m_server->received().first().headers.value("Content-Type"),
                 QByteArray("application/json"));
        QVERIFY(m_server->received().first().signatureOk);
    }

    // The fixture counts requests per second: never more than the configured rate (+ burst).
    void rateLimitRespected()
    {
        m_server->setHandler([&](const Received &) {
            return signedReply(m_keyA, kSerialA, 200, orderJson("T9", "NOTPAY"));
        });
        MerchantConfig cfg = config();
        cfg.client.queryRatePerSecond = 20;
        cfg.client.burst = 1;
        auto c = client(cfg);
        QList<QFuture<ApiResult<WechatTransaction>>> futures;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < 30; ++i)
            futures.append(c->queryOrderByOutTradeNo(QStringLiteral("T9")));
        for (auto &f : futures)
            QVERIFY(await(f).ok());
        QVERIFY2(t.elapsed() >= 1400, qPrintable(QString::number(t.elapsed())));
        const auto got = m_server->received();
        QCOMPARE(got.size(), 30);
        int maxInWindow = 0;
        for (int i = 0; i < got.size(); ++i) {
            int n = 0;
            for (int j = i; j < got.size() && got[j].atMs - got[i].atMs < 1000; ++j)
                ++n;
            maxInWindow = std::max(maxInWindow, n);
        }
        QVERIFY2(maxInWindow <= 21, qPrintable(QString::number(maxInWindow)));
    }

    void billFamilyHasItsOwnLimit()
    {
        m_server->setHandler(
            [&](const Received &) { return errorReply(400, "NO_STATEMENT_EXIST", "no bill"); });
        MerchantConfig cfg = config();
        cfg.client.billRatePerSecond = 4;
        cfg.client.queryRatePerSecond = 1000;
        auto c = client(cfg);
        QElapsedTimer t;
        t.start();
        auto a = c->downloadTradeBill(QDate(2026, 11, 25));
        auto b = c->downloadTradeBill(QDate(2026, 11, 24));
        auto q = c->downloadFundFlowBill(QDate(2026, 11, 23));
        QVERIFY(await(a).ok());
        QVERIFY(await(b).ok());
        QVERIFY(await(q).ok());
        QVERIFY2(t.elapsed() >= 450, qPrintable(QString::number(t.elapsed())));
    }

    void responseVerificationFailures_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<VerifyFailure>("failure");
        QTest::newRow("body altered after signing") << 0 << VerifyFailure::BadSignature;
        QTest::newRow("missing signature headers: forged") << 1 << VerifyFailure::MissingHeader;
        QTest::newRow("stale timestamp") << 2 << VerifyFailure::StaleTimestamp;
        QTest::newRow("signed by an unknown key, refresh does not know it")
            << 3 << VerifyFailure::UnknownSerial;
        QTest::newRow("probe") << 4 << VerifyFailure::Probe;
    }

    void responseVerificationFailures()
    {
        QFETCH(int, which);
        QFETCH(VerifyFailure, failure);
        m_server->setHandler([&](const Received &req) {
            if (req.pathAndQuery == "/v3/certificates")
                return signedReply(m_keyA, kSerialA, 200, certificateListJson({certA()}));
            Reply r = signedReply(m_keyA, kSerialA, 200, orderJson("T10", "SUCCESS"));
            switch (which) {
            case 0:
                r.body.replace("1250", "9999");
                break;
            case 1:
                r.headers = {{"Content-Type", "application/json"}, {"Request-ID", "forged"}};
                break;
            case 2:
                r = signedReply(m_keyA, kSerialA, 200, orderJson("T10", "SUCCESS"),
                                cst::now() - 600);
                break;
            case 3:
                r = signedReply(m_keyB, kSerialB, 200, orderJson("T10", "SUCCESS"));
                break;
            case 4:
                for (auto &h : r.headers) {
                    if (h.first == "Wechatpay-Signature")
                        h.second = "WECHATPAY/SIGNTEST/ODg2NzA0OTI4NTc5ODAyMTU1MA==";
                }
                break;
            }
            return r;
        });
        auto c = client(config());
        const auto r = await(c->queryOrderByOutTradeNo(QStringLiteral("T10")));
        QVERIFY(!r.ok()); // no parsed body on any failure
        QCOMPARE(r.apiError().kind, ErrorCode::Verification);
        QCOMPARE(r.apiError().verifyFailure, failure);
        QCOMPARE(r.apiError().httpStatus, 200);
        QCOMPARE(m_server->count("/v3/certificates"), which == 3 ? 1 : 0);
    }

    // Rotation: the answer is signed with certificate B, which the client does not know yet;
    // one refresh brings B in and the same answer then verifies.
    void unknownSerialTriggersOneRefresh()
    {
        m_server->setHandler([&](const Received &req) {
            if (req.pathAndQuery == "/v3/certificates")
                return signedReply(m_keyA, kSerialA, 200, certificateListJson({certA(), certB()}));
            return signedReply(m_keyB, kSerialB, 200, orderJson("T11", "SUCCESS"));
        });
        auto c = client(config());
        QSignalSpy refreshed(c.get(), &ApiClient::certificatesRefreshed);
        const auto r = await(c->queryOrderByOutTradeNo(QStringLiteral("T11")));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.apiError().message));
        QCOMPARE(m_server->count("/v3/certificates"), 1);
        QCOMPARE(refreshed.size(), 1);
        QCOMPARE(refreshed.first().at(0).toStringList(),
                 QStringList{QString::fromLatin1(kSerialB)});
        QVERIFY(c->keyStore()->knows(QString::fromLatin1(kSerialB)));
        // Newest certificate (latest effective time) is advertised from now on.
        QCOMPARE(c->keyStore()->advertisedSerial(), QString::fromLatin1(kSerialB));
        // A second unknown serial within the rate-limit window does not refresh again.
        m_server->setHandler([&](const Received &req) {
            if (req.pathAndQuery == "/v3/certificates")
                return signedReply(m_keyA, kSerialA, 200, certificateListJson({certA(), certB()}));
            return signedReply(m_keyPub, "ABCDEF", 200, orderJson("T11", "SUCCESS"));
        });
        const auto r2 = await(c->queryOrderByOutTradeNo(QStringLiteral("T11")));
        QVERIFY(!r2.ok());
        QCOMPARE(r2.apiError().verifyFailure, VerifyFailure::UnknownSerial);
        QCOMPARE(m_server->count("/v3/certificates"), 1);
    }

    void refreshForUnknownSerialForTheReceiver()
    {
        m_server->setHandler([&](const Received &) {
            return signedReply(m_keyA, kSerialA, 200, certificateListJson({certA(), certB()}));
        });
        auto c = client(config());
        QVERIFY(
            await(c->refreshForUnknownSerial(QString::fromLatin1(kSerialA)))); // known: no request
        QCOMPARE(m_server->count(), 0);
        QVERIFY(await(c->refreshForUnknownSerial(QString::fromLatin1(kSerialB))));
        QCOMPARE(m_server->count(), 1);
        QVERIFY(!await(c->refreshForUnknownSerial(QStringLiteral("FFFF")))); // rate-limited
        QCOMPARE(m_server->count(), 1);
        auto pubOnly = client(config(KeyMode::PublicKey));
        QVERIFY(!await(pubOnly->refreshForUnknownSerial(QStringLiteral("FFFF"))));
        QCOMPARE(m_server->count(), 1);
    }

    // First download: nothing trusted yet; the answer is verified with the listed certificate
    // whose serial signed it (authentic through the AEAD tag), then cached owner-only.
    void bootstrapCertificatesAndCache()
    {
        QTemporaryDir tmp;
        m_server->setHandler([&](const Received &) {
            return signedReply(m_keyB, kSerialB, 200, certificateListJson({certA(), certB()}));
        });
        MerchantConfig cfg = config();
        cfg.platformCertDir = tmp.filePath(QStringLiteral("certs"));
        auto c = client(cfg, std::make_shared<KeyStore>());
        QSignalSpy expiring(c.get(), &ApiClient::certificateExpiring);
        const auto r = await(c->refreshCertificates());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.apiError().message));
        QCOMPARE(r->added.size(), 2);
        QCOMPARE(r->certificates.size(), 2);
        QVERIFY(r->cacheWarning.isEmpty());
        QCOMPARE(expiring.size(), 0);
        const QFileInfo cache(QDir(cfg.platformCertDir).filePath(KeyStore::cacheFileName()));
        QVERIFY(cache.exists());
        QCOMPARE(cache.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        KeyStore reloaded;
        QCOMPARE(*reloaded.loadFrom(cfg.platformCertDir, cst::now()), 2);
        // No Wechatpay-Serial to advertise before the first download.
        QVERIFY(!m_server->received().first().headers.contains("Wechatpay-Serial"));
    }

    void bootstrapRejectsForeignSignature()
    {
        m_server->setHandler([&](const Received &) {
            // Signed by a key that is not among the listed certificates.
            return signedReply(m_keyPub, kSerialB, 200, certificateListJson({certA(), certB()}));
        });
        auto c = client(config(), std::make_shared<KeyStore>());
        const auto r = await(c->refreshCertificates());
        QVERIFY(!r.ok());
        QCOMPARE(r.apiError().kind, ErrorCode::Verification);
        QVERIFY(c->keyStore()->isEmpty());
    }

    void certificatesWithWrongApiV3Key()
    {
        m_server->setHandler([&](const Received &) {
            return signedReply(m_keyA, kSerialA, 200,
                               certificateListJson({certA()}, "b7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb"));
        });
        auto c = client(config());
        const auto r = await(c->refreshCertificates());
        QVERIFY(!r.ok());
        QCOMPARE(r.apiError().kind, ErrorCode::Verification);
        QVERIFY(c->keyStore()->knows(QString::fromLatin1(kSerialA))); // the old set is kept
    }

    void noCertificates_data()
    {
        QTest::addColumn<int>("variant");
        QTest::addColumn<bool>("withPublicKey");
        QTest::addColumn<bool>("ok");
        for (bool pub : {true, false}) {
            const char *mode = pub ? "public key configured" : "no public key";
            QTest::addRow("empty list, %s", mode) << 0 << pub << pub;
            QTest::addRow("404 RESOURCE_NOT_EXISTS, %s", mode) << 1 << pub << pub;
            QTest::addRow("404 NOT_FOUND, %s", mode) << 2 << pub << pub;
            QTest::addRow("400 NOT_FOUND, %s", mode) << 3 << pub << pub;
        }
    }

    void noCertificates()
    {
        QFETCH(int, variant);
        QFETCH(bool, withPublicKey);
        QFETCH(bool, ok);
        m_server->setHandler([&](const Received &) {
            switch (variant) {
            case 0:
                return withPublicKey ? signedReply(m_keyPub, kPubKeyId, 200, R"({"data":[]})")
                                     : signedReply(m_keyA, kSerialA, 200, R"({"data":[]})");
            case 1:
                return errorReply(404, "RESOURCE_NOT_EXISTS", "无可用的平台证书");
            case 2:
                return errorReply(404, "NOT_FOUND");
            default:
                return errorReply(400, "NOT_FOUND");
            }
        });
        auto c = client(config(withPublicKey ? KeyMode::Both : KeyMode::Certificates));
        const auto r = await(c->refreshCertificates());
        QCOMPARE(r.ok(), ok);
        if (ok) {
            QVERIFY(r->noCertificates);
            QCOMPARE(c->keyStore()->mode(), std::optional<KeyMode>(KeyMode::PublicKey));
        } else {
            QCOMPARE(r.apiError().kind, ErrorCode::Config);
            QVERIFY(r.apiError().message.contains(QStringLiteral("public key")));
        }
    }

    // Public-key mode and certificate mode side by side: the client advertises the public-key
    // id, and answers signed with either key verify.
    void publicKeyModeSideBySide()
    {
        bool usePublicKey = true;
        m_server->setHandler([&](const Received &) {
            return usePublicKey ? signedReply(m_keyPub, kPubKeyId, 200, orderJson("T12", "SUCCESS"))
                                : signedReply(m_keyA, kSerialA, 200, orderJson("T12", "SUCCESS"));
        });
        auto c = client(config(KeyMode::Both));
        QVERIFY(await(c->queryOrderByOutTradeNo(QStringLiteral("T12"))).ok());
        usePublicKey = false;
        QVERIFY(await(c->queryOrderByOutTradeNo(QStringLiteral("T12"))).ok());
        for (const Received &req : m_server->received())
            QCOMPARE(*req.headers.value("Wechatpay-Serial"), kPubKeyId);

        auto pubOnly = client(config(KeyMode::PublicKey));
        const auto r = await(pubOnly->queryOrderByOutTradeNo(QStringLiteral("T12")));
        QVERIFY(!r.ok()); // signed with a platform certificate it does not have
        QCOMPARE(r.apiError().verifyFailure, VerifyFailure::UnknownSerial);
        QCOMPARE(m_server->count("/v3/certificates"), 0);
    }

    void closeOrder()
    {
        bool sign = true;
        m_server->setHandler([&](const Received &) {
            if (sign)
                return signedReply(m_keyA, kSerialA, 204, {});
            Reply r;
            r.status = 204;
            return r;
        });
        auto c = client(config());
        const auto ok = await(c->closeOrder(QStringLiteral("T13")));
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.apiError().message));
        const Received req = m_server->received().first();
        QCOMPARE(req.method, QByteArray("POST"));
        QCOMPARE(req.pathAndQuery, QByteArray("/v3/pay/transactions/out-trade-no/T13/close"));
        QCOMPARE(req.body, QByteArray(R"({"mchid":"1900000001"})"));
        QVERIFY(req.signatureOk);
        sign = false;
        const auto forged = await(c->closeOrder(QStringLiteral("T13")));
        QVERIFY(!forged.ok());
        QCOMPARE(forged.apiError().verifyFailure, VerifyFailure::MissingHeader);
    }

    void invalidArgumentsSendNothing_data()
    {
        QTest::addColumn<int>("call");
        QTest::addColumn<QString>("argument");
        QTest::newRow("slash in out_trade_no") << 0 << "T1/../x";
        QTest::newRow("query in out_trade_no") << 0 << "T1?mchid=2";
        QTest::newRow("33 characters") << 0 << QString(33, u'a');
        QTest::newRow("empty") << 0 << "";
        QTest::newRow("letters in transaction_id") << 1 << "42000x";
        QTest::newRow("space in out_refund_no") << 2 << "R 1";
        QTest::newRow("close with slash") << 3 << "a/b";
    }

    void invalidArgumentsSendNothing()
    {
        QFETCH(int, call);
        QFETCH(QString, argument);
        auto c = client(config());
        ErrorCode kind = ErrorCode::Internal;
        switch (call) {
        case 0:
            kind = await(c->queryOrderByOutTradeNo(argument)).apiError().kind;
            break;
        case 1:
            kind = await(c->queryOrderByTransactionId(argument)).apiError().kind;
            break;
        case 2:
            kind = await(c->queryRefund(argument)).apiError().kind;
            break;
        default:
            kind = await(c->closeOrder(argument)).apiError().kind;
            break;
        }
        QCOMPARE(kind, ErrorCode::InvalidInput);
        QCOMPARE(m_server->count(), 0);
    }

    // Bills ----------------------------------------------------------------------------------

    void bills_data()
    {
        QTest::addColumn<bool>("gzipped");
        QTest::addColumn<int>(
            "hashRule"); // 0 plain-file SHA-1, 1 upper-case, 2 SHA-1 of gzip bytes, 3 wrong
        QTest::addColumn<bool>("ok");
        QTest::newRow("gzip bill") << true << 0 << true;
        QTest::newRow("gzip bill, upper-case digest") << true << 1 << true;
        QTest::newRow("digest of the compressed bytes is wrong") << true << 2 << false;
        QTest::newRow("plain bill") << false << 0 << true;
        QTest::newRow("digest mismatch") << false << 3 << false;
    }

    void bills()
    {
        QFETCH(bool, gzipped);
        QFETCH(int, hashRule);
        QFETCH(bool, ok);
        const QByteArray file
            = "\xEF\xBB\xBF交易时间,公众账号ID,商户号\r\n`2026-11-25 09:14:02,`wx1,`1900000001\r\n";
        const QByteArray wire = gzipped ? gzip::compress(file) : file;
        QByteArray hash = QCryptographicHash::hash(file, QCryptographicHash::Sha1).toHex();
        if (hashRule == 1)
            hash = hash.toUpper();
        if (hashRule == 2)
            hash = QCryptographicHash::hash(wire, QCryptographicHash::Sha1).toHex();
        if (hashRule == 3)
            hash[0] = hash[0] == 'a' ? 'b' : 'a';
        const QByteArray downloadUrl = m_server->base().toEncoded()
                                       + "/v3/billdownload/"
                                         "file?token=6XIv5TUPto7pByrTQKhd6kwvyKLG2uY2wMMR8cNXqaA_"
                                         "Cv_isCcxoJpcp6FpcHH-&tartype=gzip";
        m_server->setHandler([&](const Received &req) {
            if (req.pathAndQuery.startsWith("/v3/bill/tradebill"))
                return signedReply(m_keyA, kSerialA, 200,
                                   R"({"hash_type":"SHA1","hash_value":")" + hash
                                       + R"(","download_url":")" + downloadUrl + R"("})");
            Reply r; // the file download carries no WeChat signature
            r.status = 200;
            r.body = wire;
            r.headers = {{"Content-Type", gzipped ? "application/x-gzip" : "text/plain"}};
            return r;
        });
        auto c = client(config());
        const auto r
            = await(c->downloadTradeBill(QDate(2026, 11, 25), TradeBillType::All, gzipped));
        QCOMPARE(r.ok(), ok);
        const auto got = m_server->received();
        QCOMPARE(got.size(), 2);
        QCOMPARE(got[0].pathAndQuery,
                 gzipped ? QByteArray(
                     "/v3/bill/tradebill?bill_date=2026-11-25&bill_type=ALL&tar_type=GZIP")
                         : QByteArray("/v3/bill/tradebill?bill_date=2026-11-25&bill_type=ALL"));
        // The download is a signed GET whose line 2 is the URL's path plus its raw query.
        QCOMPARE(got[1].pathAndQuery,
                 QByteArray("/v3/billdownload/"
                            "file?token=6XIv5TUPto7pByrTQKhd6kwvyKLG2uY2wMMR8cNXqaA_Cv_"
                            "isCcxoJpcp6FpcHH-&tartype=gzip"));
        QVERIFY(got[1].signatureOk);
        if (ok) {
            QCOMPARE(r->status, BillFile::Status::Ready);
            QCOMPARE(r->data, file);
            QCOMPARE(r->wasCompressed, gzipped);
            QCOMPARE(r->sha1Hex, hash.toLower());
            QCOMPARE(r->applyRequestId, QByteArray("08F1-200"));
        } else {
            QCOMPARE(r.apiError().kind, ErrorCode::Verification);
            QVERIFY(r.apiError().message.contains(QStringLiteral("SHA-1")));
        }
    }

    void billDays_data()
    {
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("expected");
        QTest::newRow("NO_STATEMENT_EXIST: empty day")
            << QByteArray("NO_STATEMENT_EXIST") << 400 << int(BillFile::Status::Empty);
        QTest::newRow("NO_STATEMENT_EXIST as 404")
            << QByteArray("NO_STATEMENT_EXIST") << 404 << int(BillFile::Status::Empty);
        QTest::newRow("STATEMENT_CREATING: later")
            << QByteArray("STATEMENT_CREATING") << 400 << int(BillFile::Status::NotReady);
        QTest::newRow("INVALID_REQUEST: error") << QByteArray("INVALID_REQUEST") << 400 << -1;
    }

    void billDays()
    {
        QFETCH(QByteArray, code);
        QFETCH(int, status);
        QFETCH(int, expected);
        m_server->setHandler([&](const Received &) { return errorReply(status, code, "说明"); });
        auto c = client(config());
        const auto r
            = await(c->downloadFundFlowBill(QDate(2026, 11, 25), FundAccountType::Operation));
        QCOMPARE(
            m_server->received().first().pathAndQuery,
            QByteArray(
                "/v3/bill/fundflowbill?bill_date=2026-11-25&account_type=OPERATION&tar_type=GZIP"));
        if (expected < 0) {
            QVERIFY(!r.ok());
            QCOMPARE(r.apiError().code, QString::fromLatin1(code));
            return;
        }
        QVERIFY(r.ok());
        QCOMPARE(int(r->status), expected);
        QVERIFY(r->data.isEmpty());
        QCOMPARE(r->apiMessage, QStringLiteral("说明"));
        QCOMPARE(m_server->count(), 1);
    }

    void expiredDownloadUrlIsAppliedForAgain()
    {
        const QByteArray file = "x,y\n";
        const QByteArray hash = QCryptographicHash::hash(file, QCryptographicHash::Sha1).toHex();
        int downloads = 0;
        m_server->setHandler([&](const Received &req) {
            if (req.pathAndQuery.startsWith("/v3/bill/tradebill"))
                return signedReply(m_keyA, kSerialA, 200,
                                   R"({"hash_type":"SHA1","hash_value":")" + hash
                                       + R"(","download_url":")" + m_server->base().toEncoded()
                                       + R"(/v3/bill/downloadurl?token=t"})");
            if (downloads++ == 0)
                return errorReply(400, "INVALID_REQUEST", "expired");
            Reply r;
            r.body = file;
            return r;
        });
        auto c = client(config());
        const auto r
            = await(c->downloadTradeBill(QDate(2026, 11, 25), TradeBillType::Success, false));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.apiError().message));
        QCOMPARE(r->data, file);
        QCOMPARE(m_server->count("/v3/bill/tradebill"), 2);
        QCOMPARE(m_server->count("/v3/bill/downloadurl"), 2);
    }

    void billDownloadUrlMustBeHttps()
    {
        m_server->setHandler([&](const Received &) {
            return signedReply(
                m_keyA, kSerialA, 200,
                // moc mistakes "//" inside a raw string for a comment, hence the split literal.
                "{\"hash_type\":\"SHA1\",\"hash_value\":\"00\",\"download_url\":"
                "\"http:/"
                "/example.com/v3/billdownload/file?token=t\"}");
        });
        auto c = client(config());
        const auto r = await(c->downloadTradeBill(QDate(2026, 11, 25)));
        QVERIFY(!r.ok());
        QCOMPARE(r.apiError().kind, ErrorCode::InvalidInput);
        QCOMPARE(m_server->count(), 1);
    }

    // The client in a worker thread with its own event loop, called from this thread.
    void workerThread()
    {
        m_server->setHandler([&](const Received &) {
            return signedReply(m_keyA, kSerialA, 200, orderJson("T14", "SUCCESS"));
        });
        QThread worker;
        auto c = client(config());
        c->moveToThread(&worker);
        worker.start();
        const auto f = c->queryOrderByOutTradeNo(QStringLiteral("T14"));
        const auto r = await(f);
        QVERIFY(r.ok());
        QCOMPARE(r->outTradeNo, QStringLiteral("T14"));
        QMetaObject::invokeMethod(c.release(), &QObject::deleteLater);
        worker.quit();
        QVERIFY(worker.wait(5000));
    }

    void endpointUrlKeepsBasePath()
    {
        MerchantConfig cfg = config();
        cfg.apiBase = QUrl(QStringLiteral("https://proxy.example.com/wechat/"));
        auto c = client(cfg);
        QCOMPARE(c->endpointUrl("/v3/certificates").toString(),
                 QStringLiteral("https://proxy.example.com/wechat/v3/certificates"));
    }
};

QTEST_GUILESS_MAIN(tst_ApiClient)
#include "tst_apiclient.moc"
