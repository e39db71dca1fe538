// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

namespace wxr::core {

/// A bounded hand-over of batches from one producer thread to one consumer thread, so that
/// parsing (decompression, hashing, field splitting) on one core overlaps the SQLite inserts
/// on the other during a bulk import. close() ends the stream (normally or on error); pop()
/// then drains what is left and returns nullptr. abort() also wakes a waiting producer.
template<typename Batch>
class RowPipe final
{
public:
    explicit RowPipe(size_t capacity = 4)
        : m_capacity(capacity)
    {}

    [[nodiscard]] size_t capacity() const { return m_capacity; }

    /// Blocks while the pipe is full. false when the consumer aborted: stop producing.
    bool push(std::unique_ptr<Batch> batch)
    {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_queue.size() < m_capacity || m_aborted; });
        if (m_aborted)
            return false;
        m_queue.push_back(std::move(batch));
        m_ready.notify_one();
        return true;
    }

    /// The next batch, or nullptr once the producer closed the pipe and it is empty.
    std::unique_ptr<Batch> pop()
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return !m_queue.empty() || m_closed; });
        if (m_queue.empty())
            return nullptr;
        auto batch = std::move(m_queue.front());
        m_queue.pop_front();
        m_space.notify_one();
        return batch;
    }

    /// The next batch if one is waiting, else nullptr; never blocks. For a return channel of
    /// spent batches, so that the producer refills memory that is already mapped.
    std::unique_ptr<Batch> tryPop()
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.empty())
            return nullptr;
        auto batch = std::move(m_queue.front());
        m_queue.pop_front();
        m_space.notify_one();
        return batch;
    }

    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_ready.notify_all();
    }

    void abort()
    {
        std::lock_guard lock(m_mutex);
        m_aborted = true;
        m_queue.clear();
        m_space.notify_all();
    }

    bool aborted() const
    {
        std::lock_guard lock(m_mutex);
        return m_aborted;
    }

private:
    const size_t m_capacity;
    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::deque<std::unique_ptr<Batch>> m_queue;
    bool m_closed = false;
    bool m_aborted = false;
};

} // namespace wxr::core
