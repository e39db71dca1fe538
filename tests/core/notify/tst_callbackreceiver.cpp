// SPDX-License-Identifier: GPL-3.0-or-later
#include "callbackforge.h"
#include "ledger/ledger.h"
#include "ledger/orderrepository.h"
#include "loadclient.h"
#include "notify/callbackreceiver.h"
#include "notify/callbackstore.h"
#include "notify/ledgercallbacksink.h"
#include "notify/notifyschema.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <mutex>
#include <thread>

using namespace wxr;
using namespace wxr::core;
using namespace wxr::core::test;

namespace {

// What the fake ledger saw and how it behaves; shared between the test and the writer thread.
struct SinkControl
{
    std::mutex mutex;
    QList<int> batchSizes;
    QList<DecodedCallback> seen;
    std::atomic<bool> failCommits{false};
    std::atomic<int> delayMs{0};
    std::atomic<bool> failToOpen{false};
};

class FakeSink final : public CallbackSink
{
public:
    explicit FakeSink(std::shared_ptr<SinkControl> control)
        : m_control(std::move(control))
    {}

    QList<CallbackEvent> apply(const QList<DecodedCallback> &batch) override
    {
        if (const int d = m_control->delayMs.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(d));
        std::lock_guard lock(m_control->mutex);
        m_control->batchSizes.append(batch.size());
        QList<CallbackEvent> out;
        for (const DecodedCallback &d : batch) {
            CallbackEvent e = d.event;
            if (m_control->failCommits) {
                if (d.accepted) {
                    e.outcome = CallbackOutcome::Error;
                    e.cause = FailureCause::DatabaseError;
                    e.httpStatus = 503;
                }
            } else {
                m_control->seen.append(d);
                if (d.accepted)
                    e.httpStatus = 204;
            }
            out.append(e);
        }
        return out;
    }

private:
    std::shared_ptr<SinkControl> m_control;
};

constexpr qint64 kPlenty = 5000;

struct Reply
{
    int status = 0;
    QByteArray body;
};

} // namespace

class tst_CallbackReceiver final : public QObject
{
    Q_OBJECT

    CallbackForge m_forge;
    std::shared_ptr<KeyStore> m_keys;
    std::shared_ptr<SinkControl> m_control;
    std::unique_ptr<CallbackReceiver> m_receiver;
    QNetworkAccessManager m_nam;

    std::unique_ptr<CallbackReceiver> makeReceiver(std::shared_ptr<KeyStore> keys)
    {
        auto control = m_control;
        return std::make_unique<CallbackReceiver>(
            keys, QString::fromLatin1(m_forge.mchid), m_forge.apiV3Key,
            [control]() -> Result<std::unique_ptr<CallbackSink>> {
                if (control->failToOpen)
                    return makeError(ErrorCode::Database, QStringLiteral("cannot open"));
                return std::unique_ptr<CallbackSink>(std::make_unique<FakeSink>(control));
            });
    }

    QUrl url(const QString &path = QStringLiteral("/wxpay/notify")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_receiver->port()).arg(path));
    }

    QNetworkReply *send(const QByteArray &body, const HttpHeaders &headers, const QUrl &to,
                        const QByteArray &verb = "POST")
    {
        QNetworkRequest req(to);
        for (const auto &[n, v] : headers.pairs())
            req.setRawHeader(n, v);
        return m_nam.sendCustomRequest(req, verb, body);
    }

    Reply wait(QNetworkReply *reply)
    {
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(kPlenty);
        Reply r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                reply->readAll()};
        reply->deleteLater();
        return r;
    }

    Reply post(const QByteArray &body, qint64 timestamp = 0)
    {
        return wait(send(body, m_forge.headers(body, timestamp ? timestamp : cst::now()), url()));
    }

    QByteArray payment(const QByteArray &id, const QByteArray &outTradeNo = "T2026112600000001")
    {
        return m_forge.envelope(id, "TRANSACTION.SUCCESS",
                                m_forge.payment(outTradeNo, 1250, cst::now() - 3));
    }

private slots:
    void initTestCase() { m_keys = m_forge.keyStore(); }

    void init()
    {
        m_control = std::make_shared<SinkControl>();
        m_receiver = makeReceiver(m_keys);
        QVERIFY_RESULT(m_receiver->start());
        QVERIFY(m_receiver->isListening());
        QVERIFY(m_receiver->port() != 0);
    }

    void cleanup()
    {
        m_receiver.reset();
        m_control.reset();
    }

    void genuineCallbackIsAnsweredAfterTheSink()
    {
        QSignalSpy handled(m_receiver.get(), &CallbackReceiver::callbackHandled);
        const Reply r = post(payment("EV-1"));
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
        {
            std::lock_guard lock(m_control->mutex);
            QCOMPARE(m_control->seen.size(), 1);
            QCOMPARE(m_control->seen[0].event.notificationId, QStringLiteral("EV-1"));
        }
        QTRY_COMPARE(handled.size(), 1);
        const auto e = handled[0][0].value<CallbackEvent>();
        QCOMPARE(e.httpStatus, 204);
        QVERIFY(e.processingMs.has_value());
        QCOMPARE(m_receiver->stats().applied, 1);
    }

    void refusalsCarryTheFailBody_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<FailureCause>("cause");
        QTest::newRow("probe") << 0 << 401 << FailureCause::Probe;
        QTest::newRow("stale") << 1 << 401 << FailureCause::StaleTimestamp;
        QTest::newRow("not json") << 2 << 400 << FailureCause::Malformed;
        QTest::newRow("GET") << 3 << 405 << FailureCause::Malformed;
    }

    void refusalsCarryTheFailBody()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(FailureCause, cause);
        QByteArray body = payment("EV-2");
        HttpHeaders h = m_forge.headers(body, cst::now());
        QByteArray verb = "POST";
        if (kind == 0)
            h.set("Wechatpay-Signature", "WECHATPAY/SIGNTEST/" + QByteArray(200, 'A'));
        if (kind == 1)
            h = m_forge.headers(body, cst::now() - 400);
        if (kind == 2) {
            body = "{oops";
            h = m_forge.headers(body, cst::now());
        }
        if (kind == 3)
            verb = "GET";
        const Reply r = wait(send(body, h, url(), verb));
        QCOMPARE(r.status, status);
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(QStringLiteral("code")).toString(), QStringLiteral("FAIL"));
        QVERIFY(!o.value(QStringLiteral("message")).toString().isEmpty());
        // Refusals are recorded too (they are counted by cause), but never as accepted.
        std::lock_guard lock(m_control->mutex);
        QCOMPARE(m_control->seen.size(), 1);
        QVERIFY(!m_control->seen[0].accepted);
        QCOMPARE(m_control->seen[0].event.cause, cause);
    }

    void otherPathsAre404()
    {
        const QByteArray body = payment("EV-3");
        QCOMPARE(wait(send(body, m_forge.headers(body, cst::now()), url(QStringLiteral("/other"))))
                     .status,
                 404);
        QCOMPARE(wait(send(body, m_forge.headers(body, cst::now()),
                           url(QStringLiteral("/wxpay/notify/extra"))))
                     .status,
                 404);
    }

    // The ack-after-commit rule at the receiver: a sink that cannot commit yields 503.
    void failedCommitIsNever2xx()
    {
        m_control->failCommits = true;
        const Reply r = post(payment("EV-4"));
        QCOMPARE(r.status, 503);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("code")).toString(),
                 QStringLiteral("FAIL"));
        QCOMPARE(m_receiver->stats().errors, 1);
    }

    void slowLedgerIsAnswered503WithinTheDeadline()
    {
        m_receiver.reset();
        m_receiver = makeReceiver(m_keys);
        ReceiverOptions o;
        o.answerDeadlineMs = 300;
        QVERIFY_RESULT(m_receiver->start(o));
        QSignalSpy handled(m_receiver.get(), &CallbackReceiver::callbackHandled);
        m_control->delayMs = 1500;
        QElapsedTimer t;
        t.start();
        const Reply r = post(payment("EV-5"));
        QCOMPARE(r.status, 503);
        QVERIFY2(t.elapsed() < 1400, qPrintable(QString::number(t.elapsed())));
        // The late result is still reported, as the 503 WeChat saw.
        QTRY_COMPARE_WITH_TIMEOUT(handled.size(), 1, 5000);
        QCOMPARE(handled[0][0].value<CallbackEvent>().httpStatus, 503);
    }

    void concurrentCallbacksShareCommits()
    {
        m_control->delayMs = 30; // a slow fsync lets callbacks pile up behind it
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 40; ++i) {
            const QByteArray body = payment("EV-C" + QByteArray::number(i),
                                            "T20261126" + QByteArray::number(10000000 + i));
            replies.append(send(body, m_forge.headers(body, cst::now()), url()));
        }
        for (QNetworkReply *r : replies)
            QCOMPARE(wait(r).status, 204);
        m_receiver->stop(); // every request is answered: no batch is left to run
        std::lock_guard lock(m_control->mutex);
        QCOMPARE(m_control->seen.size(), 40);
        QVERIFY2(m_control->batchSizes.size() < 40,
                 qPrintable(QStringLiteral("%1 batches").arg(m_control->batchSizes.size())));
        const int largest
            = *std::max_element(m_control->batchSizes.begin(), m_control->batchSizes.end());
        QVERIFY(largest > 1);
        // The commit counts survive the stop (serve-notify prints them on exit).
        QCOMPARE(m_receiver->stats().batches, qint64(m_control->batchSizes.size()));
        QCOMPARE(m_receiver->stats().largestBatch, qint64(largest));
    }

    // Decoding runs on a pool, so a request may be decoded before the one sent ahead of it on
    // the same connection; answers must still leave in request order (HTTP/1.1 pipelining).
    void pipelinedAnswersKeepRequestOrder_data()
    {
        QTest::addColumn<QString>("pattern"); // g: genuine (204), p: probe signature (401)
        QTest::newRow("all genuine") << QStringLiteral("gggggggggggg");
        QTest::newRow("refusal first") << QStringLiteral("pggggggggggg");
        QTest::newRow("alternating") << QStringLiteral("gpgpgpgpgpgp");
        QTest::newRow("refusal last") << QStringLiteral("gggggggggggp");
    }

    void pipelinedAnswersKeepRequestOrder()
    {
        QFETCH(QString, pattern);
        m_control->delayMs = 5;
        const QString hostPort = QStringLiteral("127.0.0.1:%1").arg(m_receiver->port());
        QByteArray raw;
        QList<int> expected;
        for (qsizetype i = 0; i < pattern.size(); ++i) {
            const QByteArray body = payment("EV-P" + QByteArray::number(i),
                                            "T20261126" + QByteArray::number(40000000 + i));
            HttpHeaders h = m_forge.headers(body, cst::now());
            if (pattern[i] == u'p') {
                h.set("Wechatpay-Signature", "WECHATPAY/SIGNTEST/" + QByteArray(200, 'A'));
                expected.append(401);
            } else {
                expected.append(204);
            }
            raw += httpPost(QStringLiteral("/wxpay/notify"), hostPort, h, body);
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_receiver->port());
        socket.write(raw); // all requests at once, before any answer
        QByteArray received;
        QList<int> statuses;
        QElapsedTimer t;
        t.start();
        static const QRegularExpression statusLine(QStringLiteral("HTTP/1\\.1 (\\d{3}) "));
        while (statuses.size() < expected.size() && t.elapsed() < kPlenty) {
            // The receiver runs on this thread: wait with its event loop running.
            if (socket.bytesAvailable() == 0)
                QTest::qWait(10);
            received += socket.readAll();
            statuses.clear();
            auto it = statusLine.globalMatch(QString::fromLatin1(received));
            while (it.hasNext())
                statuses.append(it.next().captured(1).toInt());
        }
        QCOMPARE(statuses, expected);
    }

    void clientGoneBeforeTheAnswer()
    {
        m_control->delayMs = 200;
        QSignalSpy handled(m_receiver.get(), &CallbackReceiver::callbackHandled);
        const QByteArray body = payment("EV-6");
        QByteArray raw = "POST /wxpay/notify HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        const HttpHeaders headers = m_forge.headers(body, cst::now());
        for (const auto &[n, v] : headers.pairs())
            raw += n + ": " + v + "\r\n";
        raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_receiver->port());
        QVERIFY(socket.waitForConnected(kPlenty));
        socket.write(raw);
        QVERIFY(socket.waitForBytesWritten(kPlenty));
        QTest::qWait(50);
        socket.abort();
        // No crash; the callback is still applied and reported.
        QTRY_COMPARE_WITH_TIMEOUT(handled.size(), 1, 5000);
        QCOMPARE(m_receiver->stats().waiting, 0);
    }

    void unknownSerialRefreshesThenAccepts()
    {
        auto keys = std::make_shared<KeyStore>(); // no certificate yet
        m_receiver.reset();
        m_receiver = makeReceiver(keys);
        QStringList asked;
        m_receiver->setUnknownSerialRefresh([&, keys](const QString &serial) {
            asked.append(serial);
            keys->addCertificate(
                makePlatformCert(m_forge.platformKey, serial, 1577836800, 2208988800));
            QPromise<bool> p;
            p.start();
            p.addResult(true);
            p.finish();
            return p.future();
        });
        QVERIFY_RESULT(m_receiver->start());
        QCOMPARE(post(payment("EV-7")).status, 204);
        QCOMPARE(asked, QStringList{QString::fromLatin1(m_forge.serial)});
    }

    void unknownSerialStaysUnknown()
    {
        auto keys = std::make_shared<KeyStore>();
        m_receiver.reset();
        m_receiver = makeReceiver(keys);
        m_receiver->setUnknownSerialRefresh([](const QString &) {
            QPromise<bool> p;
            p.start();
            p.addResult(false);
            p.finish();
            return p.future();
        });
        QVERIFY_RESULT(m_receiver->start());
        QCOMPARE(post(payment("EV-8")).status, 401);
        QCOMPARE(m_receiver->stats().byCause[size_t(FailureCause::UnknownSerial)], 1);
    }

    // A callback still unverified at the deadline (here: a certificate refresh that hangs) is
    // answered 503 and recorded as that failed delivery, never applied.
    void unverifiedAtTheDeadlineIsRecorded()
    {
        auto keys = std::make_shared<KeyStore>();
        m_receiver.reset();
        m_receiver = makeReceiver(keys);
        auto hanging = std::make_shared<QPromise<bool>>();
        hanging->start();
        m_receiver->setUnknownSerialRefresh(
            [hanging](const QString &) { return hanging->future(); });
        ReceiverOptions o;
        o.answerDeadlineMs = 300;
        QVERIFY_RESULT(m_receiver->start(o));
        QSignalSpy handled(m_receiver.get(), &CallbackReceiver::callbackHandled);
        const Reply r = post(payment("EV-9"));
        QCOMPARE(r.status, 503);
        QTRY_COMPARE_WITH_TIMEOUT(handled.size(), 1, 5000);
        QCOMPARE(handled[0][0].value<CallbackEvent>().httpStatus, 503);
        QCOMPARE(handled[0][0].value<CallbackEvent>().cause, FailureCause::VerifyTimeout);
        {
            std::lock_guard lock(m_control->mutex);
            QCOMPARE(m_control->seen.size(), 1);
            QVERIFY(!m_control->seen[0].accepted);
            QCOMPARE(m_control->seen[0].event.httpStatus, 503);
            // Not the ledger's fault: counted apart from database errors.
            QCOMPARE(m_control->seen[0].event.cause, FailureCause::VerifyTimeout);
            QCOMPARE(m_control->seen[0].event.message,
                     QStringLiteral("The callback was not verified within 300 ms."));
        }
        hanging->addResult(false); // the refresh ends late: nothing more is recorded
        hanging->finish();
        QTest::qWait(100);
        std::lock_guard lock(m_control->mutex);
        QCOMPARE(m_control->seen.size(), 1);
        QCOMPARE(m_receiver->stats().received, 1);
        QCOMPARE(m_receiver->stats().byCause[size_t(FailureCause::VerifyTimeout)], 1);
        QCOMPARE(m_receiver->stats().byCause[size_t(FailureCause::DatabaseError)], 0);
    }

    // With the real ledger: 2xx only after the commit, and never when the commit fails.
    void ledgerEndToEnd_data()
    {
        QTest::addColumn<bool>("writable");
        QTest::newRow("ledger commits") << true;
        QTest::newRow("ledger read only") << false;
    }

    void ledgerEndToEnd()
    {
        QFETCH(bool, writable);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        const LedgerSinkOptions options{path};
        m_receiver.reset();
        m_receiver = std::make_unique<CallbackReceiver>(
            m_keys, QString::fromLatin1(m_forge.mchid), m_forge.apiV3Key,
            [options, writable]() -> Result<std::unique_ptr<CallbackSink>> {
                auto sink = LedgerCallbackSink::open(options);
                if (!sink)
                    return sink.error();
                if (!writable) {
                    if (Status s = (*sink)->ledger().execute("PRAGMA query_only=1"); !s)
                        return s.error();
                }
                return std::unique_ptr<CallbackSink>(std::move(*sink));
            });
        QVERIFY_RESULT(m_receiver->start());
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 20; ++i) {
            const QByteArray body = payment("EV-L" + QByteArray::number(i),
                                            "T20261126" + QByteArray::number(40000000 + i));
            replies.append(send(body, m_forge.headers(body, cst::now()), url()));
        }
        int acked = 0;
        for (QNetworkReply *r : replies) {
            const int status = wait(r).status;
            QCOMPARE(status, writable ? 204 : 503);
            acked += status == 204;
        }
        m_receiver->stop();
        auto ledger = Ledger::open(path, LedgerOptions{5000, {notifyMigrations()}});
        QVERIFY_RESULT(ledger);
        // Every acknowledged callback is in the ledger, and nothing else.
        QCOMPARE(OrderRepository(**ledger).count().value(), acked);
        QCOMPARE(CallbackStore(**ledger).count().value(), acked);
    }

    void startErrors()
    {
        QVERIFY_ERROR(m_receiver->start(), ErrorCode::Conflict);
        auto second = makeReceiver(m_keys);
        ReceiverOptions o;
        o.port = m_receiver->port();
        const Status busy = second->start(o);
        QVERIFY_ERROR(busy, ErrorCode::Network);
        QVERIFY(busy.error().message.contains(QString::number(o.port)));
        QVERIFY(!second->isListening());

        m_receiver->stop();
        QVERIFY(!m_receiver->isListening());
        m_control->failToOpen = true;
        QVERIFY_ERROR(m_receiver->start(), ErrorCode::Database);
        QVERIFY(!m_receiver->isListening());
    }
};

QTEST_GUILESS_MAIN(tst_CallbackReceiver)
#include "tst_callbackreceiver.moc"
