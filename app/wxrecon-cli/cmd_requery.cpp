// SPDX-License-Identifier: GPL-3.0-or-later
// `wxrecon-cli requery`: query stuck orders at WeChat Pay and put the answers in the ledger —
// one order, a list, or every stuck one — and with --daemon keep the scheduler running
// (docs/requery.md). Runs until SIGINT/SIGTERM in daemon mode.
#include "commands.h"
#include "common/cstime.h"
#include "compensate/compensateschema.h"
#include "compensate/querygate.h"
#include "compensate/requery.h"
#include "compensate/requeryscheduler.h"
#include "ledger/ledger.h"
#include "wechatpay/merchantconfig.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>

using namespace wxr::core;

namespace wxr::cli {

namespace {

// Terminal columns of a string: East Asian wide characters take two.
int displayWidth(const QString &s)
{
    int w = 0;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        const bool wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF)
                          || (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0xF900 && u <= 0xFAFF)
                          || (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60)
                          || (u >= 0xFFE0 && u <= 0xFFE6);
        w += c.isLowSurrogate() ? 0 : wide ? 2 : 1;
    }
    return w;
}

QString pad(const QString &s, int width)
{
    return s + QString(std::max(0, width - displayWidth(s)), u' ');
}

QString clock(qint64 ms)
{
    return cst::formatBillTime(ms / 1000).mid(11); // HH:mm:ss, China Standard Time
}

// One line of the result table.
struct Row
{
    QString target;
    QString before;
    QString remote;
    QString after;
    QString result;
    QString note;
    bool failed = false;
};

Row rowOf(const ApplyReport &r)
{
    Row row;
    row.target = r.kind == RequeryKind::Refund ? Tr::tr("refund %1").arg(r.key) : r.key;
    const QString none = QStringLiteral("-");
    row.before = r.ledgerBefore.isEmpty() ? none : r.ledgerBefore;
    row.remote = r.remoteState.isEmpty() ? none : r.remoteState;
    row.after = r.ledgerAfter.isEmpty() ? none : r.ledgerAfter;
    QStringList notes;
    if (r.duplicate) {
        row.result = Tr::tr("already applied");
    } else if (r.outcome != AnswerOutcome::Answered) {
        row.failed = true;
        switch (r.outcome) {
        case AnswerOutcome::NotFound:
            row.result = Tr::tr("not found");
            break;
        case AnswerOutcome::RateLimited:
            row.result = Tr::tr("rate limited");
            break;
        case AnswerOutcome::VerificationFailed:
            row.result = Tr::tr("bad signature");
            break;
        case AnswerOutcome::NetworkError:
            row.result = Tr::tr("no answer");
            break;
        default:
            row.result = Tr::tr("failed");
            break;
        }
        if (!r.message.isEmpty()) {
            QString message = r.message;
            if (message.endsWith(u'.'))
                message.chop(1);
            notes << message;
        }
    } else if (r.paidAfterClose) {
        row.result = Tr::tr("PAID AFTER CLOSE");
    } else if (r.applied == u"created") {
        row.result = Tr::tr("added");
    } else if (r.applied == u"applied") {
        row.result = Tr::tr("updated");
    } else if (r.applied == u"unchanged") {
        row.result = Tr::tr("unchanged");
    } else {
        row.result = Tr::tr("ledger kept");
    }
    if (r.outcome == AnswerOutcome::Answered && !r.reviewReason.isEmpty())
        notes << Tr::tr("review: %1").arg(r.reviewReason);
    if (!r.resolvedDiscrepancies.isEmpty())
        notes << Tr::tr("%n discrepancy(s) resolved", nullptr, int(r.resolvedDiscrepancies.size()));
    switch (r.itemState) {
    case QueueState::Pending:
        notes << Tr::tr("next query at %1").arg(clock(r.nextAttemptMs));
        break;
    case QueueState::NeedsAttention:
        notes << Tr::tr("needs attention");
        break;
    case QueueState::Done:
        break;
    }
    row.note = notes.join(QStringLiteral("; "));
    return row;
}

Row header()
{
    return {Tr::tr("ORDER"),      Tr::tr("LEDGER BEFORE"), Tr::tr("WECHAT PAY"),
            Tr::tr("LEDGER NOW"), Tr::tr("RESULT"),        Tr::tr("NOTE")};
}

// Fixed widths for streaming (daemon mode): out_trade_no is at most 32 characters.
const QList<int> kStreamWidths{33, 14, 12, 12, 17};

void printRow(const Row &r, const QList<int> &widths)
{
    const QStringList cells{r.target, r.before, r.remote, r.after, r.result};
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i)
        line += pad(cells[i], widths[i]) + QStringLiteral("  ");
    out() << QString(line + r.note).trimmed() << '\n';
}

void printTable(const QList<Row> &rows)
{
    const Row h = header();
    QList<int> widths;
    const auto cellsOf = [](const Row &r) {
        return QStringList{r.target, r.before, r.remote, r.after, r.result};
    };
    for (const QString &c : cellsOf(h))
        widths << displayWidth(c);
    for (const Row &r : rows) {
        const QStringList cells = cellsOf(r);
        for (qsizetype i = 0; i < cells.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(cells[i]));
    }
    printRow(h, widths);
    for (const Row &r : rows)
        printRow(r, widths);
    out().flush();
}

QString who()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
    return user.isEmpty() ? QStringLiteral("wxrecon-cli") : user;
}

// Runs the manual re-query on a worker thread while this thread serves the gate.
Result<RequerySummary> runManual(const QString &db, QueryGate &gate, const RequeryPolicy &policy,
                                 const RequeryRequest &request, QList<ApplyReport> &reports)
{
    Result<RequerySummary> result = makeError(ErrorCode::Internal, QString());
    QFutureWatcher<ApplyReport> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    const bool progress = stderrIsTerminal();
    QObject::connect(
        &watcher, &QFutureWatcherBase::progressValueChanged, &loop,
        [&watcher, progress](int value) {
            if (progress)
                err() << '\r'
                      << Tr::tr("Queried %1 of %2").arg(value).arg(watcher.progressMaximum())
                      << Qt::flush;
        });
    // A thread of its own (the ledger connection belongs to it); the promise reports rows
    // and progress back here.
    QPromise<ApplyReport> promise;
    watcher.setFuture(promise.future());
    promise.start();
    std::unique_ptr<QThread> worker(
        QThread::create([&result, &db, &gate, &policy, &request, &promise] {
            auto ledger = openRequeryLedger(db);
            if (!ledger)
                result = ledger.error();
            else
                result = requery(**ledger, gate, policy, request, promise);
            promise.finish();
        }));
    worker->start();
    if (!watcher.isFinished())
        loop.exec();
    worker->wait();
    if (progress)
        err() << '\r' << QString(40, u' ') << '\r' << Qt::flush;
    reports = watcher.future().results();
    return result;
}

void printStatus(const RequeryStatus &s)
{
    QString next = s.nextRunMs ? clock(*s.nextRunMs) : QStringLiteral("-");
    err() << "wxrecon-cli: "
          << Tr::tr("scheduler: %1 pending, %2 due, %3 need attention, next run at %4")
                 .arg(s.pending)
                 .arg(s.due)
                 .arg(s.needsAttention)
                 .arg(next)
          << Qt::endl;
}

int runDaemon(const QString &db, QueryGate &gate, const RequeryPolicy &policy)
{
    const auto stopper = stopSignalNotifier();
    RequeryScheduler scheduler(db, gate, policy);
    QEventLoop loop;
    QObject::connect(stopper.get(), &QSocketNotifier::activated, &loop, &QEventLoop::quit);
    bool headerShown = false;
    QObject::connect(&scheduler, &RequeryScheduler::itemApplied, &loop,
                     [&headerShown](const ApplyReport &r) {
                         if (!headerShown) {
                             printRow(header(), kStreamWidths);
                             headerShown = true;
                         }
                         printRow(rowOf(r), kStreamWidths);
                         out().flush();
                     });
    QObject::connect(
        &scheduler, &RequeryScheduler::errorOccurred, &loop, [](const QString &message) {
            err() << "wxrecon-cli: " << Tr::tr("warning:") << ' ' << message << Qt::endl;
        });
    // A status line when the queue changes shape, not on every answer.
    qint64 lastPending = -1;
    qint64 lastAttention = -1;
    QObject::connect(&scheduler, &RequeryScheduler::statusChanged, &loop,
                     [&lastPending, &lastAttention](const RequeryStatus &s) {
                         if (!s.enabled
                             || (s.pending == lastPending && s.needsAttention == lastAttention))
                             return;
                         lastPending = s.pending;
                         lastAttention = s.needsAttention;
                         printStatus(s);
                     });
    err() << "wxrecon-cli: "
          << Tr::tr("re-query scheduler running on %1; stop it with Ctrl+C or SIGTERM.").arg(db)
          << Qt::endl;
    scheduler.setEnabled(true);
    loop.exec();

    // A clean stop: send nothing more, apply what is in flight (bounded).
    scheduler.setEnabled(false);
    QEventLoop drain;
    QTimer poll;
    QTimer::singleShot(15000, &drain, &QEventLoop::quit);
    QObject::connect(&poll, &QTimer::timeout, &drain, [&] {
        if (scheduler.status().inFlight == 0 && !scheduler.status().enabled)
            drain.quit();
    });
    poll.start(50);
    drain.exec();
    const RequeryStatus last = scheduler.status();
    err() << "wxrecon-cli: "
          << Tr::tr("scheduler stopped: %1 answers applied, %2 pending, %3 need attention.")
                 .arg(last.applied)
                 .arg(last.pending)
                 .arg(last.needsAttention)
          << Qt::endl;
    return Success;
}

int runRequery(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(Tr::tr(
        "Queries orders (and refunds) at WeChat Pay and applies the answers to the ledger: the "
        "orders named, or every stuck one (unpaid past the first window, in an open status "
        "discrepancy, missing from the ledger, refunds still processing). With --daemon the "
        "scheduler keeps doing it with back-off until interrupted. See docs/requery.md."));
    p.addOption({QStringLiteral("config"),
                 Tr::tr("Merchant configuration (INI); its optional "
                        "[requery] section tunes the rules."),
                 QStringLiteral("M.ini")});
    p.addOption({QStringLiteral("db"), Tr::tr("Ledger file."), QStringLiteral("F")});
    p.addOption({QStringLiteral("out-trade-no"), Tr::tr("Merchant order number (repeatable)."),
                 QStringLiteral("X")});
    p.addOption({QStringLiteral("out-refund-no"), Tr::tr("Merchant refund number (repeatable)."),
                 QStringLiteral("R")});
    p.addOption({QStringLiteral("stuck"), Tr::tr("Every stuck order and refund.")});
    p.addOption({QStringLiteral("daemon"),
                 Tr::tr("Afterwards keep the scheduler running until interrupted.")});
    if (auto exit = parse(p, QStringLiteral("requery"), args))
        return *exit;
    if (!p.positionalArguments().isEmpty())
        return usageError(Tr::tr("“wxrecon-cli requery” takes no arguments besides its options; "
                                 "“%1” is extra.")
                              .arg(p.positionalArguments().first()));
    const auto configPath = required(p, QStringLiteral("config"), QStringLiteral("requery"));
    if (!configPath)
        return Usage;
    const auto db = required(p, QStringLiteral("db"), QStringLiteral("requery"));
    if (!db)
        return Usage;
    RequeryRequest request;
    request.outTradeNos = p.values(QStringLiteral("out-trade-no"));
    request.outRefundNos = p.values(QStringLiteral("out-refund-no"));
    request.allStuck = p.isSet(QStringLiteral("stuck"));
    request.trigger = RequeryTrigger::person(who());
    const bool named = !request.outTradeNos.isEmpty() || !request.outRefundNos.isEmpty();
    if (named == request.allStuck)
        return usageError(Tr::tr("“wxrecon-cli requery” needs either --out-trade-no (or "
                                 "--out-refund-no) or --stuck."));
    for (const QString &no : request.outTradeNos + request.outRefundNos) {
        if (no.trimmed().isEmpty())
            return usageError(Tr::tr("An order or refund number given to “wxrecon-cli requery” "
                                     "is empty."));
    }
    if (!QFileInfo::exists(*db))
        return failure(makeError(ErrorCode::NotFound,
                                 Tr::tr("The ledger “%1” does not exist; import orders into it "
                                        "first (wxrecon-cli ledger import).")
                                     .arg(*db)));

    auto config = MerchantConfig::load(*configPath);
    if (!config)
        return failure(config.error());
    for (const QString &w : config->warnings)
        err() << "wxrecon-cli: " << Tr::tr("warning:") << ' ' << w << '\n';
    err().flush();
    const auto policy = RequeryPolicy::loadIni(*configPath, RequeryPolicy());
    if (!policy)
        return failure(policy.error());
    auto gate = QueryGate::create(*config, *policy);
    if (!gate)
        return failure(gate.error());

    QList<ApplyReport> reports;
    const auto summary = runManual(*db, **gate, *policy, request, reports);
    if (!summary)
        return failure(summary.error());
    if (reports.isEmpty()) {
        out() << Tr::tr("Nothing is stuck: no order or refund needs a query.") << Qt::endl;
    } else {
        QList<Row> rows;
        for (const ApplyReport &r : std::as_const(reports))
            rows << rowOf(r);
        printTable(rows);
        out() << '\n'
              << Tr::tr("%1 queried: %2 updated, %3 unchanged, %4 failed; %5 discrepancies "
                        "resolved; %6 flagged for review.")
                     .arg(summary->queried)
                     .arg(summary->changed)
                     .arg(summary->unchanged)
                     .arg(summary->failed)
                     .arg(summary->resolved)
                     .arg(summary->flagged)
              << Qt::endl;
    }
    if (p.isSet(QStringLiteral("daemon")))
        return runDaemon(*db, **gate, *policy);
    if (summary->failed > 0)
        return failure(makeError(ErrorCode::Api,
                                 Tr::tr("%n query(s) got no usable answer from WeChat Pay; they "
                                        "stay queued and are tried again later.",
                                        nullptr, summary->failed)));
    return Success;
}

const CommandRegistration requeryRegistration{
    QStringLiteral("requery"),
    QT_TRANSLATE_NOOP("wxrecon_cli", "Query stuck orders at WeChat Pay and fix the ledger"), 50,
    &runRequery};

} // namespace

} // namespace wxr::cli
