// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/constanttime.h"

#include <openssl/crypto.h>

namespace wxr::core {

bool constantTimeEquals(QByteArrayView a, QByteArrayView b) noexcept
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0;
}

} // namespace wxr::core
