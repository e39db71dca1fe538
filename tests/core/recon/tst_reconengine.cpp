// SPDX-License-Identifier: GPL-3.0-or-later
// Tests core/recon/reconengine.* with core/ledger/reconrepository.* and
// discrepancyrepository.*: runs stored in the ledger, idempotent re-runs that keep states and
// notes, resolution by a run, cross-day pending settled by the next day, the GUI's queries.
#include "ledger/billrepository.h"
#include "ledger/discrepancyrepository.h"
#include "ledger/ledger.h"
#include "ledger/ledgercsv.h"
#include "ledger/orderrepository.h"
#include "ledger/reconrepository.h"
#include "recon/reconengine.h"
#include "testutil.h"

#include <QBuffer>
#include <QFile>
#include <QFuture>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTime>

#include <chrono>
#include <future>
#include <thread>

using namespace wxr;
using namespace wxr::core;

namespace {

const QDate kD(2026, 11, 25);

struct Pay
{
    const char *time;
    const char *outTradeNo;
    const char *yuan;
};

// A minimal ALL bill of payment rows whose summary adds up.
QByteArray allBill(const QList<Pay> &pays)
{
    QByteArray out
        = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,"
          "交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,"
          "充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,"
          "费率备注\n";
    Fen total = 0;
    for (const Pay &p : pays) {
        out += QByteArray("`") + p.time + ",`wx1,`1900000001,`0,`,`42" + p.outTradeNo + ",`"
               + p.outTradeNo + ",`oU,`JSAPI,`SUCCESS,`OTHERS,`CNY,`" + p.yuan
               + ",`0.00,`0,`0,`0.00,`0.00,`,`,`Tea,`,`0.00000,`0.60%,`" + p.yuan + ",`0.00,`\n";
        total += *money::parseScaled(p.yuan, 2);
    }
    const QByteArray sum = money::formatYuan(total).toLatin1();
    out += "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,"
           "申请退款总金额\n`"
           + QByteArray::number(pays.size()) + ",`" + sum + ",`0.00,`0.00,`0.00000,`" + sum
           + ",`0.00\n";
    return out;
}

class Fixture
{
public:
    Fixture()
    {
        auto opened = Ledger::open(m_dir.filePath(QStringLiteral("l.db")));
        if (opened)
            m_ledger = std::move(*opened);
    }
    Ledger &ledger() { return *m_ledger; }
    QString path() const { return m_dir.filePath(QStringLiteral("l.db")); }

    Status orders(const QByteArray &rows)
    {
        const QString path = m_dir.filePath(QStringLiteral("orders.csv"));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write("out_trade_no,transaction_id,amount_fen,status,created_at,paid_at\n" + rows);
        f.close();
        QPromise<void> promise;
        const auto r = importLedgerCsv(*m_ledger, path, QString(), promise);
        return r ? Status() : Status(r.error());
    }
    Status bill(QDate date, const QList<Pay> &pays)
    {
        QByteArray bytes = allBill(pays);
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        BillImportOptions options;
        options.billDate = date;
        QPromise<void> promise;
        const auto r = BillRepository(*m_ledger).import(buffer, options, promise);
        return r ? Status() : Status(r.error());
    }
    Result<ReconRun> reconcile(QDate date)
    {
        QPromise<void> promise;
        return core::reconcile(*m_ledger, date, ReconOptions{}, promise);
    }
    QStringList rows(QDate date)
    {
        DiscrepancyFilter f;
        f.from = f.to = date;
        QStringList out;
        (void)DiscrepancyRepository(*m_ledger).forEach(f, [&](const Discrepancy &d) -> Status {
            out << discrepancyKindName(d.kind) + u' ' + d.outTradeNo + u' '
                       + discrepancyStateName(d.state)
                       + (d.note.isEmpty() ? QString() : u' ' + d.note);
            return {};
        });
        return out;
    }
    qint64 idOf(QDate date, const QString &outTradeNo)
    {
        DiscrepancyFilter f;
        f.from = f.to = date;
        f.search = outTradeNo;
        const auto page = DiscrepancyRepository(*m_ledger).page(f, 0, 1);
        return page && !page->isEmpty() ? page->first().id : 0;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Ledger> m_ledger;
};

// T1 matches; T2 differs in amount; T3 is missing from the bill; T4 is missing from the ledger.
const QByteArray kOrders
    = "T1,421,100,SUCCESS,2026-11-25T08:00:00+08:00,2026-11-25T09:00:00+08:00\n"
      "T2,422,200,SUCCESS,2026-11-25T08:00:00+08:00,2026-11-25T10:00:00+08:00\n"
      "T3,423,300,SUCCESS,2026-11-25T08:00:00+08:00,2026-11-25T11:00:00+08:00\n";
const QList<Pay> kBill = {{"2026-11-25 09:00:00", "T1", "1.00"},
                          {"2026-11-25 10:00:00", "T2", "2.50"},
                          {"2026-11-25 12:00:00", "T4", "4.00"}};

} // namespace

class tst_ReconEngine final : public QObject
{
    Q_OBJECT

private slots:
    void noBillIsAnError()
    {
        Fixture fx;
        const auto run = fx.reconcile(kD);
        QVERIFY_ERROR(run, ErrorCode::NotFound);
        QCOMPARE(
            run.error().message,
            QStringLiteral("No trade bill is imported for 2026-11-25; import or fetch it first."));
    }

    void storesRunAndDiscrepancies()
    {
        Fixture fx;
        QVERIFY_RESULT(fx.orders(kOrders));
        QVERIFY_RESULT(fx.bill(kD, kBill));
        const auto run = fx.reconcile(kD);
        QVERIFY_RESULT(run);
        QCOMPARE(run->newCount, 3);
        QCOMPARE(run->summary.ledgerPaymentCount, 3);
        QCOMPARE(run->summary.ledgerPaymentFen, 600);
        QCOMPARE(run->summary.billPaymentFen, 750);
        QCOMPARE(run->summary.of(DiscrepancyKind::AmountMismatch).count, 1);
        QCOMPARE(fx.rows(kD), (QStringList{QStringLiteral("MISSING_IN_LEDGER T4 OPEN"),
                                           QStringLiteral("MISSING_IN_BILL T3 OPEN"),
                                           QStringLiteral("AMOUNT_MISMATCH T2 OPEN")}));
        const auto latest = ReconRepository(fx.ledger()).latestRun(kD);
        QCOMPARE((*latest)->id, run->id);
        QCOMPARE((*latest)->summary.of(DiscrepancyKind::MissingInBill).ledgerFen, 300);
    }

    // The day's orders are indexed as they are read, while the reading thread may still move
    // them to a larger array: far more paid orders than the bill has rows makes it do so
    // several times. Every order must be found, each once.
    void manyMoreOrdersThanBillRows()
    {
        Fixture fx;
        constexpr int kCount = 30000;
        QByteArray rows;
        for (int i = 0; i < kCount; ++i) {
            const QByteArray time = QTime(8, 0).addSecs(i).toString(u"HH:mm:ss").toLatin1();
            rows += "M" + QByteArray::number(i) + ",,100,SUCCESS,2026-11-25T" + time
                    + "+08:00,2026-11-25T" + time + "+08:00\n";
        }
        QVERIFY_RESULT(fx.orders(rows));
        // The first order, the last one (read last, indexed last) and one the ledger lacks.
        QVERIFY_RESULT(fx.bill(kD, {{"2026-11-25 08:00:00", "M0", "1.00"},
                                    {"2026-11-25 16:19:59", "M29999", "1.00"},
                                    {"2026-11-25 17:00:00", "X1", "2.00"}}));
        const auto run = fx.reconcile(kD);
        QVERIFY_RESULT(run);
        QCOMPARE(run->summary.ledgerPaymentCount, kCount);
        QCOMPARE(run->summary.of(DiscrepancyKind::MissingInBill).count, kCount - 2);
        QCOMPARE(run->summary.of(DiscrepancyKind::MissingInLedger).count, 1);
        QCOMPARE(run->summary.of(DiscrepancyKind::AmountMismatch).count, 0);
        QCOMPARE(run->discrepancyCount, kCount - 1);
    }

    // The day's orders are read on a second connection in the same snapshot as the bill rows;
    // a writer holding the lock when the run starts is waited for, and its commit is seen.
    void waitsForAWriterAndSeesItsCommit()
    {
        Fixture fx;
        QVERIFY_RESULT(fx.orders(kOrders));
        QVERIFY_RESULT(fx.bill(kD, kBill));
        std::promise<bool> locked;
        std::thread writer([&] {
            auto w = Ledger::open(fx.path());
            const bool ok
                = w && (*w)->execute("BEGIN IMMEDIATE")
                  && (*w)->execute("INSERT INTO orders (out_trade_no, transaction_id, amount_fen, "
                                   "status, created_at, paid_at, state_at, source, updated_at) "
                                   "VALUES ('T4', '424', 400, 'SUCCESS', 1795579200, 1795579200, "
                                   "1795579200, 'import', 0)");
            locked.set_value(ok);
            if (!ok)
                return;
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            (void)(*w)->execute("COMMIT");
        });
        QVERIFY(locked.get_future().get());
        const auto run = fx.reconcile(kD);
        writer.join();
        QVERIFY_RESULT(run);
        QCOMPARE(run->summary.ledgerPaymentCount, 4);
        QCOMPARE(fx.rows(kD), (QStringList{QStringLiteral("MISSING_IN_BILL T3 OPEN"),
                                           QStringLiteral("AMOUNT_MISMATCH T2 OPEN")}));
    }

    // Re-running keeps states and notes; what is gone is resolved by the run; what comes back
    // after a run resolved it is open again; a person's IGNORED stays.
    void rerunKeepsStatesAndResolves()
    {
        Fixture fx;
        QVERIFY_RESULT(fx.orders(kOrders));
        QVERIFY_RESULT(fx.bill(kD, kBill));
        QVERIFY_RESULT(fx.reconcile(kD));
        DiscrepancyRepository repo(fx.ledger());
        const qint64 t2 = fx.idOf(kD, QStringLiteral("T2"));
        const qint64 t4 = fx.idOf(kD, QStringLiteral("T4"));
        QCOMPARE(*repo.setState({t2}, DiscrepancyState::Acknowledged,
                                QStringLiteral("asked the shop"), QStringLiteral("user alice")),
                 1);
        QCOMPARE(*repo.setState({t4}, DiscrepancyState::Ignored, QStringLiteral("test payment"),
                                QStringLiteral("user alice")),
                 1);

        auto again = fx.reconcile(kD);
        QVERIFY_RESULT(again);
        QCOMPARE(again->newCount, 0);
        QCOMPARE(again->resolvedCount, 0);
        const QStringList expected{
            QStringLiteral("MISSING_IN_LEDGER T4 IGNORED test payment"),
            QStringLiteral("MISSING_IN_BILL T3 OPEN"),
            QStringLiteral("AMOUNT_MISMATCH T2 ACKNOWLEDGED asked the shop")};
        QCOMPARE(fx.rows(kD), expected);

        // The shop fixes T2's amount and T3 is refunded in the ledger with no payment at all:
        // T2 disappears (resolved by the run, note kept).
        QVERIFY_RESULT(
            fx.orders("T2,422,250,SUCCESS,2026-11-25T08:00:00+08:00,2026-11-25T10:00:00+08:00\n"));
        again = fx.reconcile(kD);
        QCOMPARE(again->resolvedCount, 1);
        const auto d = repo.find(t2);
        QCOMPARE((*d)->state, DiscrepancyState::Resolved);
        QVERIFY((*d)->resolvedByRun);
        QCOMPARE((*d)->note, QStringLiteral("asked the shop"));
        QCOMPARE((*d)->stateBy, QStringLiteral("run %1").arg(again->id));

        // Every state change is in the audit trail, the run's included.
        const auto timeline = repo.timeline(QStringLiteral("T2"));
        QVERIFY_RESULT(timeline);
        QStringList titles;
        for (const TimelineEntry &e : *timeline)
            titles << e.title;
        // For people: the labels of the views, not the stored words.
        QVERIFY2(titles.contains(QStringLiteral("Discrepancy state: Open → Acknowledged")),
                 qPrintable(titles.join(u'\n')));
        QVERIFY2(titles.contains(QStringLiteral("Discrepancy state: Acknowledged → Resolved")),
                 qPrintable(titles.join(u'\n')));
        QVERIFY2(titles.contains(QStringLiteral("Amount mismatch on 2026-11-25")),
                 qPrintable(titles.join(u'\n')));
        QVERIFY(titles.contains(QStringLiteral("Bill row: SUCCESS, 2.50 yuan")));
        // The row is placed by its bill's date, type and file name (this fixture's imports
        // have none but the default), not by the ledger's id of the bill.
        for (const TimelineEntry &e : *timeline) {
            if (e.kind == TimelineEntry::Kind::BillRow)
                QVERIFY2(QRegularExpression(
                             QStringLiteral("^ALL bill of 2026-11-25 \\(bill\\), line \\d+$"))
                             .match(e.detail)
                             .hasMatch(),
                         qPrintable(e.detail));
        }
    }

    void crossDayPendingCleared()
    {
        Fixture fx;
        QVERIFY_RESULT(
            fx.orders("T5,425,500,SUCCESS,2026-11-25T23:50:00+08:00,2026-11-25T23:58:00+08:00\n"));
        QVERIFY_RESULT(fx.bill(kD, {{"2026-11-25 09:00:00", "T9", "1.00"}}));
        QVERIFY_RESULT(fx.reconcile(kD));
        QVERIFY(fx.rows(kD).contains(QStringLiteral("CROSS_DAY_PENDING T5 OPEN")));
        // WeChat booked it just after midnight: D+1's bill holds it.
        QVERIFY_RESULT(fx.bill(kD.addDays(1), {{"2026-11-26 00:00:20", "T5", "5.00"}}));
        const auto next = fx.reconcile(kD.addDays(1));
        QVERIFY_RESULT(next);
        QCOMPARE(next->clearedCount, 1);
        QCOMPARE(next->promotedCount, 0);
        QVERIFY(fx.rows(kD).contains(QStringLiteral("CROSS_DAY_PENDING T5 RESOLVED")));
        QVERIFY(!fx.rows(kD.addDays(1)).join(u' ').contains(QStringLiteral("T5")));
        // Re-running D now: T5 is billed (by D+1's bill), nothing reappears.
        QVERIFY_RESULT(fx.reconcile(kD));
        QVERIFY(fx.rows(kD).contains(QStringLiteral("CROSS_DAY_PENDING T5 RESOLVED")));
    }

    void crossDayPendingPromoted()
    {
        Fixture fx;
        QVERIFY_RESULT(
            fx.orders("T5,425,500,SUCCESS,2026-11-25T23:50:00+08:00,2026-11-25T23:58:00+08:00\n"));
        QVERIFY_RESULT(fx.bill(kD, {{"2026-11-25 09:00:00", "T9", "1.00"}}));
        QVERIFY_RESULT(fx.reconcile(kD));
        const qint64 id = fx.idOf(kD, QStringLiteral("T5"));
        QVERIFY_RESULT(DiscrepancyRepository(fx.ledger())
                           .setState({id}, DiscrepancyState::Acknowledged, QStringLiteral("wait"),
                                     QStringLiteral("user bob")));
        QVERIFY_RESULT(fx.bill(kD.addDays(1), {{"2026-11-26 08:00:00", "T8", "1.00"}}));
        const auto next = fx.reconcile(kD.addDays(1));
        QCOMPARE(next->promotedCount, 1);
        QCOMPARE(fx.rows(kD).filter(QStringLiteral("T5")),
                 QStringList{QStringLiteral("MISSING_IN_BILL T5 ACKNOWLEDGED wait")});
        // Re-running D agrees (the next day's bill is in) and keeps the state and note.
        const auto rerun = fx.reconcile(kD);
        QCOMPARE(rerun->newCount, 0);
        QCOMPARE(fx.rows(kD).filter(QStringLiteral("T5")),
                 QStringList{QStringLiteral("MISSING_IN_BILL T5 ACKNOWLEDGED wait")});
    }

    void queriesForTheDailyView()
    {
        Fixture fx;
        QByteArray orders;
        QList<Pay> pays;
        QList<QByteArray> keep;
        for (int i = 0; i < 25; ++i) {
            const QByteArray key = "K" + QByteArray::number(100 + i);
            orders += key + ",," + QByteArray::number(100 + i)
                      + ",SUCCESS,2026-11-25T08:00:00+08:00,2026-11-25T09:00:00+08:00\n";
            keep.append(key);
        }
        for (const QByteArray &k : keep)
            pays.append({"2026-11-25 09:00:00", k.constData(), "9.99"});
        QVERIFY_RESULT(fx.orders(orders));
        QVERIFY_RESULT(fx.bill(kD, pays));
        QVERIFY_RESULT(fx.reconcile(kD));
        DiscrepancyRepository repo(fx.ledger());
        DiscrepancyFilter all;
        QVERIFY_RESULT(repo.count(all));
        QCOMPARE(*repo.count(all), 25);
        // Keyset paging visits every row once, in report order.
        QStringList seen;
        const Discrepancy *last = nullptr;
        QList<Discrepancy> page;
        for (;;) {
            const auto next = repo.pageAfter(all, last, 7);
            QVERIFY_RESULT(next);
            if (next->isEmpty())
                break;
            page = *next;
            for (const Discrepancy &d : page)
                seen << d.outTradeNo;
            last = &page.last();
        }
        QCOMPARE(seen.size(), 25);
        QCOMPARE(seen.first(), QStringLiteral("K100"));
        QCOMPARE(seen.last(), QStringLiteral("K124"));
        const auto tail = repo.page(all, 20, 100);
        QVERIFY_RESULT(tail);
        QCOMPARE(tail->size(), 5);
        DiscrepancyFilter search;
        search.search = QStringLiteral("k11");
        const auto found = repo.count(search);
        QVERIFY_RESULT(found);
        QCOMPARE(*found, 10);
        DiscrepancyFilter kinds;
        kinds.kinds = {DiscrepancyKind::MissingInBill};
        QCOMPARE(repo.count(kinds).valueOr(-1), 0);
        // Bulk resolve, then the calendar.
        const auto everything = repo.page(all, 0, 100);
        QVERIFY_RESULT(everything);
        QList<qint64> ids;
        for (const Discrepancy &d : *everything)
            ids << d.id;
        const auto days = [&] {
            return repo.dayStatuses(kD.addDays(-1), kD.addDays(1)).valueOr({});
        };
        QCOMPARE(days().value(kD), DayStatus::Open);
        QCOMPARE(days().value(kD.addDays(-1)), DayStatus::NotFetched);
        const auto changed
            = repo.setState(ids, DiscrepancyState::Resolved, QString(), QStringLiteral("user a"));
        QVERIFY_RESULT(changed);
        QCOMPARE(*changed, 25);
        QCOMPARE(days().value(kD), DayStatus::AllResolved);
        QVERIFY_ERROR(
            repo.setState({999999}, DiscrepancyState::Ignored, QString(), QStringLiteral("x")),
            ErrorCode::NotFound);
        DiscrepancyFilter open;
        open.states = {DiscrepancyState::Open};
        QCOMPARE(repo.count(open).valueOr(-1), 0);
    }

    void cleanDayAndNotReconciled()
    {
        Fixture fx;
        QVERIFY_RESULT(
            fx.orders("T1,421,100,SUCCESS,2026-11-25T08:00:00+08:00,2026-11-25T09:00:00+08:00\n"));
        QVERIFY_RESULT(fx.bill(kD, {{"2026-11-25 09:00:00", "T1", "1.00"}}));
        DiscrepancyRepository repo(fx.ledger());
        QCOMPARE((*repo.dayStatuses(kD, kD))[kD], DayStatus::NotReconciled);
        const auto run = fx.reconcile(kD);
        QVERIFY_RESULT(run);
        QCOMPARE(run->discrepancyCount, 0);
        QCOMPARE((*repo.dayStatuses(kD, kD))[kD], DayStatus::Clean);
    }

    void cancelStoresNothing()
    {
        Fixture fx;
        QVERIFY_RESULT(fx.orders(kOrders));
        QVERIFY_RESULT(fx.bill(kD, kBill));
        QPromise<void> promise;
        promise.start();
        promise.future().cancel();
        QVERIFY_ERROR(core::reconcile(fx.ledger(), kD, ReconOptions{}, promise),
                      ErrorCode::Cancelled);
        QVERIFY(!ReconRepository(fx.ledger()).latestRun(kD)->has_value());
        QVERIFY(fx.rows(kD).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ReconEngine)
#include "tst_reconengine.moc"
