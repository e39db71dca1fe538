// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small HTTP/1.1 load generator for the callback receiver: many keep-alive connections on
// loopback, each with one request in flight, paced to a target rate. Shared by the kill -9 test
// and bench/notify. QNetworkAccessManager caps a host at six connections, too few to keep a
// group-committing receiver busy, hence raw sockets.

#include "wechatpay/httpheaders.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <memory>

namespace wxr::core::test {

struct LoadRequest
{
    QByteArray id;  ///< the notification id, to match answers with the ledger
    QByteArray raw; ///< the complete HTTP request
};

struct LoadResult
{
    QByteArray id;
    int status = 0;       ///< 0: no answer (connection lost)
    qint64 latencyUs = 0; ///< write → complete answer
};

/// The bytes of a POST of `body` with `headers` to `path` on `host:port`.
inline QByteArray httpPost(const QString &path, const QString &hostPort, const HttpHeaders &headers,
                           const QByteArray &body)
{
    QByteArray raw
        = "POST " + path.toLatin1() + " HTTP/1.1\r\nHost: " + hostPort.toLatin1() + "\r\n";
    for (const auto &[name, value] : headers.pairs())
        raw += name + ": " + value + "\r\n";
    raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return raw;
}

class LoadClient
{
public:
    using ResultHandler = std::function<void(const LoadResult &)>;

    /// `rate` requests per second in total (≤ 0: as fast as the connections allow).
    LoadClient(QHostAddress host, quint16 port, int connections, double rate)
        : m_host(std::move(host))
        , m_port(port)
        , m_rate(rate)
    {
        for (int i = 0; i < connections; ++i)
            m_connections.push_back(std::make_unique<Connection>());
        QObject::connect(&m_pacer, &QTimer::timeout, &m_context, [this] { dispatch(); });
        m_pacer.setInterval(1);
    }

    ~LoadClient() { stop(); }

    /// Starts sending `requests` in order; `onResult` gets every answer (or loss) on this
    /// thread's event loop. `done` is called once all are accounted for or stop() is called.
    void start(QList<LoadRequest> requests, ResultHandler onResult, std::function<void()> done)
    {
        m_queue = std::move(requests);
        m_next = 0;
        m_outstanding = 0;
        m_onResult = std::move(onResult);
        m_done = std::move(done);
        m_clock.start();
        m_running = true;
        m_pacer.start();
        dispatch();
    }

    /// Stops sending; requests in flight are reported as lost (status 0).
    void stop()
    {
        if (!m_running)
            return;
        m_running = false;
        m_pacer.stop();
        for (auto &c : m_connections) {
            if (c->socket)
                c->socket->abort();
            if (c->busy)
                finish(*c, 0);
        }
        complete();
    }

    [[nodiscard]] qsizetype sent() const { return m_next; }
    [[nodiscard]] qint64 elapsedMs() const { return m_clock.elapsed(); }
    [[nodiscard]] qint64 connectionErrors() const { return m_connectionErrors; }

private:
    struct Connection
    {
        std::unique_ptr<QTcpSocket> socket;
        QByteArray buffer;
        bool busy = false;
        LoadRequest current;
        QElapsedTimer sentAt;
    };

    void dispatch()
    {
        if (!m_running)
            return;
        const qsizetype allowed
            = m_rate > 0 ? std::min<qsizetype>(m_queue.size(),
                                               qsizetype(m_rate * m_clock.nsecsElapsed() / 1e9) + 1)
                         : m_queue.size();
        for (auto &c : m_connections) {
            if (m_next >= allowed)
                break;
            if (!c->busy)
                send(*c, m_queue[m_next++]);
        }
        if (m_next >= m_queue.size())
            m_pacer.stop();
        if (m_next >= m_queue.size() && m_outstanding == 0)
            complete();
    }

    void send(Connection &c, const LoadRequest &r)
    {
        if (!c.socket || c.socket->state() == QAbstractSocket::UnconnectedState) {
            c.socket = std::make_unique<QTcpSocket>();
            c.socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            QTcpSocket *s = c.socket.get();
            QObject::connect(s, &QTcpSocket::readyRead, &m_context, [this, &c] { read(c); });
            // Written once connected: writing into a socket that is still connecting (and may
            // fail to) only makes Qt warn.
            QObject::connect(s, &QTcpSocket::connected, &m_context, [&c, s] {
                if (c.busy && c.socket.get() == s)
                    s->write(c.current.raw);
            });
            QObject::connect(s, &QTcpSocket::errorOccurred, &m_context, [this, &c, s] {
                if (c.socket.get() != s)
                    return;
                ++m_connectionErrors;
                if (c.busy)
                    finish(c, 0);
                QTimer::singleShot(0, &m_context, [this] { dispatch(); });
            });
            c.socket->connectToHost(m_host, m_port);
        }
        c.busy = true;
        c.current = r;
        c.buffer.clear();
        ++m_outstanding;
        c.sentAt.start();
        if (c.socket->state() == QAbstractSocket::ConnectedState)
            c.socket->write(r.raw);
    }

    void read(Connection &c)
    {
        c.buffer += c.socket->readAll();
        for (;;) {
            const qsizetype end = c.buffer.indexOf("\r\n\r\n");
            if (end < 0 || !c.busy)
                return;
            const QByteArray head = c.buffer.left(end);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n')) {
                const QByteArray l = line.trimmed();
                if (l.toLower().startsWith("content-length:"))
                    length = l.mid(15).trimmed().toLongLong();
            }
            if (c.buffer.size() < end + 4 + length)
                return;
            const QList<QByteArray> statusLine = head.left(head.indexOf('\r')).split(' ');
            const int status = statusLine.size() > 1 ? statusLine[1].toInt() : 0;
            c.buffer.remove(0, end + 4 + length);
            finish(c, status);
            dispatch();
        }
    }

    void finish(Connection &c, int status)
    {
        c.busy = false;
        --m_outstanding;
        const LoadResult r{c.current.id, status, c.sentAt.nsecsElapsed() / 1000};
        if (m_onResult)
            m_onResult(r);
    }

    void complete()
    {
        if (!m_done)
            return;
        m_running = false;
        m_pacer.stop();
        auto done = std::move(m_done);
        m_done = nullptr;
        done();
    }

    QHostAddress m_host;
    quint16 m_port;
    double m_rate;
    QObject m_context;
    QTimer m_pacer;
    QElapsedTimer m_clock;
    std::vector<std::unique_ptr<Connection>> m_connections;
    QList<LoadRequest> m_queue;
    qsizetype m_next = 0;
    qint64 m_outstanding = 0;
    qint64 m_connectionErrors = 0;
    bool m_running = false;
    ResultHandler m_onResult;
    std::function<void()> m_done;
};

} // namespace wxr::core::test
