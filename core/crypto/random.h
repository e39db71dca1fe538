// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

/// Cryptographically secure randomness (OpenSSL's CSPRNG). Thread-safe.
namespace wxr::core::random {

/// `length` characters drawn uniformly from [0-9A-Za-z] — the request nonce_str format the
/// official SDKs use (32 characters by default). Non-positive length gives an empty array.
QByteArray nonceString(int length = 32);

/// `n` random bytes (AEAD nonces in tests, key material for the stand-in).
QByteArray bytes(int n);

} // namespace wxr::core::random
