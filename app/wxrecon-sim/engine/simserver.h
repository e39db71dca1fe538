// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "common/settings.h"
#include "dayoptions.h"
#include "faults.h"
#include "notifier.h"
#include "simday.h"
#include "simkeys.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <memory>

namespace wxr::sim {

class HttpFront;

/// What /v3/certificates answers a public-key-only merchant: the spec lists all three as seen
/// (§2.6, §9.11), so the stand-in can play each.
enum class NoCertificatesAnswer { EmptyList, ResourceNotExists, NotFound };

/// Everything a stand-in is started with. Plain value type.
struct SimSettings
{
    QString stateDir; ///< keys, merchant.ini; created if missing, reused otherwise
    DayOptions day;   ///< the generated day served (date defaults to yesterday, CST)
    KeyMode keyMode = KeyMode::Certificates;
    QUrl notifyUrl;         ///< callbacks go here; empty: no callbacks
    double timeScale = 1.0; ///< the callback retry schedule is divided by this
    FaultSettings faults;
    int downloadTtlSeconds = 30; ///< download_url lifetime (spec §9.1 assumes the old 30 s)
    int requestWindowSeconds
        = 300;               ///< accepted |stand-in clock − request timestamp| (spec §1.3 [?])
    qint64 billsReadyAt = 0; ///< before this Unix time the day's bills are STATEMENT_CREATING
    double autoPayShare = 0; ///< share of NOTPAY orders that get paid after autoPayAfterSeconds
    int autoPayAfterSeconds = 30;
    int refundSuccessSeconds = 5; ///< PROCESSING → SUCCESS for refunds made via the control API
    NoCertificatesAnswer noCertificates = NoCertificatesAnswer::EmptyList;
};

/// The WeChat Pay v3 stand-in: a signed HTTP/1.1 server on 127.0.0.1 that authenticates
/// requests like the real service (Authorization, merchant serial, signature over the raw
/// request target, timestamp window → 401 SIGN_ERROR), signs every 2xx answer (spec §2),
/// serves order/refund queries, close, /v3/certificates (AEAD-encrypted), bill apply and
/// download, sends callbacks, injects faults and exposes a control API under /_sim/ (see
/// docs/simulator.md). Runs in-process: tests and the GUI's --demo create one on any thread
/// with an event loop and use it from that thread only.
class SimServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimServer)

public:
    explicit SimServer(SimSettings settings, QObject *parent = nullptr);
    ~SimServer() override;

    /// Opens or creates the state directory's keys, generates the day, listens on
    /// 127.0.0.1:`port` (0 = a free port) and writes merchant.ini for it. Returns the port.
    /// Io/Crypto errors for the state directory, Network when the port cannot be bound.
    Result<quint16> start(quint16 port = 0);
    /// Stops listening (pending callbacks are dropped).
    void stop();

    quint16 port() const { return m_port; }
    QUrl baseUrl() const; ///< http://127.0.0.1:<port>
    QString stateDir() const;
    QString merchantIniPath() const;
    const SimSettings &settings() const { return m_settings; }
    const SimDay &day() const { return m_day; }
    const SimKeys &keys() const { return *m_keys; }

    /// The stand-in's clock: real time plus the clock-skew fault, Unix seconds.
    qint64 now() const;

    FaultSettings faults() const { return m_settings.faults; }
    void setFaults(const FaultSettings &faults);
    Status setNotifyUrl(const QUrl &url);

    /// A new platform certificate effective in `aheadSeconds` (listed at once, signing from its
    /// effective time); the outgoing one's announced expiry moves to a day after that.
    Status rotatePlatformCertificate(qint64 aheadSeconds = 0);
    /// NOTPAY/USERPAYING → SUCCESS now, with a TRANSACTION.SUCCESS callback. NotFound for an
    /// unknown order, Conflict when it is not payable.
    Status payOrder(const QByteArray &outTradeNo);
    /// Sends TRANSACTION.SUCCESS again for a paid order.
    Status notifyOrder(const QByteArray &outTradeNo);
    /// A refund accepted now (PROCESSING), succeeding after refundSuccessSeconds with a
    /// REFUND.SUCCESS callback. Returns out_refund_no. Conflict when the order is not paid or
    /// the amount exceeds what is left.
    Result<QByteArray> refundOrder(const QByteArray &outTradeNo, Fen amount);
    /// Moves a refund to SUCCESS, ABNORMAL or CLOSED now, with the matching callback.
    Status setRefundStatus(const QByteArray &outRefundNo, RefundState state);

    QList<DeliveryRecord> deliveries(qint64 since = 0) const;
    /// Requests per endpoint and second: {"query": {"1764000000": 3, …}, …}.
    QJsonObject requestCounts() const;
    void resetRequestCounts() { m_counts.clear(); }

signals:
    /// A callback delivery attempt finished (or a notification was lost on purpose).
    void deliveryRecorded(const wxr::sim::DeliveryRecord &record);

private:
    friend class HttpFront;
    struct Reply;
    struct BillFile;
    struct Pending;

    void handle(Pending p);
    Reply dispatch(const Pending &p, const QString &endpoint);
    Reply control(const Pending &p);
    void send(const Pending &p, Reply reply, const EndpointFaults &faults, bool authenticated);
    std::optional<QByteArray> authenticate(const Pending &p) const; // failure text, or nullopt
    QByteArray signatureHeaders(const Pending &p, const QByteArray &body, bool oldCertificate,
                                QByteArray &serial) const;
    CallbackSignature signCallback(const QByteArray &body, bool publicKey) const;

    Reply queryOrder(const Pending &p, const QByteArray &id, bool byTransactionId);
    Reply closeOrder(const Pending &p, const QByteArray &outTradeNo);
    Reply queryRefund(const QByteArray &outRefundNo);
    Reply certificates();
    Reply applyBill(const Pending &p, bool fundFlow, const EndpointFaults &faults);
    Reply download(const Pending &p);

    QJsonObject transactionJson(const SimOrder &o) const;
    QJsonObject refundJson(const SimRefund &r, bool forCallback) const;
    void notifyRefund(const SimRefund &r);
    const BillFile &bill(bool fundFlow, int type);
    void countRequest(const QString &endpoint);
    int countThisSecond(const QString &endpoint) const;

    SimSettings m_settings;
    std::optional<SimKeys> m_keys;
    SimDay m_day;
    std::unique_ptr<HttpFront> m_http;
    Notifier *m_notifier = nullptr;
    quint16 m_port = 0;
    Rng m_rng;
    QHash<QByteArray, quint32> m_byOutTradeNo;
    QHash<QByteArray, quint32> m_byTransactionId;
    QHash<QByteArray, quint32> m_byOutRefundNo;
    QHash<int, std::shared_ptr<BillFile>> m_bills;
    struct Download
    {
        std::shared_ptr<BillFile> file;
        bool gzip = false;
        qint64 expiresAt = 0;
    };
    QHash<QByteArray, Download> m_downloads;
    QHash<QString, QMap<qint64, int>> m_counts;
};

} // namespace wxr::sim
