// SPDX-License-Identifier: GPL-3.0-or-later
// Load benchmark of the callback receiver (docs/BENCHMARKS.md): starts `wxrecon-cli
// serve-notify` on a fresh ledger, sends WeChat-style callbacks — signed and encrypted like
// WeChat Pay does, with the stand-in's keys (platform certificate and public key alternately:
// key mode "both") — at a target rate over many keep-alive connections, then stops the
// receiver and checks that every acknowledged callback is in the ledger.
//
//   build/bin/bench_notify --rate 2000 --seconds 60
//
// Signatures are made before the timed phase (RSA signing is WeChat's cost, ~0.3 ms each);
// each one is still within the 300 s timestamp window when it is sent. Exit status 1 when an
// acknowledged callback is missing, a request failed, or the rate fell short by more than 5 %.
// Besides rates and latencies it prints the CPU time the receiver used (all its threads) per
// acknowledged callback, the figure to compare changes by on a shared machine.
#include "callbackforge.h"
#include "common/cstime.h"
#include "crypto/aead.h"
#include "crypto/random.h"
#include "ledger/ledger.h"
#include "ledger/ledgercsv.h"
#include "loadclient.h"
#include "notify/notifyschema.h"
#include "simkeys.h"
#include "wechatpay/keystore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QtConcurrent/QtConcurrent>

#include <unistd.h>

#include <algorithm>
#include <cstdio>

using namespace wxr;
using namespace wxr::core;
using namespace wxr::core::test;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

struct Options
{
    double rate = 2000;
    int seconds = 60;
    int connections = 64;
    QString stateDir;
    QString cli;
    bool knownOrders = true;
};

struct Prepared
{
    QByteArray id;
    QByteArray headersText;
    QByteArray body;
};

qint64 percentileOf(QList<qint64> &sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const qsizetype rank = std::max<qsizetype>(1, qsizetype(std::ceil(p / 100.0 * sorted.size())));
    return sorted[rank - 1];
}

// CPU time (user + system) a running process has used so far, in ms; -1 when unknown
// (not Linux). Read before the receiver is stopped.
qint64 cpuMsOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = f.readAll();
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const long ticks = sysconf(_SC_CLK_TCK);
    return (fields[11].toLongLong() + fields[12].toLongLong()) * 1000 / (ticks > 0 ? ticks : 100);
}

int fail(const QString &message)
{
    QTextStream(stderr) << "bench_notify: " << message << Qt::endl;
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Load benchmark of wxrecon-cli serve-notify."));
    p.addHelpOption();
    p.addOptions({
        {QStringLiteral("rate"), QStringLiteral("Callbacks per second (default 2000)."),
         QStringLiteral("N"), QStringLiteral("2000")},
        {QStringLiteral("seconds"), QStringLiteral("Duration of the load (default 60, max 300)."),
         QStringLiteral("S"), QStringLiteral("60")},
        {QStringLiteral("connections"), QStringLiteral("Keep-alive connections (default 64)."),
         QStringLiteral("N"), QStringLiteral("64")},
        {QStringLiteral("state-dir"),
         QStringLiteral("The stand-in's state directory with its keys (default: a fresh one)."),
         QStringLiteral("DIR")},
        {QStringLiteral("cli"), QStringLiteral("The wxrecon-cli to run (default: beside this)."),
         QStringLiteral("PATH")},
        {QStringLiteral("unknown-orders"),
         QStringLiteral("Do not import the orders first: every callback creates its order.")},
    });
    p.process(app);
    Options o;
    o.rate = p.value(QStringLiteral("rate")).toDouble();
    o.seconds = p.value(QStringLiteral("seconds")).toInt();
    o.connections = p.value(QStringLiteral("connections")).toInt();
    o.knownOrders = !p.isSet(QStringLiteral("unknown-orders"));
    if (o.rate <= 0 || o.rate > 20000 || o.seconds <= 0 || o.seconds > 300 || o.connections <= 0
        || o.connections > 1000)
        return fail(QStringLiteral("rate 1..20000, seconds 1..300, connections 1..1000."));
    o.cli = p.isSet(QStringLiteral("cli"))
                ? p.value(QStringLiteral("cli"))
                : QCoreApplication::applicationDirPath() + QStringLiteral("/wxrecon-cli");

    QTemporaryDir work;
    o.stateDir = p.isSet(QStringLiteral("state-dir")) ? p.value(QStringLiteral("state-dir"))
                                                      : work.filePath(QStringLiteral("state"));
    const QString mchid = QStringLiteral("1900000001");
    auto keys = sim::SimKeys::openOrCreate(o.stateDir, mchid.toLatin1());
    if (!keys)
        return fail(keys.error().message);
    // The receiver's configuration: key mode both, platform certificates from the cache (no
    // stand-in needs to run), a separate INI so that a stand-in's own merchant.ini is untouched.
    const QString certDir = work.filePath(QStringLiteral("certs"));
    {
        KeyStore store;
        for (const sim::PlatformKey &k : keys->platform())
            store.addCertificate({QString::fromLatin1(k.serial), k.certificate,
                                  k.certificate.notBefore(), k.certificate.notAfter()});
        if (Status s = store.saveTo(certDir); !s)
            return fail(s.error().message);
        const QByteArray ini
            = "[merchant]\nmchid=" + mchid.toLatin1() + "\nserial_no=" + keys->merchantSerial()
              + "\nprivate_key_file="
              + QDir(o.stateDir).filePath(QStringLiteral("apiclient_key.pem")).toUtf8()
              + "\napiv3_key_file="
              + QDir(o.stateDir).filePath(QStringLiteral("apiv3.key")).toUtf8()
              + "\n[wechatpay]\napi_base=http://127.0.0.1:9\nplatform_cert_dir=" + certDir.toUtf8()
              + "\nkey_mode=both\npublic_key_id=" + keys->publicKeyId() + "\npublic_key_file="
              + QDir(o.stateDir).filePath(QStringLiteral("pub_key.pem")).toUtf8() + "\n";
        QFile f(work.filePath(QStringLiteral("merchant.ini")));
        if (!f.open(QIODevice::WriteOnly) || f.write(ini) != ini.size())
            return fail(QStringLiteral("cannot write merchant.ini"));
    }
    const QString ledgerPath = work.filePath(QStringLiteral("ledger.sqlite"));
    const qint64 count = qint64(o.rate * o.seconds);

    CallbackForge forge;
    forge.apiV3Key = keys->apiv3Key();
    forge.mchid = mchid.toLatin1();
    const sim::PlatformKey &platform = keys->platform().last();
    auto outTradeNo = [](qint64 i) -> QByteArray {
        return "T20261126" + QByteArray::number(10000000 + i);
    };

    if (o.knownOrders) {
        // The merchant's orders, unpaid, as its daily import would bring them.
        QByteArray csv = "out_trade_no,transaction_id,amount_fen,status,created_at,paid_at\n";
        for (qint64 i = 0; i < count; ++i)
            csv += outTradeNo(i) + ",," + QByteArray::number(100 + i % 5000)
                   + ",NOTPAY,2026-11-26T10:00:00+08:00,\n";
        QFile f(work.filePath(QStringLiteral("orders.csv")));
        if (!f.open(QIODevice::WriteOnly) || f.write(csv) != csv.size())
            return fail(QStringLiteral("cannot write orders.csv"));
        f.close();
        auto ledger = Ledger::open(ledgerPath, LedgerOptions{5000, {notifyMigrations()}});
        if (!ledger)
            return fail(ledger.error().message);
        QPromise<void> promise;
        promise.start();
        const auto imported = importLedgerCsv(**ledger, f.fileName(), QString(), promise);
        if (!imported)
            return fail(imported.error().message);
    }

    QElapsedTimer prep;
    prep.start();
    const qint64 signedAt = cst::now();
    QList<qint64> indexes(count);
    std::iota(indexes.begin(), indexes.end(), 0);
    const QList<Prepared> prepared
        = QtConcurrent::blockingMapped<QList<Prepared>>(indexes, [&](qint64 i) {
              const QByteArray id = "EV-BENCH-" + QByteArray::number(i);
              const QByteArray body
                  = forge.envelope(id, "TRANSACTION.SUCCESS",
                                   forge.payment(outTradeNo(i), 100 + i % 5000, signedAt - 2));
              const bool publicKey = i % 2 == 1;
              HttpHeaders h = signedHeaders(publicKey ? keys->publicKeyPrivate() : platform.key,
                                            publicKey ? keys->publicKeyId() : platform.serial,
                                            signedAt, random::nonceString(32), body);
              h.add("Content-Type", "application/json");
              QByteArray text;
              for (const auto &[n, v] : h.pairs())
                  text += n + ": " + v + "\n";
              return Prepared{id, text, body};
          });
    const qint64 prepMs = prep.elapsed();

    QProcess receiver;
    receiver.setProgram(o.cli);
    receiver.setArguments({QStringLiteral("serve-notify"), QStringLiteral("--config"),
                           work.filePath(QStringLiteral("merchant.ini")), QStringLiteral("--db"),
                           ledgerPath, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    receiver.start();
    if (!receiver.waitForStarted(10000))
        return fail(QStringLiteral("cannot start %1").arg(o.cli));
    quint16 port = 0;
    {
        static const QRegularExpression re(
            QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)/"));
        QByteArray seen;
        QElapsedTimer t;
        t.start();
        while (!port && t.elapsed() < 20000 && receiver.state() == QProcess::Running) {
            receiver.waitForReadyRead(200);
            seen += receiver.readAllStandardOutput();
            if (const auto m = re.match(QString::fromLatin1(seen)); m.hasMatch())
                port = quint16(m.captured(1).toUInt());
        }
        if (!port)
            return fail(QStringLiteral("serve-notify did not start: ")
                        + QString::fromUtf8(receiver.readAllStandardError()));
    }

    QList<LoadRequest> requests;
    requests.reserve(count);
    const QString hostPort = QStringLiteral("127.0.0.1:%1").arg(port);
    for (const Prepared &pr : prepared) {
        const auto h = HttpHeaders::parseLines(pr.headersText, QString());
        requests.append({pr.id, httpPost(QStringLiteral("/wxpay/notify"), hostPort, *h, pr.body)});
    }

    QSet<QByteArray> acked;
    QHash<int, qint64> statuses;
    QList<qint64> latencies;
    latencies.reserve(count);
    qint64 lastAnswerMs = 0;
    bool done = false;
    QEventLoop loop;
    const qint64 clientCpuBeforeMs = cpuMsOf(QCoreApplication::applicationPid());
    LoadClient client(QHostAddress::LocalHost, port, o.connections, o.rate);
    client.start(
        requests,
        [&](const LoadResult &r) {
            ++statuses[r.status];
            if (r.status >= 200 && r.status < 300)
                acked.insert(r.id);
            latencies.append(r.latencyUs);
            lastAnswerMs = client.elapsedMs();
        },
        [&] {
            done = true;
            loop.quit();
        });
    // Bounded: the load takes `seconds`; a minute more to drain, then give up.
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, [&] { client.stop(); });
    deadline.start((o.seconds + 60) * 1000);
    if (!done)
        loop.exec();
    const qint64 wallMs = std::max<qint64>(lastAnswerMs, 1);
    const qint64 receiverCpuMs = cpuMsOf(receiver.processId());
    const qint64 clientCpuMs = cpuMsOf(QCoreApplication::applicationPid()) - clientCpuBeforeMs;

    receiver.terminate();
    receiver.waitForFinished(30000);
    const QString receiverLog = QString::fromUtf8(receiver.readAllStandardError()).trimmed();

    // Every acknowledged callback must be in the ledger, applied, its order paid.
    qint64 present = 0;
    qint64 paid = 0;
    {
        auto ledger = Ledger::open(ledgerPath, LedgerOptions{5000, {notifyMigrations()}});
        if (!ledger)
            return fail(ledger.error().message);
        QSqlQuery q((*ledger)->database());
        q.setForwardOnly(true);
        q.exec(QStringLiteral("SELECT notification_id FROM callbacks WHERE outcome = 'applied'"));
        QSet<QByteArray> applied;
        while (q.next())
            applied.insert(q.value(0).toString().toLatin1());
        for (const QByteArray &id : std::as_const(acked))
            present += applied.contains(id);
        q.exec(QStringLiteral("SELECT COUNT(*) FROM orders WHERE status = 'SUCCESS'"));
        if (q.next())
            paid = q.value(0).toLongLong();
    }

    std::sort(latencies.begin(), latencies.end());
    const double achieved = double(acked.size()) * 1000.0 / double(wallMs);
    const qint64 lost = acked.size() - present;
    out() << "callbacks offered    " << count << " (" << o.rate << "/s for " << o.seconds << " s, "
          << o.connections << " connections, "
          << (o.knownOrders ? "orders imported first" : "unknown orders") << ")\n"
          << "signing beforehand   " << prepMs << " ms\n"
          << "acknowledged (2xx)   " << acked.size() << '\n';
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it) {
        if (it.key() < 200 || it.key() >= 300)
            out() << "answered " << it.key() << "         " << it.value() << '\n';
    }
    out() << "wall time            " << wallMs << " ms\n"
          << "achieved rate        " << QString::number(achieved, 'f', 0) << "/s\n"
          << "latency p50/p95/p99  " << percentileOf(latencies, 50) / 1000.0 << " / "
          << percentileOf(latencies, 95) / 1000.0 << " / " << percentileOf(latencies, 99) / 1000.0
          << " ms (max " << (latencies.isEmpty() ? 0 : latencies.last() / 1000.0) << ")\n"
          << "in the ledger        " << present << " of the acknowledged, " << paid
          << " orders SUCCESS\n"
          << "lost (acked, absent) " << lost << '\n'
          << "receiver CPU         " << receiverCpuMs << " ms ("
          << (acked.isEmpty() ? 0 : receiverCpuMs * 1000 / qint64(acked.size()))
          << " us per acknowledged callback, user + system, all threads)\n"
          << "load generator CPU   " << clientCpuMs << " ms during the load\n"
          << "receiver             " << receiverLog.section(u'\n', -1) << '\n'
          << Qt::flush;
    const bool allAnswered2xx = acked.size() == count;
    if (lost != 0 || !allAnswered2xx || achieved < o.rate * 0.95)
        return 1;
    return 0;
}
