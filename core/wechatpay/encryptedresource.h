// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace wxr::core {

/// An AEAD_AES_256_GCM-encrypted object as WeChat Pay sends it: a callback's `resource` and a
/// platform certificate's `encrypt_certificate` (spec §3.1, §3.2, §4.2).
struct EncryptedResource
{
    QString algorithm;         ///< must be AEAD_AES_256_GCM
    QByteArray ciphertext;     ///< Base64 text as received
    QByteArray nonce;          ///< the nonce string's bytes
    QByteArray associatedData; ///< may be empty or absent (then empty)
    QString originalType;      ///< callbacks: "transaction" or "refund"; else empty

    /// Reads the fields from JSON. InvalidInput naming `what` when ciphertext or nonce is
    /// missing/empty or not a string; the algorithm is checked by decrypt().
    static Result<EncryptedResource> fromJson(const QJsonObject &object, const QString &what);

    /// Decrypts with the APIv3 key (32 bytes). Errors: ErrorCode::Crypto for another algorithm
    /// or invalid Base64, ErrorCode::Verification when the tag does not match (almost always a
    /// wrong or changed APIv3 key). The key never appears in messages.
    Result<QByteArray> decrypt(const QByteArray &apiV3Key) const;
};

} // namespace wxr::core
