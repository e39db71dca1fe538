// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/callbackwriter.h"

#include "common/coretr.h"

#include <future>
#include <iterator>

namespace wxr::core {

CallbackWriter::CallbackWriter(CallbackSinkFactory factory, Completion done)
    : m_factory(std::move(factory))
    , m_done(std::move(done))
{}

CallbackWriter::~CallbackWriter()
{
    stop();
}

Status CallbackWriter::start()
{
    if (m_thread.joinable())
        return {};
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    auto started = std::make_shared<std::promise<Status>>();
    std::future<Status> result = started->get_future();
    m_thread = std::thread([this, started] { run(started); });
    Status status = result.get();
    if (!status.ok())
        m_thread.join();
    return status;
}

void CallbackWriter::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void CallbackWriter::submit(Job job)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.append(std::move(job));
        m_stats.queued = m_queue.size();
    }
    m_wake.notify_one();
}

CallbackWriter::Stats CallbackWriter::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void CallbackWriter::run(std::shared_ptr<std::promise<Status>> started)
{
    auto sink = m_factory();
    if (!sink) {
        started->set_value(sink.error());
        return;
    }
    started->set_value(Status());
    std::unique_ptr<CallbackSink> s = std::move(*sink);

    for (;;) {
        QList<Job> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.isEmpty(); });
            if (m_queue.isEmpty())
                break; // stopping and drained
            // Everything that queued up while the previous batch was committing goes into
            // this one: that is the whole trick of group commit.
            const qsizetype n = std::min(m_queue.size(), kMaxBatch);
            if (n == m_queue.size()) {
                batch.swap(m_queue);
            } else {
                batch.reserve(n);
                std::move(m_queue.begin(), m_queue.begin() + n, std::back_inserter(batch));
                m_queue.remove(0, n);
            }
            m_stats.queued = m_queue.size();
        }
        // Moved, not copied: a decoded callback holds a few dozen strings.
        QList<DecodedCallback> decoded;
        decoded.reserve(batch.size());
        for (Job &j : batch)
            decoded.append(std::move(j.decoded));
        QList<CallbackEvent> events = s->apply(decoded);

        QList<Done> results;
        results.reserve(batch.size());
        for (qsizetype i = 0; i < batch.size(); ++i) {
            CallbackEvent e;
            if (i < events.size()) {
                e = std::move(events[i]);
            } else { // a sink that lost count: never acknowledge what it did not report
                e = decoded[i].event;
                e.outcome = CallbackOutcome::Error;
                e.cause = FailureCause::DatabaseError;
                e.httpStatus = 503;
                e.message = Tr::tr("The callback was not recorded.");
            }
            results.append({batch[i].ticket, std::move(e)});
        }
        {
            std::lock_guard lock(m_mutex);
            ++m_stats.batches;
            m_stats.callbacks += batch.size();
            m_stats.largestBatch = std::max<qint64>(m_stats.largestBatch, batch.size());
        }
        if (m_done)
            m_done(std::move(results));
    }
    s.reset(); // close the ledger on the thread that opened it
}

} // namespace wxr::core
