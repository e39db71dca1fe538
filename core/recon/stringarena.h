// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string_view>
#include <vector>

namespace wxr::core {

/// Append-only storage for many short strings whose views must stay valid while more are
/// added (a day's keys for the hash join): 1 MiB blocks, never reallocated, freed together.
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
        if (text.size() > m_left) {
            const size_t size = std::max(kBlock, text.size());
            // Not make_unique<char[]>: that zero-fills a block only to overwrite it.
            m_blocks.push_back(std::unique_ptr<char[]>(new char[size]));
            m_next = m_blocks.back().get();
            m_left = size;
        }
        char *p = m_next;
        std::copy(text.begin(), text.end(), p);
        m_next += text.size();
        m_left -= text.size();
        return std::string_view(p, text.size());
    }

private:
    static constexpr size_t kBlock = 1 << 20;
    std::vector<std::unique_ptr<char[]>> m_blocks;
    char *m_next = nullptr;
    size_t m_left = 0;
};

} // namespace wxr::core
