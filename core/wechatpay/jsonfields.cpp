// SPDX-License-Identifier: GPL-3.0-or-later
#include "wechatpay/jsonfields.h"

#include "common/coretr.h"
#include "common/cstime.h"

#include <cmath>

namespace wxr::core::json {

QJsonValue Reader::field(const char *key) const
{
    return m_object.value(QLatin1String(key));
}

void Reader::problem(const QString &message)
{
    if (!m_error)
        m_error = makeError(ErrorCode::InvalidInput, message);
}

QString Reader::string(const char *key)
{
    const QJsonValue v = field(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString()) {
        problem(Tr::tr("The %1 field “%2” is not text.").arg(m_what, QLatin1String(key)));
        return {};
    }
    return v.toString();
}

QString Reader::requiredString(const char *key)
{
    const QString s = string(key);
    if (s.isEmpty())
        problem(Tr::tr("The %1 lacks the field “%2”.").arg(m_what, QLatin1String(key)));
    return s;
}

std::optional<qint64> Reader::fen(const char *key)
{
    const QJsonValue v = field(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    // JSON numbers arrive as doubles; fen amounts are far below 2^53, so an integral double is
    // exact. Anything else (12.5, "1250") is not a fen amount.
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || std::floor(d) != d || std::fabs(d) > 9007199254740992.0) {
        problem(Tr::tr("The %1 amount “%2” is not a whole number of fen.")
                    .arg(m_what, QLatin1String(key)));
        return std::nullopt;
    }
    return static_cast<qint64>(d);
}

std::optional<qint64> Reader::time(const char *key, QString *text)
{
    const QString s = string(key);
    if (text)
        *text = s;
    if (s.isEmpty())
        return std::nullopt;
    const auto t = cst::parseRfc3339(s);
    if (!t) {
        problem(Tr::tr("The %1 time “%2” is not RFC 3339: %3.")
                    .arg(m_what, QLatin1String(key), s.left(40)));
        return std::nullopt;
    }
    return *t;
}

} // namespace wxr::core::json
