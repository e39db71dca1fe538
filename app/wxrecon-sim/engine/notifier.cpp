// SPDX-License-Identifier: GPL-3.0-or-later
#include "notifier.h"

#include "common/cstime.h"
#include "crypto/aead.h"
#include "crypto/random.h"
#include "wechatpay/signing.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUuid>

#include <cmath>
#include <memory>

namespace wxr::sim {

struct Notifier::Envelope
{
    Notification n;
    QByteArray id;
    QByteArray body; ///< encrypted once; every retry carries the same body
    bool publicKey = false;
    int attempt = 0;
};

QJsonObject DeliveryRecord::toJson() const
{
    return {{QStringLiteral("index"), index},
            {QStringLiteral("notification_id"), QString::fromLatin1(notificationId)},
            {QStringLiteral("event_type"), QString::fromLatin1(eventType)},
            {QStringLiteral("out_trade_no"), QString::fromLatin1(outTradeNo)},
            {QStringLiteral("out_refund_no"), QString::fromLatin1(outRefundNo)},
            {QStringLiteral("attempt"), attempt},
            {QStringLiteral("sent_at_ms"), sentAtMs},
            {QStringLiteral("elapsed_ms"), elapsedMs},
            {QStringLiteral("http_status"), httpStatus},
            {QStringLiteral("error"), QString::fromUtf8(error)},
            {QStringLiteral("reply_body"), QString::fromUtf8(replyBody)},
            {QStringLiteral("serial"), QString::fromLatin1(serial)},
            {QStringLiteral("probe"), probe},
            {QStringLiteral("duplicate"), duplicate},
            {QStringLiteral("success"), success}};
}

const QList<int> &Notifier::retryWaits()
{
    static const QList<int> waits
        = {15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600};
    return waits;
}

Notifier::Notifier(QUrl url, QByteArray apiv3Key, Signer signer, Clock clock, quint64 seed,
                   QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_apiv3Key(std::move(apiv3Key))
    , m_signer(std::move(signer))
    , m_clock(std::move(clock))
    , m_rng(mix64(seed ^ 0x6E6F74696679ULL))
    , m_nam(new QNetworkAccessManager(this))
{}

Notifier::~Notifier() = default;

int Notifier::scaled(int ms) const
{
    return static_cast<int>(std::min<double>(ms / m_timeScale, 24.0 * 3600 * 1000));
}

void Notifier::record(DeliveryRecord r)
{
    r.index = m_records.size() + 1;
    m_records.append(r);
    emit recorded(m_records.last());
}

QList<DeliveryRecord> Notifier::records(qint64 since) const
{
    return since <= 0 ? m_records : m_records.mid(std::min<qsizetype>(since, m_records.size()));
}

void Notifier::send(const Notification &notification)
{
    auto e = std::make_shared<Envelope>();
    e->n = notification;
    e->id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    if (m_faults.lost > 0 && m_rng.unit() < m_faults.lost) {
        DeliveryRecord r;
        r.notificationId = e->id;
        r.eventType = notification.eventType;
        r.outTradeNo = notification.outTradeNo;
        r.outRefundNo = notification.outRefundNo;
        r.sentAtMs = m_clock() * 1000;
        r.error = "lost";
        record(r);
        return;
    }
    e->publicKey = m_faults.publicKeyShare > 0 && m_rng.unit() < m_faults.publicKeyShare;
    const QByteArray nonce = core::random::nonceString(12);
    const QByteArray aad = notification.originalType;
    const auto cipher = core::aead::encryptAes256Gcm(m_apiv3Key, nonce, aad, notification.resource);
    if (!cipher)
        return; // only with a broken APIv3 key, which SimKeys never produces
    const QJsonObject resource{
        {QStringLiteral("original_type"), QString::fromLatin1(aad)},
        {QStringLiteral("algorithm"), QStringLiteral("AEAD_AES_256_GCM")},
        {QStringLiteral("ciphertext"), QString::fromLatin1(cipher->toBase64())},
        {QStringLiteral("associated_data"), QString::fromLatin1(aad)},
        {QStringLiteral("nonce"), QString::fromLatin1(nonce)}};
    const QJsonObject envelope{
        {QStringLiteral("id"), QString::fromLatin1(e->id)},
        {QStringLiteral("create_time"), cst::formatRfc3339(m_clock())},
        {QStringLiteral("resource_type"), QStringLiteral("encrypt-resource")},
        {QStringLiteral("event_type"), QString::fromLatin1(notification.eventType)},
        {QStringLiteral("summary"), QString::fromUtf8(notification.summary)},
        {QStringLiteral("resource"), resource}};
    e->body = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
    ++m_pending;
    int delay = 0;
    if (m_faults.delayLogUniform) // most deliveries quick, a long tail of slow ones
        delay = static_cast<int>(
            m_faults.delayMinMs
            * std::pow(double(m_faults.delayMaxMs) / m_faults.delayMinMs, m_rng.unit()));
    else if (m_faults.delayMaxMs > 0)
        delay = static_cast<int>(m_rng.range(m_faults.delayMinMs, m_faults.delayMaxMs));
    QTimer::singleShot(delay, this, [this, e] { deliver(e, false); });
}

void Notifier::deliver(std::shared_ptr<Envelope> e, bool duplicate)
{
    if (!duplicate)
        ++e->attempt;
    // Probe traffic only on first deliveries: after the merchant's 4xx/5xx WeChat redelivers
    // with a real signature (spec §2.5).
    const bool probe
        = !duplicate && e->attempt == 1 && m_faults.probe > 0 && m_rng.unit() < m_faults.probe;
    CallbackSignature sig = m_signer(e->body, e->publicKey);
    if (probe)
        sig.signature = "WECHATPAY/SIGNTEST/" + core::random::bytes(24).toBase64();
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Mozilla/4.0"));
    request.setRawHeader("Wechatpay-Timestamp", sig.timestamp);
    request.setRawHeader("Wechatpay-Nonce", sig.nonce);
    request.setRawHeader("Wechatpay-Signature", sig.signature);
    request.setRawHeader("Wechatpay-Serial", sig.serial);
    request.setRawHeader("Wechatpay-Signature-Type", core::signing::kScheme);
    request.setRawHeader("Request-ID", core::random::nonceString(32));
    request.setTransferTimeout(m_faults.replyTimeoutMs);

    DeliveryRecord r;
    r.notificationId = e->id;
    r.eventType = e->n.eventType;
    r.outTradeNo = e->n.outTradeNo;
    r.outRefundNo = e->n.outRefundNo;
    r.attempt = e->attempt;
    r.sentAtMs = m_clock() * 1000;
    r.serial = sig.serial;
    r.probe = probe;
    r.duplicate = duplicate;
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QNetworkReply *reply = m_nam->post(request, e->body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, e, r, timer, duplicate]() mutable {
        reply->deleteLater();
        r.elapsedMs = timer->elapsed();
        r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->isOpen())
            r.replyBody = reply->read(256);
        if (reply->error() == QNetworkReply::OperationCanceledError
            || r.elapsedMs >= m_faults.replyTimeoutMs)
            r.error = "timeout";
        else if (reply->error() != QNetworkReply::NoError && r.httpStatus == 0)
            r.error = reply->errorString().toUtf8();
        r.success = r.error.isEmpty() && (r.httpStatus == 200 || r.httpStatus == 204);
        record(r);
        if (duplicate)
            return;
        if (r.success) {
            --m_pending;
            if (m_faults.duplicate > 0 && m_rng.unit() < m_faults.duplicate)
                QTimer::singleShot(scaled(1000), this, [this, e] { deliver(e, true); });
            return;
        }
        const QList<int> &waits = retryWaits();
        if (e->attempt > waits.size()) {
            --m_pending; // schedule exhausted: the merchant must query (spec §4.6)
            return;
        }
        QTimer::singleShot(scaled(waits[e->attempt - 1] * 1000), this,
                           [this, e] { deliver(e, false); });
    });
}

} // namespace wxr::sim
