// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/cstime.h"

#include "common/coretr.h"

#include <QTimeZone>

#include <cstdio>

namespace wxr::cst {

namespace {

bool digits(std::string_view s, size_t pos, size_t count, int &out) noexcept
{
    if (pos + count > s.size())
        return false;
    int v = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

bool isLeap(int y) noexcept
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int y, int m) noexcept
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

// Parses "yyyy-MM-dd?HH:mm:ss" where ? is `sep`; returns seconds since epoch of that
// wall-clock time taken as UTC, or nullopt.
std::optional<qint64> parseWallClock(std::string_view s, char sep) noexcept
{
    int y, mo, d, h, mi, se;
    if (s.size() < 19 || s[4] != '-' || s[7] != '-' || (s[10] != sep && !(sep == 'T' && s[10] == 't'))
        || s[13] != ':' || s[16] != ':')
        return std::nullopt;
    if (!digits(s, 0, 4, y) || !digits(s, 5, 2, mo) || !digits(s, 8, 2, d) || !digits(s, 11, 2, h)
        || !digits(s, 14, 2, mi) || !digits(s, 17, 2, se))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || se > 59)
        return std::nullopt;
    return daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * kDaySeconds
           + h * 3600 + mi * 60 + se;
}

struct Civil
{
    int y;
    unsigned m, d;
};

Civil civilFromDays(qint64 z) noexcept
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 y = static_cast<qint64>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2)), m, d};
}

qint64 floorDiv(qint64 a, qint64 b) noexcept
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

QString formatCst(Instant utcSeconds, bool rfc3339)
{
    const qint64 local = utcSeconds + kOffsetSeconds;
    const qint64 days = floorDiv(local, kDaySeconds);
    const qint64 secs = local - days * kDaySeconds;
    const Civil c = civilFromDays(days);
    char buf[40];
    const int n = std::snprintf(buf, sizeof buf,
                                rfc3339 ? "%04d-%02u-%02uT%02d:%02d:%02d+08:00"
                                        : "%04d-%02u-%02u %02d:%02d:%02d",
                                c.y, c.m, c.d, static_cast<int>(secs / 3600),
                                static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
    return QString::fromLatin1(buf, n);
}

} // namespace

std::optional<Instant> parseRfc3339(std::string_view s) noexcept
{
    const auto wall = parseWallClock(s, 'T');
    if (!wall)
        return std::nullopt;
    size_t i = 19;
    if (i < s.size() && s[i] == '.') {
        ++i;
        const size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        if (i == start)
            return std::nullopt;
    }
    if (i == s.size())
        return std::nullopt; // an offset is required
    if ((s[i] == 'Z' || s[i] == 'z') && i + 1 == s.size())
        return *wall;
    if ((s[i] != '+' && s[i] != '-') || s.size() != i + 6 || s[i + 3] != ':')
        return std::nullopt;
    int oh, om;
    if (!digits(s, i + 1, 2, oh) || !digits(s, i + 4, 2, om) || oh > 23 || om > 59)
        return std::nullopt;
    const qint64 offset = (oh * 3600 + om * 60) * (s[i] == '-' ? -1 : 1);
    return *wall - offset;
}

Result<Instant> parseRfc3339(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    if (const auto v = parseRfc3339(std::string_view(utf8.constData(), utf8.size())))
        return *v;
    return makeError(ErrorCode::InvalidInput,
                     Tr::tr("“%1” is not an RFC 3339 time with an offset, such as "
                            "2026-11-26T10:12:00+08:00")
                         .arg(text));
}

QString formatRfc3339(Instant utcSeconds)
{
    return formatCst(utcSeconds, true);
}

std::optional<Instant> parseBillTime(std::string_view s) noexcept
{
    if (s.size() != 19)
        return std::nullopt;
    const auto wall = parseWallClock(s, ' ');
    if (!wall)
        return std::nullopt;
    return *wall - kOffsetSeconds;
}

QString formatBillTime(Instant utcSeconds)
{
    return formatCst(utcSeconds, false);
}

Result<QDate> parseDate(const QString &text)
{
    const QDate d = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
    if (!d.isValid() || text.size() != 10)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("“%1” is not a date in the form YYYY-MM-DD").arg(text));
    return d;
}

QDate billDateOf(Instant utcSeconds)
{
    const Civil c = civilFromDays(floorDiv(utcSeconds + kOffsetSeconds, kDaySeconds));
    return QDate(c.y, static_cast<int>(c.m), static_cast<int>(c.d));
}

std::pair<Instant, Instant> dayBounds(QDate day)
{
    const qint64 start = daysFromCivil(day.year(), static_cast<unsigned>(day.month()),
                                       static_cast<unsigned>(day.day()))
                             * kDaySeconds
                         - kOffsetSeconds;
    return {start, start + kDaySeconds};
}

qint64 secondsToNextMidnight(Instant utcSeconds)
{
    const qint64 local = utcSeconds + kOffsetSeconds;
    return kDaySeconds - (local - floorDiv(local, kDaySeconds) * kDaySeconds);
}

Instant now()
{
    return QDateTime::currentSecsSinceEpoch();
}

QDateTime toDateTime(Instant utcSeconds)
{
    return QDateTime::fromSecsSinceEpoch(utcSeconds, QTimeZone::utc());
}

Instant fromDateTime(const QDateTime &dateTime)
{
    return dateTime.toSecsSinceEpoch();
}

} // namespace wxr::cst
