// SPDX-License-Identifier: GPL-3.0-or-later
// Tests core/ledger/statemachine.*: the monotonic order and refund rules, as a table.
#include "ledger/statemachine.h"

#include <QTest>

using namespace wxr;
using namespace wxr::core;

Q_DECLARE_METATYPE(std::optional<qint64>)

class tst_StateMachine final : public QObject
{
    Q_OBJECT

private slots:
    void trade_data()
    {
        QTest::addColumn<QString>("current");
        QTest::addColumn<std::optional<qint64>>("currentAt");
        QTest::addColumn<QString>("next");
        QTest::addColumn<std::optional<qint64>>("eventAt");
        QTest::addColumn<StateOutcome>("expected");

        const std::optional<qint64> none;
        const std::optional<qint64> t100 = 100, t200 = 200;
        using O = StateOutcome;
        // Same state twice: nothing happens.
        QTest::newRow("SUCCESS again") << "SUCCESS" << t100 << "SUCCESS" << t200 << O::Unchanged;
        QTest::newRow("NOTPAY again") << "NOTPAY" << t100 << "NOTPAY" << t200 << O::Unchanged;
        // Non-final states move anywhere.
        QTest::newRow("NOTPAY to SUCCESS") << "NOTPAY" << t100 << "SUCCESS" << t200 << O::Applied;
        QTest::newRow("NOTPAY to USERPAYING")
            << "NOTPAY" << t100 << "USERPAYING" << t200 << O::Applied;
        QTest::newRow("USERPAYING to NOTPAY")
            << "USERPAYING" << t100 << "NOTPAY" << t200 << O::Applied;
        QTest::newRow("USERPAYING to PAYERROR")
            << "USERPAYING" << t100 << "PAYERROR" << t200 << O::Applied;
        QTest::newRow("NOTPAY to CLOSED") << "NOTPAY" << t100 << "CLOSED" << t200 << O::Applied;
        QTest::newRow("NOTPAY to REFUND (missed SUCCESS)")
            << "NOTPAY" << t100 << "REFUND" << t200 << O::Applied;
        QTest::newRow("ACCEPT to SUCCESS") << "ACCEPT" << t100 << "SUCCESS" << t200 << O::Applied;
        QTest::newRow("unknown word to SUCCESS")
            << "FUTURE" << t100 << "SUCCESS" << t200 << O::Applied;
        QTest::newRow("times unknown") << "NOTPAY" << none << "USERPAYING" << none << O::Applied;
        // An older non-final event never overwrites a newer state...
        QTest::newRow("older USERPAYING after NOTPAY")
            << "NOTPAY" << t200 << "USERPAYING" << t100 << O::IgnoredStale;
        QTest::newRow("older NOTPAY after USERPAYING")
            << "USERPAYING" << t200 << "NOTPAY" << t100 << O::IgnoredStale;
        // ...but a final state is a fact whenever it is learnt.
        QTest::newRow("older SUCCESS after NOTPAY")
            << "NOTPAY" << t200 << "SUCCESS" << t100 << O::Applied;
        QTest::newRow("older CLOSED after USERPAYING")
            << "USERPAYING" << t200 << "CLOSED" << t100 << O::Applied;
        // SUCCESS only moves to REFUND.
        QTest::newRow("SUCCESS to REFUND") << "SUCCESS" << t100 << "REFUND" << t200 << O::Applied;
        QTest::newRow("SUCCESS to NOTPAY")
            << "SUCCESS" << t100 << "NOTPAY" << t200 << O::IgnoredFinal;
        QTest::newRow("SUCCESS to CLOSED")
            << "SUCCESS" << t100 << "CLOSED" << t200 << O::IgnoredFinal;
        QTest::newRow("SUCCESS to REVOKED")
            << "SUCCESS" << t100 << "REVOKED" << t200 << O::IgnoredFinal;
        QTest::newRow("SUCCESS to USERPAYING")
            << "SUCCESS" << t100 << "USERPAYING" << t200 << O::IgnoredFinal;
        // Final states stay.
        QTest::newRow("REFUND to SUCCESS")
            << "REFUND" << t100 << "SUCCESS" << t200 << O::IgnoredFinal;
        QTest::newRow("REFUND to NOTPAY")
            << "REFUND" << t100 << "NOTPAY" << t200 << O::IgnoredFinal;
        QTest::newRow("REVOKED to SUCCESS")
            << "REVOKED" << t100 << "SUCCESS" << t200 << O::IgnoredFinal;
        QTest::newRow("PAYERROR to NOTPAY")
            << "PAYERROR" << t100 << "NOTPAY" << t200 << O::IgnoredFinal;
        // CLOSED → paid is applied but flagged; anything else stays CLOSED.
        QTest::newRow("CLOSED to SUCCESS")
            << "CLOSED" << t100 << "SUCCESS" << t200 << O::PaidAfterClose;
        QTest::newRow("CLOSED to SUCCESS, older event")
            << "CLOSED" << t200 << "SUCCESS" << t100 << O::PaidAfterClose;
        QTest::newRow("CLOSED to REFUND")
            << "CLOSED" << t100 << "REFUND" << t200 << O::PaidAfterClose;
        QTest::newRow("CLOSED to NOTPAY")
            << "CLOSED" << t100 << "NOTPAY" << t200 << O::IgnoredFinal;
    }

    void trade()
    {
        QFETCH(QString, current);
        QFETCH(std::optional<qint64>, currentAt);
        QFETCH(QString, next);
        QFETCH(std::optional<qint64>, eventAt);
        QFETCH(StateOutcome, expected);
        QCOMPARE(decideTradeTransition(tradeStateFromWord(current), currentAt,
                                       tradeStateFromWord(next), eventAt),
                 expected);
    }

    void refund_data()
    {
        QTest::addColumn<QString>("current");
        QTest::addColumn<std::optional<qint64>>("currentAt");
        QTest::addColumn<QString>("next");
        QTest::addColumn<std::optional<qint64>>("eventAt");
        QTest::addColumn<StateOutcome>("expected");
        const std::optional<qint64> t100 = 100, t200 = 200;
        using O = StateOutcome;
        QTest::newRow("PROCESSING again")
            << "PROCESSING" << t100 << "PROCESSING" << t200 << O::Unchanged;
        QTest::newRow("PROCESSING to SUCCESS")
            << "PROCESSING" << t100 << "SUCCESS" << t200 << O::Applied;
        QTest::newRow("PROCESSING to CLOSED")
            << "PROCESSING" << t100 << "CLOSED" << t200 << O::Applied;
        QTest::newRow("PROCESSING to ABNORMAL")
            << "PROCESSING" << t100 << "ABNORMAL" << t200 << O::Applied;
        QTest::newRow("older SUCCESS still applies")
            << "PROCESSING" << t200 << "SUCCESS" << t100 << O::Applied;
        QTest::newRow("ABNORMAL to SUCCESS")
            << "ABNORMAL" << t100 << "SUCCESS" << t200 << O::Applied;
        QTest::newRow("ABNORMAL to CLOSED") << "ABNORMAL" << t100 << "CLOSED" << t200 << O::Applied;
        QTest::newRow("ABNORMAL to PROCESSING")
            << "ABNORMAL" << t100 << "PROCESSING" << t200 << O::IgnoredFinal;
        QTest::newRow("older PROCESSING after ABNORMAL")
            << "ABNORMAL" << t200 << "PROCESSING" << t100 << O::IgnoredStale;
        QTest::newRow("SUCCESS to PROCESSING")
            << "SUCCESS" << t100 << "PROCESSING" << t200 << O::IgnoredFinal;
        QTest::newRow("SUCCESS to CLOSED")
            << "SUCCESS" << t100 << "CLOSED" << t200 << O::IgnoredFinal;
        QTest::newRow("CLOSED to SUCCESS")
            << "CLOSED" << t100 << "SUCCESS" << t200 << O::IgnoredFinal;
        QTest::newRow("SUCCESS again") << "SUCCESS" << t100 << "SUCCESS" << t200 << O::Unchanged;
    }

    void refund()
    {
        QFETCH(QString, current);
        QFETCH(std::optional<qint64>, currentAt);
        QFETCH(QString, next);
        QFETCH(std::optional<qint64>, eventAt);
        QFETCH(StateOutcome, expected);
        QCOMPARE(decideRefundTransition(refundStateFromWord(current), currentAt,
                                        refundStateFromWord(next), eventAt),
                 expected);
    }

    void words()
    {
        for (const char *w : {"SUCCESS", "REFUND", "NOTPAY", "CLOSED", "REVOKED", "USERPAYING",
                              "PAYERROR", "ACCEPT"})
            QCOMPARE(tradeStateWord(tradeStateFromWord(QString::fromLatin1(w))),
                     QString::fromLatin1(w));
        QCOMPARE(tradeStateFromWord(u"success"), TradeState::Unknown); // words are exact
        QVERIFY(isPaid(TradeState::Refund));
        QVERIFY(!isPaid(TradeState::Revoked));
    }
};

QTEST_GUILESS_MAIN(tst_StateMachine)
#include "tst_statemachine.moc"
