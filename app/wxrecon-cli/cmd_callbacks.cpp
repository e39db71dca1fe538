// SPDX-License-Identifier: GPL-3.0-or-later
// `wxrecon-cli callbacks import`: a merchant backend's callback log (JSON Lines, docs/callbacks.md)
// into the ledger, for callback monitoring.
#include "commands.h"
#include "notify/callbacklogimport.h"
#include "reconjob.h"

#include <QCommandLineParser>

using namespace wxr::core;

namespace wxr::cli {

namespace {

int runCallbacks(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        Tr::tr("Imports a callback log written by the merchant's backend (JSON Lines, one "
               "delivery per line; docs/callbacks.md) so that wxrecon's callback metrics and "
               "alerts cover it. Importing the same deliveries again changes nothing. A bad line "
               "fails the whole import unless --skip-invalid is given."));
    p.addPositionalArgument(QStringLiteral("action"), Tr::tr("import"), QStringLiteral("import"));
    p.addOptions({
        {QStringLiteral("db"), Tr::tr("Ledger file (created when missing)."), QStringLiteral("F")},
        {QStringLiteral("file"), Tr::tr("The callback log (.jsonl)."), QStringLiteral("FILE")},
        {QStringLiteral("skip-invalid"), Tr::tr("Skip lines that are not valid and count them.")},
    });
    if (const auto done = parse(p, QStringLiteral("callbacks"), args))
        return *done;
    if (p.positionalArguments() != QStringList{QStringLiteral("import")})
        return usageError(Tr::tr("“wxrecon-cli callbacks” needs the action “import”."));
    const QString name = QStringLiteral("callbacks import");
    const auto db = required(p, QStringLiteral("db"), name);
    if (!db)
        return Usage;
    const auto file = required(p, QStringLiteral("file"), name);
    if (!file)
        return Usage;
    CallbackImportOptions options;
    options.skipInvalid = p.isSet(QStringLiteral("skip-invalid"));

    const auto stats = runLedgerJob<CallbackImportStats>(
        *db, Tr::tr("Importing"), [&](Ledger &ledger, QPromise<void> &promise) {
            return importCallbackLog(ledger, *file, promise, options);
        });
    if (!stats)
        return failure(stats.error());
    out() << Tr::tr("Callbacks: %1 lines, %2 imported, %3 already imported.")
                 .arg(stats->lines)
                 .arg(stats->imported)
                 .arg(stats->alreadyImported)
          << Qt::endl;
    if (stats->invalid > 0) {
        err() << "wxrecon-cli: " << Tr::tr("warning:") << ' '
              << Tr::tr("%1 invalid lines were skipped; the first: %2")
                     .arg(stats->invalid)
                     .arg(stats->firstInvalid)
              << Qt::endl;
    }
    return Success;
}

const CommandRegistration registration{
    QStringLiteral("callbacks"),
    QT_TRANSLATE_NOOP("wxrecon_cli",
                      "Import a callback log of the merchant's backend (JSON Lines)"),
    75, &runCallbacks};

} // namespace

} // namespace wxr::cli
