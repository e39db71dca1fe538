// SPDX-License-Identifier: GPL-3.0-or-later
// wxrecon-cli bill import: a downloaded trade or fund-flow bill (plain or gzip) into the ledger.
#include "commands.h"
#include "common/cstime.h"
#include "ledger/billrepository.h"
#include "reconjob.h"
#include "wechatpay/apiclient.h"
#include "wechatpay/merchantconfig.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHash>

using namespace wxr::core;

namespace wxr::cli {

namespace {

void printImported(const BillImportResult &result, const QString &dateText)
{
    const ImportedBill &b = result.bill;
    if (result.alreadyImported) {
        out() << Tr::tr("%1 bill of %2 was already imported (same SHA-1 %3); nothing changed.")
                     .arg(b.billType, dateText, QString::fromLatin1(b.sha1))
              << Qt::endl;
        return;
    }
    if (b.billType == u"FUNDFLOW")
        out() << Tr::tr("Imported the %1 fund-flow bill of %2: %3 entries, %4 credits (%5 yuan), "
                        "%6 debits (%7 yuan).")
                     .arg(b.accountType, dateText)
                     .arg(b.rowCount)
                     .arg(b.incomeCount)
                     .arg(money::formatYuan(b.incomeFen))
                     .arg(b.expenseCount)
                     .arg(money::formatYuan(b.expenseFen))
              << '\n';
    else
        out() << Tr::tr("Imported the %1 trade bill of %2: %3 rows (%4 payments, %5 refunds), "
                        "orders %6 yuan, refunds %7 yuan, fees %8 yuan.")
                     .arg(b.billType, dateText)
                     .arg(b.rowCount)
                     .arg(b.paymentCount)
                     .arg(b.refundCount)
                     .arg(money::formatYuan(b.orderFen), money::formatYuan(b.refundAppliedFen),
                          money::formatYuanMilli(b.feeMilli))
              << '\n';
    if (result.replacedBillId)
        out() << Tr::tr("It replaces the earlier import of that bill.") << '\n';
    if (!result.flaggedLines.isEmpty()) {
        QStringList lines;
        for (qint64 l : result.flaggedLines.mid(0, 20))
            lines << QString::number(l);
        err() << "wxrecon-cli: "
              << Tr::tr("warning: %n row(s) had more fields than the header (a separator inside "
                        "a merchant field); review lines %1.",
                        nullptr, int(result.flaggedLines.size()))
                     .arg(lines.join(QStringLiteral(", ")))
              << '\n';
    }
    out().flush();
    err().flush();
}

// bill fetch: apply for the bill, download it (the API client checks the SHA-1 of the
// decompressed file against hash_value), and import it like `bill import`.
int fetchBill(const QCommandLineParser &p)
{
    const QString name = QStringLiteral("bill fetch");
    const auto configPath = required(p, QStringLiteral("config"), name);
    if (!configPath)
        return Usage;
    const auto db = required(p, QStringLiteral("db"), name);
    if (!db)
        return Usage;
    const auto date = requiredDate(p, name);
    if (!date)
        return Usage;
    const QString dateText = date->toString(Qt::ISODate);
    const QString typeText = p.value(QStringLiteral("type")).toUpper();
    TradeBillType type = TradeBillType::All;
    if (typeText == u"SUCCESS")
        type = TradeBillType::Success;
    else if (typeText == u"REFUND")
        type = TradeBillType::Refund;
    else if (!typeText.isEmpty() && typeText != u"ALL")
        return usageError(Tr::tr("--type must be ALL, SUCCESS or REFUND."));

    auto config = MerchantConfig::load(*configPath);
    if (!config)
        return failure(config.error());
    for (const QString &w : config->warnings)
        err() << "wxrecon-cli: " << Tr::tr("warning:") << ' ' << w << '\n';
    err().flush();
    auto client = ApiClient::create(*config);
    if (!client)
        return failure(client.error());

    const QString billType = tradeBillTypeName(type);

    // The bills of that date and type the ledger holds: one WeChat Pay announces again with the
    // same SHA-1 is not downloaded (a cron job fetching every hour downloads a day's bill once).
    const auto held = runLedgerJob<QList<ImportedBill>>(
        *db, Tr::tr("Reading the ledger"),
        [&](Ledger &ledger, QPromise<void> &) { return BillRepository(ledger).billsOf(*date); });
    if (!held)
        return failure(held.error());
    QHash<QByteArray, ImportedBill> heldBySha1;
    for (const ImportedBill &b : *held) {
        if (b.billType == billType && !b.sha1.isEmpty())
            heldBySha1.insert(b.sha1.toLower(), b);
    }
    const KnownBill known = [heldBySha1](const QByteArray &sha1Hex) {
        return heldBySha1.contains(sha1Hex);
    };

    QFutureWatcher<ApiResult<BillFile>> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture((*client)->downloadTradeBill(*date, type, true, known));
    if (!watcher.isFinished())
        loop.exec();
    const ApiResult<BillFile> downloaded = watcher.future().result();
    if (!downloaded)
        return failure(downloaded.error());
    const BillFile &file = *downloaded;
    if (file.status == BillFile::Status::Known) {
        out() << Tr::tr("The %1 bill of %2 is unchanged: the ledger holds it already (SHA-1 %3, "
                        "imported %4); nothing was downloaded.")
                     .arg(billType, dateText, QString::fromLatin1(file.sha1Hex),
                          cst::formatBillTime(heldBySha1.value(file.sha1Hex).importedAt))
              << Qt::endl;
        return Success;
    }
    if (file.status == BillFile::Status::NotReady)
        return failure(makeError(ErrorCode::Api,
                                 Tr::tr("The %1 bill of %2 is still being generated "
                                        "(STATEMENT_CREATING); try again after 10:00 China time.")
                                     .arg(billType, dateText)));
    if (file.status == BillFile::Status::Empty) {
        const auto recorded = runLedgerJob<ImportedBill>(
            *db, Tr::tr("Recording"), [&](Ledger &ledger, QPromise<void> &) {
                return BillRepository(ledger).recordEmpty(
                    *date, billType, QStringLiteral("wxrecon-cli bill fetch"), config->mchid);
            });
        if (!recorded)
            return failure(recorded.error());
        out() << Tr::tr("WeChat Pay has no %1 bill for %2 (NO_STATEMENT_EXIST: no trade that "
                        "day); recorded as an empty day.")
                     .arg(billType, dateText)
              << Qt::endl;
        return Success;
    }
    const auto result = runLedgerJob<BillImportResult>(
        *db, Tr::tr("Importing the bill"), [&](Ledger &ledger, QPromise<void> &promise) {
            QByteArray data = file.data;
            QBuffer buffer(&data);
            buffer.open(QIODevice::ReadOnly);
            BillImportOptions options;
            options.billDate = *date;
            options.sourceName = QStringLiteral("tradebill_%1_%2.csv").arg(billType, dateText);
            options.expectedSha1 = file.sha1Hex;
            options.fetchedAt = cst::now();
            options.actor = QStringLiteral("wxrecon-cli bill fetch");
            return BillRepository(ledger).import(buffer, options, promise);
        });
    if (!result)
        return failure(result.error());
    printImported(*result, dateText);
    return Success;
}

int importBill(const QCommandLineParser &p)
{
    const QString name = QStringLiteral("bill import");
    const auto db = required(p, QStringLiteral("db"), name);
    if (!db)
        return Usage;
    const auto date = requiredDate(p, name);
    if (!date)
        return Usage;
    const QString dateText = date->toString(Qt::ISODate);
    const auto file = required(p, QStringLiteral("file"), name);
    if (!file)
        return Usage;
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
    printImported(*result, dateText);
    return Success;
}

int runBill(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        Tr::tr("Imports a WeChat Pay bill into the ledger.\n"
               "  import: a trade bill (ALL, SUCCESS or REFUND) or fund-flow bill, plain or gzip; "
               "its summary is checked and nothing is imported if it does not add up.\n"
               "  fetch: downloads the trade bill of a date from WeChat Pay (SHA-1 checked) and "
               "imports it."));
    p.addPositionalArgument(QStringLiteral("action"), Tr::tr("import or fetch"),
                            QStringLiteral("import|fetch"));
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
        {QStringLiteral("config"), Tr::tr("fetch: merchant configuration (INI)."),
         QStringLiteral("M.ini")},
        {QStringLiteral("type"), Tr::tr("fetch: ALL (default), SUCCESS or REFUND."),
         QStringLiteral("TYPE")},
    });
    if (const auto done = parse(p, QStringLiteral("bill"), args))
        return *done;
    const QStringList positional = p.positionalArguments();
    if (positional.size() != 1 || (positional[0] != u"import" && positional[0] != u"fetch"))
        return usageError(Tr::tr("“wxrecon-cli bill” needs “import” or “fetch”."));
    return positional[0] == u"import" ? importBill(p) : fetchBill(p);
}

const CommandRegistration registration{
    QStringLiteral("bill"),
    QT_TRANSLATE_NOOP("wxrecon_cli", "Import or fetch a WeChat Pay bill into the ledger"), 20,
    &runBill};

} // namespace

} // namespace wxr::cli
