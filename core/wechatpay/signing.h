// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QUrl>

/// The byte-exact texts of WeChat Pay API v3 signatures (spec §1 and §2). Pure functions,
/// thread-safe; no keys involved (see Signer and verify() for those).
namespace wxr::core::signing {

/// The only signature scheme in scope: the Authorization scheme token and the
/// Wechatpay-Signature-Type value.
inline constexpr char kScheme[] = "WECHATPAY2-SHA256-RSA2048";

/// The request string to sign: five lines, each ending in "\n", the last one included:
/// METHOD\nCANONICAL-URL\nTIMESTAMP\nNONCE\nBODY\n. The method is upper-cased;
/// `canonicalUrl` is the path plus "?" and the raw query exactly as sent (no "?" without a
/// query); `timestamp` is Unix seconds; `body` the exact bytes sent (empty for GET). A body
/// that itself ends in "\n" still gets the final "\n".
QByteArray requestMessage(QByteArrayView method, QByteArrayView canonicalUrl, qint64 timestamp,
                          QByteArrayView nonce, QByteArrayView body);
/// Same with the timestamp as received text (the stand-in rebuilds the message from a parsed
/// Authorization header and must use the digits exactly as sent).
QByteArray requestMessage(QByteArrayView method, QByteArrayView canonicalUrl,
                          QByteArrayView timestamp, QByteArrayView nonce, QByteArrayView body);

/// The response/callback string to verify: TIMESTAMP\nNONCE\nBODY\n over the raw body bytes
/// (an empty body gives "TS\nNONCE\n\n").
QByteArray responseMessage(QByteArrayView timestamp, QByteArrayView nonce, QByteArrayView body);

/// The Authorization header value (without "Authorization: "):
/// WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",serial_no="…",signature="…"
/// in the order the Go and Java SDKs use; one line, no spaces between fields.
QByteArray authorizationHeader(QByteArrayView mchid, QByteArrayView nonce, qint64 timestamp,
                               QByteArrayView serialNo, QByteArrayView signatureBase64);

/// The fields of a parsed Authorization header.
struct AuthorizationFields
{
    QByteArray scheme; ///< "WECHATPAY2-SHA256-RSA2048"
    QByteArray mchid;
    QByteArray nonce;     ///< nonce_str
    QByteArray timestamp; ///< as sent, digits
    QByteArray serialNo;  ///< merchant certificate serial as sent
    QByteArray signature; ///< Base64 as sent
};

/// Parses an Authorization header value. Field order is not significant (SDKs differ); blanks
/// around "," and "=" are tolerated, and so are unquoted values. Unknown fields are ignored.
/// InvalidInput naming the problem for: another scheme, a missing or repeated field, an
/// unterminated quote, or a timestamp that is not decimal digits.
Result<AuthorizationFields> parseAuthorization(QByteArrayView header);

/// Line 2 of the string to sign for `url`: the path plus "?" and the query exactly as QUrl
/// will put them on the wire ("/" when the path is empty; no "?" without a query).
QByteArray canonicalUrl(const QUrl &url);

} // namespace wxr::core::signing
