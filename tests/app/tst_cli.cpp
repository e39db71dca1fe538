// SPDX-License-Identifier: GPL-3.0-or-later
// The command-line contract: exit statuses, help, version, usage errors.
#include <QProcess>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args,
        const QStringList &env = {QStringLiteral("WXRECON_LANG=en")})
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : env)
        e.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(WXR_BIN_DIR "/") + program, args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class tst_Cli final : public QObject
{
    Q_OBJECT

private slots:
    void version()
    {
        const Run r = run(QStringLiteral("wxrecon-cli"), {QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("wxrecon-cli " WXR_VERSION)), qPrintable(r.out));
    }

    void help()
    {
        const Run r = run(QStringLiteral("wxrecon-cli"), {QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Usage: wxrecon-cli <command>")));
        QVERIFY(r.out.contains(QStringLiteral("Exit status")));
    }

    void helpInChinese()
    {
        const Run r = run(QStringLiteral("wxrecon-cli"),
                          {QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--help")},
                          {});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("用法")), qPrintable(r.out));
    }

    void noCommandIsUsageError()
    {
        const Run r = run(QStringLiteral("wxrecon-cli"), {});
        QCOMPARE(r.exitCode, 2);
    }

    void unknownCommand()
    {
        const Run r = run(QStringLiteral("wxrecon-cli"), {QStringLiteral("nosuch")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("“nosuch” is not a wxrecon-cli command")),
                 qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void unknownLanguage()
    {
        const Run r = run(QStringLiteral("wxrecon-cli"),
                          {QStringLiteral("--lang"), QStringLiteral("xx"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 2);
    }

#ifdef WXR_HAVE_GUI
    void guiVersion()
    {
        const Run r = run(QStringLiteral("wxrecon"), {QStringLiteral("--version")},
                          {QStringLiteral("QT_QPA_PLATFORM=offscreen")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral(WXR_VERSION)), qPrintable(r.out));
    }
#endif
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
