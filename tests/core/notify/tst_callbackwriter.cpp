// SPDX-License-Identifier: GPL-3.0-or-later
// The group-commit writer on its own, with a scripted sink: batch boundaries, order of the
// results, and that nothing is acknowledged that the sink did not report as committed.
#include "notify/callbackwriter.h"

#include <QTest>

#include <condition_variable>
#include <mutex>

using namespace wxr;
using namespace wxr::core;

namespace {

// Shared between the test and the writer thread.
struct Script
{
    std::mutex mutex;
    std::condition_variable cv;
    bool holdFirst = false; ///< the first apply() waits until released (a slow fsync)
    bool released = false;
    bool entered = false; ///< the first apply() has started
    int dropLast = 0;     ///< report this many events fewer than the batch had
    bool failAll = false; ///< the commit fails: every accepted callback is an error
    QList<qsizetype> batchSizes;
};

class ScriptedSink final : public CallbackSink
{
public:
    explicit ScriptedSink(std::shared_ptr<Script> script)
        : m_script(std::move(script))
    {}

    QList<CallbackEvent> apply(const QList<DecodedCallback> &batch) override
    {
        std::unique_lock lock(m_script->mutex);
        if (m_script->batchSizes.isEmpty() && m_script->holdFirst) {
            m_script->entered = true;
            m_script->cv.notify_all();
            m_script->cv.wait(lock, [this] { return m_script->released; });
        }
        m_script->batchSizes.append(batch.size());
        QList<CallbackEvent> out;
        for (qsizetype i = 0; i < batch.size() - m_script->dropLast; ++i) {
            CallbackEvent e = batch[i].event;
            if (m_script->failAll) {
                e.outcome = CallbackOutcome::Error;
                e.httpStatus = 503;
            } else {
                e.outcome = CallbackOutcome::Applied;
                e.httpStatus = 204;
            }
            out.append(e);
        }
        return out;
    }

private:
    std::shared_ptr<Script> m_script;
};

DecodedCallback callback(int i)
{
    DecodedCallback d;
    d.accepted = true;
    d.event.notificationId = QStringLiteral("EV-W%1").arg(i);
    return d;
}

} // namespace

class tst_CallbackWriter final : public QObject
{
    Q_OBJECT

    std::shared_ptr<Script> m_script;
    std::mutex m_doneMutex;
    QList<CallbackWriter::Done> m_done;
    std::unique_ptr<CallbackWriter> m_writer;

    void startWriter()
    {
        auto script = m_script;
        m_writer = std::make_unique<CallbackWriter>(
            [script]() -> Result<std::unique_ptr<CallbackSink>> {
                return std::unique_ptr<CallbackSink>(std::make_unique<ScriptedSink>(script));
            },
            [this](QList<CallbackWriter::Done> results) {
                std::lock_guard lock(m_doneMutex);
                m_done.append(std::move(results));
            });
        QVERIFY(m_writer->start().ok());
    }

    // Submits `count` callbacks while the first one's batch is held in the sink, so that the
    // rest queue up behind it, then releases it and waits for every result.
    void submitBehindASlowCommit(int count)
    {
        m_script->holdFirst = true;
        startWriter();
        m_writer->submit({1, callback(1)});
        {
            std::unique_lock lock(m_script->mutex);
            QVERIFY(m_script->cv.wait_for(lock, std::chrono::seconds(5),
                                          [this] { return m_script->entered; }));
        }
        for (int i = 2; i <= count; ++i)
            m_writer->submit({quint64(i), callback(i)});
        {
            std::lock_guard lock(m_script->mutex);
            m_script->released = true;
        }
        m_script->cv.notify_all();
        m_writer->stop(); // processes what is queued, then ends
    }

private slots:
    void init()
    {
        m_script = std::make_shared<Script>();
        m_done.clear();
    }

    void cleanup() { m_writer.reset(); }

    // Everything queued during a commit goes into the next transaction, but never more than
    // kMaxBatch callbacks in one.
    void batchBoundaries_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QList<qsizetype>>("batches");
        const qsizetype max = CallbackWriter::kMaxBatch;
        QTest::newRow("one") << 1 << QList<qsizetype>{1};
        QTest::newRow("two") << 2 << QList<qsizetype>{1, 1};
        QTest::newRow("exactly the maximum behind the first")
            << int(max + 1) << QList<qsizetype>{1, max};
        QTest::newRow("one more than the maximum") << int(max + 2) << QList<qsizetype>{1, max, 1};
        QTest::newRow("two and a half maximums")
            << int(2 * max + max / 2 + 1) << QList<qsizetype>{1, max, max, max / 2};
    }

    void batchBoundaries()
    {
        QFETCH(int, count);
        QFETCH(QList<qsizetype>, batches);
        submitBehindASlowCommit(count);
        QCOMPARE(m_script->batchSizes, batches);
        QCOMPARE(m_done.size(), count);
        for (int i = 0; i < count; ++i) {
            QCOMPARE(m_done[i].ticket, quint64(i + 1)); // submission order
            QCOMPARE(m_done[i].event.notificationId, QStringLiteral("EV-W%1").arg(i + 1));
            QCOMPARE(m_done[i].event.httpStatus, 204);
        }
        const auto stats = m_writer->stats();
        QCOMPARE(stats.batches, qint64(batches.size()));
        QCOMPARE(stats.callbacks, qint64(count));
        QCOMPARE(stats.largestBatch, qint64(*std::max_element(batches.begin(), batches.end())));
        QCOMPARE(stats.queued, qint64(0));
    }

    // A failed commit answers every callback of the batch 5xx; a sink that reports fewer events
    // than it was given gets 503 for the unreported ones, never a 2xx.
    void noAcknowledgementWithoutACommit_data()
    {
        QTest::addColumn<bool>("failAll");
        QTest::addColumn<int>("dropLast");
        QTest::newRow("commit fails") << true << 0;
        QTest::newRow("sink reports one fewer") << false << 1;
        QTest::newRow("sink reports nothing") << false << 1000;
    }

    void noAcknowledgementWithoutACommit()
    {
        QFETCH(bool, failAll);
        QFETCH(int, dropLast);
        m_script->failAll = failAll;
        m_script->dropLast = dropLast;
        const int count = 20;
        submitBehindASlowCommit(count);
        QCOMPARE(m_done.size(), count);
        int acknowledged = 0;
        for (int i = 0; i < count; ++i) {
            const CallbackWriter::Done &d = m_done[i];
            QCOMPARE(d.ticket, quint64(i + 1));
            if (d.event.httpStatus >= 200 && d.event.httpStatus < 300) {
                ++acknowledged;
                QCOMPARE(d.event.outcome, CallbackOutcome::Applied);
            } else {
                QCOMPARE(d.event.httpStatus, 503);
                QCOMPARE(d.event.outcome, CallbackOutcome::Error);
            }
        }
        // Batches are [1, 19]: with dropLast = 1 the last of each is unreported.
        const int expected = failAll ? 0 : std::max(0, 1 - dropLast) + std::max(0, 19 - dropLast);
        QCOMPARE(acknowledged, expected);
    }
};

QTEST_GUILESS_MAIN(tst_CallbackWriter)
#include "tst_callbackwriter.moc"
