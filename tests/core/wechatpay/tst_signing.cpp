// SPDX-License-Identifier: GPL-3.0-or-later
#include "testutil.h"
#include "wechatpay/signing.h"

#include <QTest>

using namespace wxr;
using namespace wxr::core;

class tst_Signing final : public QObject
{
    Q_OBJECT

private slots:
    void requestMessage_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("url");
        QTest::addColumn<qint64>("timestamp");
        QTest::addColumn<QByteArray>("nonce");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expected");

        // Spec §1.1, the official example: note the empty body line.
        QTest::newRow("official GET /v3/certificates")
            << QByteArray("GET") << QByteArray("/v3/certificates") << qint64(1554208460)
            << QByteArray("593BEC0C930BF1AFEB40B4A08C8FB242") << QByteArray()
            << QByteArray(
                   "GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n");
        QTest::newRow("query on line 2")
            << QByteArray("GET")
            << QByteArray("/v3/pay/transactions/out-trade-no/T20261126001?mchid=1900000001")
            << qint64(1764123456) << QByteArray("n") << QByteArray()
            << QByteArray("GET\n/v3/pay/transactions/out-trade-no/T20261126001?mchid=1900000001\n"
                          "1764123456\nn\n\n");
        QTest::newRow("POST body exact")
            << QByteArray("POST") << QByteArray("/v3/pay/transactions/out-trade-no/T1/close")
            << qint64(1) << QByteArray("abc") << QByteArray(R"({"mchid":"1900000001"})")
            << QByteArray("POST\n/v3/pay/transactions/out-trade-no/T1/close\n1\nabc\n"
                          "{\"mchid\":\"1900000001\"}\n");
        QTest::newRow("body ending in LF still gets one")
            << QByteArray("POST") << QByteArray("/x") << qint64(2) << QByteArray("n")
            << QByteArray("{}\n") << QByteArray("POST\n/x\n2\nn\n{}\n\n");
        QTest::newRow("method upper-cased")
            << QByteArray("get") << QByteArray("/x") << qint64(3) << QByteArray("n") << QByteArray()
            << QByteArray("GET\n/x\n3\nn\n\n");
    }

    void requestMessage()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, url);
        QFETCH(qint64, timestamp);
        QFETCH(QByteArray, nonce);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expected);
        QCOMPARE(signing::requestMessage(method, url, timestamp, nonce, body), expected);
        QCOMPARE(signing::requestMessage(method, url, QByteArray::number(timestamp), nonce, body),
                 expected);
    }

    void responseMessage_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("204 empty body") << QByteArray() << QByteArray("1554209980\nnonce\n\n");
        QTest::newRow("JSON body")
            << QByteArray(R"({"a":1})") << QByteArray("1554209980\nnonce\n{\"a\":1}\n");
        QTest::newRow("raw bytes kept") << QByteArray("{ \"a\" : 1 }\r\n")
                                        << QByteArray("1554209980\nnonce\n{ \"a\" : 1 }\r\n\n");
    }

    void responseMessage()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expected);
        QCOMPARE(signing::responseMessage("1554209980", "nonce", body), expected);
    }

    void authorizationHeader()
    {
        QCOMPARE(signing::authorizationHeader("1900000001", "593BEC0C930BF1AFEB40B4A08C8FB242",
                                              1554208460,
                                              "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C",
                                              "uOVRnA4qG/MNnYzdQxJanN+zU+lTgIcnU9BxGw5dKjK+VdEUz2F"
                                              "VHnM9T5W0gdbTs9Z8ZWVLD+Lk5y+6CI7T8A=="),
                 QByteArray("WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001\","
                            "nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\","
                            "timestamp=\"1554208460\","
                            "serial_no=\"1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C\","
                            "signature=\"uOVRnA4qG/MNnYzdQxJanN+zU+lTgIcnU9BxGw5dKjK+VdEUz2FVHnM9"
                            "T5W0gdbTs9Z8ZWVLD+Lk5y+6CI7T8A==\""));
    }

    void parseAuthorization_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("Go/Java order") << QByteArray(
            R"(WECHATPAY2-SHA256-RSA2048 mchid="1900000001",nonce_str="N",timestamp="1554208460",serial_no="ABC",signature="c2ln==")")
                                       << true << "";
        QTest::newRow("PHP/axios order") << QByteArray(
            R"(WECHATPAY2-SHA256-RSA2048 mchid="1900000001",serial_no="ABC",timestamp="1554208460",nonce_str="N",signature="c2ln==")")
                                         << true << "";
        QTest::newRow("Java utility order") << QByteArray(
            R"(WECHATPAY2-SHA256-RSA2048 mchid="1900000001",nonce_str="N",signature="c2ln==",timestamp="1554208460",serial_no="ABC")")
                                            << true << "";
        QTest::newRow("blanks around separators") << QByteArray(
            R"(  WECHATPAY2-SHA256-RSA2048   mchid = "1900000001", nonce_str="N" ,timestamp="1554208460", serial_no="ABC", signature="c2ln==" )")
                                                  << true << "";
        QTest::newRow("unquoted values")
            << QByteArray("WECHATPAY2-SHA256-RSA2048 mchid=1900000001,nonce_str=N,"
                          "timestamp=1554208460,serial_no=ABC,signature=c2ln==")
            << true << "";
        QTest::newRow("unknown field ignored") << QByteArray(
            R"(WECHATPAY2-SHA256-RSA2048 mchid="1900000001",nonce_str="N",timestamp="1554208460",serial_no="ABC",signature="c2ln==",extra="1")")
                                               << true << "";
        QTest::newRow("other scheme") << QByteArray(
            R"(WECHATPAY2-SM2-WITH-SM3 mchid="1900000001",nonce_str="N",timestamp="1554208460",serial_no="ABC",signature="c2ln==")")
                                      << false << "scheme";
        QTest::newRow("missing signature") << QByteArray(
            R"(WECHATPAY2-SHA256-RSA2048 mchid="1900000001",nonce_str="N",timestamp="1554208460",serial_no="ABC")")
                                           << false << "signature";
        QTest::newRow("empty serial") << QByteArray(
            R"(WECHATPAY2-SHA256-RSA2048 mchid="1900000001",nonce_str="N",timestamp="1554208460",serial_no="",signature="c2ln==")")
                                      << false << "serial_no";
        QTest::newRow("repeated field") << QByteArray(
            R"(WECHATPAY2-SHA256-RSA2048 mchid="1",mchid="2",nonce_str="N",timestamp="1554208460",serial_no="ABC",signature="c2ln==")")
                                        << false << "repeats";
        QTest::newRow("unterminated quote")
            << QByteArray(R"(WECHATPAY2-SHA256-RSA2048 mchid="1900000001,nonce_str="N)") << false
            << "";
        QTest::newRow("millisecond-like text timestamp") << QByteArray(
            R"(WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="N",timestamp="1554208460.5",serial_no="ABC",signature="c2ln==")")
                                                         << false << "Unix seconds";
        QTest::newRow("empty") << QByteArray() << false << "scheme";
        QTest::newRow("field without equals")
            << QByteArray("WECHATPAY2-SHA256-RSA2048 mchid") << false << "=";
    }

    void parseAuthorization()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, valid);
        QFETCH(QString, messagePart);
        const auto f = signing::parseAuthorization(header);
        QCOMPARE(f.ok(), valid);
        if (valid) {
            QCOMPARE(f->scheme, QByteArray("WECHATPAY2-SHA256-RSA2048"));
            QCOMPARE(f->mchid, QByteArray("1900000001"));
            QCOMPARE(f->nonce, QByteArray("N"));
            QCOMPARE(f->timestamp, QByteArray("1554208460"));
            QCOMPARE(f->serialNo, QByteArray("ABC"));
            QCOMPARE(f->signature, QByteArray("c2ln=="));
        } else {
            QCOMPARE(f.error().code, ErrorCode::InvalidInput);
            QVERIFY2(f.error().message.contains(messagePart), qPrintable(f.error().message));
        }
    }

    void parseRoundTrip()
    {
        const QByteArray h
            = signing::authorizationHeader("1900000001", "abc", 1764000000, "5157F09E", "AAAA+/==");
        const auto f = signing::parseAuthorization(h);
        QVERIFY_RESULT(f);
        QCOMPARE(f->signature, QByteArray("AAAA+/=="));
        QCOMPARE(f->serialNo, QByteArray("5157F09E"));
        QCOMPARE(f->timestamp, QByteArray("1764000000"));
    }

    void canonicalUrl_data()
    {
        QTest::addColumn<QByteArray>("url");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("path only") << QByteArray("https://api.mch.weixin.qq.com/v3/certificates")
                                   << QByteArray("/v3/certificates");
        QTest::newRow("query kept") << QByteArray(
            "https://api.mch.weixin.qq.com/v3/bill/tradebill?bill_date=2026-11-25&bill_type=ALL")
                                    << QByteArray(
                                           "/v3/bill/tradebill?bill_date=2026-11-25&bill_type=ALL");
        QTest::newRow("percent-encoding kept")
            << QByteArray(
                   "https://api.mch.weixin.qq.com/v3/billdownload/file?token=a%2Bb%3D&tartype=gzip")
            << QByteArray("/v3/billdownload/file?token=a%2Bb%3D&tartype=gzip");
        QTest::newRow("port and fragment dropped")
            << QByteArray("http://127.0.0.1:8080/v3/x?y=1#frag") << QByteArray("/v3/x?y=1");
        QTest::newRow("empty path")
            << QByteArray("https://api.mch.weixin.qq.com") << QByteArray("/");
    }

    void canonicalUrl()
    {
        QFETCH(QByteArray, url);
        QFETCH(QByteArray, expected);
        QCOMPARE(signing::canonicalUrl(QUrl::fromEncoded(url, QUrl::StrictMode)), expected);
    }
};

QTEST_APPLESS_MAIN(tst_Signing)
#include "tst_signing.moc"
