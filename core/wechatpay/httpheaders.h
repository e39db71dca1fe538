// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace wxr::core {

/// HTTP header fields as received or to be sent, in order, with case-insensitive lookup
/// (header names are case-insensitive; some frameworks lower-case them). Qt 6.4 has no
/// QHttpHeaders; this is the common currency between QNetworkReply::rawHeaderPairs(),
/// QHttpServerRequest::headers() and the "Name: value" text files of the diagnostics CLI.
class HttpHeaders final
{
public:
    using Pair = QPair<QByteArray, QByteArray>;

    HttpHeaders() = default;
    HttpHeaders(QList<Pair> pairs)
        : m_pairs(std::move(pairs))
    {}

    /// Parses "Name: value" lines (LF or CRLF). Blank lines are skipped, and so is a leading
    /// request or status line ("POST /notify HTTP/1.1", "HTTP/1.1 200 OK") so that a block
    /// copied from `curl -v` or a proxy log works. A line without a colon is an InvalidInput
    /// error naming `sourceName` and the line number.
    static Result<HttpHeaders> parseLines(QByteArrayView text, const QString &sourceName);

    /// The first value for `name` (compared case-insensitively), surrounding blanks removed.
    [[nodiscard]] std::optional<QByteArray> value(QByteArrayView name) const;
    [[nodiscard]] bool contains(QByteArrayView name) const { return value(name).has_value(); }

    void add(const QByteArray &name, const QByteArray &value) { m_pairs.append({name, value}); }
    /// Replaces every field called `name` by one with `value`.
    void set(const QByteArray &name, const QByteArray &value);

    [[nodiscard]] const QList<Pair> &pairs() const noexcept { return m_pairs; }
    [[nodiscard]] bool isEmpty() const noexcept { return m_pairs.isEmpty(); }

private:
    QList<Pair> m_pairs;
};

} // namespace wxr::core
