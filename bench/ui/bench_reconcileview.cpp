// SPDX-License-Identifier: GPL-3.0-or-later
// Paint time of the daily reconciliation view (issue #8: "with a million-order day the view
// paints in ≤ 300 ms and scrolls smoothly"). Builds — or reuses with --ledger — a ledger
// holding two reconciled days: a large one (default 1,000,000 orders) and, the day after, a
// smaller one (default 100,000), with the generator's default discrepancy rates (--rate
// KIND=R changes them). Then, in a QApplication (run it with QT_QPA_PLATFORM=offscreen, see
// run.sh), over N repetitions on a view shown at 1400x900:
//   open        a fresh view: showDate(large day) → events drained → view.grab()
//   switch      showDate(the other day) → events drained → view.grab(), both directions
//   filter      kind filter "Amount differs" on the large day → grab()
//   search      search for one discrepant order number → grab()
//   sort        sort by the ledger-amount column → grab()
//   scroll      50 × PageDown in the table, each → viewport repaint() → events drained (the
//               detail pane follows the current row); the worst single step is what
//               "scrolls smoothly" is about. Also: a repaint of the unchanged viewport, the
//               floor of a scroll step.
//   next page   the model's further pages (fetchMore + repaint) up to the end of the day;
//               the worst one, i.e. the deepest keyset page
// Each timed step ends with the summary cards and the table showing the day's real data
// (checked; a placeholder fails the run). The view loads synchronously on the GUI thread, so
// draining the event loop after the call is all the waiting there is.
//
//   bench/ui/run.sh BUILD_DIR [--ledger PATH] [--reps N] ...
//   QT_QPA_PLATFORM=offscreen build/bin/bench_reconcileview --ledger /tmp/paint.sqlite --keep
//
// Exit codes: 0 figures printed, 1 the ledger could not be built or a check failed,
// 2 bad arguments.
#include "appcontext.h"
#include "common/settings.h"
#include "copyabletableview.h"
#include "demoledger.h"
#include "ledger/discrepancyrepository.h"
#include "ledger/ledger.h"
#include "ledger/reconrepository.h"
#include "models/discrepancymodel.h"
#include "recon/reconengine.h"
#include "reconcileview.h"
#include "simday.h"
#include "summarycards.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPixmap>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <memory>

using namespace wxr;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

struct Figures
{
    QString name;
    QList<double> ms;  ///< wall clock
    QList<double> cpu; ///< CPU time of the GUI thread: what the machine's load does not add
};

double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double maxOf(const QList<double> &v)
{
    return v.isEmpty() ? 0 : *std::max_element(v.begin(), v.end());
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Wall clock and GUI-thread CPU time of one step.
class StepTimer
{
public:
    void start()
    {
        m_cpu = threadCpuMs();
        m_wall.start();
    }
    double wall() const { return msSince(m_wall); }
    double cpu() const { return threadCpuMs() - m_cpu; }
    void record(Figures &f) const
    {
        f.ms << wall();
        f.cpu << cpu();
    }

private:
    QElapsedTimer m_wall;
    double m_cpu = 0;
};

void drain()
{
    // Twice: posted events may post more (layout requests, the table's delayed fetchMore).
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

[[noreturn]] void fail(const QString &message)
{
    out() << "error: " << message << Qt::endl;
    std::exit(1);
}

// Builds one reconciled day into the ledger; returns its discrepancy count.
qint64 buildDay(core::Ledger &ledger, QDate date, qint64 orders, quint64 seed,
                const QStringList &rates, const QString &scratch)
{
    sim::DayOptions o;
    o.date = date;
    o.orders = orders;
    o.seed = seed;
    o.gzip = false;
    for (const QString &r : rates) {
        if (Status s = sim::applyRate(o, r); !s)
            fail(s.error().message);
    }
    if (Status s = sim::validate(o); !s)
        fail(s.error().message);
    QElapsedTimer t;
    t.start();
    out() << "building " << date.toString(Qt::ISODate) << ": " << orders << " orders ..."
          << Qt::flush;
    const sim::SimDay day = sim::generateDay(o);
    QPromise<void> promise;
    promise.start();
    if (Status s = demo::importLedgerSide(ledger, day, scratch, promise); !s)
        fail(s.error().message);
    if (Status s = demo::importTradeBill(ledger, day, promise); !s)
        fail(s.error().message);
    core::ReconOptions ro;
    ro.actor = QStringLiteral("bench");
    auto run = core::reconcile(ledger, date, ro, promise);
    promise.finish();
    if (!run)
        fail(run.error().message);
    out() << " " << run->discrepancyCount << " discrepancies, " << qRound(msSince(t) / 1000) << " s"
          << Qt::endl;
    return run->discrepancyCount;
}

qint64 discrepanciesOf(core::Ledger &ledger, QDate date)
{
    core::DiscrepancyFilter f;
    f.from = date;
    f.to = date;
    return core::DiscrepancyRepository(ledger).count(f).valueOr(-1);
}

bool reconciled(core::Ledger &ledger, QDate date)
{
    auto run = core::ReconRepository(ledger).latestRun(date);
    return run.ok() && run->has_value();
}

// The view shows `date` with real data: the summary's discrepancy card is filled and the
// table has its first page (or the day has none).
void checkShown(ui::ReconcileView &view, QDate date, const char *step)
{
    const QString card = view.summary()->cardText(QStringLiteral("discrepancies"));
    const bool cardReal = !card.isEmpty() && card != ui::SummaryCards::tr("—")
                          && card != ui::SummaryCards::tr("Not reconciled yet");
    const bool tableReal = view.model()->totalCount() == 0 || view.model()->rowCount() > 0;
    if (view.currentDate() != date || !cardReal || !tableReal)
        fail(QStringLiteral("after %1 the view does not show the data of %2 (card \"%3\", %4 of "
                            "%5 rows loaded)")
                 .arg(QString::fromUtf8(step), date.toString(Qt::ISODate), card)
                 .arg(view.model()->rowCount())
                 .arg(view.model()->totalCount()));
}

// Renders the whole view (every child widget) the way a paint event would.
void paintWhole(ui::ReconcileView &view)
{
    if (view.grab().isNull())
        fail(QStringLiteral("the view could not be painted"));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("bench_reconcileview"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Paint time of the daily reconciliation view on a million-order day."));
    parser.addHelpOption();
    const QCommandLineOption ledgerOpt(
        QStringLiteral("ledger"),
        QStringLiteral("Ledger file: reused when it holds both reconciled days, else built."),
        QStringLiteral("PATH"));
    const QCommandLineOption keepOpt(QStringLiteral("keep"),
                                     QStringLiteral("Keep the built ledger (with --ledger: "
                                                    "always kept; without: print its path)."));
    const QCommandLineOption ordersOpt(QStringLiteral("orders"),
                                       QStringLiteral("Orders of the large day (1000000)."),
                                       QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption secondOpt(QStringLiteral("second-orders"),
                                       QStringLiteral("Orders of the second day (100000)."),
                                       QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption rateOpt(QStringLiteral("rate"),
                                     QStringLiteral("Discrepancy rate KIND=R (repeatable)."),
                                     QStringLiteral("KIND=R"));
    const QCommandLineOption repsOpt(QStringLiteral("reps"),
                                     QStringLiteral("Repetitions of each step (7)."),
                                     QStringLiteral("N"), QStringLiteral("7"));
    const QCommandLineOption pagesOpt(QStringLiteral("pages"),
                                      QStringLiteral("PageDown presses per scroll run (50)."),
                                      QStringLiteral("N"), QStringLiteral("50"));
    parser.addOptions({ledgerOpt, keepOpt, ordersOpt, secondOpt, rateOpt, repsOpt, pagesOpt});
    parser.process(app);
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false;
    const qint64 orders = parser.value(ordersOpt).toLongLong(&ok1);
    const qint64 secondOrders = parser.value(secondOpt).toLongLong(&ok2);
    const int reps = parser.value(repsOpt).toInt(&ok3);
    const int pages = parser.value(pagesOpt).toInt(&ok4);
    if (!ok1 || !ok2 || !ok3 || !ok4 || orders <= 0 || secondOrders <= 0 || reps <= 0
        || pages <= 0) {
        out() << "error: --orders, --second-orders, --reps and --pages take positive numbers"
              << Qt::endl;
        return 2;
    }

    // The large day is the earlier one, so that a fresh view (which opens on the latest
    // reconciled day) has to load it from showDate().
    const QDate large(2026, 11, 24);
    const QDate small = large.addDays(1);

    QTemporaryDir tmp;
    if (!tmp.isValid())
        fail(QStringLiteral("no temporary folder: %1").arg(tmp.errorString()));
    QString ledgerPath = parser.value(ledgerOpt);
    if (ledgerPath.isEmpty()) {
        tmp.setAutoRemove(!parser.isSet(keepOpt));
        ledgerPath = tmp.filePath(QStringLiteral("ledger.sqlite"));
    }
    QDir().mkpath(QFileInfo(ledgerPath).absolutePath());

    // Build (or reuse) the ledger, then close it: the view opens its own connection.
    {
        auto ledger = core::Ledger::open(ledgerPath, ui::AppContext::ledgerOptions());
        if (!ledger)
            fail(ledger.error().message);
        const QString scratch = tmp.filePath(QStringLiteral("scratch"));
        QDir().mkpath(scratch);
        const QStringList rates = parser.values(rateOpt);
        if (!reconciled(**ledger, large))
            buildDay(**ledger, large, orders, 11, rates, scratch);
        if (!reconciled(**ledger, small))
            buildDay(**ledger, small, secondOrders, 12, rates, scratch);
        out() << "ledger " << ledgerPath << ": " << large.toString(Qt::ISODate) << " "
              << discrepanciesOf(**ledger, large) << " discrepancies, "
              << small.toString(Qt::ISODate) << " " << discrepanciesOf(**ledger, small)
              << " discrepancies" << Qt::endl;
    }

    // An AppContext over private settings, never the user's.
    QTemporaryDir settingsDir;
    ui::AppContext::Options options;
    options.languageCode = QStringLiteral("en");
    ui::AppContext ctx(std::make_unique<Settings>(settingsDir.filePath(QStringLiteral("s.ini"))),
                       ui::SecretStore::Backend::SessionOnly, options);
    ctx.setLedgerPath(ledgerPath);
    if (auto l = ctx.ledger(); !l)
        fail(l.error().message);

    // A search term: the order number of one discrepancy in the middle of the large day.
    QString searchTerm;
    {
        core::DiscrepancyFilter f;
        f.from = large;
        f.to = large;
        auto page = core::DiscrepancyRepository(**ctx.ledger())
                        .page(f, discrepanciesOf(**ctx.ledger(), large) / 2, 1);
        if (!page || page->isEmpty())
            fail(QStringLiteral("the large day has no discrepancy to search for"));
        searchTerm = page->first().outTradeNo;
    }

    Figures open{QStringLiteral("open (fresh view, large day)"), {}, {}};
    Figures toSmall{QStringLiteral("switch day (large → small)"), {}, {}};
    Figures toLarge{QStringLiteral("switch day (small → large)"), {}, {}};
    Figures filter{QStringLiteral("filter by kind"), {}, {}};
    Figures unfilter{QStringLiteral("clear the kind filter"), {}, {}};
    Figures search{QStringLiteral("search order no."), {}, {}};
    Figures sortAmount{QStringLiteral("sort by ledger amount"), {}, {}};
    Figures scroll{QStringLiteral("scroll: one PageDown"), {}, {}};
    Figures scrollRun{QStringLiteral("scroll: worst of a run"), {}, {}};
    Figures fetchRun{QStringLiteral("next page: worst to the end"), {}, {}};
    Figures tablePaint{QStringLiteral("table viewport repaint only"), {}, {}};

    for (int rep = 0; rep < reps; ++rep) {
        ui::ReconcileView view(ctx);
        view.resize(1400, 900);
        view.show();
        drain();
        view.grab();
        StepTimer t;

        t.start();
        view.showDate(large);
        drain();
        paintWhole(view);
        t.record(open);
        checkShown(view, large, "open");
        if (view.model()->totalCount() == 0)
            fail(QStringLiteral("the large day has no discrepancies to show"));

        t.start();
        view.showDate(small);
        drain();
        paintWhole(view);
        t.record(toSmall);
        checkShown(view, small, "switch");

        t.start();
        view.showDate(large);
        drain();
        paintWhole(view);
        t.record(toLarge);
        checkShown(view, large, "switch back");

        t.start();
        view.setKindFilter(core::DiscrepancyKind::AmountMismatch);
        drain();
        paintWhole(view);
        t.record(filter);
        checkShown(view, large, "filter");
        if (view.model()->rowCount() == 0
            || view.model()->discrepancy(0).kind != core::DiscrepancyKind::AmountMismatch)
            fail(QStringLiteral("the kind filter shows no amount mismatch"));

        t.start();
        view.setKindFilter(std::nullopt);
        drain();
        paintWhole(view);
        t.record(unfilter);

        t.start();
        view.setSearch(searchTerm);
        drain();
        paintWhole(view);
        t.record(search);
        if (view.model()->rowCount() == 0 || view.model()->discrepancy(0).outTradeNo != searchTerm)
            fail(QStringLiteral("searching %1 found nothing").arg(searchTerm));
        view.setSearch(QString());
        drain();

        // Scroll from the top of the unfiltered large day.
        ui::CopyableTableView *table = view.table();
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, 0));
        drain();
        double worst = 0;
        double worstCpu = 0;
        for (int i = 0; i < pages; ++i) {
            t.start();
            QKeyEvent press(QEvent::KeyPress, Qt::Key_PageDown, Qt::NoModifier);
            QCoreApplication::sendEvent(table, &press);
            QKeyEvent release(QEvent::KeyRelease, Qt::Key_PageDown, Qt::NoModifier);
            QCoreApplication::sendEvent(table, &release);
            // The scrolled table on screen, then whatever else the step posted (the detail
            // pane's update, rows fetched near the end) processed and painted too.
            table->viewport()->repaint();
            drain();
            t.record(scroll);
            worst = qMax(worst, scroll.ms.last());
            worstCpu = qMax(worstCpu, scroll.cpu.last());
        }
        scrollRun.ms << worst;
        scrollRun.cpu << worstCpu;
        // The floor of every step above: one full paint of the table's viewport, no change.
        for (int i = 0; i < 10; ++i) {
            t.start();
            table->viewport()->repaint();
            t.record(tablePaint);
        }
        if (table->currentIndex().row() < qMin<qint64>(pages * 10, view.model()->totalCount() - 1))
            fail(QStringLiteral("%1 PageDowns only reached row %2")
                     .arg(pages)
                     .arg(table->currentIndex().row()));

        // Every further page of the day, as scrolling to its end asks for them: the worst is
        // the deepest keyset page.
        double worstFetch = 0;
        double worstFetchCpu = 0;
        while (view.model()->canFetchMore({})) {
            t.start();
            view.model()->fetchMore({});
            table->viewport()->repaint();
            drain();
            worstFetch = qMax(worstFetch, t.wall());
            worstFetchCpu = qMax(worstFetchCpu, t.cpu());
        }
        fetchRun.ms << worstFetch;
        fetchRun.cpu << worstFetchCpu;

        t.start();
        table->sortByColumn(ui::DiscrepancyModel::LedgerAmountColumn, Qt::DescendingOrder);
        drain();
        paintWhole(view);
        t.record(sortAmount);
        checkShown(view, large, "sort");
        if (view.model()->rowCount() < view.model()->totalCount())
            fail(
                QStringLiteral("sorting did not sort all %1 rows").arg(view.model()->totalCount()));
    }

    out() << "\n"
          << QStringLiteral("%1 %2 %3 %4 %5\n")
                 .arg(QStringLiteral("step"), -30)
                 .arg(QStringLiteral("median_ms"), 10)
                 .arg(QStringLiteral("max_ms"), 9)
                 .arg(QStringLiteral("median_cpu_ms"), 14)
                 .arg(QStringLiteral("n"), 5);
    for (const Figures *f : {&open, &toSmall, &toLarge, &filter, &unfilter, &search, &sortAmount,
                             &scroll, &scrollRun, &fetchRun, &tablePaint}) {
        out() << QStringLiteral("%1 %2 %3 %4 %5\n")
                     .arg(f->name, -30)
                     .arg(median(f->ms), 10, 'f', 1)
                     .arg(maxOf(f->ms), 9, 'f', 1)
                     .arg(median(f->cpu), 14, 'f', 1)
                     .arg(f->ms.size(), 5);
    }
    out() << Qt::flush;
    if (!parser.isSet(ledgerOpt) && parser.isSet(keepOpt))
        out() << "ledger kept at " << ledgerPath << Qt::endl;
    return 0;
}
