// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "faults.h"
#include "rng.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace wxr::sim {

/// One delivery attempt of a callback, or the record that a notification was lost on purpose
/// (attempt 0). Times are Unix milliseconds of the stand-in's clock.
struct DeliveryRecord
{
    qint64 index = 0;          ///< position in the log, from 1
    QByteArray notificationId; ///< the envelope's id (same for every attempt)
    QByteArray eventType;      ///< TRANSACTION.SUCCESS, REFUND.SUCCESS, …
    QByteArray outTradeNo;
    QByteArray outRefundNo;
    int attempt = 0; ///< 1 = first delivery, 2 = first retry, …; 0 = lost
    qint64 sentAtMs = 0;
    qint64 elapsedMs = 0;   ///< until the answer (or the failure)
    int httpStatus = 0;     ///< 0 = no HTTP answer
    QByteArray error;       ///< "", "timeout", "lost", or the network error
    QByteArray replyBody;   ///< first 256 bytes of the merchant's answer
    QByteArray serial;      ///< Wechatpay-Serial of the attempt
    bool probe = false;     ///< sent with a WECHATPAY/SIGNTEST/ signature
    bool duplicate = false; ///< an extra delivery after a success
    bool success = false;   ///< the merchant answered 200 or 204 in time

    QJsonObject toJson() const;
};

/// A callback to deliver: its event and the plaintext resource (JSON) to encrypt.
struct Notification
{
    QByteArray
        eventType;      ///< TRANSACTION.SUCCESS / REFUND.SUCCESS / REFUND.ABNORMAL / REFUND.CLOSED
    QByteArray summary; ///< 支付成功, 退款成功, …
    QByteArray originalType; ///< transaction / refund
    QByteArray resource;     ///< the JSON that goes AEAD-encrypted into resource.ciphertext
    QByteArray outTradeNo;
    QByteArray outRefundNo;
};

/// The signature headers of one callback delivery.
struct CallbackSignature
{
    QByteArray timestamp;
    QByteArray nonce;
    QByteArray serial;
    QByteArray signature; ///< Base64
};

/// Delivers callbacks like WeChat Pay (spec §4): POST of the encrypted envelope with the
/// signature headers, success only on 200/204 within the reply timeout, otherwise retries
/// after 15s, 15s, 30s, 3m, 10m, 20m, 30m, 30m, 30m, 60m, 3h, 3h, 3h, 6h, 6h (divided by the
/// time scale) — up to 16 deliveries. Faults: lost, delayed, duplicated, probe signatures.
/// Lives on the thread that owns it (needs its event loop); not thread-safe.
class Notifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Notifier)

public:
    /// Signs TS\nNONCE\nBODY\n; `publicKey` asks for the WeChat Pay public key (else a
    /// platform certificate) where the key mode allows the choice.
    using Signer = std::function<CallbackSignature(const QByteArray &body, bool publicKey)>;
    using Clock = std::function<qint64()>; ///< Unix seconds of the stand-in's clock

    /// The retry waits of spec §4.6 in seconds.
    static const QList<int> &retryWaits();

    Notifier(QUrl url, QByteArray apiv3Key, Signer signer, Clock clock, quint64 seed,
             QObject *parent = nullptr);
    ~Notifier() override;

    void setFaults(const NotifyFaults &faults) { m_faults = faults; }
    void setTimeScale(double scale) { m_timeScale = scale > 0 ? scale : 1.0; }
    QUrl url() const { return m_url; }

    /// Queues a notification (after the configured delay, unless it is lost).
    void send(const Notification &notification);

    /// Records from index `since` + 1 on.
    QList<DeliveryRecord> records(qint64 since = 0) const;
    /// Notifications still waiting for a delivery or a retry.
    int pending() const { return m_pending; }

signals:
    void recorded(const wxr::sim::DeliveryRecord &record);

private:
    struct Envelope;
    void deliver(std::shared_ptr<Envelope> envelope, bool duplicate);
    void record(DeliveryRecord r);
    int scaled(int ms) const;

    QUrl m_url;
    QByteArray m_apiv3Key;
    Signer m_signer;
    Clock m_clock;
    Rng m_rng;
    NotifyFaults m_faults;
    double m_timeScale = 1.0;
    QNetworkAccessManager *m_nam;
    QList<DeliveryRecord> m_records;
    int m_pending = 0;
};

} // namespace wxr::sim
