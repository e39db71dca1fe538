// SPDX-License-Identifier: GPL-3.0-or-later
// wxrecon-cli bill import: a downloaded trade or fund-flow bill (plain or gzip) into the ledger.
#include "commands.h"
#include "common/cstime.h"
#include "ledger/billrepository.h"
#include "reconjob.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

using namespace wxr::core;

namespace wxr::cli {

namespace {

int importBill(const QCommandLineParser &p)
{
    const QString name = QStringLiteral("bill import");
    const auto db = required(p, QStringLiteral("db"), name);
    if (!db)
        return Usage;
    const auto dateText = required(p, QStringLiteral("date"), name);
    if (!dateText)
        return Usage;
    const auto file = required(p, QStringLiteral("file"), name);
    if (!file)
        return Usage;
    const auto date = cst::parseDate(*dateText);
    if (!date)
        return usageError(date.error().message);
    const QString sha1 = p.value(QStringLiteral("sha1"));
    const auto result = runLedgerJob<BillImportResult>(
        *db, Tr::tr("Importing the bill"), [&](Ledger &ledger, QPromise<void> &promise) {
            QFile f(*file);
            if (!f.open(QIODevice::ReadOnly))
                return Result<BillImportResult>(makeError(
                    ErrorCode::Io, Tr::tr("%1 could not be opened: %2; nothing was imported.")
                                       .arg(*file, f.errorString())));
            BillImportOptions options;
            options.billDate = *date;
            options.sourceName = QFileInfo(*file).fileName();
            options.expectedSha1 = sha1.toLatin1();
            options.accountType = p.value(QStringLiteral("account-type")).toUpper();
            options.actor = QStringLiteral("wxrecon-cli bill import");
            return BillRepository(ledger).import(f, options, promise);
        });
    if (!result)
        return failure(result.error());
    const ImportedBill &b = result->bill;
    if (result->alreadyImported) {
        out() << Tr::tr("%1 bill of %2 was already imported (same SHA-1 %3); nothing changed.")
                     .arg(b.billType, *dateText, QString::fromLatin1(b.sha1))
              << Qt::endl;
        return Success;
    }
    if (b.billType == u"FUNDFLOW")
        out() << Tr::tr("Imported the %1 fund-flow bill of %2: %3 entries, %4 credits (%5 yuan), "
                        "%6 debits (%7 yuan).")
                     .arg(b.accountType, *dateText)
                     .arg(b.rowCount)
                     .arg(b.incomeCount)
                     .arg(money::formatYuan(b.incomeFen))
                     .arg(b.expenseCount)
                     .arg(money::formatYuan(b.expenseFen))
              << '\n';
    else
        out() << Tr::tr("Imported the %1 trade bill of %2: %3 rows (%4 payments, %5 refunds), "
                        "orders %6 yuan, refunds %7 yuan, fees %8 yuan.")
                     .arg(b.billType, *dateText)
                     .arg(b.rowCount)
                     .arg(b.paymentCount)
                     .arg(b.refundCount)
                     .arg(money::formatYuan(b.orderFen), money::formatYuan(b.refundAppliedFen),
                          money::formatYuanMilli(b.feeMilli))
              << '\n';
    if (result->replacedBillId)
        out() << Tr::tr("It replaces the earlier import of that bill.") << '\n';
    if (!result->flaggedLines.isEmpty()) {
        QStringList lines;
        for (qint64 l : result->flaggedLines.mid(0, 20))
            lines << QString::number(l);
        err() << "wxrecon-cli: "
              << Tr::tr("warning: %n row(s) had more fields than the header (a separator inside "
                        "a merchant field); review lines %1.",
                        nullptr, int(result->flaggedLines.size()))
                     .arg(lines.join(QStringLiteral(", ")))
              << '\n';
    }
    out().flush();
    err().flush();
    return Success;
}

int runBill(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        Tr::tr("Imports a WeChat Pay bill into the ledger.\n"
               "  import: a trade bill (ALL, SUCCESS or REFUND) or fund-flow bill, plain or gzip; "
               "its summary is checked and nothing is imported if it does not add up."));
    p.addPositionalArgument(QStringLiteral("action"), Tr::tr("import"), QStringLiteral("import"));
    p.addOptions({
        {QStringLiteral("db"), Tr::tr("Ledger file (created when missing)."), QStringLiteral("F")},
        {QStringLiteral("date"), Tr::tr("Bill date (China Standard Time)."),
         QStringLiteral("YYYY-MM-DD")},
        {QStringLiteral("file"), Tr::tr("The bill: tradebill.csv or tradebill.csv.gz."),
         QStringLiteral("FILE")},
        {QStringLiteral("sha1"),
         Tr::tr("WeChat Pay's hash_value of the bill; the import fails if the file differs."),
         QStringLiteral("HEX")},
        {QStringLiteral("account-type"),
         Tr::tr("Fund-flow bills: BASIC (default), OPERATION or FEES."), QStringLiteral("TYPE")},
    });
    if (const auto done = parse(p, QStringLiteral("bill"), args))
        return *done;
    const QStringList positional = p.positionalArguments();
    if (positional.size() != 1 || positional[0] != u"import")
        return usageError(Tr::tr("“wxrecon-cli bill” needs “import”."));
    return importBill(p);
}

const CommandRegistration registration{
    QStringLiteral("bill"),
    QT_TRANSLATE_NOOP("wxrecon_cli", "Import a WeChat Pay bill into the ledger"), 20, &runBill};

} // namespace

} // namespace wxr::cli
