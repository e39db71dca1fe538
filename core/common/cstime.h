// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArrayView>
#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>
#include <string_view>
#include <utility>

namespace wxr::cst {

/// China Standard Time is UTC+8 all year (no daylight saving since 1991).
inline constexpr qint64 kOffsetSeconds = 8 * 3600;
inline constexpr qint64 kDaySeconds = 24 * 3600;

/// Instants in core are Unix seconds (UTC), plain qint64, so that a million rows cost
/// nothing to compare and store. Where the original text matters it is kept alongside.
using Instant = qint64;

/// Parses RFC 3339 ("2026-11-26T10:12:00+08:00", "...Z", fractional seconds allowed and
/// truncated) into Unix seconds. The offset is required. nullopt on anything else.
std::optional<Instant> parseRfc3339(std::string_view text) noexcept;
Result<Instant> parseRfc3339(const QString &text);

/// Unix seconds → "2026-11-26T10:12:00+08:00" (always +08:00, as WeChat Pay writes it).
QString formatRfc3339(Instant utcSeconds);

/// Bill time text "yyyy-MM-dd HH:mm:ss" (CST, no offset) → Unix seconds. nullopt if malformed
/// or out of range (month 13, 24:00:00, Feb 30...). Bill hot path: no allocation.
std::optional<Instant> parseBillTime(std::string_view text) noexcept;
/// Unix seconds → "yyyy-MM-dd HH:mm:ss" in CST.
QString formatBillTime(Instant utcSeconds);

/// "YYYY-MM-DD" → date; InvalidInput with a clear message otherwise.
Result<QDate> parseDate(const QString &text);

/// The CST calendar day an instant falls on (the bill date of a payment at that instant).
QDate billDateOf(Instant utcSeconds);

/// [start, end) of a CST calendar day in Unix seconds: 00:00:00+08:00 to the next midnight.
std::pair<Instant, Instant> dayBounds(QDate day);

/// Seconds between the instant and the following CST midnight (0 < result ≤ 86400).
qint64 secondsToNextMidnight(Instant utcSeconds);

/// Current time as Unix seconds.
Instant now();

/// Conversions for code that talks to Qt APIs.
QDateTime toDateTime(Instant utcSeconds);
Instant fromDateTime(const QDateTime &dateTime);

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
constexpr qint64 daysFromCivil(int y, unsigned m, unsigned d) noexcept
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<qint64>(doe) - 719468;
}

} // namespace wxr::cst
