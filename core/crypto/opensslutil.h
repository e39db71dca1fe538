// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the crypto module: RAII wrappers and error-queue helpers for OpenSSL 3.
// Not part of the public API; other modules use PrivateKey, PublicKey, Certificate, aead.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

namespace wxr::core::ossl {

struct BioDeleter
{
    void operator()(BIO *b) const noexcept { BIO_free_all(b); }
};
struct PkeyCtxDeleter
{
    void operator()(EVP_PKEY_CTX *c) const noexcept { EVP_PKEY_CTX_free(c); }
};
struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX *c) const noexcept { EVP_MD_CTX_free(c); }
};
struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *c) const noexcept { EVP_CIPHER_CTX_free(c); }
};

using BioPtr = std::unique_ptr<BIO, BioDeleter>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

/// Shared ownership of keys and certificates: the value types copy cheaply and OpenSSL 3
/// allows concurrent read-only use of one EVP_PKEY / X509 from several threads.
std::shared_ptr<EVP_PKEY> adoptKey(EVP_PKEY *key);
std::shared_ptr<X509> adoptCert(X509 *cert);

/// A read-only memory BIO over `data` (which must outlive the BIO).
BioPtr readBio(QByteArrayView data);

/// Everything written to a memory BIO.
QByteArray bioContents(BIO *bio);

/// Drains OpenSSL's thread-local error queue into technical text for Error::detail.
/// Always call after a failed OpenSSL call so that stale errors never leak into a later one.
QString takeErrors();

/// Discards the error queue (after an expected failure, e.g. trying one PEM kind then another).
void clearErrors();

/// A passphrase callback that refuses: OpenSSL's default would prompt on the terminal.
int refusePassphrase(char *buf, int size, int rwflag, void *userdata);

} // namespace wxr::core::ossl
