// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/ledger.h"
#include "ledger/orderrepository.h"
#include "notify/callbacklogimport.h"
#include "notify/callbackstore.h"
#include "testutil.h"

#include <QFile>
#include <QFuture>
#include <QTemporaryDir>
#include <QTest>

using namespace wxr;
using namespace wxr::core;

namespace {

const QString kSample = QStringLiteral(WXR_TEST_DATA_DIR "/notify/callbacks_sample.jsonl");

} // namespace

class tst_CallbackLogImport final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Ledger> m_ledger;
    int m_seq = 0;

    Result<CallbackImportStats> run(const QString &path, bool skipInvalid = false)
    {
        QPromise<void> promise;
        promise.start();
        CallbackImportOptions o;
        o.skipInvalid = skipInvalid;
        return importCallbackLog(*m_ledger, path, promise, o);
    }

    QString write(const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("log-%1.jsonl").arg(++m_seq));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    QList<CallbackEvent> all()
    {
        QList<CallbackEvent> out;
        CallbackStore store(*m_ledger);
        const Status s = store.forEachReceivedBetween(0, std::numeric_limits<qint64>::max(),
                                                      [&](const CallbackEvent &e) {
                                                          out.append(e);
                                                          return Status();
                                                      });
        if (!s)
            qFatal("%s", qPrintable(s.error().message));
        return out;
    }

private slots:
    void init()
    {
        auto l = Ledger::open(m_dir.filePath(QStringLiteral("l-%1.sqlite").arg(++m_seq)));
        QVERIFY_RESULT(l);
        m_ledger = std::move(*l);
    }

    void cleanup() { m_ledger.reset(); }

    void importsOnce()
    {
        auto stats = run(kSample);
        QVERIFY_RESULT(stats);
        QCOMPARE(stats->lines, 6);
        QCOMPARE(stats->imported, 6);
        QCOMPARE(stats->alreadyImported, 0);
        const QList<CallbackEvent> events = all();
        QCOMPARE(events.size(), 6);
        QCOMPARE(events[0].source, CallbackSource::Import);
        QCOMPARE(events[0].notificationId, QStringLiteral("EV-2026112610120001"));
        QCOMPARE(events[0].attempt, 1); // computed: first delivery of that id
        QCOMPARE(events[1].cause, FailureCause::Probe);
        QCOMPARE(events[2].attempt, 2); // given in the line
        QCOMPARE(events[3].outcome, CallbackOutcome::Duplicate);
        QCOMPARE(events[4].outRefundNo, QStringLiteral("R2026112600000001"));
        QCOMPARE(events[4].attempt, 1);

        // Importing again changes nothing; the log's callbacks never touch orders.
        stats = run(kSample);
        QVERIFY_RESULT(stats);
        QCOMPARE(stats->imported, 0);
        QCOMPARE(stats->alreadyImported, 6);
        QCOMPARE(all().size(), 6);
        QCOMPARE(OrderRepository(*m_ledger).count().value(), 0);
    }

    void bomCrlfAndBlankLines()
    {
        QFile f(kSample);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray content = "\xEF\xBB\xBF" + f.readAll();
        content.replace("\n", "\r\n");
        content += "\r\n\r\n";
        const auto stats = run(write(content));
        QVERIFY_RESULT(stats);
        QCOMPARE(stats->imported, 6);
    }

    void invalidLineFailsEverything()
    {
        const QByteArray good
            = R"({"received_at":"2026-11-26T10:12:00.123+08:00","http_status":200})";
        const QString path = write(good + "\n" + good.left(20) + "\n");
        const auto stats = run(path);
        QVERIFY_ERROR(stats, ErrorCode::InvalidInput);
        QVERIFY2(stats.error().message.contains(QStringLiteral("line 2")),
                 qPrintable(stats.error().message));
        QCOMPARE(CallbackStore(*m_ledger).count().value(), 0);

        const auto skipped = run(path, true);
        QVERIFY_RESULT(skipped);
        QCOMPARE(skipped->imported, 1);
        QCOMPARE(skipped->invalid, 1);
        QVERIFY(skipped->firstInvalid.contains(QStringLiteral("line 2")));
    }

    void missingFile()
    {
        const auto stats = run(m_dir.filePath(QStringLiteral("nope.jsonl")));
        QVERIFY_ERROR(stats, ErrorCode::Io);
        QVERIFY(stats.error().message.contains(QStringLiteral("nope.jsonl")));
    }

    void cancel()
    {
        QPromise<void> promise;
        promise.start();
        promise.future().cancel();
        const auto stats = importCallbackLog(*m_ledger, kSample, promise);
        QVERIFY_ERROR(stats, ErrorCode::Cancelled);
        QCOMPARE(CallbackStore(*m_ledger).count().value(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_CallbackLogImport)
#include "tst_callbacklogimport.moc"
