// SPDX-License-Identifier: GPL-3.0-or-later
#include "testutil.h"
#include "wechatpay/gzip.h"

#include <QTest>

using namespace wxr;
using namespace wxr::core;

class tst_Gzip final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("bill with BOM and CRLF") << QByteArray("\xEF\xBB\xBF交易时间\r\n`1\r\n");
        QTest::newRow("larger than the inflate buffer") << QByteArray(300000, 'x');
    }

    void roundTrip()
    {
        QFETCH(QByteArray, data);
        const QByteArray z = gzip::compress(data);
        QVERIFY(gzip::looksCompressed(z));
        const auto back = gzip::gunzip(z);
        QVERIFY_RESULT(back);
        QCOMPARE(*back, data);
    }

    void concatenatedMembers()
    {
        const auto back = gzip::gunzip(QByteArray(gzip::compress("ab") + gzip::compress("cd")));
        QVERIFY_RESULT(back);
        QCOMPARE(*back, QByteArray("abcd"));
    }

    void damaged_data()
    {
        QTest::addColumn<QByteArray>("data");
        const QByteArray z = gzip::compress(QByteArray(1000, 'q'));
        QTest::newRow("not gzip") << QByteArray("plain text");
        QTest::newRow("truncated") << z.left(z.size() - 10);
        QTest::newRow("header only") << z.left(10);
        QByteArray flipped = z;
        flipped[z.size() - 6] = static_cast<char>(flipped[z.size() - 6] ^ 0xff); // CRC
        QTest::newRow("bad CRC") << flipped;
        QTest::newRow("trailing garbage") << QByteArray(z + "junk");
    }

    void damaged()
    {
        QFETCH(QByteArray, data);
        QVERIFY_ERROR(gzip::gunzip(data), ErrorCode::InvalidInput);
    }

    void sizeLimit()
    {
        QVERIFY_ERROR(gzip::gunzip(gzip::compress(QByteArray(200000, 'a')), 100000),
                      ErrorCode::InvalidInput);
    }
};

QTEST_APPLESS_MAIN(tst_Gzip)
#include "tst_gzip.moc"
