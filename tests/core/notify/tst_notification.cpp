// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/aead.h"
#include "notify/notification.h"
#include "testutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace wxr;
using namespace wxr::core;
using namespace wxr::core::notification;

Q_DECLARE_METATYPE(EventKind)

namespace {

const QByteArray kApiV3Key = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb"; // the Java SDK's test key

QByteArray envelopeWith(const QByteArray &plaintext, const QByteArray &eventType,
                        const QByteArray &associatedData = "transaction",
                        const QByteArray &nonce = "uluk4a9R25RW")
{
    const auto sealed = aead::encryptAes256Gcm(kApiV3Key, nonce, associatedData, plaintext);
    if (!sealed)
        qFatal("encrypt failed");
    QJsonObject resource{{QStringLiteral("original_type"), QStringLiteral("transaction")},
                         {QStringLiteral("algorithm"), QStringLiteral("AEAD_AES_256_GCM")},
                         {QStringLiteral("ciphertext"), QString::fromLatin1(sealed->toBase64())},
                         {QStringLiteral("associated_data"), QString::fromLatin1(associatedData)},
                         {QStringLiteral("nonce"), QString::fromLatin1(nonce)}};
    QJsonObject o{{QStringLiteral("id"), QStringLiteral("EV-2018022511223320873")},
                  {QStringLiteral("create_time"), QStringLiteral("2026-11-26T10:12:00+08:00")},
                  {QStringLiteral("resource_type"), QStringLiteral("encrypt-resource")},
                  {QStringLiteral("event_type"), QString::fromLatin1(eventType)},
                  {QStringLiteral("summary"), QStringLiteral("支付成功")},
                  {QStringLiteral("resource"), resource}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

const QByteArray kPayment
    = R"({"appid":"wx0000000000000001","mchid":"1900000001","out_trade_no":"T2026112600000001",)"
      R"("transaction_id":"4200000000202611260000000001","trade_type":"JSAPI",)"
      R"("trade_state":"SUCCESS","trade_state_desc":"支付成功","bank_type":"CMC","attach":"",)"
      R"("success_time":"2026-11-26T10:11:58+08:00","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},)"
      R"("amount":{"total":1250,"payer_total":1200,"currency":"CNY","payer_currency":"CNY"}})";

} // namespace

class tst_Notification final : public QObject
{
    Q_OBJECT

private slots:
    void eventKinds_data()
    {
        QTest::addColumn<QString>("eventType");
        QTest::addColumn<EventKind>("kind");
        QTest::newRow("payment") << "TRANSACTION.SUCCESS" << EventKind::Transaction;
        QTest::newRow("refund success") << "REFUND.SUCCESS" << EventKind::Refund;
        QTest::newRow("refund abnormal") << "REFUND.ABNORMAL" << EventKind::Refund;
        QTest::newRow("refund closed") << "REFUND.CLOSED" << EventKind::Refund;
        QTest::newRow("deduction failure") << "TRANSACTION.FAIL" << EventKind::Other;
        QTest::newRow("payscore") << "PAYSCORE.USER_CONFIRM" << EventKind::Other;
        QTest::newRow("lower case is not the same") << "transaction.success" << EventKind::Other;
    }

    void eventKinds()
    {
        QFETCH(QString, eventType);
        QFETCH(EventKind, kind);
        QCOMPARE(eventKindOf(eventType), kind);
    }

    void decryptsAndParsesPayment()
    {
        const QByteArray body = envelopeWith(kPayment, "TRANSACTION.SUCCESS");
        const auto env = parseEnvelope(body);
        QVERIFY_RESULT(env);
        QCOMPARE(env->id, QStringLiteral("EV-2018022511223320873"));
        QCOMPARE(env->eventType, QStringLiteral("TRANSACTION.SUCCESS"));
        QCOMPARE(env->resource.originalType, QStringLiteral("transaction"));
        QCOMPARE(env->summary, QStringLiteral("支付成功"));
        const auto plain = decryptResource(*env, kApiV3Key);
        QVERIFY_RESULT(plain);
        QCOMPARE(*plain, kPayment);
        const auto n = parseTransaction(*plain);
        QVERIFY_RESULT(n);
        QCOMPARE(n->mchid, QStringLiteral("1900000001"));
        QCOMPARE(n->appid, QStringLiteral("wx0000000000000001"));
        QCOMPARE(n->outTradeNo, QStringLiteral("T2026112600000001"));
        QCOMPARE(n->transactionId, QStringLiteral("4200000000202611260000000001"));
        QCOMPARE(n->tradeState, QStringLiteral("SUCCESS"));
        QCOMPARE(n->successTime, std::optional<qint64>(1795659118));
        QCOMPARE(n->successTimeText, QStringLiteral("2026-11-26T10:11:58+08:00"));
        QCOMPARE(n->amountTotal, std::optional<qint64>(1250));
        QCOMPARE(n->payerTotal, std::optional<qint64>(1200));
    }

    // associated_data may be empty or absent (spec §4.2); both mean an empty AAD.
    void emptyOrAbsentAssociatedData()
    {
        const QByteArray withEmpty = envelopeWith(kPayment, "TRANSACTION.SUCCESS", "");
        auto env = parseEnvelope(withEmpty);
        QVERIFY_RESULT(env);
        QVERIFY_RESULT(decryptResource(*env, kApiV3Key));

        QJsonObject o = QJsonDocument::fromJson(withEmpty).object();
        QJsonObject r = o.value(QStringLiteral("resource")).toObject();
        r.remove(QStringLiteral("associated_data"));
        o.insert(QStringLiteral("resource"), r);
        env = parseEnvelope(QJsonDocument(o).toJson());
        QVERIFY_RESULT(env);
        QVERIFY(env->resource.associatedData.isEmpty());
        QVERIFY_RESULT(decryptResource(*env, kApiV3Key));
    }

    void wrongKeyIsVerificationFailure()
    {
        const auto env = parseEnvelope(envelopeWith(kPayment, "TRANSACTION.SUCCESS"));
        QVERIFY_RESULT(env);
        const auto plain = decryptResource(*env, QByteArray(32, 'k'));
        QVERIFY_ERROR(plain, ErrorCode::Verification);
        QVERIFY(plain.error().message.contains(QStringLiteral("EV-2018022511223320873")));
        QVERIFY(!plain.error().message.contains(QString::fromLatin1(kApiV3Key)));
    }

    void tamperedAssociatedDataFails()
    {
        QJsonObject o
            = QJsonDocument::fromJson(envelopeWith(kPayment, "TRANSACTION.SUCCESS")).object();
        QJsonObject r = o.value(QStringLiteral("resource")).toObject();
        r.insert(QStringLiteral("associated_data"), QStringLiteral("refund"));
        o.insert(QStringLiteral("resource"), r);
        const auto env = parseEnvelope(QJsonDocument(o).toJson());
        QVERIFY_RESULT(env);
        QVERIFY_ERROR(decryptResource(*env, kApiV3Key), ErrorCode::Verification);
    }

    void badCiphertext_data()
    {
        QTest::addColumn<QString>("ciphertext");
        QTest::newRow("not base64") << "@@@@";
        QTest::newRow("shorter than the tag")
            << QString::fromLatin1(QByteArray(10, 'x').toBase64());
    }

    void badCiphertext()
    {
        QFETCH(QString, ciphertext);
        QJsonObject o
            = QJsonDocument::fromJson(envelopeWith(kPayment, "TRANSACTION.SUCCESS")).object();
        QJsonObject r = o.value(QStringLiteral("resource")).toObject();
        r.insert(QStringLiteral("ciphertext"), ciphertext);
        o.insert(QStringLiteral("resource"), r);
        const auto env = parseEnvelope(QJsonDocument(o).toJson());
        QVERIFY_RESULT(env);
        QVERIFY_ERROR(decryptResource(*env, kApiV3Key), ErrorCode::InvalidInput);
    }

    void malformedEnvelope_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << QByteArray() << "JSON";
        QTest::newRow("not json") << QByteArray("id=1") << "JSON";
        QTest::newRow("array") << QByteArray("[]") << "object";
        QTest::newRow("no id") << QByteArray(R"({"event_type":"TRANSACTION.SUCCESS"})") << "id";
        QTest::newRow("id too long")
            << (R"({"id":")" + QByteArray(65, 'x') + R"(","event_type":"X"})") << "id";
        QTest::newRow("id not a string") << QByteArray(R"({"id":5,"event_type":"X"})") << "id";
        QTest::newRow("no event type") << QByteArray(R"({"id":"EV-1"})") << "event_type";
        QTest::newRow("no resource")
            << QByteArray(R"({"id":"EV-1","event_type":"X"})") << "resource";
        QTest::newRow("resource not object")
            << QByteArray(R"({"id":"EV-1","event_type":"X","resource":"abc"})") << "resource";
        QTest::newRow("other algorithm")
            << QByteArray(R"({"id":"EV-1","event_type":"X","resource":{"algorithm":"SM4",)"
                          R"("ciphertext":"AAAA","nonce":"n"}})")
            << "SM4";
        QTest::newRow("no nonce") << QByteArray(
            R"({"id":"EV-1","event_type":"X","resource":{"algorithm":)"
            R"("AEAD_AES_256_GCM","ciphertext":"AAAA"}})")
                                  << "nonce";
        QTest::newRow("no ciphertext")
            << QByteArray(R"({"id":"EV-1","event_type":"X","resource":{"algorithm":)"
                          R"("AEAD_AES_256_GCM","nonce":"n"}})")
            << "ciphertext";
    }

    void malformedEnvelope()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, mentions);
        const auto env = parseEnvelope(body);
        QVERIFY_ERROR(env, ErrorCode::InvalidInput);
        QVERIFY2(env.error().message.contains(mentions), qPrintable(env.error().message));
    }

    void malformedPayment_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no mchid") << QByteArray(R"({"out_trade_no":"T1","trade_state":"SUCCESS"})")
                                  << "mchid";
        QTest::newRow("no out_trade_no")
            << QByteArray(R"({"mchid":"1900000001","trade_state":"SUCCESS"})") << "out_trade_no";
        QTest::newRow("no trade_state")
            << QByteArray(R"({"mchid":"1900000001","out_trade_no":"T1"})") << "trade_state";
        QTest::newRow("amount as text")
            << QByteArray(R"({"mchid":"1","out_trade_no":"T1","trade_state":"SUCCESS",)"
                          R"("amount":{"total":"12.50"}})")
            << "amount.total";
        QTest::newRow("fractional amount")
            << QByteArray(R"({"mchid":"1","out_trade_no":"T1","trade_state":"SUCCESS",)"
                          R"("amount":{"total":12.5}})")
            << "amount.total";
        QTest::newRow("negative amount")
            << QByteArray(R"({"mchid":"1","out_trade_no":"T1","trade_state":"SUCCESS",)"
                          R"("amount":{"total":-1}})")
            << "amount.total";
        QTest::newRow("bad success_time")
            << QByteArray(R"({"mchid":"1","out_trade_no":"T1","trade_state":"SUCCESS",)"
                          R"("success_time":"2026-11-26 10:11:58"})")
            << "success_time";
        QTest::newRow("not json") << QByteArray("{") << "JSON";
    }

    void malformedPayment()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const auto n = parseTransaction(json);
        QVERIFY_ERROR(n, ErrorCode::InvalidInput);
        QVERIFY2(n.error().message.contains(mentions), qPrintable(n.error().message));
    }

    void minimalPayment()
    {
        const auto n = parseTransaction(
            R"({"mchid":"1900000001","out_trade_no":"T1","trade_state":"SUCCESS"})");
        QVERIFY_RESULT(n);
        QCOMPARE(n->successTime, std::nullopt);
        QCOMPARE(n->amountTotal, std::nullopt);
        QVERIFY(n->transactionId.isEmpty());
    }

    void refunds_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("eventType");
        QTest::addColumn<QString>("status");
        QTest::addColumn<qint64>("refund");
        const QByteArray base
            = R"("mchid":"1900000001","out_trade_no":"T1",)"
              R"("transaction_id":"4200000000202611260000000001",)"
              R"("out_refund_no":"R1","refund_id":"50300000000000000000000000001",)"
              R"("user_received_account":"支付用户零钱",)"
              R"("amount":{"total":1250,"refund":500,"payer_total":1250,"payer_refund":500})";
        QTest::newRow("success")
            << ('{' + base
                + R"(,"refund_status":"SUCCESS","success_time":"2026-11-26T10:20:00+08:00"})")
            << "REFUND.SUCCESS"
            << "SUCCESS" << qint64(500);
        QTest::newRow("abnormal") << ('{' + base + R"(,"refund_status":"ABNORMAL"})")
                                  << "REFUND.ABNORMAL"
                                  << "ABNORMAL" << qint64(500);
        QTest::newRow("query-style status key")
            << ('{' + base + R"(,"status":"CLOSED"})") << "REFUND.CLOSED"
            << "CLOSED" << qint64(500);
        QTest::newRow("state from the event type") << ('{' + base + '}') << "REFUND.CLOSED"
                                                   << "CLOSED" << qint64(500);
    }

    void refunds()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, eventType);
        QFETCH(QString, status);
        QFETCH(qint64, refund);
        const auto n = parseRefund(json, eventType);
        QVERIFY_RESULT(n);
        QCOMPARE(n->refundStatus, status);
        QCOMPARE(n->outRefundNo, QStringLiteral("R1"));
        QCOMPARE(n->outTradeNo, QStringLiteral("T1"));
        QCOMPARE(n->amountRefund, std::optional<qint64>(refund));
        QCOMPARE(n->amountTotal, std::optional<qint64>(1250));
    }

    void malformedRefund()
    {
        QVERIFY_ERROR(
            parseRefund(R"({"out_trade_no":"T1","refund_status":"SUCCESS"})", u"REFUND.SUCCESS"),
            ErrorCode::InvalidInput);
        QVERIFY_ERROR(
            parseRefund(R"({"out_refund_no":"R1","refund_status":"SUCCESS"})", u"REFUND.SUCCESS"),
            ErrorCode::InvalidInput);
        QVERIFY_ERROR(parseRefund(R"({"out_trade_no":"T1","out_refund_no":"R1"})", u"OTHER"),
                      ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(tst_Notification)
#include "tst_notification.moc"
