// SPDX-License-Identifier: GPL-3.0-or-later
// `wxrecon-cli certs refresh|list`: the keys that verify WeChat Pay's signatures.
#include "commands.h"
#include "common/cstime.h"
#include "wechatpay/apiclient.h"
#include "wechatpay/merchantconfig.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFutureWatcher>

using namespace wxr::core;

namespace wxr::cli {

namespace {

QString modeWord(std::optional<KeyMode> mode)
{
    if (!mode)
        return Tr::tr("no keys");
    switch (*mode) {
    case KeyMode::Certificates:
        return Tr::tr("platform certificates");
    case KeyMode::PublicKey:
        return Tr::tr("WeChat Pay public key");
    case KeyMode::Both:
        return Tr::tr("public key and platform certificates");
    }
    return {};
}

void printKeys(const KeyStore &keys, qint64 now)
{
    out() << Tr::tr("Key mode: %1").arg(modeWord(keys.mode())) << '\n';
    if (const QString id = keys.publicKeyId(); !id.isEmpty())
        out() << Tr::tr("Public key: %1").arg(id) << '\n';
    const QList<PlatformCertificate> certs = keys.certificates();
    if (certs.isEmpty()) {
        out() << Tr::tr("Platform certificates: none") << Qt::endl;
        return;
    }
    const auto newest = keys.newestCertificate();
    out() << Tr::tr("Platform certificates:") << '\n';
    for (const PlatformCertificate &c : certs) {
        const qint64 left = c.expireTime - now;
        const qint64 days = left >= 0 ? left / cst::kDaySeconds
                                      : -((-left + cst::kDaySeconds - 1) / cst::kDaySeconds);
        QString note;
        if (left < 0)
            note = Tr::tr("expired");
        else if (days <= 30)
            note = Tr::tr("expires soon");
        if (newest && KeyStore::sameSerial(newest->serialNo, c.serialNo))
            note = note.isEmpty() ? Tr::tr("newest")
                                  : note + QStringLiteral(", ") + Tr::tr("newest");
        out() << "  " << c.serialNo << '\n'
              << "    "
              << Tr::tr("valid from %1 to %2, %3 days left")
                     .arg(cst::formatRfc3339(c.effectiveTime), cst::formatRfc3339(c.expireTime))
                     .arg(days);
        if (!note.isEmpty())
            out() << " (" << note << ')';
        out() << '\n';
    }
    out().flush();
    for (const KeyStore::ExpiryWarning &w : keys.expiryWarnings(now))
        err() << "wxrecon-cli: " << Tr::tr("warning:") << ' '
              << (w.daysLeft < 0 ? Tr::tr("the platform certificate %1 has expired.").arg(w.serial)
                                 : Tr::tr("the platform certificate %1 expires in %2 days.")
                                       .arg(w.serial)
                                       .arg(w.daysLeft))
              << '\n';
    err().flush();
}

int runCerts(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        Tr::tr("“certs list” shows the keys that verify WeChat Pay's signatures; “certs refresh” "
               "downloads the platform certificates and stores them in platform_cert_dir."));
    p.addPositionalArgument(QStringLiteral("action"), Tr::tr("refresh or list"));
    p.addOption({QStringLiteral("config"), Tr::tr("Merchant configuration (INI)."),
                 QStringLiteral("M.ini")});
    if (auto exit = parse(p, QStringLiteral("certs"), args))
        return *exit;
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1 || (pos[0] != u"refresh" && pos[0] != u"list"))
        return usageError(Tr::tr("“wxrecon-cli certs” needs one action: refresh or list."));
    const auto configPath = required(p, QStringLiteral("config"), QStringLiteral("certs"));
    if (!configPath)
        return Usage;
    const auto config = MerchantConfig::load(*configPath);
    if (!config)
        return failure(config.error());
    for (const QString &w : config->warnings)
        err() << "wxrecon-cli: " << Tr::tr("warning:") << ' ' << w << '\n';
    err().flush();

    const qint64 now = cst::now();
    if (pos[0] == u"list") {
        const auto keys = config->makeKeyStore(now);
        if (!keys)
            return failure(keys.error());
        printKeys(**keys, now);
        return Success;
    }

    if (!config->usesPlatformCertificates()) {
        out() << Tr::tr("Public-key mode: there are no platform certificates to refresh.")
              << Qt::endl;
        return Success;
    }
    if (config->platformCertDir.isEmpty())
        err() << "wxrecon-cli: " << Tr::tr("warning:") << ' '
              << Tr::tr("platform_cert_dir is not set, so the certificates are shown but not kept.")
              << Qt::endl;
    auto client = ApiClient::create(*config);
    if (!client)
        return failure(client.error());
    QFutureWatcher<ApiResult<CertificateRefresh>> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture((*client)->refreshCertificates());
    if (!watcher.isFinished())
        loop.exec();
    const ApiResult<CertificateRefresh> r = watcher.result();
    if (!r)
        return failure(r.error());
    if (r->noCertificates)
        out() << Tr::tr(
            "WeChat Pay lists no platform certificates for this merchant; the public key "
            "verifies its signatures.")
              << '\n';
    for (const QString &s : r->added)
        out() << Tr::tr("Added %1").arg(s) << '\n';
    for (const QString &s : r->removed)
        out() << Tr::tr("Removed %1").arg(s) << '\n';
    if (!r->cacheWarning.isEmpty())
        err() << "wxrecon-cli: " << Tr::tr("warning:") << ' ' << r->cacheWarning << Qt::endl;
    printKeys(*(*client)->keyStore(), now);
    return Success;
}

const CommandRegistration certsRegistration{
    QStringLiteral("certs"),
    QT_TRANSLATE_NOOP("wxrecon_cli", "Refresh or list WeChat Pay platform certificates"), 60,
    &runCerts};

} // namespace

} // namespace wxr::cli
