// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMutex>

#include <array>

namespace wxr::core {

/// Which client-side rate limit a request counts against (spec §6.3).
enum class EndpointFamily { Query, Bill, Certificate };

/// Token buckets, one per endpoint family, shared by every user of one ApiClient (and so by
/// the GUI, the scheduler and the CLI within one process). reserve() books the next free slot
/// and says how long to wait for it, so callers never spin. Thread-safe.
class RateLimiter final
{
public:
    /// `ratePerSecond` > 0 tokens refill per second; `burst` ≥ 1 is the bucket size.
    void configure(EndpointFamily family, double ratePerSecond, int burst);

    /// Books one request at monotonic time `nowMs` (milliseconds) and returns the delay in ms
    /// before it may be sent (0 = now). Requests booked in a row are spaced 1000/rate ms
    /// apart once the burst is used up.
    qint64 reserve(EndpointFamily family, qint64 nowMs);

private:
    struct Bucket
    {
        double rate = 1;
        double burst = 1;
        double tokens = 1;
        qint64 lastMs = -1;
    };
    QMutex m_mutex;
    std::array<Bucket, 3> m_buckets;
};

/// Full-jitter exponential back-off (AWS architecture blog): a delay uniformly drawn from
/// [0, min(capMs, baseMs·2^retry)], where `retry` counts from 0 and `unitRandom` is in [0, 1).
/// Pure; the caller supplies the randomness so tests can pin it.
qint64 backoffDelayMs(int retry, int baseMs, int capMs, double unitRandom);

} // namespace wxr::core
