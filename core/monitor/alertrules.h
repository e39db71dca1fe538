// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/settings.h"
#include "monitor/callbackmetrics.h"
#include "notify/callbackstore.h"

#include <QList>
#include <QString>
#include <QTime>

#include <optional>

namespace wxr::core {

/// The conditions wxrecon raises alerts for.
enum class AlertKind {
    FailureRate,       ///< too many callbacks answered 4xx/5xx in the window (probes excluded)
    DelayP95,          ///< callbacks arrive too late after payment (p95 of the window)
    Silence,           ///< no callback at all for a while during business hours
    CertificateExpiry, ///< a platform certificate expires soon (or has expired)
    CallbackAnomaly,   ///< a callback the ledger did not expect (unknown order, amount, closed)
};

/// "failure_rate", "p95_delay", "silence", "certificate_expiry", "callback_anomaly" (stored in
/// the ledger).
QString alertKindName(AlertKind kind);
std::optional<AlertKind> parseAlertKind(QStringView name);
QString alertKindLabel(AlertKind kind); ///< translated, for tables

/// Thresholds and windows. `thresholds` come from Settings (the GUI's alert page); the rest
/// has defaults that suit a shop open in the daytime.
struct AlertRules
{
    AlertThresholds thresholds;
    /// Failure rate and p95 are judged only with at least this many deliveries (respectively
    /// delays) in the window, so that 1 failure out of 2 at night does not page anyone.
    qint64 minSamples = 10;
    QTime businessStart = QTime(9, 0); ///< CST; silence is only an alert inside these hours
    QTime businessEnd = QTime(22, 0);  ///< CST, exclusive; end ≤ start means "until midnight"
    int certificateWarningDays = 14;

    [[nodiscard]] qint64 windowMs() const { return qint64(thresholds.windowMinutes) * 60000; }
};

/// A platform certificate's announced expiry (KeyStore::ExpiryWarning, or the cache on disk).
struct CertificateExpiry
{
    QString serial;
    qint64 expireTime = 0; ///< Unix seconds
};

/// What the rules look at, gathered by AlertMonitor from the ledger and the key store.
struct AlertInput
{
    qint64 nowMs = 0;
    /// Deliveries received in [nowMs − rules.windowMs(), nowMs).
    MetricsBucket window;
    /// The latest delivery at or before nowMs (any outcome); nullopt when none was ever recorded.
    std::optional<qint64> lastCallbackMs;
    /// Callbacks are being monitored at all (some were recorded in the last seven days).
    /// Without it silence means "not set up", not "callbacks stopped".
    bool monitoringActive = false;
    QList<CertificateExpiry> certificates;
    /// Callback anomalies recorded in [nowMs − rules.windowMs(), nowMs).
    QList<CallbackAnomaly> anomalies;
};

/// A condition that holds now. `subject` distinguishes several alerts of one kind (the
/// certificate serial); `value` and `threshold` are in the unit of the kind: percent, seconds,
/// minutes of silence, days left.
struct AlertCondition
{
    AlertKind kind = AlertKind::FailureRate;
    QString subject;
    double value = 0;
    double threshold = 0;
    QString message; ///< one translated sentence
};

/// Evaluates every rule. Pure.
///
/// - FailureRate: window.failureRatePercent() ≥ failureRatePercent, with ≥ minSamples
///   deliveries (probes neither count as failures nor as deliveries);
/// - DelayP95: p95 of the window's delays ≥ p95DelaySeconds, with ≥ minSamples delays;
/// - Silence: nowMs is inside business hours (CST), monitoringActive, and no delivery since
///   max(last delivery, today's business start) for ≥ silenceMinutes;
/// - CertificateExpiry: one per certificate whose expiry is within certificateWarningDays;
/// - CallbackAnomaly: one per anomaly kind recorded in the window (subject: the kind's name,
///   value: how many), so that money for an unknown or closed order, or an amount that differs
///   from the ledger's, reaches the webhook within a minute.
QList<AlertCondition> evaluateAlerts(const AlertRules &rules, const AlertInput &input);

/// An alert as stored: raised at startedAtMs, resolved at endedAtMs (nullopt while open).
struct RaisedAlert
{
    qint64 id = 0;
    AlertKind kind = AlertKind::FailureRate;
    QString subject;
    qint64 startedAtMs = 0;
    std::optional<qint64> endedAtMs;
    double value = 0; ///< the latest value while open; the last one seen when resolved
    double threshold = 0;
    QString message;
};

/// What changed between the open alerts and the conditions holding now. Identity is
/// (kind, subject).
struct AlertChanges
{
    QList<AlertCondition> raised;  ///< hold now, not open: open them
    QList<RaisedAlert> resolved;   ///< open, no longer hold: close them
    QList<RaisedAlert> continuing; ///< open and still holding, with value/message updated
};
AlertChanges diffAlerts(const QList<RaisedAlert> &open, const QList<AlertCondition> &current);

} // namespace wxr::core
