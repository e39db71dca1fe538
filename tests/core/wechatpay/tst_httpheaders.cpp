// SPDX-License-Identifier: GPL-3.0-or-later
#include "testutil.h"
#include "wechatpay/httpheaders.h"

#include <QTest>

using namespace wxr;
using namespace wxr::core;

class tst_HttpHeaders final : public QObject
{
    Q_OBJECT

private slots:
    void lookupIsCaseInsensitive()
    {
        HttpHeaders h({{"wechatpay-serial", " ABC "}, {"Content-Type", "application/json"}});
        QCOMPARE(h.value("Wechatpay-Serial"), std::optional<QByteArray>("ABC"));
        QCOMPARE(h.value("WECHATPAY-SERIAL"), std::optional<QByteArray>("ABC"));
        QVERIFY(!h.value("Wechatpay-Nonce"));
        QVERIFY(h.contains("content-type"));
        h.set("CONTENT-TYPE", "text/plain");
        QCOMPARE(h.pairs().size(), 2);
        QCOMPARE(*h.value("content-type"), QByteArray("text/plain"));
    }

    void parseLines_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("count");
        QTest::newRow("LF") << QByteArray("Wechatpay-Serial: A\nWechatpay-Nonce: n\n") << true << 2;
        QTest::newRow("CRLF and blank lines")
            << QByteArray("\r\nWechatpay-Serial: A\r\n\r\nWechatpay-Nonce: n\r\n") << true << 2;
        QTest::newRow("curl request line")
            << QByteArray("POST /notify HTTP/1.1\nHost: x\n") << true << 1;
        QTest::newRow("status line") << QByteArray("HTTP/1.1 200 OK\nRequest-ID: r\n") << true << 1;
        QTest::newRow("value with colons") << QByteArray("Date: Tue, 10:11:12\n") << true << 1;
        QTest::newRow("no colon") << QByteArray("Wechatpay-Serial A\n") << false << 0;
        QTest::newRow("empty name") << QByteArray(": value\n") << false << 0;
        QTest::newRow("empty file") << QByteArray() << true << 0;
    }

    void parseLines()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(int, count);
        const auto h = HttpHeaders::parseLines(text, QStringLiteral("headers.txt"));
        QCOMPARE(h.ok(), valid);
        if (valid) {
            QCOMPARE(h->pairs().size(), count);
        } else {
            QCOMPARE(h.error().code, ErrorCode::InvalidInput);
            QVERIFY(h.error().message.contains(QStringLiteral("headers.txt")));
            QVERIFY(h.error().message.contains(QStringLiteral("Line 1")));
        }
    }
};

QTEST_APPLESS_MAIN(tst_HttpHeaders)
#include "tst_httpheaders.moc"
