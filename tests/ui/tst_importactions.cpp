// SPDX-License-Identifier: GPL-3.0-or-later
#include "dayfiles.h"
#include "importactions.h"
#include "jobrunner.h"
#include "ledger/discrepancyrepository.h"
#include "ledger/ledger.h"
#include "ledger/orderrepository.h"
#include "notify/callbackstore.h"
#include "simday.h"
#include "uitestutil.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace wxr;
using namespace wxr::ui;

// The File menu's imports: the merchant's ledger CSV, a bill file (then reconciled) and a
// callback log, each a job; a bad file is one sentence and changes nothing.
class tst_ImportActions final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_files;
    sim::SimDay m_day;
    const QDate m_date{2026, 11, 25};

    QString day(const QString &name) const
    {
        return m_files.filePath(QStringLiteral("day/") + name);
    }

    /// Runs `start` and waits until the ImportActions job ended; the job's error if it failed.
    template<typename Start>
    std::optional<Error> run(TestContext &t, ImportActions &actions, Start start)
    {
        QSignalSpy finished(&actions, &ImportActions::finished);
        std::optional<Error> error;
        auto c = connect(t.context->jobs(), &JobRunner::jobFailed, this,
                         [&](const QString &, const Error &e) { error = e; });
        start();
        if (!finished.wait(60000))
            error = makeError(ErrorCode::Internal, QStringLiteral("the import did not finish"));
        disconnect(c);
        return error;
    }

    static qint64 orderCount(TestContext &t)
    {
        auto ledger = t.context->ledger();
        if (!ledger.ok())
            return -1;
        const auto n = core::OrderRepository(**ledger).count();
        return n.ok() ? *n : -1;
    }

private slots:
    void initTestCase()
    {
        sim::DayOptions o;
        o.date = m_date;
        o.orders = 3000;
        o.seed = 5;
        o.gzip = true;
        m_day = sim::generateDay(o);
        QVERIFY(sim::writeDayFiles(m_day, m_files.filePath(QStringLiteral("day"))).ok());
    }

    void dateInFileName_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QDate>("date");
        QTest::newRow("stand-in name")
            << "/x/tradebill_ALL_2026-11-25.csv.gz" << QDate(2026, 11, 25);
        QTest::newRow("compact") << "账单20261124.csv" << QDate(2026, 11, 24);
        QTest::newRow("no date") << "/x/bill.csv" << QDate();
        QTest::newRow("not a date") << "/x/bill_2026-13-40.csv" << QDate();
        QTest::newRow("longer number") << "/x/4200001234567.csv" << QDate();
    }

    void dateInFileName()
    {
        QFETCH(QString, path);
        QFETCH(QDate, date);
        QCOMPARE(ImportActions::dateInFileName(path).value_or(QDate()), date);
    }

    void ledgerThenBillThenReconciled()
    {
        TestContext t;
        ImportActions actions(*t.context);
        const QString refunds = ImportActions::refundsBeside(day(QStringLiteral("orders.csv")));
        QCOMPARE(refunds, day(QStringLiteral("refunds.csv")));
        auto error = run(t, actions,
                         [&] { actions.importLedger(day(QStringLiteral("orders.csv")), refunds); });
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        const qint64 inLedger
            = std::count_if(m_day.orders.cbegin(), m_day.orders.cend(), [](const sim::SimOrder &o) {
                  return o.ledgerState != sim::TradeState::None;
              });
        QCOMPARE(orderCount(t), inLedger);

        QSignalSpy reconciled(&actions, &ImportActions::billReconciled);
        error = run(t, actions, [&] {
            actions.importBill(m_date, day(QStringLiteral("tradebill_ALL_2026-11-25.csv.gz")));
        });
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QCOMPARE(reconciled.count(), 1);
        QCOMPARE(reconciled.at(0).at(0).toDate(), m_date);
        auto ledger = t.context->ledger();
        QVERIFY(ledger.ok());
        core::DiscrepancyFilter filter;
        filter.from = m_date;
        filter.to = m_date;
        auto found = core::DiscrepancyRepository(**ledger).count(filter);
        QVERIFY(found.ok());
        QCOMPARE(*found, qint64(m_day.truth.size()));
    }

    // Another merchant chosen while an import runs: the import finishes on the ledger it
    // started on, and its sentence says so; the daily view does not jump to the bill's day.
    void ledgerSwitchedMeanwhile()
    {
        TestContext t;
        MerchantProfile first;
        first.name = QStringLiteral("Shop A");
        first.mchid = QStringLiteral("1900000001");
        first.ledgerFile = t.dir.filePath(QStringLiteral("a.sqlite"));
        MerchantProfile second = first;
        second.name = QStringLiteral("Shop B");
        second.mchid = QStringLiteral("1900000002");
        second.ledgerFile = t.dir.filePath(QStringLiteral("b.sqlite"));
        t.settings().setProfiles({first, second});
        t.context->setActiveProfile(first.name);
        ImportActions actions(*t.context);
        QSignalSpy notices(t.context.get(), &AppContext::noticeRequested);
        QSignalSpy reconciled(&actions, &ImportActions::billReconciled);
        const auto sentence = [&] {
            return notices.isEmpty() ? QString() : notices.last().at(1).toString();
        };

        auto error = run(t, actions, [&] {
            actions.importLedger(day(QStringLiteral("orders.csv")), QString());
            t.context->setActiveProfile(second.name);
        });
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QVERIFY2(sentence().endsWith(
                     QStringLiteral(" (On the ledger of “Shop A”, not the one shown now.)")),
                 qPrintable(sentence()));
        QCOMPARE(orderCount(t), 0); // Shop B's ledger is untouched

        error = run(t, actions, [&] {
            actions.importBill(m_date, day(QStringLiteral("tradebill_ALL_2026-11-25.csv.gz")));
            t.context->setActiveProfile(first.name);
        });
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QVERIFY2(sentence().endsWith(u"(On the ledger of “Shop B”, not the one shown now.)"),
                 qPrintable(sentence()));
        QCOMPARE(reconciled.count(), 0);

        // On the ledger shown: no such note, and the view goes to the day.
        error = run(t, actions, [&] {
            actions.importBill(m_date, day(QStringLiteral("tradebill_ALL_2026-11-25.csv.gz")));
        });
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QVERIFY2(!sentence().contains(u"not the one shown"), qPrintable(sentence()));
        QCOMPARE(reconciled.count(), 1);
    }

    void badFilesChangeNothing()
    {
        TestContext t;
        ImportActions actions(*t.context);
        // A bill whose summary does not add up: refused, nothing stored, nothing reconciled.
        QFile bill(day(QStringLiteral("tradebill_ALL_2026-11-25.csv")));
        QVERIFY(bill.open(QIODevice::ReadOnly));
        QByteArray text = bill.readAll();
        const qsizetype firstRow = text.indexOf("\n`") + 1;
        text.remove(firstRow, text.indexOf('\n', firstRow) - firstRow + 1); // drop one detail row
        const QString broken = m_files.filePath(QStringLiteral("broken.csv"));
        QFile out(broken);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(text) == text.size());
        out.close();
        QSignalSpy reconciled(&actions, &ImportActions::billReconciled);
        auto error = run(t, actions, [&] { actions.importBill(m_date, broken); });
        QVERIFY(error);
        QVERIFY2(error->message.contains(u"nothing was imported"), qPrintable(error->message));
        QCOMPARE(reconciled.count(), 0);

        // A ledger file that is not one: one sentence naming the file, no order imported.
        error = run(t, actions, [&] { actions.importLedger(broken, QString()); });
        QVERIFY(error);
        QVERIFY2(error->message.contains(u"broken.csv"), qPrintable(error->message));
        QCOMPARE(orderCount(t), qint64(0));

        // A file that does not exist.
        error = run(t, actions, [&] {
            actions.importBill(m_date, m_files.filePath(QStringLiteral("nope.csv")));
        });
        QVERIFY(error);
        QVERIFY2(error->message.contains(u"nope.csv"), qPrintable(error->message));
    }

    void callbackLog()
    {
        TestContext t;
        ImportActions actions(*t.context);
        const QString log = QStringLiteral(WXR_TEST_DATA_DIR "/notify/callbacks_sample.jsonl");
        auto error = run(t, actions, [&] { actions.importCallbackLog(log); });
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        auto ledger = t.context->ledger();
        QVERIFY(ledger.ok());
        auto n = core::CallbackStore(**ledger).count();
        QVERIFY(n.ok());
        QCOMPARE(*n, qint64(6)); // six deliveries and a blank line
        // The same log again: nothing new.
        error = run(t, actions, [&] { actions.importCallbackLog(log); });
        QVERIFY(!error);
        QCOMPARE(*core::CallbackStore(**ledger).count(), qint64(6));
    }
};

QTEST_MAIN(tst_ImportActions)
#include "tst_importactions.moc"
