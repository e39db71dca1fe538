// SPDX-License-Identifier: GPL-3.0-or-later
// Tests core/recon/keyindex.h: the matcher's hash index (insert, find, assign, growth, guess).
#include "recon/keyindex.h"

#include <QTest>

#include <string>
#include <vector>

using namespace wxr::core;

class TestKeyIndex : public QObject
{
    Q_OBJECT

private:
    static std::vector<std::string> keys(int n)
    {
        std::vector<std::string> out;
        out.reserve(size_t(n));
        for (int i = 0; i < n; ++i)
            out.push_back("T2026112500" + std::to_string(100000 + i));
        return out;
    }

private slots:
    void emptyIndexFindsNothing()
    {
        const KeyIndex index;
        QCOMPARE(index.find("T1"), KeyIndex::npos);
        QCOMPARE(index.guess("T1"), KeyIndex::npos);
        QVERIFY(!index.contains(""));
    }

    void firstInsertWinsAndAssignReplaces()
    {
        KeyIndex index;
        QCOMPARE(index.insert("A", 1), std::make_pair(std::uint32_t(1), true));
        QCOMPARE(index.insert("A", 2), std::make_pair(std::uint32_t(1), false));
        QCOMPARE(index.find("A"), 1u);
        index.assign("A", 7);
        index.assign("B", 9); // absent: no effect
        QCOMPARE(index.find("A"), 7u);
        QCOMPARE(index.find("B"), KeyIndex::npos);
        QCOMPARE(index.size(), size_t(1));
    }

    // Starting small, the index grows many times; every key keeps its value and keys that
    // share a prefix or differ only in length stay apart.
    void growsAndKeepsEveryKey()
    {
        const auto all = keys(50000);
        KeyIndex index;
        for (size_t i = 0; i < all.size(); ++i)
            QVERIFY(index.insert(all[i], std::uint32_t(i)).second);
        QCOMPARE(index.size(), all.size());
        for (size_t i = 0; i < all.size(); ++i)
            QCOMPARE(index.find(all[i]), std::uint32_t(i));
        QCOMPARE(index.find("T2026112500"), KeyIndex::npos);
        QCOMPARE(index.find(all[0] + "0"), KeyIndex::npos);
        QCOMPARE(index.find(std::string_view(all[0]).substr(0, all[0].size() - 1)), KeyIndex::npos);
    }

    // guess() is only a prefetch hint, but for a present key it is find()'s answer unless two
    // keys share the 32-bit hash, which none of these do.
    void guessAgreesWithFindForPresentKeys()
    {
        const auto all = keys(20000);
        KeyIndex index(all.size());
        for (size_t i = 0; i < all.size(); ++i)
            index.insert(all[i], std::uint32_t(i));
        for (size_t i = 0; i < all.size(); ++i)
            QCOMPARE(index.guess(all[i]), index.find(all[i]));
        int misses = 0;
        for (const std::string &k : keys(20000))
            misses += index.guess("X" + k) == KeyIndex::npos;
        QCOMPARE(misses, 20000);
    }
};

QTEST_APPLESS_MAIN(TestKeyIndex)
#include "tst_keyindex.moc"
