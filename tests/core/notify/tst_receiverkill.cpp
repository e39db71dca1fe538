// SPDX-License-Identifier: GPL-3.0-or-later
// kill -9 of `wxrecon-cli serve-notify` in the middle of load: after a restart every callback
// that was acknowledged is in the ledger, and nothing is half-applied (label slow).
#include "callbackforge.h"
#include "ledger/ledger.h"
#include "loadclient.h"
#include "notify/notifyschema.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace wxr;
using namespace wxr::core;
using namespace wxr::core::test;

namespace {

const QByteArray kPubKeyId = "PUB_KEY_ID_0119000000012026112600000000000099";
constexpr int kCallbacks = 3000;
constexpr int kKillAfterAcks = 700;

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
}

} // namespace

class tst_ReceiverKill final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    CallbackForge m_forge;
    QList<QByteArray> m_ids;
    QHash<QByteArray, QPair<QByteArray, QByteArray>> m_signed; // id → (headers text, body)
    std::unique_ptr<QProcess> m_process;

    QString ledgerPath() const { return m_dir.filePath(QStringLiteral("ledger.sqlite")); }

    // Starts serve-notify and returns its port (0 on failure).
    quint16 startReceiver()
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProgram(QStringLiteral(WXR_BIN_DIR "/wxrecon-cli"));
        m_process->setArguments({QStringLiteral("serve-notify"), QStringLiteral("--config"),
                                 m_dir.filePath(QStringLiteral("merchant.ini")),
                                 QStringLiteral("--db"), ledgerPath(), QStringLiteral("--listen"),
                                 QStringLiteral("127.0.0.1:0")});
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        m_process->start();
        if (!m_process->waitForStarted(10000))
            return 0;
        static const QRegularExpression re(
            QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)/"));
        QByteArray seen;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20000) {
            m_process->waitForReadyRead(200);
            seen += m_process->readAllStandardOutput();
            const auto m = re.match(QString::fromLatin1(seen));
            if (m.hasMatch())
                return static_cast<quint16>(m.captured(1).toUInt());
            if (m_process->state() != QProcess::Running)
                break;
        }
        qWarning("serve-notify did not start: %s %s", seen.constData(),
                 m_process->readAllStandardError().constData());
        return 0;
    }

    QList<LoadRequest> requests(const QList<QByteArray> &ids, quint16 port) const
    {
        QList<LoadRequest> out;
        for (const QByteArray &id : ids) {
            const auto &[headerText, body] = m_signed[id];
            const auto headers = HttpHeaders::parseLines(headerText, QString());
            out.append({id, httpPost(QStringLiteral("/wxpay/notify"),
                                     QStringLiteral("127.0.0.1:%1").arg(port), *headers, body)});
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A merchant in public-key mode: nothing is downloaded, the key is on disk.
        writeFile(m_dir.filePath(QStringLiteral("apiclient_key.pem")),
                  readTestData(QStringLiteral("crypto/rsa2048_pkcs8.pem")));
        writeFile(m_dir.filePath(QStringLiteral("pub_key.pem")),
                  m_forge.platformKey.publicKeyPem());
        writeFile(m_dir.filePath(QStringLiteral("apiv3.key")), m_forge.apiV3Key);
        writeFile(m_dir.filePath(QStringLiteral("merchant.ini")),
                  "[merchant]\nmchid=" + m_forge.mchid
                      + "\nserial_no=3775B6A45ACD588826D15E583A95F5DD0005D58C\n"
                        "private_key_file=apiclient_key.pem\napiv3_key_file=apiv3.key\n"
                        "[wechatpay]\napi_base=http://127.0.0.1:9\nkey_mode=pubkey\n"
                        "public_key_id="
                      + kPubKeyId + "\npublic_key_file=pub_key.pem\n");
        // Signed ahead: RSA signing is WeChat's cost, not the receiver's.
        const qint64 now = cst::now();
        for (int i = 0; i < kCallbacks; ++i) {
            const QByteArray id = "EV-KILL-" + QByteArray::number(i);
            const QByteArray outTradeNo = "T20261126K" + QByteArray::number(1000000 + i);
            const QByteArray body = m_forge.envelope(id, "TRANSACTION.SUCCESS",
                                                     m_forge.payment(outTradeNo, 100 + i, now - 5));
            HttpHeaders h
                = signedHeaders(m_forge.platformKey, kPubKeyId, now, random::nonceString(32), body);
            h.add("Content-Type", "application/json");
            QByteArray text;
            for (const auto &[n, v] : h.pairs())
                text += n + ": " + v + "\n";
            m_ids.append(id);
            m_signed.insert(id, {text, body});
        }
    }

    void cleanupTestCase()
    {
        if (m_process && m_process->state() == QProcess::Running) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }

    void killMidLoadThenRestart()
    {
        QElapsedTimer phase;
        phase.start();
        // 1. Load, and kill -9 the receiver once enough callbacks were acknowledged.
        quint16 port = startReceiver();
        QVERIFY(port != 0);
        QSet<QByteArray> acked;
        bool killed = false;
        bool done = false;
        {
            LoadClient client(QHostAddress::LocalHost, port, 48, 0);
            client.start(
                requests(m_ids, port),
                [&](const LoadResult &r) {
                    if (r.status >= 200 && r.status < 300)
                        acked.insert(r.id);
                    if (!killed && acked.size() >= kKillAfterAcks) {
                        killed = true;
                        m_process->kill(); // SIGKILL: no clean shutdown of any kind
                    }
                },
                [&] { done = true; });
            QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
        }
        QVERIFY(killed);
        m_process->waitForFinished(10000);
        QCOMPARE(m_process->exitStatus(), QProcess::CrashExit);
        QVERIFY2(acked.size() < kCallbacks, "the kill came after the whole load");
        qInfo("acknowledged before the kill: %lld of %d (%lld ms)", qint64(acked.size()),
              kCallbacks, phase.restart());

        // 2. Restart on the same ledger. Send what was not acknowledged, and a sample of what
        //    was: those must come back as duplicates — they survived the kill.
        port = startReceiver();
        QVERIFY(port != 0);
        QList<QByteArray> again;
        QList<QByteArray> ackedSample;
        for (const QByteArray &id : std::as_const(m_ids)) {
            if (!acked.contains(id))
                again.append(id);
            else if (ackedSample.size() < 100)
                ackedSample.append(id);
        }
        again += ackedSample;
        int failed = 0;
        done = false;
        {
            LoadClient client(QHostAddress::LocalHost, port, 16, 0);
            client.start(
                requests(again, port),
                [&](const LoadResult &r) { failed += r.status < 200 || r.status >= 300; },
                [&] { done = true; });
            QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
        }
        QCOMPARE(failed, 0);
        qInfo("resent %lld after the restart (%lld ms)", qint64(again.size()), phase.restart());
        m_process->terminate();
        QVERIFY(m_process->waitForFinished(10000));

        // 3. The ledger: every callback applied exactly once; every acknowledged one (even those
        //    not resent) is there; each order was created once, with one audit row.
        auto ledger = Ledger::open(ledgerPath(), LedgerOptions{5000, {notifyMigrations()}});
        QVERIFY_RESULT(ledger);
        QSqlQuery q((*ledger)->database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        QSet<QByteArray> applied;
        QVERIFY(q.exec(QStringLiteral("SELECT notification_id, COUNT(*) FROM callbacks WHERE "
                                      "outcome = 'applied' GROUP BY notification_id")));
        while (q.next()) {
            QCOMPARE(q.value(1).toInt(), 1);
            applied.insert(q.value(0).toString().toLatin1());
        }
        QCOMPARE(applied.size(), kCallbacks);
        for (const QByteArray &id : std::as_const(acked))
            QVERIFY2(applied.contains(id), id.constData());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM callbacks WHERE outcome = 'duplicate' "
                                      "AND notification_id IN ('")
                       + QString::fromLatin1(ackedSample.join("','")) + QStringLiteral("')"))
                && q.next());
        QCOMPARE(q.value(0).toInt(), ackedSample.size());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), SUM(status = 'SUCCESS') FROM orders")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), kCallbacks);
        QCOMPARE(q.value(1).toInt(), kCallbacks);
        // No order without its callback record, no callback record without its order, and
        // exactly one audit row per order.
        QVERIFY(q.exec(QStringLiteral(
                    "SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM callbacks c "
                    "WHERE c.out_trade_no = o.out_trade_no AND c.outcome = 'applied') OR (SELECT "
                    "COUNT(*) FROM audit_log a WHERE a.entity = 'order' AND a.entity_key = "
                    "o.out_trade_no) <> 1"))
                && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral(
                    "SELECT COUNT(*) FROM callbacks c WHERE c.outcome = 'applied' AND NOT EXISTS "
                    "(SELECT 1 FROM orders o WHERE o.out_trade_no = c.out_trade_no)"))
                && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ReceiverKill)
#include "tst_receiverkill.moc"
