// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace wxr::core::hugepages {

/// Transparent huge pages for the reconciliation's big arrays (a day's records, their keys
/// and the hash index: a few hundred MiB for a million orders). Every 4 KiB page touched
/// for the first time costs a page fault, which under virtualisation made up about a tenth
/// of a reconciliation; in a range advised MADV_HUGEPAGE the kernel maps 2 MiB at a time when
/// transparent huge pages are in "madvise" mode (the usual distribution default) or always.
/// Advice only: where huge pages are off or unsupported the memory stays ordinary pages.

constexpr std::size_t kSize = std::size_t(2) << 20;

/// Advises the 2 MiB-aligned part of [begin, begin + bytes); call it before the memory is
/// first written.
inline void advise(const void *begin, std::size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const auto start = reinterpret_cast<std::uintptr_t>(begin);
    const std::uintptr_t first = (start + kSize - 1) & ~std::uintptr_t(kSize - 1);
    const std::uintptr_t last = (start + bytes) & ~std::uintptr_t(kSize - 1);
    if (last > first)
        (void)madvise(reinterpret_cast<void *>(first), last - first, MADV_HUGEPAGE);
#else
    (void)begin;
    (void)bytes;
#endif
}

/// `v.reserve(n)` with the new storage advised (vectors of a million records).
template<typename Vector>
void reserve(Vector &v, std::size_t n)
{
    if (n <= v.capacity())
        return;
    v.reserve(n);
    advise(v.data(), v.capacity() * sizeof(typename Vector::value_type));
}

} // namespace wxr::core::hugepages
