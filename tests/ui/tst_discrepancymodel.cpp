// SPDX-License-Identifier: GPL-3.0-or-later
#include "demofixture.h"
#include "models/discrepancymodel.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace wxr;
using namespace wxr::ui;
using core::DiscrepancyKind;
using core::DiscrepancyState;

namespace {

const QDate kDay(2026, 11, 25);

} // namespace

class tst_DiscrepancyModel final : public QObject
{
    Q_OBJECT

    DemoLedger m_demo;
    std::unique_ptr<core::Ledger> m_ledger;
    qint64 m_truthRows = 0;

    core::DiscrepancyFilter dayFilter() const
    {
        core::DiscrepancyFilter f;
        f.from = kDay;
        f.to = kDay;
        return f;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_demo.build(kDay, 1, 3000));
        auto ledger = core::Ledger::open(m_demo.path, AppContext::ledgerOptions());
        QVERIFY(ledger.ok());
        m_ledger = std::move(ledger.value());
        m_truthRows = qint64(m_demo.day(kDay).truth.size());
        QVERIFY2(m_truthRows > 20, "the generated day should have discrepancies to show");
    }

    void loadsLazilyInPages()
    {
        DiscrepancyModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(7);
        model.setLedger(m_ledger.get());
        model.setFilter(dayFilter());
        QCOMPARE(model.totalCount(), m_truthRows);
        QCOMPARE(model.rowCount(), 7);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 14);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), int(m_truthRows));
        // Report order: kind, then out_trade_no.
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(!core::discrepancyLess(model.discrepancy(r), model.discrepancy(r - 1)));
    }

    void matchesTheInjectedDiscrepancies()
    {
        DiscrepancyModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLedger(m_ledger.get());
        model.setFilter(dayFilter());
        const sim::SimDay day = m_demo.day(kDay);
        QCOMPARE(model.rowCount(), int(day.truth.size()));
        for (int r = 0; r < model.rowCount(); ++r) {
            const sim::TruthRow &t = day.truth[std::size_t(r)];
            QCOMPARE(model.index(r, DiscrepancyModel::KindColumn).data(Qt::EditRole).toString(),
                     QString::fromLatin1(sim::kKindNames[t.kind]));
            QCOMPARE(model.index(r, DiscrepancyModel::OutTradeNoColumn).data().toString(),
                     QString::fromLatin1(t.outTradeNo));
            const QVariant ledgerAmount
                = model.index(r, DiscrepancyModel::LedgerAmountColumn).data(Qt::EditRole);
            QCOMPARE(ledgerAmount.isValid(), t.ledgerAmount.has_value());
            if (t.ledgerAmount)
                QCOMPARE(ledgerAmount.toLongLong(), *t.ledgerAmount);
        }
    }

    void rolesAreRawValues()
    {
        DiscrepancyModel model;
        model.setLedger(m_ledger.get());
        core::DiscrepancyFilter f = dayFilter();
        f.kinds = {DiscrepancyKind::AmountMismatch};
        model.setFilter(f);
        QVERIFY(model.rowCount() > 0);
        const QModelIndex kind = model.index(0, DiscrepancyModel::KindColumn);
        QCOMPARE(kind.data(DiscrepancyModel::KindRole).toInt(),
                 int(DiscrepancyKind::AmountMismatch));
        QCOMPARE(kind.data(Qt::DisplayRole).toString(), QStringLiteral("Amount mismatch"));
        QCOMPARE(kind.data(Qt::EditRole).toString(), QStringLiteral("AMOUNT_MISMATCH"));
        QCOMPARE(
            model.index(0, DiscrepancyModel::StateColumn).data(DiscrepancyModel::StateRole).toInt(),
            int(DiscrepancyState::Open));
        const QModelIndex ledgerAmount = model.index(0, DiscrepancyModel::LedgerAmountColumn);
        const QModelIndex billAmount = model.index(0, DiscrepancyModel::BillAmountColumn);
        QVERIFY(ledgerAmount.data(DiscrepancyModel::DiffersRole).toBool());
        QVERIFY(billAmount.data(DiscrepancyModel::DiffersRole).toBool());
        QVERIFY(!model.index(0, DiscrepancyModel::OutTradeNoColumn)
                     .data(DiscrepancyModel::DiffersRole)
                     .toBool());
        // Display is yuan with two decimals, edit is fen.
        const qint64 fen = ledgerAmount.data(Qt::EditRole).toLongLong();
        QCOMPARE(ledgerAmount.data().toString(), money::formatYuan(fen));
        QVERIFY(kind.data(DiscrepancyModel::IdRole).toLongLong() > 0);
    }

    void filters_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("state");
        for (DiscrepancyKind k : core::allDiscrepancyKinds())
            QTest::newRow(qPrintable(core::discrepancyKindName(k))) << int(k) << -1;
        QTest::newRow("open") << -1 << int(DiscrepancyState::Open);
        QTest::newRow("resolved") << -1 << int(DiscrepancyState::Resolved);
    }

    void filters()
    {
        QFETCH(int, kind);
        QFETCH(int, state);
        DiscrepancyModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLedger(m_ledger.get());
        core::DiscrepancyFilter f = dayFilter();
        if (kind >= 0)
            f.kinds = {DiscrepancyKind(kind)};
        if (state >= 0)
            f.states = {DiscrepancyState(state)};
        model.setFilter(f);
        while (model.canFetchMore({}))
            model.fetchMore({});
        qint64 expected = 0;
        for (const sim::TruthRow &t : m_demo.day(kDay).truth) {
            const bool kindOk = kind < 0 || t.kind + 1 == kind;
            // A fresh reconciliation leaves every discrepancy OPEN.
            const bool stateOk = state < 0 || state == int(DiscrepancyState::Open);
            expected += kindOk && stateOk;
        }
        QCOMPARE(model.totalCount(), expected);
        QCOMPARE(model.rowCount(), int(expected));
    }

    void searchFindsAnOrder()
    {
        DiscrepancyModel model;
        model.setLedger(m_ledger.get());
        const QString wanted = QString::fromLatin1(m_demo.day(kDay).truth[3].outTradeNo);
        core::DiscrepancyFilter f = dayFilter();
        f.search = wanted.right(6).toLower();
        model.setFilter(f);
        QVERIFY(model.rowCount() >= 1);
        bool found = false;
        for (int r = 0; r < model.rowCount(); ++r)
            found |= model.discrepancy(r).outTradeNo == wanted;
        QVERIFY(found);
    }

    void sortsInMemory()
    {
        DiscrepancyModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(5);
        model.setLedger(m_ledger.get());
        model.setFilter(dayFilter());
        model.sort(DiscrepancyModel::BillAmountColumn, Qt::DescendingOrder);
        QCOMPARE(model.rowCount(), int(m_truthRows)); // all rows were read to sort them
        for (int r = 1; r < model.rowCount(); ++r) {
            const QVariant a
                = model.index(r - 1, DiscrepancyModel::BillAmountColumn).data(Qt::EditRole);
            const QVariant b
                = model.index(r, DiscrepancyModel::BillAmountColumn).data(Qt::EditRole);
            if (a.isValid() && b.isValid())
                QVERIFY(a.toLongLong() >= b.toLongLong());
            else
                QVERIFY(!b.isValid() || a.isValid()); // empty values sort last descending
        }
        model.sort(DiscrepancyModel::OutTradeNoColumn, Qt::AscendingOrder);
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.discrepancy(r - 1).outTradeNo <= model.discrepancy(r).outTradeNo);
        model.sort(-1);
        QCOMPARE(model.rowCount(), 5); // back to report order, lazily
    }

    // Rows already paged in are read again with the rest (one query, not twice), and a new
    // filter on a sorted model reads all its rows sorted at once.
    void staysSortedAcrossFilters()
    {
        DiscrepancyModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(5);
        model.setLedger(m_ledger.get());
        model.setFilter(dayFilter());
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 10);
        const auto checkSortedOnce = [&model, this] {
            QCOMPARE(model.rowCount(), int(m_truthRows));
            QSet<qint64> ids;
            for (int r = 0; r < model.rowCount(); ++r) {
                ids.insert(model.discrepancy(r).id);
                if (r > 0)
                    QVERIFY(model.discrepancy(r - 1).outTradeNo >= model.discrepancy(r).outTradeNo);
            }
            QCOMPARE(ids.size(), model.rowCount());
        };
        model.sort(DiscrepancyModel::OutTradeNoColumn, Qt::DescendingOrder);
        checkSortedOnce();
        if (QTest::currentTestFailed())
            return;
        model.setFilter(dayFilter());
        checkSortedOnce();
        QVERIFY(!model.canFetchMore({}));
    }

    void reloadShowsStateChanges()
    {
        DiscrepancyModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(4);
        model.setLedger(m_ledger.get());
        model.setFilter(dayFilter());
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 8);
        const qint64 id = model.discrepancy(5).id;
        core::DiscrepancyRepository repo(*m_ledger);
        auto changed
            = repo.setState({id}, DiscrepancyState::Acknowledged,
                            QStringLiteral("checking with the shop"), QStringLiteral("user test"));
        QVERIFY(changed.ok());
        model.reload();
        QCOMPARE(model.rowCount(), 8); // as many rows as before
        const int row = model.rowOfId(id);
        QCOMPARE(row, 5);
        QCOMPARE(model.index(row, DiscrepancyModel::StateColumn).data().toString(),
                 QStringLiteral("Acknowledged"));
        QCOMPARE(model.index(row, DiscrepancyModel::NoteColumn).data().toString(),
                 QStringLiteral("checking with the shop"));
        // Put it back for the other tests.
        QVERIFY(repo.setState({id}, DiscrepancyState::Open, QString(), QStringLiteral("user test"))
                    .ok());
    }

    void withoutLedgerIsEmpty()
    {
        DiscrepancyModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter(dayFilter());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
    }
};

QTEST_MAIN(tst_DiscrepancyModel)
#include "tst_discrepancymodel.moc"
