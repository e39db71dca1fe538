// SPDX-License-Identifier: GPL-3.0-or-later
#include "wechatpay/ratelimiter.h"

#include <algorithm>
#include <cmath>

namespace wxr::core {

void RateLimiter::configure(EndpointFamily family, double ratePerSecond, int burst)
{
    QMutexLocker lock(&m_mutex);
    Bucket &b = m_buckets[static_cast<size_t>(family)];
    b.rate = std::max(ratePerSecond, 0.001);
    b.burst = std::max(burst, 1);
    b.tokens = b.burst;
    b.lastMs = -1;
}

qint64 RateLimiter::reserve(EndpointFamily family, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    Bucket &b = m_buckets[static_cast<size_t>(family)];
    if (b.lastMs >= 0 && nowMs > b.lastMs)
        b.tokens = std::min(b.burst, b.tokens + double(nowMs - b.lastMs) * b.rate / 1000.0);
    if (b.lastMs < nowMs)
        b.lastMs = nowMs;
    // Tokens may go negative: that is the queue of already-booked requests.
    b.tokens -= 1;
    if (b.tokens >= 0)
        return 0;
    return static_cast<qint64>(std::ceil(-b.tokens * 1000.0 / b.rate));
}

qint64 backoffDelayMs(int retry, int baseMs, int capMs, double unitRandom)
{
    const double exp = std::ldexp(double(std::max(baseMs, 0)), std::clamp(retry, 0, 30));
    const double ceiling = std::min(double(std::max(capMs, 0)), exp);
    const double u = std::clamp(unitRandom, 0.0, 1.0);
    return static_cast<qint64>(std::floor(ceiling * u));
}

} // namespace wxr::core
