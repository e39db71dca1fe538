// SPDX-License-Identifier: GPL-3.0-or-later
// `wxrecon-cli callbacks import` and `wxrecon-cli metrics` as a user runs them: exit codes,
// idempotent import, the metrics table of the imported deliveries.
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
