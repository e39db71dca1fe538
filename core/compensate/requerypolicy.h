// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "common/settings.h"

#include <QString>

namespace wxr::core {

struct MerchantConfig;

/// The rules and tuning of stuck-order re-queries (docs/requery.md). Durations are
/// milliseconds so that tests can compress time; the INI and the settings speak minutes and
/// seconds. Plain value type; defaults are the documented ones (RequeryRules for the three
/// values the GUI's settings hold).
///
/// WeChat Pay's guidance (spec §4.7, §5): when no callback arrives within a short window,
/// query the order; keep querying through a second window; finally close it. Here the first
/// window is `unpaidAfterMs`, the second is the back-off schedule of `maxAttempts` queries,
/// and the close is `closeExpired` (off by default) at `orderExpiryMs` after creation.
struct RequeryPolicy
{
    // Stuck-order rules ---------------------------------------------------------------------
    /// NOTPAY/USERPAYING orders older than this (created_at) are stuck: the callback is late or
    /// lost. Default RequeryRules::stuckAfterMinutes (10 min).
    qint64 unpaidAfterMs = qint64(RequeryRules{}.stuckAfterMinutes) * 60'000;
    /// Unpaid orders created longer ago than this are not scanned any more (WeChat keeps an
    /// order payable for 7 days by default, spec §5.3).
    qint64 unpaidLookbackMs = qint64(7) * 24 * 3600'000;
    /// Refunds PROCESSING for longer than this are queried (spec §5.4: balance refunds usually
    /// finish within 5 minutes).
    qint64 refundProcessingAfterMs = qint64(5) * 60'000;
    /// Also query the orders of open (OPEN or ACKNOWLEDGED) STATUS_MISMATCH, MISSING_IN_BILL and
    /// MISSING_IN_LEDGER discrepancies.
    bool fromDiscrepancies = true;
    /// At most this many candidates per rule and scan (oldest first).
    int scanLimit = 10000;

    // Back-off ------------------------------------------------------------------------------
    /// Queries per item before it "needs attention" (rate-limited answers do not count).
    int maxAttempts = RequeryRules{}.maxAttempts;
    /// Full jitter: after the n-th counted attempt the next one waits a uniformly random time in
    /// [0, min(cap, base·2^(n−1))], but at least the floor (so a near-zero draw never queries
    /// an order twice back to back).
    qint64 backoffBaseMs = 30'000;
    qint64 backoffCapMs = 600'000;
    qint64 backoffFloorMs = 5'000;

    // Budget (shared with every other API use of the process) ---------------------------------
    /// Order/refund queries and closes per second: the ApiClient's query token bucket is
    /// configured with this (applyBudget) so the limit holds for everybody using the client.
    double queriesPerSecond = RequeryRules{}.queriesPerSecond;
    /// Re-queries in flight at once (QueryGate).
    int maxConcurrent = 4;
    /// After a rate-limited answer nobody using the gate sends for this long; doubled for every
    /// further rate-limited answer in a row, up to the cap (spec §5.4 says wait a minute after
    /// FREQUENCY_LIMITED on refund queries).
    qint64 rateLimitCooldownMs = 5'000;
    qint64 rateLimitCooldownCapMs = 60'000;

    // Close after timeout (off by default) ---------------------------------------------------
    /// Close at WeChat Pay an order still NOTPAY `orderExpiryMs` after its creation, then
    /// query it once more; paid after all (the race) → flagged "paid after close".
    bool closeExpired = false;
    qint64 orderExpiryMs = qint64(2) * 3600'000; ///< default: the 2 h a prepay_id is valid

    // Scheduler -----------------------------------------------------------------------------
    /// How often the scheduler looks for newly stuck orders.
    qint64 scanIntervalMs = 60'000;

    /// The GUI's settings (stuck after, attempts, QPS) over the other defaults.
    static RequeryPolicy fromRules(const RequeryRules &rules);

    /// Reads the optional [requery] section of a merchant INI over `base`. Keys (all optional):
    /// stuck_after, lookback, refund_stuck_after, discrepancies, scan_limit, max_attempts,
    /// backoff_base, backoff_cap, backoff_floor, qps, concurrency, cooldown, cooldown_cap,
    /// close_expired, order_expiry, scan_interval. Durations are a whole number with an
    /// optional unit ms, s, m, h or d (plain numbers are seconds); switches are true/false,
    /// yes/no, on/off or 1/0. Config error listing every bad line, each naming file, key and
    /// value; Io when the file cannot be read.
    static Result<RequeryPolicy> loadIni(const QString &iniPath, const RequeryPolicy &base);

    /// Config error naming the first value out of range (see docs/requery.md for the ranges).
    Status validate() const;

    /// Delay before the next attempt after `countedAttempts` (≥ 1) counted attempts, for a
    /// uniform draw `unitRandom` in [0, 1). Pure.
    [[nodiscard]] qint64 retryDelayMs(int countedAttempts, double unitRandom) const;
    /// Cool-down after `consecutive` (≥ 1) rate-limited answers in a row. Pure.
    [[nodiscard]] qint64 cooldownMs(int consecutive) const;
};

/// Parses "250ms", "30s", "10m", "2h", "7d" or "45" (seconds) into milliseconds; nullopt for
/// anything else (negative, fractional, unknown unit, overflow).
std::optional<qint64> parseDurationMs(QStringView text);

/// Makes the client that `config` builds keep to the policy's budget: its query token bucket
/// (shared by every caller of that client) gets at most `policy.queriesPerSecond`.
void applyBudget(MerchantConfig &config, const RequeryPolicy &policy);

} // namespace wxr::core
