// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "wechatpay/responseverifier.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace wxr::core {

/// What happened to one delivery of a callback, as answered to WeChat Pay (architecture doc,
/// "Callback handling rules").
enum class CallbackOutcome {
    Applied,   ///< genuine; its state change committed; answered 2xx
    Duplicate, ///< genuine repeat (same id, same resulting state, or byte-identical replay); 2xx
    Ignored,   ///< genuine but of an event type wxrecon does not apply; recorded, answered 2xx
    Rejected,  ///< not accepted (verification, decryption, malformed, misrouted); answered 4xx
    Error,     ///< genuine or not yet known, but the ledger could not commit; answered 5xx
};

/// Why a delivery was not accepted. Monitoring counts failures by this cause.
enum class FailureCause {
    None,
    MissingHeader,            ///< a Wechatpay-* header is absent (a proxy may strip them)
    BadTimestamp,             ///< Wechatpay-Timestamp is not decimal Unix seconds
    StaleTimestamp,           ///< more than 300 s from local time
    UnknownSerial,            ///< no key for Wechatpay-Serial, even after a certificate refresh
    BadSignature,             ///< the signature does not verify
    Probe,                    ///< WeChat's WECHATPAY/SIGNTEST/ probe (spec §2.5)
    UnsupportedSignatureType, ///< Wechatpay-Signature-Type other than RSA-SHA256
    DecryptFailure,           ///< the AEAD tag did not verify (wrong or rotated APIv3 key)
    Malformed,     ///< not a callback: wrong method/content type, too large, bad JSON or fields
    Misrouted,     ///< a genuine callback for another merchant id
    DatabaseError, ///< the ledger was busy, full or read-only
    VerifyTimeout, ///< not verified by the answer deadline (decoding saturated, slow key refresh)
    Unspecified,   ///< an imported log line says it failed without saying why
};

inline constexpr int kFailureCauseCount = static_cast<int>(FailureCause::Unspecified) + 1;

/// Stable lower-case tokens used in the database, the JSON Lines import and metrics output:
/// "applied", "duplicate", "ignored", "rejected", "error".
QString callbackOutcomeName(CallbackOutcome outcome);
std::optional<CallbackOutcome> parseCallbackOutcome(QStringView name);

/// "none", "missing_header", "bad_timestamp", "stale_timestamp", "unknown_serial",
/// "bad_signature", "probe", "unsupported_signature_type", "decrypt_failure", "malformed",
/// "misrouted", "database_error", "verify_timeout", "unspecified" — the verifier's names for
/// its causes.
QString failureCauseName(FailureCause cause);
std::optional<FailureCause> parseFailureCause(QStringView name);
/// A short phrase for people ("bad signature", "database error"), translated.
QString failureCauseLabel(FailureCause cause);

/// The cause for a verifier failure (None for VerifyFailure::None).
FailureCause failureCauseOf(VerifyFailure failure);

/// True for outcomes WeChat Pay sees as success (2xx): it will not deliver again.
inline bool isAcknowledged(CallbackOutcome outcome)
{
    return outcome == CallbackOutcome::Applied || outcome == CallbackOutcome::Duplicate
           || outcome == CallbackOutcome::Ignored;
}

/// Where a recorded callback came from.
enum class CallbackSource {
    Receiver, ///< wxrecon's own receiver (serve-notify or the GUI)
    Import,   ///< a line of the merchant backend's callback log (callbacks import)
};
QString callbackSourceName(CallbackSource source);

/// One delivery of a callback as monitoring sees it: what arrived, when, and how it was
/// answered. Produced by the receiver for every request and by the JSON Lines import; the
/// neutral currency between core/notify and core/monitor.
///
/// Times: receivedAtMs is Unix milliseconds (UTC); successTime Unix seconds (WeChat writes
/// RFC 3339 with whole seconds), its original text kept in successTimeText.
struct CallbackEvent
{
    CallbackSource source = CallbackSource::Receiver;
    qint64 receivedAtMs = 0;
    QString notificationId; ///< envelope `id`; empty when the body was not readable
    QString eventType;      ///< TRANSACTION.SUCCESS, REFUND.SUCCESS, …; empty when unknown
    QString outTradeNo;
    QString transactionId;
    QString outRefundNo;               ///< refund events only
    QString state;                     ///< trade_state or refund_status from the payload
    std::optional<qint64> amountFen;   ///< amount.total (payments) or amount.refund (refunds)
    std::optional<qint64> successTime; ///< payload success_time, Unix seconds
    QString successTimeText;           ///< as received
    int httpStatus = 0;                ///< status answered (0 = the connection was lost first)
    CallbackOutcome outcome = CallbackOutcome::Rejected;
    FailureCause cause = FailureCause::None;
    std::optional<qint64> processingMs; ///< receipt → answer (after the commit for 2xx)
    int attempt = 0; ///< 1 for the first delivery of this id seen here, 2 for the next …; 0 unknown
    QString serial;  ///< Wechatpay-Serial presented (receiver only)
    QString message; ///< why it was rejected or failed, for people; empty on success

    /// receipt − success_time in milliseconds (may be negative when clocks disagree), or
    /// nullopt when the payload carried no success_time.
    [[nodiscard]] std::optional<qint64> notifyDelayMs() const
    {
        if (!successTime)
            return std::nullopt;
        return receivedAtMs - *successTime * 1000;
    }
};

} // namespace wxr::core

Q_DECLARE_METATYPE(wxr::core::CallbackEvent)
