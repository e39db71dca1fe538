// SPDX-License-Identifier: GPL-3.0-or-later
#include "dailyfetch.h"

#include "appcontext.h"
#include "common/settings.h"
#include "jobrunner.h"
#include "ledger/discrepancyrepository.h"
#include "merchantservices.h"
#include "noticebar.h"
#include "reconjobs.h"
#include "wechatpay/apiclient.h"

#include <QFutureWatcher>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <utility>

namespace wxr::ui {

DailyFetch::DailyFetch(AppContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &DailyFetch::run);
    // A new fetch time: plan again (a retry in progress keeps its turn). Another merchant:
    // its ledger may miss other days; a retry of the last one's day is dropped.
    connect(&m_ctx, &AppContext::settingsChanged, this, [this] {
        if (!m_retryDate.isValid())
            start();
    });
    connect(&m_ctx, &AppContext::activeProfileChanged, this, [this] {
        if (!m_plannedLedger.isEmpty() && m_ctx.ledgerPath() != m_plannedLedger)
            start();
    });
}

DailyFetch::~DailyFetch() = default;

qint64 DailyFetch::msUntil(QTime fetchTime, cst::Instant now)
{
    const QDate today = cst::billDateOf(now);
    cst::Instant at = cst::dayBounds(today).first + fetchTime.msecsSinceStartOfDay() / 1000;
    if (at <= now)
        at += cst::kDaySeconds;
    return qMax<qint64>(1000, (at - now) * 1000);
}

void DailyFetch::schedule(qint64 inMs)
{
    m_nextRun = cst::now() + inMs / 1000;
    m_timer->start(std::chrono::milliseconds(inMs));
}

void DailyFetch::start()
{
    m_retryDate = {};
    m_retries = 0;
    m_queue.clear();
    m_plannedLedger = m_ctx.ledgerPath();
    schedule(msUntil(m_ctx.settings().billFetchTime(), cst::now()));
    catchUp();
}

void DailyFetch::catchUp()
{
    // Started after today's fetch time: fetch the days since the last fetched one.
    const cst::Instant now = cst::now();
    const QDate today = cst::billDateOf(now);
    const cst::Instant fetchAt = cst::dayBounds(today).first
                                 + m_ctx.settings().billFetchTime().msecsSinceStartOfDay() / 1000;
    if (now < fetchAt || !m_ctx.settings().activeProfile())
        return;
    auto ledger = m_ctx.ledger();
    if (!ledger.ok())
        return;
    const QDate yesterday = today.addDays(-1);
    const auto statuses = core::DiscrepancyRepository(**ledger).dayStatuses(
        yesterday.addDays(-kCatchUpDays), yesterday);
    if (!statuses.ok())
        return;
    QList<QDate> missed; // newest first, back to the last fetched day
    for (QDate d = yesterday; statuses->contains(d); d = d.addDays(-1)) {
        if (statuses->value(d) != core::DayStatus::NotFetched)
            break;
        missed.append(d);
    }
    if (missed.size() > kCatchUpDays) // nothing fetched in the window: a new ledger
        missed = {yesterday};
    if (m_runningLedger == m_ctx.ledgerPath())
        missed.removeAll(m_runningDate);
    std::reverse(missed.begin(), missed.end());
    m_queue = missed;
    if (!m_queue.isEmpty())
        QTimer::singleShot(0, this, &DailyFetch::run);
}

void DailyFetch::run()
{
    if (m_running || !m_ctx.settings().activeProfile()) {
        schedule(msUntil(m_ctx.settings().billFetchTime(), cst::now()));
        return;
    }
    QDate date = m_retryDate;
    if (!date.isValid())
        date = m_queue.isEmpty() ? cst::billDateOf(cst::now()).addDays(-1) : m_queue.takeFirst();
    m_running = true;
    m_runningDate = date;
    const QString ledgerPath = m_ctx.ledgerPath();
    m_runningLedger = ledgerPath;
    core::ReconOptions options;
    options.crossDayWindowSeconds = m_ctx.settings().crossMidnightWindowSeconds();
    options.actor = QStringLiteral("wxrecon (daily fetch)");
    auto finish = [this, date](bool ok) {
        m_running = false;
        m_runningDate = {};
        const bool sameLedger = std::exchange(m_runningLedger, {}) == m_ctx.ledgerPath();
        emit fetched(date, ok);
        if (!ok && m_retries < kMaxRetries && sameLedger) {
            ++m_retries;
            m_retryDate = date;
            schedule(m_retryMs);
            return;
        }
        m_retryDate = {};
        m_retries = 0;
        // The next missed day right away, else the next daily fetch.
        schedule(m_queue.isEmpty() ? msUntil(m_ctx.settings().billFetchTime(), cst::now()) : 0);
    };
    m_ctx.merchant()->acquire(
        this, [this, date, ledgerPath, options, finish](Result<MerchantConnectionPtr> connection) {
            if (!connection.ok()) {
                m_ctx.notice(NoticeBar::Level::Error, connection.error().message,
                             connection.error().detail);
                return finish(false);
            }
            MerchantConnectionPtr conn = *connection;
            auto ok = std::make_shared<bool>(false);
            const QFuture<void> job = m_ctx.jobs()->runTask<jobs::FetchedDay>(
                tr("Daily bill fetch: %1").arg(date.toString(Qt::ISODate)),
                [conn, ledgerPath, date, options, ok](QPromise<void> &promise) {
                    auto r = jobs::fetchAndReconcile(conn->client.get(), ledgerPath, date, options,
                                                     promise);
                    *ok = r.ok(); // read after the future finished, which orders it
                    return r;
                },
                this,
                [this, date, ledgerPath](const jobs::FetchedDay &day) {
                    m_ctx.notice(NoticeBar::Level::Success,
                                 tr("Daily fetch: %1 reconciled, %Ln discrepancies.", nullptr,
                                    int(day.run.discrepancyCount))
                                         .arg(date.toString(Qt::ISODate))
                                     + jobs::emptyBillNote(day) + m_ctx.elsewhereNote(ledgerPath));
                    m_ctx.notifyLedgerChanged();
                });
            auto *watcher = new QFutureWatcher<void>(this);
            connect(watcher, &QFutureWatcherBase::finished, this, [watcher, ok, finish] {
                watcher->deleteLater();
                finish(*ok);
            });
            watcher->setFuture(job);
        });
}

} // namespace wxr::ui
