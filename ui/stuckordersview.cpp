// SPDX-License-Identifier: GPL-3.0-or-later
#include "stuckordersview.h"

#include "appcontext.h"
#include "common/settings.h"
#include "compensate/requery.h"
#include "compensate/requeryscheduler.h"
#include "compensate/stuckdetector.h"
#include "copyabletableview.h"
#include "jobrunner.h"
#include "layoutstate.h"
#include "ledger/ledger.h"
#include "merchantservices.h"
#include "models/requeryqueuemodel.h"
#include "noticebar.h"
#include "reloadwhenshown.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace wxr::ui {

StuckOrdersView::StuckOrdersView(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context)
{
    setObjectName(QStringLiteral("stuckOrdersView"));
    auto *title = new QLabel(tr("Orders and refunds waiting for WeChat Pay's answer"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    title->setFont(big);

    m_scheduler = new QCheckBox(tr("Re-query automatically (with back-off)"), this);
    m_scheduler->setObjectName(QStringLiteral("schedulerSwitch"));
    m_schedulerStatus = new QLabel(this);
    m_schedulerStatus->setObjectName(QStringLiteral("schedulerStatus"));
    m_schedulerStatus->setTextFormat(Qt::PlainText);
    m_scan = new QPushButton(tr("Scan now"), this);
    m_scan->setObjectName(QStringLiteral("scanNow"));
    m_scan->setToolTip(tr("Look for newly stuck orders and refunds by the rules in Settings"));

    m_states = new QComboBox(this);
    m_states->setObjectName(QStringLiteral("queueStates"));
    m_states->addItem(tr("Waiting or needing attention"));
    m_states->addItem(RequeryQueueModel::stateLabel(core::QueueState::Pending));
    m_states->addItem(RequeryQueueModel::stateLabel(core::QueueState::NeedsAttention));
    m_states->addItem(RequeryQueueModel::stateLabel(core::QueueState::Done));
    m_requerySelected = new QPushButton(tr("Re-query selected"), this);
    m_requerySelected->setObjectName(QStringLiteral("requerySelected"));
    m_requeryAll = new QPushButton(tr("Re-query all stuck"), this);
    m_requeryAll->setObjectName(QStringLiteral("requeryAll"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("queueCount"));

    m_model = new RequeryQueueModel(this);
    m_table = new CopyableTableView(this);
    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Stuck orders"));
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    // The widths of the last session; without them the columns are sized to the first rows.
    m_columnsSized = keepHeaderState(m_table->horizontalHeader(), m_ctx.settings(),
                                     QStringLiteral("requeryQueue"));

    auto *top = new QHBoxLayout;
    top->addWidget(title, 1);
    top->addWidget(m_scheduler);
    top->addWidget(m_scan);
    auto *actions = new QHBoxLayout;
    auto *stateLabel = new QLabel(tr("&Show:"), this);
    stateLabel->setBuddy(m_states);
    actions->addWidget(stateLabel);
    actions->addWidget(m_states);
    actions->addWidget(m_count, 1);
    actions->addWidget(m_requerySelected);
    actions->addWidget(m_requeryAll);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_schedulerStatus);
    layout->addLayout(actions);
    layout->addWidget(m_table, 1);

    connect(m_states, &QComboBox::currentIndexChanged, this, [this](int index) {
        switch (index) {
        case 1:
            m_model->setStates({core::QueueState::Pending});
            break;
        case 2:
            m_model->setStates({core::QueueState::NeedsAttention});
            break;
        case 3:
            m_model->setStates({core::QueueState::Done});
            break;
        default:
            m_model->setStates({core::QueueState::Pending, core::QueueState::NeedsAttention});
            break;
        }
        showCount();
    });
    connect(m_scheduler, &QCheckBox::toggled, m_ctx.merchant(),
            &MerchantServices::setSchedulerEnabled);
    connect(m_ctx.merchant(), &MerchantServices::schedulerStatusChanged, this,
            &StuckOrdersView::showSchedulerStatus);
    connect(m_scan, &QPushButton::clicked, this, &StuckOrdersView::scanNow);
    connect(m_requerySelected, &QPushButton::clicked, this, [this] { requery(selectedKeys()); });
    connect(m_requeryAll, &QPushButton::clicked, this, &StuckOrdersView::requeryAllStuck);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_requerySelected->setEnabled(!selectedKeys().isEmpty()); });
    connect(m_model, &RequeryQueueModel::error, this,
            [this](const Error &e) { m_ctx.notice(NoticeBar::Level::Error, e.message, e.detail); });
    connect(&m_ctx, &AppContext::ledgerChanged, new ReloadWhenShown(this, [this] { reload(); }),
            &ReloadWhenShown::changed);
    connect(&m_ctx, &AppContext::settingsChanged, this, [this] {
        const QSignalBlocker block(m_scheduler);
        m_scheduler->setChecked(m_ctx.settings().schedulerEnabled());
    });

    {
        const QSignalBlocker block(m_scheduler);
        m_scheduler->setChecked(m_ctx.settings().schedulerEnabled());
    }
    m_schedulerStatus->setText(m_ctx.settings().schedulerEnabled()
                                   ? tr("The scheduler is starting…")
                                   : tr("The scheduler is off; re-query by hand or switch it on."));
    m_requerySelected->setEnabled(false);
    reload();
}

StuckOrdersView::~StuckOrdersView() = default;

void StuckOrdersView::showCount()
{
    const qint64 total = m_model->totalCount();
    const int shown = m_model->rowCount();
    // The model reads at most its limit of each state; a queue longer than that (a day's
    // unpaid orders of a large merchant) is said, not hidden.
    m_count->setText(total > shown ? tr("%Ln item(s), the first %1 shown", nullptr, int(total))
                                         .arg(QLocale().toString(shown))
                                   : tr("%Ln item(s)", nullptr, shown));
}

void StuckOrdersView::reload()
{
    auto ledger = m_ctx.ledger();
    m_model->setLedger(ledger.ok() ? *ledger : nullptr);
    showCount();
    // Sized once, from the first rows: sizing measures every row (about 0.1 s for two thousand
    // items, paid on every change the scheduler makes) and would undo the person's own widths.
    if (!m_columnsSized && m_model->rowCount() > 0) {
        m_table->resizeColumnsToContents();
        m_columnsSized = true;
    }
}

QStringList StuckOrdersView::selectedKeys() const
{
    QStringList keys;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
        keys.append(m_model->item(row.row()).key);
    return keys;
}

void StuckOrdersView::showSchedulerStatus(const core::RequeryStatus &status)
{
    if (!status.enabled) {
        m_schedulerStatus->setText(tr("The scheduler is off; re-query by hand or switch it on."));
        return;
    }
    QString text = tr("Scheduler on: %Ln waiting", nullptr, int(status.pending))
                   + QStringLiteral(", ") + tr("%Ln due now", nullptr, int(status.due))
                   + QStringLiteral(", ") + tr("%Ln in flight", nullptr, int(status.inFlight))
                   + QStringLiteral(", ")
                   + tr("%Ln need attention", nullptr, int(status.needsAttention));
    if (status.nextRunMs) {
        const qint64 in = *status.nextRunMs - QDateTime::currentMSecsSinceEpoch();
        text
            += QStringLiteral("; ") + tr("next run in %1").arg(RequeryQueueModel::durationText(in));
    }
    if (!status.lastError.isEmpty())
        text += QStringLiteral("; ") + tr("last error: %1").arg(status.lastError);
    m_schedulerStatus->setText(text);
}

void StuckOrdersView::requery(const QStringList &keys)
{
    QStringList orders;
    QStringList refunds;
    for (const QString &key : keys) {
        const int row = m_model->rowOfKey(key);
        if (row >= 0 && m_model->item(row).kind == core::RequeryKind::Refund)
            refunds.append(key);
        else
            orders.append(key);
    }
    if (orders.isEmpty() && refunds.isEmpty())
        return;
    startRequery(orders, refunds, false);
}

void StuckOrdersView::requeryAllStuck()
{
    startRequery({}, {}, true);
}

void StuckOrdersView::startRequery(const QStringList &orders, const QStringList &refunds, bool all)
{
    const QString ledgerPath = m_ctx.ledgerPath();
    const core::RequeryPolicy policy
        = core::RequeryPolicy::fromRules(m_ctx.settings().requeryRules());
    const int count = int(orders.size() + refunds.size());
    const QString title = all ? tr("Re-querying every stuck order")
                              : tr("Re-querying %Ln order(s)", nullptr, count);
    m_ctx.merchant()->acquire(this, [=, this](Result<MerchantConnectionPtr> connection) {
        if (!connection.ok()) {
            m_ctx.notice(NoticeBar::Level::Error, connection.error().message,
                         connection.error().detail);
            return;
        }
        MerchantConnectionPtr conn = *connection;
        m_ctx.jobs()->runStreaming<core::RequerySummary, core::ApplyReport>(
            title,
            [conn, ledgerPath, policy, orders, refunds,
             all](QPromise<core::ApplyReport> &promise) -> Result<core::RequerySummary> {
                auto ledger = core::Ledger::open(ledgerPath, AppContext::ledgerOptions());
                if (!ledger.ok())
                    return ledger.error();
                core::RequeryRequest request;
                request.outTradeNos = orders;
                request.outRefundNos = refunds;
                request.allStuck = all;
                request.trigger = core::RequeryTrigger::person(
                    AppContext::actor().mid(QStringLiteral("user ").size()));
                return core::requery(**ledger, *conn->gate, policy, request, promise);
            },
            this, [this](const core::ApplyReport &report) { m_model->setInlineResult(report); },
            [this, ledgerPath](const core::RequerySummary &s) {
                m_ctx.notice(NoticeBar::Level::Success,
                             tr("%Ln queried: %1 changed, %2 unchanged, %3 failed, %4 "
                                "discrepancies resolved.",
                                nullptr, s.queried)
                                     .arg(s.changed)
                                     .arg(s.unchanged)
                                     .arg(s.failed)
                                     .arg(s.resolved)
                                 + m_ctx.elsewhereNote(ledgerPath));
                m_ctx.notifyLedgerChanged();
                emit jobFinished();
            });
    });
}

void StuckOrdersView::scanNow()
{
    if (m_ctx.merchant()->schedulerEnabled()) {
        m_ctx.merchant()->scanNow();
        return;
    }
    const QString ledgerPath = m_ctx.ledgerPath();
    const core::RequeryPolicy policy
        = core::RequeryPolicy::fromRules(m_ctx.settings().requeryRules());
    m_ctx.jobs()->runTask<core::ScanStats>(
        tr("Looking for stuck orders"),
        [ledgerPath, policy](QPromise<void> &) -> Result<core::ScanStats> {
            auto ledger = core::Ledger::open(ledgerPath, AppContext::ledgerOptions());
            if (!ledger.ok())
                return ledger.error();
            return core::StuckDetector(**ledger, policy).scan(QDateTime::currentMSecsSinceEpoch());
        },
        this,
        [this, ledgerPath](const core::ScanStats &stats) {
            m_ctx.notice(NoticeBar::Level::Success,
                         tr("%Ln stuck order(s) or refund(s) added to the queue.", nullptr,
                            int(stats.queued))
                             + m_ctx.elsewhereNote(ledgerPath));
            m_ctx.notifyLedgerChanged();
            emit jobFinished();
        });
}

} // namespace wxr::ui
