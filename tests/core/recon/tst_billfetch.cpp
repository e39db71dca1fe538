// SPDX-License-Identifier: GPL-3.0-or-later
// `wxrecon-cli bill fetch` against the stand-in (`wxrecon-sim serve`): the downloaded bill,
// reconciled against the generated ledger, reports exactly the generator's truth.csv; a day
// without trades is recorded as empty; a bill still being generated is a failure (exit 1).
#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// WeChat Pay's calendar is China Standard Time (UTC+8, no daylight saving): "today" for the
// bill API is the CST date, which differs from the machine's local date for part of each day.
static QDate cstToday()
{
    return QDateTime::currentDateTimeUtc().addSecs(8 * 3600).date();
}

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QProcessEnvironment environment()
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("WXRECON_LANG"), QStringLiteral("en"));
    return e;
}

Run run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(QStringLiteral(WXR_BIN_DIR "/") + program, args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class tst_BillFetch final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_sim;
    QString m_date;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    Run cli(const QStringList &args) const { return run(QStringLiteral("wxrecon-cli"), args); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The stand-in serves yesterday's bill (today's never exists, spec §7.4).
        m_date = cstToday().addDays(-1).toString(Qt::ISODate);
        const QStringList day{QStringLiteral("--orders"), QStringLiteral("3000"),
                              QStringLiteral("--date"),   m_date,
                              QStringLiteral("--seed"),   QStringLiteral("11")};
        const Run gen
            = run(QStringLiteral("wxrecon-sim"),
                  QStringList{QStringLiteral("gen-day")} + day
                      + QStringList{QStringLiteral("--out"), path(QStringLiteral("day"))});
        QVERIFY2(gen.exitCode == 0, qPrintable(gen.err));
        m_sim.setProcessEnvironment(environment());
        m_sim.start(QStringLiteral(WXR_BIN_DIR "/wxrecon-sim"),
                    QStringList{QStringLiteral("serve"), QStringLiteral("--port"),
                                QStringLiteral("0"), QStringLiteral("--state-dir"),
                                path(QStringLiteral("state"))}
                        + day);
        QVERIFY(m_sim.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(m_sim.canReadLine(), 30000);
        const QString line = QString::fromUtf8(m_sim.readLine()).trimmed();
        QVERIFY2(line.startsWith(u"listening on http://127.0.0.1:"), qPrintable(line));
    }

    void cleanupTestCase()
    {
        m_sim.terminate();
        m_sim.waitForFinished(5000);
    }

    void fetchedBillReconcilesToTruth()
    {
        const QString db = path(QStringLiteral("ledger.db"));
        Run r = cli({QStringLiteral("ledger"), QStringLiteral("import"), QStringLiteral("--db"), db,
                     QStringLiteral("--orders"), path(QStringLiteral("day/orders.csv")),
                     QStringLiteral("--refunds"), path(QStringLiteral("day/refunds.csv"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli({QStringLiteral("bill"), QStringLiteral("fetch"), QStringLiteral("--config"),
                 path(QStringLiteral("state/merchant.ini")), QStringLiteral("--db"), db,
                 QStringLiteral("--date"), m_date});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Imported the ALL trade bill of ") + m_date),
                 qPrintable(r.out));
        // Fetching again changes nothing, and the bill WeChat Pay announces with the SHA-1 the
        // ledger holds is not even downloaded.
        r = cli({QStringLiteral("bill"), QStringLiteral("fetch"), QStringLiteral("--config"),
                 path(QStringLiteral("state/merchant.ini")), QStringLiteral("--db"), db,
                 QStringLiteral("--date"), m_date});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("is unchanged: the ledger holds it already")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("nothing was downloaded")), qPrintable(r.out));
        r = cli({QStringLiteral("reconcile"), QStringLiteral("--db"), db, QStringLiteral("--date"),
                 m_date});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli({QStringLiteral("report"), QStringLiteral("--db"), db, QStringLiteral("--date"),
                 m_date, QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"),
                 path(QStringLiteral("report.csv"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(read(path(QStringLiteral("report.csv"))),
                 read(path(QStringLiteral("day/truth.csv"))));
        // Another type of the same date is a different bill: it is downloaded and imported.
        r = cli({QStringLiteral("bill"), QStringLiteral("fetch"), QStringLiteral("--config"),
                 path(QStringLiteral("state/merchant.ini")), QStringLiteral("--db"), db,
                 QStringLiteral("--date"), m_date, QStringLiteral("--type"),
                 QStringLiteral("SUCCESS")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Imported the SUCCESS trade bill of ") + m_date),
                 qPrintable(r.out));
    }

    void dayWithoutTradesIsRecordedEmpty()
    {
        const QString db = path(QStringLiteral("empty.db"));
        const QString other = cstToday().addDays(-5).toString(Qt::ISODate);
        Run r = cli({QStringLiteral("bill"), QStringLiteral("fetch"), QStringLiteral("--config"),
                     path(QStringLiteral("state/merchant.ini")), QStringLiteral("--db"), db,
                     QStringLiteral("--date"), other});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("recorded as an empty day")), qPrintable(r.out));
        // The empty day can be reconciled: nothing in the ledger, nothing to report.
        r = cli({QStringLiteral("reconcile"), QStringLiteral("--db"), db, QStringLiteral("--date"),
                 other});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("0 discrepancies")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("WeChat Pay has no bill for this date")),
                 qPrintable(r.out));
    }

    // WeChat Pay answers INVALID_REQUEST for a date out of its range; the sentence says why.
    void datesOutOfRangeAreRefusedWithTheReason()
    {
        Run r = cli({QStringLiteral("bill"), QStringLiteral("fetch"), QStringLiteral("--config"),
                     path(QStringLiteral("state/merchant.ini")), QStringLiteral("--db"),
                     path(QStringLiteral("today.db")), QStringLiteral("--date"),
                     cstToday().toString(Qt::ISODate)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("ready from 10:00 (China Standard Time) the next "
                                               "day")),
                 qPrintable(r.err));
        r = cli({QStringLiteral("bill"), QStringLiteral("fetch"), QStringLiteral("--config"),
                 path(QStringLiteral("state/merchant.ini")), QStringLiteral("--db"),
                 path(QStringLiteral("old.db")), QStringLiteral("--date"),
                 cstToday().addDays(-100).toString(Qt::ISODate)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("last three months only")), qPrintable(r.err));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no action") << QStringList{QStringLiteral("bill")};
        QTest::newRow("unknown action")
            << QStringList{QStringLiteral("bill"), QStringLiteral("download")};
        QTest::newRow("fetch without config") << QStringList{
            QStringLiteral("bill"), QStringLiteral("fetch"),  QStringLiteral("--db"),
            QStringLiteral("x.db"), QStringLiteral("--date"), QStringLiteral("2026-11-25")};
        QTest::newRow("bad type") << QStringList{
            QStringLiteral("bill"),   QStringLiteral("fetch"),      QStringLiteral("--config"),
            QStringLiteral("m.ini"),  QStringLiteral("--db"),       QStringLiteral("x.db"),
            QStringLiteral("--date"), QStringLiteral("2026-11-25"), QStringLiteral("--type"),
            QStringLiteral("FUNDS")};
        QTest::newRow("bad date") << QStringList{
            QStringLiteral("reconcile"), QStringLiteral("--db"), QStringLiteral("x.db"),
            QStringLiteral("--date"), QStringLiteral("2026-13-01")};
        QTest::newRow("report format") << QStringList{
            QStringLiteral("report"), QStringLiteral("--db"),       QStringLiteral("x.db"),
            QStringLiteral("--date"), QStringLiteral("2026-11-25"), QStringLiteral("--format"),
            QStringLiteral("docx"),   QStringLiteral("--out"),      QStringLiteral("r")};
        QTest::newRow("ledger without action") << QStringList{
            QStringLiteral("ledger"), QStringLiteral("--db"), QStringLiteral("x.db")};
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.startsWith(QStringLiteral("wxrecon-cli: ")));
    }
};

QTEST_GUILESS_MAIN(tst_BillFetch)
#include "tst_billfetch.moc"
