// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>
#include <string_view>

namespace wxr {

/// Money is an integer number of fen (1/100 yuan). Bill fees carry five decimals of yuan,
/// which is an integer number of milli-fen (1/1000 fen = 1/100000 yuan).
using Fen = qint64;
using MilliFen = qint64;

namespace money {

/// Parses a decimal string exactly into an integer scaled by 10^decimals.
/// Accepts an optional leading '-' or '+', digits, an optional '.', and digits after it.
/// Digits beyond `decimals` are allowed only if they are all zero ("45.0", "0.01000" with
/// decimals=2 → 4500, 1). Returns nullopt for anything else: empty text, spaces, a lone
/// sign or dot, exponents, non-zero extra digits ("0.00001" at 2 decimals), overflow.
/// Never goes through floating point. Pure and thread-safe; used on the bill hot path.
std::optional<qint64> parseScaled(std::string_view text, int decimals) noexcept;

/// Yuan text → fen, exact. "12.34" → 1234, "-3.00" → -300, "45.0" → 4500, "7" → 700.
/// Fails with ErrorCode::InvalidInput on text that is not an exact fen amount
/// ("0.00001", "1e3", "", "12,00").
Result<Fen> parseYuan(QStringView text);
Result<Fen> parseYuan(QByteArrayView text);

/// Yuan text with up to five decimals (bill fees, "0.07500") → milli-fen, exact.
Result<MilliFen> parseYuanMilli(QByteArrayView text);

/// Fen → "12.34", "-3.00", "0.05". Always two decimals, '.' separator, no grouping.
QString formatYuan(Fen fen);
/// Same into a byte buffer, appended (the report hot path).
void appendYuan(QByteArray &out, Fen fen);

/// Milli-fen → "0.07500" (five decimals of yuan).
QString formatYuanMilli(MilliFen milliFen);

/// For people rather than files: the same texts with the integer part grouped by thousands
/// ("168,914,023.66", "-1,234.56789"), as finance staff read large amounts. Never parsed back;
/// files and the ledger keep the plain form.
QString formatYuanGrouped(Fen fen);
QString formatYuanMilliGrouped(MilliFen milliFen);

/// Rounds milli-fen to fen, half away from zero (the bill's fee totals are rounded this way
/// as far as we know; callers compare with a tolerance because the rule is undocumented).
Fen roundMilliToFen(MilliFen milliFen) noexcept;

/// Parses a plain integer (fen in CSV/JSON), with optional sign; nullopt on anything else.
std::optional<qint64> parseInteger(std::string_view text) noexcept;

} // namespace money
} // namespace wxr
