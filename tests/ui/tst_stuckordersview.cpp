// SPDX-License-Identifier: GPL-3.0-or-later
#include "compensate/compensateschema.h"
#include "compensate/requeryqueue.h"
#include "copyabletableview.h"
#include "ledger/ledger.h"
#include "models/requeryqueuemodel.h"
#include "stuckordersview.h"
#include "testutil.h"
#include "uitestutil.h"

#include <QHeaderView>
#include <QLabel>
#include <QTest>

using namespace wxr;
using namespace wxr::ui;
using core::QueueState;

class tst_StuckOrdersView final : public QObject
{
    Q_OBJECT

    static void enqueue(core::Ledger &ledger, int count, QueueState state)
    {
        core::RequeryQueue queue(ledger);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < count; ++i) {
            const QString key
                = QStringLiteral("T2026112500%1%2").arg(int(state)).arg(i, 5, 10, QLatin1Char('0'));
            QVERIFY_RESULT(queue.enqueue(core::RequeryKind::Order, key, key,
                                         core::RequeryReason::Unpaid, now));
            if (state == QueueState::Pending)
                continue;
            auto item = queue.find(core::RequeryKind::Order, key);
            QVERIFY_RESULT(item);
            QVERIFY(item->has_value());
            core::RequeryItem changed = **item;
            changed.state = state;
            QVERIFY_RESULT(queue.save(changed));
        }
    }

private slots:
    void countsItemsBeyondTheLimit()
    {
        TestContext t;
        {
            auto ledger = core::openRequeryLedger(t.ledgerPath());
            QVERIFY_RESULT(ledger);
            enqueue(**ledger, 5, QueueState::Pending);
            enqueue(**ledger, 2, QueueState::NeedsAttention);
            enqueue(**ledger, 4, QueueState::Done);
            const core::RequeryQueue queue(**ledger);
            QCOMPARE(queue.countWithState(QueueState::Pending).value(), 5);
            QCOMPARE(queue.countWithState(QueueState::NeedsAttention).value(), 2);
            QCOMPARE(queue.countWithState(QueueState::Done).value(), 4);
        }
        StuckOrdersView view(*t.context);
        auto *count = view.findChild<QLabel *>(QStringLiteral("queueCount"));
        QVERIFY(count);
        // Pending and needing attention, all of them read.
        QCOMPARE(view.model()->rowCount(), 7);
        QCOMPARE(view.model()->totalCount(), 7);
        QCOMPARE(count->text(), QStringLiteral("7 item(s)"));

        // A queue longer than the model reads: the count says how many there are in all.
        view.model()->setLimit(3);
        view.reload();
        QCOMPARE(view.model()->rowCount(), 3 + 2);
        QCOMPARE(view.model()->totalCount(), 7);
        QCOMPARE(count->text(), QStringLiteral("7 item(s), the first 5 shown"));

        view.model()->setLimit(5);
        view.reload();
        QCOMPARE(view.model()->rowCount(), 7);
        QCOMPARE(view.model()->totalCount(), 7);
        QCOMPARE(count->text(), QStringLiteral("7 item(s)"));

        view.model()->setStates({QueueState::Done});
        QCOMPARE(view.model()->totalCount(), 4);
    }

    void emptyTableShowsWholeColumnTitles()
    {
        TestContext t;
        StuckOrdersView view(*t.context);
        view.resize(1400, 600);
        QCOMPARE(view.model()->rowCount(), 0);
        const QHeaderView *header = view.table()->horizontalHeader();
        for (int i = 0; i + 1 < header->count(); ++i) { // the last one stretches
            QVERIFY2(header->sectionSize(i) >= header->sectionSizeHint(i),
                     qPrintable(view.model()->headerData(i, Qt::Horizontal).toString()));
        }
    }
};

QTEST_MAIN(tst_StuckOrdersView)
#include "tst_stuckordersview.moc"
