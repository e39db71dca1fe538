// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "common/cstime.h"

#include <QSocketNotifier>

#include <unistd.h>

#include <csignal>
#include <cstdio>

namespace wxr::cli {

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
    err() << "wxrecon-cli: " << message << '\n'
          << Tr::tr("Run “wxrecon-cli --help” for the list of commands.") << Qt::endl;
    return Usage;
}

int failure(const Error &error)
{
    err() << "wxrecon-cli: " << error.message << Qt::endl;
    if (!error.detail.isEmpty() && qEnvironmentVariableIsSet("WXRECON_VERBOSE"))
        err() << error.detail << Qt::endl;
    return Failure;
}

std::optional<int> parse(QCommandLineParser &parser, const QString &name, const QStringList &args)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  Tr::tr("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args))
        return usageError(parser.errorText() + QStringLiteral(" (wxrecon-cli ") + name
                          + QStringLiteral(")"));
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // QCommandLineParser prints the program name only; show the subcommand too.
        text.replace(QCoreApplication::applicationFilePath(),
                     QStringLiteral("wxrecon-cli ") + name);
        const QString base = QCoreApplication::arguments().value(0);
        text.replace(QStringLiteral("Usage: ") + base,
                     QStringLiteral("Usage: wxrecon-cli ") + name);
        out() << text << Qt::flush;
        return Success;
    }
    return std::nullopt;
}

std::optional<QString> required(const QCommandLineParser &parser, const QString &option,
                                const QString &name)
{
    const QString value = parser.value(option);
    if (value.isEmpty()) {
        usageError(Tr::tr("“wxrecon-cli %1” needs --%2.").arg(name, option));
        return std::nullopt;
    }
    return value;
}

std::optional<QDate> requiredDate(const QCommandLineParser &parser, const QString &name)
{
    const auto text = required(parser, QStringLiteral("date"), name);
    if (!text)
        return std::nullopt;
    const auto date = cst::parseDate(*text);
    if (!date) {
        usageError(date.error().message);
        return std::nullopt;
    }
    return *date;
}

bool stderrIsTerminal()
{
    return ::isatty(STDERR_FILENO) == 1;
}

namespace {

int g_signalPipe[2] = {-1, -1};

void onStopSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

} // namespace

std::unique_ptr<QSocketNotifier> stopSignalNotifier()
{
    if (g_signalPipe[0] < 0 && ::pipe(g_signalPipe) == 0) {
        std::signal(SIGINT, onStopSignal);
        std::signal(SIGTERM, onStopSignal);
    }
    return std::make_unique<QSocketNotifier>(g_signalPipe[0], QSocketNotifier::Read);
}

} // namespace wxr::cli
