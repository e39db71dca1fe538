// SPDX-License-Identifier: GPL-3.0-or-later
// Tests core/recon/keyindex.h: the matcher's hash indexes, KeyIndex (insert, find, assign,
// growth) and PositionIndex (the same over records' keys, and its unconfirmed candidate()).
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
        QVERIFY(!index.contains(""));
        const PositionIndex positions;
        QCOMPARE(positions.candidate("T1"), PositionIndex::npos);
        QCOMPARE(positions.find("T1", [](std::uint32_t) { return std::string_view("T1"); }),
                 PositionIndex::npos);
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

    // Keys at their positions in `all`: growing from the smallest table, first insert wins.
    void positionIndexGrowsAndKeepsEveryKey()
    {
        const auto all = keys(50000);
        const auto keyAt = [&](std::uint32_t i) {
            return std::string_view(all[i]);
        };
        PositionIndex index;
        for (size_t i = 0; i < all.size(); ++i)
            QCOMPARE(index.insert(all[i], std::uint32_t(i), keyAt),
                     std::make_pair(std::uint32_t(i), true));
        QCOMPARE(index.insert(all[7], 3, keyAt), std::make_pair(std::uint32_t(7), false));
        QCOMPARE(index.size(), all.size());
        for (size_t i = 0; i < all.size(); ++i) {
            QCOMPARE(index.find(all[i], keyAt), std::uint32_t(i));
            QCOMPARE(index.candidate(all[i]), std::uint32_t(i)); // no two share the bits here
        }
        QCOMPARE(index.find("T2026112500", keyAt), PositionIndex::npos);
        QCOMPARE(index.find(all[0] + "0", keyAt), PositionIndex::npos);
        int absent = 0;
        for (const std::string &k : keys(20000))
            absent += index.candidate("X" + k) == PositionIndex::npos;
        QVERIFY2(absent > 19900, std::to_string(absent).c_str());
    }

    // Two keys whose hashes share the high half and the low byte (found by searching "T<n>"):
    // in a small table the second is stored after the first, and candidate() names the first
    // while find() compares the keys.
    void candidateNeedsConfirming()
    {
        const std::vector<std::string> pair{"T671291", "T1423278"};
        const std::uint64_t a = KeyIndex::hash(pair[0]);
        const std::uint64_t b = KeyIndex::hash(pair[1]);
        QCOMPARE(a >> 32, b >> 32);
        QCOMPARE(a & 0xff, b & 0xff);
        const auto keyAt = [&](std::uint32_t i) {
            return std::string_view(pair[i]);
        };
        PositionIndex index(pair.size());
        QVERIFY(index.insert(pair[0], 0, keyAt).second);
        QVERIFY(index.insert(pair[1], 1, keyAt).second);
        QCOMPARE(index.find(pair[0], keyAt), 0u);
        QCOMPARE(index.find(pair[1], keyAt), 1u);
        QCOMPARE(index.candidate(pair[0]), 0u);
        QCOMPARE(index.candidate(pair[1]), 0u);
    }
};

QTEST_APPLESS_MAIN(TestKeyIndex)
#include "tst_keyindex.moc"
