// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/money.h"
#include "testutil.h"

#include <QTest>

#include <limits>

using namespace wxr;

class tst_Money final : public QObject
{
    Q_OBJECT

private slots:
    void parseYuan_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("fen");

        QTest::newRow("two decimals") << "12.34" << true << qint64(1234);
        QTest::newRow("one decimal") << "45.0" << true << qint64(4500);
        QTest::newRow("integer") << "7" << true << qint64(700);
        QTest::newRow("negative") << "-3.00" << true << qint64(-300);
        QTest::newRow("plus sign") << "+1.5" << true << qint64(150);
        QTest::newRow("zero") << "0.00" << true << qint64(0);
        QTest::newRow("trailing zeros beyond fen") << "0.01000" << true << qint64(1);
        QTest::newRow("leading dot") << ".5" << true << qint64(50);
        QTest::newRow("trailing dot") << "5." << true << qint64(500);
        QTest::newRow("one fen") << "0.01" << true << qint64(1);
        QTest::newRow("large") << "92233720368547758.07" << true
                               << std::numeric_limits<qint64>::max();
        QTest::newRow("sub-fen precision") << "0.00001" << false << qint64(0);
        QTest::newRow("third decimal") << "1.005" << false << qint64(0);
        QTest::newRow("empty") << "" << false << qint64(0);
        QTest::newRow("lone dot") << "." << false << qint64(0);
        QTest::newRow("lone sign") << "-" << false << qint64(0);
        QTest::newRow("exponent") << "1e3" << false << qint64(0);
        QTest::newRow("comma decimal") << "12,00" << false << qint64(0);
        QTest::newRow("grouping") << "1,234.00" << false << qint64(0);
        QTest::newRow("space") << " 1.00" << false << qint64(0);
        QTest::newRow("two dots") << "1.0.0" << false << qint64(0);
        QTest::newRow("backtick") << "`1.00" << false << qint64(0);
        QTest::newRow("overflow") << "92233720368547758.08" << false << qint64(0);
        QTest::newRow("huge") << "999999999999999999999" << false << qint64(0);
    }

    void parseYuan()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, fen);
        const Result<Fen> r = money::parseYuan(QStringView(text));
        QCOMPARE(r.ok(), valid);
        if (valid)
            QCOMPARE(*r, fen);
        else
            QCOMPARE(r.error().code, ErrorCode::InvalidInput);
    }

    void parseYuanMilli_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("milliFen");
        QTest::newRow("fee 5 decimals") << QByteArray("0.07500") << true << qint64(7500);
        QTest::newRow("sub-fen fee") << QByteArray("0.00001") << true << qint64(1);
        QTest::newRow("two decimals") << QByteArray("0.08") << true << qint64(8000);
        QTest::newRow("count style") << QByteArray("45.0") << true << qint64(4500000);
        QTest::newRow("six decimals") << QByteArray("0.000001") << false << qint64(0);
        QTest::newRow("six decimals zero") << QByteArray("0.000010") << true << qint64(1);
        QTest::newRow("negative") << QByteArray("-0.00150") << true << qint64(-150);
    }

    void parseYuanMilli()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(qint64, milliFen);
        const auto r = money::parseYuanMilli(text);
        QCOMPARE(r.ok(), valid);
        if (valid)
            QCOMPARE(*r, milliFen);
    }

    void format_data()
    {
        QTest::addColumn<qint64>("fen");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << "0.00";
        QTest::newRow("one fen") << qint64(1) << "0.01";
        QTest::newRow("ten fen") << qint64(10) << "0.10";
        QTest::newRow("yuan") << qint64(1234) << "12.34";
        QTest::newRow("negative") << qint64(-300) << "-3.00";
        QTest::newRow("negative fen") << qint64(-5) << "-0.05";
        QTest::newRow("max") << std::numeric_limits<qint64>::max() << "92233720368547758.07";
        QTest::newRow("min") << std::numeric_limits<qint64>::min() << "-92233720368547758.08";
    }

    void format()
    {
        QFETCH(qint64, fen);
        QFETCH(QString, text);
        QCOMPARE(money::formatYuan(fen), text);
        if (fen > std::numeric_limits<qint64>::min()) {
            const auto back = money::parseYuan(QStringView(text));
            QVERIFY_RESULT(back);
            QCOMPARE(*back, fen);
        }
    }

    void formatMilli()
    {
        QCOMPARE(money::formatYuanMilli(7500), QStringLiteral("0.07500"));
        QCOMPARE(money::formatYuanMilli(1), QStringLiteral("0.00001"));
        QCOMPARE(money::formatYuanMilli(-123456789), QStringLiteral("-1234.56789"));
        QCOMPARE(money::formatYuanMilli(0), QStringLiteral("0.00000"));
    }

    void formatGrouped_data()
    {
        QTest::addColumn<qint64>("fen");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << "0.00";
        QTest::newRow("three digits") << qint64(99999) << "999.99";
        QTest::newRow("four digits") << qint64(100000) << "1,000.00";
        QTest::newRow("day's payments") << qint64(16891402366) << "168,914,023.66";
        QTest::newRow("six digits") << qint64(12345678) << "123,456.78";
        QTest::newRow("negative three digits") << qint64(-12345) << "-123.45";
        QTest::newRow("negative four digits") << qint64(-123456) << "-1,234.56";
        QTest::newRow("negative six digits") << qint64(-12345678) << "-123,456.78";
        QTest::newRow("min") << std::numeric_limits<qint64>::min() << "-92,233,720,368,547,758.08";
    }

    void formatGrouped()
    {
        QFETCH(qint64, fen);
        QFETCH(QString, text);
        QCOMPARE(money::formatYuanGrouped(fen), text);
    }

    void formatMilliGrouped()
    {
        QCOMPARE(money::formatYuanMilliGrouped(88240941779), QStringLiteral("882,409.41779"));
        QCOMPARE(money::formatYuanMilliGrouped(-123456789), QStringLiteral("-1,234.56789"));
        QCOMPARE(money::formatYuanMilliGrouped(7500), QStringLiteral("0.07500"));
    }

    void rounding_data()
    {
        QTest::addColumn<qint64>("milli");
        QTest::addColumn<qint64>("fen");
        QTest::newRow("down") << qint64(7499) << qint64(7);
        QTest::newRow("half up") << qint64(7500) << qint64(8);
        QTest::newRow("exact") << qint64(8000) << qint64(8);
        QTest::newRow("negative half") << qint64(-1500) << qint64(-2);
        QTest::newRow("negative down") << qint64(-1499) << qint64(-1);
        QTest::newRow("zero") << qint64(0) << qint64(0);
    }

    void rounding()
    {
        QFETCH(qint64, milli);
        QFETCH(qint64, fen);
        QCOMPARE(money::roundMilliToFen(milli), fen);
    }

    void parseInteger()
    {
        QCOMPARE(money::parseInteger("12345"), std::optional<qint64>(12345));
        QCOMPARE(money::parseInteger("-7"), std::optional<qint64>(-7));
        QVERIFY(!money::parseInteger(""));
        QVERIFY(!money::parseInteger("-"));
        QVERIFY(!money::parseInteger("1.0"));
        QVERIFY(!money::parseInteger("12a"));
        QVERIFY(!money::parseInteger("99999999999999999999"));
    }
};

QTEST_APPLESS_MAIN(tst_Money)
#include "tst_money.moc"
