// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the wechatpay module: lenient, typed reading of WeChat Pay JSON objects that
// remembers the first problem (missing required field, non-integer amount, bad time).

#include "common/result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace wxr::core::json {

class Reader final
{
public:
    Reader(const QJsonObject &object, QString what)
        : m_object(object)
        , m_what(std::move(what))
    {}

    /// A string field, or empty when absent/null. A non-string value is a problem.
    QString string(const char *key);
    /// A string field that must be present and non-empty.
    QString requiredString(const char *key);
    /// An integer amount in fen; nullopt when absent. A fraction or a string is a problem.
    std::optional<qint64> fen(const char *key);
    /// An RFC 3339 time; nullopt when absent or empty. The text is stored in `text`.
    std::optional<qint64> time(const char *key, QString *text);

    [[nodiscard]] const QString &what() const { return m_what; }
    [[nodiscard]] std::optional<Error> firstError() const { return m_error; }

private:
    void problem(const QString &message);
    QJsonValue field(const char *key) const;

    QJsonObject m_object;
    QString m_what;
    std::optional<Error> m_error;
};

} // namespace wxr::core::json
