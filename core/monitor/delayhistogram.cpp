// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/delayhistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace wxr::core {

namespace {

constexpr int kExact = 128;                  // values below are their own bucket
constexpr int kSubBuckets = 64;              // per power of two above
constexpr qint64 kLargest = qint64(1) << 50; // ~35 000 years of milliseconds; clamp beyond

} // namespace

int DelayHistogram::indexOf(qint64 millis) noexcept
{
    const qint64 v = std::clamp<qint64>(millis, 0, kLargest);
    if (v < kExact)
        return static_cast<int>(v);
    const int width = std::bit_width(static_cast<quint64>(v)); // v in [2^(width-1), 2^width)
    const int shift = width - 7;                               // v >> shift in [64, 128)
    return kExact + (width - 8) * kSubBuckets + static_cast<int>((v >> shift) - kSubBuckets);
}

qint64 DelayHistogram::upperBoundOf(int index) noexcept
{
    if (index < kExact)
        return index;
    const int k = index - kExact;
    const int shift = k / kSubBuckets + 1;
    const qint64 lower = static_cast<qint64>(kSubBuckets + k % kSubBuckets) << shift;
    return lower + (qint64(1) << shift) - 1;
}

void DelayHistogram::add(qint64 millis)
{
    if (millis < 0) {
        ++m_negative;
        millis = 0;
    }
    millis = std::min(millis, kLargest);
    const int i = indexOf(millis);
    if (i >= m_counts.size())
        m_counts.resize(i + 1, 0);
    ++m_counts[i];
    m_min = m_count == 0 ? millis : std::min(m_min, millis);
    m_max = m_count == 0 ? millis : std::max(m_max, millis);
    ++m_count;
    m_sum += millis;
}

void DelayHistogram::merge(const DelayHistogram &other)
{
    if (other.m_count == 0)
        return;
    if (other.m_counts.size() > m_counts.size())
        m_counts.resize(other.m_counts.size(), 0);
    for (qsizetype i = 0; i < other.m_counts.size(); ++i)
        m_counts[i] += other.m_counts[i];
    m_min = m_count == 0 ? other.m_min : std::min(m_min, other.m_min);
    m_max = m_count == 0 ? other.m_max : std::max(m_max, other.m_max);
    m_count += other.m_count;
    m_negative += other.m_negative;
    m_sum += other.m_sum;
}

std::optional<qint64> DelayHistogram::min() const
{
    return m_count ? std::optional<qint64>(m_min) : std::nullopt;
}

std::optional<qint64> DelayHistogram::max() const
{
    return m_count ? std::optional<qint64>(m_max) : std::nullopt;
}

std::optional<qint64> DelayHistogram::mean() const
{
    return m_count ? std::optional<qint64>(m_sum / m_count) : std::nullopt;
}

std::optional<qint64> DelayHistogram::percentile(double p) const
{
    if (m_count == 0 || !(p > 0))
        return std::nullopt;
    p = std::min(p, 100.0);
    // Nearest rank: the ceil(p/100 · n)-th smallest value (1-based). The small epsilon keeps
    // p = 95 of n = 20 at rank 19 despite 0.95 · 20 not being exact in binary.
    const qint64 rank = std::max<qint64>(
        1, static_cast<qint64>(std::ceil(p / 100.0 * static_cast<double>(m_count) - 1e-9)));
    qint64 seen = 0;
    for (qsizetype i = 0; i < m_counts.size(); ++i) {
        seen += m_counts[i];
        if (seen >= rank)
            return std::clamp(upperBoundOf(static_cast<int>(i)), m_min, m_max);
    }
    return m_max;
}

} // namespace wxr::core
