// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A scriptable WeChat Pay stand-in on 127.0.0.1 for the ApiClient tests: records every request
// (checking its merchant signature), and answers through a handler chosen by the test.

#include "common/cstime.h"
#include "crypto/privatekey.h"
#include "wechatpay/httpheaders.h"
#include "wechatpay/signing.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMutex>
#include <QTcpSocket>

#include <functional>
#include <vector>

namespace wxr::core::test {

struct Received
{
    QByteArray method;
    QByteArray pathAndQuery;
    HttpHeaders headers;
    QByteArray body;
    qint64 atMs = 0;          ///< since the server started
    bool signatureOk = false; ///< Authorization verified with the merchant's public key
    QByteArray signedLine2;   ///< line 2 of the string the client signed
};

struct Reply
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool hold = false; ///< never answer (timeouts)
};

class FakeWechatPay final : public QAbstractHttpServer
{
public:
    using Handler = std::function<Reply(const Received &)>;

    explicit FakeWechatPay(PublicKey merchantKey)
        : m_merchantKey(std::move(merchantKey))
    {
        m_port = listen(QHostAddress::LocalHost, 0);
        m_clock.start();
    }

    quint16 port() const { return m_port; }
    QUrl base() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    void setHandler(Handler h) { m_handler = std::move(h); }

    QList<Received> received() const
    {
        QMutexLocker lock(&m_mutex);
        return m_received;
    }
    int count(const QByteArray &pathPrefix = {}) const
    {
        int n = 0;
        for (const Received &r : received())
            n += r.pathAndQuery.startsWith(pathPrefix);
        return n;
    }
    void clear()
    {
        QMutexLocker lock(&m_mutex);
        m_received.clear();
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        Received r;
        r.method = methodName(request.method());
        r.pathAndQuery = signing::canonicalUrl(request.url());
        r.headers = HttpHeaders(request.headers());
        r.body = request.body();
        r.atMs = m_clock.elapsed();
        if (const auto auth = r.headers.value("Authorization")) {
            const auto f = signing::parseAuthorization(*auth);
            if (f) {
                const QByteArray msg = signing::requestMessage(r.method, r.pathAndQuery,
                                                               f->timestamp, f->nonce, r.body);
                r.signatureOk
                    = m_merchantKey.verifySha256(msg, QByteArray::fromBase64(f->signature));
                r.signedLine2 = r.pathAndQuery;
            }
        }
        {
            QMutexLocker lock(&m_mutex);
            m_received.append(r);
        }
        const Reply reply = m_handler ? m_handler(r) : Reply{404, "{}", {}, false};
        QHttpServerResponder responder = makeResponder(request, socket);
        if (reply.hold) {
            m_held.push_back(std::move(responder));
            return true;
        }
        responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
        for (const auto &h : reply.headers)
            responder.writeHeader(h.first, h.second);
        responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
        responder.writeBody(reply.body);
        return true;
    }

    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    static QByteArray methodName(QHttpServerRequest::Method m)
    {
        switch (m) {
        case QHttpServerRequest::Method::Get:
            return "GET";
        case QHttpServerRequest::Method::Post:
            return "POST";
        case QHttpServerRequest::Method::Put:
            return "PUT";
        case QHttpServerRequest::Method::Delete:
            return "DELETE";
        case QHttpServerRequest::Method::Patch:
            return "PATCH";
        default:
            return "OTHER";
        }
    }

    PublicKey m_merchantKey;
    quint16 m_port = 0;
    QElapsedTimer m_clock;
    Handler m_handler;
    mutable QMutex m_mutex;
    QList<Received> m_received;
    std::vector<QHttpServerResponder> m_held;
};

/// A reply signed the way WeChat Pay signs (TS\nNONCE\nBODY\n) with `key` as `serial`.
inline Reply signedReply(const PrivateKey &key, const QByteArray &serial, int status,
                         const QByteArray &body, qint64 timestamp = cst::now())
{
    const QByteArray nonce = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
    const auto sig
        = key.signSha256(signing::responseMessage(QByteArray::number(timestamp), nonce, body));
    Reply r;
    r.status = status;
    r.body = body;
    r.headers = {{"Content-Type", "application/json"},
                 {"Request-ID", "08F1-" + QByteArray::number(status)},
                 {"Wechatpay-Timestamp", QByteArray::number(timestamp)},
                 {"Wechatpay-Nonce", nonce},
                 {"Wechatpay-Signature", sig->toBase64()},
                 {"Wechatpay-Serial", serial},
                 {"Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048"}};
    return r;
}

/// An error answer (non-2xx answers are not signed by WeChat Pay).
inline Reply errorReply(int status, const QByteArray &code, const QByteArray &message = "error")
{
    Reply r;
    r.status = status;
    r.body = "{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}";
    r.headers = {{"Content-Type", "application/json"}, {"Request-ID", "08F1-ERR-" + code}};
    return r;
}

} // namespace wxr::core::test
