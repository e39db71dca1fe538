// SPDX-License-Identifier: GPL-3.0-or-later
// wxrecon-cli reconcile: match one bill date against the ledger and print the summary.
#include "commands.h"
#include "ledger/billrepository.h"
#include "notify/callbackstore.h"
#include "notify/notifyschema.h"
#include "recon/reconengine.h"
#include "reconjob.h"

#include <QCommandLineParser>

using namespace wxr::core;

namespace wxr::cli {

namespace {

QString yuan(Fen fen)
{
    return money::formatYuan(fen);
}

struct Outcome
{
    ReconRun run;
    bool noBill = false;              ///< WeChat Pay had no bill for the date (recorded empty)
    QList<CallbackAnomaly> anomalies; ///< of the bill date
};

// The callbacks of the date the ledger did not expect (the daily view's 回调异常 card): per
// kind, with the first few orders named. Nothing when there were none.
void printAnomalies(const QList<CallbackAnomaly> &anomalies)
{
    if (anomalies.isEmpty())
        return;
    QTextStream &o = out();
    o << '\n'
      << Tr::tr("Callbacks of this date the ledger did not expect (flagged for review):") << '\n';
    for (const AnomalyGroup &g : groupAnomalies(anomalies))
        o << anomalyKindName(g.kind).leftJustified(20)
          << QString::number(g.count).rightJustified(10) << QStringLiteral("   ") << g.named
          << '\n';
    o.flush();
}

void printRun(const ReconRun &run, bool noBill)
{
    const ReconSummary &s = run.summary;
    QTextStream &o = out();
    o << Tr::tr("Reconciliation of %1 (run %2)").arg(s.billDate.toString(Qt::ISODate)).arg(run.id)
      << "\n\n";
    if (noBill)
        o << Tr::tr("WeChat Pay has no bill for this date (no payment or refund); the ledger's "
                    "payments of the date are missing in the bill.")
          << "\n\n";
    const int w = 20;
    o << QString().leftJustified(w) << Tr::tr("ledger").rightJustified(24)
      << Tr::tr("bill").rightJustified(24) << '\n';
    const auto side = [](qint64 count, Fen fen) {
        return QString(QString::number(count) + QStringLiteral(" / ") + yuan(fen))
            .rightJustified(24);
    };
    o << Tr::tr("payments").leftJustified(w) << side(s.ledgerPaymentCount, s.ledgerPaymentFen)
      << side(s.billPaymentCount, s.billPaymentFen) << '\n';
    o << Tr::tr("refunds").leftJustified(w) << side(s.ledgerRefundCount, s.ledgerRefundFen)
      << side(s.billRefundCount, s.billRefundFen) << '\n';
    o << Tr::tr("fees").leftJustified(w) << QString().rightJustified(24)
      << money::formatYuanMilli(s.billFeeMilli).rightJustified(24) << '\n';
    o << Tr::tr("settlement").leftJustified(w) << QString().rightJustified(24)
      << yuan(s.billSettlementFen).rightJustified(24) << "\n\n";
    o << Tr::tr("kind").leftJustified(w) << Tr::tr("count").rightJustified(10)
      << Tr::tr("ledger").rightJustified(19) << Tr::tr("bill").rightJustified(19) << '\n';
    qint64 total = 0;
    for (DiscrepancyKind k : allDiscrepancyKinds()) {
        const KindTotals &t = s.of(k);
        total += t.count;
        o << discrepancyKindName(k).leftJustified(w) << QString::number(t.count).rightJustified(10)
          << yuan(t.ledgerFen).rightJustified(19) << yuan(t.billFen).rightJustified(19) << '\n';
    }
    o << '\n'
      << Tr::tr("%1 discrepancies: %2 new, %3 no longer found and resolved.")
             .arg(total)
             .arg(run.newCount)
             .arg(run.resolvedCount)
      << '\n';
    if (run.promotedCount + run.clearedCount > 0)
        o << Tr::tr("Previous day's cross-day pending orders: %1 found in this bill, %2 now "
                    "missing in bill.")
                 .arg(run.clearedCount)
                 .arg(run.promotedCount)
          << '\n';
    o.flush();
}

int runReconcile(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        Tr::tr("Reconciles one bill date: matches the imported trade bill against the ledger, "
               "stores the discrepancies (keeping the states and notes of known ones) and prints "
               "the totals per kind."));
    p.addOptions({
        {QStringLiteral("db"), Tr::tr("Ledger file."), QStringLiteral("F")},
        {QStringLiteral("date"), Tr::tr("Bill date (China Standard Time)."),
         QStringLiteral("YYYY-MM-DD")},
        {QStringLiteral("window"),
         Tr::tr("Cross-day window in seconds before midnight (default 300)."), QStringLiteral("S")},
    });
    if (const auto done = parse(p, QStringLiteral("reconcile"), args))
        return *done;
    const auto db = required(p, QStringLiteral("db"), QStringLiteral("reconcile"));
    if (!db)
        return Usage;
    const auto date = requiredDate(p, QStringLiteral("reconcile"));
    if (!date)
        return Usage;
    ReconOptions options;
    options.actor = QStringLiteral("wxrecon-cli reconcile");
    if (p.isSet(QStringLiteral("window"))) {
        bool ok = false;
        options.crossDayWindowSeconds = p.value(QStringLiteral("window")).toLongLong(&ok);
        if (!ok || options.crossDayWindowSeconds < 0 || options.crossDayWindowSeconds > 86400)
            return usageError(Tr::tr("--window must be a number of seconds from 0 to 86400."));
    }
    const auto job = [&](Ledger &ledger, QPromise<void> &promise) -> Result<Outcome> {
        auto run = reconcile(ledger, *date, options, promise);
        if (!run)
            return run.error();
        // The callback tables, should no receiver or import have used this ledger yet.
        if (Status s = ledger.migrate(notifyMigrations()); !s)
            return s.error();
        const auto bills = BillRepository(ledger).billsOf(*date);
        if (!bills)
            return bills.error();
        const bool noBill = !bills->isEmpty() && bills->first().noStatement();
        auto anomalies = CallbackStore(ledger).anomaliesOn(*date);
        if (!anomalies)
            return anomalies.error();
        return Outcome{std::move(*run), noBill, std::move(*anomalies)};
    };
    const auto outcome = runLedgerJob<Outcome>(*db, Tr::tr("Reconciling"), job);
    if (!outcome)
        return failure(outcome.error());
    printRun(outcome->run, outcome->noBill);
    printAnomalies(outcome->anomalies);
    return Success;
}

const CommandRegistration registration{
    QStringLiteral("reconcile"),
    QT_TRANSLATE_NOOP("wxrecon_cli", "Reconcile one bill date against the ledger"), 30,
    &runReconcile};

} // namespace

} // namespace wxr::cli
