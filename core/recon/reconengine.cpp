// SPDX-License-Identifier: GPL-3.0-or-later
#include "recon/reconengine.h"

#include "common/coretr.h"
#include "ledger/billrepository.h"
#include "ledger/ledger.h"
#include "ledger/orderrepository.h"
#include "ledger/reconrepository.h"
#include "ledger/refundrepository.h"
#include "recon/hugepages.h"
#include "recon/keyindex.h"
#include "recon/matcher.h"
#include "recon/stringarena.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace wxr::core {

namespace {

Error cancelled()
{
    return makeError(ErrorCode::Cancelled,
                     Tr::tr("The reconciliation was cancelled; nothing was stored."));
}

// The state words of a million records: the usual ones are these constants rather than
// copies.
StateWord stateWord(StringArena &arena, std::string_view word)
{
    static constexpr const char *kWords[] = {
        "SUCCESS", "REFUND",   "REVOKED",    "NOTPAY",     "CLOSED",
        "ACCEPT",  "PAYERROR", "USERPAYING", "PROCESSING", "ABNORMAL",
    };
    for (const char *known : kWords) {
        if (word == known)
            return known;
    }
    return arena.storeTerminated(word);
}

// How far beyond the bill date the orders are read by payment time: an order that the
// ledger's clock puts a few minutes across midnight is one the date's bill often holds, and
// among the day's orders it is matched without a query of its own (more is harmless, see
// MatchInput::orders).
constexpr cst::Instant kOrderMargin = 15 * 60;

bool isTradeBill(const ImportedBill &b)
{
    return b.billType == u"ALL" || b.billType == u"SUCCESS" || b.billType == u"REFUND";
}

// A read transaction that has its snapshot: in WAL mode the snapshot is taken at the first
// read after BEGIN, not at BEGIN.
Status beginRead(Ledger &ledger)
{
    return ledger.execute("BEGIN; SELECT 1 FROM bills LIMIT 1;");
}

// The ledger refunds created in [from, to) into `out`, their text in `arena`.
Status readRefunds(Ledger &ledger, cst::Instant from, cst::Instant to, StringArena &arena,
                   std::vector<LedgerRefundRecord> &out)
{
    return RefundRepository(ledger).forEachCreatedBetween(
        from, to, [&](const RefundView &r) -> Status {
            out.push_back({arena.store(r.outRefundNo), arena.store(r.outTradeNo),
                           stateWord(arena, r.status), r.amountFen, r.createdAt});
            return {};
        });
}

// Reads the orders paid in [from, to), widened by kOrderMargin, on a connection and a thread
// of its own, while the caller reads the bill rows on its connection and then indexes the
// orders as they arrive (finish()). The orders come without their transaction_id
// (MatchInput::orderTransactionId). The day's refunds (created in [from, to)) are read by
// whichever thread is done first (claimRefunds()): the bill or the orders take longer
// depending on the day and on the machine. Then the thread stays, in the same snapshot, for
// lookups the caller hands it (post()) while it matches.
//
// Both reads must see the same ledger. WAL gives a read transaction the last commit before
// its first read, so two connections agree when nothing can commit between their first
// reads: a third connection holds the write lock (BEGIN IMMEDIATE) across both and lets go
// at once, so that other writers (the callback receiver) wait for microseconds, not for the
// length of the reads.
class OrderReader final
{
public:
    OrderReader(const QString &path, cst::Instant from, cst::Instant to, size_t expected)
        : m_expected(expected)
    {
        std::future<bool> go = m_go.get_future();
        m_thread = std::thread([this, path, from, to, go = std::move(go)]() mutable {
            auto own = Ledger::open(path);
            if (!own) {
                m_opened.set_value(own.error());
                return;
            }
            m_opened.set_value(Status());
            // The index's table (tens of MB, each page zeroed by the kernel on first touch) is
            // made here while the caller starts reading the bill; it is handed over with the
            // first published orders.
            m_index.positions = PositionIndex(m_expected);
            m_index.repeated.reserve(m_expected);
            // However this thread ends, finish() must not wait for more orders, nor a job for
            // this thread.
            struct Done
            {
                OrderReader &r;
                bool published = false;
                void publish()
                {
                    if (!std::exchange(published, true))
                        r.publish(r.m_orders.size(), true);
                }
                ~Done()
                {
                    publish();
                    std::lock_guard lock(r.m_jobsLock);
                    r.m_stop = true;
                    r.m_jobs.clear();
                }
            } done{*this};
            if (!go.get())
                return;
            const Status begun = beginRead(**own);
            m_begun.set_value(begun);
            if (!begun)
                return;
            {
                std::lock_guard lock(m_moving);
                hugepages::reserve(m_orders, m_expected);
            }
            m_status = ReconRepository(**own).forEachOrderPaidBetween(
                from - kOrderMargin, to + kOrderMargin, [&](const OrderView &o) -> Status {
                    if (m_orders.size() == m_orders.capacity()) {
                        std::lock_guard lock(m_moving);
                        hugepages::reserve(m_orders, 2 * m_orders.capacity());
                    }
                    m_orders.push_back({m_arena.store(o.outTradeNo), stateWord(m_arena, o.status),
                                        o.amountFen,
                                        o.paidAt.value_or(LedgerOrderRecord::kUnpaid)});
                    if (m_orders.size() % kPublishEvery == 0)
                        publish(m_orders.size(), false);
                    return {};
                });
            if (m_status && claimRefunds()) {
                if (m_orders.size() % kPublishEvery != 0)
                    publish(m_orders.size(), false);
                m_refundsRead = true;
                m_status = readRefunds(**own, from, to, m_arena, m_refunds);
            }
            const bool serve = m_status.ok();
            done.publish();
            if (serve)
                serveJobs(**own);
            (void)(*own)->execute("COMMIT");
        });
    }

    ~OrderReader() { stop(); }
    OrderReader(const OrderReader &) = delete;
    OrderReader &operator=(const OrderReader &) = delete;

    /// Begins the read transaction of `ledger` (the caller's connection, ended by the caller)
    /// and the reader's in the same snapshot; the reader then reads.
    Status start(Ledger &ledger)
    {
        if (Status s = m_opened.get_future().get(); !s)
            return s;
        auto lock = Ledger::open(ledger.path());
        if (!lock)
            return lock.error();
        if (Status s = (*lock)->execute("BEGIN IMMEDIATE"); !s)
            return s;
        const Status mine = beginRead(ledger);
        m_go.set_value(mine.ok());
        m_goSent = true;
        const Status theirs = mine ? m_begun.get_future().get() : Status();
        (void)(*lock)->execute("ROLLBACK");
        return mine ? theirs : mine;
    }

    /// Runs `job` on the reader's thread and connection, in the snapshot of start(), once the
    /// orders are read (finish()); jobs run one at a time in the order posted. A job posted
    /// when the reader has stopped, or still waiting when it is destroyed, does not run: its
    /// future then holds std::future_error (broken promise).
    std::future<void> post(std::function<void(Ledger &)> job)
    {
        std::packaged_task<void(Ledger &)> task(std::move(job));
        std::future<void> done = task.get_future();
        {
            std::lock_guard lock(m_jobsLock);
            if (!m_stop)
                m_jobs.push_back(std::move(task));
        }
        m_jobsReady.notify_one();
        return done;
    }

    /// Ends the reader (after the job it is running, if any) and its read transaction.
    void stop()
    {
        if (!std::exchange(m_goSent, true))
            m_go.set_value(false);
        {
            std::lock_guard lock(m_jobsLock);
            m_stop = true;
        }
        m_jobsReady.notify_one();
        if (m_thread.joinable())
            m_thread.join();
    }

    /// True for the first caller only: that thread reads the day's refunds.
    bool claimRefunds() { return !m_refundsClaimed.exchange(true); }

    /// Indexes the orders on the calling thread as the reader publishes them, then hands the
    /// orders, their index and the refunds to `in`; their text lives as long as this object.
    /// The index is thus mostly built by the time the last order is read.
    Status finish(MatchInput &in)
    {
        OrderIndex &index = m_index;
        size_t indexed = 0;
        for (;;) {
            const size_t state = m_state.load(std::memory_order_acquire);
            const size_t published = state / 2;
            if (published > indexed) {
                // The reader moves the records only while holding m_moving; a bounded batch
                // keeps it from waiting long.
                const size_t to = std::min(published, indexed + 16 * kPublishEvery);
                std::lock_guard lock(m_moving);
                indexOrders(m_orders.data(), indexed, to, index);
                indexed = to;
            } else if (state & 1) {
                break;
            } else {
                m_state.wait(state, std::memory_order_acquire);
            }
        }
        if (!m_status)
            return m_status;
        in.orders = std::move(m_orders);
        in.orderIndex = std::move(index);
        if (m_refundsRead)
            in.ledgerRefunds = std::move(m_refunds);
        return {};
    }

private:
    static constexpr size_t kPublishEvery = 4096;

    // Runs posted jobs until the destructor says stop.
    void serveJobs(Ledger &ledger)
    {
        for (;;) {
            std::packaged_task<void(Ledger &)> job;
            {
                std::unique_lock lock(m_jobsLock);
                m_jobsReady.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
                if (m_stop)
                    break;
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
            }
            job(ledger);
        }
    }

    // Records [0, count) are complete; `last`: no more will come. Every state differs from
    // the one before (the count grows, or the last one is odd), so a waiter always wakes.
    void publish(size_t count, bool last)
    {
        m_state.store(2 * count + (last ? 1 : 0), std::memory_order_release);
        m_state.notify_one();
    }

    size_t m_expected;
    std::thread m_thread;
    std::promise<Status> m_opened;
    std::promise<bool> m_go;
    std::promise<Status> m_begun;
    bool m_goSent = false;
    StringArena m_arena;
    std::vector<LedgerOrderRecord> m_orders;
    std::vector<LedgerRefundRecord> m_refunds;
    std::atomic<bool> m_refundsClaimed{false};
    bool m_refundsRead = false; ///< by this reader (finish() reads it after the join)
    OrderIndex m_index;         ///< made by the reader, filled by finish() (see publish())
    std::mutex m_moving; ///< held while the reader reallocates m_orders or the caller indexes
    std::atomic<size_t> m_state{0}; ///< see publish()
    Status m_status;
    std::mutex m_jobsLock;
    std::condition_variable m_jobsReady;
    std::deque<std::packaged_task<void(Ledger &)>> m_jobs;
    bool m_stop = false; ///< no more jobs run (destructor, or the thread ended)
};

} // namespace

Result<ReconRun> reconcile(Ledger &ledger, QDate billDate, const ReconOptions &options,
                           QPromise<void> &promise)
{
    const cst::Instant startedAt = cst::now();
    const QString date = billDate.toString(Qt::ISODate);
    promise.setProgressRange(0, 100);
    BillRepository bills(ledger);
    OrderRepository orders(ledger);
    RefundRepository refunds(ledger);
    ReconRepository runs(ledger);

    // Which bills: ALL if imported, else whatever of SUCCESS and REFUND is.
    const auto imported = bills.billsOf(billDate);
    if (!imported)
        return imported.error();
    QList<ImportedBill> use;
    for (const ImportedBill &b : *imported) {
        if (b.billType == u"ALL")
            use = {b};
    }
    if (use.isEmpty()) {
        for (const ImportedBill &b : *imported) {
            if (isTradeBill(b))
                use.append(b);
        }
    }
    if (use.isEmpty())
        return makeError(
            ErrorCode::NotFound,
            Tr::tr("No trade bill is imported for %1; import or fetch it first.").arg(date));

    // Everything below is read in one snapshot of the ledger: the day's orders on a second
    // connection while this one reads the bill rows.
    const auto [dayStart, dayEnd] = cst::dayBounds(billDate);
    OrderReader orderReader(ledger.path(), dayStart, dayEnd,
                            size_t(use.first().paymentCount) + 1024);
    struct EndRead
    {
        Ledger &l;
        bool open = true;
        void end()
        {
            if (open)
                (void)l.execute("COMMIT");
            open = false;
        }
        ~EndRead() { end(); }
    } readTx{ledger};
    if (Status s = orderReader.start(ledger); !s)
        return s.error();

    StringArena arena;
    MatchInput in;
    in.billDate = billDate;
    in.crossDayWindowSeconds = options.crossDayWindowSeconds;
    in.paymentsCovered = false;
    in.refundsCovered = false;
    QList<qint64> billIds;
    for (const ImportedBill &b : use) {
        hugepages::reserve(in.payments, in.payments.size() + size_t(b.paymentCount));
        hugepages::reserve(in.refunds, in.refunds.size() + size_t(b.refundCount));
        billIds.append(b.id);
        in.paymentsCovered = in.paymentsCovered || b.billType != u"REFUND";
        in.refundsCovered = in.refundsCovered || b.billType != u"SUCCESS";
        if (Status s = bills.forEachRow(
                b.id,
                [&](const BillRowView &r) -> Status {
                    if (r.isRefund) {
                        in.refunds.push_back({arena.store(r.outRefundNo), arena.store(r.outTradeNo),
                                              arena.store(r.transactionId),
                                              stateWord(arena, r.refundStatus), r.refundAppliedFen,
                                              r.feeMilli, r.tradeTime});
                    } else {
                        in.payments.push_back({arena.store(r.outTradeNo),
                                               arena.store(r.transactionId),
                                               stateWord(arena, r.tradeState), r.orderFen,
                                               r.settlementFen, r.feeMilli});
                    }
                    return {};
                });
            !s)
            return s.error();
    }
    if (orderReader.claimRefunds()) {
        if (Status s = readRefunds(ledger, dayStart, dayEnd, arena, in.ledgerRefunds); !s)
            return s.error();
    }
    promise.setProgressValue(25);
    if (promise.isCanceled())
        return cancelled();

    // What the matcher asks for beyond the date's records (orders paid the day before by the
    // merchant's clock, refunds of older orders, ...) comes by identity from the ledger,
    // remembered so that each key costs one query. The keys the matcher announces
    // (willFindOrders, willReportOrders) are looked up on the reader's thread and connection
    // while the matcher goes on, one job each; a callback waits for its job before answering,
    // and queries on this connection what the job did not answer.
    std::optional<Error> lookupError;
    const auto noteError = [&](const Status &s) {
        if (!s && !lookupError)
            lookupError = s.error();
    };
    constexpr std::uint32_t kNone = KeyIndex::npos - 1; // asked, not in the ledger
    std::deque<LedgerOrderRecord> extraOrders;
    std::deque<LedgerRefundRecord> extraRefunds;
    KeyIndex askedOrders; // → position in extraOrders, or kNone
    KeyIndex askedRefunds;
    // Looks `key` up unless asked before, with `text` holding the record's text.
    const auto lookUpOrder = [&](const OrderRepository &repository, StringArena &text,
                                 std::string_view key) -> Status {
        if (!askedOrders.insert(text.store(key), kNone).second)
            return {};
        const size_t before = extraOrders.size();
        const Status s = repository.findView(key, [&](const OrderView &o) -> Status {
            extraOrders.push_back({text.store(o.outTradeNo), stateWord(text, o.status), o.amountFen,
                                   o.paidAt.value_or(LedgerOrderRecord::kUnpaid)});
            return {};
        });
        if (extraOrders.size() > before)
            askedOrders.assign(key, std::uint32_t(extraOrders.size() - 1));
        return s;
    };
    // The orders the matcher will report (willReportOrders): whether another imported bill
    // holds each, and if not its transaction_id.
    struct ReportFacts
    {
        bool billed = false;
        std::string_view transactionId;
    };
    std::vector<ReportFacts> reportFacts;
    KeyIndex reported;   // → position in reportFacts
    StringArena jobText; // the jobs' (one job at a time)
    Status ordersJobStatus;
    Status reportJobStatus;
    std::future<void> ordersJob;
    std::future<void> reportJob;
    // No job may outlive what it writes to: the reader stops (after the job it runs) before
    // any of the above goes, also when an exception leaves.
    struct StopReader
    {
        OrderReader &r;
        ~StopReader() { r.stop(); }
    } stopReader{orderReader};
    const auto await = [&](std::future<void> &job, const Status &status) {
        if (!job.valid())
            return;
        try {
            job.get();
        } catch (const std::future_error &) {
            // The job did not run (the reader had stopped): its keys are queried here.
        }
        noteError(status);
    };
    in.willFindOrders = [&](std::vector<std::string_view> keys) {
        ordersJob = orderReader.post([&, keys = std::move(keys)](Ledger &own) {
            const OrderRepository repository(own);
            for (const std::string_view key : keys) {
                ordersJobStatus = lookUpOrder(repository, jobText, key);
                if (!ordersJobStatus)
                    return;
            }
        });
    };
    in.willReportOrders = [&](const std::vector<const LedgerOrderRecord *> &toReport) {
        std::vector<std::string_view> keys;
        keys.reserve(toReport.size());
        for (const LedgerOrderRecord *o : toReport)
            keys.push_back(o->outTradeNo);
        reportJob = orderReader.post([&, keys = std::move(keys)](Ledger &own) {
            const BillRepository otherBills(own);
            const OrderRepository repository(own);
            reportFacts.reserve(keys.size());
            for (const std::string_view key : keys) {
                const Result<bool> billed = otherBills.isBilled(key);
                if (!billed) {
                    reportJobStatus = billed.error();
                    return;
                }
                ReportFacts facts{*billed, {}};
                if (!facts.billed) {
                    reportJobStatus = repository.findView(key, [&](const OrderView &v) -> Status {
                        facts.transactionId = jobText.store(v.transactionId);
                        return {};
                    });
                    if (!reportJobStatus)
                        return;
                }
                if (reported.insert(key, std::uint32_t(reportFacts.size())).second)
                    reportFacts.push_back(facts);
            }
        });
    };
    const auto factsOf = [&](std::string_view key) -> const ReportFacts * {
        await(reportJob, reportJobStatus);
        const std::uint32_t i = reported.find(key);
        return i == KeyIndex::npos ? nullptr : &reportFacts[i];
    };
    in.findOrder = [&](std::string_view key) -> const LedgerOrderRecord * {
        await(ordersJob, ordersJobStatus);
        noteError(lookUpOrder(orders, arena, key));
        const std::uint32_t i = askedOrders.find(key);
        return i < extraOrders.size() ? &extraOrders[i] : nullptr;
    };
    in.findRefund = [&](std::string_view key) -> const LedgerRefundRecord * {
        const auto [slot, fresh] = askedRefunds.insert(arena.store(key), kNone);
        if (!fresh)
            return slot < extraRefunds.size() ? &extraRefunds[slot] : nullptr;
        const Status s = refunds.findView(key, [&](const RefundView &r) -> Status {
            extraRefunds.push_back({arena.store(r.outRefundNo), arena.store(r.outTradeNo),
                                    stateWord(arena, r.status), r.amountFen, r.createdAt});
            return {};
        });
        noteError(s);
        if (extraRefunds.empty() || extraRefunds.back().outRefundNo != key)
            return nullptr;
        askedRefunds.assign(key, std::uint32_t(extraRefunds.size() - 1));
        return &extraRefunds.back();
    };
    in.orderTransactionId = [&](const LedgerOrderRecord &o) -> std::string_view {
        if (const ReportFacts *facts = factsOf(o.outTradeNo); facts && !facts->billed)
            return facts->transactionId;
        std::string_view id;
        noteError(orders.findView(o.outTradeNo, [&](const OrderView &v) -> Status {
            id = arena.store(v.transactionId);
            return {};
        }));
        return id;
    };
    in.isBilledElsewhere = [&](std::string_view key) {
        if (const ReportFacts *facts = factsOf(key))
            return facts->billed;
        const Result<bool> billed = bills.isBilled(key);
        if (!billed)
            noteError(billed.error());
        return billed.valueOr(false);
    };
    const auto nextDay = bills.billsOf(billDate.addDays(1));
    if (!nextDay)
        return nextDay.error();
    for (const ImportedBill &b : *nextDay)
        in.nextDayBillImported
            = in.nextDayBillImported || b.billType == u"ALL" || b.billType == u"SUCCESS";

    // The previous date's pending rows: settled by this date's bill (or any imported bill).
    const auto pending = runs.openPending(billDate.addDays(-1));
    if (!pending)
        return pending.error();
    QList<PendingFollowUp> followUps;
    for (const Discrepancy &d : *pending) {
        const QByteArray key = d.outTradeNo.toUtf8();
        const Result<bool> billed
            = bills.isBilled(std::string_view(key.constData(), size_t(key.size())));
        if (!billed)
            return billed.error();
        followUps.append({d.id, *billed});
    }
    promise.setProgressValue(45);
    if (Status s = orderReader.finish(in); !s)
        return s.error();
    promise.setProgressValue(60);
    if (promise.isCanceled())
        return cancelled();

    const MatchResult result = match(in);
    orderReader.stop();
    readTx.end();
    if (lookupError)
        return *lookupError;
    promise.setProgressValue(80);
    const QList<Discrepancy> found(result.discrepancies.begin(), result.discrepancies.end());
    const auto run = runs.saveRun(result.summary, found, billIds, startedAt, options.actor,
                                  followUps, promise);
    if (!run) {
        if (run.error().code == ErrorCode::Cancelled)
            return cancelled();
        return run.error();
    }
    promise.setProgressValue(100);
    return run;
}

} // namespace wxr::core
