// SPDX-License-Identifier: GPL-3.0-or-later
// Tests core/ledger/billrepository.*: a bill into the ledger in one transaction, idempotent
// re-import, replacement, and every refusal leaving the ledger untouched.
#include "bill/gzipdecoder.h"
#include "ledger/billrepository.h"
#include "ledger/billrowblock.h"
#include "ledger/ledger.h"
#include "ledger/sqlitestatement.h"
#include "testutil.h"

#include <QBuffer>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTime>

#include <zlib.h>

#include <tuple>

using namespace wxr;
using namespace wxr::core;

namespace {

const QDate kDay(2026, 11, 25);
const QString kFixture = QStringLiteral(WXR_TEST_DATA_DIR "/bill/tradebill_all_bom_crlf.csv");

QByteArray fixture()
{
    QFile f(kFixture);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

Result<BillImportResult> importBytes(Ledger &ledger, QByteArray bytes, QDate date = kDay,
                                     const QByteArray &sha1 = {})
{
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    BillImportOptions options;
    options.billDate = date;
    options.sourceName = QStringLiteral("tradebill.csv");
    options.expectedSha1 = sha1;
    QPromise<void> promise;
    return BillRepository(ledger).import(buffer, options, promise);
}

// A valid ALL bill of `rows` payments of 1.00 yuan (fee 0.00600), one a second from midnight,
// with the fixture's header and summary lines; `goods` goes into every row's 商品名称.
// Order numbers B000000… run backwards through the file: line i + 2 holds B(rows - 1 - i), so
// that the import cannot rely on a bill listing its keys in order; with `stride`, the numbers
// are that many apart (B((rows - 1 - i) * stride)).
QByteArray keyOfLine(int rows, int i, int stride = 1)
{
    return QByteArray::number((rows - 1 - i) * stride).rightJustified(6, '0');
}

// `gz` decompressed by zlib, another implementation than the import's (ISA-L): what gzip -d
// or any other tool would read from an archive copy. Empty when zlib finds an error.
QByteArray gunzipWithZlib(const QByteArray &gz)
{
    z_stream z{};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
        return {};
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(gz.constData()));
    z.avail_in = uInt(gz.size());
    QByteArray out;
    int rc = Z_OK;
    while (rc == Z_OK) {
        char buf[1 << 16];
        z.next_out = reinterpret_cast<Bytef *>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buf, qsizetype(sizeof buf - z.avail_out));
    }
    inflateEnd(&z);
    return rc == Z_STREAM_END && z.avail_in == 0 ? out : QByteArray();
}

QByteArray generatedBill(int rows, const QByteArray &goods, int stride = 1)
{
    const QList<QByteArray> lines = fixture().split('\n');
    QByteArray out = lines.at(0) + '\n';
    for (int i = 0; i < rows; ++i) {
        const QByteArray time = QTime(0, 0).addSecs(i).toString(u"HH:mm:ss").toLatin1();
        const QByteArray no = QByteArray::number(i).rightJustified(6, '0');
        out += "`2026-11-25 " + time + ",`wx0000000000000001,`1900000001,`0,`,`42000000002026112"
               + no + ",`B" + keyOfLine(rows, i, stride)
               + ",`oUser,`JSAPI,`SUCCESS,`OTHERS,`CNY,`1.00,`0.00,`0,`0,`0.00,`0.00,`,`,`" + goods
               + ",`,`0.00600,`0.60%,`1.00,`0.00,`\r\n";
    }
    const QByteArray total = QByteArray::number(rows) + ".00";
    const int feeFen = (rows * 6 + 5) / 10; // 0.6 fen a row, rounded
    const QByteArray fee = QByteArray::number(feeFen / 100) + '.'
                           + QByteArray::number(feeFen % 100).rightJustified(2, '0');
    out += lines.at(5) + '\n';
    out += "`" + QByteArray::number(rows) + ",`" + total + ",`0.00,`0.00,`" + fee + ",`" + total
           + ",`0.00\r\n";
    return out;
}

// A buffer that counts the bytes read from it and the times it is sent back to its start.
class CountingBuffer final : public QBuffer
{
public:
    using QBuffer::QBuffer;
    qint64 bytesRead = 0;
    int rewinds = 0;

    bool seek(qint64 pos) override
    {
        if (pos == 0 && QBuffer::pos() != 0)
            ++rewinds;
        return QBuffer::seek(pos);
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = QBuffer::readData(data, maxSize);
        if (n > 0)
            bytesRead += n;
        return n;
    }
};

qint64 scalar(Ledger &ledger, const char *sql)
{
    SqliteStatement q(ledger, sql);
    const auto row = q.step();
    return row && *row ? q.int64(0) : -1;
}

// The rows of `table` that belong to bill `billId`.
qint64 rowsOfBill(Ledger &ledger, const char *table, qint64 billId)
{
    const QByteArray sql = QByteArray("SELECT COUNT(*) FROM ") + table
                           + " WHERE bill_id = " + QByteArray::number(billId);
    return scalar(ledger, sql.constData());
}

} // namespace

class tst_BillImport final : public QObject
{
    Q_OBJECT

private slots:
    void importsRowsAndArchive()
    {
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(ledger);
        const auto r = importBytes(**ledger, fixture());
        QVERIFY_RESULT(r);
        QVERIFY(!r->alreadyImported);
        const ImportedBill &b = r->bill;
        QCOMPARE(b.billType, QStringLiteral("ALL"));
        QCOMPARE(b.billDate, kDay);
        QCOMPARE(b.rowCount, 4);
        QCOMPARE(b.paymentCount, 3);
        QCOMPARE(b.refundCount, 1);
        QCOMPARE(b.orderFen, 12050);
        QCOMPARE(b.printedFeeMilli, 71000);
        QCOMPARE(b.sha1, QByteArray("3bbd097f0c24fc43b73b02a739794d790f2b4401"));
        QList<QByteArray> keys;
        QVERIFY_RESULT(
            BillRepository(**ledger).forEachRow(b.id, [&](const BillRowView &v) -> Status {
                keys.append(
                    QByteArray(v.outTradeNo.data(), qsizetype(v.outTradeNo.size()))
                    + (v.isRefund
                           ? "/" + QByteArray(v.outRefundNo.data(), qsizetype(v.outRefundNo.size()))
                           : QByteArray()));
                return {};
            }));
        QCOMPARE(keys, (QList<QByteArray>{"T20261125001", "T20261125002", "T20261125003",
                                          "T20261124099/R20261124099-1"}));
        // Payments make an order "billed"; a refund row does not.
        const auto billed = BillRepository(**ledger).billedAmong(
            {QStringLiteral("T20261125001"), QStringLiteral("T20261124099"), QStringLiteral("X")});
        QCOMPARE(*billed, QSet<QString>{QStringLiteral("T20261125001")});
        // The archive copy is gzip of the original bytes, every one of them.
        const auto archive = BillRepository(**ledger).archivedFile(b.id);
        QVERIFY(archive->startsWith("\x1f\x8b"));
        QByteArray restored;
        GzipDecoder decoder;
        QVERIFY(decoder
                    .decode(*archive,
                            [&](QByteArrayView plain) -> Status {
                                restored.append(plain);
                                return {};
                            })
                    .ok());
        QVERIFY(decoder.finish().ok());
        QCOMPARE(restored, fixture());
        QCOMPARE(gunzipWithZlib(*archive), fixture());
        // A gzip input is archived as it is.
        QTemporaryDir other;
        auto second = Ledger::open(other.filePath(QStringLiteral("l.db")));
        const auto fromGzip = importBytes(**second, *archive);
        QVERIFY2(fromGzip.ok(), qPrintable(fromGzip ? QString() : fromGzip.error().message));
        QCOMPARE(*BillRepository(**second).archivedFile(fromGzip->bill.id), *archive);
        QCOMPARE(BillRepository(**ledger).billsOf(kDay)->size(), 1);
    }

    void sameFileTwiceChangesNothing()
    {
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        const auto first = importBytes(**ledger, fixture());
        QVERIFY_RESULT(first);
        const qint64 audits = scalar(**ledger, "SELECT COUNT(*) FROM audit_log");
        const auto second = importBytes(**ledger, fixture());
        QVERIFY_RESULT(second);
        QVERIFY(second->alreadyImported);
        QCOMPARE(second->bill.id, first->bill.id);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bill_keys"), 4);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bill_row_blocks"), 1);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bills"), 1);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM audit_log"), audits);
    }

    void heldFileIsRecognisedBeforeParsing()
    {
        // A file the ledger holds (same date, same SHA-1) is read once for its digest and not
        // parsed; on a date without bills there is no first pass; a different file of a date
        // with bills is read twice (digest, then the import).
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(ledger);
        QByteArray bytes = fixture();
        const auto importCounting = [&](QByteArray data, QDate date) {
            CountingBuffer buffer(&data);
            buffer.open(QIODevice::ReadOnly);
            BillImportOptions options;
            options.billDate = date;
            options.sourceName = QStringLiteral("tradebill.csv");
            QPromise<void> promise;
            auto r = BillRepository(**ledger).import(buffer, options, promise);
            return std::make_tuple(std::move(r), buffer.bytesRead, buffer.rewinds);
        };
        {
            const auto [r, read, rewinds] = importCounting(bytes, kDay);
            QVERIFY_RESULT(r);
            QVERIFY(!r->alreadyImported);
            QCOMPARE(read, bytes.size());
            QCOMPARE(rewinds, 0);
        }
        const qint64 audits = scalar(**ledger, "SELECT COUNT(*) FROM audit_log");
        {
            const auto [r, read, rewinds] = importCounting(bytes, kDay);
            QVERIFY_RESULT(r);
            QVERIFY(r->alreadyImported);
            QCOMPARE(r->bill.rowCount, 4);
            QCOMPARE(read, bytes.size());
            QCOMPARE(rewinds, 1);
            QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM audit_log"), audits);
        }
        {
            const QByteArray other = generatedBill(10, "Tea");
            const auto [r, read, rewinds] = importCounting(other, kDay);
            QVERIFY_RESULT(r);
            QVERIFY(!r->alreadyImported);
            QVERIFY(r->replacedBillId);
            QCOMPARE(read, 2 * other.size());
            QCOMPARE(rewinds, 1);
        }
    }

    void sameEmptyFundFlowOfAnotherAccountIsImported()
    {
        // Two account types' fund-flow bills of a day can be byte for byte the same (both
        // empty): the second is a bill of its own, not the first imported again.
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(ledger);
        const QByteArray bytes
            = "记账时间,微信支付业务单号,资金流水单号,业务名称,业务类型,收支类型,收支金额(元),"
              "账户结余(元),资金变更提交申请人,备注,业务凭证号\n"
              "资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额\n`0.0,`0.0,`0.00,`0.0,`0.00\n";
        QList<qint64> ids;
        for (const QString &account :
             {QStringLiteral("BASIC"), QStringLiteral("OPERATION"), QStringLiteral("OPERATION")}) {
            QByteArray data = bytes;
            QBuffer buffer(&data);
            buffer.open(QIODevice::ReadOnly);
            BillImportOptions options;
            options.billDate = kDay;
            options.accountType = account;
            QPromise<void> promise;
            const auto r = BillRepository(**ledger).import(buffer, options, promise);
            QVERIFY_RESULT(r);
            QCOMPARE(r->bill.accountType, account);
            ids.append(r->bill.id);
            QCOMPARE(r->alreadyImported, ids.size() == 3);
        }
        QVERIFY(ids[0] != ids[1]);
        QCOMPARE(ids[2], ids[1]);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bills"), 2);
    }

    void differentFileReplaces()
    {
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        const auto first = importBytes(**ledger, fixture());
        QVERIFY_RESULT(first);
        QByteArray changed = fixture();
        changed.replace("`Coffee,", "`Espresso,");
        const auto second = importBytes(**ledger, changed);
        QVERIFY_RESULT(second);
        QCOMPARE(second->replacedBillId, std::optional<qint64>(first->bill.id));
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bills"), 1);
        // Only the new bill's rows remain, and the lookups by order find them.
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bill_keys"), 4);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bill_keys WHERE bill_id <> "
                                  "(SELECT id FROM bills)"),
                 0);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bill_row_blocks"), 1);
        QSet<qint64> bills;
        const BillRepository repo(**ledger);
        QVERIFY_RESULT(repo.forEachRowOf(QStringLiteral("T20261125001"), [&](const BillRowView &r) {
            bills.insert(r.billId);
            return Status();
        }));
        QCOMPARE(bills, QSet<qint64>{second->bill.id});
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QByteArray>("sha1");
        QTest::addColumn<QString>("message");
        QTest::addColumn<ErrorCode>("code");

        QByteArray mismatch = fixture();
        mismatch.replace("`4,`115.50", "`4,`115.51");
        QTest::newRow("summary mismatch") << mismatch << kDay << QByteArray()
                                          << "tradebill.csv: the summary says “应结订单总金额” is "
                                             "115.51 yuan but the rows add up to "
                                             "115.50 yuan; nothing was imported."
                                          << ErrorCode::InvalidInput;
        QTest::newRow("wrong date")
            << fixture() << kDay.addDays(1) << QByteArray()
            << "tradebill.csv: line 2: the row is dated 2026-11-25 00:00:03, not on the bill date "
               "2026-11-26; nothing was imported."
            << ErrorCode::InvalidInput;
        QTest::newRow("digest mismatch")
            << fixture() << kDay << QByteArray("0000000000000000000000000000000000000000")
            << "its SHA-1 is 3bbd097f0c24fc43b73b02a739794d790f2b4401 but WeChat Pay's hash_value "
               "is"
            << ErrorCode::Verification;
        QTest::newRow("truncated") << fixture().left(fixture().size() - 60) << kDay << QByteArray()
                                   << "nothing was imported." << ErrorCode::InvalidInput;
    }

    void refusals()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QDate, date);
        QFETCH(QByteArray, sha1);
        QFETCH(QString, message);
        QFETCH(ErrorCode, code);
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        const qint64 audits = scalar(**ledger, "SELECT COUNT(*) FROM audit_log");
        const auto r = importBytes(**ledger, bytes, date, sha1);
        QVERIFY_ERROR(r, code);
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bills"), 0);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bill_keys"), 0);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bill_row_blocks"), 0);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM audit_log"), audits);
    }

    void digestMatchesCaseInsensitively()
    {
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(importBytes(**ledger, fixture(), kDay,
                                   QByteArray("3BBD097F0C24FC43B73B02A739794D790F2B4401")));
    }

    void fundFlowBill()
    {
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        const QByteArray bytes
            = "记账时间,微信支付业务单号,资金流水单号,业务名称,业务类型,收支类型,收支金额(元),"
              "账户结余(元),"
              "资金变更提交申请人,备注,业务凭证号\n"
              "`2026-11-25 09:00:00,`42001,`F1,`交易,`交易,`收入,`12.50,`12.50,`system,`,`T1\n"
              "资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额\n`1.0,`1.0,`12.50,`0.0,`0.00\n";
        const auto r = importBytes(**ledger, bytes);
        QVERIFY_RESULT(r);
        QCOMPARE(r->bill.billType, QStringLiteral("FUNDFLOW"));
        QCOMPARE(r->bill.accountType, QStringLiteral("BASIC"));
        QCOMPARE(r->bill.incomeFen, 1250);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM fund_flow_rows"), 1);
    }
    // A ledger holds one merchant's bills: another merchant's bill (of any date) is refused,
    // naming both merchants, and nothing of it is stored.
    void anotherMerchantsBillIsRefused()
    {
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(ledger);
        QVERIFY_RESULT(importBytes(**ledger, fixture()));
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bills WHERE mchid = '1900000001'"), 1);
        const qint64 before = scalar(**ledger, "SELECT COUNT(*) FROM bills");
        QByteArray other = fixture().replace("2026-11-25", "2026-11-26");
        other.replace("`1900000001,", "`1900000002,");
        const auto refused = importBytes(**ledger, other, kDay.addDays(1));
        QVERIFY_ERROR(refused, ErrorCode::InvalidInput);
        QVERIFY2(refused.error().message.contains(u"merchant 1900000002")
                     && refused.error().message.contains(u"merchant 1900000001")
                     && refused.error().message.endsWith(u"nothing was imported."),
                 qPrintable(refused.error().message));
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bills"), before);
        // The same merchant's bill of that date is welcome.
        QVERIFY_RESULT(
            importBytes(**ledger, fixture().replace("2026-11-25", "2026-11-26"), kDay.addDays(1)));
    }

    // So is another merchant's day without trades (NO_STATEMENT_EXIST); the merchant's own is
    // recorded with its merchant, and its bills are then welcome while another's are not.
    void anotherMerchantsEmptyDayIsRefused()
    {
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(ledger);
        BillRepository bills(**ledger);
        QVERIFY_RESULT(bills.recordEmpty(kDay.addDays(-1), QStringLiteral("ALL"),
                                         QStringLiteral("test"), QStringLiteral("1900000001")));
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bills WHERE mchid = '1900000001'"), 1);
        const auto refused
            = bills.recordEmpty(kDay.addDays(-2), QStringLiteral("ALL"), QStringLiteral("test"),
                                QStringLiteral("1900000002"));
        QVERIFY_ERROR(refused, ErrorCode::InvalidInput);
        QVERIFY2(refused.error().message.contains(u"merchant 1900000002")
                     && refused.error().message.contains(u"merchant 1900000001"),
                 qPrintable(refused.error().message));
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bills"), 1);
        QVERIFY_RESULT(importBytes(**ledger, fixture())); // 1900000001's bill
        QByteArray other = fixture().replace("2026-11-25", "2026-11-26");
        other.replace("`1900000001,", "`1900000002,");
        QVERIFY_ERROR(importBytes(**ledger, other, kDay.addDays(1)), ErrorCode::InvalidInput);
    }

    // A disk that fills up half-way (here: SQLite's page limit) fails the import with one
    // sentence saying so and leaves the ledger as it was; with room, the same file imports.
    void diskFullLeavesLedgerAsBefore()
    {
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(ledger);
        QVERIFY_RESULT(importBytes(**ledger, fixture()));
        const char *const fingerprint
            = "SELECT (SELECT COUNT(*) FROM bills) * 1000000 + (SELECT COUNT(*) FROM bill_keys) "
              "* 1000 + (SELECT COUNT(*) FROM bill_row_blocks) + (SELECT COUNT(*) FROM "
              "bill_archive) * 100 + (SELECT COUNT(*) FROM audit_log) * 10000000";
        const qint64 before = scalar(**ledger, fingerprint);
        const qint64 used = scalar(**ledger, "PRAGMA page_count");
        QVERIFY_RESULT((*ledger)->execute(
            QByteArray("PRAGMA max_page_count=" + QByteArray::number(used + 4)).constData()));
        const QByteArray big = generatedBill(3 * billblock::kRowsPerBlock, "Coffee");
        const auto full = importBytes(**ledger, big); // replaces the fixture's bill
        QVERIFY_ERROR(full, ErrorCode::Database);
        QVERIFY2(full.error().message.endsWith(
                     QStringLiteral(" is full (free some space and try again); nothing was "
                                    "imported.")),
                 qPrintable(full.error().message));
        QCOMPARE(scalar(**ledger, fingerprint), before);
        QVERIFY_RESULT((*ledger)->execute("PRAGMA max_page_count=1073741823"));
        const auto roomy = importBytes(**ledger, big);
        QVERIFY_RESULT(roomy);
        QCOMPARE(roomy->bill.rowCount, 3 * billblock::kRowsPerBlock);
    }

    void manyRowsSpanBlocks()
    {
        // More rows than one block holds: the lookups by order must find rows in every block,
        // and replacing the bill must remove every key of the old one.
        const int rows = 2 * billblock::kRowsPerBlock + 100;
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(ledger);
        const QByteArray plain = generatedBill(rows, "Coffee");
        const auto first = importBytes(**ledger, plain);
        QVERIFY_RESULT(first);
        QCOMPARE(first->bill.rowCount, rows);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bill_row_blocks"), 3);
        const BillRepository repo(**ledger);
        // The archive copy was stored in pieces as the file was read; together they are the
        // gzip of the whole file.
        QVERIFY(scalar(**ledger, "SELECT COUNT(*) FROM bill_archive") > 1);
        const auto archive = repo.archivedFile(first->bill.id);
        QVERIFY_RESULT(archive);
        QByteArray restored;
        GzipDecoder decoder;
        QVERIFY_RESULT(decoder.decode(*archive, [&](QByteArrayView d) -> Status {
            restored.append(d);
            return {};
        }));
        QVERIFY_RESULT(decoder.finish());
        QVERIFY(restored == plain);
        QVERIFY(gunzipWithZlib(*archive) == plain);
        qint64 expectedLine = 2;
        QVERIFY_RESULT(repo.forEachRow(first->bill.id, [&](const BillRowView &r) -> Status {
            if (r.line != expectedLine++ || r.orderFen != 100 || r.feeMilli != 600)
                return makeError(ErrorCode::Internal, QStringLiteral("row %1").arg(r.line));
            return {};
        }));
        QCOMPARE(expectedLine, rows + 2);
        for (const int i : {0, billblock::kRowsPerBlock - 1, billblock::kRowsPerBlock,
                            2 * billblock::kRowsPerBlock, rows - 1}) {
            const QString key = u'B' + QString::fromLatin1(keyOfLine(rows, i));
            QList<qint64> lines;
            QVERIFY_RESULT(repo.forEachRowOf(key, [&](const BillRowView &r) {
                if (r.outTradeNo == key.toStdString())
                    lines.append(r.line);
                return Status();
            }));
            QCOMPARE(lines, QList<qint64>{i + 2});
            QVERIFY(*repo.isBilled(key.toStdString()));
        }
        // The next day's bill lists the same order numbers: its keys must survive the
        // replacement of this day's bill.
        const auto nextDay = importBytes(
            **ledger, generatedBill(rows, "Milk").replace("`2026-11-25 ", "`2026-11-26 "),
            kDay.addDays(1));
        QVERIFY_RESULT(nextDay);
        const auto second = importBytes(**ledger, generatedBill(rows, "Tea"));
        QVERIFY_RESULT(second);
        QCOMPARE(second->replacedBillId, std::optional<qint64>(first->bill.id));
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bill_keys"), 2 * rows);
        QCOMPARE(rowsOfBill(**ledger, "bill_keys", nextDay->bill.id), rows);
        QCOMPARE(rowsOfBill(**ledger, "bill_keys", second->bill.id), rows);
        QCOMPARE(rowsOfBill(**ledger, "bill_row_blocks", first->bill.id), 0);
        QCOMPARE(rowsOfBill(**ledger, "bill_archive", first->bill.id), 0);
        QVERIFY(rowsOfBill(**ledger, "bill_archive", second->bill.id) > 0);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(DISTINCT bill_id) FROM bill_row_blocks"), 2);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(DISTINCT bill_id) FROM bill_archive"), 2);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bills"), 2);
    }

    void replacedKeysAmongOthers()
    {
        // A small bill whose order numbers lie spread among a large bill's: its keys are
        // removed one by one, the other bill's all stay.
        const int others = 3 * billblock::kRowsPerBlock;
        const int rows = 120;
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("l.db")));
        QVERIFY_RESULT(ledger);
        const auto nextDay = importBytes(
            **ledger, generatedBill(others, "Milk").replace("`2026-11-25 ", "`2026-11-26 "),
            kDay.addDays(1));
        QVERIFY_RESULT(nextDay);
        const int stride = others / rows;
        const auto first = importBytes(**ledger, generatedBill(rows, "Coffee", stride));
        QVERIFY_RESULT(first);
        QCOMPARE(scalar(**ledger, "SELECT COUNT(*) FROM bill_keys"), others + rows);
        const auto second = importBytes(**ledger, generatedBill(rows, "Tea", stride));
        QVERIFY_RESULT(second);
        QCOMPARE(second->replacedBillId, std::optional<qint64>(first->bill.id));
        QCOMPARE(rowsOfBill(**ledger, "bill_keys", nextDay->bill.id), others);
        QCOMPARE(rowsOfBill(**ledger, "bill_keys", second->bill.id), rows);
        QCOMPARE(rowsOfBill(**ledger, "bill_keys", first->bill.id), 0);
    }

    void blockRoundTripAndDamage()
    {
        TradeBillRow pay;
        pay.line = 123456789012;
        pay.tradeTime = 1795658400;
        pay.transactionId = "4200000000202611250000000001";
        pay.outTradeNo = "订单-1";
        pay.tradeState = "SUCCESS";
        pay.tradeType = "JSAPI";
        pay.orderFen = 9'000'000'000'000;
        pay.settlementFen = -1;
        pay.feeMilli = -18000;
        pay.fieldCountMismatch = true;
        TradeBillRow refund;
        refund.line = 7;
        refund.tradeState = "REFUND";
        refund.outTradeNo = "P2";
        refund.refundId = "5030";
        refund.outRefundNo = "R2";
        refund.refundFen = 300;
        refund.refundAppliedFen = 400;
        refund.refundStatus = "PROCESSING";
        std::string block;
        billblock::begin(block);
        billblock::append(block, pay);
        billblock::append(block, refund);
        QList<BillRowView> seen;
        QList<std::string> texts;
        QVERIFY_RESULT(billblock::forEach(block, 9, [&](const BillRowView &v) {
            seen.append(v);
            texts.push_back(std::string(v.transactionId) + '|' + std::string(v.outTradeNo) + '|'
                            + std::string(v.tradeState) + '|' + std::string(v.refundId) + '|'
                            + std::string(v.outRefundNo) + '|' + std::string(v.refundStatus));
            return Status();
        }));
        QCOMPARE(seen.size(), 2);
        QCOMPARE(seen[0].billId, 9);
        QCOMPARE(seen[0].line, pay.line);
        QCOMPARE(seen[0].tradeTime, pay.tradeTime);
        QCOMPARE(seen[0].orderFen, pay.orderFen);
        QCOMPARE(seen[0].settlementFen, -1);
        QCOMPARE(seen[0].feeMilli, -18000);
        QVERIFY(seen[0].flagged && !seen[0].isRefund);
        QCOMPARE(texts[0], std::string("4200000000202611250000000001|订单-1|SUCCESS|||"));
        QVERIFY(seen[1].isRefund && !seen[1].flagged);
        QCOMPARE(seen[1].refundFen, 300);
        QCOMPARE(seen[1].refundAppliedFen, 400);
        QCOMPARE(texts[1], std::string("|P2|REFUND|5030|R2|PROCESSING"));

        // Every truncation inside the last row, and a foreign format byte, are errors.
        std::string first;
        billblock::begin(first);
        billblock::append(first, pay);
        for (size_t n = first.size() + 1; n < block.size(); ++n) {
            int rows = 0;
            const Status s = billblock::forEach(std::string_view(block).substr(0, n), 9,
                                                [&](const BillRowView &) {
                                                    ++rows;
                                                    return Status();
                                                });
            QVERIFY2(!s.ok() && s.error().code == ErrorCode::Database,
                     qPrintable(QString::number(n)));
            QVERIFY(s.error().message.contains(u"bill 9"));
        }
        block[0] = 2;
        QVERIFY_ERROR(billblock::forEach(block, 9, [](const BillRowView &) { return Status(); }),
                      ErrorCode::Database);
    }
};

QTEST_GUILESS_MAIN(tst_BillImport)
#include "tst_billimport.moc"
