// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/callbackevent.h"
#include "notify/notification.h"
#include "wechatpay/httpheaders.h"
#include "wechatpay/keystore.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace wxr::core {

/// One HTTP request as the receiver got it, before anything is trusted.
struct InboundRequest
{
    qint64 receivedAtMs = 0; ///< Unix ms when the request was complete
    QByteArray method;       ///< "POST", …
    HttpHeaders headers;
    QByteArray body;
};

/// A request after verification, decryption and parsing — everything that can be decided
/// without the ledger. `event` is filled as far as the request allowed; when `accepted` is
/// false its outcome is Rejected with the cause, and `httpStatus` the 4xx to answer.
struct DecodedCallback
{
    CallbackEvent event;
    bool accepted = false;
    notification::EventKind kind = notification::EventKind::Other;
    std::optional<notification::TransactionNotice> transaction;
    std::optional<notification::RefundNotice> refund;
    QByteArray bodySha256;     ///< hex; detects byte-identical replays
    QByteArray headersJson;    ///< the request headers to record, secrets removed
    QByteArray createTimeText; ///< envelope create_time, as received
};

/// The decisions of the callback handling rules that need no database (architecture doc),
/// in this order:
///
/// 1. method POST, else 405; body ≤ maxBodyBytes, else 413; Content-Type application/json
///    (parameters such as charset allowed), else 415 — all counted as Malformed;
/// 2. signature, timestamp window, probe and key by Wechatpay-Serial (verify()) → 401 with
///    the verifier's cause;
/// 3. envelope → 400 Malformed; an event type wxrecon does not apply is accepted as is
///    (recorded and acknowledged, not applied) without decrypting;
/// 4. AEAD decryption with the APIv3 key → 401 DecryptFailure;
/// 5. payload → 400 Malformed; its mchid differs from the merchant's → 403 Misrouted.
///
/// Thread-safe and stateless apart from the shared key store: the receiver calls it on its
/// network thread, tests call it directly.
class CallbackDecoder final
{
public:
    using Clock = std::function<qint64()>; ///< Unix seconds

    /// WeChat's callbacks are a few kilobytes; anything near this cap is not one.
    static constexpr qsizetype kDefaultMaxBodyBytes = 64 * 1024;

    CallbackDecoder(std::shared_ptr<const KeyStore> keys, QString mchid, QByteArray apiV3Key,
                    Clock clock = {}, qsizetype maxBodyBytes = kDefaultMaxBodyBytes);

    [[nodiscard]] DecodedCallback decode(const InboundRequest &request) const;

    [[nodiscard]] qsizetype maxBodyBytes() const { return m_maxBodyBytes; }
    [[nodiscard]] const QString &mchid() const { return m_mchid; }

    /// The headers worth recording as a compact JSON object (name → value, names sorted, the
    /// last of equal names kept; what QJsonDocument would write), without
    /// Authorization, Cookie and Proxy-Authorization, which a proxy might add and which are
    /// secrets; values are cut at 512 characters.
    static QByteArray headersToRecord(const HttpHeaders &headers);

private:
    std::shared_ptr<const KeyStore> m_keys;
    QString m_mchid;
    QByteArray m_apiV3Key;
    Clock m_clock;
    qsizetype m_maxBodyBytes;
};

/// The failure answer WeChat Pay expects: {"code":"FAIL","message":"…"} (spec §4.5). The
/// message is a short English phrase for WeChat's logs, never internal detail.
QByteArray failureBody(FailureCause cause);

} // namespace wxr::core
