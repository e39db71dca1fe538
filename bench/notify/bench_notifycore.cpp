// SPDX-License-Identifier: GPL-3.0-or-later
// The receiver's two costs per callback, without HTTP (docs/BENCHMARKS.md):
//   BM_Decode     verification, decryption and parsing on the network thread;
//   BM_SinkApply  recording and applying a batch in one transaction on the writer thread,
//                 per batch size, with synchronous=FULL (the receiver's setting) or NORMAL.
//
//   build/bin/bench_notifycore --benchmark_min_time=2
#include "callbackforge.h"
#include "ledger/ledger.h"
#include "ledger/ledgercsv.h"
#include "notify/ledgercallbacksink.h"
#include "notify/notifyschema.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace wxr;
using namespace wxr::core;
using namespace wxr::core::test;

namespace {

const CallbackForge &forge()
{
    static const CallbackForge f;
    return f;
}

CallbackDecoder decoder(qint64 now)
{
    return CallbackDecoder(forge().keyStore(), QString::fromLatin1(forge().mchid), forge().apiV3Key,
                           [now] { return now; });
}

QByteArray outTradeNo(qint64 i)
{
    return "T20261126" + QByteArray::number(10000000 + i);
}

// Signed, encrypted and decoded once per process: signing dominates otherwise, and the
// benchmark library calls each benchmark function several times.
const QList<DecodedCallback> &decodedPayments(qint64 total)
{
    static const QList<DecodedCallback> all = [total] {
        const qint64 now = cst::now();
        const CallbackDecoder d = decoder(now);
        QList<DecodedCallback> out;
        for (qint64 i = 0; i < total; ++i) {
            const QByteArray body
                = forge().envelope("EV-" + QByteArray::number(i), "TRANSACTION.SUCCESS",
                                   forge().payment(outTradeNo(i), 100 + i, now - 2));
            out.append(d.decode(forge().request(body, now)));
        }
        return out;
    }();
    return all;
}

void BM_Decode(benchmark::State &state)
{
    const qint64 now = cst::now();
    const CallbackDecoder d = decoder(now);
    const QByteArray body = forge().envelope("EV-1", "TRANSACTION.SUCCESS",
                                             forge().payment(outTradeNo(1), 1250, now - 2));
    const InboundRequest request = forge().request(body, now);
    for (auto _ : state) {
        const DecodedCallback decoded = d.decode(request);
        if (!decoded.accepted)
            state.SkipWithError("not accepted");
        benchmark::DoNotOptimize(decoded.event.amountFen);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Decode)->Unit(benchmark::kMicrosecond);

// Arg 0: batch size; arg 1: 1 = synchronous FULL, 0 = NORMAL.
void BM_SinkApply(benchmark::State &state)
{
    const qsizetype batchSize = state.range(0);
    const qint64 total = 4096;
    const QList<DecodedCallback> &all = decodedPayments(total);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
    {
        // The merchant's orders exist, unpaid: each callback updates one.
        QByteArray csv = "out_trade_no,transaction_id,amount_fen,status,created_at,paid_at\n";
        for (qint64 i = 0; i < total; ++i)
            csv += outTradeNo(i) + ",," + QByteArray::number(100 + i)
                   + ",NOTPAY,2026-11-26T10:00:00+08:00,\n";
        QFile f(dir.filePath(QStringLiteral("orders.csv")));
        if (!f.open(QIODevice::WriteOnly) || f.write(csv) != csv.size())
            return state.SkipWithError("cannot write orders.csv");
        f.close();
        auto ledger = Ledger::open(path, LedgerOptions{5000, {notifyMigrations()}});
        QPromise<void> promise;
        promise.start();
        if (!ledger || !importLedgerCsv(**ledger, f.fileName(), QString(), promise))
            return state.SkipWithError("cannot import the orders");
    }
    LedgerSinkOptions o;
    o.ledgerPath = path;
    o.fullSync = state.range(1) == 1;
    auto sink = LedgerCallbackSink::open(o);
    if (!sink)
        return state.SkipWithError("cannot open the sink");
    qint64 next = 0;
    for (auto _ : state) {
        const QList<CallbackEvent> events = (*sink)->apply(all.mid(next, batchSize));
        next += batchSize;
        benchmark::DoNotOptimize(events.size());
    }
    state.SetItemsProcessed(state.iterations() * batchSize);
}
BENCHMARK(BM_SinkApply)
    ->ArgsProduct({{1, 16, 64}, {1, 0}})
    ->ArgNames({"batch", "full"})
    ->Iterations(64) // 64 batches of at most 64: every callback is applied for the first time
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
