// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "notify/callbackdecoder.h"
#include "notify/callbackwriter.h"

#include <QFuture>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QTcpSocket;

namespace wxr::core {

/// Where and how the receiver listens.
struct ReceiverOptions
{
    QHostAddress address = QHostAddress::LocalHost; ///< behind a TLS reverse proxy by default
    quint16 port = 0;                               ///< 0: any free port (see port())
    QString path = QStringLiteral("/wxpay/notify"); ///< other paths answer 404
    /// WeChat counts an answer later than 5 s as a failure (spec §4.5): a callback not
    /// committed by then is answered 503 (and WeChat retries).
    int answerDeadlineMs = 4500;
    qsizetype maxBodyBytes = CallbackDecoder::kDefaultMaxBodyBytes;
};

/// wxrecon's payment-callback receiver (architecture doc, "Callback handling rules"): an HTTP
/// endpoint (QHttpServer) that decodes each request on its own thread (CallbackDecoder) and
/// hands it to the group-commit writer (CallbackWriter + a CallbackSink, the ledger in
/// production). Every request is answered only when the writer reports back, so a 2xx always
/// follows the commit of the callback's transaction; 4xx when it was refused, 503 when the
/// ledger could not commit or did not within ReceiverOptions::answerDeadlineMs.
///
/// Decoding (signature verification, AES-GCM, JSON) runs on a small pool of its own threads,
/// so that it and the writer's SQLite work use different cores; decoded requests are handed
/// to the writer in arrival order all the same (a request decoded early waits for the ones
/// before it), and the writer is FIFO, so answers on one connection leave in request order
/// and HTTP/1.1 keep-alive and pipelining stay correct.
///
/// An unknown Wechatpay-Serial asks the refresh hook (ApiClient::refreshForUnknownSerial)
/// for fresh platform certificates and decodes the request again once it reports back,
/// within the same answer deadline.
///
/// Thread affinity: the object's thread runs the HTTP server (the GUI's main thread or the
/// CLI's; move it to a worker QThread before start() for heavy load in the GUI); decoding runs
/// on the receiver's pool, writing on the writer's thread.
/// Signals are emitted on that thread. Q_DISABLE_COPY_MOVE.
class CallbackReceiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallbackReceiver)

public:
    using UnknownSerialRefresh = std::function<QFuture<bool>(const QString &serial)>;
    using Clock = CallbackDecoder::Clock;

    /// `apiV3Key` decrypts the resources; `mchid` is the merchant the callbacks must be for.
    CallbackReceiver(std::shared_ptr<const KeyStore> keys, QString mchid, QByteArray apiV3Key,
                     CallbackSinkFactory sinkFactory, QObject *parent = nullptr);
    ~CallbackReceiver() override;

    /// Optional: refresh platform certificates when a callback names an unknown serial.
    void setUnknownSerialRefresh(UnknownSerialRefresh refresh);
    /// Unix seconds for the timestamp window (tests); default: the system clock.
    void setClock(Clock clock);

    /// Starts the writer (which opens the sink) and then listens. Errors: Database/Io from the
    /// sink factory; Network when the address/port cannot be bound (naming them); Conflict when
    /// already listening.
    Status start(const ReceiverOptions &options = {});
    /// Stops listening, lets the writer finish what is queued, answers every request still
    /// waiting and closes the sink. Idempotent.
    void stop();

    [[nodiscard]] bool isListening() const;
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QString path() const { return m_options.path; }

    /// Counters since start(), for a status line; monitor's metrics read the ledger instead.
    struct Stats
    {
        qint64 received = 0;
        qint64 applied = 0;
        qint64 duplicates = 0;
        qint64 ignored = 0;
        qint64 rejected = 0;
        qint64 errors = 0; ///< 5xx: ledger could not commit, or too slow
        std::array<qint64, kFailureCauseCount> byCause{};
        qint64 waiting = 0; ///< requests not answered yet
        qint64 batches = 0; ///< writer transactions (kept after stop(), until the next start())
        qint64 largestBatch = 0;
    };
    [[nodiscard]] Stats stats() const;

signals:
    /// One request answered (or, after a deadline answer, its late result recorded).
    void callbackHandled(const wxr::core::CallbackEvent &event);
    void listeningChanged(bool listening);

private:
    struct Pending;

    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void drainDecoded();
    void submitInOrder();
    void submit(quint64 ticket);
    void refreshThenSubmit(quint64 ticket, const QString &serial);
    void drainResults();
    void answer(Pending &pending, const CallbackEvent &event);
    void sweepDeadlines();
    void count(const CallbackEvent &event);

    std::shared_ptr<const KeyStore> m_keys;
    QString m_mchid;
    QByteArray m_apiV3Key;
    CallbackSinkFactory m_sinkFactory;
    UnknownSerialRefresh m_refresh;
    Clock m_clock;
    ReceiverOptions m_options;
    std::shared_ptr<const CallbackDecoder> m_decoder;
    QThreadPool m_decodePool;
    std::unique_ptr<CallbackWriter> m_writer;
    std::unique_ptr<QHttpServer> m_server;
    QTimer m_deadlineTimer;
    QHash<quint64, std::shared_ptr<Pending>> m_pending;
    QSet<quint64> m_timedOut; ///< answered 503 by the deadline, result still to come
    quint64 m_nextTicket = 0;
    quint64 m_nextToSubmit = 1; ///< the oldest ticket not yet handed on (arrival order)
    Stats m_stats;

    struct Decoded
    {
        quint64 ticket = 0;
        DecodedCallback decoded;
        InboundRequest request; ///< kept only when a certificate refresh will be asked for
    };
    std::mutex m_decodedMutex;
    QList<Decoded> m_decoded; ///< from the pool, waiting for the receiver's thread
    std::atomic<bool> m_decodedScheduled{false};

    std::mutex m_resultsMutex;
    QList<CallbackWriter::Done> m_results;
    std::atomic<bool> m_drainScheduled{false};
};

} // namespace wxr::core
