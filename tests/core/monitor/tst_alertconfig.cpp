// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/alertconfig.h"
#include "testutil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wxr;
using namespace wxr::core;

class tst_AlertConfig final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_seq = 0;

    QString write(const QByteArray &text)
    {
        const QString path = m_dir.filePath(QStringLiteral("m%1.ini").arg(++m_seq));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
            qFatal("cannot write");
        return path;
    }

private slots:
    void defaultsWithoutSection()
    {
        const auto c
            = AlertConfig::fromIni(write("[merchant]\nmchid=1900000001\n"), QProcessEnvironment());
        QVERIFY_RESULT(c);
        QCOMPARE(c->rules.thresholds, AlertThresholds());
        QVERIFY(c->webhook.isEmpty());
        QCOMPARE(c->lost.lostAfterMs, LostCallbackRules().lostAfterMs);
    }

    void fullSection()
    {
        const auto c = AlertConfig::fromIni(
            write("[merchant]\nmchid=1\n[alerts]\n"
                  "webhook_url=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc ; robot\n"
                  "failure_rate_percent=2.5\np95_delay_s=20\nsilence_min=45\nwindow_min=10\n"
                  "business_hours=18:00-24:00\nmin_samples=3\ncertificate_warning_days=7\n"
                  "lost_after_min=20\n[wechatpay]\nfailure_rate_percent=x\n"),
            QProcessEnvironment());
        QVERIFY_RESULT(c);
        QCOMPARE(c->webhook.host(), QStringLiteral("qyapi.weixin.qq.com"));
        QCOMPARE(c->rules.thresholds.failureRatePercent, 2.5);
        QCOMPARE(c->rules.thresholds.p95DelaySeconds, 20);
        QCOMPARE(c->rules.thresholds.silenceMinutes, 45);
        QCOMPARE(c->rules.thresholds.windowMinutes, 10);
        QCOMPARE(c->rules.businessStart, QTime(18, 0));
        QCOMPARE(c->rules.businessEnd, QTime(0, 0));
        QCOMPARE(c->rules.minSamples, 3);
        QCOMPARE(c->rules.certificateWarningDays, 7);
        QCOMPARE(c->lost.lostAfterMs, 20 * 60000);
    }

    void problems_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("rate") << QByteArray("failure_rate_percent=150") << "failure_rate_percent";
        QTest::newRow("p95") << QByteArray("p95_delay_s=soon") << "p95_delay_s";
        QTest::newRow("hours") << QByteArray("business_hours=9-22") << "business_hours";
        QTest::newRow("webhook") << QByteArray("webhook_url=ftp://x/y?key=s3cret") << "webhook_url";
        QTest::newRow("unknown key") << QByteArray("pager=on") << "pager";
    }

    void problems()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, mentions);
        const auto c
            = AlertConfig::fromIni(write("[alerts]\n" + line + "\n"), QProcessEnvironment());
        QVERIFY_ERROR(c, ErrorCode::Config);
        QVERIFY2(c.error().message.contains(mentions), qPrintable(c.error().message));
        QVERIFY(c.error().message.contains(QStringLiteral("line 2")));
        QVERIFY(!c.error().message.contains(QStringLiteral("s3cret")));
    }

    void environmentWebhook()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("WXRECON_ALERT_WEBHOOK"), QStringLiteral("http://127.0.0.1:9/h"));
        const auto c = AlertConfig::fromIni(write("[alerts]\n"), env);
        QVERIFY_RESULT(c);
        QCOMPARE(c->webhook, QUrl(QStringLiteral("http://127.0.0.1:9/h")));
        QVERIFY_ERROR(AlertConfig::fromIni(m_dir.filePath(QStringLiteral("none.ini"))),
                      ErrorCode::Io);
    }
};

QTEST_GUILESS_MAIN(tst_AlertConfig)
#include "tst_alertconfig.moc"
