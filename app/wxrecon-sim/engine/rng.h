// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace wxr::sim {

/// splitmix64 step: a good 64-bit mix, used to seed Rng and to derive stable per-item values
/// (an openid from a payer number) without consuming the main stream.
constexpr quint64 mix64(quint64 x) noexcept
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/// Deterministic pseudo-random numbers (xoshiro256**). The generated day must be the same
/// bytes for the same seed on every platform and compiler, so no <random> distributions
/// (their algorithms are implementation-defined) are used anywhere in the stand-in.
/// Not thread-safe; one instance per generator.
class Rng final
{
public:
    explicit Rng(quint64 seed) noexcept
    {
        quint64 x = seed;
        for (quint64 &s : m_s) {
            x = mix64(x);
            s = x;
        }
    }

    quint64 next() noexcept
    {
        const quint64 result = rotl(m_s[1] * 5, 7) * 9;
        const quint64 t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    /// Uniform in [0, bound); bound > 0. Lemire's multiply-shift without the rejection step:
    /// the bias (< bound / 2^64) is irrelevant for test data and keeps the stream length fixed.
    quint64 below(quint64 bound) noexcept
    {
        __extension__ typedef unsigned __int128 U128; // GCC/Clang; pedantic-clean
        return static_cast<quint64>((static_cast<U128>(next()) * bound) >> 64);
    }

    /// Uniform in [lo, hi] (inclusive); lo <= hi.
    qint64 range(qint64 lo, qint64 hi) noexcept
    {
        return lo + static_cast<qint64>(below(static_cast<quint64>(hi - lo) + 1));
    }

    /// True with probability `perMillion` / 1,000,000.
    bool chance(quint32 perMillion) noexcept { return below(1000000) < perMillion; }

    /// Uniform in [0, 1) with 53 bits; only for choosing, never for money.
    double unit() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    static constexpr quint64 rotl(quint64 x, int k) noexcept { return (x << k) | (x >> (64 - k)); }

    quint64 m_s[4];
};

} // namespace wxr::sim
