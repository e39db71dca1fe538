// SPDX-License-Identifier: GPL-3.0-or-later
// Tests core/report/csvreport.*, xlsxreport.* and reportrequest.*: the exact CSV form of the
// contract, and an XLSX workbook with both sheets, a frozen header and numeric yuan cells.
#include "report/csvreport.h"
#include "report/reportrequest.h"
#include "report/xlsxreport.h"
#include "reportfixture.h"
#include "testutil.h"

#include <QFileInfo>
#include <QTest>

#include <zlib.h>

using namespace wxr;
using namespace wxr::core;

namespace {

quint32 le32(const QByteArray &b, qsizetype at)
{
    return quint32(quint8(b[at])) | quint32(quint8(b[at + 1])) << 8
           | quint32(quint8(b[at + 2])) << 16 | quint32(quint8(b[at + 3])) << 24;
}

quint16 le16(const QByteArray &b, qsizetype at)
{
    return quint16(quint8(b[at]) | quint8(b[at + 1]) << 8);
}

// The entries of a zip archive (an .xlsx), read through its central directory.
QMap<QString, QByteArray> unzip(const QByteArray &zip)
{
    QMap<QString, QByteArray> out;
    const qsizetype eocd = zip.lastIndexOf(QByteArray("PK\x05\x06", 4));
    if (eocd < 0)
        return out;
    qsizetype p = le32(zip, eocd + 16);
    const int entries = le16(zip, eocd + 10);
    for (int i = 0; i < entries && le32(zip, p) == 0x02014b50; ++i) {
        const int method = le16(zip, p + 10);
        const quint32 compressed = le32(zip, p + 20);
        const quint32 size = le32(zip, p + 24);
        const int nameLen = le16(zip, p + 28);
        const int extraLen = le16(zip, p + 30);
        const int commentLen = le16(zip, p + 32);
        const quint32 local = le32(zip, p + 42);
        const QString name = QString::fromUtf8(zip.mid(p + 46, nameLen));
        const qsizetype data = local + 30 + le16(zip, local + 26) + le16(zip, local + 28);
        QByteArray content;
        if (method == 0) {
            content = zip.mid(data, compressed);
        } else {
            content.resize(size);
            z_stream z{};
            inflateInit2(&z, -MAX_WBITS);
            z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(zip.constData() + data));
            z.avail_in = compressed;
            z.next_out = reinterpret_cast<Bytef *>(content.data());
            z.avail_out = size;
            inflate(&z, Z_FINISH);
            inflateEnd(&z);
        }
        out.insert(name, content);
        p += 46 + nameLen + extraLen + commentLen;
    }
    return out;
}

} // namespace

class tst_Report final : public QObject
{
    Q_OBJECT

private slots:
    void range_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::newRow("one date") << "2026-11-25" << true << QDate(2026, 11, 25)
                                  << QDate(2026, 11, 25);
        QTest::newRow("range") << "2026-11-01..2026-11-30" << true << QDate(2026, 11, 1)
                               << QDate(2026, 11, 30);
        QTest::newRow("backwards") << "2026-11-30..2026-11-01" << false << QDate() << QDate();
        QTest::newRow("not a date") << "yesterday" << false << QDate() << QDate();
        QTest::newRow("three parts")
            << "2026-11-01..2026-11-02..2026-11-03" << false << QDate() << QDate();
    }

    void range()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        const auto r = ReportRange::parse(text);
        QCOMPARE(r.ok(), ok);
        if (ok) {
            QCOMPARE(r->from, from);
            QCOMPARE(r->to, to);
        } else {
            QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        }
    }

    void csvExactForm()
    {
        testing::ReportFixture fx;
        QVERIFY2(fx.error.isEmpty(), qPrintable(fx.error));
        const QString path = fx.dir.filePath(QStringLiteral("r.csv"));
        QPromise<void> promise;
        QVERIFY_RESULT(CsvReport::writeFile(
            *fx.ledger, *ReportRange::parse(QStringLiteral("2026-11-24..2026-11-25")), path,
            promise));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray expected
            = "\xEF\xBB\xBF"
              "bill_date,kind,out_trade_no,transaction_id,ledger_status,bill_status,ledger_amount_"
              "fen,"
              "bill_amount_fen,out_refund_no,ledger_refund_fen,bill_refund_fen,state,note\r\n"
              "2026-11-25,MISSING_IN_LEDGER,T4,42T4,,SUCCESS,,400,,,,OPEN,\r\n"
              "2026-11-25,MISSING_IN_BILL,T3,423,SUCCESS,,300,,,,,OPEN,\r\n"
              "2026-11-25,AMOUNT_MISMATCH,T2,42T2,SUCCESS,SUCCESS,200,250,,,,ACKNOWLEDGED,"
              "\"店员说: \"\"改价\"\", 见\n工单 7\"\r\n"
              "2026-11-25,STATUS_MISMATCH,T5,42T5,NOTPAY,SUCCESS,500,500,,,,OPEN,\r\n";
        QCOMPARE(f.readAll(), expected);
    }

    void csvHeaderOnlyWhenClean()
    {
        testing::ReportFixture fx;
        QVERIFY2(fx.error.isEmpty(), qPrintable(fx.error));
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPromise<void> promise;
        QVERIFY_RESULT(CsvReport::write(
            *fx.ledger, *ReportRange::parse(QStringLiteral("2026-11-24")), buffer, promise));
        QCOMPARE(bytes, CsvReport::header());
    }

    void csvUnwritableTarget()
    {
        testing::ReportFixture fx;
        QPromise<void> promise;
        const auto s
            = CsvReport::writeFile(*fx.ledger, *ReportRange::parse(QStringLiteral("2026-11-25")),
                                   fx.dir.filePath(QStringLiteral("no/such/dir/r.csv")), promise);
        QVERIFY_ERROR(s, ErrorCode::Io);
        QVERIFY(s.error().message.contains(QStringLiteral("r.csv could not be written")));
    }

    void xlsxWorkbook()
    {
        testing::ReportFixture fx;
        QVERIFY2(fx.error.isEmpty(), qPrintable(fx.error));
        const QString path = fx.dir.filePath(QStringLiteral("r.xlsx"));
        QPromise<void> promise;
        QVERIFY_RESULT(XlsxReport::writeFile(
            *fx.ledger, *ReportRange::parse(QStringLiteral("2026-11-24..2026-11-25")), path,
            promise));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto parts = unzip(f.readAll());
        QVERIFY2(parts.contains(QStringLiteral("xl/workbook.xml")),
                 qPrintable(parts.keys().join(u' ')));
        const QString workbook = QString::fromUtf8(parts.value(QStringLiteral("xl/workbook.xml")));
        QVERIFY(workbook.contains(QStringLiteral("name=\"Summary\"")));
        QVERIFY(workbook.contains(QStringLiteral("name=\"Discrepancies\"")));
        QVERIFY(workbook.indexOf(QStringLiteral("Summary"))
                < workbook.indexOf(QStringLiteral("Discrepancies")));
        const QString list
            = QString::fromUtf8(parts.value(QStringLiteral("xl/worksheets/sheet2.xml")));
        // Frozen below the header, autofilter over the 13 columns and 4 rows.
        QVERIFY2(list.contains(QStringLiteral("<pane ySplit=\"1\" topLeftCell=\"A2\" "
                                              "activePane=\"bottomLeft\" state=\"frozen\"/>")),
                 qPrintable(list.left(600)));
        QVERIFY(list.contains(QStringLiteral("<autoFilter ref=\"A1:M5\"/>")));
        // Amounts are numbers in yuan; keys are text; an empty side is an empty cell.
        QVERIFY(list.contains(QStringLiteral("<v>2.5</v>")));
        QVERIFY(list.contains(QStringLiteral("<v>4</v>")));
        QVERIFY(list.contains(QStringLiteral("T4")));
        QVERIFY(list.contains(QStringLiteral("店员说")));
        QVERIFY(!list.contains(QStringLiteral("<v>250</v>"))); // not fen
        const QString summary
            = QString::fromUtf8(parts.value(QStringLiteral("xl/worksheets/sheet1.xml")));
        QVERIFY(summary.contains(QStringLiteral("state=\"frozen\"")));
        QVERIFY(summary.contains(QStringLiteral("Total")));
        QVERIFY(summary.contains(QStringLiteral("<v>7</v>"))); // 2026-11-24's bill amount in yuan
        const QString styles = QString::fromUtf8(parts.value(QStringLiteral("xl/styles.xml")));
        QVERIFY(styles.contains(QStringLiteral("#,##0.00")));
        QVERIFY(QFileInfo(path).permissions().testFlag(QFileDevice::ReadOther));
    }
};

QTEST_GUILESS_MAIN(tst_Report)
#include "tst_report.moc"
