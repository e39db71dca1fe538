// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test-side helpers for talking to the stand-in: a minimal signed HTTP client (the protocol
// core's Signer + QNetworkAccessManager, waiting in a local event loop so that the in-process
// server keeps running) and a callback receiver.

#include "crypto/aead.h"
#include "crypto/certificate.h"
#include "wechatpay/httpheaders.h"
#include "wechatpay/keystore.h"
#include "wechatpay/signer.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <optional>

namespace wxr::simtest {

struct HttpResult
{
    int status = 0;
    core::HttpHeaders headers;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    qint64 elapsedMs = 0;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const char *name) const { return headers.value(name).value_or(QByteArray()); }
};

/// Sends requests to `base` + target (the target goes on the wire exactly as given).
class Client
{
public:
    explicit Client(QUrl base)
        : m_base(std::move(base))
    {}

    HttpResult send(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                    const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest req(QUrl::fromEncoded(m_base.toEncoded() + target, QUrl::StrictMode));
        for (const auto &[k, v] : headers)
            req.setRawHeader(k, v);
        if (!body.isEmpty())
            req.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        req.setTransferTimeout(10000);
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply = m_nam.sendCustomRequest(req, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        HttpResult r;
        r.elapsedMs = timer.elapsed();
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.headers = core::HttpHeaders(reply->rawHeaderPairs());
        r.body = reply->readAll();
        r.error = reply->error();
        reply->deleteLater();
        return r;
    }

    /// Signs with `signer` (path + raw query on line 2) and sends.
    HttpResult signedSend(const core::Signer &signer, const QByteArray &method,
                          const QByteArray &target, const QByteArray &body = {},
                          QList<QPair<QByteArray, QByteArray>> headers = {},
                          std::optional<qint64> timestamp = std::nullopt)
    {
        const auto signedReq = timestamp ? signer.sign(method, target, body, *timestamp,
                                                       QByteArrayLiteral("N0NCE0123456789"))
                                         : signer.sign(method, target, body);
        if (signedReq)
            headers.append(qMakePair(QByteArrayLiteral("Authorization"), signedReq->authorization));
        headers.append(
            qMakePair(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")));
        headers.append(
            qMakePair(QByteArrayLiteral("User-Agent"), QByteArrayLiteral("wxrecon-tests")));
        return send(method, target, body, headers);
    }

private:
    QUrl m_base;
    QNetworkAccessManager m_nam;
};

/// Decrypts the /v3/certificates answer into PlatformCertificates.
inline QList<core::PlatformCertificate> decryptCertificates(const QJsonObject &answer,
                                                            const QByteArray &apiv3Key)
{
    QList<core::PlatformCertificate> out;
    for (const auto &v : answer.value(QStringLiteral("data")).toArray()) {
        const QJsonObject o = v.toObject();
        const QJsonObject enc = o.value(QStringLiteral("encrypt_certificate")).toObject();
        const auto pem = core::aead::decryptAes256Gcm(
            apiv3Key, enc.value(QStringLiteral("nonce")).toString().toLatin1(),
            enc.value(QStringLiteral("associated_data")).toString().toLatin1(),
            QByteArray::fromBase64(enc.value(QStringLiteral("ciphertext")).toString().toLatin1()));
        if (!pem)
            continue;
        const auto cert = core::Certificate::fromPem(*pem, QStringLiteral("certificates answer"));
        if (!cert)
            continue;
        out.append({o.value(QStringLiteral("serial_no")).toString(), *cert, cert->notBefore(),
                    cert->notAfter()});
    }
    return out;
}

/// Receives callbacks on 127.0.0.1 and answers with the next status of a script (default 204).
class Receiver
{
public:
    struct Received
    {
        core::HttpHeaders headers;
        QByteArray body;
    };

    Receiver()
    {
        m_server.route(QStringLiteral("/notify"), [this](const QHttpServerRequest &req) {
            m_received.append({core::HttpHeaders(req.headers()), req.body()});
            const int status = m_script.isEmpty() ? 204 : m_script.takeFirst();
            if (status == 204)
                return QHttpServerResponse(QHttpServerResponder::StatusCode::NoContent);
            return QHttpServerResponse(
                QByteArrayLiteral("application/json"),
                QByteArrayLiteral("{\"code\":\"FAIL\",\"message\":\"test\"}"),
                static_cast<QHttpServerResponder::StatusCode>(status));
        });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/notify").arg(m_port)); }
    void script(QList<int> statuses) { m_script = std::move(statuses); }
    const QList<Received> &received() const { return m_received; }

    /// Runs the event loop until `n` callbacks arrived or `ms` passed.
    bool waitFor(qsizetype n, int ms = 5000)
    {
        QElapsedTimer t;
        t.start();
        while (m_received.size() < n && t.elapsed() < ms) {
            QEventLoop loop;
            QTimer::singleShot(10, &loop, &QEventLoop::quit);
            loop.exec();
        }
        return m_received.size() >= n;
    }

private:
    QHttpServer m_server;
    quint16 m_port = 0;
    QList<int> m_script;
    QList<Received> m_received;
};

/// Runs the event loop for `ms` milliseconds.
inline void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace wxr::simtest
