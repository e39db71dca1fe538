// SPDX-License-Identifier: GPL-3.0-or-later
#include "wechatpay/merchantconfig.h"

#include "common/coretr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QHostAddress>

#include <algorithm>

namespace wxr::core {

namespace {

// section -> key -> value; keys as written (lower-case expected), values trimmed.
using Ini = QHash<QString, QHash<QString, QString>>;

struct Loader
{
    QString iniPath;
    QDir iniDir;
    QStringList problems;
    QStringList warnings;

    QString field(const QString &section, const QString &key) const
    {
        return QStringLiteral("[%1] %2").arg(section, key);
    }
};

// A small INI reader instead of QSettings: QSettings turns "a,b" into a list, keeps inline
// comments in values and changes key case — all surprising for a hand-written merchant file.
Result<Ini> readIni(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::Config,
            Tr::tr("Cannot read the merchant configuration %1: %2.").arg(path, f.errorString()));
    QByteArray data = f.readAll();
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    Ini ini;
    QString section;
    const QList<QByteArray> lines = data.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty() || line.startsWith(u';') || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']'))
                return makeError(
                    ErrorCode::Config,
                    Tr::tr("Line %1 of %2 is not a valid section header.").arg(i + 1).arg(path));
            section = line.mid(1, line.size() - 2).trimmed().toLower();
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0)
            return makeError(
                ErrorCode::Config,
                Tr::tr("Line %1 of %2 is not a “key=value” line.").arg(i + 1).arg(path));
        const QString key = line.left(eq).trimmed().toLower();
        QString value = line.mid(eq + 1).trimmed();
        // An inline comment starts at ";" or "#" preceded by a blank.
        for (qsizetype p = 1; p < value.size(); ++p) {
            if ((value[p] == u';' || value[p] == u'#') && value[p - 1].isSpace()) {
                value = value.left(p).trimmed();
                break;
            }
        }
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2);
        ini[section][key] = value;
    }
    return ini;
}

bool isHex(const QString &s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'F') || (c >= u'a' && c <= u'f');
    });
}

bool isDigits(const QString &s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
}

// Checks an APIv3 key without ever putting its bytes into a message.
std::optional<QString> apiV3KeyProblem(const QByteArray &key, const QString &origin)
{
    if (key.size() != 32)
        return Tr::tr("The APIv3 key from %1 is %2 bytes long; it must be exactly 32 characters.")
            .arg(origin)
            .arg(key.size());
    const bool printable
        = std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7f; });
    if (!printable)
        return Tr::tr("The APIv3 key from %1 contains characters other than ASCII letters, "
                      "digits and punctuation.")
            .arg(origin);
    return std::nullopt;
}

void warnIfShared(const QString &path, const QString &what, QStringList &warnings)
{
    const QFileInfo info(path);
    if (info.exists() && (info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)))
        warnings << Tr::tr("The %1 %2 is readable by other users; restrict it to its owner "
                           "(chmod 600).")
                        .arg(what, path);
}

} // namespace

bool isLoopbackHttp(const QUrl &url)
{
    if (url.scheme() != u"http")
        return false;
    const QString host = url.host();
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress addr(host);
    return !addr.isNull() && addr.isLoopback();
}

Result<MerchantConfig> MerchantConfig::load(const QString &iniPath, const QProcessEnvironment &env)
{
    const auto ini = readIni(iniPath);
    if (!ini)
        return ini.error();
    const QFileInfo iniInfo(iniPath);
    const QDir iniDir = iniInfo.absoluteDir();
    MerchantConfig c;
    c.sourcePath = iniInfo.absoluteFilePath();
    QStringList problems;

    static const QHash<QString, QStringList> kKnown = {
        {QStringLiteral("merchant"),
         {QStringLiteral("mchid"), QStringLiteral("serial_no"), QStringLiteral("private_key_file"),
          QStringLiteral("apiv3_key_file"), QStringLiteral("apiv3_key")}},
        {QStringLiteral("wechatpay"),
         {QStringLiteral("api_base"), QStringLiteral("platform_cert_dir"),
          QStringLiteral("public_key_id"), QStringLiteral("public_key_file"),
          QStringLiteral("key_mode")}},
        {QStringLiteral("client"),
         {QStringLiteral("timeout_seconds"), QStringLiteral("max_retries"),
          QStringLiteral("backoff_base_ms"), QStringLiteral("backoff_cap_ms"),
          QStringLiteral("query_rate"), QStringLiteral("bill_rate"), QStringLiteral("burst"),
          QStringLiteral("cert_refresh_hours")}},
    };
    // Only the sections read here are checked: other modules keep their own sections in the
    // same file (e.g. [requery] of the re-query scheduler).
    for (auto s = ini->cbegin(); s != ini->cend(); ++s) {
        if (!kKnown.contains(s.key()))
            continue;
        for (auto k = s.value().cbegin(); k != s.value().cend(); ++k) {
            if (!kKnown.value(s.key()).contains(k.key()))
                c.warnings << Tr::tr("The setting [%1] %2 in %3 is not known and is ignored.")
                                  .arg(s.key(), k.key(), c.sourcePath);
        }
    }

    // Value from the environment (wins) or the INI; `fromEnv` tells which, for path resolution
    // and for naming the origin in messages.
    struct Value
    {
        QString text;
        bool fromEnv = false;
        QString origin;
    };
    const auto get = [&](const char *section, const char *key, const char *envName) {
        const QString e = env.value(QLatin1String(envName));
        if (!e.isEmpty())
            return Value{e.trimmed(), true, QLatin1String(envName)};
        return Value{ini->value(QLatin1String(section)).value(QLatin1String(key)), false,
                     QStringLiteral("[%1] %2").arg(QLatin1String(section), QLatin1String(key))};
    };
    const auto path = [&](const Value &v) {
        if (v.text.isEmpty())
            return QString();
        return QDir::cleanPath(v.fromEnv ? QDir::current().absoluteFilePath(v.text)
                                         : iniDir.absoluteFilePath(v.text));
    };

    const Value mchid = get("merchant", "mchid", "WXRECON_MCHID");
    c.mchid = mchid.text;
    if (c.mchid.isEmpty())
        problems
            << Tr::tr("The merchant id ([merchant] mchid) is missing in %1.").arg(c.sourcePath);
    else if (!isDigits(c.mchid))
        problems << Tr::tr("The merchant id “%1” from %2 must be digits only.")
                        .arg(c.mchid, mchid.origin);

    const Value serial = get("merchant", "serial_no", "WXRECON_SERIAL_NO");
    c.serialNo = serial.text.toUpper();
    if (c.serialNo.isEmpty())
        problems << Tr::tr(
                        "The merchant certificate serial ([merchant] serial_no) is missing in %1.")
                        .arg(c.sourcePath);
    else if (!isHex(c.serialNo))
        problems << Tr::tr("The merchant certificate serial from %1 must be hexadecimal.")
                        .arg(serial.origin);

    const Value keyFile = get("merchant", "private_key_file", "WXRECON_PRIVATE_KEY_FILE");
    c.privateKeyFile = path(keyFile);
    if (c.privateKeyFile.isEmpty())
        problems << Tr::tr("The merchant private key file ([merchant] private_key_file) is missing "
                           "in %1.")
                        .arg(c.sourcePath);
    else if (!QFileInfo(c.privateKeyFile).isFile())
        problems << Tr::tr("The merchant private key file %1 (from %2) does not exist.")
                        .arg(c.privateKeyFile, keyFile.origin);
    else
        warnIfShared(c.privateKeyFile, Tr::tr("private key file"), c.warnings);

    // APIv3 key: inline value or file; the environment's inline key beats everything.
    const Value inlineKey = get("merchant", "apiv3_key", "WXRECON_APIV3_KEY");
    const Value apiKeyFile = get("merchant", "apiv3_key_file", "WXRECON_APIV3_KEY_FILE");
    const bool useFile
        = !apiKeyFile.text.isEmpty()
          && (inlineKey.text.isEmpty() || (apiKeyFile.fromEnv && !inlineKey.fromEnv));
    if (useFile) {
        c.apiV3KeyFile = path(apiKeyFile);
        QFile f(c.apiV3KeyFile);
        if (!f.open(QIODevice::ReadOnly)) {
            problems << Tr::tr("Cannot read the APIv3 key file %1 (from %2): %3.")
                            .arg(c.apiV3KeyFile, apiKeyFile.origin, f.errorString());
        } else {
            // Editors add a final line break; it is not part of the key.
            const QByteArray key = f.read(4096).trimmed();
            if (const auto p = apiV3KeyProblem(key, c.apiV3KeyFile))
                problems << *p;
            else
                c.apiV3Key = key;
            warnIfShared(c.apiV3KeyFile, Tr::tr("APIv3 key file"), c.warnings);
        }
    } else if (!inlineKey.text.isEmpty()) {
        const QByteArray key = inlineKey.text.toUtf8();
        if (const auto p = apiV3KeyProblem(key, inlineKey.origin))
            problems << *p;
        else
            c.apiV3Key = key;
    }

    const Value base = get("wechatpay", "api_base", "WXRECON_API_BASE");
    if (!base.text.isEmpty()) {
        const QUrl url(base.text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || url.hasQuery())
            problems << Tr::tr("The API address “%1” from %2 is not a valid base URL.")
                            .arg(base.text, base.origin);
        else
            c.apiBase = url;
    }
    if (c.apiBase.scheme() == u"http") {
        if (!isLoopbackHttp(c.apiBase))
            c.warnings << Tr::tr("The API address %1 uses plain HTTP; only a local stand-in should "
                                 "be reached without HTTPS.")
                              .arg(c.apiBase.toString());
    } else if (c.apiBase.scheme() != u"https") {
        problems
            << Tr::tr("The API address %1 must start with https://.").arg(c.apiBase.toString());
    }

    c.platformCertDir = path(get("wechatpay", "platform_cert_dir", "WXRECON_PLATFORM_CERT_DIR"));

    const Value pubId = get("wechatpay", "public_key_id", "WXRECON_PUBLIC_KEY_ID");
    const Value pubFile = get("wechatpay", "public_key_file", "WXRECON_PUBLIC_KEY_FILE");
    c.publicKeyId = pubId.text;
    c.publicKeyFile = path(pubFile);
    if (!c.publicKeyId.isEmpty() && c.publicKeyFile.isEmpty())
        problems << Tr::tr("A public key id is set but no public key file ([wechatpay] "
                           "public_key_file) in %1.")
                        .arg(c.sourcePath);
    if (c.publicKeyId.isEmpty() && !c.publicKeyFile.isEmpty())
        problems << Tr::tr("A public key file is set but no public key id ([wechatpay] "
                           "public_key_id) in %1.")
                        .arg(c.sourcePath);
    if (!c.publicKeyFile.isEmpty() && !QFileInfo(c.publicKeyFile).isFile())
        problems << Tr::tr("The WeChat Pay public key file %1 (from %2) does not exist.")
                        .arg(c.publicKeyFile, pubFile.origin);
    if (!c.publicKeyId.isEmpty() && !c.publicKeyId.startsWith(u"PUB_KEY_ID_"))
        c.warnings << Tr::tr(
                          "The public key id “%1” does not start with PUB_KEY_ID_; check that it "
                          "is the id shown next to the key on the merchant platform.")
                          .arg(c.publicKeyId);

    const bool hasPublicKey = !c.publicKeyId.isEmpty() && !c.publicKeyFile.isEmpty();
    const Value mode = get("wechatpay", "key_mode", "WXRECON_KEY_MODE");
    if (mode.text.isEmpty()) {
        // With a public key configured, still accept platform certificates: during a migration
        // WeChat Pay signs with either, and "no certificates" is not fatal then.
        c.keyMode = hasPublicKey ? KeyMode::Both : KeyMode::Certificates;
    } else if (const auto m = parseKeyMode(mode.text)) {
        c.keyMode = *m;
        if (*m != KeyMode::Certificates && !hasPublicKey)
            problems << Tr::tr("The key mode “%1” from %2 needs public_key_id and public_key_file.")
                            .arg(mode.text, mode.origin);
    } else {
        problems << Tr::tr("The key mode “%1” from %2 is not one of cert, pubkey, both.")
                        .arg(mode.text, mode.origin);
    }

    // [client] tuning: each value optional, checked against a sane range.
    const QHash<QString, QString> client = ini->value(QStringLiteral("client"));
    const auto number = [&](const char *key, double lo, double hi, auto apply) {
        const QString text = client.value(QLatin1String(key));
        if (text.isEmpty())
            return;
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (!ok || v < lo || v > hi)
            problems << Tr::tr(
                            "The setting [client] %1 = “%2” in %3 must be a number from %4 to %5.")
                            .arg(QLatin1String(key), text, c.sourcePath)
                            .arg(lo)
                            .arg(hi);
        else
            apply(v);
    };
    number("timeout_seconds", 1, 600, [&](double v) { c.client.timeoutMs = int(v * 1000); });
    number("max_retries", 0, 10, [&](double v) { c.client.maxRetries = int(v); });
    number("backoff_base_ms", 1, 60000, [&](double v) { c.client.backoffBaseMs = int(v); });
    number("backoff_cap_ms", 1, 600000, [&](double v) { c.client.backoffCapMs = int(v); });
    number("query_rate", 0.01, 1000, [&](double v) { c.client.queryRatePerSecond = v; });
    number("bill_rate", 0.01, 100, [&](double v) { c.client.billRatePerSecond = v; });
    number("burst", 1, 100, [&](double v) { c.client.burst = int(v); });
    number("cert_refresh_hours", 0, 48,
           [&](double v) { c.client.certRefreshSeconds = int(v * 3600); });

    if (!problems.isEmpty())
        return makeError(ErrorCode::Config, problems.join(QLatin1Char('\n')));
    return c;
}

MerchantConfig MerchantConfig::fromProfile(const MerchantProfile &profile,
                                           const QByteArray &apiV3Key)
{
    MerchantConfig c;
    c.mchid = profile.mchid;
    c.serialNo = profile.serialNo.toUpper();
    c.privateKeyFile = profile.privateKeyFile;
    c.apiV3Key = apiV3Key;
    c.apiV3KeyFile = profile.apiv3KeyFile;
    c.apiBase = profile.apiBase;
    c.platformCertDir = profile.platformCertDir;
    c.publicKeyId = profile.publicKeyId;
    c.publicKeyFile = profile.publicKeyFile;
    c.keyMode = profile.keyMode;
    return c;
}

MerchantProfile MerchantConfig::toProfile(const QString &name) const
{
    MerchantProfile p;
    p.name = name;
    p.mchid = mchid;
    p.serialNo = serialNo;
    p.privateKeyFile = privateKeyFile;
    p.apiv3KeyFile = apiV3KeyFile;
    p.apiBase = apiBase;
    p.platformCertDir = platformCertDir;
    p.publicKeyId = publicKeyId;
    p.publicKeyFile = publicKeyFile;
    p.keyMode = keyMode;
    return p;
}

Status MerchantConfig::requireApiV3Key() const
{
    if (apiV3Key.isEmpty())
        return makeError(
            ErrorCode::Config,
            Tr::tr("No APIv3 key is configured (apiv3_key_file or apiv3_key in %1, or "
                   "WXRECON_APIV3_KEY_FILE).")
                .arg(sourcePath.isEmpty() ? Tr::tr("the merchant settings") : sourcePath));
    if (const auto p
        = apiV3KeyProblem(apiV3Key, apiV3KeyFile.isEmpty() ? Tr::tr("the settings") : apiV3KeyFile))
        return makeError(ErrorCode::Config, *p);
    return {};
}

Result<PrivateKey> MerchantConfig::loadPrivateKey() const
{
    if (privateKeyFile.isEmpty())
        return makeError(ErrorCode::Config, Tr::tr("No merchant private key file is configured."));
    return PrivateKey::loadFile(privateKeyFile);
}

Result<std::shared_ptr<KeyStore>> MerchantConfig::makeKeyStore(qint64 now) const
{
    auto store = std::make_shared<KeyStore>();
    if (usesPublicKey()) {
        const auto key = PublicKey::loadFile(publicKeyFile);
        if (!key)
            return key.error();
        store->setPublicKey(publicKeyId, *key);
    }
    if (usesPlatformCertificates() && !platformCertDir.isEmpty()) {
        const auto loaded = store->loadFrom(platformCertDir, now);
        if (!loaded)
            return loaded.error();
    }
    return store;
}

} // namespace wxr::core
