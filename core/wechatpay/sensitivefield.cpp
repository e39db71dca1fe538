// SPDX-License-Identifier: GPL-3.0-or-later
#include "wechatpay/sensitivefield.h"

#include "common/coretr.h"

namespace wxr::core {

Result<SensitiveField> encryptSensitiveField(const KeyStore &keys, QByteArrayView plaintext,
                                             qint64 now)
{
    const auto key = keys.encryptionKey(now);
    if (!key)
        return makeError(ErrorCode::Config,
                         Tr::tr("No WeChat Pay public key or valid platform certificate is "
                                "available to encrypt a sensitive field; refresh the "
                                "certificates first."));
    const auto c = key->key.encryptOaep(plaintext);
    if (!c)
        return c.error();
    return SensitiveField{c->toBase64(), key->serial.toLatin1()};
}

} // namespace wxr::core
