// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitorview.h"

#include "appcontext.h"
#include "charts/delaychart.h"
#include "charts/delayhistogramchart.h"
#include "charts/failurechart.h"
#include "charts/timerangebar.h"
#include "charts/volumechart.h"
#include "common/cstime.h"
#include "copyabletableview.h"
#include "jobrunner.h"
#include "layoutstate.h"
#include "merchantservices.h"
#include "models/callbackfailuremodel.h"
#include "monitor/alertstore.h"
#include "monitor/alertwebhook.h"
#include "noticebar.h"
#include "statusmodel.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace wxr::ui {

namespace {

QWidget *titled(const QString &title, QWidget *chart, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(chart);
    return box;
}

} // namespace

MonitorView::MonitorView(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context)
{
    setObjectName(QStringLiteral("monitorView"));
    m_range = new TimeRangeBar(this);
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("monitorRefresh"));
    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("monitorTotals"));
    m_totals->setTextFormat(Qt::PlainText);
    m_receiver = new QLabel(this);
    m_receiver->setObjectName(QStringLiteral("receiverState"));
    m_receiver->setTextFormat(Qt::PlainText);
    m_receiver->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *top = new QHBoxLayout;
    top->addWidget(m_range, 1);
    top->addWidget(m_receiver);
    top->addSpacing(16);
    top->addWidget(m_totals);
    top->addWidget(m_refresh);

    m_delay = new DelayChart(this);
    m_histogram = new DelayHistogramChart(this);
    m_failures = new FailureChart(this);
    m_volume = new VolumeChart(this);
    auto *charts = new QWidget(this);
    auto *grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(titled(tr("Callback delay after payment"), m_delay, charts), 0, 0);
    grid->addWidget(titled(tr("Delay distribution"), m_histogram, charts), 0, 1);
    grid->addWidget(titled(tr("Failures by cause"), m_failures, charts), 1, 0);
    grid->addWidget(titled(tr("Callbacks"), m_volume, charts), 1, 1);

    m_failureModel = new CallbackFailureModel(this);
    m_failureTable = new CopyableTableView(this);
    m_failureTable->setObjectName(QStringLiteral("failureTable"));
    m_failureTable->setModel(m_failureModel);
    m_failureTable->setAccessibleName(tr("Recent callback failures"));
    m_failureTable->horizontalHeader()->setStretchLastSection(true);
    m_failureColumnsSized = keepHeaderState(m_failureTable->horizontalHeader(), m_ctx.settings(),
                                            QStringLiteral("callbackFailures"));
    auto *failures = titled(tr("Recent failures"), m_failureTable, this);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(charts);
    splitter->addWidget(failures);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    keepSplitterState(splitter, m_ctx.settings(), QStringLiteral("monitor"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    m_live = new QTimer(this);
    m_live->setInterval(30000);
    connect(m_live, &QTimer::timeout, this, [this] {
        if (m_range->preset() != TimeRangeBar::Preset::Custom)
            refresh();
    });
    connect(m_range, &TimeRangeBar::rangeChanged, this, &MonitorView::refresh);
    // New callbacks, imports or a new ledger file: read again shortly, also while another view
    // is on screen, since the read evaluates the alert rules (the status bar's count, the
    // webhook). Changes that come while a read is due are folded into it, and reads start at
    // least four reads' length apart, so that a stream of changes to a large ledger keeps them
    // to a fifth of a core.
    auto *changed = new QTimer(this);
    changed->setSingleShot(true);
    connect(changed, &QTimer::timeout, this, &MonitorView::refresh);
    connect(&m_ctx, &AppContext::ledgerChanged, changed, [this, changed] {
        if (changed->isActive())
            return;
        const qint64 sinceLastStart = m_loadClock.isValid() ? m_loadClock.elapsed() : 0;
        changed->start(int(std::clamp<qint64>(4 * m_lastLoadMs - sinceLastStart, 500, 120000)));
    });
    connect(m_refresh, &QPushButton::clicked, this, &MonitorView::refresh);
    // Live callbacks: read again after a short quiet spell while the view is visible (a read
    // per callback would only queue up behind each other). The spell is at least four times
    // the last read, so that a steady stream of callbacks to a large ledger (a day's metrics
    // take seconds there) keeps the reads to a fifth of a core instead of one after another.
    auto *arrived = new QTimer(this);
    arrived->setSingleShot(true);
    connect(arrived, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    connect(m_ctx.merchant(), &MerchantServices::callbackHandled, arrived, [this, arrived] {
        if (!arrived->isActive())
            arrived->start(int(std::clamp<qint64>(4 * m_lastLoadMs, 2000, 120000)));
    });
    connect(m_ctx.merchant(), &MerchantServices::receiverStateChanged, this,
            &MonitorView::showReceiverState);
    showReceiverState(m_ctx.merchant()->receiverUrl(), {});
    connect(&m_ctx, &AppContext::settingsChanged, this,
            [this] { m_delay->setThreshold(m_ctx.settings().alertThresholds().p95DelaySeconds); });
    m_delay->setThreshold(m_ctx.settings().alertThresholds().p95DelaySeconds);
    // The demo's callbacks are the generated days up to yesterday: a week shows all of them.
    m_range->selectPreset(m_ctx.demo() ? TimeRangeBar::Preset::LastWeek
                                       : TimeRangeBar::Preset::LastDay);
}

MonitorView::~MonitorView() = default;

void MonitorView::showReceiverState(const QUrl &url, const QString &problem)
{
    if (!url.isEmpty())
        m_receiver->setText(tr("Receiving at %1").arg(url.toString()));
    else if (!problem.isEmpty())
        m_receiver->setText(tr("Receiver stopped"));
    else
        m_receiver->setText(tr("Receiver off"));
    m_receiver->setToolTip(problem);
}

void MonitorView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_live->start();
}

void MonitorView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_live->stop();
}

int MonitorView::liveIntervalMs(qint64 lastLoadMs)
{
    return int(std::clamp<qint64>(4 * lastLoadMs, 30000, 600000));
}

int MonitorView::liveIntervalMs() const
{
    return m_live->interval();
}

void MonitorView::refresh()
{
    // One read at a time; a request during a read is served right after it.
    if (m_loading) {
        m_again = true;
        return;
    }
    m_loading = true;
    m_loadClock.start();
    const auto [from, until] = m_range->range();
    const QString ledgerPath = m_ctx.ledgerPath();
    const AlertThresholds thresholds = m_ctx.settings().alertThresholds();
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const QFuture<void> job = m_ctx.jobs()->runTask<MonitorSnapshot>(
        tr("Reading callback metrics"),
        [=](QPromise<void> &promise) {
            return loadMonitorSnapshot(ledgerPath, from, until, nowMs, thresholds, true, promise);
        },
        this, [this](const MonitorSnapshot &s) { display(s); });
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_loading = false;
        m_lastLoadMs = m_loadClock.elapsed();
        // A running timer restarts: the next live read counts from the end of this one.
        m_live->setInterval(liveIntervalMs(m_lastLoadMs));
        if (m_again) {
            m_again = false;
            refresh();
        }
    });
    watcher->setFuture(job);
}

void MonitorView::display(const MonitorSnapshot &s)
{
    m_snapshot = s;
    m_delay->setData(s.delay);
    m_histogram->setData(s.histogram);
    m_failures->setData(s.failures);
    m_volume->setData(s.volume);
    for (ChartWidget *c :
         {static_cast<ChartWidget *>(m_delay), static_cast<ChartWidget *>(m_failures),
          static_cast<ChartWidget *>(m_volume)}) {
        c->setAlertPeriods(s.alerts);
        c->setTimeRange(s.from, s.until);
    }
    m_failureModel->setFailures(s.recentFailures);
    // Sized once, to the first failures: every read (each 30 s while the view is open) would
    // undo the person's own widths.
    if (!m_failureColumnsSized && m_failureModel->rowCount() > 0) {
        m_failureTable->resizeColumnsToContents();
        m_failureColumnsSized = true;
    }
    const double rate = s.received > 0 ? 100.0 * double(s.failed) / double(s.received) : 0.0;
    m_totals->setText(tr("%Ln callbacks", nullptr, int(s.received)) + QStringLiteral(" · ")
                      + tr("%1 % failed").arg(QString::number(rate, 'f', 1)) + QStringLiteral(" · ")
                      + tr("%Ln lost", nullptr, int(s.lost)) + QStringLiteral(" · ")
                      + tr("updated %1").arg(cst::formatBillTime(cst::now()).mid(11)));
    m_ctx.status()->setOpenAlerts(s.openAlerts);
    postAlerts(s.alertChanges);
    emit refreshed();
}

void MonitorView::postAlerts(const core::AlertUpdate &changes)
{
    if (changes.raised.isEmpty() && changes.resolved.isEmpty())
        return;
    const QUrl url = m_ctx.settings().alertWebhookUrl();
    if (url.isEmpty())
        return;
    if (!m_webhook || m_webhook->property("url").toUrl() != url) {
        delete m_webhook;
        m_posting.clear();
        m_webhook = new core::AlertWebhook(url, this);
        m_webhook->setProperty("url", url);
        connect(m_webhook, &core::AlertWebhook::delivered, this, [this](const QString &text) {
            const qint64 id = m_posting.take(text);
            if (id <= 0)
                return;
            if (auto ledger = m_ctx.ledger(); ledger.ok())
                (void)core::AlertStore(**ledger).markNotified(id);
        });
        connect(m_webhook, &core::AlertWebhook::failed, this,
                [this](const QString &text, const QString &reason) {
                    m_posting.remove(text);
                    m_ctx.notice(NoticeBar::Level::Warning,
                                 tr("An alert could not be sent to the webhook: %1").arg(reason));
                });
    }
    const QString mchid = m_ctx.settings().activeProfile().value_or(MerchantProfile{}).mchid;
    for (const core::RaisedAlert &a : changes.raised) {
        const QString text = core::alertWebhookText(a, false, mchid);
        m_posting.insert(text, a.id);
        m_webhook->post(text);
    }
    for (const core::RaisedAlert &a : changes.resolved)
        m_webhook->post(core::alertWebhookText(a, true, mchid));
}

} // namespace wxr::ui
