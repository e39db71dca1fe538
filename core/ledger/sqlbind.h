// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariant>

#include <optional>

namespace wxr::core::sqlbind {

/// QSqlQuery binds a null QString as SQL NULL; the ledger's text columns are NOT NULL with ''
/// for "none", so text is always bound as a (possibly empty) string.
inline QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(QLatin1StringView(""))) : QVariant(value);
}

/// An optional integer as a value or SQL NULL.
inline QVariant integer(std::optional<qint64> value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace wxr::core::sqlbind
