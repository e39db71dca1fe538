// SPDX-License-Identifier: GPL-3.0-or-later
#include "wechatpay/signing.h"

#include "common/coretr.h"

namespace wxr::core::signing {

namespace {

bool isDigits(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

} // namespace

QByteArray requestMessage(QByteArrayView method, QByteArrayView canonicalUrl, qint64 timestamp,
                          QByteArrayView nonce, QByteArrayView body)
{
    return requestMessage(method, canonicalUrl, QByteArray::number(timestamp), nonce, body);
}

QByteArray requestMessage(QByteArrayView method, QByteArrayView canonicalUrl,
                          QByteArrayView timestamp, QByteArrayView nonce, QByteArrayView body)
{
    QByteArray m;
    m.reserve(method.size() + canonicalUrl.size() + timestamp.size() + nonce.size() + body.size()
              + 5);
    m.append(method.toByteArray().toUpper()).append('\n');
    m.append(canonicalUrl).append('\n');
    m.append(timestamp).append('\n');
    m.append(nonce).append('\n');
    m.append(body).append('\n');
    return m;
}

QByteArray responseMessage(QByteArrayView timestamp, QByteArrayView nonce, QByteArrayView body)
{
    QByteArray m;
    m.reserve(timestamp.size() + nonce.size() + body.size() + 3);
    m.append(timestamp).append('\n');
    m.append(nonce).append('\n');
    m.append(body).append('\n');
    return m;
}

QByteArray authorizationHeader(QByteArrayView mchid, QByteArrayView nonce, qint64 timestamp,
                               QByteArrayView serialNo, QByteArrayView signatureBase64)
{
    QByteArray h(kScheme);
    h.append(" mchid=\"").append(mchid);
    h.append("\",nonce_str=\"").append(nonce);
    h.append("\",timestamp=\"").append(QByteArray::number(timestamp));
    h.append("\",serial_no=\"").append(serialNo);
    h.append("\",signature=\"").append(signatureBase64).append('"');
    return h;
}

Result<AuthorizationFields> parseAuthorization(QByteArrayView header)
{
    const auto fail = [](const QString &why) {
        return makeError(ErrorCode::InvalidInput, why);
    };
    const QByteArrayView h = header.trimmed();
    qsizetype pos = 0;
    while (pos < h.size() && !isBlank(h[pos]))
        ++pos;
    AuthorizationFields f;
    f.scheme = h.first(pos).toByteArray();
    if (f.scheme != kScheme)
        return fail(Tr::tr("The Authorization header uses the scheme “%1”, not %2.")
                        .arg(QString::fromLatin1(f.scheme), QLatin1String(kScheme)));

    struct Slot
    {
        const char *name;
        QByteArray *target;
        bool seen = false;
    };
    Slot fields[] = {{"mchid", &f.mchid},
                     {"nonce_str", &f.nonce},
                     {"timestamp", &f.timestamp},
                     {"serial_no", &f.serialNo},
                     {"signature", &f.signature}};

    while (pos < h.size()) {
        while (pos < h.size() && (isBlank(h[pos]) || h[pos] == ','))
            ++pos;
        if (pos >= h.size())
            break;
        const qsizetype eq = h.indexOf('=', pos);
        if (eq < 0)
            return fail(Tr::tr("The Authorization header has a field without “=”."));
        const QByteArray key = h.sliced(pos, eq - pos).trimmed().toByteArray();
        pos = eq + 1;
        while (pos < h.size() && isBlank(h[pos]))
            ++pos;
        QByteArray value;
        if (pos < h.size() && h[pos] == '"') {
            const qsizetype close = h.indexOf('"', pos + 1);
            if (close < 0)
                return fail(Tr::tr("The Authorization header field “%1” has no closing quote.")
                                .arg(QString::fromLatin1(key)));
            value = h.sliced(pos + 1, close - pos - 1).toByteArray();
            pos = close + 1;
        } else {
            qsizetype end = h.indexOf(',', pos);
            if (end < 0)
                end = h.size();
            // Base64 padding contains "=", so an unquoted value runs to the next comma.
            value = h.sliced(pos, end - pos).trimmed().toByteArray();
            pos = end;
        }
        for (Slot &s : fields) {
            if (key == s.name) {
                if (s.seen)
                    return fail(Tr::tr("The Authorization header repeats the field “%1”.")
                                    .arg(QString::fromLatin1(key)));
                s.seen = true;
                *s.target = value;
            }
        }
    }
    for (const Slot &s : fields) {
        if (!s.seen || s.target->isEmpty())
            return fail(Tr::tr("The Authorization header lacks the field “%1”.")
                            .arg(QLatin1String(s.name)));
    }
    if (!isDigits(f.timestamp))
        return fail(Tr::tr("The Authorization header timestamp “%1” is not Unix seconds.")
                        .arg(QString::fromLatin1(f.timestamp)));
    return f;
}

QByteArray canonicalUrl(const QUrl &url)
{
    QByteArray path = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority
                                    | QUrl::RemoveFragment | QUrl::RemoveQuery);
    if (path.isEmpty())
        path = "/";
    if (url.hasQuery())
        path.append('?').append(url.query(QUrl::FullyEncoded).toLatin1());
    return path;
}

} // namespace wxr::core::signing
