// SPDX-License-Identifier: GPL-3.0-or-later
#include "wechatpay/httpheaders.h"

#include "common/coretr.h"

namespace wxr::core {

namespace {

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool isStartLine(QByteArrayView line)
{
    return line.startsWith("HTTP/") || line.endsWith(" HTTP/1.1") || line.endsWith(" HTTP/1.0")
           || line.endsWith(" HTTP/2");
}

} // namespace

Result<HttpHeaders> HttpHeaders::parseLines(QByteArrayView text, const QString &sourceName)
{
    HttpHeaders headers;
    const QList<QByteArray> lines = text.toByteArray().split('\n');
    bool first = true;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        if (first && isStartLine(line)) {
            first = false;
            continue;
        }
        first = false;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return makeError(ErrorCode::InvalidInput,
                             Tr::tr("Line %1 of %2 is not a “Name: value” header line.")
                                 .arg(i + 1)
                                 .arg(sourceName));
        headers.add(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
    }
    return headers;
}

std::optional<QByteArray> HttpHeaders::value(QByteArrayView name) const
{
    for (const Pair &p : m_pairs) {
        if (sameName(p.first, name))
            return p.second.trimmed();
    }
    return std::nullopt;
}

void HttpHeaders::set(const QByteArray &name, const QByteArray &value)
{
    m_pairs.removeIf([&](const Pair &p) { return sameName(p.first, name); });
    m_pairs.append({name, value});
}

} // namespace wxr::core
