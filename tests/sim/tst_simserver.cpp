// SPDX-License-Identifier: GPL-3.0-or-later
// The stand-in's HTTP side, driven with the protocol core's Signer and verifier: request
// authentication (401 SIGN_ERROR), signed answers in every key mode, orders, refunds,
// certificates, bills with their SHA-1, every fault, the control API and the serve command.
#include "billcheck.h"
#include "common/cstime.h"
#include "crypto/privatekey.h"
#include "dayfiles.h"
#include "simclient.h"
#include "simserver.h"
#include "testutil.h"
#include "wechatpay/merchantconfig.h"
#include "wechatpay/responseverifier.h"
#include "wechatpay/signing.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <zlib.h>

using namespace wxr;
using namespace wxr::sim;
using namespace wxr::simtest;

namespace {

QByteArray gunzip(const QByteArray &in)
{
    z_stream z{};
    inflateInit2(&z, 15 + 16);
    QByteArray out;
    char buf[65536];
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    z.avail_in = static_cast<uInt>(in.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef *>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buf, static_cast<qsizetype>(sizeof buf - z.avail_out));
    }
    inflateEnd(&z);
    return rc == Z_STREAM_END ? out : QByteArray();
}

// A request written byte for byte on a socket: the target goes out exactly as given, which
// QNetworkAccessManager (through QUrl) would normalise.
HttpResult rawRequest(quint16 port, const QByteArray &method, const QByteArray &target,
                      const QByteArray &authorization)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QByteArray request
        = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!authorization.isEmpty())
        request += "Authorization: " + authorization + "\r\n";
    request += "\r\n";
    QByteArray answer;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(request); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] { answer += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult r;
    const qsizetype end = answer.indexOf("\r\n\r\n");
    const QList<QByteArray> head = answer.left(end).split('\n');
    r.status = head.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < head.size(); ++i) {
        const qsizetype colon = head[i].indexOf(':');
        r.headers.add(head[i].left(colon).trimmed(), head[i].mid(colon + 1).trimmed());
    }
    r.body = answer.mid(end + 4);
    return r;
}

} // namespace

class TstSimServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void merchantIniIsAcceptedByTheProtocolCore();
    void certificatesAreEncryptedAndSigned();
    void signErrors_data();
    void signErrors();
    void signatureCoversTheRawQuery();
    void queryOrder_data();
    void queryOrder();
    void queryErrors_data();
    void queryErrors();
    void closeOrder_data();
    void closeOrder();
    void refundQuery();
    void bills_data();
    void bills();
    void billErrors_data();
    void billErrors();
    void statementCreatingUntilReady();
    void downloadUrlExpires();
    void faults_data();
    void faults();
    void latency();
    void rateLimitAndCounters();
    void clockSkew();
    void certificateRotation();
    void rotationAnnouncedAhead();
    void keyModes_data();
    void keyModes();
    void controlApi();
    void serveCommandPrintsListening();

private:
    SimSettings settings(KeyMode mode) const;
    HttpResult get(const QByteArray &target, QList<QPair<QByteArray, QByteArray>> headers = {});
    core::VerifyResult verify(const HttpResult &r) const;
    QByteArray orderWhere(const std::function<bool(const SimOrder &)> &pred) const;

    QTemporaryDir m_dir;
    std::unique_ptr<SimServer> m_server;
    std::unique_ptr<Client> m_client;
    core::MerchantConfig m_config;
    core::Signer m_signer;
    std::shared_ptr<core::KeyStore> m_keys = std::make_shared<core::KeyStore>();
};

SimSettings TstSimServer::settings(KeyMode mode) const
{
    SimSettings s;
    s.stateDir = m_dir.filePath(QStringLiteral("state"));
    s.day.orders = 400;
    s.day.seed = 11;
    s.day.date = cst::billDateOf(cst::now()).addDays(-1);
    s.keyMode = mode;
    return s;
}

HttpResult TstSimServer::get(const QByteArray &target, QList<QPair<QByteArray, QByteArray>> headers)
{
    return m_client->signedSend(m_signer, "GET", target, {}, std::move(headers));
}

core::VerifyResult TstSimServer::verify(const HttpResult &r) const
{
    return core::verify(*m_keys, r.headers, r.body, cst::now());
}

QByteArray TstSimServer::orderWhere(const std::function<bool(const SimOrder &)> &pred) const
{
    for (const SimOrder &o : m_server->day().orders) {
        if (pred(o))
            return m_server->day().outTradeNo(o);
    }
    return {};
}

void TstSimServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<SimServer>(settings(KeyMode::Certificates));
    const auto port = m_server->start(0);
    QVERIFY_RESULT(port);
    QVERIFY(*port > 0);
    auto config = core::MerchantConfig::load(m_server->merchantIniPath(), QProcessEnvironment());
    QVERIFY_RESULT(config);
    m_config = *config;
    auto key = m_config.loadPrivateKey();
    QVERIFY_RESULT(key);
    m_signer = core::Signer(*key, m_config.mchid.toLatin1(), m_config.serialNo.toLatin1());
    m_client = std::make_unique<Client>(m_server->baseUrl());
    const HttpResult certs = get("/v3/certificates");
    QCOMPARE(certs.status, 200);
    const auto list = decryptCertificates(certs.json(), m_config.apiV3Key);
    QCOMPARE(list.size(), 2);
    m_keys->replaceCertificates(list, cst::now());
    const auto pub = core::PublicKey::loadFile(m_dir.filePath(QStringLiteral("state/pub_key.pem")));
    QVERIFY_RESULT(pub);
    m_keys->setPublicKey(QString::fromLatin1(m_server->keys().publicKeyId()), *pub);
}

void TstSimServer::cleanup()
{
    m_server->setFaults({});
}

void TstSimServer::merchantIniIsAcceptedByTheProtocolCore()
{
    QCOMPARE(m_config.mchid, QStringLiteral("1900000001"));
    QCOMPARE(m_config.apiBase, m_server->baseUrl());
    QCOMPARE(m_config.apiV3Key.size(), 32);
    QCOMPARE(m_config.keyMode, KeyMode::Certificates);
    QCOMPARE(m_config.serialNo.toLatin1(), m_server->keys().merchantSerial());
    // Secrets are owner-only.
    const QFileDevice::Permissions perms
        = QFile::permissions(m_dir.filePath(QStringLiteral("state/apiclient_key.pem")));
    QVERIFY(!(perms & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));
    QVERIFY(!(QFile::permissions(m_dir.filePath(QStringLiteral("state/apiv3.key")))
              & QFileDevice::ReadOther));
}

void TstSimServer::certificatesAreEncryptedAndSigned()
{
    const HttpResult r = get("/v3/certificates?algorithm_type=RSA");
    QCOMPARE(r.status, 200);
    const core::VerifyResult v = verify(r);
    QVERIFY2(v.ok(), qPrintable(v.message));
    const QJsonArray data = r.json().value(QStringLiteral("data")).toArray();
    QCOMPARE(data.size(), 2);
    for (const auto &item : data) {
        const QJsonObject o = item.toObject();
        for (const char *k : {"serial_no", "effective_time", "expire_time", "encrypt_certificate"})
            QVERIFY2(o.contains(QLatin1String(k)), k);
        const QJsonObject enc = o.value(QStringLiteral("encrypt_certificate")).toObject();
        QCOMPARE(enc.value(QStringLiteral("algorithm")).toString(),
                 QStringLiteral("AEAD_AES_256_GCM"));
        QCOMPARE(enc.value(QStringLiteral("associated_data")).toString(),
                 QStringLiteral("certificate"));
        QCOMPARE(enc.value(QStringLiteral("nonce")).toString().size(), 12);
    }
    // Signed by the newest certificate.
    QCOMPARE(r.header("Wechatpay-Serial"), m_server->keys().platform().last().serial);
    // A wrong APIv3 key does not decrypt them.
    QVERIFY(decryptCertificates(r.json(), QByteArray(32, 'x')).isEmpty());
}

void TstSimServer::signErrors_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("no Authorization header") << QStringLiteral("none");
    QTest::newRow("signed with another key") << QStringLiteral("wrong-key");
    QTest::newRow("another merchant id") << QStringLiteral("wrong-mchid");
    QTest::newRow("serial of another certificate") << QStringLiteral("wrong-serial");
    QTest::newRow("timestamp ten minutes old") << QStringLiteral("stale");
    QTest::newRow("timestamp in milliseconds") << QStringLiteral("millis");
    QTest::newRow("query left out of the signature") << QStringLiteral("no-query");
    QTest::newRow("other scheme") << QStringLiteral("scheme");
    QTest::newRow("signature not Base64") << QStringLiteral("garbage");
}

void TstSimServer::signErrors()
{
    QFETCH(QString, how);
    const QByteArray target
        = "/v3/pay/transactions/out-trade-no/"
          + orderWhere([](const SimOrder &o) { return o.role == OrderRole::Normal; })
          + "?mchid=1900000001";
    HttpResult r;
    if (how == u"none") {
        r = m_client->send("GET", target);
    } else if (how == u"wrong-key") {
        const auto other = core::PrivateKey::generateRsa(2048);
        QVERIFY_RESULT(other);
        r = m_client->signedSend(core::Signer(*other, "1900000001", m_signer.serialNo()), "GET",
                                 target);
    } else if (how == u"wrong-mchid") {
        auto key = m_config.loadPrivateKey();
        r = m_client->signedSend(core::Signer(*key, "1900000002", m_signer.serialNo()), "GET",
                                 target);
    } else if (how == u"wrong-serial") {
        auto key = m_config.loadPrivateKey();
        r = m_client->signedSend(
            core::Signer(*key, "1900000001", "5157F09EFDC096DE15EBE81A47057A7232F1B8E1"), "GET",
            target);
    } else if (how == u"stale") {
        r = m_client->signedSend(m_signer, "GET", target, {}, {}, cst::now() - 600);
    } else if (how == u"millis") {
        r = m_client->signedSend(m_signer, "GET", target, {}, {}, cst::now() * 1000);
    } else if (how == u"no-query") {
        const auto s = m_signer.sign("GET", target.left(target.indexOf('?')), {});
        QVERIFY_RESULT(s);
        r = m_client->send("GET", target, {}, {{"Authorization", s->authorization}});
    } else if (how == u"scheme") {
        const auto s = m_signer.sign("GET", target, {});
        QVERIFY_RESULT(s);
        r = m_client->send("GET", target, {},
                           {{"Authorization", QByteArray(s->authorization)
                                                  .replace("WECHATPAY2-SHA256-RSA2048",
                                                           "WECHATPAY2-SM2-WITH-SM3")}});
    } else {
        r = m_client->send("GET", target, {},
                           {{"Authorization", core::signing::authorizationHeader(
                                                  "1900000001", "abc", cst::now(),
                                                  m_signer.serialNo(), "%%%not-base64")}});
    }
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("SIGN_ERROR"));
    QVERIFY(!r.headers.contains(
        "Wechatpay-Signature")); // errors of unauthenticated requests are not signed
    QVERIFY(r.header("Request-ID").endsWith("-268443699"));
}

void TstSimServer::signatureCoversTheRawQuery()
{
    // "%30" is "0": the same query in another spelling. WeChat Pay verifies over the bytes as
    // sent, so only a signature over "%30" passes.
    const QByteArray otn
        = orderWhere([](const SimOrder &o) { return o.role == OrderRole::Normal; });
    const QByteArray raw = "/v3/pay/transactions/out-trade-no/" + otn + "?mchid=19000%300001";
    const QByteArray normalised = "/v3/pay/transactions/out-trade-no/" + otn + "?mchid=1900000001";
    const auto overRaw = m_signer.sign("GET", raw, {});
    const auto overNormalised = m_signer.sign("GET", normalised, {});
    QVERIFY_RESULT(overRaw);
    QVERIFY_RESULT(overNormalised);
    const HttpResult ok = rawRequest(m_server->port(), "GET", raw, overRaw->authorization);
    QCOMPARE(ok.status, 200);
    QVERIFY(verify(ok).ok());
    const HttpResult bad = rawRequest(m_server->port(), "GET", raw, overNormalised->authorization);
    QCOMPARE(bad.status, 401);
}

void TstSimServer::queryOrder_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("byTransactionId");
    QTest::addColumn<QString>("state");
    QTest::newRow("paid order by out_trade_no")
        << int(OrderRole::Normal) << false << QStringLiteral("SUCCESS");
    QTest::newRow("paid order by transaction_id")
        << int(OrderRole::Normal) << true << QStringLiteral("SUCCESS");
    QTest::newRow("lost callback: ledger NOTPAY, WeChat SUCCESS")
        << int(OrderRole::StatusMismatch) << false << QStringLiteral("SUCCESS");
    QTest::newRow("unpaid order") << int(OrderRole::Unpaid) << false << QString();
    QTest::newRow("revoked payment-code order")
        << int(OrderRole::Revoked) << false << QStringLiteral("REVOKED");
}

void TstSimServer::queryOrder()
{
    QFETCH(int, role);
    QFETCH(bool, byTransactionId);
    QFETCH(QString, state);
    const SimDay &day = m_server->day();
    const SimOrder *order = nullptr;
    for (const SimOrder &o : day.orders) {
        if (int(o.role) == role && o.wxState != TradeState::Refund
            && (role != int(OrderRole::StatusMismatch) || o.wxState == TradeState::Success)
            && (role != int(OrderRole::Unpaid) || o.wxState == TradeState::NotPay)) {
            order = &o;
            break;
        }
    }
    QVERIFY(order);
    const QByteArray target = byTransactionId
                                  ? QByteArray("/v3/pay/transactions/id/"
                                               + day.transactionId(*order) + "?mchid=1900000001")
                                  : QByteArray("/v3/pay/transactions/out-trade-no/"
                                               + day.outTradeNo(*order) + "?mchid=1900000001");
    const HttpResult r = get(target);
    QCOMPARE(r.status, 200);
    const core::VerifyResult v = verify(r);
    QVERIFY2(v.ok(), qPrintable(v.message));
    const QJsonObject t = r.json();
    QCOMPARE(t.value(QStringLiteral("out_trade_no")).toString().toLatin1(), day.outTradeNo(*order));
    QCOMPARE(t.value(QStringLiteral("mchid")).toString(), QStringLiteral("1900000001"));
    QCOMPARE(
        t.value(QStringLiteral("amount")).toObject().value(QStringLiteral("total")).toInteger(),
        order->amount);
    QVERIFY(!t.value(QStringLiteral("trade_state_desc")).toString().isEmpty());
    if (state.isEmpty()) {
        QCOMPARE(t.value(QStringLiteral("trade_state")).toString(), QStringLiteral("NOTPAY"));
        QVERIFY(!t.contains(QStringLiteral("transaction_id")));
        QVERIFY(!t.contains(QStringLiteral("success_time")));
        return;
    }
    QCOMPARE(t.value(QStringLiteral("trade_state")).toString(), state);
    QCOMPARE(t.value(QStringLiteral("transaction_id")).toString().toLatin1(),
             day.transactionId(*order));
    QVERIFY(cst::parseRfc3339(t.value(QStringLiteral("success_time")).toString()).ok());
    QVERIFY(t.value(QStringLiteral("payer"))
                .toObject()
                .value(QStringLiteral("openid"))
                .toString()
                .startsWith(u'o'));
}

void TstSimServer::queryErrors_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown out_trade_no")
        << QByteArray("/v3/pay/transactions/out-trade-no/NOPE?mchid=1900000001") << 404
        << QStringLiteral("ORDER_NOT_EXIST");
    QTest::newRow("unknown transaction_id")
        << QByteArray("/v3/pay/transactions/id/4200000000000000000000000000?mchid=1900000001")
        << 404 << QStringLiteral("ORDER_NOT_EXIST");
    QTest::newRow("missing mchid") << QByteArray("/v3/pay/transactions/out-trade-no/NOPE") << 400
                                   << QStringLiteral("PARAM_ERROR");
    QTest::newRow("unknown refund") << QByteArray("/v3/refund/domestic/refunds/R0") << 404
                                    << QStringLiteral("RESOURCE_NOT_EXISTS");
}

void TstSimServer::queryErrors()
{
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    QFETCH(QString, code);
    const HttpResult r = get(target);
    QCOMPARE(r.status, status);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), code);
    // Answers to authenticated requests are signed, errors included.
    QVERIFY(verify(r).ok());
}

void TstSimServer::closeOrder_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("unpaid order: closed") << int(OrderRole::Unpaid) << 204 << QString();
    QTest::newRow("paid order: ORDER_PAID")
        << int(OrderRole::Normal) << 400 << QStringLiteral("ORDER_PAID");
}

void TstSimServer::closeOrder()
{
    QFETCH(int, role);
    QFETCH(int, status);
    QFETCH(QString, code);
    const QByteArray otn = orderWhere([role](const SimOrder &o) {
        return int(o.role) == role
               && (o.wxState == TradeState::NotPay || o.wxState == TradeState::Success);
    });
    QVERIFY(!otn.isEmpty());
    const QByteArray target = "/v3/pay/transactions/out-trade-no/" + otn + "/close";
    const QByteArray body = R"({"mchid":"1900000001"})";
    for (int round = 0; round < 2; ++round) { // closing is re-callable
        const HttpResult r = m_client->signedSend(m_signer, "POST", target, body);
        QCOMPARE(r.status, status);
        const core::VerifyResult v = verify(r); // a 204 verifies over TS\nNONCE\n\n
        QVERIFY2(v.ok(), qPrintable(v.message));
        if (status == 204)
            QVERIFY(r.body.isEmpty());
        else
            QCOMPARE(r.json().value(QStringLiteral("code")).toString(), code);
    }
    if (status == 204) {
        const HttpResult q = get("/v3/pay/transactions/out-trade-no/" + otn + "?mchid=1900000001");
        QCOMPARE(q.json().value(QStringLiteral("trade_state")).toString(),
                 QStringLiteral("CLOSED"));
    }
    const HttpResult wrong = m_client->signedSend(m_signer, "POST", target, R"({"mchid":"1"})");
    QCOMPARE(wrong.status, 400);
}

void TstSimServer::refundQuery()
{
    const SimDay &day = m_server->day();
    const SimRefund *refund = nullptr;
    for (const SimRefund &r : day.refunds) {
        if (r.wxState == RefundState::Success) {
            refund = &r;
            break;
        }
    }
    QVERIFY(refund);
    const HttpResult r = get("/v3/refund/domestic/refunds/" + day.outRefundNo(*refund));
    QCOMPARE(r.status, 200);
    QVERIFY(verify(r).ok());
    const QJsonObject j = r.json();
    QCOMPARE(j.value(QStringLiteral("status")).toString(), QStringLiteral("SUCCESS"));
    QCOMPARE(j.value(QStringLiteral("refund_id")).toString().toLatin1(), day.refundId(*refund));
    QCOMPARE(
        j.value(QStringLiteral("amount")).toObject().value(QStringLiteral("refund")).toInteger(),
        refund->amount);
    QVERIFY(j.contains(QStringLiteral("success_time")));
    QVERIFY(j.contains(QStringLiteral("create_time")));
}

void TstSimServer::bills_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<int>("type"); // -1 = fund flow
    QTest::addColumn<int>("columns");
    QTest::addColumn<bool>("gzip");
    QTest::newRow("ALL") << QByteArray("/v3/bill/tradebill?bill_date=%1") << int(TradeBillType::All)
                         << 27 << false;
    QTest::newRow("ALL, gzip") << QByteArray(
        "/v3/bill/tradebill?bill_date=%1&bill_type=ALL&tar_type=GZIP")
                               << int(TradeBillType::All) << 27 << true;
    QTest::newRow("SUCCESS") << QByteArray("/v3/bill/tradebill?bill_date=%1&bill_type=SUCCESS")
                             << int(TradeBillType::Success) << 20 << false;
    QTest::newRow("REFUND, gzip") << QByteArray(
        "/v3/bill/tradebill?bill_date=%1&bill_type=REFUND&tar_type=GZIP")
                                  << int(TradeBillType::Refund) << 29 << true;
    QTest::newRow("fund flow") << QByteArray(
        "/v3/bill/fundflowbill?bill_date=%1&account_type=BASIC")
                               << -1 << 11 << false;
}

void TstSimServer::bills()
{
    QFETCH(QByteArray, query);
    QFETCH(int, type);
    QFETCH(int, columns);
    QFETCH(bool, gzip);
    const QByteArray date = m_server->day().options.date.toString(Qt::ISODate).toLatin1();
    const HttpResult apply = get(QByteArray(query).replace("%1", date));
    QCOMPARE(apply.status, 200);
    QVERIFY(verify(apply).ok());
    const QJsonObject j = apply.json();
    QCOMPARE(j.value(QStringLiteral("hash_type")).toString(), QStringLiteral("SHA1"));
    const QUrl url(j.value(QStringLiteral("download_url")).toString());
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(url.path(), QStringLiteral("/v3/billdownload/file"));
    const QByteArray target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
    const HttpResult file = get(target);
    QCOMPARE(file.status, 200);
    QVERIFY(!file.headers.contains("Wechatpay-Signature")); // downloads are not signed
    const QByteArray plain = gzip ? gunzip(file.body) : file.body;
    QVERIFY(!plain.isEmpty());
    // hash_value = SHA-1 of the decompressed file, never of the gzip bytes (spec §7.3).
    QCOMPARE(QCryptographicHash::hash(plain, QCryptographicHash::Sha1).toHex(),
             j.value(QStringLiteral("hash_value")).toString().toLatin1());
    const Table t = readBill(plain);
    QVERIFY2(t.problem.isEmpty(), qPrintable(t.problem));
    QCOMPARE(t.header.size(), columns);
    QCOMPARE(plain, type < 0 ? fundFlowBill(m_server->day())
                             : tradeBill(m_server->day(), static_cast<TradeBillType>(type)));
}

void TstSimServer::billErrors_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("code");
    const QDate today = cst::billDateOf(cst::now());
    const auto q = [](const QDate &d, const QByteArray &extra) {
        return QByteArray("/v3/bill/tradebill?bill_date=" + d.toString(Qt::ISODate).toLatin1()
                          + extra);
    };
    QTest::newRow("a day without trades")
        << q(today.addDays(-5), {}) << QStringLiteral("NO_STATEMENT_EXIST");
    QTest::newRow("today") << q(today, {}) << QStringLiteral("INVALID_REQUEST");
    QTest::newRow("four months ago")
        << q(today.addMonths(-4), {}) << QStringLiteral("INVALID_REQUEST");
    QTest::newRow("bad date") << QByteArray("/v3/bill/tradebill?bill_date=2026-1-5")
                              << QStringLiteral("INVALID_REQUEST");
    QTest::newRow("no date") << QByteArray("/v3/bill/tradebill") << QStringLiteral("PARAM_ERROR");
    QTest::newRow("bad bill_type")
        << q(today.addDays(-1), "&bill_type=SOME") << QStringLiteral("PARAM_ERROR");
    QTest::newRow("bad tar_type") << q(today.addDays(-1), "&tar_type=ZIP")
                                  << QStringLiteral("PARAM_ERROR");
    QTest::newRow("operation account")
        << "/v3/bill/fundflowbill?bill_date=" + today.addDays(-1).toString(Qt::ISODate).toLatin1()
               + "&account_type=OPERATION"
        << QStringLiteral("NO_STATEMENT_EXIST");
}

void TstSimServer::billErrors()
{
    QFETCH(QByteArray, target);
    QFETCH(QString, code);
    const HttpResult r = get(target);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), code);
}

void TstSimServer::statementCreatingUntilReady()
{
    SimSettings s = settings(KeyMode::Certificates);
    s.billsReadyAt = cst::now() + 3600;
    SimServer late(s);
    QVERIFY_RESULT(late.start(0));
    Client c(late.baseUrl());
    const QByteArray target
        = "/v3/bill/tradebill?bill_date=" + s.day.date.toString(Qt::ISODate).toLatin1();
    HttpResult r = c.signedSend(m_signer, "GET", target);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(),
             QStringLiteral("STATEMENT_CREATING"));
    QCOMPARE(c.send("POST", "/_sim/bills/ready?in=0").status, 200);
    r = c.signedSend(m_signer, "GET", target);
    QCOMPARE(r.status, 200);
}

void TstSimServer::downloadUrlExpires()
{
    const QByteArray date = m_server->day().options.date.toString(Qt::ISODate).toLatin1();
    const HttpResult apply = get("/v3/bill/tradebill?bill_date=" + date);
    const QUrl url(apply.json().value(QStringLiteral("download_url")).toString());
    // The stand-in's clock jumps 60 s ahead: past the 30 s lifetime, inside the request window.
    FaultSettings f;
    f.clockSkewSeconds = 60;
    m_server->setFaults(f);
    const HttpResult r = m_client->signedSend(
        m_signer, "GET", url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority), {}, {},
        cst::now() + 60);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("INVALID_REQUEST"));
}

void TstSimServer::faults_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("expect");
    const QByteArray query = "/v3/pay/transactions/out-trade-no/%o?mchid=1900000001";
    const QByteArray bill = "/v3/bill/tradebill?bill_date=%d";
    QTest::newRow("500 SYSTEM_ERROR")
        << QStringLiteral("query:error500=1") << query << QStringLiteral("500");
    QTest::newRow("429 FREQUENCY_LIMITED")
        << QStringLiteral("query:error429=1") << query << QStringLiteral("429");
    QTest::newRow("dropped connection")
        << QStringLiteral("query:drop=1") << query << QStringLiteral("dropped");
    QTest::newRow("invalid response signature")
        << QStringLiteral("query:badsig=1") << query << QStringLiteral("badsig");
    QTest::newRow("missing signature headers")
        << QStringLiteral("query:nosig=1") << query << QStringLiteral("nosig");
    QTest::newRow("signed with the older certificate")
        << QStringLiteral("*:oldcert=1") << query << QStringLiteral("oldcert");
    QTest::newRow("truncated download")
        << QStringLiteral("download:truncate=1") << bill << QStringLiteral("truncated");
    QTest::newRow("download dropped mid-body")
        << QStringLiteral("download:drop=1") << bill << QStringLiteral("dropped-download");
    QTest::newRow("wrong hash") << QStringLiteral("tradebill:wronghash=1") << bill
                                << QStringLiteral("wronghash");
    QTest::newRow("another endpoint is not affected")
        << QStringLiteral("close:error500=1") << query << QStringLiteral("ok");
}

void TstSimServer::faults()
{
    QFETCH(QString, spec);
    QFETCH(QByteArray, target);
    QFETCH(QString, expect);
    FaultSettings f;
    QVERIFY_RESULT(parseFaults(spec, f));
    m_server->setFaults(f);
    const QByteArray otn
        = orderWhere([](const SimOrder &o) { return o.role == OrderRole::Normal; });
    target.replace("%o", otn).replace(
        "%d", m_server->day().options.date.toString(Qt::ISODate).toLatin1());
    HttpResult r = get(target);
    if (target.startsWith("/v3/bill/")) {
        QCOMPARE(r.status, 200);
        const QJsonObject j = r.json();
        const QUrl url(j.value(QStringLiteral("download_url")).toString());
        const HttpResult file = get(url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority));
        const QByteArray sha1
            = QCryptographicHash::hash(file.body, QCryptographicHash::Sha1).toHex();
        const QByteArray full = tradeBill(m_server->day(), TradeBillType::All);
        if (expect == u"truncated") {
            QCOMPARE(file.status, 200);
            QVERIFY(file.body.size() < full.size());
            QVERIFY(sha1 != j.value(QStringLiteral("hash_value")).toString().toLatin1());
        } else if (expect == u"dropped-download") {
            QVERIFY(file.error != QNetworkReply::NoError);
        } else {
            QCOMPARE(file.body, full);
            QVERIFY(sha1 != j.value(QStringLiteral("hash_value")).toString().toLatin1());
        }
        return;
    }
    const core::VerifyResult v = verify(r);
    if (expect == u"500" || expect == u"429") {
        QCOMPARE(r.status, expect.toInt());
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(),
                 expect == u"500" ? QStringLiteral("SYSTEM_ERROR")
                                  : QStringLiteral("FREQUENCY_LIMITED"));
    } else if (expect == u"dropped") {
        QCOMPARE(r.status, 0);
        QVERIFY(r.error != QNetworkReply::NoError);
    } else if (expect == u"badsig") {
        QCOMPARE(r.status, 200);
        QCOMPARE(v.failure, core::VerifyFailure::BadSignature);
    } else if (expect == u"nosig") {
        QCOMPARE(r.status, 200);
        QCOMPARE(v.failure, core::VerifyFailure::MissingHeader);
    } else if (expect == u"oldcert") {
        QCOMPARE(r.status, 200);
        QVERIFY(v.ok());
        QCOMPARE(r.header("Wechatpay-Serial"), m_server->keys().platform().first().serial);
    } else {
        QCOMPARE(r.status, 200);
        QVERIFY(v.ok());
    }
}

void TstSimServer::latency()
{
    FaultSettings f;
    QVERIFY_RESULT(parseFaults(QStringLiteral("certificates:latency=300"), f));
    m_server->setFaults(f);
    const HttpResult r = get("/v3/certificates");
    QCOMPARE(r.status, 200);
    QVERIFY2(r.elapsedMs >= 290, qPrintable(QString::number(r.elapsedMs)));
}

void TstSimServer::rateLimitAndCounters()
{
    QCOMPARE(m_client->send("DELETE", "/_sim/requests").status, 200);
    FaultSettings f;
    QVERIFY_RESULT(parseFaults(QStringLiteral("refund-query:limit=2"), f));
    m_server->setFaults(f);
    int limited = 0;
    for (int i = 0; i < 8; ++i) {
        const HttpResult r = get("/v3/refund/domestic/refunds/R0");
        if (r.status == 429) {
            ++limited;
            QCOMPARE(r.json().value(QStringLiteral("code")).toString(),
                     QStringLiteral("FREQUENCY_LIMITED"));
        }
    }
    // Eight requests fall into at most two (rarely three) seconds: at most six pass.
    QVERIFY2(limited >= 2, qPrintable(QString::number(limited)));
    const QJsonObject counts = m_client->send("GET", "/_sim/requests")
                                   .json()
                                   .value(QStringLiteral("requests"))
                                   .toObject();
    int total = 0;
    for (const auto &v : counts.value(QStringLiteral("refund-query")).toObject())
        total += v.toInt();
    QCOMPARE(total, 8); // rejected requests are counted too
}

void TstSimServer::clockSkew()
{
    FaultSettings f;
    QVERIFY_RESULT(parseFaults(QStringLiteral("clock:skew=400"), f));
    m_server->setFaults(f);
    HttpResult r = get("/v3/certificates");
    QCOMPARE(r.status, 401); // our timestamp is 400 s behind the stand-in's clock
    r = m_client->signedSend(m_signer, "GET", "/v3/certificates", {}, {}, cst::now() + 400);
    QCOMPARE(r.status, 200);
    QCOMPARE(verify(r).failure, core::VerifyFailure::StaleTimestamp);
    QVERIFY(core::verify(*m_keys, r.headers, r.body, cst::now() + 400).ok());
}

void TstSimServer::certificateRotation()
{
    const QByteArray before = m_server->keys().platform().last().serial;
    const HttpResult rot = m_client->send("POST", "/_sim/rotate");
    QCOMPARE(rot.status, 200);
    const QByteArray serial = rot.json().value(QStringLiteral("serial")).toString().toLatin1();
    QVERIFY(serial != before);
    // Signed with the new certificate, which the client does not know yet.
    HttpResult r = get("/v3/certificates");
    QCOMPARE(r.header("Wechatpay-Serial"), serial);
    QCOMPARE(verify(r).failure, core::VerifyFailure::UnknownSerial);
    const auto list = decryptCertificates(r.json(), m_config.apiV3Key);
    QCOMPARE(list.size(), 3);
    m_keys->replaceCertificates(list, cst::now());
    QVERIFY(verify(r).ok());
    // The rotation is kept in the state directory.
    QCOMPARE(SimKeys::openOrCreate(m_server->stateDir(), "1900000001")->platform().size(), 3);
}

void TstSimServer::rotationAnnouncedAhead()
{
    // A new certificate listed a day ahead (spec §3.3): signing stays with the current one,
    // whose announced expiry moves to a day after the switch.
    const QByteArray current = m_server->keys().signingPlatform(cst::now()).serial;
    const HttpResult rot = m_client->send("POST", "/_sim/rotate?ahead=86400");
    QCOMPARE(rot.status, 200);
    const QByteArray upcoming = rot.json().value(QStringLiteral("serial")).toString().toLatin1();
    const HttpResult r = get("/v3/certificates");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Wechatpay-Serial"), current);
    QVERIFY(verify(r).ok());
    qint64 upcomingEffective = 0, currentExpire = 0;
    for (const auto &v : r.json().value(QStringLiteral("data")).toArray()) {
        const QJsonObject o = v.toObject();
        const QByteArray serial = o.value(QStringLiteral("serial_no")).toString().toLatin1();
        if (serial == upcoming)
            upcomingEffective
                = *cst::parseRfc3339(o.value(QStringLiteral("effective_time")).toString());
        if (serial == current)
            currentExpire = *cst::parseRfc3339(o.value(QStringLiteral("expire_time")).toString());
    }
    QVERIFY(upcomingEffective >= cst::now() + 86400 - 5);
    QCOMPARE(currentExpire, upcomingEffective + 86400);
    // From the switch on, the new one signs.
    QCOMPARE(m_server->keys().signingPlatform(upcomingEffective).serial, upcoming);
    m_keys->replaceCertificates(decryptCertificates(r.json(), m_config.apiV3Key), cst::now());
}

void TstSimServer::keyModes_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QByteArray>("askedSerial");
    QTest::addColumn<bool>("publicKeySigns");
    QTest::newRow("pubkey mode") << int(KeyMode::PublicKey) << QByteArray() << true;
    QTest::newRow("both, client asks for the public key")
        << int(KeyMode::Both) << QByteArray("PUBKEY") << true;
    QTest::newRow("both, client names a certificate")
        << int(KeyMode::Both) << QByteArray("CERT") << false;
    QTest::newRow("both, no Wechatpay-Serial") << int(KeyMode::Both) << QByteArray() << false;
}

void TstSimServer::keyModes()
{
    QFETCH(int, mode);
    QFETCH(QByteArray, askedSerial);
    QFETCH(bool, publicKeySigns);
    SimServer server(settings(static_cast<KeyMode>(mode))); // same state directory, same keys
    QVERIFY_RESULT(server.start(0));
    const auto config = core::MerchantConfig::load(server.merchantIniPath(), QProcessEnvironment());
    QVERIFY_RESULT(config);
    QCOMPARE(int(config->keyMode), mode);
    QCOMPARE(config->publicKeyId.toLatin1(), server.keys().publicKeyId());
    Client c(server.baseUrl());
    QList<QPair<QByteArray, QByteArray>> headers;
    if (askedSerial == "PUBKEY")
        headers.append({"Wechatpay-Serial", server.keys().publicKeyId()});
    else if (askedSerial == "CERT")
        headers.append({"Wechatpay-Serial", server.keys().platform().last().serial});
    const HttpResult r = c.signedSend(m_signer, "GET", "/v3/certificates", {}, headers);
    QCOMPARE(r.status, 200);
    QVERIFY(verify(r).ok());
    QCOMPARE(r.header("Wechatpay-Serial") == server.keys().publicKeyId(), publicKeySigns);
    QCOMPARE(r.json().value(QStringLiteral("data")).toArray().isEmpty(),
             mode == int(KeyMode::PublicKey));
}

void TstSimServer::controlApi()
{
    const QJsonObject state = m_client->send("GET", "/_sim/state").json();
    QCOMPARE(state.value(QStringLiteral("mchid")).toString(), QStringLiteral("1900000001"));
    QCOMPARE(state.value(QStringLiteral("key_mode")).toString(), QStringLiteral("cert"));
    HttpResult r = m_client->send("POST", "/_sim/faults", "query:error500=0.5;notify:lost=0.25");
    QCOMPARE(r.status, 200);
    QVERIFY(r.json()
                .value(QStringLiteral("faults"))
                .toString()
                .contains(QStringLiteral("query:error500=0.5")));
    QCOMPARE(m_server->faults().notify.lost, 0.25);
    r = m_client->send("POST", "/_sim/faults", "query:nonsense=1");
    QCOMPARE(r.status, 400);
    QVERIFY(
        r.json().value(QStringLiteral("message")).toString().contains(QStringLiteral("nonsense")));
    QCOMPARE(m_client->send("DELETE", "/_sim/faults").status, 200);
    QCOMPARE(m_server->faults().forEndpoint(QStringLiteral("query")).error500, 0.0);
    QCOMPARE(m_client->send("POST", "/_sim/orders/NOPE/pay").status, 404);
    QCOMPARE(m_client->send("GET", "/_sim/nothing").status, 404);
    // Unsigned control requests never reach the API.
    QCOMPARE(m_client->send("GET", "/v3/certificates").status, 401);
}

void TstSimServer::serveCommandPrintsListening()
{
    QProcess p;
    p.start(QStringLiteral(WXR_BIN_DIR "/wxrecon-sim"),
            {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
             QStringLiteral("--state-dir"), m_dir.filePath(QStringLiteral("state")),
             QStringLiteral("--orders"), QStringLiteral("50"), QStringLiteral("--faults"),
             QStringLiteral("query:latency=10")});
    QVERIFY(p.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 20000);
    const QByteArray line = p.readLine().trimmed();
    QVERIFY2(line.startsWith("listening on http://127.0.0.1:"), line.constData());
    const quint16 port = line.mid(line.lastIndexOf(':') + 1).toUShort();
    QVERIFY(port > 0);
    Client c(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    QCOMPARE(c.send("GET", "/_sim/state").json().value(QStringLiteral("orders")).toInt() > 0, true);
    p.terminate();
    QVERIFY(p.waitForFinished(5000));

    QProcess bad;
    bad.start(QStringLiteral(WXR_BIN_DIR "/wxrecon-sim"),
              {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
               QStringLiteral("--state-dir"), m_dir.filePath(QStringLiteral("state")),
               QStringLiteral("--faults"), QStringLiteral("bogus:x=1")});
    QVERIFY(bad.waitForFinished(10000));
    QCOMPARE(bad.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TstSimServer)
#include "tst_simserver.moc"
