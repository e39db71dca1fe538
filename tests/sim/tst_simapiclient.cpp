// SPDX-License-Identifier: GPL-3.0-or-later
// Integration: the protocol core's ApiClient against the in-process stand-in, configured from
// the merchant.ini the stand-in writes. Every endpoint, every key mode and every fault.
#include "common/cstime.h"
#include "dayfiles.h"
#include "simclient.h"
#include "simserver.h"
#include "testutil.h"
#include "wechatpay/apiclient.h"
#include "wechatpay/merchantconfig.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFutureWatcher>
#include <QTemporaryDir>
#include <QTest>

using namespace wxr;
using wxr::core::ApiClient;
using wxr::sim::SimServer;
using wxr::sim::SimSettings;
using wxr::simtest::Client;

namespace {

template<typename T>
T await(QFuture<T> future)
{
    QFutureWatcher<T> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished()) {
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return future.result();
}

int requestsTo(SimServer &server, const QString &endpoint)
{
    int total = 0;
    for (const auto &v : server.requestCounts().value(endpoint).toObject())
        total += v.toInt();
    return total;
}

} // namespace

class TstSimApiClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void certificatesRefreshAndCache();
    void queryOrders_data();
    void queryOrders();
    void unknownOrderIsNotFound();
    void closeOrder();
    void queryRefund();
    void tradeBills_data();
    void tradeBills();
    void knownTradeBillIsNotDownloaded();
    void fundFlowBill();
    void emptyAndNotReadyBills();
    void faults_data();
    void faults();
    void transientErrorsAreRetried_data();
    void transientErrorsAreRetried();
    void expiredDownloadIsAppliedForOnce();
    void clockSkewIsASignError();
    void rotationIsPickedUpOnUnknownSerial();
    void clientRateLimitShowsInTheCounters();
    void publicKeyModes_data();
    void publicKeyModes();

private:
    std::unique_ptr<SimServer> startServer(wxr::KeyMode mode,
                                           sim::NoCertificatesAnswer none
                                           = sim::NoCertificatesAnswer::EmptyList);
    std::unique_ptr<ApiClient> clientFor(const SimServer &server);
    void setFaults(const QString &spec);
    QByteArray order(const std::function<bool(const sim::SimOrder &)> &pred) const;

    QTemporaryDir m_dir;
    std::unique_ptr<SimServer> m_server;
    std::unique_ptr<ApiClient> m_client;
};

std::unique_ptr<SimServer> TstSimApiClient::startServer(wxr::KeyMode mode,
                                                        sim::NoCertificatesAnswer none)
{
    SimSettings s;
    s.stateDir = m_dir.filePath(QStringLiteral("state"));
    s.day.orders = 500;
    s.day.seed = 21;
    s.day.date = cst::billDateOf(cst::now()).addDays(-1);
    s.keyMode = mode;
    s.noCertificates = none;
    auto server = std::make_unique<SimServer>(s);
    if (!server->start(0))
        return nullptr;
    return server;
}

std::unique_ptr<ApiClient> TstSimApiClient::clientFor(const SimServer &server)
{
    auto config = core::MerchantConfig::load(server.merchantIniPath(), QProcessEnvironment());
    if (!config)
        return nullptr;
    // Fast retries and generous client-side limits keep the test short.
    config->client.backoffBaseMs = 5;
    config->client.backoffCapMs = 20;
    config->client.billRatePerSecond = 1000;
    config->client.queryRatePerSecond = 1000;
    config->client.certificateRatePerSecond = 1000;
    config->client.burst = 100;
    config->client.timeoutMs = 5000;
    config->client.certRefreshSeconds = 0;
    config->client.unknownSerialRefreshSeconds = 0;
    auto client = ApiClient::create(*config);
    return client ? std::move(*client) : nullptr;
}

void TstSimApiClient::setFaults(const QString &spec)
{
    sim::FaultSettings f;
    QVERIFY_RESULT(sim::parseFaults(spec, f));
    m_server->setFaults(f);
}

QByteArray TstSimApiClient::order(const std::function<bool(const sim::SimOrder &)> &pred) const
{
    for (const sim::SimOrder &o : m_server->day().orders) {
        if (pred(o))
            return m_server->day().outTradeNo(o);
    }
    return {};
}

void TstSimApiClient::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = startServer(wxr::KeyMode::Certificates);
    QVERIFY(m_server);
}

void TstSimApiClient::init()
{
    m_server->setFaults({});
    m_server->resetRequestCounts();
    // Other stand-ins of this test share the state directory and rewrite merchant.ini.
    QVERIFY_RESULT(m_server->keys().writeMerchantIni(m_server->baseUrl().toString(),
                                                     wxr::KeyMode::Certificates));
    m_client = clientFor(*m_server);
    QVERIFY(m_client);
    const auto refresh = await(m_client->refreshCertificates());
    QVERIFY_RESULT(refresh);
    m_server->resetRequestCounts();
}

void TstSimApiClient::certificatesRefreshAndCache()
{
    const auto refresh = await(m_client->refreshCertificates());
    QVERIFY_RESULT(refresh);
    QCOMPARE(refresh->certificates.size(), m_server->keys().platform().size());
    QVERIFY(!refresh->noCertificates);
    QVERIFY(m_client->keyStore()->knows(
        QString::fromLatin1(m_server->keys().platform().last().serial)));
    // The cache named by merchant.ini (certs/) now holds them.
    QVERIFY(!QDir(m_dir.filePath(QStringLiteral("state/certs"))).isEmpty(QDir::Files));
}

void TstSimApiClient::queryOrders_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("byTransactionId");
    QTest::addColumn<QString>("state");
    QTest::newRow("paid, by out_trade_no")
        << int(sim::OrderRole::Normal) << false << QStringLiteral("SUCCESS");
    QTest::newRow("paid, by transaction_id")
        << int(sim::OrderRole::Normal) << true << QStringLiteral("SUCCESS");
    QTest::newRow("lost callback")
        << int(sim::OrderRole::StatusMismatch) << false << QStringLiteral("SUCCESS");
    QTest::newRow("revoked") << int(sim::OrderRole::Revoked) << false << QStringLiteral("REVOKED");
}

void TstSimApiClient::queryOrders()
{
    QFETCH(int, role);
    QFETCH(bool, byTransactionId);
    QFETCH(QString, state);
    const sim::SimDay &day = m_server->day();
    const sim::SimOrder *o = nullptr;
    for (const sim::SimOrder &x : day.orders) {
        if (int(x.role) == role && x.wxState != sim::TradeState::Refund
            && x.wxState
                   == (state == u"REVOKED" ? sim::TradeState::Revoked : sim::TradeState::Success)) {
            o = &x;
            break;
        }
    }
    QVERIFY(o);
    const auto r = await(
        byTransactionId
            ? m_client->queryOrderByTransactionId(QString::fromLatin1(day.transactionId(*o)))
            : m_client->queryOrderByOutTradeNo(QString::fromLatin1(day.outTradeNo(*o))));
    QVERIFY_RESULT(r);
    QCOMPARE(r->outTradeNo.toLatin1(), day.outTradeNo(*o));
    QCOMPARE(r->tradeStateText, state);
    QCOMPARE(r->transactionId.toLatin1(), day.transactionId(*o));
    QCOMPARE(r->amountTotal.value_or(-1), o->amount);
    QCOMPARE(r->successTime.value_or(0), o->wxPaidAt);
    QVERIFY(!r->requestId.isEmpty());
}

void TstSimApiClient::unknownOrderIsNotFound()
{
    const auto r = await(m_client->queryOrderByOutTradeNo(QStringLiteral("T0")));
    QVERIFY(!r.ok());
    QVERIFY(r.apiError().isNotFound());
    QCOMPARE(r.apiError().code, QStringLiteral("ORDER_NOT_EXIST"));
    QCOMPARE(r.apiError().httpStatus, 404);
    QVERIFY(r.apiError().requestId.endsWith("-268512771"));
}

void TstSimApiClient::closeOrder()
{
    const QByteArray unpaid
        = order([](const sim::SimOrder &o) { return o.wxState == sim::TradeState::NotPay; });
    QVERIFY_RESULT(await(m_client->closeOrder(QString::fromLatin1(unpaid))));
    QVERIFY_RESULT(await(m_client->closeOrder(QString::fromLatin1(unpaid)))); // re-callable
    const auto q = await(m_client->queryOrderByOutTradeNo(QString::fromLatin1(unpaid)));
    QCOMPARE(q->tradeStateText, QStringLiteral("CLOSED"));
    const QByteArray paid
        = order([](const sim::SimOrder &o) { return o.wxState == sim::TradeState::Success; });
    const auto r = await(m_client->closeOrder(QString::fromLatin1(paid)));
    QVERIFY(!r.ok());
    QCOMPARE(r.apiError().code, QStringLiteral("ORDER_PAID"));
    QCOMPARE(r.apiError().attempts, 1); // a 400 is not retried
}

void TstSimApiClient::queryRefund()
{
    const sim::SimDay &day = m_server->day();
    for (const sim::SimRefund &rf : day.refunds) {
        if (rf.wxState == sim::RefundState::None)
            continue;
        const auto r = await(m_client->queryRefund(QString::fromLatin1(day.outRefundNo(rf))));
        QVERIFY_RESULT(r);
        QCOMPARE(r->outRefundNo.toLatin1(), day.outRefundNo(rf));
        return;
    }
    QFAIL("no refund in the day");
}

void TstSimApiClient::tradeBills_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("gzip");
    QTest::newRow("ALL, gzip") << int(core::TradeBillType::All) << true;
    QTest::newRow("ALL, plain") << int(core::TradeBillType::All) << false;
    QTest::newRow("SUCCESS") << int(core::TradeBillType::Success) << true;
    QTest::newRow("REFUND") << int(core::TradeBillType::Refund) << true;
}

void TstSimApiClient::tradeBills()
{
    QFETCH(int, type);
    QFETCH(bool, gzip);
    const auto r = await(m_client->downloadTradeBill(m_server->day().options.date,
                                                     static_cast<core::TradeBillType>(type), gzip));
    QVERIFY_RESULT(r);
    QCOMPARE(r->status, core::BillFile::Status::Ready);
    QCOMPARE(r->wasCompressed, gzip);
    QCOMPARE(r->data, sim::tradeBill(m_server->day(), static_cast<sim::TradeBillType>(type)));
    QCOMPARE(r->sha1Hex, QCryptographicHash::hash(r->data, QCryptographicHash::Sha1).toHex());
}

void TstSimApiClient::knownTradeBillIsNotDownloaded()
{
    const QDate date = m_server->day().options.date;
    const QByteArray sha1
        = QCryptographicHash::hash(sim::tradeBill(m_server->day(), sim::TradeBillType::All),
                                   QCryptographicHash::Sha1)
              .toHex();
    QList<QByteArray> asked;
    const auto known = await(m_client->downloadTradeBill(date, core::TradeBillType::All, true,
                                                         [&](const QByteArray &announced) {
                                                             asked.append(announced);
                                                             return announced == sha1;
                                                         }));
    QVERIFY_RESULT(known);
    QCOMPARE(known->status, core::BillFile::Status::Known);
    QCOMPARE(known->sha1Hex, sha1);
    QVERIFY(known->data.isEmpty());
    QCOMPARE(known->downloadRequestId, QByteArray());
    QCOMPARE(asked, QList<QByteArray>{sha1});
    // Another file (a different SHA-1 held) is downloaded as usual.
    const auto other = await(m_client->downloadTradeBill(
        date, core::TradeBillType::All, true,
        [](const QByteArray &announced) { return announced == QByteArray(40, '0'); }));
    QVERIFY_RESULT(other);
    QCOMPARE(other->status, core::BillFile::Status::Ready);
    QCOMPARE(other->sha1Hex, sha1);
    QCOMPARE(other->data, sim::tradeBill(m_server->day(), sim::TradeBillType::All));
}

void TstSimApiClient::fundFlowBill()
{
    const auto r = await(m_client->downloadFundFlowBill(m_server->day().options.date));
    QVERIFY_RESULT(r);
    QCOMPARE(r->status, core::BillFile::Status::Ready);
    QCOMPARE(r->data, sim::fundFlowBill(m_server->day()));
}

void TstSimApiClient::emptyAndNotReadyBills()
{
    const auto empty = await(m_client->downloadTradeBill(m_server->day().options.date.addDays(-3)));
    QVERIFY_RESULT(empty);
    QCOMPARE(empty->status, core::BillFile::Status::Empty);
    Client control(m_server->baseUrl());
    QCOMPARE(control.send("POST", "/_sim/bills/ready?in=3600").status, 200);
    const auto creating = await(m_client->downloadTradeBill(m_server->day().options.date));
    QCOMPARE(control.send("POST", "/_sim/bills/ready?in=0").status, 200);
    QVERIFY_RESULT(creating);
    QCOMPARE(creating->status, core::BillFile::Status::NotReady);
}

void TstSimApiClient::faults_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("call");
    QTest::addColumn<int>("kind"); // ErrorCode; -1 = succeeds
    QTest::addColumn<int>("verifyFailure");
    QTest::addColumn<int>("attempts"); // 0 = don't check
    const int none = int(core::VerifyFailure::None);
    QTest::newRow("500 every time: retried, then an API error")
        << QStringLiteral("query:error500=1") << QStringLiteral("query") << int(ErrorCode::Api)
        << none << 4;
    QTest::newRow("429 every time: rate limited")
        << QStringLiteral("query:error429=1") << QStringLiteral("query") << int(ErrorCode::Api)
        << none << 4;
    QTest::newRow("dropped connections: network error")
        << QStringLiteral("query:drop=1") << QStringLiteral("query") << int(ErrorCode::Network)
        << none << 4;
    QTest::newRow("bad response signature: body discarded")
        << QStringLiteral("query:badsig=1") << QStringLiteral("query")
        << int(ErrorCode::Verification) << int(core::VerifyFailure::BadSignature) << 0;
    QTest::newRow("2xx without signature headers is forged")
        << QStringLiteral("query:nosig=1") << QStringLiteral("query")
        << int(ErrorCode::Verification) << int(core::VerifyFailure::MissingHeader) << 0;
    QTest::newRow("older platform certificate still verifies")
        << QStringLiteral("*:oldcert=1") << QStringLiteral("query") << -1 << none << 1;
    QTest::newRow("latency 150 ms")
        << QStringLiteral("query:latency=150") << QStringLiteral("query") << -1 << none << 1;
    QTest::newRow("truncated plain bill: SHA-1 mismatch")
        << QStringLiteral("download:truncate=1") << QStringLiteral("bill")
        << int(ErrorCode::Verification) << none << 0;
    // A cut gzip stream fails to decompress before any digest can be computed.
    QTest::newRow("truncated gzip bill: damaged stream")
        << QStringLiteral("download:truncate=1") << QStringLiteral("bill-gzip")
        << int(ErrorCode::InvalidInput) << none << 0;
    QTest::newRow("wrong hash_value: SHA-1 mismatch")
        << QStringLiteral("tradebill:wronghash=1") << QStringLiteral("bill-gzip")
        << int(ErrorCode::Verification) << none << 0;
    QTest::newRow("plain download dropped mid-body")
        << QStringLiteral("download:drop=1") << QStringLiteral("bill")
        << int(ErrorCode::Verification) << none << 0;
    QTest::newRow("gzip download dropped mid-body")
        << QStringLiteral("download:drop=1") << QStringLiteral("bill-gzip")
        << int(ErrorCode::InvalidInput) << none << 0;
    QTest::newRow("certificates endpoint failing")
        << QStringLiteral("certificates:error500=1") << QStringLiteral("certs")
        << int(ErrorCode::Api) << none << 4;
}

void TstSimApiClient::faults()
{
    QFETCH(QString, spec);
    QFETCH(QString, call);
    QFETCH(int, kind);
    QFETCH(int, verifyFailure);
    QFETCH(int, attempts);
    setFaults(spec);
    const QByteArray paid
        = order([](const sim::SimOrder &o) { return o.wxState == sim::TradeState::Success; });
    std::optional<core::ApiError> error;
    int made = 0;
    QElapsedTimer timer;
    timer.start();
    if (call == u"query") {
        const auto r = await(m_client->queryOrderByOutTradeNo(QString::fromLatin1(paid)));
        if (!r.ok())
            error = r.apiError();
        made = requestsTo(*m_server, QStringLiteral("query"));
    } else if (call.startsWith(u"bill")) {
        const auto r = await(m_client->downloadTradeBill(
            m_server->day().options.date, core::TradeBillType::All, call == u"bill-gzip"));
        if (!r.ok())
            error = r.apiError();
    } else {
        const auto r = await(m_client->refreshCertificates());
        if (!r.ok())
            error = r.apiError();
        made = requestsTo(*m_server, QStringLiteral("certificates"));
    }
    if (kind < 0) {
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        if (spec.contains(u"latency"))
            QVERIFY(timer.elapsed() >= 140);
    } else {
        QVERIFY(error);
        QCOMPARE(int(error->kind), kind);
        if (verifyFailure != int(core::VerifyFailure::None))
            QCOMPARE(int(error->verifyFailure), verifyFailure);
        if (spec.contains(u"error429"))
            QVERIFY(error->isRateLimited());
    }
    if (attempts > 0) {
        QCOMPARE(error ? error->attempts : 1, attempts);
        // The stand-in saw at least as many (QNetworkAccessManager itself resends once when a
        // kept-alive connection is closed under it).
        QVERIFY(made >= attempts);
    }
}

void TstSimApiClient::transientErrorsAreRetried_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("endpoint");
    QTest::newRow("two 500s on a query")
        << QStringLiteral("query:fail-next=2") << QStringLiteral("query");
    QTest::newRow("a 500 on the bill apply")
        << QStringLiteral("tradebill:fail-next=1") << QStringLiteral("tradebill");
    QTest::newRow("a 500 on the download")
        << QStringLiteral("download:fail-next=1") << QStringLiteral("download");
}

void TstSimApiClient::transientErrorsAreRetried()
{
    QFETCH(QString, spec);
    QFETCH(QString, endpoint);
    setFaults(spec);
    if (endpoint == u"query") {
        const QByteArray paid
            = order([](const sim::SimOrder &o) { return o.wxState == sim::TradeState::Success; });
        const auto r = await(m_client->queryOrderByOutTradeNo(QString::fromLatin1(paid)));
        QVERIFY_RESULT(r);
        QCOMPARE(requestsTo(*m_server, endpoint), 3);
    } else {
        const auto r = await(m_client->downloadTradeBill(m_server->day().options.date));
        QVERIFY_RESULT(r);
        QCOMPARE(r->status, core::BillFile::Status::Ready);
        QCOMPARE(requestsTo(*m_server, endpoint), 2);
    }
}

void TstSimApiClient::expiredDownloadIsAppliedForOnce()
{
    setFaults(QStringLiteral("download:expire=1"));
    const auto r = await(m_client->downloadTradeBill(m_server->day().options.date));
    QVERIFY(!r.ok());
    QCOMPARE(r.apiError().code, QStringLiteral("INVALID_REQUEST"));
    QCOMPARE(requestsTo(*m_server, QStringLiteral("tradebill")), 2);
    QCOMPARE(requestsTo(*m_server, QStringLiteral("download")), 2);
}

void TstSimApiClient::clockSkewIsASignError()
{
    setFaults(QStringLiteral("clock:skew=900"));
    const auto r = await(m_client->queryOrderByOutTradeNo(QStringLiteral("T1")));
    QVERIFY(!r.ok());
    QCOMPARE(r.apiError().httpStatus, 401);
    QCOMPARE(r.apiError().code, QStringLiteral("SIGN_ERROR"));
}

void TstSimApiClient::rotationIsPickedUpOnUnknownSerial()
{
    QVERIFY_RESULT(m_server->rotatePlatformCertificate());
    const QString serial = QString::fromLatin1(m_server->keys().platform().last().serial);
    QVERIFY(!m_client->keyStore()->knows(serial));
    const QByteArray paid
        = order([](const sim::SimOrder &o) { return o.wxState == sim::TradeState::Success; });
    const auto r = await(m_client->queryOrderByOutTradeNo(QString::fromLatin1(paid)));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.apiError().message));
    QVERIFY(m_client->keyStore()->knows(serial));
}

void TstSimApiClient::clientRateLimitShowsInTheCounters()
{
    auto config = core::MerchantConfig::load(m_server->merchantIniPath(), QProcessEnvironment());
    QVERIFY_RESULT(config);
    config->client.queryRatePerSecond = 4;
    config->client.burst = 1;
    auto client = ApiClient::create(*config);
    QVERIFY_RESULT(client);
    QVERIFY_RESULT(await((*client)->refreshCertificates()));
    m_server->resetRequestCounts();
    QList<QFuture<core::ApiResult<core::WechatTransaction>>> calls;
    for (int i = 0; i < 8; ++i)
        calls.append((*client)->queryOrderByOutTradeNo(QStringLiteral("T%1").arg(i)));
    for (auto &c : calls)
        (void)await(c);
    const QJsonObject perSecond
        = m_server->requestCounts().value(QStringLiteral("query")).toObject();
    int total = 0;
    for (const auto &v : perSecond) {
        QVERIFY2(v.toInt() <= 5, "more queries in one second than the client's limit allows");
        total += v.toInt();
    }
    QCOMPARE(total, 8);
    QVERIFY(perSecond.size() >= 2);
}

void TstSimApiClient::publicKeyModes_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("noCertificates");
    QTest::newRow("pubkey, certificates answer an empty list")
        << int(wxr::KeyMode::PublicKey) << int(sim::NoCertificatesAnswer::EmptyList);
    QTest::newRow("pubkey, RESOURCE_NOT_EXISTS")
        << int(wxr::KeyMode::PublicKey) << int(sim::NoCertificatesAnswer::ResourceNotExists);
    QTest::newRow("pubkey, NOT_FOUND")
        << int(wxr::KeyMode::PublicKey) << int(sim::NoCertificatesAnswer::NotFound);
    QTest::newRow("both") << int(wxr::KeyMode::Both) << int(sim::NoCertificatesAnswer::EmptyList);
}

void TstSimApiClient::publicKeyModes()
{
    QFETCH(int, mode);
    QFETCH(int, noCertificates);
    auto server = startServer(static_cast<wxr::KeyMode>(mode),
                              static_cast<sim::NoCertificatesAnswer>(noCertificates));
    QVERIFY(server);
    auto client = clientFor(*server);
    QVERIFY(client);
    const auto refresh = await(client->refreshCertificates());
    QVERIFY_RESULT(refresh);
    QCOMPARE(refresh->noCertificates, mode == int(wxr::KeyMode::PublicKey));
    QByteArray paid;
    for (const sim::SimOrder &o : server->day().orders) {
        if (o.wxState == sim::TradeState::Success) {
            paid = server->day().outTradeNo(o);
            break;
        }
    }
    const auto r = await(client->queryOrderByOutTradeNo(QString::fromLatin1(paid)));
    QVERIFY_RESULT(r);
    const auto bill = await(client->downloadTradeBill(server->day().options.date));
    QVERIFY_RESULT(bill);
    QCOMPARE(bill->status, core::BillFile::Status::Ready);
}

QTEST_GUILESS_MAIN(TstSimApiClient)
#include "tst_simapiclient.moc"
