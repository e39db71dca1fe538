// SPDX-License-Identifier: GPL-3.0-or-later
// The reconciliation pipeline in one process, step by step, on a generated day: ledger CSV
// import, bill import (gzip), reconcile, CSV report. Prints wall and CPU time per step and
// checks the report against the generator's truth.csv. run.sh measures the same steps through
// wxrecon-cli with /usr/bin/time -v; this one is for profiling (perf record bench_recon ...).
//
//   build/bin/bench_recon [--orders N] [--dir DIR] [--keep]
#include "dayfiles.h"
#include "ledger/billrepository.h"
#include "ledger/ledger.h"
#include "ledger/ledgercsv.h"
#include "recon/reconengine.h"
#include "report/csvreport.h"
#include "simday.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

using namespace wxr;
using namespace wxr::core;

namespace {

double cpuSeconds()
{
    rusage r{};
    getrusage(RUSAGE_SELF, &r);
    return double(r.ru_utime.tv_sec + r.ru_stime.tv_sec)
           + double(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
}

struct Step
{
    QTextStream &out;
    QElapsedTimer wall;
    double cpu = cpuSeconds();
    QString name;
    Step(QTextStream &o, QString n)
        : out(o)
        , name(std::move(n))
    {
        wall.start();
    }
    void done(const Status &s)
    {
        out << name.leftJustified(16) << QString::number(wall.elapsed() / 1000.0, 'f', 2)
            << " s wall " << QString::number(cpuSeconds() - cpu, 'f', 2) << " s cpu"
            << (s.ok() ? QString() : QStringLiteral("  FAILED: ") + s.error().message) << Qt::endl;
    }
};

template<typename T>
Status status(const Result<T> &r)
{
    return r ? Status() : Status(r.error());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("orders"), QStringLiteral("orders of the day"),
                   QStringLiteral("N"), QStringLiteral("1000000")},
                  {QStringLiteral("dir"), QStringLiteral("use/keep the day in DIR"),
                   QStringLiteral("DIR")}});
    p.addHelpOption();
    p.process(app);
    QTextStream out(stdout);
    QTemporaryDir temp;
    const QString dir
        = p.isSet(QStringLiteral("dir")) ? p.value(QStringLiteral("dir")) : temp.path();
    const QString date = QStringLiteral("2026-11-25");
    if (!QFile::exists(dir + QStringLiteral("/truth.csv"))) {
        Step s(out, QStringLiteral("gen-day"));
        sim::DayOptions o;
        o.orders = p.value(QStringLiteral("orders")).toLongLong();
        o.seed = 7;
        o.date = QDate(2026, 11, 25);
        s.done(status(sim::writeDayFiles(sim::generateDay(o), dir)));
    }
    const QString db = dir + QStringLiteral("/bench-ledger.db");
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(db + QString::fromLatin1(suffix));
    auto ledger = Ledger::open(db);
    if (!ledger) {
        out << ledger.error().message << Qt::endl;
        return 1;
    }
    QPromise<void> promise;
    QElapsedTimer total;
    total.start();
    const double cpu0 = cpuSeconds();
    {
        Step s(out, QStringLiteral("ledger import"));
        s.done(status(importLedgerCsv(**ledger, dir + QStringLiteral("/orders.csv"),
                                      dir + QStringLiteral("/refunds.csv"), promise)));
    }
    {
        Step s(out, QStringLiteral("bill import"));
        QFile f(dir + QStringLiteral("/tradebill_ALL_") + date + QStringLiteral(".csv.gz"));
        f.open(QIODevice::ReadOnly);
        BillImportOptions options;
        options.billDate = QDate(2026, 11, 25);
        s.done(status(BillRepository(**ledger).import(f, options, promise)));
    }
    {
        Step s(out, QStringLiteral("reconcile"));
        s.done(status(reconcile(**ledger, QDate(2026, 11, 25), ReconOptions{}, promise)));
    }
    {
        Step s(out, QStringLiteral("report csv"));
        s.done(CsvReport::writeFile(**ledger, ReportRange{QDate(2026, 11, 25), QDate(2026, 11, 25)},
                                    dir + QStringLiteral("/report.csv"), promise));
    }
    out << QStringLiteral("total").leftJustified(16)
        << QString::number(total.elapsed() / 1000.0, 'f', 2) << " s wall "
        << QString::number(cpuSeconds() - cpu0, 'f', 2) << " s cpu" << Qt::endl;
    QFile a(dir + QStringLiteral("/report.csv"));
    QFile b(dir + QStringLiteral("/truth.csv"));
    a.open(QIODevice::ReadOnly);
    b.open(QIODevice::ReadOnly);
    const bool same = a.readAll() == b.readAll();
    out << (same ? "report.csv equals truth.csv" : "report.csv DIFFERS from truth.csv") << Qt::endl;
    return same ? 0 : 1;
}
