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

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <cstdio>

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
    out() << Tr::tr(
                 "Wrote %1 orders, %2 refunds, %3 bill rows and %4 discrepancies to %5 in %6 ms.")
                 .arg(generated.orders.size())
                 .arg(generated.refunds.size())
                 .arg(generated.bill.size())
                 .arg(generated.truth.size())
                 .arg(p.value(outDir))
                 .arg(timer.elapsed())
          << Qt::endl;
    return Success;
}

void printHelp()
{
    out() << Tr::tr("Usage: wxrecon-sim <command> [options]") << "\n\n"
          << Tr::tr("Local WeChat Pay v3 stand-in for tests and demos.") << "\n\n"
          << Tr::tr("Commands:") << '\n'
          << "  gen-day   " << Tr::tr("Write a generated day's bills, ledger and truth.csv") << '\n'
          << '\n'
          << Tr::tr("Run “wxrecon-sim <command> --help” for the options of one command.") << '\n'
          << Qt::flush;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wxrecon-sim"));
    QCoreApplication::setApplicationVersion(wxr::versionString());
    bool langOk = true;
    wxr::installTranslations(
        wxr::chooseLanguage(qEnvironmentVariable("WXRECON_LANG"), QStringLiteral("en"), &langOk));

    const QStringList args = QCoreApplication::arguments();
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
    return usageError(Tr::tr("Unknown command “%1”.").arg(name));
}
