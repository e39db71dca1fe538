// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QtGlobal>

#include <optional>

namespace wxr::core {

/// A histogram of non-negative durations in milliseconds with bounded relative error, so that
/// percentiles of any number of callbacks cost a few kilobytes per time bucket and buckets can
/// be merged (minute → hour → day) without keeping every value.
///
/// Values below 128 ms are counted exactly; above, each power of two is split into 64 equal
/// sub-ranges, so a percentile is reported as the upper end of its sub-range — never below
/// the true value and at most 1/64 (1.6 %) above it — and never above the largest value seen.
/// Negative inputs (a merchant clock behind WeChat's) count as 0 and are counted separately.
///
/// Value type; not thread-safe (one accumulator per thread, then merge()).
class DelayHistogram final
{
public:
    void add(qint64 millis);
    void merge(const DelayHistogram &other);

    [[nodiscard]] qint64 count() const noexcept { return m_count; }
    [[nodiscard]] bool isEmpty() const noexcept { return m_count == 0; }
    /// How many added values were negative (clamped to 0).
    [[nodiscard]] qint64 negativeCount() const noexcept { return m_negative; }
    [[nodiscard]] std::optional<qint64> min() const;
    [[nodiscard]] std::optional<qint64> max() const;
    /// Arithmetic mean of the (clamped) values, rounded down; nullopt when empty.
    [[nodiscard]] std::optional<qint64> mean() const;

    /// Nearest-rank percentile, 0 < p ≤ 100: the smallest recorded value v such that at least
    /// p % of the values are ≤ v, within the error described above. nullopt when empty.
    [[nodiscard]] std::optional<qint64> percentile(double p) const;

    /// The bucket index of a value and the largest value of a bucket (for tests).
    static int indexOf(qint64 millis) noexcept;
    static qint64 upperBoundOf(int index) noexcept;

private:
    QList<qint64> m_counts; // grown on demand up to the largest index seen
    qint64 m_count = 0;
    qint64 m_negative = 0;
    qint64 m_sum = 0;
    qint64 m_min = 0;
    qint64 m_max = 0;
};

} // namespace wxr::core
