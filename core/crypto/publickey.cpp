// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/publickey.h"

#include "common/coretr.h"
#include "crypto/opensslutil.h"

#include <QFile>

#include <openssl/decoder.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

namespace wxr::core {

namespace {

constexpr int kMinBits = 2048;

Error keyError(const QString &message)
{
    return makeError(ErrorCode::Crypto, message, ossl::takeErrors());
}

// PKCS#1 "RSA PUBLIC KEY" through the provider decoders: the PEM_read_bio_RSAPublicKey route
// needs the deprecated RSA type.
EVP_PKEY *decodePkcs1Public(QByteArrayView pem)
{
    EVP_PKEY *key = nullptr;
    OSSL_DECODER_CTX *ctx = OSSL_DECODER_CTX_new_for_pkey(&key, "PEM", "type-specific", "RSA",
                                                          EVP_PKEY_PUBLIC_KEY, nullptr, nullptr);
    if (!ctx)
        return nullptr;
    const auto *data = reinterpret_cast<const unsigned char *>(pem.data());
    size_t len = static_cast<size_t>(pem.size());
    if (OSSL_DECODER_from_data(ctx, &data, &len) != 1) {
        EVP_PKEY_free(key);
        key = nullptr;
    }
    OSSL_DECODER_CTX_free(ctx);
    return key;
}

} // namespace

Result<PublicKey> PublicKey::fromPem(const QByteArray &spkiPem, const QString &sourceName)
{
    ossl::clearErrors();
    if (spkiPem.contains("-----BEGIN CERTIFICATE-----"))
        return keyError(Tr::tr("%1 holds a certificate, not a public key.").arg(sourceName));
    if (spkiPem.contains("PRIVATE KEY-----"))
        return keyError(Tr::tr("%1 holds a private key, not a public key.").arg(sourceName));

    EVP_PKEY *raw = nullptr;
    if (spkiPem.contains("-----BEGIN PUBLIC KEY-----")) {
        auto bio = ossl::readBio(spkiPem);
        raw = PEM_read_bio_PUBKEY(bio.get(), nullptr, ossl::refusePassphrase, nullptr);
    } else if (spkiPem.contains("-----BEGIN RSA PUBLIC KEY-----")) {
        raw = decodePkcs1Public(spkiPem);
    } else {
        return keyError(Tr::tr("%1 is not a PEM public key.").arg(sourceName));
    }
    if (!raw)
        return keyError(Tr::tr("%1 contains a damaged public key.").arg(sourceName));
    auto key = ossl::adoptKey(raw);
    if (!EVP_PKEY_is_a(raw, "RSA"))
        return keyError(Tr::tr("%1 holds a %2 key; WeChat Pay uses RSA keys.")
                            .arg(sourceName, QString::fromLatin1(EVP_PKEY_get0_type_name(raw))));
    if (EVP_PKEY_get_bits(raw) < kMinBits)
        return keyError(Tr::tr("%1 holds a %2-bit RSA key; at least 2048 bits are required.")
                            .arg(sourceName)
                            .arg(EVP_PKEY_get_bits(raw)));
    return PublicKey(std::move(key));
}

Result<PublicKey> PublicKey::loadFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::Io,
            Tr::tr("Cannot read the public key file %1: %2.").arg(path, f.errorString()));
    return fromPem(f.readAll(), path);
}

PublicKey PublicKey::fromHandle(std::shared_ptr<EVP_PKEY> key)
{
    return PublicKey(std::move(key));
}

bool PublicKey::verifySha256(QByteArrayView message, QByteArrayView signature) const
{
    if (!m_key || signature.isEmpty())
        return false;
    ossl::MdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    bool ok
        = ctx
          && EVP_DigestVerifyInit_ex(ctx.get(), &pctx, "SHA256", nullptr, nullptr, m_key.get(),
                                     nullptr)
                 == 1
          && EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1
          && EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.data()),
                              static_cast<size_t>(signature.size()),
                              reinterpret_cast<const unsigned char *>(message.data()),
                              static_cast<size_t>(message.size()))
                 == 1;
    // A bad signature leaves entries in the error queue; they are expected, not diagnostics.
    ossl::clearErrors();
    return ok;
}

Result<QByteArray> PublicKey::encryptOaep(QByteArrayView plaintext) const
{
    if (!m_key)
        return makeError(ErrorCode::Crypto, Tr::tr("No public key is loaded for encryption."));
    ossl::clearErrors();
    ossl::PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, m_key.get(), nullptr));
    size_t outLen = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(plaintext.data());
    const auto inLen = static_cast<size_t>(plaintext.size());
    if (!ctx || EVP_PKEY_encrypt_init(ctx.get()) != 1
        || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_OAEP_PADDING) != 1
        || EVP_PKEY_CTX_set_rsa_oaep_md_name(ctx.get(), "SHA1", nullptr) != 1
        || EVP_PKEY_CTX_set_rsa_mgf1_md_name(ctx.get(), "SHA1", nullptr) != 1
        || EVP_PKEY_encrypt(ctx.get(), nullptr, &outLen, in, inLen) != 1)
        return keyError(Tr::tr("RSA-OAEP encryption could not be set up."));
    QByteArray out(static_cast<qsizetype>(outLen), Qt::Uninitialized);
    if (EVP_PKEY_encrypt(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outLen, in,
                         inLen)
        != 1)
        return keyError(Tr::tr("RSA-OAEP encryption failed; the text is %1 bytes long, more than "
                               "one RSA block holds.")
                            .arg(plaintext.size()));
    out.resize(static_cast<qsizetype>(outLen));
    return out;
}

QByteArray PublicKey::toPem() const
{
    if (!m_key)
        return {};
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PUBKEY(bio.get(), m_key.get()) != 1) {
        ossl::clearErrors();
        return {};
    }
    return ossl::bioContents(bio.get());
}

int PublicKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

bool PublicKey::sameKeyAs(const PublicKey &other) const
{
    if (!m_key || !other.m_key)
        return false;
    return EVP_PKEY_eq(m_key.get(), other.m_key.get()) == 1;
}

} // namespace wxr::core
