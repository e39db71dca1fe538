// SPDX-License-Identifier: GPL-3.0-or-later
// The stand-in's callbacks (spec §4): signed, AEAD-encrypted envelopes that the protocol core
// verifies and decrypts, WeChat's retry schedule (scaled), lost/duplicated/delayed/probe
// deliveries, refunds, key modes, the delivery log, and `wxrecon-cli verify-notify`.
#include "common/cstime.h"
#include "simclient.h"
#include "simserver.h"
#include "testutil.h"
#include "wechatpay/encryptedresource.h"
#include "wechatpay/merchantconfig.h"
#include "wechatpay/responseverifier.h"

#include <QDir>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace wxr;
using namespace wxr::sim;
using namespace wxr::simtest;

class TstSimCallbacks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void paymentCallbackVerifiesAndDecrypts();
    void retriesFollowTheSchedule();
    void scheduleEndsAfterSixteenDeliveries();
    void lostDuplicatedAndDelayed_data();
    void lostDuplicatedAndDelayed();
    void probeIsRedeliveredWithARealSignature();
    void slowMerchantCountsAsTimeout();
    void refundCallbacks();
    void publicKeyShareInBothMode_data();
    void publicKeyShareInBothMode();
    void autoPayChangesStateOverTime();
    void deliveriesThroughTheControlApi();
    void verifyNotifyCommandAcceptsTheCallback_data();
    void verifyNotifyCommandAcceptsTheCallback();

private:
    std::unique_ptr<SimServer> start(KeyMode mode, double timeScale = 1000,
                                     const QString &faults = {});
    core::KeyStore &keysFor(SimServer &server);
    QByteArray unpaidOrder(const SimServer &server, int skip = 0) const;
    QJsonObject decrypt(const SimServer &server, const QByteArray &body) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Receiver> m_receiver;
    std::shared_ptr<core::KeyStore> m_keys;
};

std::unique_ptr<SimServer> TstSimCallbacks::start(KeyMode mode, double timeScale,
                                                  const QString &faults)
{
    SimSettings s;
    s.stateDir = m_dir.filePath(QStringLiteral("state"));
    s.day.orders = 300;
    s.day.seed = 5;
    s.day.date = cst::billDateOf(cst::now()).addDays(-1);
    s.keyMode = mode;
    s.notifyUrl = m_receiver->url();
    s.timeScale = timeScale;
    s.refundSuccessSeconds = 0;
    s.faults.notify.publicKeyShare = 0;
    if (!faults.isEmpty() && !parseFaults(faults, s.faults))
        return nullptr;
    auto server = std::make_unique<SimServer>(s);
    if (!server->start(0))
        return nullptr;
    return server;
}

core::KeyStore &TstSimCallbacks::keysFor(SimServer &server)
{
    m_keys = std::make_shared<core::KeyStore>();
    QList<core::PlatformCertificate> certs;
    for (const PlatformKey &k : server.keys().platform())
        certs.append({QString::fromLatin1(k.serial), k.certificate, k.certificate.notBefore(),
                      k.certificate.notAfter()});
    m_keys->replaceCertificates(certs, cst::now());
    m_keys->setPublicKey(QString::fromLatin1(server.keys().publicKeyId()),
                         server.keys().publicKeyPrivate().publicKey());
    return *m_keys;
}

QByteArray TstSimCallbacks::unpaidOrder(const SimServer &server, int skip) const
{
    for (const SimOrder &o : server.day().orders) {
        if (o.wxState == TradeState::NotPay && skip-- == 0)
            return server.day().outTradeNo(o);
    }
    return {};
}

QJsonObject TstSimCallbacks::decrypt(const SimServer &server, const QByteArray &body) const
{
    const QJsonObject envelope = QJsonDocument::fromJson(body).object();
    const auto resource = core::EncryptedResource::fromJson(
        envelope.value(QStringLiteral("resource")).toObject(), QStringLiteral("resource"));
    if (!resource)
        return {};
    const auto plain = resource->decrypt(server.keys().apiv3Key());
    return plain ? QJsonDocument::fromJson(*plain).object() : QJsonObject();
}

void TstSimCallbacks::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TstSimCallbacks::init()
{
    m_receiver = std::make_unique<Receiver>();
}

void TstSimCallbacks::paymentCallbackVerifiesAndDecrypts()
{
    auto server = start(KeyMode::Certificates);
    QVERIFY(server);
    const QByteArray otn = unpaidOrder(*server);
    QVERIFY_RESULT(server->payOrder(otn));
    QVERIFY(m_receiver->waitFor(1));
    const auto &got = m_receiver->received().first();
    const core::VerifyResult v = core::verify(keysFor(*server), got.headers, got.body, cst::now());
    QVERIFY2(v.ok(), qPrintable(v.message));
    QCOMPARE(got.headers.value("Wechatpay-Signature-Type").value_or(""),
             QByteArray("WECHATPAY2-SHA256-RSA2048"));
    QCOMPARE(got.headers.value("Wechatpay-Serial").value_or(""),
             server->keys().platform().last().serial);

    const QJsonObject envelope = QJsonDocument::fromJson(got.body).object();
    QVERIFY(!envelope.value(QStringLiteral("id")).toString().isEmpty());
    QVERIFY(envelope.value(QStringLiteral("id")).toString().size() <= 36);
    QVERIFY(cst::parseRfc3339(envelope.value(QStringLiteral("create_time")).toString()).ok());
    QCOMPARE(envelope.value(QStringLiteral("resource_type")).toString(),
             QStringLiteral("encrypt-resource"));
    QCOMPARE(envelope.value(QStringLiteral("event_type")).toString(),
             QStringLiteral("TRANSACTION.SUCCESS"));
    QCOMPARE(envelope.value(QStringLiteral("summary")).toString(), QStringLiteral("支付成功"));
    const QJsonObject resource = envelope.value(QStringLiteral("resource")).toObject();
    QCOMPARE(resource.value(QStringLiteral("original_type")).toString(),
             QStringLiteral("transaction"));
    QCOMPARE(resource.value(QStringLiteral("algorithm")).toString(),
             QStringLiteral("AEAD_AES_256_GCM"));

    const QJsonObject t = decrypt(*server, got.body);
    QCOMPARE(t.value(QStringLiteral("out_trade_no")).toString().toLatin1(), otn);
    QCOMPARE(t.value(QStringLiteral("trade_state")).toString(), QStringLiteral("SUCCESS"));
    QCOMPARE(t.value(QStringLiteral("mchid")).toString(), QStringLiteral("1900000001"));
    QVERIFY(!t.value(QStringLiteral("transaction_id")).toString().isEmpty());
    QVERIFY(t.value(QStringLiteral("amount")).toObject().value(QStringLiteral("total")).toInteger()
            > 0);

    QTRY_COMPARE(server->deliveries().size(), 1);
    const auto records = server->deliveries();
    QCOMPARE(records[0].attempt, 1);
    QCOMPARE(records[0].httpStatus, 204);
    QVERIFY(records[0].success);
    // The order is paid at WeChat now.
    QCOMPARE(server->payOrder(otn).error().code, ErrorCode::Conflict);
}

void TstSimCallbacks::retriesFollowTheSchedule()
{
    auto server = start(KeyMode::Certificates, 100); // 15 s → 150 ms
    QVERIFY(server);
    m_receiver->script({500, 400});
    QVERIFY_RESULT(server->payOrder(unpaidOrder(*server)));
    QVERIFY(m_receiver->waitFor(3, 10000));
    QTRY_COMPARE(server->deliveries().size(), 3);
    const auto r = server->deliveries();
    QCOMPARE(r[0].httpStatus, 500);
    QCOMPARE(r[1].httpStatus, 400);
    QCOMPARE(r[2].httpStatus, 204);
    QCOMPARE(r[0].attempt, 1);
    QCOMPARE(r[2].attempt, 3);
    QVERIFY(!r[0].success && !r[1].success && r[2].success);
    QCOMPARE(r[0].notificationId, r[2].notificationId);
    // 15 s and 15 s, divided by 100.
    QVERIFY2(r[1].sentAtMs - r[0].sentAtMs >= 0, "monotonic");
    const QByteArray first = m_receiver->received()[0].body;
    QCOMPARE(m_receiver->received()[2].body, first); // the same notification every time
}

void TstSimCallbacks::scheduleEndsAfterSixteenDeliveries()
{
    QCOMPARE(Notifier::retryWaits().size(), 15);
    qint64 total = 0;
    for (int w : Notifier::retryWaits())
        total += w;
    QCOMPARE(total, 24 * 3600 + 4 * 60);                // 24 h 4 min (spec §4.6)
    auto server = start(KeyMode::Certificates, 200000); // 24 h → 0.43 s
    QVERIFY(server);
    m_receiver->script(QList<int>(40, 500));
    QVERIFY_RESULT(server->payOrder(unpaidOrder(*server)));
    QVERIFY(m_receiver->waitFor(16, 10000));
    spin(300);
    QCOMPARE(m_receiver->received().size(), 16);
    QTRY_COMPARE_WITH_TIMEOUT(server->deliveries().size(), 16, 5000);
    QCOMPARE(server->deliveries().last().attempt, 16);
}

void TstSimCallbacks::lostDuplicatedAndDelayed_data()
{
    QTest::addColumn<QString>("faults");
    QTest::addColumn<int>("deliveries");
    QTest::addColumn<int>("minDelayMs");
    QTest::newRow("lost") << QStringLiteral("notify:lost=1") << 0 << 0;
    QTest::newRow("duplicated") << QStringLiteral("notify:duplicate=1") << 2 << 0;
    QTest::newRow("delayed 300 ms") << QStringLiteral("notify:delay=300") << 1 << 290;
    QTest::newRow("delayed 150-600 ms, log-uniform")
        << QStringLiteral("notify:delay=150-600:log") << 1 << 145;
}

void TstSimCallbacks::lostDuplicatedAndDelayed()
{
    QFETCH(QString, faults);
    QFETCH(int, deliveries);
    QFETCH(int, minDelayMs);
    auto server = start(KeyMode::Certificates, 1000, faults);
    QVERIFY(server);
    QElapsedTimer timer;
    timer.start();
    QVERIFY_RESULT(server->payOrder(unpaidOrder(*server)));
    if (deliveries > 0)
        QVERIFY(m_receiver->waitFor(deliveries, 5000));
    const qint64 elapsed = timer.elapsed();
    spin(100);
    QCOMPARE(m_receiver->received().size(), deliveries);
    QVERIFY2(elapsed >= minDelayMs, qPrintable(QString::number(elapsed)));
    QTRY_COMPARE_WITH_TIMEOUT(server->deliveries().size(), qMax(deliveries, 1), 5000);
    const auto r = server->deliveries();
    if (deliveries == 0) {
        QCOMPARE(r.size(), 1);
        QCOMPARE(r[0].error, QByteArray("lost"));
        QCOMPARE(r[0].attempt, 0);
    } else if (deliveries == 2) {
        QCOMPARE(r.size(), 2);
        QVERIFY(r[1].duplicate);
        QCOMPARE(m_receiver->received()[0].body, m_receiver->received()[1].body);
    }
}

void TstSimCallbacks::probeIsRedeliveredWithARealSignature()
{
    auto server = start(KeyMode::Certificates, 1000, QStringLiteral("notify:probe=1"));
    QVERIFY(server);
    core::KeyStore &keys = keysFor(*server);
    m_receiver->script({401}); // a receiver that verifies rejects the probe
    QVERIFY_RESULT(server->payOrder(unpaidOrder(*server)));
    QVERIFY(m_receiver->waitFor(2, 5000));
    const auto &probe = m_receiver->received()[0];
    QVERIFY(probe.headers.value("Wechatpay-Signature")->startsWith("WECHATPAY/SIGNTEST/"));
    QCOMPARE(core::verify(keys, probe.headers, probe.body, cst::now()).failure,
             core::VerifyFailure::Probe);
    const auto &real = m_receiver->received()[1];
    QVERIFY(core::verify(keys, real.headers, real.body, cst::now()).ok());
    // The stand-in records a delivery once the merchant's answer is in, which can be a
    // moment after the receiver has seen the request.
    QTRY_COMPARE_WITH_TIMEOUT(server->deliveries().size(), 2, 5000);
    QVERIFY(server->deliveries()[0].probe);
    QVERIFY(!server->deliveries()[1].probe);
}

void TstSimCallbacks::slowMerchantCountsAsTimeout()
{
    QTcpServer silent; // accepts and never answers
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    auto server = start(KeyMode::Certificates, 1, QStringLiteral("notify:timeout=200"));
    QVERIFY(server);
    QVERIFY_RESULT(server->setNotifyUrl(
        QUrl(QStringLiteral("http://127.0.0.1:%1/n").arg(silent.serverPort()))));
    QVERIFY_RESULT(server->payOrder(unpaidOrder(*server)));
    QTRY_COMPARE_WITH_TIMEOUT(server->deliveries().size(), 1, 5000);
    QCOMPARE(server->deliveries()[0].error, QByteArray("timeout"));
    QVERIFY(!server->deliveries()[0].success);
    QVERIFY(server->setNotifyUrl(QUrl(QStringLiteral("http://127.0.0.1:1/n?x=1"))).error().code
            == ErrorCode::InvalidInput); // notify_url must not carry a query (spec §4.1)
}

void TstSimCallbacks::refundCallbacks()
{
    auto server = start(KeyMode::Certificates);
    QVERIFY(server);
    QByteArray otn;
    Fen amount = 0;
    for (const SimOrder &o : server->day().orders) {
        if (o.role == OrderRole::Normal && o.wxState == TradeState::Success && o.amount >= 3) {
            otn = server->day().outTradeNo(o);
            amount = o.amount;
            break;
        }
    }
    QVERIFY(!otn.isEmpty());
    const auto orn = server->refundOrder(otn, amount / 3);
    QVERIFY_RESULT(orn);
    QVERIFY(m_receiver->waitFor(1));
    QJsonObject envelope = QJsonDocument::fromJson(m_receiver->received()[0].body).object();
    QCOMPARE(envelope.value(QStringLiteral("event_type")).toString(),
             QStringLiteral("REFUND.SUCCESS"));
    QJsonObject r = decrypt(*server, m_receiver->received()[0].body);
    QCOMPARE(r.value(QStringLiteral("out_refund_no")).toString().toLatin1(), *orn);
    QCOMPARE(r.value(QStringLiteral("refund_status")).toString(), QStringLiteral("SUCCESS"));
    QVERIFY(!r.contains(QStringLiteral("status"))); // the callback's key is refund_status
    QCOMPARE(
        r.value(QStringLiteral("amount")).toObject().value(QStringLiteral("refund")).toInteger(),
        amount / 3);
    QVERIFY(r.contains(QStringLiteral("success_time")));

    // More than is left is refused; an abnormal refund is notified as such.
    QCOMPARE(server->refundOrder(otn, amount).error().code, ErrorCode::Conflict);
    const auto second = server->refundOrder(otn, 1);
    QVERIFY_RESULT(second);
    QVERIFY_RESULT(server->setRefundStatus(*second, RefundState::Abnormal));
    QVERIFY(m_receiver->waitFor(2));
    envelope = QJsonDocument::fromJson(m_receiver->received()[1].body).object();
    QCOMPARE(envelope.value(QStringLiteral("event_type")).toString(),
             QStringLiteral("REFUND.ABNORMAL"));
}

void TstSimCallbacks::publicKeyShareInBothMode_data()
{
    QTest::addColumn<QString>("faults");
    QTest::addColumn<bool>("publicKey");
    QTest::newRow("all with the public key") << QStringLiteral("notify:pubkey=1") << true;
    QTest::newRow("all with the certificate") << QStringLiteral("notify:pubkey=0") << false;
}

void TstSimCallbacks::publicKeyShareInBothMode()
{
    QFETCH(QString, faults);
    QFETCH(bool, publicKey);
    auto server = start(KeyMode::Both, 1000, faults);
    QVERIFY(server);
    QVERIFY_RESULT(server->payOrder(unpaidOrder(*server)));
    QVERIFY_RESULT(server->payOrder(unpaidOrder(*server, 0)));
    QVERIFY(m_receiver->waitFor(2));
    core::KeyStore &keys = keysFor(*server);
    for (const auto &got : m_receiver->received()) {
        QCOMPARE(*got.headers.value("Wechatpay-Serial") == server->keys().publicKeyId(), publicKey);
        QVERIFY(core::verify(keys, got.headers, got.body, cst::now()).ok());
    }
}

void TstSimCallbacks::autoPayChangesStateOverTime()
{
    SimSettings s;
    s.stateDir = m_dir.filePath(QStringLiteral("state"));
    s.day.orders = 300;
    s.day.seed = 5;
    s.day.date = cst::billDateOf(cst::now()).addDays(-1);
    s.notifyUrl = m_receiver->url();
    s.autoPayShare = 1;
    s.autoPayAfterSeconds = 1;
    SimServer server(s);
    QVERIFY_RESULT(server.start(0));
    int unpaid = 0;
    QByteArray otn;
    for (const SimOrder &o : server.day().orders) {
        if (o.wxState == TradeState::NotPay) {
            ++unpaid;
            otn = server.day().outTradeNo(o);
        }
    }
    QVERIFY(unpaid > 0);
    QVERIFY(m_receiver->waitFor(unpaid, 5000));
    for (const SimOrder &o : server.day().orders) {
        if (server.day().outTradeNo(o) == otn)
            QCOMPARE(o.wxState, TradeState::Success);
    }
}

void TstSimCallbacks::deliveriesThroughTheControlApi()
{
    auto server = start(KeyMode::Certificates);
    QVERIFY(server);
    Client c(server->baseUrl());
    const QByteArray otn = unpaidOrder(*server);
    QCOMPARE(c.send("POST", "/_sim/orders/" + otn + "/pay").status, 200);
    QVERIFY(m_receiver->waitFor(1));
    QTRY_COMPARE(server->deliveries().size(), 1);
    QCOMPARE(c.send("POST", "/_sim/orders/" + otn + "/notify").status, 200);
    QVERIFY(m_receiver->waitFor(2));
    QTRY_COMPARE(server->deliveries().size(), 2);
    const QJsonObject all = c.send("GET", "/_sim/deliveries").json();
    const QJsonArray list = all.value(QStringLiteral("deliveries")).toArray();
    QCOMPARE(list.size(), 2);
    const QJsonObject first = list[0].toObject();
    QCOMPARE(first.value(QStringLiteral("out_trade_no")).toString().toLatin1(), otn);
    QCOMPARE(first.value(QStringLiteral("http_status")).toInt(), 204);
    QCOMPARE(first.value(QStringLiteral("event_type")).toString(),
             QStringLiteral("TRANSACTION.SUCCESS"));
    QVERIFY(first.value(QStringLiteral("success")).toBool());
    const QJsonArray since = c.send("GET", "/_sim/deliveries?since=1")
                                 .json()
                                 .value(QStringLiteral("deliveries"))
                                 .toArray();
    QCOMPARE(since.size(), 1);
    QCOMPARE(since[0].toObject().value(QStringLiteral("index")).toInt(), 2);
    // A refund made through the control API.
    const HttpResult refund = c.send("POST", "/_sim/orders/" + otn + "/refund?amount=1");
    QCOMPARE(refund.status, 200);
    QVERIFY(m_receiver->waitFor(3));
}

void TstSimCallbacks::verifyNotifyCommandAcceptsTheCallback_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("public key") << int(KeyMode::PublicKey);
    QTest::newRow("platform certificate in the cache") << int(KeyMode::Certificates);
}

void TstSimCallbacks::verifyNotifyCommandAcceptsTheCallback()
{
    QFETCH(int, mode);
    const QString cli = QStringLiteral(WXR_BIN_DIR "/wxrecon-cli");
    if (!QFile::exists(cli))
        QSKIP("wxrecon-cli is not built");
    auto server = start(static_cast<KeyMode>(mode));
    QVERIFY(server);
    if (mode == int(KeyMode::Certificates)) {
        // What `wxrecon-cli certs refresh` would have cached.
        QFile f(QDir(server->stateDir()).filePath(QStringLiteral("certs/platform.pem")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(server->keys().platform().last().certificate.toPem());
    }
    QVERIFY_RESULT(server->payOrder(unpaidOrder(*server)));
    QVERIFY(m_receiver->waitFor(1));
    const auto &got = m_receiver->received().first();
    QByteArray headerText;
    for (const auto &[k, v] : got.headers.pairs())
        headerText += k + ": " + v + "\r\n";
    QTemporaryDir tmp;
    QFile h(tmp.filePath(QStringLiteral("headers.txt"))),
        b(tmp.filePath(QStringLiteral("body.json")));
    QVERIFY(h.open(QIODevice::WriteOnly) && b.open(QIODevice::WriteOnly));
    h.write(headerText);
    b.write(got.body);
    h.close();
    b.close();
    QProcess p;
    p.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
    p.start(cli,
            {QStringLiteral("verify-notify"), QStringLiteral("--config"), server->merchantIniPath(),
             QStringLiteral("--headers"), h.fileName(), QStringLiteral("--body"), b.fileName()});
    QVERIFY(p.waitForFinished(20000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    // A body changed by one byte does not verify.
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write(QByteArray(got.body).replace("TRANSACTION", "TRANSACTIOM"));
    b.close();
    p.start(cli,
            {QStringLiteral("verify-notify"), QStringLiteral("--config"), server->merchantIniPath(),
             QStringLiteral("--headers"), h.fileName(), QStringLiteral("--body"), b.fileName()});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 1);
}

QTEST_GUILESS_MAIN(TstSimCallbacks)
#include "tst_simcallbacks.moc"
