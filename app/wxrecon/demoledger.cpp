// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoledger.h"

#include "common/coretr.h"
#include "dayfiles.h"
#include "ledger/billrepository.h"
#include "ledger/ledger.h"
#include "ledger/ledgercsv.h"
#include "monitor/alertmonitor.h"
#include "notify/callbacklog.h"
#include "notify/callbacklogimport.h"
#include "rng.h"
#include "simday.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <algorithm>
#include <cmath>

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
                            const core::ReconOptions &options, QPromise<void> &promise,
                            bool withCallbacks, const QString &platformSerial)
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
        if (withCallbacks) {
            if (const Status s = importDemoCallbacks(ledger, day, dayOptions.seed ^ 0xC0FFEE,
                                                     scratchDir, promise, platformSerial);
                !s.ok())
                return s.error();
        }
        auto run = core::reconcile(ledger, dayOptions.date, options, promise);
        if (!run.ok())
            return run.error();
        found += run->discrepancyCount;
    }
    return found;
}

namespace {

// 40 upper-case hex digits, as WeChat Pay writes a certificate serial.
QString demoSerial(sim::Rng &rng)
{
    QString serial;
    for (int i = 0; i < 40; ++i)
        serial += QLatin1Char("0123456789ABCDEF"[rng.below(16)]);
    return serial;
}

// What the backend wrote down for a refused delivery: the serial presented and the reason, in
// the receiver's words.
void describeFailure(core::CallbackEvent &e, const QString &platformSerial, sim::Rng &rng)
{
    using core::FailureCause;
    e.serial = platformSerial;
    switch (e.cause) {
    case FailureCause::BadSignature:
        e.message = Tr::tr("The WeChat Pay signature does not match the message (signed with key "
                           "%1).")
                        .arg(e.serial);
        break;
    case FailureCause::StaleTimestamp:
        e.message = Tr::tr("Wechatpay-Timestamp is %1 s away from the time of the check; at most "
                           "300 s are accepted (check the clock).")
                        .arg(301 + rng.below(900));
        break;
    case FailureCause::DecryptFailure:
        e.message = Tr::tr("Callback %1 could not be decrypted: the APIv3 key is wrong or "
                           "was changed in the merchant platform.")
                        .arg(e.notificationId);
        break;
    case FailureCause::Probe:
        e.message = Tr::tr("The signature is a WeChat Pay probe (WECHATPAY/SIGNTEST/); it is "
                           "rejected on purpose so that WeChat Pay sees the check working.");
        break;
    case FailureCause::UnknownSerial:
        e.serial = demoSerial(rng); // a certificate this merchant was never given
        e.message = Tr::tr("No WeChat Pay certificate or public key with serial %1 is known.")
                        .arg(e.serial);
        break;
    case FailureCause::DatabaseError:
        e.message = Tr::tr("The ledger did not commit the callback within %1 ms.").arg(4500);
        break;
    default:
        break;
    }
}

} // namespace

Status importDemoCallbacks(core::Ledger &ledger, const sim::SimDay &day, quint64 seed,
                           const QString &scratchDir, QPromise<void> &promise,
                           const QString &platformSerial)
{
    using core::CallbackEvent;
    using core::CallbackOutcome;
    using core::FailureCause;
    sim::Rng rng(seed);
    sim::Rng words(seed ^ 0x5E51A1); // serials and messages; rng's draws stay as they were
    const QString serial = platformSerial.isEmpty() ? demoSerial(words) : platformSerial;
    const FailureCause causes[]
        = {FailureCause::BadSignature, FailureCause::StaleTimestamp, FailureCause::DecryptFailure,
           FailureCause::Probe,        FailureCause::UnknownSerial,  FailureCause::DatabaseError};
    // The afternoon rush (15:00–16:00 CST) is when the shop's server struggles.
    const qint64 rushStart = day.dayStart + 15 * 3600;
    const qint64 rushEnd = rushStart + 3600;
    QList<CallbackEvent> events;
    for (const sim::SimOrder &o : day.orders) {
        if (o.wxPaidAt == 0 || o.wxPaidAt < day.dayStart || o.wxPaidAt >= day.dayEnd)
            continue;
        const bool rush = o.wxPaidAt >= rushStart && o.wxPaidAt < rushEnd;
        if (rng.unit() < 0.004)
            continue; // never arrives: monitoring infers a lost callback from the bill
        CallbackEvent e;
        e.source = core::CallbackSource::Import;
        e.notificationId = QStringLiteral("EV-%1").arg(QString::fromLatin1(day.outTradeNo(o)));
        e.eventType = QStringLiteral("TRANSACTION.SUCCESS");
        e.outTradeNo = QString::fromLatin1(day.outTradeNo(o));
        e.transactionId = QString::fromLatin1(day.transactionId(o));
        e.state = QStringLiteral("SUCCESS");
        e.amountFen = o.amount;
        e.successTime = o.wxPaidAt;
        e.successTimeText = cst::formatRfc3339(o.wxPaidAt);
        // Log-normal-ish delay: median about 1.5 s, a long tail; much slower in the rush.
        const double z = std::sqrt(-2.0 * std::log(1.0 - rng.unit()))
                         * std::cos(2.0 * 3.141592653589793 * rng.unit());
        double delayMs = 1500.0 * std::exp(0.9 * z);
        if (rush)
            delayMs *= 12.0;
        delayMs = std::clamp(delayMs, 80.0, 15.0 * 60 * 1000);
        e.receivedAtMs = o.wxPaidAt * 1000 + qint64(delayMs);
        e.processingMs = 5 + qint64(rng.unit() * (rush ? 400 : 40));
        e.attempt = 1;
        const double failShare = rush ? 0.12 : 0.012;
        if (rng.unit() < failShare) {
            // A failed delivery, then WeChat Pay's retry some seconds later succeeds.
            CallbackEvent failed = e;
            failed.cause = causes[rng.below(std::size(causes))];
            failed.outcome = failed.cause == FailureCause::DatabaseError
                                 ? CallbackOutcome::Error
                                 : CallbackOutcome::Rejected;
            failed.httpStatus = failed.outcome == CallbackOutcome::Error ? 503 : 401;
            describeFailure(failed, serial, words);
            events.append(failed);
            e.receivedAtMs += 15000 + qint64(rng.unit() * 30000);
            e.attempt = 2;
        }
        e.outcome = CallbackOutcome::Applied;
        e.httpStatus = 204;
        events.append(e);
        if (rng.unit() < 0.01) {
            CallbackEvent repeat = e;
            repeat.outcome = CallbackOutcome::Duplicate;
            repeat.receivedAtMs += 60000;
            repeat.attempt = e.attempt + 1;
            events.append(repeat);
        }
    }
    std::sort(events.begin(), events.end(), [](const CallbackEvent &a, const CallbackEvent &b) {
        return a.receivedAtMs < b.receivedAtMs;
    });
    const QString path
        = QDir(scratchDir)
              .filePath(
                  QStringLiteral("callbacks_%1.jsonl").arg(day.options.date.toString(Qt::ISODate)));
    QDir().mkpath(scratchDir);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return makeError(ErrorCode::Io,
                         Tr::tr("Cannot write %1: %2.").arg(path, file.errorString()));
    for (const CallbackEvent &e : std::as_const(events)) {
        file.write(core::callbacklog::formatLine(e));
        file.write("\n");
    }
    file.close();
    auto imported = core::importCallbackLog(ledger, path, promise);
    if (!imported.ok())
        return imported.error();
    return {};
}

Status replayAlerts(core::Ledger &ledger, const AlertThresholds &thresholds, qint64 fromMs,
                    qint64 untilMs, qint64 stepMs)
{
    core::AlertRules rules;
    rules.thresholds = thresholds;
    for (qint64 t = fromMs; t < untilMs; t += stepMs) {
        auto update = core::evaluateAndRecordAlerts(ledger, rules, t);
        if (!update.ok())
            return update.error();
    }
    return {};
}

} // namespace wxr::demo
