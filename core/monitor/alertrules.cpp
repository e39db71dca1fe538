// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/alertrules.h"

#include "common/coretr.h"
#include "common/cstime.h"

#include <QLocale>

#include <algorithm>

namespace wxr::core {

namespace {

struct KindName
{
    AlertKind kind;
    const char *name;
};

constexpr KindName kKinds[] = {
    {AlertKind::FailureRate, "failure_rate"},
    {AlertKind::DelayP95, "p95_delay"},
    {AlertKind::Silence, "silence"},
    {AlertKind::CertificateExpiry, "certificate_expiry"},
    {AlertKind::CallbackAnomaly, "callback_anomaly"},
};

QString number(double v, int decimals)
{
    return QLocale::c().toString(v, 'f', decimals);
}

// Milliseconds since the CST midnight of the day containing utcMillis.
qint64 cstMillisOfDay(qint64 utcMillis)
{
    const qint64 day = cst::kDaySeconds * 1000;
    const qint64 local = utcMillis + cst::kOffsetSeconds * 1000;
    return ((local % day) + day) % day;
}

bool inBusinessHours(const AlertRules &rules, qint64 utcMillis)
{
    const qint64 t = cstMillisOfDay(utcMillis);
    const qint64 start = rules.businessStart.msecsSinceStartOfDay();
    const qint64 end = rules.businessEnd.msecsSinceStartOfDay();
    if (end <= start)
        return t >= start;
    return t >= start && t < end;
}

} // namespace

QString alertKindName(AlertKind kind)
{
    for (const auto &k : kKinds) {
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    }
    return QString();
}

std::optional<AlertKind> parseAlertKind(QStringView name)
{
    for (const auto &k : kKinds) {
        if (name == QLatin1String(k.name))
            return k.kind;
    }
    return std::nullopt;
}

QString alertKindLabel(AlertKind kind)
{
    switch (kind) {
    case AlertKind::FailureRate:
        return Tr::tr("callback failure rate");
    case AlertKind::DelayP95:
        return Tr::tr("callback delay");
    case AlertKind::Silence:
        return Tr::tr("no callbacks");
    case AlertKind::CertificateExpiry:
        return Tr::tr("certificate expiry");
    case AlertKind::CallbackAnomaly:
        return Tr::tr("callback anomaly");
    }
    return QString();
}

QList<AlertCondition> evaluateAlerts(const AlertRules &rules, const AlertInput &input)
{
    QList<AlertCondition> out;
    const AlertThresholds &t = rules.thresholds;
    const MetricsBucket &w = input.window;

    if (w.rateBase() >= rules.minSamples) {
        const double rate = w.failureRatePercent().value_or(0.0);
        if (rate >= t.failureRatePercent) {
            out.append({AlertKind::FailureRate, QString(), rate, t.failureRatePercent,
                        Tr::tr("%1 % of callbacks failed in the last %2 minutes (%3 of %4; "
                               "threshold %5 %).")
                            .arg(number(rate, 1))
                            .arg(t.windowMinutes)
                            .arg(w.realFailures())
                            .arg(w.rateBase())
                            .arg(number(t.failureRatePercent, 1))});
        }
    }

    if (w.delay.count() >= rules.minSamples) {
        const double p95 = static_cast<double>(w.delay.percentile(95).value_or(0)) / 1000.0;
        if (p95 >= t.p95DelaySeconds) {
            out.append({AlertKind::DelayP95, QString(), p95, double(t.p95DelaySeconds),
                        Tr::tr("Callbacks arrive late: 95 % within %1 s of payment in the last %2 "
                               "minutes (threshold %3 s).")
                            .arg(number(p95, 1))
                            .arg(t.windowMinutes)
                            .arg(t.p95DelaySeconds)});
        }
    }

    if (input.monitoringActive && inBusinessHours(rules, input.nowMs)) {
        const qint64 businessStartToday = input.nowMs - cstMillisOfDay(input.nowMs)
                                          + rules.businessStart.msecsSinceStartOfDay();
        const qint64 since
            = std::max(input.lastCallbackMs.value_or(businessStartToday), businessStartToday);
        const double silentMinutes = static_cast<double>(input.nowMs - since) / 60000.0;
        if (silentMinutes >= t.silenceMinutes) {
            out.append({AlertKind::Silence, QString(), silentMinutes, double(t.silenceMinutes),
                        Tr::tr("No callback has arrived for %1 minutes during business hours "
                               "(threshold %2 minutes).")
                            .arg(qint64(silentMinutes))
                            .arg(t.silenceMinutes)});
        }
    }

    const qint64 nowSeconds = input.nowMs / 1000;
    QList<CertificateExpiry> certs = input.certificates;
    std::sort(certs.begin(), certs.end(),
              [](const auto &a, const auto &b) { return a.expireTime < b.expireTime; });
    for (const CertificateExpiry &c : certs) {
        const qint64 left = c.expireTime - nowSeconds;
        const double daysLeft = static_cast<double>(left) / double(cst::kDaySeconds);
        if (daysLeft > rules.certificateWarningDays)
            continue;
        const QString message = left <= 0
                                    ? Tr::tr("Platform certificate %1 expired on %2.")
                                          .arg(c.serial, cst::formatRfc3339(c.expireTime))
                                    : Tr::tr("Platform certificate %1 expires on %2, in %3 days.")
                                          .arg(c.serial, cst::formatRfc3339(c.expireTime))
                                          .arg(left / cst::kDaySeconds);
        out.append({AlertKind::CertificateExpiry, c.serial, daysLeft,
                    double(rules.certificateWarningDays), message});
    }

    // Anomalies by kind, in the order of the kinds, with the first few orders named.
    for (const AnomalyGroup &g : groupAnomalies(input.anomalies)) {
        out.append({AlertKind::CallbackAnomaly, anomalyKindName(g.kind), double(g.count), 1.0,
                    Tr::tr("%1 in the last %2 minutes: %3 (flagged for review).")
                        .arg(anomalyKindLabel(g.kind))
                        .arg(t.windowMinutes)
                        .arg(g.named)});
    }
    return out;
}

AlertChanges diffAlerts(const QList<RaisedAlert> &open, const QList<AlertCondition> &current)
{
    AlertChanges changes;
    auto same = [](AlertKind k1, const QString &s1, AlertKind k2, const QString &s2) {
        return k1 == k2 && s1 == s2;
    };
    for (const RaisedAlert &a : open) {
        const auto it = std::find_if(current.begin(), current.end(), [&](const AlertCondition &c) {
            return same(a.kind, a.subject, c.kind, c.subject);
        });
        if (it == current.end()) {
            changes.resolved.append(a);
        } else {
            RaisedAlert updated = a;
            updated.value = it->value;
            updated.threshold = it->threshold;
            updated.message = it->message;
            changes.continuing.append(updated);
        }
    }
    for (const AlertCondition &c : current) {
        const bool isOpen = std::any_of(open.begin(), open.end(), [&](const RaisedAlert &a) {
            return same(a.kind, a.subject, c.kind, c.subject);
        });
        const bool seen = std::any_of(
            changes.raised.begin(), changes.raised.end(),
            [&](const AlertCondition &r) { return same(r.kind, r.subject, c.kind, c.subject); });
        if (!isOpen && !seen)
            changes.raised.append(c);
    }
    return changes;
}

} // namespace wxr::core
