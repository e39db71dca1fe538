// SPDX-License-Identifier: GPL-3.0-or-later
#include "testutil.h"
#include "wechatpay/wechatrefund.h"
#include "wechatpay/wechattransaction.h"

#include <QJsonDocument>
#include <QTest>

using namespace wxr;
using namespace wxr::core;

Q_DECLARE_METATYPE(wxr::core::TradeState)

namespace {

QJsonObject json(const QByteArray &text)
{
    const QJsonDocument d = QJsonDocument::fromJson(text);
    if (!d.isObject())
        qFatal("bad test JSON");
    return d.object();
}

} // namespace

class tst_WechatTransaction final : public QObject
{
    Q_OBJECT

private slots:
    void fullQueryResponse()
    {
        const auto t = WechatTransaction::fromJson(json(R"({
            "appid":"wxd678efh567hg6787","mchid":"1230000109","out_trade_no":"1217752501201407033233368018",
            "transaction_id":"1217752501201407033233368018","trade_type":"MICROPAY","trade_state":"SUCCESS",
            "trade_state_desc":"支付成功","bank_type":"CMC","attach":"自定义数据",
            "success_time":"2018-06-08T10:34:56+08:00","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},
            "amount":{"total":100,"payer_total":90,"currency":"CNY","payer_currency":"CNY"},
            "scene_info":{"device_id":"013467007045764"},"promotion_detail":[{"coupon_id":"109519"}]})"));
        QVERIFY_RESULT(t);
        QCOMPARE(t->tradeState, TradeState::Success);
        QCOMPARE(t->tradeStateDesc, QStringLiteral("支付成功"));
        QCOMPARE(t->successTime, std::optional<qint64>(1528425296));
        QCOMPARE(t->successTimeText, QStringLiteral("2018-06-08T10:34:56+08:00"));
        QCOMPARE(t->payerOpenid, QStringLiteral("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
        QCOMPARE(t->amountTotal, std::optional<qint64>(100));
        QCOMPARE(t->payerTotal, std::optional<qint64>(90));
        QCOMPARE(t->attach, QStringLiteral("自定义数据"));
    }

    void minimalUnpaidOrder()
    {
        const auto t = WechatTransaction::fromJson(json(
            R"({"mchid":"1","out_trade_no":"T1","trade_state":"NOTPAY","trade_state_desc":"未支付","amount":{"total":5}})"));
        QVERIFY_RESULT(t);
        QCOMPARE(t->tradeState, TradeState::NotPay);
        QVERIFY(t->transactionId.isEmpty());
        QVERIFY(!t->successTime);
        QVERIFY(!t->payerTotal);
    }

    void states_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<TradeState>("state");
        QTest::addColumn<bool>("terminal");
        QTest::newRow("SUCCESS") << "SUCCESS" << TradeState::Success << true;
        QTest::newRow("REFUND") << "REFUND" << TradeState::Refund << true;
        QTest::newRow("NOTPAY") << "NOTPAY" << TradeState::NotPay << false;
        QTest::newRow("CLOSED") << "CLOSED" << TradeState::Closed << true;
        QTest::newRow("REVOKED") << "REVOKED" << TradeState::Revoked << true;
        QTest::newRow("USERPAYING") << "USERPAYING" << TradeState::UserPaying << false;
        QTest::newRow("PAYERROR") << "PAYERROR" << TradeState::PayError << true;
        QTest::newRow("ACCEPT") << "ACCEPT" << TradeState::Accept << false;
        QTest::newRow("unknown: keep polling")
            << "PARTIAL_SOMETHING" << TradeState::Unknown << false;
        QTest::newRow("lower-case is unknown") << "success" << TradeState::Unknown << false;
    }

    void states()
    {
        QFETCH(QString, text);
        QFETCH(TradeState, state);
        QFETCH(bool, terminal);
        QCOMPARE(parseTradeState(text), state);
        QCOMPARE(isTerminal(state), terminal);
        if (state != TradeState::Unknown)
            QCOMPARE(tradeStateName(state), text);
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("no out_trade_no")
            << QByteArray(R"({"trade_state":"SUCCESS"})") << "out_trade_no";
        QTest::newRow("no trade_state") << QByteArray(R"({"out_trade_no":"T"})") << "trade_state";
        QTest::newRow("fractional amount")
            << QByteArray(R"({"out_trade_no":"T","trade_state":"SUCCESS","amount":{"total":12.5}})")
            << "total";
        QTest::newRow("amount as text") << QByteArray(
            R"({"out_trade_no":"T","trade_state":"SUCCESS","amount":{"total":"1250"}})")
                                        << "total";
        QTest::newRow("bad success_time") << QByteArray(
            R"({"out_trade_no":"T","trade_state":"SUCCESS","success_time":"2018-06-08 10:34:56"})")
                                          << "success_time";
        QTest::newRow("openid not text")
            << QByteArray(R"({"out_trade_no":"T","trade_state":"SUCCESS","payer":{"openid":5}})")
            << "openid";
    }

    void invalid()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, messagePart);
        const auto t = WechatTransaction::fromJson(json(text));
        QVERIFY_ERROR(t, ErrorCode::InvalidInput);
        QVERIFY2(t.error().message.contains(messagePart), qPrintable(t.error().message));
    }

    // Query response says `status`, refund callbacks say `refund_status`.
    void refundBothKeys_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("status");
        QTest::newRow("query: status") << QByteArray(
            R"({"out_refund_no":"R1","status":"PROCESSING","amount":{"refund":40,"total":100}})")
                                       << int(RefundStatus::Processing);
        QTest::newRow("callback: refund_status") << QByteArray(
            R"({"mchid":"1","out_refund_no":"R1","refund_status":"SUCCESS","success_time":"2026-11-26T10:12:00+08:00","amount":{"refund":40,"total":100,"payer_refund":40,"payer_total":100}})")
                                                 << int(RefundStatus::Success);
        QTest::newRow("ABNORMAL") << QByteArray(R"({"out_refund_no":"R1","status":"ABNORMAL"})")
                                  << int(RefundStatus::Abnormal);
        QTest::newRow("new value") << QByteArray(R"({"out_refund_no":"R1","status":"SOMETHING"})")
                                   << int(RefundStatus::Unknown);
    }

    void refundBothKeys()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, status);
        const auto f = WechatRefund::fromJson(json(text));
        QVERIFY_RESULT(f);
        QCOMPARE(int(f->status), status);
        QCOMPARE(f->outRefundNo, QStringLiteral("R1"));
    }

    void refundInvalid()
    {
        QVERIFY_ERROR(WechatRefund::fromJson(json(R"({"out_refund_no":"R1"})")),
                      ErrorCode::InvalidInput);
        QVERIFY_ERROR(WechatRefund::fromJson(json(R"({"status":"SUCCESS"})")),
                      ErrorCode::InvalidInput);
        QVERIFY_ERROR(WechatRefund::fromJson(json(
                          R"({"out_refund_no":"R1","status":"SUCCESS","amount":{"refund":0.5}})")),
                      ErrorCode::InvalidInput);
    }
};

QTEST_APPLESS_MAIN(tst_WechatTransaction)
#include "tst_wechattransaction.moc"
