// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>

class QSocketNotifier;

namespace wxr::cli {

/// Exit statuses of the contract: 0 success, 1 failure while doing the work, 2 usage error.
enum Exit : int { Success = 0, Failure = 1, Usage = 2 };

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wxrecon_cli)
};

/// A subcommand: `wxrecon-cli <name> ...`. `run` receives the arguments after the name
/// with the program name prepended (so QCommandLineParser can process them).
struct Command
{
    QString name;
    QString summary;
    int (*run)(const QStringList &args);
};

QTextStream &out();
QTextStream &err();

/// Prints "wxrecon-cli: <message>" on stderr and returns Exit::Usage.
int usageError(const QString &message);
/// Prints the error's message (one sentence naming input and reason) and returns Exit::Failure.
int failure(const Error &error);

/// Parses `args` for subcommand `name`. Adds --help. On --help prints the subcommand's help and
/// returns Exit::Success; on a parse error prints it with a hint and returns Exit::Usage;
/// otherwise returns nullopt and the caller goes on.
std::optional<int> parse(QCommandLineParser &parser, const QString &name, const QStringList &args);

/// Returns the value of a required option, or prints a usage error naming it.
std::optional<QString> required(const QCommandLineParser &parser, const QString &option,
                                const QString &name);

/// The required --date option as a bill date (YYYY-MM-DD, China Standard Time), or nullopt
/// after printing a usage error (missing or not a date).
std::optional<QDate> requiredDate(const QCommandLineParser &parser, const QString &name);

/// True when stderr is a terminal (progress lines are printed only then).
bool stderrIsTerminal();

/// For long-running commands: a notifier that becomes readable once SIGINT or SIGTERM arrived
/// (the handlers only write a byte to a pipe, the one async-signal-safe thing to do); connect
/// its activated() to whatever ends the event loop, so that the command shuts down in order.
/// Installs the handlers on first use. GUI-less main thread only.
std::unique_ptr<QSocketNotifier> stopSignalNotifier();

} // namespace wxr::cli
