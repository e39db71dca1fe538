// SPDX-License-Identifier: GPL-3.0-or-later
// wxrecon-cli ledger import|export: the merchant's orders and refunds in and out of the ledger
// (architecture doc, "Ledger import/export CSV"; docs/ledger.md).
#include "commands.h"
#include "ledger/ledgercsv.h"
#include "reconjob.h"

#include <QCommandLineParser>

using namespace wxr::core;

namespace wxr::cli {

namespace {

int runLedger(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        Tr::tr("Imports the merchant's orders (and refunds) into the ledger, or exports them.\n"
               "  import: upserts by order and refund number; a bad row fails the whole import "
               "and nothing is imported.\n"
               "  export: writes the same CSV schema."));
    p.addPositionalArgument(QStringLiteral("action"), Tr::tr("import or export"),
                            QStringLiteral("import|export"));
    p.addOptions({
        {QStringLiteral("db"), Tr::tr("Ledger file (created when missing)."), QStringLiteral("F")},
        {QStringLiteral("orders"), Tr::tr("orders.csv to read or write."), QStringLiteral("FILE")},
        {QStringLiteral("refunds"), Tr::tr("refunds.csv to read or write (optional)."),
         QStringLiteral("FILE")},
    });
    if (const auto done = parse(p, QStringLiteral("ledger"), args))
        return *done;
    const QStringList positional = p.positionalArguments();
    if (positional.size() != 1 || (positional[0] != u"import" && positional[0] != u"export"))
        return usageError(Tr::tr("“wxrecon-cli ledger” needs “import” or “export”."));
    const QString action = positional[0];
    const auto db = required(p, QStringLiteral("db"), QStringLiteral("ledger ") + action);
    if (!db)
        return Usage;
    const auto orders = required(p, QStringLiteral("orders"), QStringLiteral("ledger ") + action);
    if (!orders)
        return Usage;
    const QString refunds = p.value(QStringLiteral("refunds"));

    if (action == u"import") {
        const auto stats = runLedgerJob<LedgerImportStats>(
            *db, Tr::tr("Importing"), [&](Ledger &ledger, QPromise<void> &promise) {
                return importLedgerCsv(ledger, *orders, refunds, promise);
            });
        if (!stats)
            return failure(stats.error());
        out() << Tr::tr("Orders: %1 read, %2 new, %3 updated, %4 unchanged, %5 states kept by "
                        "the state rules.")
                     .arg(stats->ordersRead)
                     .arg(stats->ordersCreated)
                     .arg(stats->ordersUpdated)
                     .arg(stats->ordersUnchanged)
                     .arg(stats->ordersStateIgnored)
              << '\n';
        if (!refunds.isEmpty())
            out() << Tr::tr("Refunds: %1 read, %2 new, %3 updated, %4 unchanged, %5 states kept "
                            "by the state rules.")
                         .arg(stats->refundsRead)
                         .arg(stats->refundsCreated)
                         .arg(stats->refundsUpdated)
                         .arg(stats->refundsUnchanged)
                         .arg(stats->refundsStateIgnored)
                  << '\n';
        out().flush();
        return Success;
    }
    const auto stats = runLedgerJob<LedgerExportStats>(
        *db, Tr::tr("Exporting"), [&](Ledger &ledger, QPromise<void> &promise) {
            return exportLedgerCsv(ledger, *orders, refunds, promise);
        });
    if (!stats)
        return failure(stats.error());
    out() << Tr::tr("Exported %1 orders and %2 refunds.").arg(stats->orders).arg(stats->refunds)
          << Qt::endl;
    return Success;
}

const CommandRegistration registration{
    QStringLiteral("ledger"),
    QT_TRANSLATE_NOOP("wxrecon_cli", "Import or export the ledger's orders and refunds (CSV)"), 10,
    &runLedger};

} // namespace

} // namespace wxr::cli
