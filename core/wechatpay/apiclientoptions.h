// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace wxr::core {

/// Tuning of ApiClient: timeouts, retries, client-side rate limits, certificate refresh.
/// Defaults follow the spec (§6): ≤ 50 req/s for queries, 1 req/s for bills, refresh < 12 h.
/// Read from the optional [client] section of the merchant INI (see docs/protocol.md).
struct ApiClientOptions
{
    int timeoutMs = 30000; ///< per attempt: no bytes for this long → network error

    /// Retries of idempotent calls after a network error, 5xx or 429: at most maxRetries more
    /// attempts, waiting a uniformly random time in [0, min(cap, base·2^attempt)] ("full
    /// jitter") before each; a 429's Retry-After (seconds) is honoured up to the cap.
    int maxRetries = 3;
    int backoffBaseMs = 500;
    int backoffCapMs = 8000;

    /// Token buckets shared by every caller of one client: requests per second and burst.
    double queryRatePerSecond = 50; ///< order/refund queries, close order
    double billRatePerSecond = 1;   ///< bill apply and bill file download
    double certificateRatePerSecond = 10;
    int burst = 1; ///< bucket size: how many requests may go out back to back

    /// Platform-certificate refresh: every certRefreshSeconds (0 = off) and on an unknown
    /// Wechatpay-Serial, but not more often than unknownSerialRefreshSeconds.
    int certRefreshSeconds = 12 * 3600;
    int unknownSerialRefreshSeconds = 60;

    friend bool operator==(const ApiClientOptions &, const ApiClientOptions &) = default;
};

} // namespace wxr::core
