// SPDX-License-Identifier: GPL-3.0-or-later
// Tests core/ledger/csvreader.* and core/ledger/ledgercsv.*: RFC 4180 reading, import with
// upsert through the state rules, all-or-nothing failures naming file/line/column, cancel,
// and the exact round trip of export.
#include "ledger/csvreader.h"
#include "ledger/ledger.h"
#include "ledger/ledgercsv.h"
#include "ledger/orderrepository.h"
#include "ledger/paidzones.h"
#include "ledger/reconrepository.h"
#include "ledger/refundrepository.h"
#include "ledger/sqlitestatement.h"
#include "testutil.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QFuture>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace wxr;
using namespace wxr::core;

namespace {

const QByteArray kOrdersHeader
    = "out_trade_no,transaction_id,amount_fen,status,created_at,paid_at\n";
const QByteArray kRefundsHeader
    = "out_refund_no,out_trade_no,refund_id,amount_fen,status,created_at,success_at\n";

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return path;
}

QByteArray read(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

// A fingerprint of everything the import may touch, to prove a failed import changed nothing.
QByteArray snapshot(Ledger &ledger)
{
    QByteArray out;
    for (const char *sql :
         {"SELECT out_trade_no || '|' || transaction_id || '|' || amount_fen || '|' "
          "|| status || '|' || created_at_text || '|' || paid_at_text FROM orders "
          "ORDER BY id",
          "SELECT out_refund_no || '|' || status || '|' || amount_fen FROM refunds "
          "ORDER BY id",
          "SELECT COUNT(*) FROM audit_log"}) {
        SqliteStatement q(ledger, sql);
        while (*q.step())
            out += q.text(0).toUtf8() + '\n';
    }
    return out;
}

QList<QByteArrayList> readAll(const QByteArray &text, QString *error = nullptr,
                              QList<qint64> *lines = nullptr)
{
    QByteArray copy = text;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer);
    QList<QByteArrayList> out;
    for (;;) {
        const auto r = reader.next();
        if (!r) {
            if (error)
                *error = r.error().message;
            return out;
        }
        if (!*r)
            return out;
        QByteArrayList fields;
        for (const auto v : reader.fields())
            fields.append(QByteArray(v.data(), qsizetype(v.size())));
        out.append(fields);
        if (lines)
            lines->append(reader.line());
    }
}

} // namespace

class tst_LedgerCsv final : public QObject
{
    Q_OBJECT

private slots:
    void csvReader_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QList<QByteArrayList>>("records");
        QTest::addColumn<QList<qint64>>("lines");

        QTest::newRow("plain") << QByteArray("a,b\n1,2\n")
                               << QList<QByteArrayList>{{"a", "b"}, {"1", "2"}}
                               << QList<qint64>{1, 2};
        QTest::newRow("BOM and CRLF")
            << QByteArray("\xEF\xBB\xBF"
                          "a,b\r\n1,2\r\n")
            << QList<QByteArrayList>{{"a", "b"}, {"1", "2"}} << QList<qint64>{1, 2};
        QTest::newRow("no final newline")
            << QByteArray("a,b\n1,2") << QList<QByteArrayList>{{"a", "b"}, {"1", "2"}}
            << QList<qint64>{1, 2};
        QTest::newRow("empty fields")
            << QByteArray("a,,\n,,\n") << QList<QByteArrayList>{{"a", "", ""}, {"", "", ""}}
            << QList<qint64>{1, 2};
        QTest::newRow("quoted comma and quote")
            << QByteArray("\"x,y\",\"say \"\"hi\"\"\",z\n")
            << QList<QByteArrayList>{{"x,y", "say \"hi\"", "z"}} << QList<qint64>{1};
        QTest::newRow("quoted line break")
            << QByteArray("\"two\nlines\",b\nnext,c\n")
            << QList<QByteArrayList>{{"two\nlines", "b"}, {"next", "c"}} << QList<qint64>{1, 3};
        QTest::newRow("blank lines skipped")
            << QByteArray("a\n\n\nb\n") << QList<QByteArrayList>{{"a"}, {"b"}}
            << QList<qint64>{1, 4};
    }

    void csvReader()
    {
        QFETCH(QByteArray, text);
        QFETCH(QList<QByteArrayList>, records);
        QFETCH(QList<qint64>, lines);
        QString error;
        QList<qint64> got;
        QCOMPARE(readAll(text, &error, &got), records);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(got, lines);
    }

    void csvReaderErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("unterminated quote")
            << QByteArray("a\n\"open,b\n") << "line 2: a quoted field is not closed";
        QTest::newRow("quote inside field")
            << QByteArray("ab\"c\n") << "line 1: a quote appears inside an unquoted field";
        QTest::newRow("text after quote")
            << QByteArray("\"a\"b\n") << "line 1: text follows a closing quote";
    }

    void csvReaderErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        QString got;
        readAll(text, &got);
        QVERIFY2(got.contains(error), qPrintable(got));
    }

    void importAndRoundTrip()
    {
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(ledger);
        QPromise<void> promise;
        const QString orders = QStringLiteral(WXR_TEST_DATA_DIR "/ledger/orders.csv");
        const QString refunds = QStringLiteral(WXR_TEST_DATA_DIR "/ledger/refunds.csv");
        const auto stats = importLedgerCsv(**ledger, orders, refunds, promise);
        QVERIFY_RESULT(stats);
        QCOMPARE(stats->ordersCreated, 4);
        QCOMPARE(stats->refundsCreated, 2);
        const auto o = OrderRepository(**ledger).find(QStringLiteral("T20261125004"));
        QCOMPARE((*o)->createdAt, std::optional<qint64>(*cst::parseRfc3339(
                                      std::string_view("2026-11-25T10:00:00Z"))));
        QCOMPARE((*o)->source, RecordSource::Import);
        QVERIFY(!(*o)->needsReview);

        const QString outOrders = dir.filePath(QStringLiteral("o.csv"));
        const QString outRefunds = dir.filePath(QStringLiteral("r.csv"));
        const auto exported = exportLedgerCsv(**ledger, outOrders, outRefunds, promise);
        QVERIFY_RESULT(exported);
        QCOMPARE(exported->orders, 4);
        QCOMPARE(read(outOrders), read(orders));
        QCOMPARE(read(outRefunds), read(refunds));

        // Importing the same files again changes nothing.
        const QByteArray before = snapshot(**ledger);
        const auto again = importLedgerCsv(**ledger, orders, refunds, promise);
        QVERIFY_RESULT(again);
        QCOMPARE(again->ordersUnchanged, 4);
        QCOMPARE(again->refundsUnchanged, 2);
        QCOMPARE(again->ordersCreated + again->ordersUpdated, 0);
        // ...apart from the one audit row per file that records the import itself.
        QByteArray after = snapshot(**ledger);
        QCOMPARE(after.left(after.lastIndexOf('\n', after.size() - 2)),
                 before.left(before.lastIndexOf('\n', before.size() - 2)));
    }

    void quotedFieldsAndBom()
    {
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(ledger);
        const QString orders = write(dir, QStringLiteral("o.csv"),
                                     "\xEF\xBB\xBF"
                                     "paid_at,status,out_trade_no,amount_fen,created_at,"
                                     "transaction_id,extra\r\n"
                                     ",NOTPAY,\"T1\",100,2026-11-25T10:00:00+08:00,,\"x, y\"\r\n");
        QPromise<void> promise;
        QVERIFY_RESULT(importLedgerCsv(**ledger, orders, QString(), promise));
        const auto o = OrderRepository(**ledger).find(QStringLiteral("T1"));
        QVERIFY(o->has_value());
        QCOMPARE((*o)->amountFen, 100);
    }

    // The import goes through the state rules: a NOTPAY row cannot undo a callback's SUCCESS,
    // a later SUCCESS row moves NOTPAY forward; amounts follow the file.
    void upsertFollowsStateRules()
    {
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(ledger);
        OrderRepository orders(**ledger);
        TradeEvent paid;
        paid.outTradeNo = QStringLiteral("T1");
        paid.state = QStringLiteral("SUCCESS");
        paid.at = 1000;
        paid.transactionId = QStringLiteral("4201");
        QVERIFY_RESULT(orders.applyTradeState(paid));
        const QString file = write(dir, QStringLiteral("o.csv"),
                                   kOrdersHeader
                                       + "T1,,100,NOTPAY,2026-11-25T10:00:00+08:00,\n"
                                         "T2,,200,NOTPAY,2026-11-25T10:00:00+08:00,\n");
        QPromise<void> promise;
        auto stats = importLedgerCsv(**ledger, file, QString(), promise);
        QVERIFY_RESULT(stats);
        QCOMPARE(stats->ordersStateIgnored, 1);
        QCOMPARE(stats->ordersUpdated, 1); // T1's amount and creation time follow the file
        auto t1 = orders.find(QStringLiteral("T1"));
        QCOMPARE((*t1)->status, QStringLiteral("SUCCESS"));
        QCOMPARE((*t1)->amountFen, 100);
        QCOMPARE((*t1)->transactionId, QStringLiteral("4201"));
        const QString later = write(dir, QStringLiteral("o2.csv"),
                                    kOrdersHeader
                                        + "T2,4202,200,SUCCESS,2026-11-25T10:00:00+08:00,"
                                          "2026-11-25T10:00:30+08:00\n");
        stats = importLedgerCsv(**ledger, later, QString(), promise);
        QVERIFY_RESULT(stats);
        QCOMPARE(stats->ordersUpdated, 1);
        const auto t2 = orders.find(QStringLiteral("T2"));
        QCOMPARE((*t2)->status, QStringLiteral("SUCCESS"));
        QCOMPARE((*t2)->transactionId, QStringLiteral("4202"));
        QCOMPARE((*t2)->paidAtText, QStringLiteral("2026-11-25T10:00:30+08:00"));
    }

    // A file that mixes rows the ledger has with new ones: runs of either switch the order in
    // which the import probes (INSERT first or SELECT first); every row still gets its case.
    void reimportMixesKnownAndNewRows()
    {
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(ledger);
        QPromise<void> promise;
        const QByteArray created = ",2026-11-25T10:00:00+08:00,";
        const QByteArray paidAt = "2026-11-25T10:00:30+08:00";
        const QString first = write(dir, QStringLiteral("o1.csv"),
                                    kOrdersHeader + "T1,,100,NOTPAY" + created + "\nT2,,200,NOTPAY"
                                        + created + "\nT3,4203,300,SUCCESS" + created + paidAt
                                        + "\nT4,,400,NOTPAY" + created + "\n");
        const QString firstRefunds
            = write(dir, QStringLiteral("r1.csv"),
                    kRefundsHeader
                        + "R1,T3,,10,PROCESSING,2026-11-25T11:00:00+08:00,\n"
                          "R2,T3,,20,PROCESSING,2026-11-25T11:00:00+08:00,\n");
        QVERIFY_RESULT(importLedgerCsv(**ledger, first, firstRefunds, promise));
        const QString second
            = write(dir, QStringLiteral("o2.csv"),
                    kOrdersHeader + "T1,,100,NOTPAY" + created + "\nT2,4202,200,SUCCESS" + created
                        + paidAt + "\nT5,,500,NOTPAY" + created + "\nT6,,600,NOTPAY" + created
                        + "\nT3,,300,NOTPAY" + created + "\nT4,,450,NOTPAY" + created + "\n");
        const QString secondRefunds = write(
            dir, QStringLiteral("r2.csv"),
            kRefundsHeader
                + "R1,T3,,10,PROCESSING,2026-11-25T11:00:00+08:00,\n"
                  "R3,T3,,30,PROCESSING,2026-11-25T11:00:00+08:00,\n"
                  "R2,T3,5030,20,SUCCESS,2026-11-25T11:00:00+08:00,2026-11-25T11:00:09+08:00\n");
        const auto stats = importLedgerCsv(**ledger, second, secondRefunds, promise);
        QVERIFY_RESULT(stats);
        QCOMPARE(stats->ordersRead, 6);
        QCOMPARE(stats->ordersCreated, 2);   // T5, T6
        QCOMPARE(stats->ordersUpdated, 2);   // T2 paid, T4's amount
        QCOMPARE(stats->ordersUnchanged, 2); // T1; T3, whose NOTPAY the rules refuse
        QCOMPARE(stats->ordersStateIgnored, 1);
        QCOMPARE(stats->refundsCreated, 1);   // R3
        QCOMPARE(stats->refundsUpdated, 1);   // R2 succeeded
        QCOMPARE(stats->refundsUnchanged, 1); // R1
        OrderRepository orders(**ledger);
        QCOMPARE((*orders.find(QStringLiteral("T2")))->status, QStringLiteral("SUCCESS"));
        QCOMPARE((*orders.find(QStringLiteral("T2")))->transactionId, QStringLiteral("4202"));
        QCOMPARE((*orders.find(QStringLiteral("T3")))->status, QStringLiteral("SUCCESS"));
        QCOMPARE((*orders.find(QStringLiteral("T4")))->amountFen, 450);
        QCOMPARE((*orders.find(QStringLiteral("T6")))->amountFen, 600);
        const auto r2 = RefundRepository(**ledger).find(QStringLiteral("R2"));
        QCOMPARE((*r2)->status, QStringLiteral("SUCCESS"));
        QCOMPARE((*r2)->refundId, QStringLiteral("5030"));
        QVERIFY(RefundRepository(**ledger).find(QStringLiteral("R3"))->has_value());
    }

    // Batches of 4,096 rows: one of mostly known orders (applied row by row), one of new
    // orders only (the next batch is inserted whole again), and one inserted whole in which a
    // few rows repeat orders of an earlier batch or of the same batch: those are updated after
    // it in file order. Every row gets its case, the ids stay unique and the zones cover them.
    void upsertAcrossBatches()
    {
        QTemporaryDir dir;
        auto opened = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(opened);
        Ledger &ledger = **opened;
        const QDateTime day(QDate(2026, 11, 25), QTime(0, 0), QTimeZone(8 * 3600));
        const auto row = [&](const QByteArray &key, int i, bool paid, int amount) -> QByteArray {
            const QDateTime created = day.addSecs(i);
            return key + ",," + QByteArray::number(amount) + (paid ? ",SUCCESS," : ",NOTPAY,")
                   + created.toString(Qt::ISODate).toLatin1() + ','
                   + (paid ? created.addSecs(60).toString(Qt::ISODate).toLatin1() : QByteArray())
                   + '\n';
        };
        QByteArray first = kOrdersHeader;
        for (int i = 0; i < 6000; ++i)
            first += row("O" + QByteArray::number(i), i, false, 100);
        QByteArray second = kOrdersHeader;
        for (int i = 3000; i < 8000; ++i)
            second += row("O" + QByteArray::number(i), i, true, 100);
        for (int i = 0; i < 5000; ++i)
            second += row("P" + QByteArray::number(i), i, false, 200);
        for (int i = 0; i < 100; ++i)
            second += row("P" + QByteArray::number(i), i, true, 200);
        second += row("P4000", 4000, true, 250);
        QPromise<void> promise;
        QVERIFY_RESULT(importLedgerCsv(ledger, write(dir, QStringLiteral("o1.csv"), first),
                                       QString(), promise));
        const auto stats = importLedgerCsv(ledger, write(dir, QStringLiteral("o2.csv"), second),
                                           QString(), promise);
        QVERIFY_RESULT(stats);
        QCOMPARE(stats->ordersRead, 10101);
        QCOMPARE(stats->ordersCreated, 7000); // O6000–O7999, P0–P4999
        QCOMPARE(stats->ordersUpdated, 3101); // O3000–O5999 paid, P0–P99 paid, P4000
        QCOMPARE(stats->ordersUnchanged, 0);
        const auto scalar = [&](const char *sql) {
            SqliteStatement q(ledger, sql);
            const auto r = q.step();
            return r && *r ? q.int64(0) : -1;
        };
        QCOMPARE(scalar("SELECT COUNT(*) FROM orders"), 13000);
        QCOMPARE(scalar("SELECT COUNT(DISTINCT out_trade_no) FROM orders"), 13000);
        QCOMPARE(scalar("SELECT COUNT(*) FROM orders WHERE status = 'SUCCESS' AND paid_at = "
                        "created_at + 60"),
                 5101);
        QCOMPARE(scalar("SELECT COUNT(*) FROM orders WHERE status = 'NOTPAY' AND paid_at IS NULL"),
                 3000 + 4899);
        OrderRepository orders(ledger);
        QCOMPARE((*orders.find(QStringLiteral("O2999")))->status, QStringLiteral("NOTPAY"));
        QCOMPARE((*orders.find(QStringLiteral("O3000")))->status, QStringLiteral("SUCCESS"));
        QCOMPARE((*orders.find(QStringLiteral("O7999")))->status, QStringLiteral("SUCCESS"));
        QCOMPARE((*orders.find(QStringLiteral("P99")))->status, QStringLiteral("SUCCESS"));
        QCOMPARE((*orders.find(QStringLiteral("P100")))->status, QStringLiteral("NOTPAY"));
        QCOMPARE((*orders.find(QStringLiteral("P4000")))->amountFen, 250);
        // Every paid order is found through the zones.
        QCOMPARE(scalar("SELECT COUNT(*) FROM (SELECT id / 4096 AS zone, MIN(paid_at) AS lo, "
                        "MAX(paid_at) AS hi FROM orders WHERE paid_at IS NOT NULL GROUP BY 1) o "
                        "LEFT JOIN order_paid_zones z USING (zone) WHERE z.zone IS NULL OR "
                        "z.min_paid > o.lo OR z.max_paid < o.hi"),
                 0);
        qint64 found = 0;
        QVERIFY_RESULT(ReconRepository(ledger).forEachOrderPaidBetween(
            day.toSecsSinceEpoch(), day.toSecsSinceEpoch() + 86400, [&](const OrderView &) {
                ++found;
                return Status();
            }));
        QCOMPARE(found, 5101);
    }

    void badRows_data()
    {
        QTest::addColumn<QByteArray>("orders");
        QTest::addColumn<QByteArray>("refunds");
        QTest::addColumn<QString>("message");

        const QByteArray good = kOrdersHeader + "T1,,100,NOTPAY,2026-11-25T10:00:00+08:00,\n";
        QTest::newRow("amount not whole fen")
            << QByteArray(good + "T2,,12.5,NOTPAY,2026-11-25T10:00:00+08:00,\n") << QByteArray()
            << "o.csv: line 3, column “amount_fen”: “12.5” is not a whole, non-negative number of "
               "fen; nothing was imported.";
        QTest::newRow("negative amount")
            << QByteArray(good + "T2,,-1,NOTPAY,2026-11-25T10:00:00+08:00,\n") << QByteArray()
            << "line 3, column “amount_fen”";
        QTest::newRow("unknown status")
            << QByteArray(good + "T2,,1,PAID,2026-11-25T10:00:00+08:00,\n") << QByteArray()
            << "line 3, column “status”: “PAID” is not an order status";
        QTest::newRow("time without offset")
            << QByteArray(good + "T2,,1,NOTPAY,2026-11-25 10:00:00,\n") << QByteArray()
            << "line 3, column “created_at”: “2026-11-25 10:00:00” is not an RFC 3339 time";
        QTest::newRow("empty creation time")
            << QByteArray(good + "T2,,1,NOTPAY,,\n") << QByteArray()
            << "line 3, column “created_at”: the creation time is empty";
        QTest::newRow("bad paid_at")
            << QByteArray(good + "T2,,1,SUCCESS,2026-11-25T10:00:00+08:00,yesterday\n")
            << QByteArray() << "line 3, column “paid_at”: “yesterday”";
        QTest::newRow("empty key")
            << QByteArray(good + ",,1,NOTPAY,2026-11-25T10:00:00+08:00,\n") << QByteArray()
            << "line 3, column “out_trade_no”: “” is not a merchant order number";
        QTest::newRow("key with a space")
            << QByteArray(good + "T 2,,1,NOTPAY,2026-11-25T10:00:00+08:00,\n") << QByteArray()
            << "column “out_trade_no”: “T 2”";
        QTest::newRow("wrong field count")
            << QByteArray(good + "T2,,1,NOTPAY\n") << QByteArray()
            << "o.csv: line 3: the row has 4 fields but the header has 6; nothing was imported.";
        QTest::newRow("missing column")
            << QByteArray("out_trade_no,amount_fen,status,created_at,paid_at\n") << QByteArray()
            << "o.csv: line 1: the header lacks column “transaction_id”";
        QTest::newRow("empty file") << QByteArray() << QByteArray() << "o.csv: the file is empty";
        QTest::newRow("unterminated quote")
            << QByteArray(good + "\"T2,,1,NOTPAY,2026-11-25T10:00:00+08:00,\n") << QByteArray()
            << "o.csv: line 3: a quoted field is not closed";
        QTest::newRow("bad refund after good orders")
            << good
            << QByteArray(kRefundsHeader
                          + "R1,T1,,50,SUCCESS,2026-11-25T10:00:00+08:00,\n"
                            "R2,T1,,50,DONE,2026-11-25T10:00:00+08:00,\n")
            << "r.csv: line 3, column “status”: “DONE” is not a refund status";
        QTest::newRow("bad refund number")
            << good
            << QByteArray(kRefundsHeader + "R 1,T1,,50,SUCCESS,2026-11-25T10:00:00+08:00,\n")
            << "r.csv: line 2, column “out_refund_no”";
    }

    // A bad row anywhere fails the whole import: the ledger is exactly as before.
    void badRows()
    {
        QFETCH(QByteArray, orders);
        QFETCH(QByteArray, refunds);
        QFETCH(QString, message);
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(ledger);
        QPromise<void> promise;
        QVERIFY_RESULT(importLedgerCsv(
            **ledger, QStringLiteral(WXR_TEST_DATA_DIR "/ledger/orders.csv"), QString(), promise));
        const QByteArray before = snapshot(**ledger);
        const QString o = write(dir, QStringLiteral("o.csv"), orders);
        const QString r
            = refunds.isEmpty() ? QString() : write(dir, QStringLiteral("r.csv"), refunds);
        const auto result = importLedgerCsv(**ledger, o, r, promise);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
        QVERIFY2(result.error().message.endsWith(QStringLiteral("nothing was imported.")),
                 qPrintable(result.error().message));
        QCOMPARE(snapshot(**ledger), before);
    }

    void missingFile()
    {
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QPromise<void> promise;
        const auto r = importLedgerCsv(**ledger, dir.filePath(QStringLiteral("none.csv")),
                                       QString(), promise);
        QVERIFY_ERROR(r, ErrorCode::Io);
        QVERIFY(r.error().message.contains(QStringLiteral("none.csv could not be opened")));
    }

    // An interrupted import (cancel mid-file) leaves the ledger as before.
    void cancelLeavesLedgerAsBefore()
    {
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(ledger);
        QByteArray big = kOrdersHeader;
        for (int i = 0; i < 10000; ++i)
            big += "T" + QByteArray::number(i) + ",,100,NOTPAY,2026-11-25T10:00:00+08:00,\n";
        const QString file = write(dir, QStringLiteral("big.csv"), big);
        const QByteArray before = snapshot(**ledger);
        QPromise<void> promise;
        promise.start();
        promise.future().cancel();
        const auto r = importLedgerCsv(**ledger, file, QString(), promise);
        QVERIFY_ERROR(r, ErrorCode::Cancelled);
        QCOMPARE(r.error().message,
                 QStringLiteral("The import was cancelled; nothing was imported."));
        QCOMPARE(snapshot(**ledger), before);
        QCOMPARE(*OrderRepository(**ledger).count(), 0);
    }
    // A disk that fills up half-way (here: SQLite's page limit) fails the import with one
    // sentence saying so, leaves the ledger as it was, and the same connection imports the
    // file once there is room.
    void diskFullLeavesLedgerAsBefore()
    {
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(ledger);
        QPromise<void> promise;
        QVERIFY_RESULT(importLedgerCsv(
            **ledger, QStringLiteral(WXR_TEST_DATA_DIR "/ledger/orders.csv"), QString(), promise));
        const QByteArray before = snapshot(**ledger);
        QByteArray big = kOrdersHeader;
        for (int i = 0; i < 20000; ++i)
            big += "F" + QByteArray::number(i) + ",4200" + QByteArray::number(i)
                   + ",100,SUCCESS,2026-11-25T10:00:00+08:00,2026-11-25T10:00:05+08:00\n";
        const QString file = write(dir, QStringLiteral("big.csv"), big);
        SqliteStatement pages(**ledger, "PRAGMA page_count");
        QVERIFY(*pages.step());
        const qint64 used = pages.int64(0);
        pages.reset();
        QVERIFY_RESULT((*ledger)->execute(
            QByteArray("PRAGMA max_page_count=" + QByteArray::number(used + 8)).constData()));
        const auto full = importLedgerCsv(**ledger, file, QString(), promise);
        QVERIFY_ERROR(full, ErrorCode::Database);
        QVERIFY2(full.error().message.endsWith(QStringLiteral(" is full (free some space and "
                                                              "try again); nothing was imported.")),
                 qPrintable(full.error().message));
        QCOMPARE(snapshot(**ledger), before);
        QVERIFY_RESULT((*ledger)->execute("PRAGMA max_page_count=1073741823"));
        const auto roomy = importLedgerCsv(**ledger, file, QString(), promise);
        QVERIFY_RESULT(roomy);
        QCOMPARE(roomy->ordersCreated, 20000);
    }

    void paidZonesFollowEveryWrite()
    {
        QTemporaryDir dir;
        auto opened = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(opened);
        Ledger &ledger = **opened;
        const auto scalar = [&](const char *sql) {
            SqliteStatement q(ledger, sql);
            const auto row = q.step();
            return row && *row ? q.int64(0) : -1;
        };
        // Zones that do not cover their orders' payment times, and zones that are exact.
        const char *const uncovered
            = "SELECT COUNT(*) FROM (SELECT id / 4096 AS zone, MIN(paid_at) AS lo, MAX(paid_at) "
              "AS hi FROM orders WHERE paid_at IS NOT NULL GROUP BY 1) o LEFT JOIN "
              "order_paid_zones z USING (zone) WHERE z.zone IS NULL OR z.min_paid > o.lo OR "
              "z.max_paid < o.hi";
        const char *const exact
            = "SELECT COUNT(*) FROM (SELECT id / 4096 AS zone, MIN(paid_at) AS lo, MAX(paid_at) "
              "AS hi FROM orders WHERE paid_at IS NOT NULL GROUP BY 1) o JOIN order_paid_zones z "
              "USING (zone) WHERE z.min_paid = o.lo AND z.max_paid = o.hi";
        const char *const triggers = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' "
                                     "AND name LIKE 'orders_paid_zone_%'";
        static_assert(PaidZones::kRows == 4096, "the queries above assume 4096");

        // A bulk import of 10,000 orders (three zones), paid out of order, some not paid.
        const auto ordersCsv = [](int count, bool badLast) {
            QByteArray csv = "out_trade_no,transaction_id,amount_fen,status,created_at,paid_at\n";
            const QDateTime day(QDate(2026, 11, 25), QTime(0, 0), QTimeZone(8 * 3600));
            for (int i = 0; i < count; ++i) {
                const QDateTime created = day.addSecs(i * 8);
                const bool paid = i % 10 != 3;
                csv += "Z" + QByteArray::number(100000 + i) + ",,100,"
                       + (paid ? "SUCCESS," : "NOTPAY,") + created.toString(Qt::ISODate).toLatin1()
                       + ','
                       + (paid ? created.addSecs((i * 7919) % 900).toString(Qt::ISODate).toLatin1()
                               : QByteArray())
                       + '\n';
            }
            if (badLast)
                csv += "Z999,,not-a-number,SUCCESS,2026-11-25T10:00:00+08:00,\n";
            return csv;
        };
        QPromise<void> promise;
        const QString good = write(dir, QStringLiteral("good.csv"), ordersCsv(10000, false));
        QVERIFY_RESULT(importLedgerCsv(ledger, good, QString(), promise));
        QCOMPARE(scalar("SELECT COUNT(*) FROM order_paid_zones"), 3);
        QCOMPARE(scalar(exact), 3);
        QCOMPARE(scalar(triggers), 2);

        // A failed import changes neither the zones nor the triggers.
        const QString bad = write(dir, QStringLiteral("bad.csv"), ordersCsv(12000, true));
        QVERIFY(!importLedgerCsv(ledger, bad, QString(), promise).ok());
        QCOMPARE(scalar("SELECT COUNT(*) FROM orders"), 10000);
        QCOMPARE(scalar(exact), 3);
        QCOMPARE(scalar(triggers), 2);

        // Single writes go through the triggers: a new paid order, a payment filled in later,
        // and an order far away in the table (its own zone, not next to the others).
        const cst::Instant day = *cst::parseRfc3339(std::string_view("2026-11-25T00:00:00+08:00"));
        TradeEvent t;
        t.outTradeNo = QStringLiteral("LATE");
        t.state = QStringLiteral("SUCCESS");
        t.at = t.paidAt = day + 86399;
        t.createdAt = day - 86400 * 3;
        t.amountFen = 100;
        t.source = RecordSource::Query;
        t.actor = QStringLiteral("query");
        QVERIFY_RESULT(OrderRepository(ledger).applyTradeState(t));
        t.outTradeNo = QStringLiteral("Z100003"); // NOTPAY in the import
        t.at = t.paidAt = day + 7200;
        QVERIFY_RESULT(OrderRepository(ledger).applyTradeState(t));
        QVERIFY_RESULT(ledger.execute(
            "INSERT INTO orders (id, out_trade_no, amount_fen, status, created_at, paid_at, "
            "source, updated_at) VALUES (50000, 'FAR', 100, 'SUCCESS', 1795550000, 1795600000, "
            "'query', 0)"));
        QCOMPARE(scalar(uncovered), 0);
        QCOMPARE(scalar("SELECT COUNT(*) FROM order_paid_zones"), 4);

        // The orders paid in a range are exactly those the table holds, across the zones.
        for (const auto &[from, to] :
             {std::pair{day, day + 86400}, std::pair{day + 3600, day + 7201},
              std::pair{day - 86400, day}}) {
            QStringList expected;
            SqliteStatement q(ledger, "SELECT out_trade_no FROM orders WHERE paid_at >= ?1 AND "
                                      "paid_at < ?2 ORDER BY id");
            q.bind(1, from);
            q.bind(2, to);
            while (*q.step())
                expected.append(q.text(0));
            QStringList got;
            QVERIFY_RESULT(
                ReconRepository(ledger).forEachOrderPaidBetween(from, to, [&](const OrderView &o) {
                    got.append(
                        QString::fromUtf8(o.outTradeNo.data(), qsizetype(o.outTradeNo.size())));
                    return Status();
                }));
            QCOMPARE(got, expected);
        }
    }
};

QTEST_GUILESS_MAIN(tst_LedgerCsv)
#include "tst_ledgercsv.moc"
