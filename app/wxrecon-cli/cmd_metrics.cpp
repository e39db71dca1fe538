// SPDX-License-Identifier: GPL-3.0-or-later
// `wxrecon-cli metrics`: callback delays, failures by cause, duplicates, lost callbacks and
// alerts of a time range, as a table (docs/callbacks.md).
#include "commands.h"
#include "common/cstime.h"
#include "monitor/alertstore.h"
#include "monitor/metricsloader.h"
#include "monitor/monitorschema.h"
#include "notify/callbacklog.h"
#include "notify/notifyschema.h"
#include "reconjob.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

using namespace wxr::core;

namespace wxr::cli {

namespace {

// ISO 8601 as people type it: with an offset ("…+08:00", "…Z") it is exact; without one it
// is China Standard Time; a date alone is its CST midnight. Unix milliseconds, or nullopt.
std::optional<qint64> parseInstant(const QString &text)
{
    if (const auto ms = callbacklog::parseRfc3339Millis(text))
        return ms;
    static const QRegularExpression local(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?)?$"));
    const auto m = local.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time = m.captured(4).isEmpty()
                           ? QTime(0, 0)
                           : QTime(m.captured(4).toInt(), m.captured(5).toInt(),
                                   m.captured(6).isEmpty() ? 0 : m.captured(6).toInt());
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    const QDateTime dt(date, time, QTimeZone(int(cst::kOffsetSeconds)));
    return dt.toMSecsSinceEpoch();
}

QString cstText(qint64 utcMillis, BucketSize size)
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(
        utcMillis, QTimeZone(int(cst::kOffsetSeconds)));
    return size == BucketSize::Day ? dt.toString(QStringLiteral("yyyy-MM-dd"))
                                   : dt.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString seconds(std::optional<qint64> millis)
{
    if (!millis)
        return QStringLiteral("-");
    return QLocale::c().toString(double(*millis) / 1000.0, 'f', 2);
}

QString row(const QString &label, const MetricsBucket &b)
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
        .arg(label, -16)
        .arg(b.received, 9)
        .arg(b.applied, 8)
        .arg(b.duplicates, 6)
        .arg(b.failures, 7)
        .arg(b.lost, 5)
        .arg(seconds(b.delay.percentile(50)), 8)
        .arg(seconds(b.delay.percentile(95)), 8)
        .arg(seconds(b.delay.percentile(99)), 8);
}

struct Report
{
    MetricsAccumulator metrics;
    QList<RaisedAlert> alerts;
};

int runMetrics(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(Tr::tr(
        "Prints callback metrics for a time range (the last hour by default): deliveries, "
        "duplicates, failures by cause, lost callbacks (paid per the bill or a query, no callback "
        "recorded), and p50/p95/p99 of the delay between payment and callback. Times without an "
        "offset are China Standard Time."));
    p.addOptions({
        {QStringLiteral("db"), Tr::tr("Ledger file."), QStringLiteral("F")},
        {QStringLiteral("since"), Tr::tr("Start of the range (ISO 8601; default: an hour ago)."),
         QStringLiteral("ISO8601")},
        {QStringLiteral("until"), Tr::tr("End of the range, exclusive (ISO 8601; default: now)."),
         QStringLiteral("ISO8601")},
        {QStringLiteral("bucket"),
         Tr::tr("Rows per minute, hour or day (default: chosen from the range)."),
         QStringLiteral("minute|hour|day")},
        {QStringLiteral("lost-after"),
         Tr::tr("Minutes after payment without a callback that make it lost (default 10)."),
         QStringLiteral("MIN"), QStringLiteral("10")},
    });
    const QString name = QStringLiteral("metrics");
    if (const auto done = parse(p, name, args))
        return *done;
    if (!p.positionalArguments().isEmpty())
        return usageError(Tr::tr("“wxrecon-cli metrics” takes no argument “%1”.")
                              .arg(p.positionalArguments().first()));
    const auto db = required(p, QStringLiteral("db"), name);
    if (!db)
        return Usage;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 until = now;
    if (p.isSet(QStringLiteral("until"))) {
        const auto t = parseInstant(p.value(QStringLiteral("until")));
        if (!t)
            return usageError(Tr::tr("--until “%1” is not an ISO 8601 time.")
                                  .arg(p.value(QStringLiteral("until"))));
        until = *t;
    }
    qint64 since = until - 3600 * 1000;
    if (p.isSet(QStringLiteral("since"))) {
        const auto t = parseInstant(p.value(QStringLiteral("since")));
        if (!t)
            return usageError(Tr::tr("--since “%1” is not an ISO 8601 time.")
                                  .arg(p.value(QStringLiteral("since"))));
        since = *t;
    }
    if (until <= since)
        return usageError(Tr::tr("--until must be later than --since."));
    BucketSize size = suggestBucketSize(since, until);
    if (p.isSet(QStringLiteral("bucket"))) {
        const auto s = parseBucketSize(p.value(QStringLiteral("bucket")));
        if (!s)
            return usageError(Tr::tr("--bucket must be minute, hour or day."));
        size = *s;
    }
    bool ok = false;
    const int lostAfter = p.value(QStringLiteral("lost-after")).toInt(&ok);
    if (!ok || lostAfter < 1 || lostAfter > 24 * 60)
        return usageError(Tr::tr("--lost-after must be minutes from 1 to 1440."));
    LostCallbackRules lost;
    lost.lostAfterMs = qint64(lostAfter) * 60000;

    const auto report = runLedgerJob<Report>(
        *db, Tr::tr("Reading"), [&](Ledger &ledger, QPromise<void> &) -> Result<Report> {
            for (const MigrationSet &set : {notifyMigrations(), monitorMigrations()}) {
                if (Status s = ledger.migrate(set); !s)
                    return s.error();
            }
            auto metrics = loadCallbackMetrics(ledger, since, until, size, now, lost);
            if (!metrics)
                return metrics.error();
            auto alerts = AlertStore(ledger).between(since, until);
            if (!alerts)
                return alerts.error();
            return Report{std::move(*metrics), std::move(*alerts)};
        });
    if (!report)
        return failure(report.error());

    const MetricsAccumulator &m = report->metrics;
    const MetricsBucket total = m.total();
    QString per;
    switch (size) {
    case BucketSize::Minute:
        per = Tr::tr("per minute");
        break;
    case BucketSize::Hour:
        per = Tr::tr("per hour");
        break;
    case BucketSize::Day:
        per = Tr::tr("per day");
        break;
    }
    out() << Tr::tr("Callbacks from %1 to %2 (CST), %3.")
                 .arg(cstText(since, BucketSize::Minute), cstText(until, BucketSize::Minute), per)
          << "\n\n";
    if (total.received == 0 && total.lost == 0) {
        out() << Tr::tr("No callbacks were recorded in this range.") << '\n';
    } else {
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
                     .arg(Tr::tr("Time"), -16)
                     .arg(Tr::tr("Received"), 9)
                     .arg(Tr::tr("Applied"), 8)
                     .arg(Tr::tr("Dup."), 6)
                     .arg(Tr::tr("Failed"), 7)
                     .arg(Tr::tr("Lost"), 5)
                     .arg(Tr::tr("p50 s"), 8)
                     .arg(Tr::tr("p95 s"), 8)
                     .arg(Tr::tr("p99 s"), 8)
              << '\n';
        int quiet = 0;
        for (const MetricsBucket &b : m.buckets()) {
            if (b.received == 0 && b.lost == 0) {
                ++quiet;
                continue;
            }
            out() << row(cstText(b.startMs, size), b) << '\n';
        }
        out() << row(Tr::tr("Total"), total) << '\n';
        if (quiet > 0)
            out() << Tr::tr("(%1 rows without callbacks are not shown.)").arg(quiet) << '\n';
        if (const auto rate = total.failureRatePercent())
            out() << Tr::tr("Failure rate: %1 % (WeChat's probes not counted); retries seen: %2.")
                         .arg(QLocale::c().toString(*rate, 'f', 1))
                         .arg(total.retries)
                  << '\n';
        if (const auto p95 = total.processing.percentile(95))
            out() << Tr::tr("Processing time (receipt to commit): p95 %1 ms.").arg(*p95) << '\n';
        if (total.failures > 0) {
            out() << '\n' << Tr::tr("Failures by cause:") << '\n';
            for (int c = 0; c < kFailureCauseCount; ++c) {
                const qint64 n = total.failuresByCause[size_t(c)];
                if (n > 0)
                    out() << "  "
                          << failureCauseLabel(static_cast<FailureCause>(c)).leftJustified(28)
                          << QStringLiteral("%1").arg(n, 8) << '\n';
            }
        }
    }
    if (!report->alerts.isEmpty()) {
        out() << '\n' << Tr::tr("Alerts:") << '\n';
        for (const RaisedAlert &a : report->alerts) {
            const QString when
                = a.endedAtMs
                      ? Tr::tr("%1 to %2")
                            .arg(cstText(a.startedAtMs, BucketSize::Minute),
                                 cstText(*a.endedAtMs, BucketSize::Minute))
                      : Tr::tr("since %1, open").arg(cstText(a.startedAtMs, BucketSize::Minute));
            out() << "  " << alertKindLabel(a.kind) << " (" << when << "): " << a.message << '\n';
        }
    }
    out().flush();
    return Success;
}

const CommandRegistration registration{
    QStringLiteral("metrics"),
    QT_TRANSLATE_NOOP("wxrecon_cli", "Print callback delays, failures and alerts of a time range"),
    80, &runMetrics};

} // namespace

} // namespace wxr::cli
