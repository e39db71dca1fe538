// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/callbacklog.h"

#include "common/coretr.h"
#include "common/cstime.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>

namespace wxr::core::callbacklog {

namespace {

// JSON numbers are doubles; integers above 2^53 are not exact and are refused.
constexpr double kMaxExactInteger = 9007199254740992.0;
// The receiver keeps a presented serial to 128 characters; a backend's message is a sentence.
constexpr qsizetype kMaxSerialChars = 128;
constexpr qsizetype kMaxMessageChars = 1000;

class LineReader
{
public:
    LineReader(const QJsonObject &object, const QString &sourceName, qint64 line)
        : m_object(object)
        , m_sourceName(sourceName)
        , m_line(line)
    {}

    Error fieldError(const char *field, const QString &reason) const
    {
        return makeError(ErrorCode::InvalidInput, Tr::tr("%1, line %2: field “%3” %4")
                                                      .arg(m_sourceName)
                                                      .arg(m_line)
                                                      .arg(QString::fromLatin1(field), reason));
    }

    Error lineError(const QString &reason) const
    {
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("%1, line %2: %3").arg(m_sourceName).arg(m_line).arg(reason));
    }

    bool has(const char *field) const
    {
        const QJsonValue v = m_object.value(QLatin1String(field));
        return !v.isUndefined() && !v.isNull();
    }

    QJsonValue value(const char *field) const { return m_object.value(QLatin1String(field)); }

    // An optional string field; a number or other type is an error.
    Result<QString> string(const char *field) const
    {
        const QJsonValue v = value(field);
        if (v.isUndefined() || v.isNull())
            return QString();
        if (!v.isString())
            return fieldError(field, Tr::tr("must be a string."));
        return v.toString();
    }

    // An optional non-negative integer field.
    Result<std::optional<qint64>> integer(const char *field) const
    {
        const QJsonValue v = value(field);
        if (v.isUndefined() || v.isNull())
            return std::optional<qint64>();
        if (!v.isDouble())
            return fieldError(field, Tr::tr("must be a whole number."));
        const double d = v.toDouble();
        if (d < 0 || d > kMaxExactInteger || std::floor(d) != d)
            return fieldError(field, Tr::tr("must be a whole number of at least 0."));
        return std::optional<qint64>(static_cast<qint64>(d));
    }

private:
    const QJsonObject &m_object;
    const QString &m_sourceName;
    qint64 m_line;
};

} // namespace

std::optional<qint64> parseRfc3339Millis(QStringView text)
{
    // "yyyy-MM-ddTHH:mm:ss" is 19 characters; a fraction may follow before the offset.
    if (text.size() < 20)
        return std::nullopt;
    qint64 millis = 0;
    qsizetype offsetAt = 19;
    if (text[19] == u'.') {
        qsizetype i = 20;
        int digits = 0;
        while (i < text.size() && text[i].isDigit() && text[i].unicode() < 128) {
            if (digits < 3)
                millis = millis * 10 + (text[i].unicode() - u'0');
            ++digits;
            ++i;
        }
        if (digits == 0)
            return std::nullopt;
        for (int d = digits; d < 3; ++d)
            millis *= 10;
        offsetAt = i;
    }
    const QString whole = text.left(19).toString() + text.mid(offsetAt).toString();
    const QByteArray latin = whole.toLatin1();
    const auto seconds = cst::parseRfc3339(std::string_view(latin.constData(), latin.size()));
    if (!seconds)
        return std::nullopt;
    return *seconds * 1000 + millis;
}

QString formatRfc3339Millis(qint64 utcMillis)
{
    const qint64 seconds = utcMillis >= 0 ? utcMillis / 1000 : -((-utcMillis + 999) / 1000);
    const qint64 millis = utcMillis - seconds * 1000;
    QString text = cst::formatRfc3339(seconds); // "…T10:12:00+08:00"
    text.insert(19, QStringLiteral(".%1").arg(millis, 3, 10, QLatin1Char('0')));
    return text;
}

Result<CallbackEvent> parseLine(QByteArrayView line, const QString &sourceName, qint64 lineNumber)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("%1, line %2: not a JSON object (%3).")
                             .arg(sourceName)
                             .arg(lineNumber)
                             .arg(parseError.error != QJsonParseError::NoError
                                      ? parseError.errorString()
                                      : Tr::tr("another JSON value")));
    }
    const QJsonObject object = doc.object();
    const LineReader r(object, sourceName, lineNumber);

    CallbackEvent e;
    e.source = CallbackSource::Import;

    // received_at: RFC 3339 text with milliseconds, or Unix milliseconds.
    if (!r.has("received_at"))
        return r.fieldError("received_at", Tr::tr("is required."));
    const QJsonValue received = r.value("received_at");
    if (received.isString()) {
        const auto ms = parseRfc3339Millis(received.toString());
        if (!ms) {
            return r.fieldError(
                "received_at",
                Tr::tr("is not an RFC 3339 time with an offset: “%1”.").arg(received.toString()));
        }
        e.receivedAtMs = *ms;
    } else {
        const auto ms = r.integer("received_at");
        if (!ms) {
            return r.fieldError("received_at",
                                Tr::tr("must be RFC 3339 text or Unix milliseconds."));
        }
        e.receivedAtMs = **ms;
    }

    if (!r.has("http_status"))
        return r.fieldError("http_status", Tr::tr("is required."));
    const auto status = r.integer("http_status");
    if (!status)
        return status.error();
    if (**status < 100 || **status > 599)
        return r.fieldError("http_status", Tr::tr("must be an HTTP status between 100 and 599."));
    e.httpStatus = static_cast<int>(**status);

    struct TextField
    {
        const char *name;
        QString *target;
    };
    const TextField texts[] = {
        {"notification_id", &e.notificationId},
        {"event_type", &e.eventType},
        {"out_trade_no", &e.outTradeNo},
        {"transaction_id", &e.transactionId},
        {"out_refund_no", &e.outRefundNo},
        {"serial", &e.serial},
        {"message", &e.message},
    };
    for (const auto &t : texts) {
        auto s = r.string(t.name);
        if (!s)
            return s.error();
        *t.target = std::move(*s);
    }
    // Cut, not refused: they are for people to read and do not change what is counted.
    e.serial.truncate(kMaxSerialChars);
    e.message.truncate(kMaxMessageChars);

    auto success = r.string("success_time");
    if (!success)
        return success.error();
    if (!success->isEmpty()) {
        const QByteArray latin = success->toLatin1();
        const auto t = cst::parseRfc3339(std::string_view(latin.constData(), latin.size()));
        if (!t) {
            return r.fieldError(
                "success_time",
                Tr::tr("is not an RFC 3339 time with an offset: “%1”.").arg(*success));
        }
        e.successTime = *t;
        e.successTimeText = *success;
    }

    const bool is2xx = e.httpStatus >= 200 && e.httpStatus < 300;
    auto outcomeText = r.string("outcome");
    if (!outcomeText)
        return outcomeText.error();
    if (outcomeText->isEmpty()) {
        e.outcome = is2xx                 ? CallbackOutcome::Applied
                    : e.httpStatus >= 500 ? CallbackOutcome::Error
                                          : CallbackOutcome::Rejected;
    } else {
        const auto outcome = parseCallbackOutcome(*outcomeText);
        if (!outcome) {
            return r.fieldError("outcome",
                                Tr::tr("is “%1”; expected applied, duplicate, ignored, rejected "
                                       "or error.")
                                    .arg(*outcomeText));
        }
        e.outcome = *outcome;
    }
    if (isAcknowledged(e.outcome) != is2xx) {
        return r.lineError(Tr::tr("outcome “%1” contradicts HTTP status %2.")
                               .arg(callbackOutcomeName(e.outcome))
                               .arg(e.httpStatus));
    }

    auto causeText = r.string("cause");
    if (!causeText)
        return causeText.error();
    if (!causeText->isEmpty()) {
        const auto cause = parseFailureCause(*causeText);
        if (!cause)
            return r.fieldError("cause", Tr::tr("is “%1”, not a known cause.").arg(*causeText));
        e.cause = *cause;
    }
    if (isAcknowledged(e.outcome)) {
        if (e.cause != FailureCause::None) {
            return r.lineError(
                Tr::tr("cause “%1” is given for an acknowledged callback.").arg(*causeText));
        }
    } else if (e.cause == FailureCause::None) {
        e.cause = FailureCause::Unspecified;
    }

    const auto processing = r.integer("processing_ms");
    if (!processing)
        return processing.error();
    e.processingMs = *processing;
    const auto attempt = r.integer("attempt");
    if (!attempt)
        return attempt.error();
    e.attempt = attempt->has_value() ? static_cast<int>(std::min<qint64>(**attempt, 1 << 20)) : 0;
    return e;
}

QByteArray formatLine(const CallbackEvent &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("received_at"), formatRfc3339Millis(e.receivedAtMs));
    auto text = [&o](const char *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    text("notification_id", e.notificationId);
    text("event_type", e.eventType);
    text("out_trade_no", e.outTradeNo);
    text("transaction_id", e.transactionId);
    text("out_refund_no", e.outRefundNo);
    if (e.successTime) {
        o.insert(QStringLiteral("success_time"), e.successTimeText.isEmpty()
                                                     ? cst::formatRfc3339(*e.successTime)
                                                     : e.successTimeText);
    }
    o.insert(QStringLiteral("http_status"), e.httpStatus);
    o.insert(QStringLiteral("outcome"), callbackOutcomeName(e.outcome));
    if (e.cause != FailureCause::None)
        o.insert(QStringLiteral("cause"), failureCauseName(e.cause));
    if (e.processingMs)
        o.insert(QStringLiteral("processing_ms"), static_cast<double>(*e.processingMs));
    if (e.attempt > 0)
        o.insert(QStringLiteral("attempt"), e.attempt);
    text("serial", e.serial);
    text("message", e.message);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace wxr::core::callbacklog
