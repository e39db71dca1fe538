// SPDX-License-Identifier: GPL-3.0-or-later
#include "simkeys.h"

#include "common/coretr.h"
#include "common/cstime.h"
#include "crypto/random.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace wxr::sim {

namespace {

constexpr qint64 kYear = 365 * cst::kDaySeconds;

Status writeFile(const QString &path, const QByteArray &data, bool secret)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io,
                         Tr::tr("Cannot create “%1”: %2.").arg(path, f.errorString()));
    if (secret)
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(data);
    if (!f.commit())
        return makeError(ErrorCode::Io,
                         Tr::tr("Cannot write “%1”: %2.").arg(path, f.errorString()));
    return {};
}

Result<QByteArray> readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, Tr::tr("Cannot read “%1”: %2.").arg(path, f.errorString()));
    return f.readAll();
}

// 40 upper-case hex digits, first byte below 0x80 so the ASN.1 INTEGER stays positive.
QByteArray randomSerial()
{
    QByteArray bytes = core::random::bytes(20);
    bytes[0] = static_cast<char>((static_cast<quint8>(bytes[0]) & 0x7F) | 0x10);
    return bytes.toHex().toUpper();
}

Result<PlatformKey> makePlatform(qint64 notBefore, qint64 notAfter)
{
    auto key = core::PrivateKey::generateRsa(2048);
    if (!key)
        return key.error();
    const QByteArray serial = randomSerial();
    auto cert = core::Certificate::makeSelfSigned(*key, serial, notBefore, notAfter,
                                                  QStringLiteral("Tenpay.com Root CA (stand-in)"));
    if (!cert)
        return cert.error();
    return PlatformKey{*key, *cert, serial};
}

} // namespace

QString SimKeys::merchantIniPath() const
{
    return QDir(m_dir).filePath(QStringLiteral("merchant.ini"));
}

Result<SimKeys> SimKeys::openOrCreate(const QString &dir, const QByteArray &mchid)
{
    const QDir d(dir);
    if (!QDir().mkpath(d.filePath(QStringLiteral("sim")))
        || !QDir().mkpath(d.filePath(QStringLiteral("certs"))))
        return makeError(ErrorCode::Io, Tr::tr("Cannot create the state directory “%1”.").arg(dir));
    SimKeys k;
    k.m_dir = d.absolutePath();
    k.m_mchid = mchid;
    const QString statePath = d.filePath(QStringLiteral("sim/state.json"));
    const QString merchantKeyPath = d.filePath(QStringLiteral("apiclient_key.pem"));
    const QString apiv3Path = d.filePath(QStringLiteral("apiv3.key"));
    const QString pubKeyPath = d.filePath(QStringLiteral("sim/pub_key_private.pem"));

    if (QFile::exists(statePath)) {
        const auto state = readFile(statePath);
        if (!state)
            return state.error();
        const QJsonObject o = QJsonDocument::fromJson(*state).object();
        k.m_merchantSerial = o.value(QStringLiteral("merchant_serial")).toString().toLatin1();
        k.m_publicKeyId = o.value(QStringLiteral("public_key_id")).toString().toLatin1();
        auto mk = core::PrivateKey::loadFile(merchantKeyPath);
        if (!mk)
            return mk.error();
        k.m_merchantKey = *mk;
        auto apiv3 = readFile(apiv3Path);
        if (!apiv3)
            return apiv3.error();
        k.m_apiv3Key = apiv3->trimmed();
        auto pk = core::PrivateKey::loadFile(pubKeyPath);
        if (!pk)
            return pk.error();
        k.m_publicKeyPrivate = *pk;
        const QJsonArray platform = o.value(QStringLiteral("platform")).toArray();
        for (const auto &v : platform) {
            // {"serial": …, "expire": …}; early state files held the serial alone.
            const QString serial = v.isObject()
                                       ? v.toObject().value(QStringLiteral("serial")).toString()
                                       : v.toString();
            const qint64 expire = v.toObject().value(QStringLiteral("expire")).toInteger();
            const QString base = d.filePath(QStringLiteral("sim/platform_") + serial);
            auto key = core::PrivateKey::loadFile(base + QStringLiteral("_key.pem"));
            if (!key)
                return key.error();
            auto cert = core::Certificate::loadFile(base + QStringLiteral("_cert.pem"));
            if (!cert)
                return cert.error();
            k.m_platform.append({*key, *cert, serial.toLatin1(), expire});
        }
        if (k.m_merchantSerial.isEmpty() || k.m_publicKeyId.isEmpty() || k.m_platform.isEmpty()
            || k.m_apiv3Key.size() != 32)
            return makeError(
                ErrorCode::Config,
                Tr::tr("The state directory “%1” is incomplete; remove it to start afresh.")
                    .arg(dir));
        k.m_merchantPublic = k.m_merchantKey.publicKey();
        return k;
    }

    const qint64 now = cst::now();
    auto mk = core::PrivateKey::generateRsa(2048);
    if (!mk)
        return mk.error();
    k.m_merchantKey = *mk;
    k.m_merchantPublic = mk->publicKey();
    k.m_merchantSerial = randomSerial();
    auto merchantCert = core::Certificate::makeSelfSigned(
        *mk, k.m_merchantSerial, now - cst::kDaySeconds, now + 5 * kYear,
        QString::fromLatin1(mchid) + QStringLiteral(" merchant API certificate (stand-in)"));
    if (!merchantCert)
        return merchantCert.error();
    k.m_apiv3Key = core::random::nonceString(32);
    auto pk = core::PrivateKey::generateRsa(2048);
    if (!pk)
        return pk.error();
    k.m_publicKeyPrivate = *pk;
    // The real ids look like PUB_KEY_ID_ followed by 28 digits that start with the merchant id.
    QByteArray digits;
    for (const char c : core::random::bytes(16))
        digits += static_cast<char>('0' + static_cast<quint8>(c) % 10);
    k.m_publicKeyId = "PUB_KEY_ID_01" + mchid.right(10).rightJustified(10, '0') + digits;
    // Two overlapping platform certificates: an older one and the newest, as mid-rotation.
    for (const auto &[from, to] : {std::pair{now - 2 * kYear, now + 3 * kYear},
                                   std::pair{now - cst::kDaySeconds, now + 5 * kYear}}) {
        auto p = makePlatform(from, to);
        if (!p)
            return p.error();
        k.m_platform.append(*p);
    }

    const std::initializer_list<std::tuple<QString, QByteArray, bool>> files = {
        {merchantKeyPath, k.m_merchantKey.toPkcs8Pem(), true},
        {d.filePath(QStringLiteral("apiclient_cert.pem")), merchantCert->toPem(), false},
        {apiv3Path, k.m_apiv3Key, true},
        {pubKeyPath, k.m_publicKeyPrivate.toPkcs8Pem(), true},
        {d.filePath(QStringLiteral("pub_key.pem")), k.m_publicKeyPrivate.publicKeyPem(), false},
    };
    for (const auto &[path, data, secret] : files) {
        if (Status s = writeFile(path, data, secret); !s)
            return s.error();
    }
    if (Status s = k.save(); !s)
        return s.error();
    return k;
}

Status SimKeys::rotatePlatform(qint64 now, qint64 aheadSeconds)
{
    const qint64 effective = now + std::max<qint64>(0, aheadSeconds);
    auto p = makePlatform(effective, effective + 5 * kYear);
    if (!p)
        return p.error();
    PlatformKey &outgoing = m_platform.last();
    outgoing.announcedExpire = std::min(outgoing.expireTime(), effective + cst::kDaySeconds);
    m_platform.append(*p);
    return save();
}

const PlatformKey &SimKeys::signingPlatform(qint64 now, bool older) const
{
    // m_platform is in order of effective time (each rotation appends a later one).
    qsizetype current = 0;
    for (qsizetype i = 0; i < m_platform.size(); ++i) {
        if (m_platform[i].certificate.notBefore() <= now)
            current = i;
    }
    return m_platform[older && current > 0 ? current - 1 : current];
}

Status SimKeys::save() const
{
    const QDir d(m_dir);
    QJsonArray serials;
    for (const PlatformKey &p : m_platform) {
        const QString base
            = d.filePath(QStringLiteral("sim/platform_") + QString::fromLatin1(p.serial));
        if (!QFile::exists(base + QStringLiteral("_key.pem"))) {
            if (Status s = writeFile(base + QStringLiteral("_key.pem"), p.key.toPkcs8Pem(), true);
                !s)
                return s;
            if (Status s
                = writeFile(base + QStringLiteral("_cert.pem"), p.certificate.toPem(), false);
                !s)
                return s;
        }
        serials.append(QJsonObject{{QStringLiteral("serial"), QString::fromLatin1(p.serial)},
                                   {QStringLiteral("expire"), p.announcedExpire}});
    }
    const QJsonObject state{
        {QStringLiteral("merchant_serial"), QString::fromLatin1(m_merchantSerial)},
        {QStringLiteral("public_key_id"), QString::fromLatin1(m_publicKeyId)},
        {QStringLiteral("platform"), serials}};
    return writeFile(d.filePath(QStringLiteral("sim/state.json")),
                     QJsonDocument(state).toJson(QJsonDocument::Indented), false);
}

Status SimKeys::writeMerchantIni(const QString &apiBase, KeyMode mode) const
{
    QByteArray ini = "; Written by wxrecon-sim serve for the local WeChat Pay stand-in.\n"
                     "; Paths are relative to this file.\n"
                     "[merchant]\n"
                     "mchid="
                     + m_mchid
                     + "\n"
                       "serial_no="
                     + m_merchantSerial
                     + "\n"
                       "private_key_file=apiclient_key.pem\n"
                       "apiv3_key_file=apiv3.key\n"
                       "[wechatpay]\n"
                       "api_base="
                     + apiBase.toUtf8()
                     + "\n"
                       "platform_cert_dir=certs\n";
    ini += "key_mode=" + keyModeName(mode).toLatin1() + "\n";
    if (mode != KeyMode::Certificates)
        ini += "public_key_id=" + m_publicKeyId + "\npublic_key_file=pub_key.pem\n";
    return writeFile(merchantIniPath(), ini, false);
}

} // namespace wxr::sim
