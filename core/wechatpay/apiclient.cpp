// SPDX-License-Identifier: GPL-3.0-or-later
#include "wechatpay/apiclient.h"

#include "common/coretr.h"
#include "common/cstime.h"
#include "common/version.h"
#include "crypto/constanttime.h"
#include "crypto/random.h"
#include "wechatpay/certificatelist.h"
#include "wechatpay/gzip.h"
#include "wechatpay/responseverifier.h"
#include "wechatpay/signing.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QRandomGenerator>

#include <algorithm>

namespace wxr::core {

namespace {

bool validIdentifier(const QString &s, int maxLength, QStringView extra)
{
    if (s.isEmpty() || s.size() > maxLength)
        return false;
    return std::all_of(s.begin(), s.end(), [&](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
               || extra.contains(c);
    });
}

ApiError localError(ErrorCode kind, const QString &message)
{
    ApiError e;
    e.kind = kind;
    e.message = message;
    return e;
}

bool isNotFoundCode(const QString &code)
{
    // Both spellings of "order does not exist" are in circulation (spec §6.2, open question 10).
    return code == u"ORDER_NOT_EXIST" || code == u"ORDERNOTEXIST" || code == u"RESOURCE_NOT_EXISTS"
           || code == u"NOT_FOUND";
}

// A non-2xx answer: its body is unauthenticated diagnostics (spec §2.4), read only for the code.
ApiError errorFromResponse(const ApiClient::Response &r, const QString &what)
{
    ApiError e;
    e.httpStatus = r.httpStatus;
    e.requestId = r.requestId;
    e.attempts = r.attempts;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        e.code = o.value(QStringLiteral("code")).toString();
        e.apiMessage = o.value(QStringLiteral("message")).toString();
        const QJsonValue detail = o.value(QStringLiteral("detail"));
        if (detail.isObject())
            e.detail = QJsonDocument(detail.toObject()).toJson(QJsonDocument::Compact);
        else if (detail.isArray())
            e.detail = QJsonDocument(detail.toArray()).toJson(QJsonDocument::Compact);
    } else {
        e.detail = r.body.left(2048);
    }
    e.kind = r.httpStatus == 404 || isNotFoundCode(e.code) ? ErrorCode::NotFound : ErrorCode::Api;
    const QString reason = e.code.isEmpty() ? Tr::tr("HTTP status %1").arg(r.httpStatus)
                                            : Tr::tr("%1 (HTTP %2)").arg(e.code).arg(r.httpStatus);
    e.message = e.apiMessage.isEmpty() ? Tr::tr("WeChat Pay refused %1: %2.").arg(what, reason)
                                       : Tr::tr("WeChat Pay refused %1: %2, “%3”.")
                                             .arg(what, reason, e.apiMessage.left(200));
    return e;
}

// INVALID_REQUEST to a bill application means a bill_date out of range (spec §7.4, §7.5):
// today's (or a later) bill never exists, and the API serves only the last three months. When
// the date is one of those, the sentence says so (WeChat's code and words stay in the detail).
ApiError explainBillDateRefusal(ApiError e, QDate billDate)
{
    if (e.code != u"INVALID_REQUEST")
        return e;
    const QDate today = cst::billDateOf(cst::now());
    const QString date = billDate.toString(Qt::ISODate);
    if (billDate >= today)
        e.message
            = Tr::tr("WeChat Pay has no bill of %1 yet: a day's bill is ready from 10:00 (China "
                     "Standard Time) the next day.")
                  .arg(date);
    else if (billDate < today.addMonths(-3))
        e.message
            = Tr::tr("WeChat Pay serves the bills of the last three months only; download the "
                     "bill of %1 from the merchant platform (pay.weixin.qq.com) and import it.")
                  .arg(date);
    return e;
}

// Reads a verified JSON body into T with `parse`.
template<typename T, typename Parse>
ApiResult<T> readBody(const ApiClient::Response &r, const QString &what, Parse parse)
{
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    ApiError e;
    e.kind = ErrorCode::InvalidInput;
    e.httpStatus = r.httpStatus;
    e.requestId = r.requestId;
    e.attempts = r.attempts;
    if (!doc.isObject()) {
        e.message = Tr::tr("The answer of WeChat Pay to %1 is not a JSON object.").arg(what);
        return e;
    }
    Result<T> value = parse(doc.object());
    if (!value) {
        e.message = Tr::tr("The answer of WeChat Pay to %1 cannot be read: %2")
                        .arg(what, value.error().message);
        return e;
    }
    value->requestId = r.requestId;
    return std::move(value).value();
}

} // namespace

struct ApiClient::Call
{
    Request request;
    Done done;
    int attempts = 0;
    bool refreshedForSerial = false;
};

ApiClient::ApiClient(const MerchantConfig &config, const PrivateKey &privateKey,
                     std::shared_ptr<KeyStore> keys, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_signer(privateKey, config.mchid.toLatin1(), config.serialNo.toLatin1())
    , m_keys(keys ? std::move(keys) : std::make_shared<KeyStore>())
    , m_network(new QNetworkAccessManager(this))
    , m_clock([] { return cst::now(); })
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
    // A redirect would be followed without a fresh signature for the new target; WeChat Pay
    // does not redirect API calls, so a 3xx is reported instead.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    const ApiClientOptions &o = m_config.client;
    m_limiter.configure(EndpointFamily::Query, o.queryRatePerSecond, o.burst);
    m_limiter.configure(EndpointFamily::Bill, o.billRatePerSecond, o.burst);
    m_limiter.configure(EndpointFamily::Certificate, o.certificateRatePerSecond, o.burst);
    m_monotonic.start();
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] { refresh([](const auto &) {}); });
}

ApiClient::~ApiClient() = default;

Result<std::unique_ptr<ApiClient>> ApiClient::create(const MerchantConfig &config)
{
    const auto key = config.loadPrivateKey();
    if (!key)
        return key.error();
    const auto keys = config.makeKeyStore(cst::now());
    if (!keys)
        return keys.error();
    return std::make_unique<ApiClient>(config, *key, *keys);
}

QUrl ApiClient::endpointUrl(const QByteArray &pathAndQuery) const
{
    const QByteArray base = m_config.apiBase.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment
                                                       | QUrl::StripTrailingSlash);
    return QUrl::fromEncoded(base + pathAndQuery, QUrl::StrictMode);
}

void ApiClient::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return cst::now(); });
}

void ApiClient::setRandom(Random random)
{
    m_random = random ? std::move(random)
                      : Random([] { return QRandomGenerator::global()->generateDouble(); });
}

template<typename T>
QFuture<ApiResult<T>> ApiClient::start(std::function<void(std::function<void(ApiResult<T>)>)> body)
{
    auto promise = std::make_shared<QPromise<ApiResult<T>>>();
    promise->start();
    QFuture<ApiResult<T>> future = promise->future();
    std::function<void(ApiResult<T>)> finish = [promise](ApiResult<T> result) {
        promise->addResult(std::move(result));
        promise->finish();
    };
    // Runs in the client's thread: directly when the caller is there already, else queued.
    QMetaObject::invokeMethod(
        this, [body = std::move(body), finish = std::move(finish)] { body(finish); },
        Qt::AutoConnection);
    return future;
}

// Request pipeline ---------------------------------------------------------------------------

void ApiClient::execute(Request request, Done done)
{
    auto call = std::make_shared<Call>();
    call->request = std::move(request);
    call->done = std::move(done);
    schedule(call, 0);
}

void ApiClient::schedule(const std::shared_ptr<Call> &call, qint64 extraDelayMs)
{
    const auto book = [this, call] {
        const qint64 wait = m_limiter.reserve(call->request.family, m_monotonic.elapsed());
        if (wait <= 0)
            attempt(call);
        else
            QTimer::singleShot(std::chrono::milliseconds(wait), this,
                               [this, call] { attempt(call); });
    };
    if (extraDelayMs <= 0)
        book();
    else
        QTimer::singleShot(std::chrono::milliseconds(extraDelayMs), this, book);
}

void ApiClient::attempt(const std::shared_ptr<Call> &call)
{
    ++call->attempts;
    const Request &req = call->request;
    // Every attempt is signed afresh: a retry after back-off needs a current timestamp.
    const auto signedRequest = m_signer.sign(req.method, signing::canonicalUrl(req.url), req.body,
                                             m_clock(), random::nonceString());
    if (!signedRequest) {
        call->done(localError(signedRequest.error().code, signedRequest.error().message));
        return;
    }
    QNetworkRequest nr(req.url);
    nr.setRawHeader("Authorization", signedRequest->authorization);
    nr.setRawHeader("Accept", req.accept);
    nr.setRawHeader("User-Agent", userAgent().toUtf8());
    const QByteArray serial = req.wechatpaySerial.isEmpty() ? m_keys->advertisedSerial().toLatin1()
                                                            : req.wechatpaySerial;
    if (!serial.isEmpty())
        nr.setRawHeader("Wechatpay-Serial", serial);
    if (!req.body.isEmpty())
        nr.setRawHeader("Content-Type", "application/json");
    nr.setTransferTimeout(m_config.client.timeoutMs);

    QNetworkReply *reply = nullptr;
    if (req.method == "GET")
        reply = m_network->get(nr);
    else if (req.method == "POST")
        reply = m_network->post(nr, req.body);
    else
        reply = m_network->sendCustomRequest(nr, req.method, req.body);
    connect(reply, &QNetworkReply::finished, this,
            [this, call, reply] { handleReply(call, reply); });
}

bool ApiClient::retryLater(const std::shared_ptr<Call> &call, qint64 minDelayMs)
{
    const ApiClientOptions &o = m_config.client;
    if (!call->request.idempotent || call->attempts > o.maxRetries)
        return false;
    const qint64 delay
        = std::max(backoffDelayMs(call->attempts - 1, o.backoffBaseMs, o.backoffCapMs, m_random()),
                   minDelayMs);
    schedule(call, delay);
    return true;
}

void ApiClient::handleReply(const std::shared_ptr<Call> &call, QNetworkReply *reply)
{
    reply->deleteLater();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        if (retryLater(call, 0))
            return;
        ApiError e
            = localError(ErrorCode::Network, tr("WeChat Pay could not be reached for %1: %2.")
                                                 .arg(call->request.what, reply->errorString()));
        e.attempts = call->attempts;
        call->done(e);
        return;
    }
    Response r;
    r.httpStatus = status.toInt();
    r.body = reply->readAll();
    r.headers = HttpHeaders(reply->rawHeaderPairs());
    r.requestId = r.headers.value("Request-ID").value_or(QByteArray());
    r.attempts = call->attempts;

    if (r.httpStatus >= 200 && r.httpStatus < 300) {
        if (call->request.verifyResponse)
            finishVerified(call, std::move(r));
        else
            call->done(std::move(r));
        return;
    }
    if (r.httpStatus >= 500 || r.httpStatus == 429) {
        qint64 minDelay = 0;
        if (const auto after = r.headers.value("Retry-After")) {
            bool ok = false;
            const qint64 seconds = after->toLongLong(&ok);
            if (ok && seconds > 0)
                minDelay = std::min<qint64>(seconds * 1000, m_config.client.backoffCapMs);
        }
        if (retryLater(call, minDelay))
            return;
    }
    call->done(errorFromResponse(r, call->request.what));
}

void ApiClient::finishVerified(const std::shared_ptr<Call> &call, Response response)
{
    const VerifyResult v = verify(*m_keys, response.headers, response.body, m_clock());
    if (v.ok()) {
        call->done(std::move(response));
        return;
    }
    if (v.failure == VerifyFailure::UnknownSerial && !call->refreshedForSerial
        && mayRefreshForUnknownSerial()) {
        // A rotation: WeChat signs with a certificate we have not downloaded yet.
        call->refreshedForSerial = true;
        refresh([this, call, response](const ApiResult<CertificateRefresh> &) {
            finishVerified(call, response);
        });
        return;
    }
    ApiError e;
    e.kind = ErrorCode::Verification;
    e.httpStatus = response.httpStatus;
    e.requestId = response.requestId;
    e.attempts = response.attempts;
    e.verifyFailure = v.failure;
    e.message = tr("The answer of WeChat Pay to %1 failed verification and was discarded: %2")
                    .arg(call->request.what, v.message);
    call->done(e);
}

QFuture<ApiResult<ApiClient::Response>> ApiClient::send(const Request &request)
{
    return start<Response>([this, request](std::function<void(ApiResult<Response>)> finish) {
        execute(request, std::move(finish));
    });
}

// Orders and refunds -------------------------------------------------------------------------

QFuture<ApiResult<WechatTransaction>> ApiClient::queryOrderByOutTradeNo(const QString &outTradeNo)
{
    return start<WechatTransaction>([this, outTradeNo](
                                        std::function<void(ApiResult<WechatTransaction>)> finish) {
        if (!validIdentifier(outTradeNo, 32, u"_-*")) {
            finish(localError(ErrorCode::InvalidInput,
                              tr("The merchant order number “%1” must be 1 to 32 letters, digits, "
                                 "“_”, “-” or “*”.")
                                  .arg(outTradeNo.left(64))));
            return;
        }
        Request r;
        r.url = endpointUrl("/v3/pay/transactions/out-trade-no/" + outTradeNo.toLatin1()
                            + "?mchid=" + m_config.mchid.toLatin1());
        r.what = tr("the query of order %1").arg(outTradeNo);
        execute(r, [finish, what = r.what, outTradeNo](ApiResult<Response> res) {
            if (!res) {
                finish(res.apiError());
                return;
            }
            finish(readBody<WechatTransaction>(
                *res, what, [&](const QJsonObject &o) -> Result<WechatTransaction> {
                    auto t = WechatTransaction::fromJson(o);
                    if (t && t->outTradeNo != outTradeNo)
                        return makeError(
                            ErrorCode::InvalidInput,
                            Tr::tr("it describes order %1 instead.").arg(t->outTradeNo.left(64)));
                    return t;
                }));
        });
    });
}

QFuture<ApiResult<WechatTransaction>>
ApiClient::queryOrderByTransactionId(const QString &transactionId)
{
    return start<WechatTransaction>(
        [this, transactionId](std::function<void(ApiResult<WechatTransaction>)> finish) {
            if (!validIdentifier(transactionId, 32, u"")
                || !std::all_of(transactionId.begin(), transactionId.end(),
                                [](QChar c) { return c.isDigit(); })) {
                finish(localError(ErrorCode::InvalidInput,
                                  tr("The WeChat Pay order number “%1” must be 1 to 32 digits.")
                                      .arg(transactionId.left(64))));
                return;
            }
            Request r;
            r.url = endpointUrl("/v3/pay/transactions/id/" + transactionId.toLatin1()
                                + "?mchid=" + m_config.mchid.toLatin1());
            r.what = tr("the query of WeChat Pay order %1").arg(transactionId);
            execute(r, [finish, what = r.what](ApiResult<Response> res) {
                if (!res) {
                    finish(res.apiError());
                    return;
                }
                finish(readBody<WechatTransaction>(*res, what, &WechatTransaction::fromJson));
            });
        });
}

QFuture<ApiResult<CloseOrderResult>> ApiClient::closeOrder(const QString &outTradeNo)
{
    return start<CloseOrderResult>([this, outTradeNo](
                                       std::function<void(ApiResult<CloseOrderResult>)> finish) {
        if (!validIdentifier(outTradeNo, 32, u"_-*")) {
            finish(localError(ErrorCode::InvalidInput,
                              tr("The merchant order number “%1” must be 1 to 32 letters, digits, "
                                 "“_”, “-” or “*”.")
                                  .arg(outTradeNo.left(64))));
            return;
        }
        Request r;
        r.method = "POST";
        r.url
            = endpointUrl("/v3/pay/transactions/out-trade-no/" + outTradeNo.toLatin1() + "/close");
        r.body = QJsonDocument(QJsonObject{{QStringLiteral("mchid"), m_config.mchid}})
                     .toJson(QJsonDocument::Compact);
        r.what = tr("closing order %1").arg(outTradeNo);
        execute(r, [finish](ApiResult<Response> res) {
            if (!res) {
                finish(res.apiError());
                return;
            }
            finish(CloseOrderResult{res->requestId});
        });
    });
}

QFuture<ApiResult<WechatRefund>> ApiClient::queryRefund(const QString &outRefundNo)
{
    return start<WechatRefund>([this,
                                outRefundNo](std::function<void(ApiResult<WechatRefund>)> finish) {
        if (!validIdentifier(outRefundNo, 64, u"_-|*@")) {
            finish(localError(ErrorCode::InvalidInput,
                              tr("The merchant refund number “%1” must be 1 to 64 letters, digits, "
                                 "“_”, “-”, “|”, “*” or “@”.")
                                  .arg(outRefundNo.left(80))));
            return;
        }
        Request r;
        r.url = endpointUrl("/v3/refund/domestic/refunds/"
                            + QUrl::toPercentEncoding(outRefundNo, "_-*@"));
        r.what = tr("the query of refund %1").arg(outRefundNo);
        execute(r, [finish, what = r.what, outRefundNo](ApiResult<Response> res) {
            if (!res) {
                finish(res.apiError());
                return;
            }
            finish(readBody<WechatRefund>(
                *res, what, [&](const QJsonObject &o) -> Result<WechatRefund> {
                    auto f = WechatRefund::fromJson(o);
                    if (f && f->outRefundNo != outRefundNo)
                        return makeError(
                            ErrorCode::InvalidInput,
                            Tr::tr("it describes refund %1 instead.").arg(f->outRefundNo.left(80)));
                    return f;
                }));
        });
    });
}

// Bills --------------------------------------------------------------------------------------

QFuture<ApiResult<BillFile>> ApiClient::downloadTradeBill(QDate billDate, TradeBillType type,
                                                          bool gzip, KnownBill known)
{
    return start<BillFile>([=, this](std::function<void(ApiResult<BillFile>)> finish) {
        if (!billDate.isValid()) {
            finish(localError(ErrorCode::InvalidInput, tr("The bill date is not a valid date.")));
            return;
        }
        QByteArray path
            = "/v3/bill/tradebill?bill_date=" + billDate.toString(Qt::ISODate).toLatin1()
              + "&bill_type=" + tradeBillTypeName(type).toLatin1();
        if (gzip)
            path += "&tar_type=GZIP";
        applyBill(billDate, path, gzip, true, known, std::move(finish));
    });
}

QFuture<ApiResult<BillFile>> ApiClient::downloadFundFlowBill(QDate billDate,
                                                             FundAccountType account, bool gzip)
{
    return start<BillFile>([=, this](std::function<void(ApiResult<BillFile>)> finish) {
        if (!billDate.isValid()) {
            finish(localError(ErrorCode::InvalidInput, tr("The bill date is not a valid date.")));
            return;
        }
        QByteArray path
            = "/v3/bill/fundflowbill?bill_date=" + billDate.toString(Qt::ISODate).toLatin1()
              + "&account_type=" + fundAccountTypeName(account).toLatin1();
        if (gzip)
            path += "&tar_type=GZIP";
        applyBill(billDate, path, gzip, true, {}, std::move(finish));
    });
}

void ApiClient::applyBill(QDate billDate, const QByteArray &pathAndQuery, bool gzip,
                          bool retryExpired, const KnownBill &known,
                          std::function<void(ApiResult<BillFile>)> done)
{
    Request r;
    r.url = endpointUrl(pathAndQuery);
    r.family = EndpointFamily::Bill;
    r.what = tr("the bill of %1").arg(billDate.toString(Qt::ISODate));
    execute(r, [=, this](ApiResult<Response> res) {
        if (!res) {
            const ApiError &e = res.apiError();
            if (e.code == u"NO_STATEMENT_EXIST" || e.code == u"STATEMENT_CREATING") {
                BillFile f;
                f.status = e.code == u"NO_STATEMENT_EXIST" ? BillFile::Status::Empty
                                                           : BillFile::Status::NotReady;
                f.billDate = billDate;
                f.apiMessage = e.apiMessage;
                f.applyRequestId = e.requestId;
                done(f);
                return;
            }
            done(explainBillDateRefusal(e, billDate));
            return;
        }
        const QJsonObject apply = QJsonDocument::fromJson(res->body).object();
        if (apply.value(QStringLiteral("download_url")).toString().isEmpty()
            || apply.value(QStringLiteral("hash_value")).toString().isEmpty()) {
            ApiError e = localError(ErrorCode::InvalidInput,
                                    tr("The bill application for %1 did not return a download "
                                       "address and digest.")
                                        .arg(billDate.toString(Qt::ISODate)));
            e.httpStatus = res->httpStatus;
            e.requestId = res->requestId;
            done(e);
            return;
        }
        if (known) {
            const QByteArray announced
                = apply.value(QStringLiteral("hash_value")).toString().toLatin1().toLower();
            if (known(announced)) {
                BillFile f;
                f.status = BillFile::Status::Known;
                f.billDate = billDate;
                f.sha1Hex = announced;
                f.applyRequestId = res->requestId;
                done(f);
                return;
            }
        }
        downloadBill(billDate, pathAndQuery, gzip, retryExpired, apply, res->requestId, done);
    });
}

void ApiClient::downloadBill(QDate billDate, const QByteArray &pathAndQuery, bool gzip,
                             bool retryExpired, const QJsonObject &apply,
                             const QByteArray &applyRequestId,
                             std::function<void(ApiResult<BillFile>)> done)
{
    const QString date = billDate.toString(Qt::ISODate);
    // Used verbatim (spec §7.1): the host and path differ between documentation versions.
    const QUrl url = QUrl::fromEncoded(
        apply.value(QStringLiteral("download_url")).toString().toUtf8(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"https" && !isLoopbackHttp(url))) {
        done(localError(
            ErrorCode::InvalidInput,
            tr("The download address of the bill of %1 is not an https:// address.").arg(date)));
        return;
    }
    const QString hashType = apply.value(QStringLiteral("hash_type")).toString();
    const QByteArray expected
        = apply.value(QStringLiteral("hash_value")).toString().toLatin1().toLower();
    if (hashType.compare(u"SHA1", Qt::CaseInsensitive) != 0) {
        done(localError(ErrorCode::InvalidInput,
                        tr("The bill of %1 comes with a %2 digest; only SHA1 is supported.")
                            .arg(date, hashType.left(20))));
        return;
    }
    Request r;
    r.url = url;
    r.family = EndpointFamily::Bill;
    r.verifyResponse = false; // the file download is not signed; the SHA-1 digest protects it
    r.accept = "*/*";
    r.what = tr("the download of the bill of %1").arg(date);
    execute(r, [=, this](ApiResult<Response> res) {
        if (!res) {
            const ApiError &e = res.apiError();
            // The URL lives 30 s to 5 min (spec §7.1): apply again once when it has expired.
            if (retryExpired && e.httpStatus == 400 && e.code == u"INVALID_REQUEST") {
                applyBill(billDate, pathAndQuery, gzip, false, {}, done);
                return;
            }
            done(e);
            return;
        }
        BillFile f;
        f.billDate = billDate;
        f.applyRequestId = applyRequestId;
        f.downloadRequestId = res->requestId;
        f.data = res->body;
        // Decompress when the bytes are gzip, whether or not GZIP was asked for; a server that
        // ignored tar_type still has to match the digest of the plain file.
        if (gzip::looksCompressed(f.data)) {
            const auto plain = gzip::gunzip(f.data);
            if (!plain) {
                ApiError e = localError(ErrorCode::InvalidInput,
                                        tr("The bill of %1 could not be decompressed: %2")
                                            .arg(date, plain.error().message));
                e.requestId = res->requestId;
                done(e);
                return;
            }
            f.data = *plain;
            f.wasCompressed = true;
        }
        f.sha1Hex = QCryptographicHash::hash(f.data, QCryptographicHash::Sha1).toHex();
        if (!constantTimeEquals(f.sha1Hex, expected)) {
            ApiError e = localError(ErrorCode::Verification,
                                    tr("The bill of %1 does not match its SHA-1 digest (expected "
                                       "%2, got %3) and was discarded.")
                                        .arg(date, QString::fromLatin1(expected.left(40)),
                                             QString::fromLatin1(f.sha1Hex)));
            e.requestId = res->requestId;
            e.httpStatus = res->httpStatus;
            done(e);
            return;
        }
        done(f);
    });
}

// Certificates -------------------------------------------------------------------------------

QFuture<ApiResult<CertificateRefresh>> ApiClient::refreshCertificates()
{
    return start<CertificateRefresh>(
        [this](std::function<void(ApiResult<CertificateRefresh>)> finish) {
            refresh(std::move(finish));
        });
}

QFuture<bool> ApiClient::refreshForUnknownSerial(const QString &serial)
{
    auto promise = std::make_shared<QPromise<bool>>();
    promise->start();
    QFuture<bool> future = promise->future();
    QMetaObject::invokeMethod(
        this,
        [this, promise, serial] {
            const auto finish = [promise](bool known) {
                promise->addResult(known);
                promise->finish();
            };
            if (m_keys->keyFor(serial, m_clock())) {
                finish(true);
                return;
            }
            if (!mayRefreshForUnknownSerial()) {
                finish(false);
                return;
            }
            refresh([this, serial, finish](const ApiResult<CertificateRefresh> &) {
                finish(m_keys->keyFor(serial, m_clock()).has_value());
            });
        },
        Qt::AutoConnection);
    return future;
}

void ApiClient::startAutomaticRefresh()
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            const int seconds = m_config.client.certRefreshSeconds;
            if (!m_config.usesPlatformCertificates() || seconds <= 0 || m_config.apiV3Key.isEmpty())
                return;
            m_refreshTimer.start(std::chrono::seconds(seconds));
            if (m_keys->certificates().isEmpty())
                refresh([](const auto &) {});
        },
        Qt::AutoConnection);
}

bool ApiClient::mayRefreshForUnknownSerial() const
{
    if (!m_config.usesPlatformCertificates() || m_config.apiV3Key.isEmpty())
        return false;
    return m_refreshing || m_lastRefreshAttempt == 0
           || m_clock() - m_lastRefreshAttempt >= m_config.client.unknownSerialRefreshSeconds;
}

void ApiClient::refresh(RefreshDone done)
{
    m_refreshWaiters.append(std::move(done));
    if (m_refreshing)
        return;
    if (const auto ok = m_config.requireApiV3Key(); !ok) {
        completeRefresh(localError(ErrorCode::Config, ok.error().message));
        return;
    }
    m_refreshing = true;
    m_lastRefreshAttempt = m_clock();
    Request r;
    r.url = endpointUrl("/v3/certificates");
    r.family = EndpointFamily::Certificate;
    // Verified in applyCertificateResponse: the signing certificate may be in this very answer.
    r.verifyResponse = false;
    r.what = tr("the download of the platform certificates");
    execute(r, [this](ApiResult<Response> res) {
        if (res) {
            completeRefresh(applyCertificateResponse(*res));
        } else if (res.apiError().isNotFound()) {
            // No certificates for this merchant (public-key-only merchants), spec §2.6.
            Response empty;
            empty.httpStatus = res.apiError().httpStatus;
            empty.requestId = res.apiError().requestId;
            empty.body = "{\"data\":[]}";
            completeRefresh(applyCertificateResponse(empty));
        } else {
            completeRefresh(res.apiError());
        }
    });
}

ApiResult<CertificateRefresh> ApiClient::applyCertificateResponse(const Response &response)
{
    const qint64 now = m_clock();
    const auto fail
        = [&](ErrorCode kind, const QString &message, VerifyFailure why = VerifyFailure::None) {
              ApiError e = localError(kind, message);
              e.httpStatus = response.httpStatus;
              e.requestId = response.requestId;
              e.attempts = response.attempts;
              e.verifyFailure = why;
              return e;
          };
    QList<PlatformCertificate> list;
    const bool signedAnswer = response.httpStatus >= 200 && response.httpStatus < 300;
    if (signedAnswer) {
        VerifyResult v = verify(*m_keys, response.headers, response.body, now);
        bool parsed = false;
        if (v.failure == VerifyFailure::UnknownSerial) {
            // First download or a rotation: the answer may be signed by a certificate it lists.
            // Those certificates are authentic (AEAD under the APIv3 key), so use the one whose
            // serial signed the answer, and nothing else.
            const auto l = parseCertificateList(response.body, m_config.apiV3Key);
            if (!l)
                return fail(l.error().code, l.error().message);
            list = *l;
            parsed = true;
            KeyStore candidates;
            for (const PlatformCertificate &c : list) {
                if (KeyStore::sameSerial(c.serialNo, QString::fromLatin1(v.serial)))
                    candidates.addCertificate(c);
            }
            v = verify(candidates, response.headers, response.body, now);
        }
        if (!v.ok())
            return fail(
                ErrorCode::Verification,
                tr("The platform certificate list failed verification and was discarded: %1")
                    .arg(v.message),
                v.failure);
        if (!parsed) {
            const auto l = parseCertificateList(response.body, m_config.apiV3Key);
            if (!l)
                return fail(l.error().code, l.error().message);
            list = *l;
        }
    }

    CertificateRefresh out;
    out.requestId = response.requestId;
    if (list.isEmpty()) {
        out.noCertificates = true;
        if (m_keys->publicKeyId().isEmpty())
            return fail(
                ErrorCode::Config,
                tr("WeChat Pay lists no platform certificates for merchant %1 and no WeChat "
                   "Pay public key is configured; set public_key_id and public_key_file.")
                    .arg(m_config.mchid));
    }
    const KeyStore::RefreshDiff diff = m_keys->replaceCertificates(list, now);
    out.added = diff.added;
    out.removed = diff.removed;
    out.certificates = m_keys->certificates();
    if (!m_config.platformCertDir.isEmpty()) {
        if (const auto saved = m_keys->saveTo(m_config.platformCertDir); !saved)
            out.cacheWarning = saved.error().message;
    }
    emit certificatesRefreshed(out.added, out.removed);
    for (const KeyStore::ExpiryWarning &w : m_keys->expiryWarnings(now))
        emit certificateExpiring(w.serial, w.daysLeft);
    return out;
}

void ApiClient::completeRefresh(const ApiResult<CertificateRefresh> &result)
{
    m_refreshing = false;
    const QList<RefreshDone> waiters = std::exchange(m_refreshWaiters, {});
    for (const RefreshDone &w : waiters)
        w(result);
}

} // namespace wxr::core
