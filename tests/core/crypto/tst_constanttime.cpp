// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/constanttime.h"

#include <QTest>

using namespace wxr::core;

class tst_ConstantTime final : public QObject
{
    Q_OBJECT

private slots:
    void equals_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("same") << QByteArray("79bb0f45") << QByteArray("79bb0f45") << true;
        QTest::newRow("last byte differs")
            << QByteArray("79bb0f45") << QByteArray("79bb0f46") << false;
        QTest::newRow("first byte differs")
            << QByteArray("x9bb0f45") << QByteArray("79bb0f45") << false;
        QTest::newRow("prefix") << QByteArray("79bb") << QByteArray("79bb0f45") << false;
        QTest::newRow("both empty") << QByteArray() << QByteArray("") << true;
        QTest::newRow("one empty") << QByteArray() << QByteArray("a") << false;
        QTest::newRow("embedded NUL") << QByteArray("a\0b", 3) << QByteArray("a\0c", 3) << false;
        QTest::newRow("case matters") << QByteArray("ABC") << QByteArray("abc") << false;
    }

    void equals()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(constantTimeEquals(a, b), equal);
        QCOMPARE(constantTimeEquals(b, a), equal);
    }
};

QTEST_APPLESS_MAIN(tst_ConstantTime)
#include "tst_constanttime.moc"
