// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace wxr::core {

/// Compares two byte strings in time that depends only on their lengths (CRYPTO_memcmp), for
/// secrets and digests. Different lengths compare unequal; two empty views compare equal.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b) noexcept;

} // namespace wxr::core
