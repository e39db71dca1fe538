// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "crypto/privatekey.h"
#include "wechatpay/apierror.h"
#include "wechatpay/billfile.h"
#include "wechatpay/httpheaders.h"
#include "wechatpay/keystore.h"
#include "wechatpay/merchantconfig.h"
#include "wechatpay/ratelimiter.h"
#include "wechatpay/signer.h"
#include "wechatpay/wechatrefund.h"
#include "wechatpay/wechattransaction.h"

#include <QDate>
#include <QElapsedTimer>
#include <QFuture>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace wxr::core {

/// The result of a platform-certificate refresh.
struct CertificateRefresh
{
    QList<PlatformCertificate> certificates; ///< what the store holds now
    QStringList added;
    QStringList removed;
    bool noCertificates
        = false;          ///< the server has none (empty list, 404, RESOURCE_NOT_EXISTS, NOT_FOUND)
    QString cacheWarning; ///< set when the cache folder could not be written
    QByteArray requestId;
};

/// Close order succeeded (204).
struct CloseOrderResult
{
    QByteArray requestId;
};

/// The WeChat Pay API v3 client (spec §1–§7): signs every request, verifies every 2xx response
/// before its body is read (a 2xx without signature headers is forged), retries idempotent calls
/// on network errors, 5xx and 429 with full-jitter exponential back-off, keeps to per-family
/// token-bucket rate limits shared by all users of the client, and keeps the platform
/// certificates fresh (every ApiClientOptions::certRefreshSeconds and on an unknown
/// Wechatpay-Serial, rate-limited).
///
/// Threading: the client lives in one thread with an event loop (its thread affinity; the GUI
/// thread is fine because nothing blocks). Every public method may be called from any thread:
/// work is posted to the client's thread and the result arrives through the returned QFuture
/// (use QFutureWatcher or QFuture::then with a context object). Results are never delivered
/// synchronously into the caller's stack except for argument errors. Destroying the client
/// cancels the futures of calls in flight.
///
/// Every result type carries the Request-ID; failures are ApiError (see apierror.h).
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    using Clock = std::function<qint64()>;  ///< Unix seconds
    using Random = std::function<double()>; ///< uniform in [0, 1)

    /// One raw call; the typed endpoint methods below build these.
    struct Request
    {
        QByteArray method = "GET";
        QUrl url; ///< absolute; see endpointUrl()
        QByteArray body;
        EndpointFamily family = EndpointFamily::Query;
        bool idempotent = true;     ///< may be retried
        bool verifyResponse = true; ///< false only for the bill file download (not signed)
        QByteArray accept = "application/json";
        QByteArray wechatpaySerial; ///< empty: the key store's advertised serial
        QString what;               ///< for messages, e.g. "the query of order T1"
    };
    struct Response
    {
        int httpStatus = 0;
        QByteArray body;
        HttpHeaders headers;
        QByteArray requestId;
        int attempts = 0;
    };

    /// `config` gives the merchant id, API base, APIv3 key, key mode, certificate cache folder
    /// and options; `keys` is shared with whoever else verifies (the callback receiver).
    ApiClient(const MerchantConfig &config, const PrivateKey &privateKey,
              std::shared_ptr<KeyStore> keys, QObject *parent = nullptr);
    ~ApiClient() override;

    /// Loads the private key, the public key and the certificate cache named by `config`.
    static Result<std::unique_ptr<ApiClient>> create(const MerchantConfig &config);

    [[nodiscard]] std::shared_ptr<KeyStore> keyStore() const { return m_keys; }
    [[nodiscard]] const ApiClientOptions &options() const { return m_config.client; }
    /// The merchant this client signs for.
    [[nodiscard]] const QString &mchid() const { return m_config.mchid; }
    /// base URL + `pathAndQuery` ("/v3/..."), keeping any path prefix of the base.
    [[nodiscard]] QUrl endpointUrl(const QByteArray &pathAndQuery) const;

    /// Test seams: the wall clock used for signing and verification, the jitter source.
    void setClock(Clock clock);
    void setRandom(Random random);

    // Raw access ------------------------------------------------------------------------------
    QFuture<ApiResult<Response>> send(const Request &request);

    // Orders and refunds (family Query) -------------------------------------------------------
    /// GET /v3/pay/transactions/out-trade-no/{no}?mchid=…. `outTradeNo`: 1–32 of [0-9A-Za-z_-*].
    /// An unknown order is ApiError::isNotFound().
    QFuture<ApiResult<WechatTransaction>> queryOrderByOutTradeNo(const QString &outTradeNo);
    /// GET /v3/pay/transactions/id/{transaction_id}?mchid=…; digits only.
    QFuture<ApiResult<WechatTransaction>> queryOrderByTransactionId(const QString &transactionId);
    /// POST /v3/pay/transactions/out-trade-no/{no}/close with {"mchid":"…"}; success is 204.
    /// Re-callable per the docs, so it is retried like a query.
    QFuture<ApiResult<CloseOrderResult>> closeOrder(const QString &outTradeNo);
    /// GET /v3/refund/domestic/refunds/{out_refund_no}; 1–64 of [0-9A-Za-z_-|*@].
    QFuture<ApiResult<WechatRefund>> queryRefund(const QString &outRefundNo);

    // Bills (family Bill) --------------------------------------------------------------------
    /// Applies for the trade bill of `billDate` (a CST calendar day), downloads the returned URL
    /// verbatim with a signed GET (the download itself is not signed by WeChat), gunzips it when
    /// compressed, and checks SHA-1 of the decompressed bytes against hash_value (case-
    /// insensitive). A mismatch is a Verification error and no data is returned.
    /// NO_STATEMENT_EXIST → BillFile::Status::Empty; STATEMENT_CREATING → NotReady. An expired
    /// download URL (400 INVALID_REQUEST on download) is applied for once more. When `known`
    /// says the announced hash_value is a file the caller holds, nothing is downloaded
    /// (BillFile::Status::Known); it is called on the client's thread.
    QFuture<ApiResult<BillFile>> downloadTradeBill(QDate billDate,
                                                   TradeBillType type = TradeBillType::All,
                                                   bool gzip = true, KnownBill known = {});
    QFuture<ApiResult<BillFile>>
    downloadFundFlowBill(QDate billDate, FundAccountType account = FundAccountType::Basic,
                         bool gzip = true);

    // Platform certificates (family Certificate) ---------------------------------------------
    /// GET /v3/certificates, decrypts each certificate with the APIv3 key and replaces the
    /// store's certificates. The response is verified with an already trusted key when the store
    /// knows its serial; otherwise (first download, rotation) with the listed certificate of that
    /// serial, which the AEAD tag has authenticated. "No certificates" (empty list, 404,
    /// RESOURCE_NOT_EXISTS, NOT_FOUND) is fine when a public key is configured and a Config error
    /// otherwise. Concurrent calls share one request. Saves to the cache folder when configured.
    QFuture<ApiResult<CertificateRefresh>> refreshCertificates();

    /// For the callback receiver: when `serial` is unknown, refreshes (at most once per
    /// ApiClientOptions::unknownSerialRefreshSeconds, joining a refresh in flight) and reports
    /// whether the serial is known afterwards. Never refreshes in public-key-only mode.
    QFuture<bool> refreshForUnknownSerial(const QString &serial);

    /// Starts the periodic refresh (and one right away when no certificate is loaded yet).
    /// No-op in public-key-only mode or when certRefreshSeconds is 0.
    void startAutomaticRefresh();

signals:
    void certificatesRefreshed(const QStringList &added, const QStringList &removed);
    /// Emitted after each refresh for every certificate within 30 days of expiry.
    void certificateExpiring(const QString &serial, qint64 daysLeft);

private:
    struct Call;
    using Done = std::function<void(ApiResult<Response>)>;
    using RefreshDone = std::function<void(ApiResult<CertificateRefresh>)>;

    template<typename T>
    QFuture<ApiResult<T>> start(std::function<void(std::function<void(ApiResult<T>)>)> body);

    void execute(Request request, Done done);
    void schedule(const std::shared_ptr<Call> &call, qint64 extraDelayMs);
    void attempt(const std::shared_ptr<Call> &call);
    void handleReply(const std::shared_ptr<Call> &call, QNetworkReply *reply);
    void finishVerified(const std::shared_ptr<Call> &call, Response response);
    bool retryLater(const std::shared_ptr<Call> &call, qint64 minDelayMs);

    void refresh(RefreshDone done);
    void completeRefresh(const ApiResult<CertificateRefresh> &result);
    ApiResult<CertificateRefresh> applyCertificateResponse(const Response &response);
    bool mayRefreshForUnknownSerial() const;

    void applyBill(QDate billDate, const QByteArray &pathAndQuery, bool gzip, bool retryExpired,
                   const KnownBill &known, std::function<void(ApiResult<BillFile>)> done);
    void downloadBill(QDate billDate, const QByteArray &pathAndQuery, bool gzip, bool retryExpired,
                      const QJsonObject &apply, const QByteArray &applyRequestId,
                      std::function<void(ApiResult<BillFile>)> done);

    MerchantConfig m_config;
    Signer m_signer;
    std::shared_ptr<KeyStore> m_keys;
    QNetworkAccessManager *m_network = nullptr;
    RateLimiter m_limiter;
    QElapsedTimer m_monotonic;
    Clock m_clock;
    Random m_random;
    QTimer m_refreshTimer;
    bool m_refreshing = false;
    qint64 m_lastRefreshAttempt = 0; ///< Unix seconds; 0 = never
    QList<RefreshDone> m_refreshWaiters;
};

} // namespace wxr::core
