// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "notify/callbackdecoder.h"

#include <QList>

#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

namespace wxr::core {

/// Where decoded callbacks are recorded and applied: the ledger in production
/// (LedgerCallbackSink), a fake in tests. Created and used on the writer's thread only.
class CallbackSink
{
public:
    virtual ~CallbackSink() = default;

    /// Records and applies `batch` — as one transaction when it can — and returns one event per
    /// input, in order, with the final outcome and HTTP status: Applied/Duplicate/Ignored with
    /// 204 only when the transaction holding them has committed; Rejected inputs keep their
    /// 4xx whether or not their record committed; Error with 503 when nothing could be
    /// committed for that input. Never throws.
    virtual QList<CallbackEvent> apply(const QList<DecodedCallback> &batch) = 0;
};

/// Makes the sink on the writer thread (a Ledger belongs to the thread that opened it).
using CallbackSinkFactory = std::function<Result<std::unique_ptr<CallbackSink>>()>;

/// The group-commit writer: one dedicated thread that takes every callback queued since its
/// last commit and hands them to the sink as one batch, so that one fsync covers many
/// callbacks when they arrive together, while none is acknowledged before its batch is
/// durable. Under light load a batch is a single callback and waits for nobody.
///
/// submit() may be called from any thread; results are handed to `done` on the writer
/// thread, in submission order. Not copyable.
class CallbackWriter final
{
public:
    struct Job
    {
        quint64 ticket = 0;
        DecodedCallback decoded;
    };
    struct Done
    {
        quint64 ticket = 0;
        CallbackEvent event;
    };
    using Completion = std::function<void(QList<Done> results)>;

    /// Largest batch handed to the sink at once (bounds one transaction's duration).
    static constexpr qsizetype kMaxBatch = 512;

    CallbackWriter(CallbackSinkFactory factory, Completion done);
    ~CallbackWriter();
    CallbackWriter(const CallbackWriter &) = delete;
    CallbackWriter &operator=(const CallbackWriter &) = delete;

    /// Starts the thread and creates the sink there; returns the factory's error (the thread
    /// is then stopped again).
    Status start();
    /// Processes what is queued, then ends the thread. Idempotent.
    void stop();

    void submit(Job job);

    struct Stats
    {
        qint64 batches = 0;
        qint64 callbacks = 0;
        qint64 largestBatch = 0;
        qint64 queued = 0; ///< waiting now
    };
    [[nodiscard]] Stats stats() const;

private:
    void run(std::shared_ptr<std::promise<Status>> started);

    CallbackSinkFactory m_factory;
    Completion m_done;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    QList<Job> m_queue;
    bool m_stopping = false;
    Stats m_stats;
};

} // namespace wxr::core
