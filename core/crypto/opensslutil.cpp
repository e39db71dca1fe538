// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/opensslutil.h"

#include <openssl/err.h>

namespace wxr::core::ossl {

std::shared_ptr<EVP_PKEY> adoptKey(EVP_PKEY *key)
{
    return std::shared_ptr<EVP_PKEY>(key, [](EVP_PKEY *k) { EVP_PKEY_free(k); });
}

std::shared_ptr<X509> adoptCert(X509 *cert)
{
    return std::shared_ptr<X509>(cert, [](X509 *c) { X509_free(c); });
}

BioPtr readBio(QByteArrayView data)
{
    return BioPtr(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
}

QByteArray bioContents(BIO *bio)
{
    char *ptr = nullptr;
    const long len = BIO_get_mem_data(bio, &ptr);
    return len > 0 ? QByteArray(ptr, len) : QByteArray();
}

QString takeErrors()
{
    QString text;
    char buf[256];
    while (const unsigned long e = ERR_get_error()) {
        ERR_error_string_n(e, buf, sizeof buf);
        if (!text.isEmpty())
            text += QLatin1Char('\n');
        text += QString::fromLatin1(buf);
    }
    return text;
}

void clearErrors()
{
    ERR_clear_error();
}

int refusePassphrase(char *, int, int, void *)
{
    return -1;
}

} // namespace wxr::core::ossl
