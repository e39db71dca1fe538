// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/certificate.h"

#include "common/coretr.h"
#include "common/cstime.h"
#include "crypto/opensslutil.h"

#include <QFile>

#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <ctime>

namespace wxr::core {

namespace {

Error certError(const QString &message)
{
    return makeError(ErrorCode::Crypto, message, ossl::takeErrors());
}

qint64 toUnix(const ASN1_TIME *t)
{
    struct tm tm = {};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1) {
        ossl::clearErrors();
        return 0;
    }
    // ASN1_TIME_to_tm yields UTC fields; convert without touching the process time zone.
    return cst::daysFromCivil(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1),
                              static_cast<unsigned>(tm.tm_mday))
               * cst::kDaySeconds
           + tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
}

} // namespace

Result<Certificate> Certificate::fromPem(const QByteArray &pem, const QString &sourceName)
{
    ossl::clearErrors();
    if (!pem.contains("-----BEGIN CERTIFICATE-----"))
        return certError(Tr::tr("%1 is not a PEM certificate.").arg(sourceName));
    auto bio = ossl::readBio(pem);
    X509 *raw = PEM_read_bio_X509(bio.get(), nullptr, ossl::refusePassphrase, nullptr);
    if (!raw)
        return certError(Tr::tr("%1 contains a damaged certificate.").arg(sourceName));
    auto cert = ossl::adoptCert(raw);
    EVP_PKEY *key = X509_get0_pubkey(raw);
    if (!key || !EVP_PKEY_is_a(key, "RSA"))
        return certError(
            Tr::tr("The certificate in %1 does not carry an RSA key.").arg(sourceName));
    return Certificate(std::move(cert));
}

Result<Certificate> Certificate::loadFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::Io,
            Tr::tr("Cannot read the certificate file %1: %2.").arg(path, f.errorString()));
    return fromPem(f.readAll(), path);
}

Result<Certificate> Certificate::makeSelfSigned(const PrivateKey &key, const QByteArray &serialHex,
                                                qint64 notBefore, qint64 notAfter,
                                                const QString &commonName)
{
    if (key.isNull())
        return makeError(ErrorCode::Crypto, Tr::tr("No private key is loaded for signing."));
    ossl::clearErrors();
    auto cert = ossl::adoptCert(X509_new());
    BIGNUM *bn = nullptr;
    const QByteArray serialZ = serialHex; // BN_hex2bn needs a NUL-terminated string
    if (serialZ.isEmpty() || BN_hex2bn(&bn, serialZ.constData()) != serialZ.size()) {
        BN_free(bn);
        ossl::clearErrors();
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The certificate serial “%1” is not hexadecimal.")
                             .arg(QString::fromLatin1(serialHex)));
    }
    ASN1_INTEGER *serial = BN_to_ASN1_INTEGER(bn, nullptr);
    BN_free(bn);
    const QByteArray cn = commonName.toUtf8();
    X509_NAME *name = X509_get_subject_name(cert.get());
    const bool ok
        = serial && X509_set_version(cert.get(), X509_VERSION_3) == 1
          && X509_set_serialNumber(cert.get(), serial) == 1
          && ASN1_TIME_set(X509_getm_notBefore(cert.get()), static_cast<time_t>(notBefore))
          && ASN1_TIME_set(X509_getm_notAfter(cert.get()), static_cast<time_t>(notAfter))
          && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                        reinterpret_cast<const unsigned char *>(cn.constData()),
                                        static_cast<int>(cn.size()), -1, 0)
                 == 1
          && X509_set_issuer_name(cert.get(), name) == 1
          && X509_set_pubkey(cert.get(), key.handle()) == 1
          && X509_sign(cert.get(), key.handle(), EVP_sha256()) > 0;
    ASN1_INTEGER_free(serial);
    if (!ok)
        return certError(Tr::tr("Creating a self-signed certificate failed."));
    return Certificate(std::move(cert));
}

QString Certificate::serialHex() const
{
    if (!m_cert)
        return {};
    BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(m_cert.get()), nullptr);
    char *hex = bn ? BN_bn2hex(bn) : nullptr;
    QString s = hex ? QString::fromLatin1(hex).toUpper() : QString();
    OPENSSL_free(hex);
    BN_free(bn);
    return s;
}

qint64 Certificate::notBefore() const
{
    return m_cert ? toUnix(X509_get0_notBefore(m_cert.get())) : 0;
}

qint64 Certificate::notAfter() const
{
    return m_cert ? toUnix(X509_get0_notAfter(m_cert.get())) : 0;
}

QString Certificate::commonName() const
{
    if (!m_cert)
        return {};
    X509_NAME *name = X509_get_subject_name(m_cert.get());
    const int idx = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (idx < 0)
        return {};
    ASN1_STRING *data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, idx));
    unsigned char *utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, data);
    QString s = len >= 0 ? QString::fromUtf8(reinterpret_cast<const char *>(utf8), len) : QString();
    OPENSSL_free(utf8);
    return s;
}

PublicKey Certificate::publicKey() const
{
    if (!m_cert)
        return {};
    EVP_PKEY *key = X509_get_pubkey(m_cert.get()); // takes a reference
    if (!key)
        return {};
    return PublicKey::fromHandle(ossl::adoptKey(key));
}

QByteArray Certificate::toPem() const
{
    if (!m_cert)
        return {};
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_X509(bio.get(), m_cert.get()) != 1) {
        ossl::clearErrors();
        return {};
    }
    return ossl::bioContents(bio.get());
}

} // namespace wxr::core
