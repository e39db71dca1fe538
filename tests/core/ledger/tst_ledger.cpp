// SPDX-License-Identifier: GPL-3.0-or-later
// Tests core/ledger/ledger.*, transaction.*, auditlog.*, orderrepository.*, refundrepository.*:
// file creation and pragmas, migrations (own and other modules'), nesting, the append-only
// audit log, and state changes applied through the repositories.
#include "ledger/auditlog.h"
#include "ledger/billrepository.h"
#include "ledger/ledger.h"
#include "ledger/migration.h"
#include "ledger/orderrepository.h"
#include "ledger/refundrepository.h"
#include "ledger/sqlitefeed.h"
#include "ledger/sqlitestatement.h"
#include "ledger/transaction.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>
#include <sys/stat.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace wxr;
using namespace wxr::core;

namespace {

qint64 scalar(Ledger &ledger, const char *sql)
{
    SqliteStatement q(ledger, sql);
    const auto row = q.step();
    return row && *row ? q.int64(0) : -1;
}

QString journalMode(Ledger &ledger)
{
    SqliteStatement q(ledger, "PRAGMA journal_mode");
    const auto row = q.step();
    return row && *row ? q.text(0) : QString();
}

TradeEvent tradeEvent(const QString &key, const QString &state, std::optional<qint64> at,
                      RecordSource source = RecordSource::Callback)
{
    TradeEvent e;
    e.outTradeNo = key;
    e.state = state;
    e.at = at;
    e.source = source;
    e.actor = QStringLiteral("test");
    return e;
}

} // namespace

class tst_Ledger final : public QObject
{
    Q_OBJECT

private slots:
    void createsPrivateFileInWalMode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.db"));
        const mode_t old = ::umask(0);
        auto ledger = Ledger::open(path);
        ::umask(old);
        QVERIFY_RESULT(ledger);
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
        SqliteStatement mode(**ledger, "PRAGMA journal_mode");
        QVERIFY(*mode.step());
        QCOMPARE(mode.text(0), QStringLiteral("wal"));
        QCOMPARE(scalar(**ledger, "PRAGMA foreign_keys"), 1);
        QCOMPARE(*(*ledger)->schemaVersion(QStringLiteral("ledger")),
                 ledgerMigrations().steps.last().version);
        // The QSQLITE connection and the raw handle are the same database.
        QSqlQuery q((*ledger)->database());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(),
                 scalar(**ledger, "SELECT COUNT(*) FROM schema_migrations"));
    }

    void bulkLoadUsesRollbackJournalWhenAlone()
    {
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("ledger.db")));
        QVERIFY_RESULT(ledger);
        const qint64 cache = scalar(**ledger, "PRAGMA cache_size");
        {
            BulkLoad bulk(**ledger);
            QVERIFY(bulk.rollbackJournal());
            QCOMPARE(journalMode(**ledger), QStringLiteral("delete"));
            QVERIFY(scalar(**ledger, "PRAGMA cache_size") != cache);
            Transaction tx(**ledger);
            QVERIFY_RESULT(tx.begin());
            QVERIFY_RESULT(
                (*ledger)->execute("INSERT INTO audit_log (at, actor, action, entity, entity_key) "
                                   "VALUES (1, 'test', 'bulk', 'test', 'a')"));
            QVERIFY_RESULT(tx.commit());
        }
        // Back to WAL and to the connection's own cache once the import is over.
        QCOMPARE(journalMode(**ledger), QStringLiteral("wal"));
        QCOMPARE(scalar(**ledger, "PRAGMA cache_size"), cache);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM audit_log WHERE action = 'bulk'"), 1);
    }

    void bulkLoadKeepsWalBesideAnotherConnection()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.db"));
        LedgerOptions options;
        options.busyTimeoutMs = 4000;
        auto ledger = Ledger::open(path, options);
        QVERIFY_RESULT(ledger);
        auto reader = Ledger::open(path, options); // e.g. the desktop application's
        QVERIFY_RESULT(reader);
        QCOMPARE(scalar(**reader, "SELECT COUNT(*) FROM bills"), 0);
        QElapsedTimer waited;
        waited.start();
        {
            BulkLoad bulk(**ledger);
            // Refused at once, not after the busy timeout, and the import goes on in WAL.
            QVERIFY(waited.elapsed() < 2000);
            QVERIFY(!bulk.rollbackJournal());
            QCOMPARE(journalMode(**ledger), QStringLiteral("wal"));
        }
        QCOMPARE(journalMode(**reader), QStringLiteral("wal"));
    }

    void upgradesVersionOne()
    {
        // A ledger written by version 1 kept one bill_rows row per trade row; opening it moves
        // them into blocks and keys and drops the table. Fund-flow rows stay. The orders'
        // paid_at index becomes zones.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.db"));
        {
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
            const QByteArray sql
                = "CREATE TABLE schema_migrations (module TEXT NOT NULL, version INTEGER NOT "
                  "NULL, name TEXT NOT NULL, applied_at INTEGER NOT NULL, PRIMARY KEY (module, "
                  "version));"
                  + ledgerMigrations().steps.first().sql.toUtf8()
                  + "INSERT INTO schema_migrations VALUES ('ledger', 1, 'v1', 0);"
                    "INSERT INTO bills (id, bill_date, bill_type, source_name, sha1, "
                    "imported_at, first_row_id, last_row_id, raw_gzip) VALUES "
                    "(1, '2026-11-25', 'ALL', 'a', 's1', 0, 1, 3, x'1f8b0801'),"
                    "(2, '2026-11-26', 'SUCCESS', 'b', 's2', 0, 4, 4, NULL),"
                    "(3, '2026-11-25', 'FUNDFLOW', 'f', 's3', 0, 1, 1, NULL);"
                    "INSERT INTO bill_rows (id, bill_id, line, is_refund, trade_time, "
                    "transaction_id, out_trade_no, trade_state, trade_type, order_fen, "
                    "settlement_fen, coupon_fen, fee_milli, refund_id, out_refund_no, "
                    "refund_fen, refund_applied_fen, recharge_refund_fen, refund_type, "
                    "refund_status, flagged) VALUES "
                    "(1, 1, 2, 0, 100, 'T1', 'P1', 'SUCCESS', 'JSAPI', 500, 480, 20, 3000, "
                    "NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0),"
                    "(2, 1, 3, 1, 200, 'T1', 'P1', 'REFUND', 'JSAPI', 0, 0, 0, -600, 'RF1', "
                    "'R1', 100, 120, 0, 'ORIGINAL', 'PROCESSING', 1),"
                    "(3, 1, 4, 0, 300, 'T2', 'P2', 'SUCCESS', 'NATIVE', 700, 700, 0, 4200, "
                    "NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0),"
                    "(4, 2, 2, 0, 400, 'T3', 'P1', 'SUCCESS', 'JSAPI', 900, 900, 0, 5400, "
                    "NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0);"
                    "INSERT INTO fund_flow_rows (id, bill_id, line, book_time, business_order_no, "
                    "flow_no, business_name, business_type, income, amount_fen, balance_fen, "
                    "applicant, remark, voucher_no) VALUES (1, 3, 2, 100, 'P1', 'F1', 'n', 't', "
                    "1, 500, 500, 'a', '', 'v');"
                    "INSERT INTO orders (id, out_trade_no, amount_fen, status, paid_at, source, "
                    "updated_at) VALUES (1, 'P1', 500, 'SUCCESS', 100, 'import', 0), "
                    "(5000, 'P2', 700, 'SUCCESS', 300, 'import', 0), "
                    "(5001, 'P3', 700, 'NOTPAY', NULL, 'import', 0);";
            char *error = nullptr;
            const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &error);
            QVERIFY2(rc == SQLITE_OK, error);
            sqlite3_close(db);
        }
        auto ledger = Ledger::open(path);
        QVERIFY_RESULT(ledger);
        QCOMPARE(*(*ledger)->schemaVersion(QStringLiteral("ledger")),
                 ledgerMigrations().steps.last().version);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'bill_rows'"),
                 0);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bill_keys"), 4);
        // Step 3: the paid_at index gave way to zones made from the orders there are.
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM sqlite_master WHERE name = "
                                  "'orders_paid_at'"),
                 0);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM order_paid_zones WHERE (zone = 0 AND "
                                  "min_paid = 100 AND max_paid = 100) OR (zone = 1 AND "
                                  "min_paid = 300 AND max_paid = 300)"),
                 2);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM order_paid_zones"), 2);
        QCOMPARE(scalar(**ledger, "SELECT first_row_id FROM bills WHERE id = 3"), 1);
        // Step 4: archive copies of bills imported before stay where they were.
        QCOMPARE(*BillRepository(**ledger).archivedFile(1), QByteArray("\x1f\x8b\x08\x01"));
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bill_archive"), 0);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bills WHERE first_row_id IS NOT NULL"), 1);

        const BillRepository bills(**ledger);
        QStringList rows;
        const auto describe = [&](const BillRowView &r) {
            rows.append(QStringLiteral("%1:%2 %3 %4 %5 %6 %7 %8 %9")
                            .arg(r.billId)
                            .arg(r.line)
                            .arg(QString::fromUtf8(r.outTradeNo.data(), r.outTradeNo.size()),
                                 QString::fromUtf8(r.tradeState.data(), r.tradeState.size()))
                            .arg(r.orderFen)
                            .arg(r.feeMilli)
                            .arg(QString::fromUtf8(r.outRefundNo.data(), r.outRefundNo.size()))
                            .arg(r.refundAppliedFen)
                            .arg(r.flagged ? u"flagged" : u"-"));
            return Status();
        };
        QVERIFY_RESULT(bills.forEachRow(1, describe));
        QCOMPARE(rows, (QStringList{QStringLiteral("1:2 P1 SUCCESS 500 3000  0 -"),
                                    QStringLiteral("1:3 P1 REFUND 0 -600 R1 120 flagged"),
                                    QStringLiteral("1:4 P2 SUCCESS 700 4200  0 -")}));
        rows.clear();
        QVERIFY_RESULT(bills.forEachRowOf(QStringLiteral("P1"), describe));
        QCOMPARE(rows, (QStringList{QStringLiteral("1:2 P1 SUCCESS 500 3000  0 -"),
                                    QStringLiteral("1:3 P1 REFUND 0 -600 R1 120 flagged"),
                                    QStringLiteral("2:2 P1 SUCCESS 900 5400  0 -")}));
        QVERIFY(*bills.isBilled("P2"));
        QVERIFY(!*bills.isBilled("R1"));
    }

    void reopenAppliesNothingTwice()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.db"));
        QVERIFY_RESULT(Ledger::open(path));
        auto again = Ledger::open(path);
        QVERIFY_RESULT(again);
        QCOMPARE(scalar(**again, "SELECT COUNT(*) FROM schema_migrations"),
                 ledgerMigrations().steps.size());
    }

    // Several parts of the application open a new ledger at the same moment (the re-query
    // scheduler and the callback receiver of a merchant just given its own ledger): each
    // must wait for the other, not fail with "busy" or apply a migration step twice.
    void concurrentOpensOfANewLedgerAllSucceed()
    {
        QTemporaryDir dir;
        constexpr int kRounds = 20;
        constexpr int kThreads = 4;
        for (int round = 0; round < kRounds; ++round) {
            const QString path = dir.filePath(QStringLiteral("ledger-%1.db").arg(round));
            std::vector<std::thread> threads;
            std::vector<QString> failures(kThreads);
            std::atomic<int> ready{0};
            for (int i = 0; i < kThreads; ++i) {
                threads.emplace_back([&, i] {
                    ++ready;
                    while (ready.load() < kThreads) {
                    } // start together
                    auto ledger = Ledger::open(path);
                    if (!ledger)
                        failures[i] = ledger.error().message;
                });
            }
            for (std::thread &t : threads)
                t.join();
            for (const QString &f : failures)
                QVERIFY2(f.isEmpty(), qPrintable(f));
            auto ledger = Ledger::open(path);
            QVERIFY_RESULT(ledger);
            QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM schema_migrations"),
                     ledgerMigrations().steps.size());
            QCOMPARE(journalMode(**ledger), QStringLiteral("wal"));
        }
    }

    void otherModulesExtendTheSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.db"));
        MigrationSet notify{QStringLiteral("notify"),
                            {{1,
                              QStringLiteral("callbacks"),
                              QStringLiteral("CREATE TABLE callbacks (id TEXT PRIMARY KEY);"),
                              {}}}};
        {
            LedgerOptions options;
            options.extraMigrations = {notify};
            auto ledger = Ledger::open(path, options);
            QVERIFY_RESULT(ledger);
            QCOMPARE(*(*ledger)->schemaVersion(QStringLiteral("notify")), 1);
            // A second step later on, applied by migrate().
            notify.steps.append({2,
                                 QStringLiteral("callback time"),
                                 QStringLiteral("ALTER TABLE callbacks ADD COLUMN at INTEGER;"),
                                 {}});
            QVERIFY_RESULT((*ledger)->migrate(notify));
            QCOMPARE(*(*ledger)->schemaVersion(QStringLiteral("notify")), 2);
            QVERIFY_RESULT((*ledger)->execute("INSERT INTO callbacks (id, at) VALUES ('EV-1', 1)"));
            // Each step is audited.
            const auto audit
                = AuditLog(**ledger).forEntity(QStringLiteral("schema"), QStringLiteral("notify"));
            QCOMPARE(audit->size(), 2);
        }
        // A program that knows only step 1 refuses a file at step 2.
        notify.steps.removeLast();
        LedgerOptions options;
        options.extraMigrations = {notify};
        const auto older = Ledger::open(path, options);
        QVERIFY_ERROR(older, ErrorCode::Conflict);
        QVERIFY(older.error().message.contains(QStringLiteral("newer wxrecon")));
    }

    void failingMigrationKeepsNothing()
    {
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("ledger.db")));
        QVERIFY_RESULT(ledger);
        const MigrationSet bad{QStringLiteral("x"),
                               {{1,
                                 QStringLiteral("half"),
                                 QStringLiteral("CREATE TABLE a (x); CREATE TABLE orders (y);"),
                                 {}}}};
        QVERIFY_ERROR((*ledger)->migrate(bad), ErrorCode::Database);
        QCOMPARE(*(*ledger)->schemaVersion(QStringLiteral("x")), 0);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'a'"), 0);
    }

    void refusesNonDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        const auto ledger = Ledger::open(path);
        QVERIFY_ERROR(ledger, ErrorCode::Database);
        QVERIFY2(ledger.error().message.contains(path), qPrintable(ledger.error().message));
    }

    // A feed serves its rows to SQL in order, rowid = position, text handed over without a
    // copy; it reads whatever rows were set last, and its name is gone once it is destroyed.
    void rowFeed()
    {
        QTemporaryDir dir;
        auto opened = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(opened);
        Ledger &ledger = **opened;
        struct Row
        {
            const char *name;
            qint64 amount;
        };
        const auto column = [](sqlite3_context *c, const void *rows, qint64 i, int col) {
            const Row &r = static_cast<const Row *>(rows)[i];
            if (col == 0)
                sqlite3_result_text(c, r.name, -1, SQLITE_STATIC);
            else
                sqlite3_result_int64(c, r.amount);
        };
        QVERIFY_RESULT(ledger.execute("CREATE TABLE t (name TEXT NOT NULL, amount INTEGER, "
                                      "pos INTEGER)"));
        {
            SqliteFeed feed(ledger, "test_feed", "name, amount", column);
            QVERIFY_RESULT(feed.registered());
            SqliteStatement insert(
                ledger,
                "INSERT INTO t (name, amount, pos) SELECT name, amount, rowid FROM test_feed");
            QVERIFY_RESULT(insert.prepared());
            const Row first[] = {{"a", 1}, {"b", 20}, {"c", 300}};
            feed.set(first, 3);
            QVERIFY_RESULT(insert.exec());
            QCOMPARE(insert.changes(), 3);
            feed.set(nullptr, 0);
            QVERIFY_RESULT(insert.exec());
            QCOMPARE(insert.changes(), 0);
            const Row second[] = {{"d", 4000}};
            feed.set(second, 1);
            QVERIFY_RESULT(insert.exec());
            QCOMPARE(scalar(ledger, "SELECT group_concat(name || ':' || amount || ':' || pos, ' ') "
                                    "= 'a:1:0 b:20:1 c:300:2 d:4000:0' FROM t"),
                     1);
            // A constraint fails the statement with SQLite's message, like a single INSERT.
            const Row bad[] = {{nullptr, 1}};
            feed.set(bad, 1);
            const Status failed = insert.exec();
            QVERIFY(!failed.ok());
            QVERIFY2(failed.error().message.contains(QStringLiteral("NOT NULL")),
                     qPrintable(failed.error().message));
        }
        SqliteStatement gone(ledger, "SELECT * FROM test_feed");
        QVERIFY(!gone.prepared().ok());
    }

    void auditLogIsAppendOnly()
    {
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("ledger.db")));
        QVERIFY_RESULT(ledger);
        QVERIFY_ERROR((*ledger)->execute("UPDATE audit_log SET actor = 'x'"), ErrorCode::Database);
        QVERIFY_ERROR((*ledger)->execute("DELETE FROM audit_log"), ErrorCode::Database);
    }

    void nestedTransactionsAreSavepoints()
    {
        QTemporaryDir dir;
        auto opened = Ledger::open(dir.filePath(QStringLiteral("ledger.db")));
        QVERIFY_RESULT(opened);
        Ledger &ledger = **opened;
        OrderRepository orders(ledger);
        {
            Transaction outer(ledger);
            QVERIFY_RESULT(outer.begin());
            QVERIFY_RESULT(orders.applyTradeState(
                tradeEvent(QStringLiteral("T1"), QStringLiteral("NOTPAY"), 1)));
            {
                Transaction inner(ledger);
                QVERIFY_RESULT(inner.begin());
                QVERIFY_RESULT(orders.applyTradeState(
                    tradeEvent(QStringLiteral("T2"), QStringLiteral("NOTPAY"), 1)));
                // inner rolls back on scope exit
            }
            QVERIFY_RESULT(outer.commit());
        }
        QVERIFY(orders.find(QStringLiteral("T1"))->has_value());
        QVERIFY(!orders.find(QStringLiteral("T2"))->has_value());
        {
            Transaction outer(ledger);
            QVERIFY_RESULT(outer.begin());
            QVERIFY_RESULT(orders.applyTradeState(
                tradeEvent(QStringLiteral("T3"), QStringLiteral("NOTPAY"), 1)));
            // outer rolls back: the repository's own (savepoint) commit did not make it durable
        }
        QVERIFY(!orders.find(QStringLiteral("T3"))->has_value());
    }

    void applyTradeState()
    {
        QTemporaryDir dir;
        auto opened = Ledger::open(dir.filePath(QStringLiteral("ledger.db")));
        QVERIFY_RESULT(opened);
        Ledger &ledger = **opened;
        OrderRepository orders(ledger);
        AuditLog audit(ledger);

        // Unknown order from a callback: created, flagged for review.
        TradeEvent paid = tradeEvent(QStringLiteral("T1"), QStringLiteral("SUCCESS"), 200);
        paid.amountFen = 1250;
        paid.transactionId = QStringLiteral("4200001");
        paid.paidAt = 195;
        auto r = orders.applyTradeState(paid);
        QVERIFY_RESULT(r);
        QCOMPARE(r->outcome, StateOutcome::Created);
        auto o = orders.find(QStringLiteral("T1"));
        QVERIFY((*o)->needsReview);
        QCOMPARE((*o)->source, RecordSource::Callback);
        QCOMPARE((*o)->paidAtText, QStringLiteral("1970-01-01T08:03:15+08:00"));

        // The same callback again: unchanged, no audit row.
        const qsizetype auditRows
            = audit.forEntity(QStringLiteral("order"), QStringLiteral("T1"))->size();
        r = orders.applyTradeState(paid);
        QCOMPARE(r->outcome, StateOutcome::Unchanged);
        QCOMPARE(audit.forEntity(QStringLiteral("order"), QStringLiteral("T1"))->size(), auditRows);

        // A late NOTPAY from a query cannot undo SUCCESS.
        r = orders.applyTradeState(
            tradeEvent(QStringLiteral("T1"), QStringLiteral("NOTPAY"), 300, RecordSource::Query));
        QCOMPARE(r->outcome, StateOutcome::IgnoredFinal);
        QCOMPARE((*orders.find(QStringLiteral("T1")))->status, QStringLiteral("SUCCESS"));

        // Import-created orders are not flagged; CLOSED → SUCCESS is applied and flagged.
        TradeEvent created
            = tradeEvent(QStringLiteral("T2"), QStringLiteral("CLOSED"), 100, RecordSource::Import);
        created.amountFen = 500;
        QCOMPARE(orders.applyTradeState(created)->outcome, StateOutcome::Created);
        QVERIFY(!(*orders.find(QStringLiteral("T2")))->needsReview);
        TradeEvent late = tradeEvent(QStringLiteral("T2"), QStringLiteral("SUCCESS"), 150);
        late.amountFen = 600;
        r = orders.applyTradeState(late);
        QCOMPARE(r->outcome, StateOutcome::PaidAfterClose);
        QVERIFY(r->amountDiffers);
        o = orders.find(QStringLiteral("T2"));
        QCOMPARE((*o)->status, QStringLiteral("SUCCESS"));
        QVERIFY((*o)->needsReview);
        QVERIFY((*o)->reviewReason.contains(QStringLiteral("closed")));
        QVERIFY((*o)->reviewReason.contains(QStringLiteral("600")));
        const auto entries = audit.forEntity(QStringLiteral("order"), QStringLiteral("T2"));
        QCOMPARE(entries->size(), 2);
        QCOMPARE(entries->last().oldValue, QStringLiteral("CLOSED"));
        QCOMPARE(entries->last().newValue, QStringLiteral("SUCCESS"));

        // createIfMissing=false: NotFound, nothing created.
        TradeEvent query
            = tradeEvent(QStringLiteral("T9"), QStringLiteral("SUCCESS"), 1, RecordSource::Query);
        query.createIfMissing = false;
        QVERIFY_ERROR(orders.applyTradeState(query), ErrorCode::NotFound);
        QCOMPARE(*orders.count(), 2);
        QCOMPARE(orders.needingReview(10)->size(), 2);
        QVERIFY_RESULT(
            orders.setReview(QStringLiteral("T1"), false, QString(), QStringLiteral("user a")));
        QCOMPARE(orders.needingReview(10)->size(), 1);

        // The scheduler's worklist.
        QCOMPARE(orders
                     .applyTradeState(tradeEvent(QStringLiteral("T3"), QStringLiteral("NOTPAY"), 50,
                                                 RecordSource::Import))
                     ->outcome,
                 StateOutcome::Created);
        for (const auto &[otn, state, at] : {std::tuple{"T4", "USERPAYING", 60},
                                             {"T5", "NOTPAY", 2000},
                                             {"T6", "SUCCESS", 55},
                                             {"T7", "NOTPAY", 60}}) {
            QVERIFY_RESULT(orders.applyTradeState(tradeEvent(
                QString::fromLatin1(otn), QString::fromLatin1(state), at, RecordSource::Import)));
        }
        const QStringList unpaid{QStringLiteral("NOTPAY"), QStringLiteral("USERPAYING")};
        const auto keys = [&](cst::Instant from, cst::Instant to, int limit) {
            QStringList out;
            const auto listed = orders.withStatus(unpaid, from, to, limit);
            if (listed)
                for (const Order &listedOrder : *listed)
                    out << listedOrder.outTradeNo;
            return out.join(u' ');
        };
        // Newest first (ties: the later order first), both ends included, at most the limit.
        QCOMPARE(keys(0, 1000, 10), QStringLiteral("T7 T4 T3"));
        QCOMPARE(keys(0, 1000, 2), QStringLiteral("T7 T4"));
        QCOMPARE(keys(50, 59, 10), QStringLiteral("T3"));
        QCOMPARE(keys(60, 2000, 10), QStringLiteral("T5 T7 T4"));
        QCOMPARE(keys(61, 1999, 10), QString());
        QCOMPARE(orders.withStatus({QStringLiteral("SUCCESS")}, 0, 1000, 10)->size(),
                 3); // T1 T2 T6
        QCOMPARE(orders.withStatus({}, 0, 1000, 10)->size(), 0);
    }

    void applyRefundState()
    {
        QTemporaryDir dir;
        auto opened = Ledger::open(dir.filePath(QStringLiteral("ledger.db")));
        QVERIFY_RESULT(opened);
        RefundRepository refunds(**opened);
        RefundEvent e;
        e.outRefundNo = QStringLiteral("R1");
        e.state = QStringLiteral("PROCESSING");
        e.at = 100;
        e.amountFen = 200;
        QVERIFY_ERROR(refunds.applyRefundState(e), ErrorCode::InvalidInput); // no order named
        e.outTradeNo = QStringLiteral("T1");
        QCOMPARE(refunds.applyRefundState(e)->outcome, StateOutcome::Created);
        e.state = QStringLiteral("SUCCESS");
        e.at = 200;
        e.successAt = 199;
        QCOMPARE(refunds.applyRefundState(e)->outcome, StateOutcome::Applied);
        e.state = QStringLiteral("PROCESSING");
        e.at = 300;
        QCOMPARE(refunds.applyRefundState(e)->outcome, StateOutcome::IgnoredFinal);
        const auto r = refunds.find(QStringLiteral("R1"));
        QCOMPARE((*r)->status, QStringLiteral("SUCCESS"));
        QCOMPARE((*r)->successAt, std::optional<qint64>(199));
        QCOMPARE(refunds.forOrder(QStringLiteral("T1"))->size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_Ledger)
#include "tst_ledger.moc"
