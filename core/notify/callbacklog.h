// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "notify/callbackevent.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

/// The JSON Lines format of a merchant backend's callback log (docs/callbacks.md), one
/// delivery per line:
///
///     {"received_at":"2026-11-26T10:12:00.123+08:00","notification_id":"EV-…",
///      "event_type":"TRANSACTION.SUCCESS","out_trade_no":"T…","transaction_id":"42…",
///      "success_time":"2026-11-26T10:11:58+08:00","http_status":200,"outcome":"applied",
///      "processing_ms":12}
///
/// Required: `received_at` (RFC 3339 with an offset and up to nine fraction digits, kept to the
/// millisecond; or an integer of Unix milliseconds) and `http_status` (100..599). Optional:
/// `notification_id`, `event_type`, `out_trade_no`, `transaction_id`, `out_refund_no`,
/// `success_time` (RFC 3339), `outcome` (applied | duplicate | ignored | rejected | error;
/// derived from the status when absent: 2xx applied, 5xx error, other rejected), `cause` (a
/// FailureCause name; for rejected/error lines only, default "unspecified"), `processing_ms`
/// and `attempt` (non-negative integers), `serial` (the Wechatpay-Serial presented, kept to
/// 128 characters) and `message` (why the backend refused it, kept to 1000). Unknown keys are
/// ignored and null counts as absent, so that logs written by newer backends still import.
/// Blank lines are skipped by callers.
///
/// Pure functions, thread-safe.
namespace wxr::core::callbacklog {

/// Parses one line into an event with source Import. InvalidInput naming `sourceName`, the
/// 1-based line number and the field for: text that is not one JSON object, a missing or
/// malformed required field, a field of the wrong type, an unknown outcome or cause, an
/// acknowledged outcome (applied/duplicate/ignored) with a non-2xx status or a rejected/error
/// outcome with a 2xx status.
Result<CallbackEvent> parseLine(QByteArrayView line, const QString &sourceName, qint64 lineNumber);

/// The line for an event (no trailing newline); parseLine(formatLine(e)) gives e back for the
/// fields of the format. received_at is written in CST with milliseconds.
QByteArray formatLine(const CallbackEvent &event);

/// RFC 3339 with an optional fraction ("2026-11-26T10:12:00.123+08:00", "…Z") → Unix
/// milliseconds; fraction digits beyond the third are truncated. nullopt when malformed or
/// the offset is missing.
std::optional<qint64> parseRfc3339Millis(QStringView text);
/// Unix milliseconds → "2026-11-26T10:12:00.123+08:00".
QString formatRfc3339Millis(qint64 utcMillis);

} // namespace wxr::core::callbacklog
