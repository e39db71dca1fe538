// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recon/hugepages.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <new>
#include <string_view>
#include <vector>

namespace wxr::core {

/// Append-only storage for many short strings whose views must stay valid while more are
/// added (a day's keys for the hash join): 4 MiB blocks, never reallocated, freed together.
/// Not thread-safe.
class StringArena final
{
public:
    StringArena() = default;
    StringArena(const StringArena &) = delete;
    StringArena &operator=(const StringArena &) = delete;

    /// Copies `text` and returns a view of the copy.
    std::string_view store(std::string_view text)
    {
        if (text.empty())
            return {};
        char *copy = allocate(text.size());
        std::copy(text.begin(), text.end(), copy);
        return std::string_view(copy, text.size());
    }

    /// Copies `text` followed by a NUL and returns the copy.
    const char *storeTerminated(std::string_view text)
    {
        char *copy = allocate(text.size() + 1);
        std::copy(text.begin(), text.end(), copy);
        copy[text.size()] = '\0';
        return copy;
    }

private:
    static constexpr size_t kBlock = 4 << 20;

    // `size` bytes of the current block, or of a new one.
    char *allocate(size_t size)
    {
        if (size > m_left) {
            // Whole huge pages (see hugepages.h); not zero-filled, every byte is written before
            // it is read.
            const size_t bytes
                = (std::max(kBlock, size) + hugepages::kSize - 1) & ~(hugepages::kSize - 1);
            char *block = static_cast<char *>(std::aligned_alloc(hugepages::kSize, bytes));
            if (!block)
                throw std::bad_alloc();
            hugepages::advise(block, bytes);
            m_blocks.emplace_back(block);
            m_next = block;
            m_left = bytes;
        }
        char *p = m_next;
        m_next += size;
        m_left -= size;
        return p;
    }

    struct Free
    {
        void operator()(char *p) const { std::free(p); }
    };
    std::vector<std::unique_ptr<char, Free>> m_blocks;
    char *m_next = nullptr;
    size_t m_left = 0;
};

} // namespace wxr::core
