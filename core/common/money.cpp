// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/money.h"

#include "common/coretr.h"

#include <limits>

namespace wxr::money {

namespace {

constexpr qint64 kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};

bool mulAdd(qint64 &acc, int digit) noexcept
{
    return !__builtin_mul_overflow(acc, 10, &acc) && !__builtin_add_overflow(acc, digit, &acc);
}

Error notExact(const QString &text)
{
    return makeError(ErrorCode::InvalidInput,
                     Tr::tr("“%1” is not an exact amount in yuan").arg(text));
}

std::string_view toView(QByteArrayView text)
{
    return {text.data(), static_cast<size_t>(text.size())};
}

} // namespace

std::optional<qint64> parseScaled(std::string_view text, int decimals) noexcept
{
    if (decimals < 0 || decimals >= static_cast<int>(std::size(kPow10)) || text.empty())
        return std::nullopt;
    size_t i = 0;
    bool negative = false;
    if (text[0] == '-' || text[0] == '+') {
        negative = text[0] == '-';
        ++i;
    }
    qint64 value = 0;
    int intDigits = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++intDigits) {
        if (!mulAdd(value, text[i] - '0'))
            return std::nullopt;
    }
    int fracDigits = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++fracDigits) {
            const int digit = text[i] - '0';
            if (fracDigits < decimals) {
                if (!mulAdd(value, digit))
                    return std::nullopt;
            } else if (digit != 0) {
                return std::nullopt; // more precision than the unit can hold
            }
        }
        if (fracDigits == 0 && intDigits == 0)
            return std::nullopt;
    }
    if (i != text.size() || (intDigits == 0 && fracDigits == 0))
        return std::nullopt;
    const int missing = decimals - std::min(fracDigits, decimals);
    if (__builtin_mul_overflow(value, kPow10[missing], &value))
        return std::nullopt;
    return negative ? -value : value;
}

std::optional<qint64> parseInteger(std::string_view text) noexcept
{
    if (text.empty())
        return std::nullopt;
    size_t i = 0;
    bool negative = false;
    if (text[0] == '-' || text[0] == '+') {
        negative = text[0] == '-';
        ++i;
    }
    if (i == text.size())
        return std::nullopt;
    qint64 value = 0;
    for (; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9' || !mulAdd(value, text[i] - '0'))
            return std::nullopt;
    }
    return negative ? -value : value;
}

Result<Fen> parseYuan(QByteArrayView text)
{
    if (const auto v = parseScaled(toView(text), 2))
        return *v;
    return notExact(QString::fromUtf8(text));
}

Result<Fen> parseYuan(QStringView text)
{
    return parseYuan(QByteArrayView(text.toUtf8()));
}

Result<MilliFen> parseYuanMilli(QByteArrayView text)
{
    if (const auto v = parseScaled(toView(text), 5))
        return *v;
    return notExact(QString::fromUtf8(text));
}

void appendYuan(QByteArray &out, Fen fen)
{
    // Written by hand: QString::number on the hot path of a million-row report costs more
    // than the whole of the rest of the row.
    char buf[32];
    char *end = buf + sizeof buf;
    char *p = end;
    const bool negative = fen < 0;
    // Work in unsigned to make INT64_MIN safe.
    quint64 v = negative ? 0 - static_cast<quint64>(fen) : static_cast<quint64>(fen);
    for (int digits = 0; digits < 3 || v != 0; ++digits) {
        if (digits == 2)
            *--p = '.';
        *--p = static_cast<char>('0' + v % 10);
        v /= 10;
    }
    if (negative)
        *--p = '-';
    out.append(p, end - p);
}

QString formatYuan(Fen fen)
{
    QByteArray out;
    appendYuan(out, fen);
    return QString::fromLatin1(out);
}

QString formatYuanMilli(MilliFen milliFen)
{
    const bool negative = milliFen < 0;
    const quint64 v
        = negative ? 0 - static_cast<quint64>(milliFen) : static_cast<quint64>(milliFen);
    QString s = QString::number(v / 100000) + u'.'
                + QStringLiteral("%1").arg(v % 100000, 5, 10, QLatin1Char('0'));
    return negative ? u'-' + s : s;
}

namespace {

// "-1234567.89" → "-1,234,567.89": a comma before each group of three integer digits.
QString groupThousands(const QString &plain)
{
    const qsizetype sign = plain.startsWith(u'-') ? 1 : 0;
    qsizetype point = plain.indexOf(u'.');
    if (point < 0)
        point = plain.size();
    QString out = plain;
    for (qsizetype at = point - 3; at > sign; at -= 3)
        out.insert(at, u',');
    return out;
}

} // namespace

QString formatYuanGrouped(Fen fen)
{
    return groupThousands(formatYuan(fen));
}

QString formatYuanMilliGrouped(MilliFen milliFen)
{
    return groupThousands(formatYuanMilli(milliFen));
}

Fen roundMilliToFen(MilliFen milliFen) noexcept
{
    return milliFen >= 0 ? (milliFen + 500) / 1000 : -((-milliFen + 500) / 1000);
}

} // namespace wxr::money
