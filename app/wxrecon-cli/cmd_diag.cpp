// SPDX-License-Identifier: GPL-3.0-or-later
// Diagnostics of the WeChat Pay protocol: what exactly is signed for a request, and whether a
// saved callback verifies and decrypts (docs/protocol.md shows how to use both).
#include "commands.h"
#include "common/cstime.h"
#include "crypto/random.h"
#include "wechatpay/encryptedresource.h"
#include "wechatpay/httpheaders.h"
#include "wechatpay/merchantconfig.h"
#include "wechatpay/responseverifier.h"
#include "wechatpay/signer.h"
#include "wechatpay/signing.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace wxr::core;

namespace wxr::cli {

namespace {

Result<QByteArray> readFile(const QString &path, const QString &what)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         Tr::tr("Cannot read the %1 %2: %3.").arg(what, path, f.errorString()));
    return f.readAll();
}

Result<MerchantConfig> loadConfig(const QString &path)
{
    auto config = MerchantConfig::load(path);
    if (config) {
        for (const QString &w : config->warnings)
            err() << "wxrecon-cli: " << Tr::tr("warning:") << ' ' << w << '\n';
        err().flush();
    }
    return config;
}

bool isDigits(const QString &s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
}

// The signed text with every line break shown as a literal \n (and \r as \r), one line per
// line of the message, so that a missing or doubled line break is visible.
QString visible(const QByteArray &message)
{
    QString out;
    QList<QByteArray> lines = message.split('\n');
    if (message.endsWith('\n'))
        lines.removeLast();
    for (const QByteArray &line : std::as_const(lines)) {
        QString text = QString::fromUtf8(line);
        text.replace(QLatin1Char('\r'), QStringLiteral("\\r"));
        out += text + QStringLiteral("\\n\n");
    }
    return out;
}

int runSignRequest(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        Tr::tr("Shows the exact string that is signed for a request and the resulting "
               "Authorization header, to compare with what another client or WeChat Pay sees."));
    p.addOptions({
        {QStringLiteral("config"), Tr::tr("Merchant configuration (INI)."),
         QStringLiteral("M.ini")},
        {QStringLiteral("method"), Tr::tr("HTTP method: GET, POST, PUT, PATCH or DELETE."),
         QStringLiteral("M")},
        {QStringLiteral("url"),
         Tr::tr("Path and query exactly as sent (/v3/...?...), or a full URL."),
         QStringLiteral("PATH?QUERY")},
        {QStringLiteral("body-file"), Tr::tr("File holding the exact request body bytes."),
         QStringLiteral("F")},
        {QStringLiteral("timestamp"), Tr::tr("Unix seconds to sign with (default: now)."),
         QStringLiteral("T")},
        {QStringLiteral("nonce"), Tr::tr("Nonce to sign with (default: a fresh random one)."),
         QStringLiteral("N")},
    });
    if (auto exit = parse(p, QStringLiteral("sign-request"), args))
        return *exit;
    const auto configPath = required(p, QStringLiteral("config"), QStringLiteral("sign-request"));
    if (!configPath)
        return Usage;
    const auto method = required(p, QStringLiteral("method"), QStringLiteral("sign-request"));
    if (!method)
        return Usage;
    const auto url = required(p, QStringLiteral("url"), QStringLiteral("sign-request"));
    if (!url)
        return Usage;

    const QString verb = method->toUpper();
    static const QStringList kVerbs
        = {QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
           QStringLiteral("PATCH"), QStringLiteral("DELETE")};
    if (!kVerbs.contains(verb))
        return usageError(
            Tr::tr("--method “%1” is not one of GET, POST, PUT, PATCH, DELETE.").arg(*method));

    QByteArray canonical;
    if (url->startsWith(u'/')) {
        // Signed verbatim: the point is to see exactly what a given request line produces.
        canonical = url->toUtf8();
    } else if (url->startsWith(u"https://") || url->startsWith(u"http://")) {
        const QUrl parsed = QUrl::fromEncoded(url->toUtf8(), QUrl::StrictMode);
        if (!parsed.isValid())
            return usageError(Tr::tr("--url “%1” is not a valid URL.").arg(*url));
        canonical = signing::canonicalUrl(parsed);
    } else {
        return usageError(
            Tr::tr("--url must be a path starting with “/” or a full https:// URL, not “%1”.")
                .arg(*url));
    }

    qint64 timestamp = cst::now();
    if (p.isSet(QStringLiteral("timestamp"))) {
        const QString t = p.value(QStringLiteral("timestamp"));
        if (!isDigits(t) || t.size() > 12)
            return usageError(Tr::tr("--timestamp “%1” is not Unix seconds.").arg(t));
        timestamp = t.toLongLong();
    }
    const QByteArray nonce = p.isSet(QStringLiteral("nonce"))
                                 ? p.value(QStringLiteral("nonce")).toUtf8()
                                 : QByteArray();
    if (p.isSet(QStringLiteral("nonce")) && nonce.isEmpty())
        return usageError(Tr::tr("--nonce must not be empty."));

    QByteArray body;
    if (p.isSet(QStringLiteral("body-file"))) {
        const auto b = readFile(p.value(QStringLiteral("body-file")), Tr::tr("body file"));
        if (!b)
            return failure(b.error());
        body = *b;
        if (verb == u"GET" || verb == u"DELETE")
            err() << "wxrecon-cli: " << Tr::tr("warning:") << ' '
                  << Tr::tr("a %1 request normally has no body; its body line is then empty.")
                         .arg(verb)
                  << Qt::endl;
    }

    const auto config = loadConfig(*configPath);
    if (!config)
        return failure(config.error());
    const auto key = config->loadPrivateKey();
    if (!key)
        return failure(key.error());
    const Signer signer(*key, config->mchid.toUtf8(), config->serialNo.toUtf8());
    const auto s = nonce.isEmpty() ? signer.sign(verb.toUtf8(), canonical, body, timestamp,
                                                 random::nonceString())
                                   : signer.sign(verb.toUtf8(), canonical, body, timestamp, nonce);
    if (!s)
        return failure(s.error());

    out() << Tr::tr("String to sign (%1 bytes; each line ends in \\n, including the last):")
                 .arg(s->message.size())
          << '\n'
          << visible(s->message) << '\n'
          << Tr::tr("Signature (Base64):") << '\n'
          << QString::fromLatin1(s->signatureBase64) << "\n\n"
          << "Authorization: " << QString::fromLatin1(s->authorization) << Qt::endl;
    return Success;
}

int runVerifyNotify(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(Tr::tr(
        "Verifies a saved WeChat Pay callback (headers and raw body) like the receiver does, "
        "then prints the decrypted resource JSON. Exit status 1 names the exact failure."));
    p.addOptions({
        {QStringLiteral("config"), Tr::tr("Merchant configuration (INI)."),
         QStringLiteral("M.ini")},
        {QStringLiteral("headers"), Tr::tr("File of “Name: value” header lines."),
         QStringLiteral("headers.txt")},
        {QStringLiteral("body"), Tr::tr("The raw callback body, byte for byte."),
         QStringLiteral("body.json")},
        {QStringLiteral("now"),
         Tr::tr("Check the timestamp against these Unix seconds instead of the clock (to re-check "
                "an old callback)."),
         QStringLiteral("T")},
    });
    if (auto exit = parse(p, QStringLiteral("verify-notify"), args))
        return *exit;
    const auto configPath = required(p, QStringLiteral("config"), QStringLiteral("verify-notify"));
    if (!configPath)
        return Usage;
    const auto headersPath
        = required(p, QStringLiteral("headers"), QStringLiteral("verify-notify"));
    if (!headersPath)
        return Usage;
    const auto bodyPath = required(p, QStringLiteral("body"), QStringLiteral("verify-notify"));
    if (!bodyPath)
        return Usage;
    qint64 now = cst::now();
    if (p.isSet(QStringLiteral("now"))) {
        const QString t = p.value(QStringLiteral("now"));
        if (!isDigits(t) || t.size() > 12)
            return usageError(Tr::tr("--now “%1” is not Unix seconds.").arg(t));
        now = t.toLongLong();
    }

    const auto config = loadConfig(*configPath);
    if (!config)
        return failure(config.error());
    if (const auto k = config->requireApiV3Key(); !k)
        return failure(k.error());
    const auto keys = config->makeKeyStore(now);
    if (!keys)
        return failure(keys.error());
    const auto headerText = readFile(*headersPath, Tr::tr("headers file"));
    if (!headerText)
        return failure(headerText.error());
    const auto headers = HttpHeaders::parseLines(*headerText, *headersPath);
    if (!headers)
        return failure(headers.error());
    const auto body = readFile(*bodyPath, Tr::tr("body file"));
    if (!body)
        return failure(body.error());

    const VerifyResult v = verify(**keys, *headers, *body, now);
    if (!v.ok()) {
        QString hint;
        if (v.failure == VerifyFailure::UnknownSerial && v.serial.startsWith("PUB_KEY_ID_"))
            hint = Tr::tr(
                       "The callback is signed with a WeChat Pay public key: set public_key_id and "
                       "public_key_file in %1 to that key.")
                       .arg(*configPath);
        else if (v.failure == VerifyFailure::UnknownSerial && config->usesPlatformCertificates())
            hint = Tr::tr("Run “wxrecon-cli certs refresh --config %1” and try again.")
                       .arg(*configPath);
        if (v.failure == VerifyFailure::BadSignature && body->endsWith('\n')
            && verify(**keys, *headers, QByteArrayView(*body).chopped(1), now).ok())
            hint = Tr::tr("The body file ends with a line break that was not part of the callback "
                          "(an editor added it); save the body exactly as received.");
        if (v.failure == VerifyFailure::StaleTimestamp && !p.isSet(QStringLiteral("now")))
            hint = Tr::tr("For a callback saved earlier, pass the time it arrived with --now.");
        err() << "wxrecon-cli: "
              << Tr::tr("The callback does not verify (%1): %2")
                     .arg(verifyFailureName(v.failure), v.message)
              << '\n';
        if (!hint.isEmpty())
            err() << hint << '\n';
        err().flush();
        return Failure;
    }

    const QJsonDocument doc = QJsonDocument::fromJson(*body);
    const QJsonObject resourceJson = doc.object().value(QStringLiteral("resource")).toObject();
    if (!doc.isObject() || resourceJson.isEmpty())
        return failure(makeError(ErrorCode::InvalidInput,
                                 Tr::tr("%1 verifies but is not a callback envelope with a "
                                        "“resource” object.")
                                     .arg(*bodyPath)));
    const auto resource = EncryptedResource::fromJson(resourceJson, QStringLiteral("resource"));
    if (!resource)
        return failure(resource.error());
    const auto plain = resource->decrypt(config->apiV3Key);
    if (!plain)
        return failure(plain.error().prefixed(*bodyPath));
    out() << QString::fromUtf8(*plain);
    if (!plain->endsWith('\n'))
        out() << '\n';
    out().flush();
    return Success;
}

const CommandRegistration verifyNotifyRegistration{
    QStringLiteral("verify-notify"),
    QT_TRANSLATE_NOOP("wxrecon_cli", "Verify and decrypt a saved WeChat Pay callback"), 100,
    &runVerifyNotify};
const CommandRegistration signRequestRegistration{
    QStringLiteral("sign-request"),
    QT_TRANSLATE_NOOP("wxrecon_cli", "Show the exact string to sign and the Authorization header"),
    110, &runSignRequest};

} // namespace

} // namespace wxr::cli
