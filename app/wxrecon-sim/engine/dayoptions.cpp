// SPDX-License-Identifier: GPL-3.0-or-later
#include "dayoptions.h"

#include "common/coretr.h"

#include <algorithm>
#include <cmath>

namespace wxr::sim {

namespace {

constexpr const char *kNames[kScenarioCount] = {
    "MISSING_IN_LEDGER", "MISSING_IN_BILL",
    "AMOUNT_MISMATCH",   "STATUS_MISMATCH",
    "REFUND_MISMATCH",   "DUPLICATE_IN_BILL",
    "CROSS_DAY_PENDING", "AFTER_MIDNIGHT",
    "PREVIOUS_DAY",      "REFUND",
    "OLDER_REFUND",      "UNPAID",
    "REVOKED",           "COUPON",
};

} // namespace

std::array<double, kScenarioCount> DayOptions::defaultRates()
{
    std::array<double, kScenarioCount> r{};
    auto set = [&r](Scenario s, double v) {
        r[static_cast<size_t>(s)] = v;
    };
    // A fraction of a percent of each discrepancy: enough that a 1,000-order day has a couple
    // of every kind, few enough that the day still looks like a normal day.
    set(Scenario::MissingInLedger, 0.002);
    set(Scenario::MissingInBill, 0.002);
    set(Scenario::AmountMismatch, 0.002);
    set(Scenario::StatusMismatch, 0.003);
    set(Scenario::RefundMismatch, 0.004);
    set(Scenario::DuplicateInBill, 0.002);
    set(Scenario::CrossDayPending, 0.002);
    set(Scenario::AfterMidnight, 0.002);
    set(Scenario::PreviousDay, 0.002);
    set(Scenario::Refund, 0.05);
    set(Scenario::OlderRefund, 0.01);
    set(Scenario::Unpaid, 0.08);
    set(Scenario::Revoked, 0.002);
    set(Scenario::Coupon, 0.0);
    return r;
}

qint64 DayOptions::count(Scenario s) const
{
    const double v = rate(s) * static_cast<double>(orders);
    return v <= 0 ? 0 : std::llround(v);
}

QString scenarioName(Scenario s)
{
    return QString::fromLatin1(kNames[static_cast<int>(s)]);
}

std::optional<Scenario> scenarioFromName(const QString &name)
{
    for (int i = 0; i < kScenarioCount; ++i) {
        if (name.compare(QLatin1String(kNames[i]), Qt::CaseInsensitive) == 0)
            return static_cast<Scenario>(i);
    }
    return std::nullopt;
}

Status applyRate(DayOptions &options, const QString &setting)
{
    const qsizetype eq = setting.indexOf(u'=');
    if (eq <= 0)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Rate setting “%1” is not of the form KIND=SHARE.").arg(setting));
    const auto scenario = scenarioFromName(setting.left(eq).trimmed());
    if (!scenario)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Rate setting “%1” names an unknown kind.").arg(setting));
    bool ok = false;
    const double value = setting.mid(eq + 1).trimmed().toDouble(&ok);
    if (!ok || !(value >= 0.0 && value <= 1.0))
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Rate setting “%1” needs a share between 0 and 1.").arg(setting));
    options.rates[static_cast<size_t>(*scenario)] = value;
    return {};
}

Status validate(const DayOptions &options)
{
    if (options.orders < 1 || options.orders > kMaxOrders)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The number of orders must be between 1 and %1.").arg(kMaxOrders));
    if (!options.date.isValid() || options.date.year() < 2000 || options.date.year() > 2999)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The bill date must be a valid date between 2000 and 2999."));
    if (options.mchid.size() < 8 || options.mchid.size() > 10
        || !std::all_of(options.mchid.cbegin(), options.mchid.cend(),
                        [](QChar c) { return c.isDigit(); }))
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Merchant id “%1” must be 8 to 10 digits.").arg(options.mchid));
    if (options.crossDayWindowSeconds < 60 || options.crossDayWindowSeconds > 3600)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The cross-day window must be between 60 and 3600 seconds."));
    // Cases that each take one of the day's orders for themselves.
    double special = 0;
    for (Scenario s :
         {Scenario::MissingInLedger, Scenario::MissingInBill, Scenario::AmountMismatch,
          Scenario::StatusMismatch, Scenario::CrossDayPending, Scenario::AfterMidnight,
          Scenario::PreviousDay, Scenario::Unpaid, Scenario::Revoked, Scenario::DuplicateInBill})
        special += options.rate(s);
    if (special > 0.8)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The special-case rates add up to more than 80% of the orders; "
                                "lower some --rate settings."));
    return {};
}

} // namespace wxr::sim
