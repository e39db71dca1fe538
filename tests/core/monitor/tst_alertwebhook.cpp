// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/alertwebhook.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace wxr::core;

// A robot on loopback: /ok answers {"errcode":0}, /flaky fails twice with 500 first,
// /busy answers WeCom's "too many messages", /bad answers 400.
class tst_AlertWebhook final : public QObject
{
    Q_OBJECT

    QHttpServer m_server;
    quint16 m_port = 0;
    int m_flakyCalls = 0;
    int m_busyCalls = 0;
    int m_badCalls = 0;
    QByteArray m_lastBody;

    QUrl url(const char *path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/%2?key=secret-robot-key")
                        .arg(m_port)
                        .arg(QLatin1String(path)));
    }

private slots:
    void initTestCase()
    {
        const auto ok = QByteArray(R"({"errcode":0,"errmsg":"ok"})");
        m_server.route(QStringLiteral("/ok"), [this, ok](const QHttpServerRequest &r) {
            m_lastBody = r.body();
            return QHttpServerResponse(QByteArrayLiteral("application/json"), ok);
        });
        m_server.route(QStringLiteral("/flaky"), [this, ok](const QHttpServerRequest &) {
            if (++m_flakyCalls <= 2)
                return QHttpServerResponse(QHttpServerResponder::StatusCode::InternalServerError);
            return QHttpServerResponse(QByteArrayLiteral("application/json"), ok);
        });
        m_server.route(QStringLiteral("/busy"), [this](const QHttpServerRequest &) {
            ++m_busyCalls;
            return QHttpServerResponse(
                QByteArrayLiteral("application/json"),
                QByteArray(R"({"errcode":45009,"errmsg":"api freq out of limit"})"));
        });
        m_server.route(QStringLiteral("/bad"), [this](const QHttpServerRequest &) {
            ++m_badCalls;
            return QHttpServerResponse(QHttpServerResponder::StatusCode::BadRequest);
        });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(m_port != 0);
    }

    void deliversWeComText()
    {
        AlertWebhook hook(url("ok"));
        QSignalSpy delivered(&hook, &AlertWebhook::delivered);
        hook.post(QStringLiteral("[wxrecon] 回调失败率过高"));
        QVERIFY(delivered.wait(5000));
        const QJsonObject o = QJsonDocument::fromJson(m_lastBody).object();
        QCOMPARE(o.value(QStringLiteral("msgtype")).toString(), QStringLiteral("text"));
        QCOMPARE(
            o.value(QStringLiteral("text")).toObject().value(QStringLiteral("content")).toString(),
            QStringLiteral("[wxrecon] 回调失败率过高"));
        QCOMPARE(hook.pending(), 0);
    }

    void retriesServerErrors()
    {
        AlertWebhook hook(url("flaky"));
        hook.setRetry(3, 10);
        QSignalSpy delivered(&hook, &AlertWebhook::delivered);
        hook.post(QStringLiteral("x"));
        QVERIFY(delivered.wait(5000));
        QCOMPARE(m_flakyCalls, 3);
    }

    void givesUpAfterTheLastAttempt_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("calls");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("errcode is retried") << QByteArray("busy") << 3 << "45009";
        QTest::newRow("400 is not retried") << QByteArray("bad") << 1 << "400";
    }

    void givesUpAfterTheLastAttempt()
    {
        QFETCH(QByteArray, path);
        QFETCH(int, calls);
        QFETCH(QString, mentions);
        m_busyCalls = m_badCalls = 0;
        AlertWebhook hook(url(path.constData()));
        hook.setRetry(3, 10);
        QSignalSpy failed(&hook, &AlertWebhook::failed);
        hook.post(QStringLiteral("x"));
        QVERIFY(failed.wait(5000));
        QCOMPARE(path == "busy" ? m_busyCalls : m_badCalls, calls);
        const QString reason = failed[0][1].toString();
        QVERIFY2(reason.contains(mentions), qPrintable(reason));
        QVERIFY(!reason.contains(QStringLiteral("secret-robot-key")));
    }

    void unreachableAndInvalid()
    {
        AlertWebhook down(QUrl(QStringLiteral("http://127.0.0.1:1/hook?key=secret-robot-key")));
        down.setRetry(2, 10);
        QSignalSpy failed(&down, &AlertWebhook::failed);
        down.post(QStringLiteral("x"));
        QVERIFY(failed.wait(5000));
        QVERIFY(!failed[0][1].toString().contains(QStringLiteral("secret-robot-key")));

        AlertWebhook invalid(QUrl(QStringLiteral("ftp://example.invalid/x")));
        QSignalSpy refused(&invalid, &AlertWebhook::failed);
        invalid.post(QStringLiteral("x"));
        QCOMPARE(refused.size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_AlertWebhook)
#include "tst_alertwebhook.moc"
