// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "wechatpay/encryptedresource.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

/// The callback body of WeChat Pay (spec §4.2–§4.4): the envelope, its AEAD_AES_256_GCM
/// resource, and the two decrypted payloads wxrecon applies. Parse only bytes whose signature
/// has been verified (never trust an unverified byte). Pure functions, thread-safe; errors are
/// ErrorCode::InvalidInput (malformed) or ErrorCode::Verification (the AEAD tag did not match)
/// and never contain key bytes or the decrypted payload.
namespace wxr::core::notification {

/// What an event type asks wxrecon to do.
enum class EventKind {
    Transaction, ///< TRANSACTION.SUCCESS: a payment succeeded (the only payment notice, §4.3)
    Refund,      ///< REFUND.SUCCESS / REFUND.ABNORMAL / REFUND.CLOSED
    Other,       ///< anything else (TRANSACTION.FAIL of other products, …): recorded, not applied
};
EventKind eventKindOf(QStringView eventType);

/// The outer JSON of a callback. All text as received.
struct Envelope
{
    QString id;           ///< unique notification id (≤ 36 characters per the docs)
    QString createTime;   ///< RFC 3339; optional here, not used for decisions
    QString eventType;    ///< TRANSACTION.SUCCESS, REFUND.SUCCESS, …
    QString resourceType; ///< "encrypt-resource"; optional here
    QString summary;      ///< human text; optional here
    /// algorithm (checked to be AEAD_AES_256_GCM), Base64 ciphertext, nonce, associated data
    /// (may be empty or absent, spec §4.2 — still authenticated), original_type (optional here).
    EncryptedResource resource;
};

/// Parses the envelope. Required: a JSON object with non-empty `id` (at most 64 characters,
/// tolerating ids longer than the documented 36) and `event_type`, and a `resource` object with
/// `algorithm` = AEAD_AES_256_GCM, non-empty `ciphertext` and `nonce`. The other fields the
/// Apache SDK insists on (create_time, summary, resource_type, original_type) are kept when
/// present but not required: the docs do not promise them for every product [spec §4.2].
Result<Envelope> parseEnvelope(QByteArrayView body);

/// Base64-decodes and decrypts the resource with the 32-byte APIv3 key. Verification when the
/// tag does not match (wrong or rotated APIv3 key), InvalidInput when the ciphertext is not
/// Base64 or shorter than the tag, Crypto when the key is not 32 bytes.
Result<QByteArray> decryptResource(const Envelope &envelope, QByteArrayView apiv3Key);

/// A decrypted payment payload (original_type `transaction`, same shape as the order query).
/// Only the fields the ledger needs; the payer's openid is deliberately not kept.
struct TransactionNotice
{
    QString mchid;
    QString appid;
    QString outTradeNo;
    QString transactionId;
    QString tradeState; ///< SUCCESS, … kept as text (unknown words are the state machine's job)
    std::optional<qint64> successTime; ///< Unix seconds
    QString successTimeText;
    std::optional<qint64> amountTotal; ///< amount.total, fen
    std::optional<qint64> payerTotal;  ///< amount.payer_total, fen
};

/// Required: `mchid`, `out_trade_no` (1..64 characters) and `trade_state`; `success_time`
/// when present must be RFC 3339 with an offset; amounts when present must be non-negative
/// integers.
Result<TransactionNotice> parseTransaction(QByteArrayView json);

/// A decrypted refund payload (original_type `refund`).
struct RefundNotice
{
    QString mchid; ///< may be empty: not every sample carries it
    QString outTradeNo;
    QString transactionId;
    QString outRefundNo;
    QString refundId;
    QString refundStatus;              ///< SUCCESS, CLOSED, ABNORMAL (PROCESSING is never notified)
    std::optional<qint64> successTime; ///< only for SUCCESS
    QString successTimeText;
    std::optional<qint64> amountTotal;  ///< amount.total, fen (the order)
    std::optional<qint64> amountRefund; ///< amount.refund, fen
};

/// Required: `out_trade_no` and `out_refund_no` (1..64 characters). The state is taken from
/// `refund_status`; the refund-query API calls the same field `status` [?], so that name is
/// accepted too, and when both are absent the state follows from `eventType`
/// (REFUND.SUCCESS → SUCCESS, …).
Result<RefundNotice> parseRefund(QByteArrayView json, QStringView eventType);

} // namespace wxr::core::notification
