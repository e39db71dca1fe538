// SPDX-License-Identifier: GPL-3.0-or-later
#include "wechatpay/encryptedresource.h"

#include "common/coretr.h"
#include "crypto/aead.h"

namespace wxr::core {

Result<EncryptedResource> EncryptedResource::fromJson(const QJsonObject &object,
                                                      const QString &what)
{
    EncryptedResource r;
    const auto text = [&](const char *key) {
        return object.value(QLatin1String(key)).toString();
    };
    r.algorithm = text("algorithm");
    r.ciphertext = text("ciphertext").toLatin1();
    r.nonce = text("nonce").toUtf8();
    r.associatedData = text("associated_data").toUtf8();
    r.originalType = text("original_type");
    if (r.ciphertext.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The encrypted %1 has no ciphertext.").arg(what));
    if (r.nonce.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The encrypted %1 has no nonce.").arg(what));
    return r;
}

Result<QByteArray> EncryptedResource::decrypt(const QByteArray &apiV3Key) const
{
    if (algorithm != u"AEAD_AES_256_GCM")
        return makeError(ErrorCode::Crypto,
                         Tr::tr("The encryption algorithm “%1” is not supported; only "
                                "AEAD_AES_256_GCM is.")
                             .arg(algorithm.left(64)));
    const auto decoded
        = QByteArray::fromBase64Encoding(ciphertext, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return makeError(ErrorCode::Crypto, Tr::tr("The ciphertext is not valid Base64."));
    return aead::decryptAes256Gcm(apiV3Key, nonce, associatedData, decoded.decoded);
}

} // namespace wxr::core
