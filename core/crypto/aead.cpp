// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/aead.h"

#include "common/coretr.h"
#include "crypto/opensslutil.h"

#include <openssl/evp.h>

#include <optional>

namespace wxr::core::aead {

namespace {

const unsigned char *bytes(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char *>(v.data());
}

std::optional<Error> checkParameters(QByteArrayView key32, QByteArrayView nonce)
{
    if (key32.size() != kKeyLength)
        return makeError(ErrorCode::Crypto,
                         Tr::tr("The APIv3 key is %1 bytes long; AEAD_AES_256_GCM needs exactly "
                                "32 bytes.")
                             .arg(key32.size()));
    if (nonce.isEmpty())
        return makeError(ErrorCode::Crypto, Tr::tr("The AEAD nonce is empty."));
    return std::nullopt;
}

// Shared set-up: cipher, IV length, key, IV and the associated data.
bool init(EVP_CIPHER_CTX *ctx, bool encrypt, QByteArrayView key32, QByteArrayView nonce,
          QByteArrayView aad)
{
    int outl = 0;
    const auto initFn = encrypt ? EVP_EncryptInit_ex : EVP_DecryptInit_ex;
    const auto updateFn = encrypt ? EVP_EncryptUpdate : EVP_DecryptUpdate;
    return initFn(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
           && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce.size()),
                                  nullptr)
                  == 1
           && initFn(ctx, nullptr, nullptr, bytes(key32), bytes(nonce)) == 1
           && (aad.isEmpty()
               || updateFn(ctx, nullptr, &outl, bytes(aad), static_cast<int>(aad.size())) == 1);
}

} // namespace

Result<QByteArray> decryptAes256Gcm(QByteArrayView key32, QByteArrayView nonce,
                                    QByteArrayView associatedData, QByteArrayView ciphertextAndTag)
{
    if (auto e = checkParameters(key32, nonce))
        return *e;
    if (ciphertextAndTag.size() < kTagLength)
        return makeError(ErrorCode::Crypto,
                         Tr::tr("The AEAD ciphertext is %1 bytes long, shorter than its 16-byte "
                                "authentication tag.")
                             .arg(ciphertextAndTag.size()));
    ossl::clearErrors();
    const QByteArrayView body = ciphertextAndTag.first(ciphertextAndTag.size() - kTagLength);
    const QByteArrayView tag = ciphertextAndTag.last(kTagLength);
    ossl::CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    QByteArray out(body.size() + kTagLength, Qt::Uninitialized);
    int len = 0;
    int total = 0;
    if (!ctx || !init(ctx.get(), false, key32, nonce, associatedData)
        || EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &len,
                             bytes(body), static_cast<int>(body.size()))
               != 1)
        return makeError(ErrorCode::Crypto, Tr::tr("AEAD_AES_256_GCM decryption failed."),
                         ossl::takeErrors());
    total = len;
    // OpenSSL's API takes a non-const tag pointer; it only reads it.
    QByteArray tagCopy = tag.toByteArray();
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagLength, tagCopy.data()) != 1
        || EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(out.data()) + total,
                               &len)
               != 1) {
        ossl::clearErrors();
        return makeError(ErrorCode::Verification,
                         Tr::tr("The AEAD authentication tag does not match: the APIv3 key is "
                                "wrong or was changed, or the data was altered."));
    }
    total += len;
    out.resize(total);
    return out;
}

Result<QByteArray> encryptAes256Gcm(QByteArrayView key32, QByteArrayView nonce,
                                    QByteArrayView associatedData, QByteArrayView plaintext)
{
    if (auto e = checkParameters(key32, nonce))
        return *e;
    ossl::clearErrors();
    ossl::CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    QByteArray out(plaintext.size() + 2 * kTagLength, Qt::Uninitialized);
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    int len = 0;
    int total = 0;
    if (!ctx || !init(ctx.get(), true, key32, nonce, associatedData)
        || EVP_EncryptUpdate(ctx.get(), o, &len, bytes(plaintext),
                             static_cast<int>(plaintext.size()))
               != 1)
        return makeError(ErrorCode::Crypto, Tr::tr("AEAD_AES_256_GCM encryption failed."),
                         ossl::takeErrors());
    total = len;
    if (EVP_EncryptFinal_ex(ctx.get(), o + total, &len) != 1)
        return makeError(ErrorCode::Crypto, Tr::tr("AEAD_AES_256_GCM encryption failed."),
                         ossl::takeErrors());
    total += len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagLength, o + total) != 1)
        return makeError(ErrorCode::Crypto, Tr::tr("AEAD_AES_256_GCM encryption failed."),
                         ossl::takeErrors());
    out.resize(total + kTagLength);
    return out;
}

} // namespace wxr::core::aead
