// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cstime.h"

#include <QString>

#include <optional>
#include <string_view>

namespace wxr::core::timetext {

/// The ledger keeps every time as Unix seconds plus the original text, but stores the text
/// only when it differs from the canonical form formatRfc3339() would print ("...+08:00", as
/// WeChat Pay and most order systems write it): '' in a *_text column means "canonical". This
/// halves the size of an orders row; shown() restores the text either way.

/// `text` is known to parse as RFC 3339. True when formatting its instant gives it back.
inline bool isCanonical(std::string_view text)
{
    return text.size() == 25 && text[10] == 'T' && text.substr(19) == "+08:00";
}

/// What to store for `text` ('' for canonical or empty text).
inline std::string_view stored(std::string_view text)
{
    return isCanonical(text) ? std::string_view() : text;
}

inline QString stored(const QString &text)
{
    if (text.isEmpty())
        return QString(QLatin1StringView(""));
    const QByteArray utf8 = text.toUtf8();
    return isCanonical(std::string_view(utf8.constData(), size_t(utf8.size())))
               ? QString(QLatin1StringView(""))
               : text;
}

/// The text to show or export for a stored text and its instant.
inline QString shown(const QString &storedText, std::optional<cst::Instant> at)
{
    if (!storedText.isEmpty() || !at)
        return storedText;
    return cst::formatRfc3339(*at);
}

} // namespace wxr::core::timetext
