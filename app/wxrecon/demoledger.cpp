// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoledger.h"

#include "common/coretr.h"
#include "dayfiles.h"
#include "ledger/billrepository.h"
#include "ledger/ledger.h"
#include "ledger/ledgercsv.h"
#include "simday.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>

namespace wxr::demo {

Status importLedgerSide(core::Ledger &ledger, const sim::SimDay &day, const QString &scratchDir,
                        QPromise<void> &promise)
{
    const QString dir = QDir(scratchDir).filePath(day.options.date.toString(Qt::ISODate));
    auto written = sim::writeDayFiles(day, dir);
    if (!written.ok())
        return written.error();
    auto stats = core::importLedgerCsv(ledger, QDir(dir).filePath(QStringLiteral("orders.csv")),
                                       QDir(dir).filePath(QStringLiteral("refunds.csv")), promise);
    if (!stats.ok())
        return stats.error();
    return {};
}

Status importTradeBill(core::Ledger &ledger, const sim::SimDay &day, QPromise<void> &promise)
{
    QByteArray data = sim::tradeBill(day, sim::TradeBillType::All);
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    core::BillImportOptions options;
    options.billDate = day.options.date;
    options.sourceName
        = QStringLiteral("tradebill_ALL_%1.csv").arg(day.options.date.toString(Qt::ISODate));
    options.expectedSha1 = QCryptographicHash::hash(data, QCryptographicHash::Sha1).toHex();
    options.actor = QStringLiteral("demo");
    auto imported = core::BillRepository(ledger).import(buffer, options, promise);
    if (!imported.ok())
        return imported.error();
    return {};
}

Result<qint64> buildHistory(core::Ledger &ledger, QDate last, int count, qint64 ordersPerDay,
                            quint64 seed, const QString &scratchDir,
                            const core::ReconOptions &options, QPromise<void> &promise)
{
    qint64 found = 0;
    for (int i = count - 1; i >= 0; --i) {
        if (promise.isCanceled())
            return makeError(ErrorCode::Cancelled, Tr::tr("The demo ledger was not completed."));
        sim::DayOptions dayOptions;
        dayOptions.date = last.addDays(-i);
        dayOptions.orders = ordersPerDay;
        dayOptions.seed = seed + quint64(i) * 7919;
        dayOptions.gzip = false;
        dayOptions.crossDayWindowSeconds = int(options.crossDayWindowSeconds);
        if (const Status valid = sim::validate(dayOptions); !valid.ok())
            return valid.error();
        const sim::SimDay day = sim::generateDay(dayOptions);
        promise.setProgressValueAndText(
            0, Tr::tr("Preparing the sample day %1").arg(dayOptions.date.toString(Qt::ISODate)));
        if (const Status s = importLedgerSide(ledger, day, scratchDir, promise); !s.ok())
            return s.error();
        if (const Status s = importTradeBill(ledger, day, promise); !s.ok())
            return s.error();
        auto run = core::reconcile(ledger, dayOptions.date, options, promise);
        if (!run.ok())
            return run.error();
        found += run->discrepancyCount;
    }
    return found;
}

} // namespace wxr::demo
