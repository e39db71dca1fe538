// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QDate>
#include <QString>

#include <array>
#include <optional>

namespace wxr::sim {

/// What a generated day contains besides ordinary matched payments. Each knob is a share of
/// the day's orders (`--orders`); the number of cases is round(share × orders), so the same
/// options always give the same counts.
enum class Scenario : int {
    // Injected discrepancies: each case is one row of truth.csv (docs/reconciliation.md).
    MissingInLedger, ///< a bill payment the ledger does not know
    MissingInBill,   ///< a paid ledger order the bill lacks, paid well before midnight
    AmountMismatch,  ///< ledger amount ≠ bill 订单金额
    StatusMismatch,  ///< bill SUCCESS vs ledger NOTPAY/CLOSED/USERPAYING/PAYERROR, or SUCCESS vs
                     ///< REVOKED
    RefundMismatch,  ///< refund missing on one side, amount differs, or ledger CLOSED
    DuplicateInBill, ///< a payment or refund row printed twice
    CrossDayPending, ///< paid seconds before midnight, booked by WeChat on the next day
    // Cross-midnight cases that must match and never appear in truth.csv.
    AfterMidnight, ///< ledger paid a few seconds after midnight, WeChat booked it on this day
    PreviousDay,   ///< ledger paid seconds before the previous midnight, booked on this day
    // Realism of the ordinary traffic.
    Refund,      ///< share of this day's payments refunded (full, partial, several partials)
    OlderRefund, ///< refunds initiated this day on orders of earlier days
    Unpaid,  ///< ledger-only orders that never reach a bill (NOTPAY, CLOSED, PAYERROR, USERPAYING)
    Revoked, ///< payment-code payments revoked (REVOKED on both sides)
    Coupon,  ///< share of payments with a no-recharge coupon (0 unless configured)
};
inline constexpr int kScenarioCount = static_cast<int>(Scenario::Coupon) + 1;

/// Layout variants of the bill files; the real service's choice is not documented
/// (spec §9.2, §9.5), so every variant is available to the parsers' tests.
struct BillStyle
{
    bool bom = true;              ///< start with a UTF-8 BOM (as the SDK fixture does)
    bool crlf = true;             ///< CRLF line ends (as the SDK fixture does), else LF
    bool feeTotalRounded = false; ///< 手续费总金额 rounded to fen; default: the exact 5-decimal sum
    bool decimalCounts = false; ///< counts in summaries printed as "45.0" (seen in samples)
};

/// Everything gen-day and the server need to build a day. Plain value type.
struct DayOptions
{
    qint64 orders = 1000; ///< orders created on `date` (ledger and bill-only ones together)
    QDate date;           ///< the bill date (CST calendar day)
    quint64 seed = 1;     ///< same seed and options → byte-identical files
    QString mchid = QStringLiteral("1900000001");
    std::array<double, kScenarioCount> rates = defaultRates();
    BillStyle style;
    bool gzip = true;                ///< also write tradebill_ALL_<D>.csv.gz
    int crossDayWindowSeconds = 300; ///< the reconciliation window before midnight

    static std::array<double, kScenarioCount> defaultRates();
    double rate(Scenario s) const { return rates[static_cast<size_t>(s)]; }
    /// round(rate × orders), never negative.
    qint64 count(Scenario s) const;
};

/// Upper-case names as used by `--rate KIND=R`: the discrepancy kinds of the report
/// (MISSING_IN_LEDGER, …, CROSS_DAY_PENDING) and AFTER_MIDNIGHT, PREVIOUS_DAY, REFUND,
/// OLDER_REFUND, UNPAID, REVOKED, COUPON.
QString scenarioName(Scenario s);
std::optional<Scenario> scenarioFromName(const QString &name);

/// Applies one `KIND=R` setting (R a share between 0 and 1, names case-insensitive).
/// InvalidInput naming the setting when the kind is unknown or R is not a share.
Status applyRate(DayOptions &options, const QString &setting);

/// Largest supported --orders (ids have eight digits of sequence).
inline constexpr qint64 kMaxOrders = 20'000'000;

/// Checks ranges (orders 1..kMaxOrders, a valid date, rates whose sum leaves room for the
/// ordinary orders). InvalidInput with a sentence naming the option otherwise.
Status validate(const DayOptions &options);

} // namespace wxr::sim
