// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/random.h"

#include <QtGlobal>

#include <openssl/rand.h>

namespace wxr::core::random {

namespace {

void fill(unsigned char *buf, int n)
{
    // RAND_bytes fails only when the OS entropy source is unusable; carrying on would produce
    // predictable nonces and keys, so stop instead.
    if (n > 0 && RAND_bytes(buf, n) != 1)
        qFatal("The system random number generator failed.");
}

} // namespace

QByteArray bytes(int n)
{
    if (n <= 0)
        return {};
    QByteArray out(n, Qt::Uninitialized);
    fill(reinterpret_cast<unsigned char *>(out.data()), n);
    return out;
}

QByteArray nonceString(int length)
{
    static constexpr char kAlphabet[]
        = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static constexpr unsigned kSize = sizeof kAlphabet - 1; // 62
    // Bytes >= 248 (= 4 * 62) are rejected so that every character is equally likely.
    static constexpr unsigned kLimit = 256 - 256 % kSize;
    QByteArray out;
    if (length <= 0)
        return out;
    out.reserve(length);
    unsigned char buf[64];
    while (out.size() < length) {
        fill(buf, sizeof buf);
        for (unsigned char b : buf) {
            if (b < kLimit && out.size() < length)
                out.append(kAlphabet[b % kSize]);
        }
    }
    return out;
}

} // namespace wxr::core::random
