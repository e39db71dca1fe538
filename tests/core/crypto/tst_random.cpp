// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/random.h"

#include <QSet>
#include <QTest>

using namespace wxr::core;

class tst_Random final : public QObject
{
    Q_OBJECT

private slots:
    void nonceString_data()
    {
        QTest::addColumn<int>("length");
        QTest::newRow("default 32") << 32;
        QTest::newRow("one") << 1;
        QTest::newRow("longer than one refill") << 200;
        QTest::newRow("zero") << 0;
        QTest::newRow("negative") << -5;
    }

    void nonceString()
    {
        QFETCH(int, length);
        const QByteArray n = random::nonceString(length);
        QCOMPARE(n.size(), qMax(0, length));
        for (char c : n)
            QVERIFY2((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'),
                     n.constData());
    }

    void defaultLengthIs32() { QCOMPARE(random::nonceString().size(), 32); }

    void noncesDiffer()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 1000; ++i)
            seen.insert(random::nonceString());
        QCOMPARE(seen.size(), 1000);
    }

    // Every character of the alphabet shows up and none dominates (catches a modulo bias or a
    // truncated alphabet, not a statistical proof).
    void alphabetCovered()
    {
        QHash<char, int> counts;
        const QByteArray sample = random::nonceString(62 * 400);
        for (char c : sample)
            ++counts[c];
        QCOMPARE(counts.size(), 62);
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            QVERIFY2(it.value() > 250 && it.value() < 560, qPrintable(QString::number(it.value())));
    }

    void bytes()
    {
        QCOMPARE(random::bytes(0).size(), 0);
        QCOMPARE(random::bytes(12).size(), 12);
        QVERIFY(random::bytes(32) != random::bytes(32));
    }
};

QTEST_APPLESS_MAIN(tst_Random)
#include "tst_random.moc"
