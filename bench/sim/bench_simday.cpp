// SPDX-License-Identifier: GPL-3.0-or-later
// gen-day throughput: generating a day of N orders and writing every file (bills incl. the
// gzip copy, fund flow, ledger, truth) into a temporary directory. The requirement is a
// million orders in at most 10 s on the reference machine.
//
//   build/bin/bench_simday --benchmark_filter='BM_WriteDay/1000000' --benchmark_repetitions=3
#include "dayfiles.h"
#include "simday.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

namespace {

wxr::sim::DayOptions options(qint64 orders)
{
    wxr::sim::DayOptions o;
    o.orders = orders;
    o.seed = 7;
    o.date = QDate(2026, 11, 25);
    return o;
}

void BM_GenerateDay(benchmark::State &state)
{
    for (auto _ : state) {
        const auto day = wxr::sim::generateDay(options(state.range(0)));
        benchmark::DoNotOptimize(day.truth.size());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_GenerateDay)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_WriteDay(benchmark::State &state)
{
    QTemporaryDir dir;
    for (auto _ : state) {
        const auto day = wxr::sim::generateDay(options(state.range(0)));
        const auto files = wxr::sim::writeDayFiles(day, dir.path());
        if (!files)
            state.SkipWithError("writing the day failed");
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_WriteDay)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // QtConcurrent's pool and QTemporaryDir
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
