// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/callbacklog.h"
#include "testutil.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace wxr;
using namespace wxr::core;

Q_DECLARE_METATYPE(CallbackOutcome)
Q_DECLARE_METATYPE(FailureCause)

namespace {

// 2026-11-26T10:12:00+08:00
constexpr qint64 kReceivedSeconds = 1795659120;

} // namespace

class tst_CallbackLog final : public QObject
{
    Q_OBJECT

private slots:
    void millis_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("millis"); // -1 = invalid
        const qint64 base = kReceivedSeconds * 1000;
        QTest::newRow("milliseconds") << "2026-11-26T10:12:00.123+08:00" << base + 123;
        QTest::newRow("no fraction") << "2026-11-26T10:12:00+08:00" << base;
        QTest::newRow("one digit") << "2026-11-26T10:12:00.5+08:00" << base + 500;
        QTest::newRow("microseconds truncated") << "2026-11-26T10:12:00.123999+08:00" << base + 123;
        QTest::newRow("nanoseconds") << "2026-11-26T02:12:00.000000001Z" << base;
        QTest::newRow("zulu") << "2026-11-26T02:12:00.250Z" << base + 250;
        QTest::newRow("empty fraction") << "2026-11-26T10:12:00.+08:00" << qint64(-1);
        QTest::newRow("no offset") << "2026-11-26T10:12:00.123" << qint64(-1);
        QTest::newRow("space") << "2026-11-26 10:12:00.123+08:00" << qint64(-1);
        QTest::newRow("garbage") << "yesterday" << qint64(-1);
        QTest::newRow("empty") << "" << qint64(-1);
    }

    void millis()
    {
        QFETCH(QString, text);
        QFETCH(qint64, millis);
        const auto parsed = callbacklog::parseRfc3339Millis(text);
        if (millis < 0) {
            QVERIFY(!parsed);
        } else {
            QCOMPARE(parsed, std::optional<qint64>(millis));
            // Formatting gives CST text that parses back to the same instant.
            QCOMPARE(callbacklog::parseRfc3339Millis(callbacklog::formatRfc3339Millis(millis)),
                     parsed);
        }
    }

    void formatMillis()
    {
        QCOMPARE(callbacklog::formatRfc3339Millis(kReceivedSeconds * 1000 + 7),
                 QStringLiteral("2026-11-26T10:12:00.007+08:00"));
        QCOMPARE(callbacklog::formatRfc3339Millis(-1),
                 QStringLiteral("1970-01-01T07:59:59.999+08:00"));
    }

    void fullLine()
    {
        const QByteArray line
            = R"({"received_at":"2026-11-26T10:12:00.123+08:00","notification_id":"EV-1",)"
              R"("event_type":"TRANSACTION.SUCCESS","out_trade_no":"T2026112600000001",)"
              R"("transaction_id":"4200000000202611260000000001",)"
              R"("success_time":"2026-11-26T10:11:58+08:00","http_status":200,)"
              R"("outcome":"applied","processing_ms":12,"attempt":2,"future_field":[1,2]})";
        const auto e = callbacklog::parseLine(line, QStringLiteral("cb.jsonl"), 1);
        QVERIFY_RESULT(e);
        QCOMPARE(e->source, CallbackSource::Import);
        QCOMPARE(e->receivedAtMs, kReceivedSeconds * 1000 + 123);
        QCOMPARE(e->notificationId, QStringLiteral("EV-1"));
        QCOMPARE(e->eventType, QStringLiteral("TRANSACTION.SUCCESS"));
        QCOMPARE(e->outTradeNo, QStringLiteral("T2026112600000001"));
        QCOMPARE(e->transactionId, QStringLiteral("4200000000202611260000000001"));
        QCOMPARE(e->successTime, std::optional<qint64>(kReceivedSeconds - 2));
        QCOMPARE(e->httpStatus, 200);
        QCOMPARE(e->outcome, CallbackOutcome::Applied);
        QCOMPARE(e->cause, FailureCause::None);
        QCOMPARE(e->processingMs, std::optional<qint64>(12));
        QCOMPARE(e->attempt, 2);
        QCOMPARE(e->notifyDelayMs(), std::optional<qint64>(2123));

        // formatLine writes what parseLine reads back.
        const auto again = callbacklog::parseLine(callbacklog::formatLine(*e), QString(), 1);
        QVERIFY_RESULT(again);
        QCOMPARE(again->receivedAtMs, e->receivedAtMs);
        QCOMPARE(again->notificationId, e->notificationId);
        QCOMPARE(again->successTime, e->successTime);
        QCOMPARE(again->successTimeText, e->successTimeText);
        QCOMPARE(again->outcome, e->outcome);
        QCOMPARE(again->processingMs, e->processingMs);
        QCOMPARE(again->attempt, e->attempt);
    }

    void refusedLineKeepsSerialAndMessage()
    {
        const QByteArray line
            = R"({"received_at":1795659120123,"http_status":401,"outcome":"rejected",)"
              R"("cause":"unknown_serial","out_trade_no":"T1","serial":"5157F09EFDC096DE15EBE81A47057A72",)"
              R"("message":"未找到序列号为 5157F09E… 的平台证书"})";
        const auto e = callbacklog::parseLine(line, QStringLiteral("cb.jsonl"), 1);
        QVERIFY_RESULT(e);
        QCOMPARE(e->cause, FailureCause::UnknownSerial);
        QCOMPARE(e->serial, QStringLiteral("5157F09EFDC096DE15EBE81A47057A72"));
        QCOMPARE(e->message, QStringLiteral("未找到序列号为 5157F09E… 的平台证书"));
        const auto again = callbacklog::parseLine(callbacklog::formatLine(*e), QString(), 1);
        QVERIFY_RESULT(again);
        QCOMPARE(again->serial, e->serial);
        QCOMPARE(again->message, e->message);

        // Absent ones are not written, so that lines without them keep their import key.
        CallbackEvent plain = *e;
        plain.serial.clear();
        plain.message.clear();
        QVERIFY(!callbacklog::formatLine(plain).contains("\"serial\""));
        QVERIFY(!callbacklog::formatLine(plain).contains("\"message\""));

        // Over-long ones are cut to what the receiver would keep.
        QJsonObject longOne{{QStringLiteral("received_at"), 1},
                            {QStringLiteral("http_status"), 500},
                            {QStringLiteral("serial"), QString(300, QLatin1Char('A'))},
                            {QStringLiteral("message"), QString(5000, QLatin1Char('x'))}};
        const QByteArray longLine = QJsonDocument(longOne).toJson(QJsonDocument::Compact);
        const auto cut = callbacklog::parseLine(longLine, QStringLiteral("cb.jsonl"), 2);
        QVERIFY_RESULT(cut);
        QCOMPARE(cut->serial.size(), 128);
        QCOMPARE(cut->message.size(), 1000);
    }

    void outcomeAndCause_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<CallbackOutcome>("outcome");
        QTest::addColumn<FailureCause>("cause");
        QTest::newRow("200 without outcome")
            << QByteArray(R"("http_status":200)") << CallbackOutcome::Applied << FailureCause::None;
        QTest::newRow("204 without outcome")
            << QByteArray(R"("http_status":204)") << CallbackOutcome::Applied << FailureCause::None;
        QTest::newRow("401 without outcome")
            << QByteArray(R"("http_status":401)") << CallbackOutcome::Rejected
            << FailureCause::Unspecified;
        QTest::newRow("500 without outcome") << QByteArray(R"("http_status":500)")
                                             << CallbackOutcome::Error << FailureCause::Unspecified;
        QTest::newRow("duplicate") << QByteArray(R"("http_status":200,"outcome":"duplicate")")
                                   << CallbackOutcome::Duplicate << FailureCause::None;
        QTest::newRow("ignored") << QByteArray(R"("http_status":204,"outcome":"IGNORED")")
                                 << CallbackOutcome::Ignored << FailureCause::None;
        QTest::newRow("rejected probe")
            << QByteArray(R"("http_status":401,"outcome":"rejected","cause":"probe")")
            << CallbackOutcome::Rejected << FailureCause::Probe;
        QTest::newRow("java sdk 500 for a signature failure")
            << QByteArray(R"("http_status":500,"outcome":"rejected","cause":"bad_signature")")
            << CallbackOutcome::Rejected << FailureCause::BadSignature;
        QTest::newRow("database error")
            << QByteArray(R"("http_status":503,"outcome":"error","cause":"database_error")")
            << CallbackOutcome::Error << FailureCause::DatabaseError;
        QTest::newRow("null fields are absent")
            << QByteArray(R"("http_status":200,"outcome":null,"cause":null,"success_time":null)")
            << CallbackOutcome::Applied << FailureCause::None;
    }

    void outcomeAndCause()
    {
        QFETCH(QByteArray, fields);
        QFETCH(CallbackOutcome, outcome);
        QFETCH(FailureCause, cause);
        const QByteArray line = R"({"received_at":1795659120123,)" + fields + '}';
        const auto e = callbacklog::parseLine(line, QStringLiteral("cb.jsonl"), 3);
        QVERIFY_RESULT(e);
        QCOMPARE(e->receivedAtMs, qint64(1795659120123));
        QCOMPARE(e->outcome, outcome);
        QCOMPARE(e->cause, cause);
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QByteArray("received_at=now") << "line 7";
        QTest::newRow("array") << QByteArray("[1,2]") << "not a JSON object";
        QTest::newRow("truncated")
            << QByteArray(R"({"received_at":"2026-11-26T10:12:00Z")") << "not a JSON object";
        QTest::newRow("no received_at") << QByteArray(R"({"http_status":200})") << "received_at";
        QTest::newRow("bad received_at")
            << QByteArray(R"({"received_at":"26/11/2026","http_status":200})") << "received_at";
        QTest::newRow("received_at without offset")
            << QByteArray(R"({"received_at":"2026-11-26T10:12:00.123","http_status":200})")
            << "received_at";
        QTest::newRow("negative millis")
            << QByteArray(R"({"received_at":-5,"http_status":200})") << "received_at";
        QTest::newRow("no status") << QByteArray(R"({"received_at":1})") << "http_status";
        QTest::newRow("status as text")
            << QByteArray(R"({"received_at":1,"http_status":"200"})") << "http_status";
        QTest::newRow("status out of range")
            << QByteArray(R"({"received_at":1,"http_status":2000})") << "http_status";
        QTest::newRow("fractional status")
            << QByteArray(R"({"received_at":1,"http_status":200.5})") << "http_status";
        QTest::newRow("unknown outcome")
            << QByteArray(R"({"received_at":1,"http_status":200,"outcome":"ok"})") << "outcome";
        QTest::newRow("applied with 500")
            << QByteArray(R"({"received_at":1,"http_status":500,"outcome":"applied"})")
            << "contradicts";
        QTest::newRow("rejected with 200")
            << QByteArray(R"({"received_at":1,"http_status":200,"outcome":"rejected"})")
            << "contradicts";
        QTest::newRow("unknown cause") << QByteArray(
            R"({"received_at":1,"http_status":401,"outcome":"rejected","cause":"gremlins"})")
                                       << "cause";
        QTest::newRow("cause on success")
            << QByteArray(R"({"received_at":1,"http_status":200,"cause":"probe"})") << "cause";
        QTest::newRow("id as number")
            << QByteArray(R"({"received_at":1,"http_status":200,"notification_id":7})")
            << "notification_id";
        QTest::newRow("serial as number")
            << QByteArray(R"({"received_at":1,"http_status":401,"serial":12})") << "serial";
        QTest::newRow("message as object")
            << QByteArray(R"({"received_at":1,"http_status":401,"message":{"a":1}})") << "message";
        QTest::newRow("bad success_time") << QByteArray(
            R"({"received_at":1,"http_status":200,"success_time":"2026-11-26 10:11:58"})")
                                          << "success_time";
        QTest::newRow("negative processing")
            << QByteArray(R"({"received_at":1,"http_status":200,"processing_ms":-3})")
            << "processing_ms";
    }

    void invalid()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, mentions);
        const auto e = callbacklog::parseLine(line, QStringLiteral("cb.jsonl"), 7);
        QVERIFY_ERROR(e, ErrorCode::InvalidInput);
        QVERIFY2(e.error().message.contains(QStringLiteral("cb.jsonl, line 7")),
                 qPrintable(e.error().message));
        QVERIFY2(e.error().message.contains(mentions), qPrintable(e.error().message));
    }

    // The sample file shipped with the docs parses line by line.
    void sampleFile()
    {
        QFile f(QStringLiteral(WXR_TEST_DATA_DIR "/notify/callbacks_sample.jsonl"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        qint64 lineNo = 0;
        int events = 0;
        int rejected = 0;
        while (!f.atEnd()) {
            const QByteArray line = f.readLine().trimmed();
            ++lineNo;
            if (line.isEmpty())
                continue;
            const auto e = callbacklog::parseLine(line, f.fileName(), lineNo);
            QVERIFY_RESULT(e);
            ++events;
            rejected += e->outcome == CallbackOutcome::Rejected;
        }
        QCOMPARE(events, 6);
        QCOMPARE(rejected, 2);
    }
};

QTEST_GUILESS_MAIN(tst_CallbackLog)
#include "tst_callbacklog.moc"
