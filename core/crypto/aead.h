// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>

/// AEAD_AES_256_GCM as WeChat Pay uses it for callback resources and platform certificates.
///
/// - key: the APIv3 key, 32 ASCII characters used as the raw 32 AES-256 key bytes. Any other
///   length is rejected (Go's helper silently accepts 16-byte keys, i.e. AES-128; we do not).
/// - nonce: the `nonce` string's bytes, normally 12 (the GCM standard IV). GCM accepts other
///   non-empty lengths and so do we, because the spec only shows 12-character nonces and does
///   not forbid others; an empty nonce is rejected.
/// - associatedData: the `associated_data` string's bytes, possibly empty (still authenticated).
/// - ciphertextAndTag: Base64-decoded `ciphertext`; its last 16 bytes are the GCM tag.
///
/// Pure functions, thread-safe. Errors never contain key bytes.
namespace wxr::core::aead {

inline constexpr int kKeyLength = 32;
inline constexpr int kTagLength = 16;

/// Decrypts and authenticates. ErrorCode::Crypto for a key that is not 32 bytes, an empty nonce
/// or input shorter than the tag; ErrorCode::Verification when the tag does not match (a wrong or
/// rotated APIv3 key, a wrong nonce or associated data, or tampered ciphertext).
Result<QByteArray> decryptAes256Gcm(QByteArrayView key32, QByteArrayView nonce,
                                    QByteArrayView associatedData, QByteArrayView ciphertextAndTag);

/// Encrypts and returns ciphertext || 16-byte tag (the stand-in encrypts callbacks with it).
Result<QByteArray> encryptAes256Gcm(QByteArrayView key32, QByteArrayView nonce,
                                    QByteArrayView associatedData, QByteArrayView plaintext);

} // namespace wxr::core::aead
