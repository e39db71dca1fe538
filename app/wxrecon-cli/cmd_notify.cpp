// SPDX-License-Identifier: GPL-3.0-or-later
// `wxrecon-cli serve-notify`: the payment-callback receiver as a server process
// (docs/callbacks.md). Runs until SIGINT/SIGTERM; every acknowledged callback is committed first.
#include "commands.h"
#include "common/cstime.h"
#include "ledger/ledger.h"
#include "monitor/alertconfig.h"
#include "monitor/alertmonitor.h"
#include "monitor/alertstore.h"
#include "monitor/alertwebhook.h"
#include "monitor/monitorschema.h"
#include "notify/callbackreceiver.h"
#include "notify/ledgercallbacksink.h"
#include "notify/notifyschema.h"
#include "wechatpay/apiclient.h"
#include "wechatpay/merchantconfig.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QHash>
#include <QSocketNotifier>
#include <QTimer>

using namespace wxr::core;

namespace wxr::cli {

namespace {

// "127.0.0.1:8443", "[::1]:8443", "0.0.0.0:8443", ":8443" (all interfaces). Port 0 picks a free
// port (printed in the "listening on" line).
std::optional<std::pair<QHostAddress, quint16>> parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon < 0)
        return std::nullopt;
    QString host = text.left(colon);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    QHostAddress address;
    if (host.isEmpty())
        address = QHostAddress::Any;
    else if (host == u"localhost")
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(host))
        return std::nullopt;
    return std::pair{address, static_cast<quint16>(port)};
}

QString hostForUrl(const QHostAddress &a)
{
    if (a == QHostAddress::Any || a == QHostAddress::AnyIPv4)
        return QStringLiteral("0.0.0.0");
    if (a.protocol() == QAbstractSocket::IPv6Protocol)
        return u'[' + a.toString() + u']';
    return a.toString();
}

int runServeNotify(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(Tr::tr(
        "Receives WeChat Pay payment and refund callbacks: verifies, decrypts and records each "
        "one, applies it to the ledger, and answers 200/204 only after the commit. Runs until "
        "interrupted (SIGINT/SIGTERM). Put it behind a TLS reverse proxy (docs/callbacks.md)."));
    p.addOptions({
        {QStringLiteral("config"), Tr::tr("Merchant configuration (INI)."),
         QStringLiteral("M.ini")},
        {QStringLiteral("db"), Tr::tr("Ledger file (created when missing)."), QStringLiteral("F")},
        {QStringLiteral("listen"),
         Tr::tr("Address and port, e.g. 127.0.0.1:8443 or [::1]:8443; port 0 picks a free one."),
         QStringLiteral("HOST:PORT")},
        {QStringLiteral("path"), Tr::tr("URL path of the callbacks (default /wxpay/notify)."),
         QStringLiteral("PATH"), QStringLiteral("/wxpay/notify")},
    });
    const QString name = QStringLiteral("serve-notify");
    if (const auto done = parse(p, name, args))
        return *done;
    if (!p.positionalArguments().isEmpty())
        return usageError(Tr::tr("“wxrecon-cli serve-notify” takes no argument “%1”.")
                              .arg(p.positionalArguments().first()));
    const auto configPath = required(p, QStringLiteral("config"), name);
    if (!configPath)
        return Usage;
    const auto db = required(p, QStringLiteral("db"), name);
    if (!db)
        return Usage;
    const auto listenText = required(p, QStringLiteral("listen"), name);
    if (!listenText)
        return Usage;
    const auto listen = parseListen(*listenText);
    if (!listen)
        return usageError(
            Tr::tr("--listen “%1” is not HOST:PORT (e.g. 127.0.0.1:8443).").arg(*listenText));
    QString path = p.value(QStringLiteral("path"));
    if (!path.startsWith(u'/'))
        return usageError(Tr::tr("--path “%1” must start with “/”.").arg(path));

    auto config = MerchantConfig::load(*configPath);
    if (!config)
        return failure(config.error());
    if (Status s = config->requireApiV3Key(); !s)
        return failure(s.error());
    for (const QString &w : config->warnings)
        err() << "wxrecon-cli: " << Tr::tr("warning:") << ' ' << w << '\n';
    const auto alerts = AlertConfig::fromIni(*configPath);
    if (!alerts)
        return failure(alerts.error());
    auto client = ApiClient::create(*config);
    if (!client)
        return failure(client.error());
    ApiClient *api = client->get();
    std::shared_ptr<KeyStore> keys = api->keyStore();
    QObject::connect(api, &ApiClient::certificatesRefreshed,
                     [](const QStringList &added, const QStringList &removed) {
                         for (const QString &s : added)
                             err() << "wxrecon-cli: "
                                   << Tr::tr("platform certificate %1 added.").arg(s) << Qt::endl;
                         for (const QString &s : removed)
                             err() << "wxrecon-cli: "
                                   << Tr::tr("platform certificate %1 removed.").arg(s) << Qt::endl;
                     });
    if (config->usesPlatformCertificates())
        api->startAutomaticRefresh();

    LedgerSinkOptions sinkOptions;
    sinkOptions.ledgerPath = *db;
    CallbackReceiver receiver(keys, config->mchid, config->apiV3Key,
                              LedgerCallbackSink::factory(sinkOptions));
    receiver.setUnknownSerialRefresh(
        [api](const QString &serial) { return api->refreshForUnknownSerial(serial); });
    ReceiverOptions options;
    options.address = listen->first;
    options.port = listen->second;
    options.path = path;
    if (Status s = receiver.start(options); !s)
        return failure(s.error());

    // The line scripts and tests wait for: the receiver accepts callbacks from now on.
    out() << "listening on http://" << hostForUrl(options.address) << ':' << receiver.port() << path
          << Qt::endl;
    if (keys->isEmpty())
        err() << "wxrecon-cli: " << Tr::tr("warning:") << ' '
              << Tr::tr("no WeChat Pay key is loaded yet; callbacks are refused until the "
                        "platform certificates are downloaded.")
              << Qt::endl;

    // Refused callbacks are worth a line each (they point at configuration problems), at most
    // a few per second so that a flood does not drown the log.
    int refusalsThisSecond = 0;
    qint64 refusalSecond = 0;
    QObject::connect(&receiver, &CallbackReceiver::callbackHandled, [&](const CallbackEvent &e) {
        if (isAcknowledged(e.outcome))
            return;
        const qint64 second = QDateTime::currentSecsSinceEpoch();
        if (second != refusalSecond) {
            refusalSecond = second;
            refusalsThisSecond = 0;
        }
        if (++refusalsThisSecond > 5)
            return;
        err() << "wxrecon-cli: "
              << Tr::tr("callback refused (%1, HTTP %2): %3")
                     .arg(failureCauseLabel(e.cause))
                     .arg(e.httpStatus)
                     .arg(e.message)
              << Qt::endl;
    });

    // A summary line a minute while callbacks come in.
    CallbackReceiver::Stats shown;
    QTimer summary;
    summary.setInterval(60 * 1000);
    QObject::connect(&summary, &QTimer::timeout, [&] {
        const CallbackReceiver::Stats s = receiver.stats();
        if (s.received == shown.received)
            return;
        shown = s;
        err() << "wxrecon-cli: "
              << Tr::tr("%1 callbacks: %2 applied, %3 duplicates, %4 ignored, %5 refused, %6 "
                        "not recorded (503); %7 commits, largest %8.")
                     .arg(s.received)
                     .arg(s.applied)
                     .arg(s.duplicates)
                     .arg(s.ignored)
                     .arg(s.rejected)
                     .arg(s.errors)
                     .arg(s.batches)
                     .arg(s.largestBatch)
              << Qt::endl;
    });
    summary.start();

    // Alerts: evaluated every minute on a read connection of the main thread (WAL lets it
    // read beside the writer), recorded in the ledger, sent to the webhook when configured.
    std::unique_ptr<Ledger> alertLedger;
    std::unique_ptr<AlertWebhook> webhook;
    QHash<QString, qint64> sending; // webhook text → alert id, to mark it notified
    if (!alerts->webhook.isEmpty()) {
        webhook = std::make_unique<AlertWebhook>(alerts->webhook);
        QObject::connect(
            webhook.get(), &AlertWebhook::failed, [&](const QString &text, const QString &reason) {
                sending.remove(text);
                err() << "wxrecon-cli: " << Tr::tr("warning:") << ' ' << reason << Qt::endl;
            });
        QObject::connect(webhook.get(), &AlertWebhook::delivered, [&](const QString &text) {
            const qint64 id = sending.take(text);
            if (id > 0 && alertLedger)
                (void)AlertStore(*alertLedger).markNotified(id);
        });
    }
    QTimer alertTimer;
    alertTimer.setInterval(60 * 1000);
    const QString mchid = config->mchid;
    QObject::connect(&alertTimer, &QTimer::timeout, [&] {
        if (!alertLedger) {
            auto l
                = Ledger::open(*db, LedgerOptions{2000, {notifyMigrations(), monitorMigrations()}});
            if (!l) {
                err() << "wxrecon-cli: " << Tr::tr("warning:") << ' ' << l.error().message
                      << Qt::endl;
                return;
            }
            alertLedger = std::move(*l);
        }
        QList<CertificateExpiry> certs;
        for (const PlatformCertificate &c : keys->certificates())
            certs.append({c.serialNo, c.expireTime});
        const auto update = evaluateAndRecordAlerts(*alertLedger, alerts->rules,
                                                    QDateTime::currentMSecsSinceEpoch(), certs);
        if (!update) {
            err() << "wxrecon-cli: " << Tr::tr("warning:") << ' ' << update.error().message
                  << Qt::endl;
            return;
        }
        auto announce = [&](const RaisedAlert &a, bool resolved) {
            const QString text = alertWebhookText(a, resolved, mchid);
            err() << "wxrecon-cli: " << text << Qt::endl;
            if (webhook) {
                sending.insert(text, a.id);
                webhook->post(text);
            }
        };
        for (const RaisedAlert &a : update->raised)
            announce(a, false);
        for (const RaisedAlert &a : update->resolved)
            announce(a, true);
    });
    alertTimer.start();

    const auto stopper = stopSignalNotifier();
    QObject::connect(stopper.get(), &QSocketNotifier::activated, [] { QCoreApplication::quit(); });

    QCoreApplication::exec();

    receiver.stop();
    const CallbackReceiver::Stats s = receiver.stats();
    err() << "wxrecon-cli: "
          << Tr::tr("stopped after %1 callbacks (%2 applied, %3 duplicates, %4 refused, %5 not "
                    "recorded) in %6 commits, largest %7.")
                 .arg(s.received)
                 .arg(s.applied)
                 .arg(s.duplicates)
                 .arg(s.rejected)
                 .arg(s.errors)
                 .arg(s.batches)
                 .arg(s.largestBatch)
          << Qt::endl;
    return Success;
}

const CommandRegistration registration{
    QStringLiteral("serve-notify"),
    QT_TRANSLATE_NOOP("wxrecon_cli", "Receive WeChat Pay callbacks into the ledger (a server)"), 70,
    &runServeNotify};

} // namespace

} // namespace wxr::cli
