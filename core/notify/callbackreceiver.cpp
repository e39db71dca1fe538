// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/callbackreceiver.h"

#include "common/coretr.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace wxr::core {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

} // namespace

struct CallbackReceiver::Pending
{
    explicit Pending(QHttpServerResponder &&r)
        : responder(std::move(r))
        , socket(responder.socket())
    {}

    // The responder holds a raw socket pointer; QPointer tells whether the client is still
    // there when the answer is ready (Qt 6.4 crashes writing to a deleted socket).
    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
    qint64 deadlineMs = 0;
    bool decodedReady = false; ///< the pool has decoded it
    bool handedOn = false;     ///< submitted, or waiting for a certificate refresh
    bool submitted = false;
    InboundRequest request; // kept only while a certificate refresh is awaited
    DecodedCallback decoded;
};

CallbackReceiver::CallbackReceiver(std::shared_ptr<const KeyStore> keys, QString mchid,
                                   QByteArray apiV3Key, CallbackSinkFactory sinkFactory,
                                   QObject *parent)
    : QObject(parent)
    , m_keys(std::move(keys))
    , m_mchid(std::move(mchid))
    , m_apiV3Key(std::move(apiV3Key))
    , m_sinkFactory(std::move(sinkFactory))
{
    // Decoding is CPU-bound: one thread per core, beside the writer's and the network thread.
    m_decodePool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    m_deadlineTimer.setInterval(100);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &CallbackReceiver::sweepDeadlines);
}

CallbackReceiver::~CallbackReceiver()
{
    stop();
}

void CallbackReceiver::setUnknownSerialRefresh(UnknownSerialRefresh refresh)
{
    m_refresh = std::move(refresh);
}

void CallbackReceiver::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

Status CallbackReceiver::start(const ReceiverOptions &options)
{
    if (m_server)
        return makeError(ErrorCode::Conflict, Tr::tr("The callback receiver is already running."));
    m_options = options;
    if (!m_options.path.startsWith(u'/'))
        m_options.path.prepend(u'/');
    m_nextTicket = 0;
    m_nextToSubmit = 1;
    m_decoder = std::make_shared<const CallbackDecoder>(m_keys, m_mchid, m_apiV3Key, m_clock,
                                                        m_options.maxBodyBytes);
    m_writer
        = std::make_unique<CallbackWriter>(m_sinkFactory, [this](QList<CallbackWriter::Done> r) {
              {
                  std::lock_guard lock(m_resultsMutex);
                  m_results.append(std::move(r));
              }
              if (!m_drainScheduled.exchange(true))
                  QMetaObject::invokeMethod(this, &CallbackReceiver::drainResults,
                                            Qt::QueuedConnection);
          });
    if (Status s = m_writer->start(); !s.ok()) {
        m_writer.reset();
        return s;
    }

    m_server = std::make_unique<QHttpServer>();
    m_server->route(m_options.path,
                    [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                        handle(request, std::move(responder));
                    });
    auto *tcp = new QTcpServer(m_server.get());
    if (!tcp->listen(m_options.address, m_options.port)) {
        const Error e = makeError(ErrorCode::Network,
                                  Tr::tr("The callback receiver cannot listen on %1 port %2: %3.")
                                      .arg(m_options.address.toString())
                                      .arg(m_options.port)
                                      .arg(tcp->errorString()));
        m_server.reset();
        m_writer->stop();
        m_writer.reset();
        return e;
    }
    m_server->bind(tcp);
    m_stats = Stats();
    m_deadlineTimer.start();
    emit listeningChanged(true);
    return {};
}

void CallbackReceiver::stop()
{
    if (!m_server)
        return;
    for (QTcpServer *s : m_server->servers())
        s->close();
    m_deadlineTimer.stop();
    // Decodes still running finish; what they decoded goes to the writer like the rest.
    m_decodePool.waitForDone();
    drainDecoded();
    // The writer finishes what is queued; its results are answered below, before the server
    // (and with it every socket) goes away.
    if (m_writer)
        m_writer->stop();
    drainResults();
    for (const auto &p : std::as_const(m_pending)) {
        CallbackEvent e = p->decoded.event;
        e.outcome = CallbackOutcome::Error;
        e.cause = FailureCause::DatabaseError;
        e.httpStatus = 503;
        e.message = Tr::tr("The receiver stopped before the callback was recorded.");
        answer(*p, e);
        count(e);
        emit callbackHandled(e);
    }
    m_pending.clear();
    m_timedOut.clear();
    if (m_writer) { // keep the commit counts for stats() after the stop
        const auto w = m_writer->stats();
        m_stats.batches = w.batches;
        m_stats.largestBatch = w.largestBatch;
    }
    m_writer.reset();
    m_server.reset();
    m_decoder.reset();
    emit listeningChanged(false);
}

bool CallbackReceiver::isListening() const
{
    return m_server && !m_server->servers().isEmpty() && m_server->servers().first()->isListening();
}

quint16 CallbackReceiver::port() const
{
    return isListening() ? m_server->servers().first()->serverPort() : 0;
}

CallbackReceiver::Stats CallbackReceiver::stats() const
{
    Stats s = m_stats;
    s.waiting = m_pending.size();
    if (m_writer) {
        const auto w = m_writer->stats();
        s.batches = w.batches;
        s.largestBatch = w.largestBatch;
    }
    return s;
}

void CallbackReceiver::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    InboundRequest in;
    in.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    in.method = methodName(request.method());
    in.headers = HttpHeaders(request.headers());
    in.body = request.body();

    auto p = std::make_shared<Pending>(std::move(responder));
    // The answer leaves in several small writes; without TCP_NODELAY Nagle's algorithm can hold
    // the last one until the client's delayed ACK (tens of milliseconds). Once per connection:
    // a system call per request shows in the profile under load.
    static const char *const kNoDelaySet = "wxrNoDelaySet";
    if (p->socket && !p->socket->property(kNoDelaySet).toBool()) {
        p->socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        p->socket->setProperty(kNoDelaySet, true);
    }
    p->deadlineMs = in.receivedAtMs + m_options.answerDeadlineMs;
    p->decoded.event.receivedAtMs = in.receivedAtMs; // for a deadline answer before decoding
    const quint64 ticket = ++m_nextTicket;
    m_pending.insert(ticket, p);

    // Verification and decryption on the pool; the result comes back to this thread
    // (drainDecoded), which hands requests on in arrival order.
    m_decodePool.start([this, decoder = m_decoder, ticket, in = std::move(in)] {
        Decoded d{ticket, decoder->decode(in), InboundRequest()};
        if (!d.decoded.accepted && d.decoded.event.cause == FailureCause::UnknownSerial)
            d.request = in; // decoded again once the certificates are refreshed
        {
            std::lock_guard lock(m_decodedMutex);
            m_decoded.append(std::move(d));
        }
        if (!m_decodedScheduled.exchange(true))
            QMetaObject::invokeMethod(this, &CallbackReceiver::drainDecoded, Qt::QueuedConnection);
    });
}

void CallbackReceiver::drainDecoded()
{
    QList<Decoded> decoded;
    {
        std::lock_guard lock(m_decodedMutex);
        decoded.swap(m_decoded);
        m_decodedScheduled = false;
    }
    for (Decoded &d : decoded) {
        const auto it = m_pending.constFind(d.ticket);
        if (it == m_pending.constEnd())
            continue; // answered by the deadline meanwhile
        Pending &p = **it;
        p.request = std::move(d.request);
        p.decoded = std::move(d.decoded);
        p.decodedReady = true;
    }
    submitInOrder();
}

void CallbackReceiver::submitInOrder()
{
    while (m_nextToSubmit <= m_nextTicket) {
        const auto it = m_pending.constFind(m_nextToSubmit);
        if (it != m_pending.constEnd()) {
            Pending &p = **it;
            if (!p.decodedReady)
                return; // the requests after it wait, so that answers keep request order
            if (!p.handedOn) {
                p.handedOn = true;
                if (!p.decoded.accepted && p.decoded.event.cause == FailureCause::UnknownSerial
                    && m_refresh) {
                    // Like before the pool: the refresh may take a while; the requests after
                    // it do not wait for it.
                    refreshThenSubmit(m_nextToSubmit, p.decoded.event.serial);
                } else {
                    p.request = InboundRequest();
                    submit(m_nextToSubmit);
                }
            }
        }
        ++m_nextToSubmit;
    }
}

void CallbackReceiver::submit(quint64 ticket)
{
    const auto it = m_pending.constFind(ticket);
    if (it == m_pending.constEnd() || !m_writer)
        return;
    Pending &p = **it;
    p.submitted = true;
    // The writer gets the decoded callback itself; a deadline or stop answer needs its event only.
    CallbackWriter::Job job{ticket, std::move(p.decoded)};
    p.decoded = DecodedCallback();
    p.decoded.event = job.decoded.event;
    m_writer->submit(std::move(job));
}

void CallbackReceiver::refreshThenSubmit(quint64 ticket, const QString &serial)
{
    // QFutureWatcher rather than QFuture::then(context): the latter misbehaves in Qt 6.4 when
    // the promise side is destroyed first.
    auto *watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, ticket] {
        watcher->deleteLater();
        const auto it = m_pending.constFind(ticket);
        if (it == m_pending.constEnd())
            return; // answered by the deadline meanwhile
        const bool known
            = !watcher->isCanceled() && watcher->future().resultCount() > 0 && watcher->result();
        Pending &p = **it;
        if (known)
            p.decoded = m_decoder->decode(p.request);
        p.request = InboundRequest();
        submit(ticket);
    });
    watcher->setFuture(m_refresh(serial));
}

void CallbackReceiver::drainResults()
{
    QList<CallbackWriter::Done> results;
    {
        std::lock_guard lock(m_resultsMutex);
        results.swap(m_results);
        m_drainScheduled = false;
    }
    for (CallbackWriter::Done &done : results) {
        const auto it = m_pending.find(done.ticket);
        if (it != m_pending.end()) {
            const std::shared_ptr<Pending> p = *it;
            m_pending.erase(it);
            done.event.processingMs = QDateTime::currentMSecsSinceEpoch() - done.event.receivedAtMs;
            answer(*p, done.event);
        } else if (m_timedOut.remove(done.ticket)) {
            // WeChat was told 503 at the deadline and will deliver again; report what it saw.
            done.event.outcome = CallbackOutcome::Error;
            if (done.event.cause != FailureCause::VerifyTimeout)
                done.event.cause = FailureCause::DatabaseError;
            done.event.httpStatus = 503;
        } else {
            continue;
        }
        count(done.event);
        emit callbackHandled(done.event);
    }
}

void CallbackReceiver::answer(Pending &pending, const CallbackEvent &event)
{
    if (!pending.socket || pending.socket->state() != QAbstractSocket::ConnectedState)
        return; // the client gave up; WeChat will retry
    const auto status = static_cast<QHttpServerResponder::StatusCode>(event.httpStatus);
    if (event.httpStatus >= 200 && event.httpStatus < 300)
        pending.responder.write(status);
    else
        pending.responder.write(failureBody(event.cause), QByteArrayLiteral("application/json"),
                                status);
}

void CallbackReceiver::sweepDeadlines()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        Pending &p = **it;
        if (p.deadlineMs > now) {
            ++it;
            continue;
        }
        CallbackEvent e = p.decoded.event;
        e.outcome = CallbackOutcome::Error;
        e.cause = FailureCause::DatabaseError;
        e.httpStatus = 503;
        e.processingMs = now - e.receivedAtMs;
        e.message = Tr::tr("The ledger did not commit the callback within %1 ms.")
                        .arg(m_options.answerDeadlineMs);
        if (p.submitted) {
            answer(p, e);
            m_timedOut.insert(it.key()); // its result is reported when it comes
        } else if (m_writer) {
            // Not verified yet (the decoding pool was saturated, or a certificate refresh is
            // slow). Recorded, never applied, as the failed delivery WeChat saw (it delivers
            // again), so that the monitor counts it; reported once the writer has recorded it.
            e.cause = FailureCause::VerifyTimeout;
            e.message = Tr::tr("The callback was not verified within %1 ms.")
                            .arg(m_options.answerDeadlineMs);
            answer(p, e);
            DecodedCallback record;
            record.event = e; // accepted stays false
            m_timedOut.insert(it.key());
            m_writer->submit({it.key(), std::move(record)});
        } else {
            answer(p, e);
            count(e);
            emit callbackHandled(e);
        }
        it = m_pending.erase(it);
    }
}

void CallbackReceiver::count(const CallbackEvent &event)
{
    ++m_stats.received;
    switch (event.outcome) {
    case CallbackOutcome::Applied:
        ++m_stats.applied;
        break;
    case CallbackOutcome::Duplicate:
        ++m_stats.duplicates;
        break;
    case CallbackOutcome::Ignored:
        ++m_stats.ignored;
        break;
    case CallbackOutcome::Rejected:
        ++m_stats.rejected;
        break;
    case CallbackOutcome::Error:
        ++m_stats.errors;
        break;
    }
    if (event.cause != FailureCause::None)
        ++m_stats.byCause[static_cast<size_t>(event.cause)];
}

} // namespace wxr::core
