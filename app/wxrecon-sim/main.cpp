// SPDX-License-Identifier: GPL-3.0-or-later
// wxrecon-sim: the local WeChat Pay v3 stand-in. Subcommands:
//   gen-day  write a generated day's bills, ledger CSVs and truth.csv
//   serve    run the signed HTTP stand-in (see docs/simulator.md)
#include "common/cstime.h"
#include "common/translation.h"
#include "common/version.h"
#include "dayfiles.h"
#include "dayoptions.h"
#include "simday.h"
#include "simserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wxrecon_sim)
};

enum Exit : int { Success = 0, Failure = 1, Usage = 2 };

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int usageError(const QString &message)
{
    err() << "wxrecon-sim: " << message << '\n'
          << Tr::tr("Run “wxrecon-sim --help” for the list of commands.") << Qt::endl;
    return Usage;
}

int failure(const wxr::Error &error)
{
    err() << "wxrecon-sim: " << error.message << Qt::endl;
    return Failure;
}

// Parses the subcommand's options; returns an exit status when the caller must stop.
std::optional<int> parse(QCommandLineParser &parser, const QString &name, const QStringList &args)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  Tr::tr("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args))
        return usageError(parser.errorText() + QStringLiteral(" (wxrecon-sim ") + name
                          + QStringLiteral(")"));
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(QCoreApplication::arguments().value(0), QStringLiteral("wxrecon-sim ") + name);
        out() << text << Qt::flush;
        return Success;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(Tr::tr("“wxrecon-sim %1” takes no argument “%2”.")
                              .arg(name, parser.positionalArguments().first()));
    return std::nullopt;
}

// Options shared by gen-day and serve that describe the generated day.
struct DayCli
{
    QCommandLineOption orders{QStringLiteral("orders"), Tr::tr("Orders created on the day."),
                              QStringLiteral("N")};
    QCommandLineOption date{QStringLiteral("date"), Tr::tr("Bill date, YYYY-MM-DD (CST)."),
                            QStringLiteral("D")};
    QCommandLineOption seed{QStringLiteral("seed"), Tr::tr("Random seed (same seed, same day)."),
                            QStringLiteral("S")};
    QCommandLineOption mchid{QStringLiteral("mchid"), Tr::tr("Merchant id (default 1900000001)."),
                             QStringLiteral("ID")};
    QCommandLineOption rate{QStringLiteral("rate"),
                            Tr::tr("Share of orders for one kind of case, e.g. "
                                   "MISSING_IN_BILL=0.01 (repeatable; see docs/simulator.md)."),
                            QStringLiteral("KIND=R")};
    QCommandLineOption noBom{QStringLiteral("no-bom"), Tr::tr("Bills without a UTF-8 BOM.")};
    QCommandLineOption lf{QStringLiteral("lf"), Tr::tr("Bills with LF line ends (default CRLF).")};
    QCommandLineOption feeTotal{QStringLiteral("fee-total"),
                                Tr::tr("Fee total as the exact 5-decimal sum (exact, default) "
                                       "or rounded to fen (fen)."),
                                QStringLiteral("exact|fen")};
    QCommandLineOption decimalCounts{QStringLiteral("decimal-counts"),
                                     Tr::tr("Summary counts printed as “45.0”.")};
    QCommandLineOption window{QStringLiteral("window"),
                              Tr::tr("Cross-day window before midnight in seconds (default 300)."),
                              QStringLiteral("SECONDS")};

    void add(QCommandLineParser &p) const
    {
        p.addOptions({orders, date, seed, mchid, rate, noBom, lf, feeTotal, decimalCounts, window});
    }

    // Fills options; returns an exit status on a usage error.
    std::optional<int> read(const QCommandLineParser &p, wxr::sim::DayOptions &o,
                            bool dateRequired) const
    {
        bool ok = true;
        if (p.isSet(orders)) {
            o.orders = p.value(orders).toLongLong(&ok);
            if (!ok)
                return usageError(
                    Tr::tr("--orders needs a whole number, not “%1”.").arg(p.value(orders)));
        }
        if (p.isSet(date)) {
            const auto d = wxr::cst::parseDate(p.value(date));
            if (!d)
                return usageError(d.error().message);
            o.date = *d;
        } else if (dateRequired) {
            return usageError(Tr::tr("This command needs --date."));
        }
        if (p.isSet(seed)) {
            o.seed = p.value(seed).toULongLong(&ok);
            if (!ok)
                return usageError(
                    Tr::tr("--seed needs a whole number, not “%1”.").arg(p.value(seed)));
        }
        if (p.isSet(mchid))
            o.mchid = p.value(mchid);
        for (const QString &r : p.values(rate)) {
            const wxr::Status s = wxr::sim::applyRate(o, r);
            if (!s)
                return usageError(s.error().message);
        }
        o.style.bom = !p.isSet(noBom);
        o.style.crlf = !p.isSet(lf);
        o.style.decimalCounts = p.isSet(decimalCounts);
        if (p.isSet(feeTotal)) {
            const QString v = p.value(feeTotal);
            if (v != u"exact" && v != u"fen")
                return usageError(Tr::tr("--fee-total takes “exact” or “fen”, not “%1”.").arg(v));
            o.style.feeTotalRounded = v == u"fen";
        }
        if (p.isSet(window)) {
            o.crossDayWindowSeconds = p.value(window).toInt(&ok);
            if (!ok)
                return usageError(Tr::tr("--window needs a whole number of seconds."));
        }
        const wxr::Status valid = wxr::sim::validate(o);
        if (!valid)
            return usageError(valid.error().message);
        return std::nullopt;
    }
};

int runGenDay(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        Tr::tr("Write a generated bill day: trade bills (ALL, SUCCESS, REFUND, ALL gzip), the "
               "fund-flow bill, the ledger (orders.csv, refunds.csv) and truth.csv, the "
               "discrepancy report reconciling them must produce."));
    DayCli day;
    day.add(p);
    const QCommandLineOption outDir(QStringLiteral("out"), Tr::tr("Output directory."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption noGzip(QStringLiteral("no-gzip"), Tr::tr("Skip the .csv.gz copy."));
    p.addOptions({outDir, noGzip});
    if (auto exit = parse(p, QStringLiteral("gen-day"), args))
        return *exit;
    wxr::sim::DayOptions options;
    if (!p.isSet(day.orders) || !p.isSet(day.seed) || !p.isSet(outDir))
        return usageError(
            Tr::tr("“wxrecon-sim gen-day” needs --orders, --date, --seed and --out."));
    if (auto exit = day.read(p, options, true))
        return *exit;
    options.gzip = !p.isSet(noGzip);

    QElapsedTimer timer;
    timer.start();
    const wxr::sim::SimDay generated = wxr::sim::generateDay(options);
    const auto files = wxr::sim::writeDayFiles(generated, p.value(outDir));
    if (!files)
        return failure(files.error());
    // Some orders and refunds exist only on WeChat Pay's side (the day's MISSING_IN_LEDGER and
    // refund mismatches): say how many the ledger files hold, which is what an import reports.
    const auto inLedgerOrders
        = std::count_if(generated.orders.cbegin(), generated.orders.cend(),
                        [](const auto &o) { return o.ledgerState != wxr::sim::TradeState::None; });
    const auto inLedgerRefunds
        = std::count_if(generated.refunds.cbegin(), generated.refunds.cend(),
                        [](const auto &r) { return r.ledgerState != wxr::sim::RefundState::None; });
    out() << Tr::tr("Wrote %1 orders (%2 of them in orders.csv), %3 refunds (%4 in refunds.csv), "
                    "%5 bill rows and %6 discrepancies to %7 in %8 ms.")
                 .arg(generated.orders.size())
                 .arg(inLedgerOrders)
                 .arg(generated.refunds.size())
                 .arg(inLedgerRefunds)
                 .arg(generated.bill.size())
                 .arg(generated.truth.size())
                 .arg(p.value(outDir))
                 .arg(timer.elapsed())
          << Qt::endl;
    return Success;
}

int runServe(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        Tr::tr("Run the local WeChat Pay v3 stand-in on 127.0.0.1: signed API, bills, callbacks, "
               "faults and the /_sim/ control API (docs/simulator.md)."));
    DayCli day;
    day.add(p);
    const QCommandLineOption port(QStringLiteral("port"), Tr::tr("Port (0 = any free port)."),
                                  QStringLiteral("P"));
    const QCommandLineOption stateDir(QStringLiteral("state-dir"),
                                      Tr::tr("Directory for keys and merchant.ini (reused)."),
                                      QStringLiteral("DIR"));
    const QCommandLineOption keyMode(QStringLiteral("key-mode"),
                                     Tr::tr("Signing keys: cert, pubkey or both (default cert)."),
                                     QStringLiteral("MODE"));
    const QCommandLineOption notifyUrl(QStringLiteral("notify-url"),
                                       Tr::tr("Where callbacks are sent."), QStringLiteral("URL"));
    const QCommandLineOption timeScale(QStringLiteral("time-scale"),
                                       Tr::tr("Divide the callback retry schedule by K."),
                                       QStringLiteral("K"));
    const QCommandLineOption faults(
        QStringLiteral("faults"),
        Tr::tr("Fault settings, e.g. query:error500=0.1;notify:lost=0.05."),
        QStringLiteral("SPEC"));
    const QCommandLineOption ttl(QStringLiteral("download-ttl"),
                                 Tr::tr("download_url lifetime in seconds (default 30)."),
                                 QStringLiteral("SECONDS"));
    const QCommandLineOption requestWindow(
        QStringLiteral("request-window"),
        Tr::tr("Accepted request timestamp distance in seconds (default 300)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption billsReady(
        QStringLiteral("bills-ready-in"),
        Tr::tr("Bills answer STATEMENT_CREATING for this many seconds."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption autoPay(QStringLiteral("auto-pay"),
                                     Tr::tr("Share of NOTPAY orders paid while running."),
                                     QStringLiteral("SHARE"));
    const QCommandLineOption autoPayAfter(
        QStringLiteral("auto-pay-after"),
        Tr::tr("Seconds until those orders are paid (default 30)."), QStringLiteral("SECONDS"));
    const QCommandLineOption refundAfter(
        QStringLiteral("refund-after"),
        Tr::tr("Seconds until a refund made through the control API succeeds (default 5)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption noCerts(
        QStringLiteral("no-certificates"),
        Tr::tr("/v3/certificates answer in pubkey mode: empty, resource_not_exists or not_found."),
        QStringLiteral("ANSWER"));
    p.addOptions({port, stateDir, keyMode, notifyUrl, timeScale, faults, ttl, requestWindow,
                  billsReady, autoPay, autoPayAfter, refundAfter, noCerts});
    if (auto exit = parse(p, QStringLiteral("serve"), args))
        return *exit;
    if (!p.isSet(port) || !p.isSet(stateDir))
        return usageError(Tr::tr("“wxrecon-sim serve” needs --port and --state-dir."));
    wxr::sim::SimSettings s;
    s.stateDir = p.value(stateDir);
    s.day.orders = 2000;
    s.day.date = wxr::cst::billDateOf(wxr::cst::now()).addDays(-1); // the newest billable day
    if (auto exit = day.read(p, s.day, false))
        return *exit;
    bool ok = true;
    const auto number
        = [&](const QCommandLineOption &o, double lo, double hi) -> std::optional<double> {
        const double v = p.value(o).toDouble(&ok);
        if (!ok || v < lo || v > hi) {
            usageError(Tr::tr("--%1 needs a number between %2 and %3.")
                           .arg(o.names().first())
                           .arg(lo)
                           .arg(hi));
            return std::nullopt;
        }
        return v;
    };
    const auto portValue = number(port, 0, 65535);
    if (!portValue)
        return Usage;
    if (p.isSet(keyMode)) {
        const auto m = wxr::parseKeyMode(p.value(keyMode));
        if (!m)
            return usageError(Tr::tr("--key-mode takes cert, pubkey or both."));
        s.keyMode = *m;
    }
    if (p.isSet(notifyUrl))
        s.notifyUrl = QUrl(p.value(notifyUrl));
    const std::initializer_list<
        std::tuple<const QCommandLineOption *, double, double, std::function<void(double)>>>
        numbers = {
            {&timeScale, 0.001, 1e6,
             [&](double v) {
                 s.timeScale = v;
             }},
            {&ttl, 1, 86400,
             [&](double v) {
                 s.downloadTtlSeconds = static_cast<int>(v);
             }},
            {&requestWindow, 1, 86400,
             [&](double v) {
                 s.requestWindowSeconds = static_cast<int>(v);
             }},
            {&billsReady, 0, 86400,
             [&](double v) {
                 s.billsReadyAt = wxr::cst::now() + static_cast<qint64>(v);
             }},
            {&autoPay, 0, 1,
             [&](double v) {
                 s.autoPayShare = v;
             }},
            {&autoPayAfter, 0, 86400,
             [&](double v) {
                 s.autoPayAfterSeconds = static_cast<int>(v);
             }},
            {&refundAfter, 0, 86400,
             [&](double v) {
                 s.refundSuccessSeconds = static_cast<int>(v);
             }},
        };
    for (const auto &[option, lo, hi, apply] : numbers) {
        if (!p.isSet(*option))
            continue;
        const auto v = number(*option, lo, hi);
        if (!v)
            return Usage;
        apply(*v);
    }
    if (p.isSet(noCerts)) {
        const QString v = p.value(noCerts);
        if (v == u"empty")
            s.noCertificates = wxr::sim::NoCertificatesAnswer::EmptyList;
        else if (v == u"resource_not_exists")
            s.noCertificates = wxr::sim::NoCertificatesAnswer::ResourceNotExists;
        else if (v == u"not_found")
            s.noCertificates = wxr::sim::NoCertificatesAnswer::NotFound;
        else
            return usageError(
                Tr::tr("--no-certificates takes empty, resource_not_exists or not_found."));
    }
    if (p.isSet(faults)) {
        if (wxr::Status st = wxr::sim::parseFaults(p.value(faults), s.faults); !st)
            return usageError(st.error().message);
    }

    wxr::sim::SimServer server(s);
    const auto listening = server.start(static_cast<quint16>(*portValue));
    if (!listening)
        return failure(listening.error());
    // Exactly this line: scripts and tests wait for it.
    out() << "listening on http://127.0.0.1:" << *listening << Qt::endl;
    return QCoreApplication::exec();
}

void printHelp()
{
    out() << Tr::tr("Usage: wxrecon-sim <command> [options]") << "\n\n"
          << Tr::tr("Local WeChat Pay v3 stand-in for tests and demos.") << "\n\n"
          << Tr::tr("Commands:") << '\n'
          << "  gen-day   " << Tr::tr("Write a generated day's bills, ledger and truth.csv") << '\n'
          << "  serve     " << Tr::tr("Run the signed HTTP stand-in on 127.0.0.1") << '\n'
          << '\n'
          << Tr::tr("Run “wxrecon-sim <command> --help” for the options of one command.") << '\n'
          << Tr::tr("Options: --version, --help, --lang zh_CN|en (or WXRECON_LANG).") << '\n'
          << Qt::flush;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wxrecon-sim"));
    QCoreApplication::setApplicationVersion(wxr::versionString());
    QStringList args = QCoreApplication::arguments();
    // As wxrecon-cli: --lang before the command, or WXRECON_LANG; English otherwise.
    QString langChoice = qEnvironmentVariable("WXRECON_LANG");
    if (args.size() >= 3 && args[1] == u"--lang") {
        langChoice = args[2];
        args.remove(1, 2);
    }
    bool langOk = true;
    wxr::installTranslations(wxr::chooseLanguage(langChoice, QStringLiteral("en"), &langOk));
    if (!langOk)
        return usageError(Tr::tr("Unknown language “%1”; use zh_CN or en.").arg(langChoice));

    if (args.size() < 2)
        return printHelp(), Usage;
    const QString name = args[1];
    if (name == u"--help" || name == u"-h" || name == u"help")
        return printHelp(), Success;
    if (name == u"--version" || name == u"-v") {
        out() << "wxrecon-sim " << wxr::versionString() << Qt::endl;
        return Success;
    }
    QStringList rest = args.mid(2);
    rest.prepend(args[0]);
    if (name == u"gen-day")
        return runGenDay(rest);
    if (name == u"serve")
        return runServe(rest);
    return usageError(Tr::tr("Unknown command “%1”.").arg(name));
}
