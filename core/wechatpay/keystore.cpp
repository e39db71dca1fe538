// SPDX-License-Identifier: GPL-3.0-or-later
#include "wechatpay/keystore.h"

#include "common/coretr.h"
#include "common/cstime.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace wxr::core {

namespace {

// Matches the timestamp window of verify(): WeChat may start using a certificate announced
// 24 h ahead at its effective time, and our clock may lag by up to that much.
constexpr qint64 kClockTolerance = 300;

bool isHex(QStringView s)
{
    if (s.isEmpty())
        return false;
    return std::all_of(s.begin(), s.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    });
}

QStringView stripLeadingZeros(QStringView s)
{
    while (s.size() > 1 && s.front() == u'0')
        s = s.sliced(1);
    return s;
}

} // namespace

QString KeyStore::cacheFileName()
{
    return QStringLiteral("platform_certificates.json");
}

bool KeyStore::sameSerial(QStringView a, QStringView b)
{
    a = a.trimmed();
    b = b.trimmed();
    if (isHex(a) && isHex(b))
        return stripLeadingZeros(a).compare(stripLeadingZeros(b), Qt::CaseInsensitive) == 0;
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

void KeyStore::setPublicKey(const QString &keyId, const PublicKey &key)
{
    QWriteLocker lock(&m_lock);
    m_publicKeyId = keyId.trimmed();
    m_publicKey = key;
}

void KeyStore::clearPublicKey()
{
    QWriteLocker lock(&m_lock);
    m_publicKeyId.clear();
    m_publicKey = PublicKey();
}

QString KeyStore::publicKeyId() const
{
    QReadLocker lock(&m_lock);
    return m_publicKey.isNull() ? QString() : m_publicKeyId;
}

void KeyStore::addCertificate(const PlatformCertificate &certificate)
{
    QWriteLocker lock(&m_lock);
    m_certificates.removeIf(
        [&](const PlatformCertificate &c) { return sameSerial(c.serialNo, certificate.serialNo); });
    m_certificates.append(certificate);
}

KeyStore::RefreshDiff KeyStore::replaceCertificates(const QList<PlatformCertificate> &fresh,
                                                    qint64 now)
{
    QWriteLocker lock(&m_lock);
    RefreshDiff diff;
    QList<PlatformCertificate> next;
    for (const PlatformCertificate &c : fresh) {
        if (c.expireTime < now)
            continue;
        next.removeIf(
            [&](const PlatformCertificate &n) { return sameSerial(n.serialNo, c.serialNo); });
        next.append(c);
    }
    for (const PlatformCertificate &n : next) {
        const bool known
            = std::any_of(m_certificates.cbegin(), m_certificates.cend(),
                          [&](const auto &o) { return sameSerial(o.serialNo, n.serialNo); });
        if (!known)
            diff.added.append(n.serialNo);
    }
    for (const PlatformCertificate &o : std::as_const(m_certificates)) {
        const bool kept = std::any_of(next.cbegin(), next.cend(), [&](const auto &n) {
            return sameSerial(o.serialNo, n.serialNo);
        });
        if (!kept)
            diff.removed.append(o.serialNo);
    }
    m_certificates = next;
    return diff;
}

QList<PlatformCertificate> KeyStore::certificates() const
{
    QReadLocker lock(&m_lock);
    return m_certificates;
}

std::optional<PlatformCertificate> KeyStore::newestCertificate() const
{
    QReadLocker lock(&m_lock);
    const auto it = std::max_element(
        m_certificates.cbegin(), m_certificates.cend(),
        [](const auto &a, const auto &b) { return a.effectiveTime < b.effectiveTime; });
    if (it == m_certificates.cend())
        return std::nullopt;
    return *it;
}

std::optional<PublicKey> KeyStore::keyFor(QStringView serial, qint64 now) const
{
    QReadLocker lock(&m_lock);
    if (!m_publicKey.isNull() && serial.trimmed().compare(m_publicKeyId, Qt::CaseInsensitive) == 0)
        return m_publicKey;
    for (const PlatformCertificate &c : m_certificates) {
        if (sameSerial(c.serialNo, serial) && now >= c.effectiveTime - kClockTolerance
            && now <= c.expireTime)
            return c.certificate.publicKey();
    }
    return std::nullopt;
}

bool KeyStore::knows(QStringView serial) const
{
    QReadLocker lock(&m_lock);
    if (!m_publicKey.isNull() && serial.trimmed().compare(m_publicKeyId, Qt::CaseInsensitive) == 0)
        return true;
    return std::any_of(m_certificates.cbegin(), m_certificates.cend(),
                       [&](const auto &c) { return sameSerial(c.serialNo, serial); });
}

bool KeyStore::isEmpty() const
{
    QReadLocker lock(&m_lock);
    return m_publicKey.isNull() && m_certificates.isEmpty();
}

std::optional<KeyMode> KeyStore::mode() const
{
    QReadLocker lock(&m_lock);
    const bool pub = !m_publicKey.isNull();
    const bool certs = !m_certificates.isEmpty();
    if (pub && certs)
        return KeyMode::Both;
    if (pub)
        return KeyMode::PublicKey;
    if (certs)
        return KeyMode::Certificates;
    return std::nullopt;
}

QString KeyStore::advertisedSerial() const
{
    if (const QString id = publicKeyId(); !id.isEmpty())
        return id;
    const auto newest = newestCertificate();
    return newest ? newest->serialNo : QString();
}

std::optional<KeyStore::EncryptionKey> KeyStore::encryptionKey(qint64 now) const
{
    QReadLocker lock(&m_lock);
    if (!m_publicKey.isNull())
        return EncryptionKey{m_publicKeyId, m_publicKey};
    const PlatformCertificate *best = nullptr;
    for (const PlatformCertificate &c : m_certificates) {
        if (now < c.effectiveTime - kClockTolerance || now > c.expireTime)
            continue;
        if (!best || c.effectiveTime > best->effectiveTime)
            best = &c;
    }
    if (!best)
        return std::nullopt;
    return EncryptionKey{best->serialNo, best->certificate.publicKey()};
}

QList<KeyStore::ExpiryWarning> KeyStore::expiryWarnings(qint64 now, int withinDays) const
{
    QReadLocker lock(&m_lock);
    QList<ExpiryWarning> out;
    for (const PlatformCertificate &c : m_certificates) {
        const qint64 left = c.expireTime - now;
        if (left > qint64(withinDays) * cst::kDaySeconds)
            continue;
        const qint64 days = left >= 0 ? left / cst::kDaySeconds
                                      : -((-left + cst::kDaySeconds - 1) / cst::kDaySeconds);
        out.append({c.serialNo, c.expireTime, days});
    }
    std::sort(out.begin(), out.end(),
              [](const auto &a, const auto &b) { return a.expireTime < b.expireTime; });
    return out;
}

Status KeyStore::saveTo(const QString &dir) const
{
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::Io,
                         Tr::tr("Cannot create the certificate folder %1.").arg(dir));
    QJsonArray list;
    for (const PlatformCertificate &c : certificates()) {
        list.append(QJsonObject{
            {QStringLiteral("serial_no"), c.serialNo},
            {QStringLiteral("effective_time"), cst::formatRfc3339(c.effectiveTime)},
            {QStringLiteral("expire_time"), cst::formatRfc3339(c.expireTime)},
            {QStringLiteral("certificate"), QString::fromLatin1(c.certificate.toPem())},
        });
    }
    const QString path = QDir(dir).filePath(cacheFileName());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(
            ErrorCode::Io,
            Tr::tr("Cannot write the certificate cache %1: %2.").arg(path, f.errorString()));
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("certificates"), list}}).toJson());
    if (!f.commit())
        return makeError(
            ErrorCode::Io,
            Tr::tr("Cannot write the certificate cache %1: %2.").arg(path, f.errorString()));
    return {};
}

Result<int> KeyStore::loadFrom(const QString &dir, qint64 now)
{
    const QDir d(dir);
    if (!d.exists())
        return 0;
    QList<PlatformCertificate> found;
    const QString cachePath = d.filePath(cacheFileName());
    if (QFile::exists(cachePath)) {
        QFile f(cachePath);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, Tr::tr("Cannot read the certificate cache %1: %2.")
                                                .arg(cachePath, f.errorString()));
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
        if (doc.isNull() || !doc.isObject())
            return makeError(ErrorCode::InvalidInput,
                             Tr::tr("The certificate cache %1 is damaged; delete it and refresh.")
                                 .arg(cachePath),
                             pe.errorString());
        const QJsonArray list = doc.object().value(QStringLiteral("certificates")).toArray();
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            const auto cert = Certificate::fromPem(
                o.value(QStringLiteral("certificate")).toString().toLatin1(), cachePath);
            const auto eff
                = cst::parseRfc3339(o.value(QStringLiteral("effective_time")).toString());
            const auto exp = cst::parseRfc3339(o.value(QStringLiteral("expire_time")).toString());
            const QString serial = o.value(QStringLiteral("serial_no")).toString();
            if (!cert || !eff || !exp || serial.isEmpty())
                return makeError(
                    ErrorCode::InvalidInput,
                    Tr::tr("The certificate cache %1 is damaged; delete it and refresh.")
                        .arg(cachePath));
            found.append({serial, *cert, *eff, *exp});
        }
    }
    const QStringList loose
        = d.entryList({QStringLiteral("*.pem"), QStringLiteral("*.crt")}, QDir::Files, QDir::Name);
    for (const QString &name : loose) {
        QFile f(d.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, Tr::tr("Cannot read the certificate file %1: %2.")
                                                .arg(f.fileName(), f.errorString()));
        const QByteArray pem = f.readAll();
        // Other PEM files (a public key kept alongside) are not certificates: skip, don't fail.
        if (!pem.contains("-----BEGIN CERTIFICATE-----"))
            continue;
        const auto cert = Certificate::fromPem(pem, f.fileName());
        if (!cert)
            return cert.error();
        const QString serial = cert->serialHex();
        const bool dup = std::any_of(found.cbegin(), found.cend(),
                                     [&](const auto &c) { return sameSerial(c.serialNo, serial); });
        if (!dup)
            found.append({serial, *cert, cert->notBefore(), cert->notAfter()});
    }
    int added = 0;
    for (const PlatformCertificate &c : found) {
        if (c.expireTime < now)
            continue;
        addCertificate(c);
        ++added;
    }
    return added;
}

} // namespace wxr::core
