// SPDX-License-Identifier: GPL-3.0-or-later
#include "demofixture.h"
#include "orderlookupview.h"
#include "uitestutil.h"

#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace wxr;
using namespace wxr::ui;

namespace {

const QDate kLast(2026, 11, 20);

} // namespace

class tst_OrderLookupView final : public QObject
{
    Q_OBJECT

    DemoLedger m_demo;

private slots:
    void initTestCase() { QVERIFY(m_demo.build(kLast, 1, 600)); }

    void findsAnOrderWithItsHistory()
    {
        TestContext t;
        t.context->setLedgerPath(m_demo.path);
        OrderLookupView view(*t.context);
        const sim::SimDay day = m_demo.day(kLast);
        // An amount mismatch: the ledger knows the order and the bill disagrees.
        QString wanted;
        for (const sim::TruthRow &r : day.truth) {
            if (QByteArrayView(sim::kKindNames[r.kind]) == "AMOUNT_MISMATCH") {
                wanted = QString::fromLatin1(r.outTradeNo);
                break;
            }
        }
        QVERIFY(!wanted.isEmpty());
        QSignalSpy found(&view, &OrderLookupView::found);
        view.lookUp(QStringLiteral("  ") + wanted + QStringLiteral(" "));
        QCOMPARE(found.count(), 1);
        QCOMPARE(view.currentOrder(), wanted);
        QVERIFY(view.summaryText().contains(wanted));
        QVERIFY(view.timeline()->topLevelItemCount() >= 2);
        auto *discrepancies = view.findChild<QTreeWidget *>(QStringLiteral("lookupDiscrepancies"));
        QCOMPARE(discrepancies->topLevelItemCount(), 1);
    }

    void findsAnOrderByItsRefund()
    {
        TestContext t;
        t.context->setLedgerPath(m_demo.path);
        OrderLookupView view(*t.context);
        const sim::SimDay day = m_demo.day(kLast);
        const sim::SimRefund *refund = nullptr;
        for (const sim::SimRefund &r : day.refunds) {
            if (r.ledgerState != sim::RefundState::None) {
                refund = &r;
                break;
            }
        }
        QVERIFY(refund);
        view.lookUp(QString::fromLatin1(day.outRefundNo(*refund)));
        QCOMPARE(view.currentOrder(),
                 QString::fromLatin1(day.outTradeNo(day.orders[refund->order])));
        auto *refunds = view.findChild<QTreeWidget *>(QStringLiteral("lookupRefunds"));
        QVERIFY(refunds->topLevelItemCount() >= 1);
    }

    void unknownIdIsOneSentence_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("order number") << "T2099010100000001";
        QTest::newRow("digits without a merchant") << "4200000000000000000000000001";
    }

    void unknownIdIsOneSentence()
    {
        QFETCH(QString, id);
        TestContext t;
        t.context->setLedgerPath(m_demo.path);
        OrderLookupView view(*t.context);
        QSignalSpy notFound(&view, &OrderLookupView::notFound);
        view.lookUp(id);
        QCOMPARE(notFound.count(), 1);
        QVERIFY(view.currentOrder().isEmpty());
        QVERIFY(view.summaryText().contains(id));
        QCOMPARE(view.timeline()->topLevelItemCount(), 0);
    }
};

QTEST_MAIN(tst_OrderLookupView)
#include "tst_orderlookupview.moc"
