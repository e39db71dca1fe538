// SPDX-License-Identifier: GPL-3.0-or-later
// `wxrecon-cli callbacks import` and `wxrecon-cli metrics` as a user runs them: exit codes,
// idempotent import, the metrics table of the imported deliveries; `reconcile` naming the
// date's callback anomalies.
#include "ledger/ledger.h"
#include "notify/callbackstore.h"
#include "notify/notifyschema.h"
#include "testutil.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WXRECON_LANG"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(WXR_BIN_DIR "/wxrecon-cli"), args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

const QString kSample = QStringLiteral(WXR_TEST_DATA_DIR "/notify/callbacks_sample.jsonl");

} // namespace

class tst_CallbacksCli final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString db() const { return m_dir.filePath(QStringLiteral("ledger.sqlite")); }

private slots:
    void importTwiceThenMetrics()
    {
        Run r = cli({QStringLiteral("callbacks"), QStringLiteral("import"), QStringLiteral("--db"),
                     db(), QStringLiteral("--file"), kSample});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("6 imported, 0 already imported")),
                 qPrintable(r.out));
        r = cli({QStringLiteral("callbacks"), QStringLiteral("import"), QStringLiteral("--db"),
                 db(), QStringLiteral("--file"), kSample});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("0 imported, 6 already imported")),
                 qPrintable(r.out));

        // The sample's deliveries are on 2026-11-26 between 10:12 and 10:27 CST.
        r = cli({QStringLiteral("metrics"), QStringLiteral("--db"), db(), QStringLiteral("--since"),
                 QStringLiteral("2026-11-26T10:00"), QStringLiteral("--until"),
                 QStringLiteral("2026-11-26T11:00:00+08:00"), QStringLiteral("--bucket"),
                 QStringLiteral("hour")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("per hour")), qPrintable(r.out));
        // 6 received, 3 applied, 1 duplicate, 2 failed; delays 2.123 s, 17.4 s, 3.5 s.
        const QString total
            = r.out.section(u'\n', 0, -1).split(u'\n').filter(QStringLiteral("Total")).value(0);
        QVERIFY2(total.simplified().startsWith(QStringLiteral("Total 6 3 1 2 0")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("probe")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("malformed")), qPrintable(r.out));

        // A range without callbacks says so.
        r = cli({QStringLiteral("metrics"), QStringLiteral("--db"), db(), QStringLiteral("--since"),
                 QStringLiteral("2026-11-25"), QStringLiteral("--until"),
                 QStringLiteral("2026-11-26")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("No callbacks")), qPrintable(r.out));
    }

    // Callbacks the ledger did not expect are listed after the summary, per kind, with the
    // first orders named; a date without them prints no such section.
    void reconcileNamesTheDatesCallbackAnomalies()
    {
        const QString ledgerPath = m_dir.filePath(QStringLiteral("anomalies.sqlite"));
        const QString bill = QStringLiteral(WXR_TEST_DATA_DIR "/bill/tradebill_all_bom_crlf.csv");
        Run r = cli({QStringLiteral("bill"), QStringLiteral("import"), QStringLiteral("--db"),
                     ledgerPath, QStringLiteral("--date"), QStringLiteral("2026-11-25"),
                     QStringLiteral("--file"), bill});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList reconcile{QStringLiteral("reconcile"), QStringLiteral("--db"), ledgerPath,
                                    QStringLiteral("--date"), QStringLiteral("2026-11-25")};
        r = cli(reconcile);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(!r.out.contains(QStringLiteral("did not expect")), qPrintable(r.out));

        {
            auto ledger = wxr::core::Ledger::open(
                ledgerPath, wxr::core::LedgerOptions{5000, {wxr::core::notifyMigrations()}});
            QVERIFY_RESULT(ledger);
            wxr::core::CallbackStore store(**ledger);
            wxr::core::CallbackEvent e;
            e.receivedAtMs = QDateTime(QDate(2026, 11, 25), QTime(10, 0)).toMSecsSinceEpoch();
            e.notificationId = QStringLiteral("EV-ANOMALY");
            e.eventType = QStringLiteral("TRANSACTION.SUCCESS");
            e.httpStatus = 204;
            e.outcome = wxr::core::CallbackOutcome::Applied;
            const auto callbackId = store.insert(e);
            QVERIFY_RESULT(callbackId);
            wxr::core::CallbackAnomaly a;
            a.callbackId = *callbackId;
            a.billDate = QDate(2026, 11, 25);
            a.kind = wxr::core::AnomalyKind::UnknownOrder;
            for (int i = 1; i <= 5; ++i) {
                a.outTradeNo = QStringLiteral("T-UNKNOWN-%1").arg(i);
                QVERIFY(store.addAnomaly(a).ok());
            }
            a.kind = wxr::core::AnomalyKind::PaidAfterClose;
            a.outTradeNo = QStringLiteral("T-CLOSED");
            QVERIFY(store.addAnomaly(a).ok());
            a.billDate = QDate(2026, 11, 24); // another date: not listed
            a.outTradeNo = QStringLiteral("T-OTHER-DAY");
            QVERIFY(store.addAnomaly(a).ok());
        }
        r = cli(reconcile);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString section = r.out.section(QStringLiteral("did not expect"), 1);
        QVERIFY2(!section.isEmpty(), qPrintable(r.out));
        const QStringList lines = section.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3); // the heading's end, then one line per kind
        QCOMPARE(
            lines.at(1).simplified(),
            QStringLiteral("unknown_order 5 T-UNKNOWN-1, T-UNKNOWN-2, T-UNKNOWN-3 and 2 more"));
        QCOMPARE(lines.at(2).simplified(), QStringLiteral("paid_after_close 1 T-CLOSED"));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions");
        const QString missing = m_dir.filePath(QStringLiteral("missing.jsonl"));
        QTest::newRow("import without file")
            << QStringList{QStringLiteral("callbacks"), QStringLiteral("import"),
                           QStringLiteral("--db"), db()}
            << 2 << "--file";
        QTest::newRow("unknown action")
            << QStringList{QStringLiteral("callbacks"), QStringLiteral("export"),
                           QStringLiteral("--db"), db()}
            << 2 << "import";
        QTest::newRow("missing log")
            << QStringList{QStringLiteral("callbacks"), QStringLiteral("import"),
                           QStringLiteral("--db"),      db(),
                           QStringLiteral("--file"),    missing}
            << 1 << "missing.jsonl";
        QTest::newRow("bad since")
            << QStringList{QStringLiteral("metrics"), QStringLiteral("--db"), db(),
                           QStringLiteral("--since"), QStringLiteral("yesterday")}
            << 2 << "--since";
        QTest::newRow("until before since") << QStringList{QStringLiteral("metrics"),
                                                           QStringLiteral("--db"),
                                                           db(),
                                                           QStringLiteral("--since"),
                                                           QStringLiteral("2026-11-26"),
                                                           QStringLiteral("--until"),
                                                           QStringLiteral("2026-11-25")}
                                            << 2 << "--until";
        QTest::newRow("bad bucket")
            << QStringList{QStringLiteral("metrics"), QStringLiteral("--db"), db(),
                           QStringLiteral("--bucket"), QStringLiteral("week")}
            << 2 << "--bucket";
        QTest::newRow("serve-notify without listen")
            << QStringList{QStringLiteral("serve-notify"), QStringLiteral("--config"),
                           QStringLiteral("m.ini"), QStringLiteral("--db"), db()}
            << 2 << "--listen";
        QTest::newRow("serve-notify bad listen") << QStringList{QStringLiteral("serve-notify"),
                                                                QStringLiteral("--config"),
                                                                QStringLiteral("m.ini"),
                                                                QStringLiteral("--db"),
                                                                db(),
                                                                QStringLiteral("--listen"),
                                                                QStringLiteral("8443")}
                                                 << 2 << "HOST:PORT";
        QTest::newRow("serve-notify missing config")
            << QStringList{QStringLiteral("serve-notify"),
                           QStringLiteral("--config"),
                           m_dir.filePath(QStringLiteral("none.ini")),
                           QStringLiteral("--db"),
                           db(),
                           QStringLiteral("--listen"),
                           QStringLiteral("127.0.0.1:0")}
            << 1 << "none.ini";
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(tst_CallbacksCli)
#include "tst_callbackscli.moc"
