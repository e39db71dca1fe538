// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/privatekey.h"

#include "common/coretr.h"
#include "crypto/opensslutil.h"

#include <QFile>

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

} // namespace

Result<PrivateKey> PrivateKey::fromPem(const QByteArray &pem, const QString &sourceName)
{
    ossl::clearErrors();
    // Look at the PEM labels first so that each common mistake gets its own clear sentence.
    if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")
        || (pem.contains("PRIVATE KEY-----") && pem.contains("Proc-Type: 4,ENCRYPTED")))
        return keyError(Tr::tr("The private key %1 is protected by a passphrase; wxrecon needs "
                               "it unencrypted (convert it with “openssl pkey”).")
                            .arg(sourceName));
    if (!pem.contains("PRIVATE KEY-----")) {
        if (pem.contains("-----BEGIN CERTIFICATE-----"))
            return keyError(
                Tr::tr("%1 holds a certificate, not the merchant private key.").arg(sourceName));
        if (pem.contains("PUBLIC KEY-----"))
            return keyError(
                Tr::tr("%1 holds a public key, not the merchant private key.").arg(sourceName));
        return keyError(Tr::tr("%1 is not a PEM private key.").arg(sourceName));
    }

    auto bio = ossl::readBio(pem);
    EVP_PKEY *raw = PEM_read_bio_PrivateKey_ex(bio.get(), nullptr, ossl::refusePassphrase, nullptr,
                                               nullptr, nullptr);
    if (!raw)
        return keyError(Tr::tr("%1 contains a damaged private key.").arg(sourceName));
    auto key = ossl::adoptKey(raw);
    if (!EVP_PKEY_is_a(raw, "RSA"))
        return keyError(Tr::tr("%1 holds a %2 key; the merchant API key must be RSA.")
                            .arg(sourceName, QString::fromLatin1(EVP_PKEY_get0_type_name(raw))));
    if (EVP_PKEY_get_bits(raw) < kMinBits)
        return keyError(Tr::tr("%1 holds a %2-bit RSA key; at least 2048 bits are required.")
                            .arg(sourceName)
                            .arg(EVP_PKEY_get_bits(raw)));
    return PrivateKey(std::move(key));
}

Result<PrivateKey> PrivateKey::loadFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::Io,
            Tr::tr("Cannot read the private key file %1: %2.").arg(path, f.errorString()));
    return fromPem(f.readAll(), path);
}

Result<PrivateKey> PrivateKey::generateRsa(int bits)
{
    ossl::clearErrors();
    EVP_PKEY *raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(bits));
    if (!raw)
        return keyError(Tr::tr("Generating a %1-bit RSA key failed.").arg(bits));
    return PrivateKey(ossl::adoptKey(raw));
}

Result<QByteArray> PrivateKey::signSha256(QByteArrayView message) const
{
    if (!m_key)
        return makeError(ErrorCode::Crypto, Tr::tr("No private key is loaded for signing."));
    ossl::clearErrors();
    ossl::MdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    size_t len = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(message.data());
    const auto inLen = static_cast<size_t>(message.size());
    if (!ctx
        || EVP_DigestSignInit_ex(ctx.get(), &pctx, "SHA256", nullptr, nullptr, m_key.get(), nullptr)
               != 1
        || EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1
        || EVP_DigestSign(ctx.get(), nullptr, &len, in, inLen) != 1)
        return keyError(Tr::tr("RSA-SHA256 signing could not be set up."));
    QByteArray sig(static_cast<qsizetype>(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len, in, inLen)
        != 1)
        return keyError(Tr::tr("RSA-SHA256 signing failed."));
    sig.resize(static_cast<qsizetype>(len));
    return sig;
}

Result<QByteArray> PrivateKey::decryptOaep(QByteArrayView ciphertext) const
{
    if (!m_key)
        return makeError(ErrorCode::Crypto, Tr::tr("No private key is loaded for decryption."));
    ossl::clearErrors();
    ossl::PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, m_key.get(), nullptr));
    size_t outLen = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(ciphertext.data());
    const auto inLen = static_cast<size_t>(ciphertext.size());
    if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) != 1
        || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_OAEP_PADDING) != 1
        || EVP_PKEY_CTX_set_rsa_oaep_md_name(ctx.get(), "SHA1", nullptr) != 1
        || EVP_PKEY_CTX_set_rsa_mgf1_md_name(ctx.get(), "SHA1", nullptr) != 1
        || EVP_PKEY_decrypt(ctx.get(), nullptr, &outLen, in, inLen) != 1)
        return keyError(Tr::tr("RSA-OAEP decryption could not be set up."));
    QByteArray out(static_cast<qsizetype>(outLen), Qt::Uninitialized);
    if (EVP_PKEY_decrypt(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outLen, in,
                         inLen)
        != 1)
        return keyError(Tr::tr("RSA-OAEP decryption failed: the data was not encrypted for this "
                               "key or is damaged."));
    out.resize(static_cast<qsizetype>(outLen));
    return out;
}

PublicKey PrivateKey::publicKey() const
{
    if (!m_key)
        return {};
    // Re-encode only the public half so that no code holding a PublicKey can reach the private
    // parameters through the shared handle.
    const QByteArray pem = publicKeyPem();
    auto bio = ossl::readBio(pem);
    EVP_PKEY *pub = PEM_read_bio_PUBKEY(bio.get(), nullptr, ossl::refusePassphrase, nullptr);
    if (!pub) {
        ossl::clearErrors();
        return {};
    }
    return PublicKey::fromHandle(ossl::adoptKey(pub));
}

QByteArray PrivateKey::publicKeyPem() const
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

QByteArray PrivateKey::toPkcs8Pem() const
{
    if (!m_key)
        return {};
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PKCS8PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr)
        != 1) {
        ossl::clearErrors();
        return {};
    }
    return ossl::bioContents(bio.get());
}

int PrivateKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

} // namespace wxr::core
