// SPDX-License-Identifier: GPL-3.0-or-later
#include "reconcileview.h"

#include "appcontext.h"
#include "callbackanomaliesdialog.h"
#include "common/cstime.h"
#include "common/settings.h"
#include "copyabletableview.h"
#include "daycalendar.h"
#include "discrepancydetail.h"
#include "jobrunner.h"
#include "layoutstate.h"
#include "ledger/billrepository.h"
#include "ledger/discrepancyrepository.h"
#include "ledger/ledger.h"
#include "ledger/reconrepository.h"
#include "merchantservices.h"
#include "models/discrepancymodel.h"
#include "models/discrepancystyleproxy.h"
#include "noticebar.h"
#include "reloadwhenshown.h"
#include "summarycards.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace wxr::ui {

using core::DiscrepancyKind;
using core::DiscrepancyState;

ReconcileView::ReconcileView(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context)
{
    setObjectName(QStringLiteral("reconcileView"));

    // Left column: the calendar and its legend.
    m_calendar = new DayCalendar(this);
    auto *legend = new QLabel(this);
    legend->setObjectName(QStringLiteral("calendarLegend"));
    legend->setTextFormat(Qt::RichText);
    QStringList legendItems;
    for (core::DayStatus s : {core::DayStatus::Open, core::DayStatus::AllResolved,
                              core::DayStatus::Clean, core::DayStatus::NotReconciled}) {
        legendItems.append(
            QStringLiteral("<span style=\"background:%1\">&nbsp;&nbsp;&nbsp;&nbsp;</span> %2")
                .arg(DayCalendar::colorOf(s).name(), DayCalendar::labelOf(s).toHtmlEscaped()));
    }
    legend->setText(legendItems.join(QStringLiteral("<br>")));
    auto *left = new QVBoxLayout;
    left->addWidget(m_calendar);
    left->addWidget(legend);
    left->addStretch(1);

    // Header: the date and the day's actions.
    m_dateLabel = new QLabel(this);
    m_dateLabel->setObjectName(QStringLiteral("reconDate"));
    QFont big = m_dateLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_dateLabel->setFont(big);
    m_fetch = new QPushButton(tr("Fetch bill && reconcile"), this);
    m_fetch->setObjectName(QStringLiteral("fetchAndReconcile"));
    m_reconcile = new QPushButton(tr("Reconcile again"), this);
    m_reconcile->setObjectName(QStringLiteral("reconcileAgain"));
    m_reconcile->setToolTip(tr("Run the reconciliation again on the bill already imported; "
                               "states and notes are kept"));
    m_export = new QToolButton(this);
    m_export->setObjectName(QStringLiteral("exportReport"));
    m_export->setText(tr("Export…"));
    m_export->setToolTip(tr("Save the day's discrepancy report"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_export);
    for (jobs::ReportFormat format : m_ctx.reportFormats())
        exportMenu->addAction(formatLabel(format), this,
                              [this, format] { chooseExportFile(format); });
    m_export->setMenu(exportMenu);
    auto *header = new QHBoxLayout;
    header->addWidget(m_dateLabel, 1);
    header->addWidget(m_fetch);
    header->addWidget(m_reconcile);
    header->addWidget(m_export);

    m_summary = new SummaryCards(this);

    // Filters.
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindFilter"));
    m_kind->addItem(tr("All kinds"), -1);
    for (DiscrepancyKind k : core::allDiscrepancyKinds())
        m_kind->addItem(core::discrepancyKindLabel(k), int(k));
    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_state->addItem(tr("All states"), int(StateFilter::All));
    m_state->addItem(tr("Not settled"), int(StateFilter::Unsettled));
    m_state->addItem(core::discrepancyStateLabel(DiscrepancyState::Open), int(StateFilter::Open));
    m_state->addItem(core::discrepancyStateLabel(DiscrepancyState::Acknowledged),
                     int(StateFilter::Acknowledged));
    m_state->addItem(core::discrepancyStateLabel(DiscrepancyState::Resolved),
                     int(StateFilter::Resolved));
    m_state->addItem(core::discrepancyStateLabel(DiscrepancyState::Ignored),
                     int(StateFilter::Ignored));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search order, transaction, refund no. or note"));
    m_search->setClearButtonEnabled(true);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("discrepancyCount"));
    auto *filters = new QHBoxLayout;
    auto *kindLabel = new QLabel(tr("&Kind:"), this);
    kindLabel->setBuddy(m_kind);
    auto *stateLabel = new QLabel(tr("&State:"), this);
    stateLabel->setBuddy(m_state);
    filters->addWidget(kindLabel);
    filters->addWidget(m_kind);
    filters->addWidget(stateLabel);
    filters->addWidget(m_state);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_count);

    // The table and the detail pane.
    m_model = new DiscrepancyModel(this);
    m_proxy = new DiscrepancyStyleProxy(this);
    m_proxy->setSourceModel(m_model);
    m_table = new CopyableTableView(this);
    m_table->setObjectName(QStringLiteral("discrepancyTable"));
    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Discrepancies"));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    // The widths of the last session; without them the columns are sized to the first rows.
    m_columnsSized = keepHeaderState(m_table->horizontalHeader(), m_ctx.settings(),
                                     QStringLiteral("discrepancies"));
    m_table->setSortingEnabled(true);
    m_table->setColumnHidden(DiscrepancyModel::BillDateColumn, true);
    m_detail = new DiscrepancyDetail(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    m_detail->setMinimumWidth(fontMetrics().averageCharWidth() * 42);
    keepSplitterState(splitter, m_ctx.settings(), QStringLiteral("reconcile"));

    auto *right = new QVBoxLayout;
    right->addLayout(header);
    right->addWidget(m_summary);
    right->addLayout(filters);
    right->addWidget(splitter, 1);

    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left);
    layout->addLayout(right, 1);

    setTabOrder(m_calendar, m_fetch);
    setTabOrder(m_fetch, m_reconcile);
    setTabOrder(m_reconcile, m_export);
    setTabOrder(m_export, m_kind);
    setTabOrder(m_kind, m_state);
    setTabOrder(m_state, m_search);
    setTabOrder(m_search, m_table);
    setTabOrder(m_table, m_detail);

    connect(m_calendar, &QCalendarWidget::selectionChanged, this,
            [this] { showDate(m_calendar->selectedDate()); });
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ReconcileView::applyFilter);
    connect(m_state, &QComboBox::currentIndexChanged, this, &ReconcileView::applyFilter);
    // Search as one types, but only once typing pauses.
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &ReconcileView::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ReconcileView::updateDetail);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ReconcileView::updateDetail);
    connect(m_model, &DiscrepancyModel::error, this,
            [this](const Error &e) { m_ctx.notice(NoticeBar::Level::Error, e.message, e.detail); });
    connect(m_model, &DiscrepancyModel::sortRefused, this, [this](qint64 rows) {
        m_ctx.notice(NoticeBar::Level::Info,
                     tr("%Ln rows are too many to sort; they stay in report order. Narrow the "
                        "filter to sort by another column.",
                        nullptr, int(rows)));
    });
    connect(m_fetch, &QPushButton::clicked, this, &ReconcileView::fetchAndReconcile);
    connect(m_summary, &SummaryCards::anomaliesRequested, this, &ReconcileView::showAnomalies);
    connect(m_reconcile, &QPushButton::clicked, this, &ReconcileView::reconcileAgain);
    connect(m_detail, &DiscrepancyDetail::stateRequested, this,
            [this](DiscrepancyState state, const QString &note) {
                if (applyState(selectedIds(), state, note))
                    m_detail->clearNote();
            });
    connect(m_detail, &DiscrepancyDetail::requeryRequested, this, &ReconcileView::requeryOrder);
    connect(&m_ctx, &AppContext::ledgerChanged, new ReloadWhenShown(this, [this] { reload(); }),
            &ReloadWhenShown::changed);
    const auto updateRequery = [this] {
        const bool merchant = m_ctx.settings().activeProfile().has_value();
        m_detail->setRequeryAvailable(merchant, tr("Add a merchant under Settings to query "
                                                   "WeChat Pay."));
        updateFetchButton();
    };
    connect(&m_ctx, &AppContext::activeProfileChanged, this, updateRequery);
    connect(&m_ctx, &AppContext::profilesChanged, this, updateRequery);
    updateRequery();

    auto ledger = m_ctx.ledger();
    if (ledger.ok())
        m_model->setLedger(*ledger);
    else
        m_ctx.notice(NoticeBar::Level::Error, ledger.error().message, ledger.error().detail);
    showDate(m_ctx.latestReconciledDate());
    sizeColumnsOnce();
}

void ReconcileView::sizeColumnsOnce()
{
    // Once there are rows to measure; later reloads (the scheduler's changes come every second
    // while it works) keep the widths, the person's own included.
    if (m_columnsSized || m_model->rowCount() == 0)
        return;
    m_table->resizeColumnsToContents();
    m_columnsSized = true;
}

ReconcileView::~ReconcileView() = default;

core::ReconOptions ReconcileView::reconOptions() const
{
    core::ReconOptions o;
    o.crossDayWindowSeconds = m_ctx.settings().crossMidnightWindowSeconds();
    o.actor = AppContext::actor();
    return o;
}

void ReconcileView::showDate(QDate billDate)
{
    if (!billDate.isValid())
        return;
    m_date = billDate;
    if (m_calendar->selectedDate() != billDate) {
        const QSignalBlocker block(m_calendar);
        m_calendar->setSelectedDate(billDate);
    }
    m_dateLabel->setText(tr("Bill date %1").arg(billDate.toString(Qt::ISODate)));
    updateFetchButton();
    refreshDay();
    applyFilter();
}

void ReconcileView::refreshDay()
{
    auto ledger = m_ctx.ledger();
    if (!ledger.ok()) {
        m_summary->setRun(std::nullopt, 0);
        m_anomalies.clear();
        m_summary->setAnomalies({});
        return;
    }
    const core::DiscrepancyRepository discrepancies(**ledger);
    // Statuses of the visible month and its neighbours.
    const QDate first(m_date.year(), m_date.month(), 1);
    auto statuses = discrepancies.dayStatuses(first.addMonths(-1), first.addMonths(2).addDays(-1));
    if (statuses.ok())
        m_calendar->setStatuses(*statuses);
    auto run = core::ReconRepository(**ledger).latestRun(m_date);
    core::DiscrepancyFilter open;
    open.from = m_date;
    open.to = m_date;
    open.states = {DiscrepancyState::Open, DiscrepancyState::Acknowledged};
    const qint64 openCount = discrepancies.count(open).valueOr(0);
    const auto bills = core::BillRepository(**ledger).billsOf(m_date);
    const bool noBill = bills.ok() && !bills->isEmpty() && bills->first().noStatement();
    m_summary->setRun(run.ok() ? *run : std::nullopt, openCount, noBill);
    auto anomalies = core::CallbackStore(**ledger).anomaliesOn(m_date);
    if (!anomalies.ok())
        m_ctx.notice(NoticeBar::Level::Error, anomalies.error().message, anomalies.error().detail);
    m_anomalies = anomalies.ok() ? *anomalies : QList<core::CallbackAnomaly>();
    m_summary->setAnomalies(m_anomalies);
    m_reconcile->setEnabled(m_calendar->status(m_date) != core::DayStatus::NotFetched);
}

void ReconcileView::showAnomalies()
{
    auto *dialog = new CallbackAnomaliesDialog(m_date, m_anomalies, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CallbackAnomaliesDialog::orderRequested, this,
            &ReconcileView::orderLookupRequested);
    dialog->open();
}

void ReconcileView::applyFilter()
{
    // This takes the search text as it is now, so a delayed search still pending would only
    // apply the same filter again a moment later — resetting the rows, the scroll position and
    // the selection the user may have made in between.
    m_searchDelay->stop();
    core::DiscrepancyFilter f;
    f.from = m_date;
    f.to = m_date;
    const int kind = m_kind->currentData().toInt();
    if (kind > 0)
        f.kinds = {DiscrepancyKind(kind)};
    switch (StateFilter(m_state->currentData().toInt())) {
    case StateFilter::All:
        break;
    case StateFilter::Unsettled:
        f.states = {DiscrepancyState::Open, DiscrepancyState::Acknowledged};
        break;
    case StateFilter::Open:
        f.states = {DiscrepancyState::Open};
        break;
    case StateFilter::Acknowledged:
        f.states = {DiscrepancyState::Acknowledged};
        break;
    case StateFilter::Resolved:
        f.states = {DiscrepancyState::Resolved};
        break;
    case StateFilter::Ignored:
        f.states = {DiscrepancyState::Ignored};
        break;
    }
    f.search = m_search->text().trimmed();
    m_model->setFilter(f);
    m_count->setText(tr("%Ln discrepancies", nullptr, int(m_model->totalCount())));
}

void ReconcileView::setKindFilter(std::optional<DiscrepancyKind> kind)
{
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(kind ? int(*kind) : -1)));
}

void ReconcileView::setStateFilter(StateFilter filter)
{
    m_state->setCurrentIndex(qMax(0, m_state->findData(int(filter))));
}

void ReconcileView::setSearch(const QString &text)
{
    m_search->setText(text);
    applyFilter(); // at once, not after the typing pause
}

QList<qint64> ReconcileView::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
        ids.append(row.data(DiscrepancyModel::IdRole).toLongLong());
    return ids;
}

void ReconcileView::selectIds(const QList<qint64> &ids)
{
    QItemSelection selection;
    for (qint64 id : ids) {
        const int row = m_model->rowOfId(id);
        if (row >= 0)
            selection.select(m_proxy->index(row, 0),
                             m_proxy->index(row, DiscrepancyModel::ColumnCount - 1));
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!selection.isEmpty())
        m_table->selectionModel()->setCurrentIndex(selection.first().topLeft(),
                                                   QItemSelectionModel::NoUpdate);
}

void ReconcileView::updateDetail()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid() || !m_table->selectionModel()->isRowSelected(current.row(), {}))
        current = rows.isEmpty() ? QModelIndex() : rows.first();
    if (!current.isValid() || current.row() >= m_model->rowCount()) {
        m_detail->showDiscrepancy(std::nullopt, {}, int(rows.size()));
        return;
    }
    const core::Discrepancy d = m_model->discrepancy(current.row());
    QList<core::TimelineEntry> timeline;
    if (auto ledger = m_ctx.ledger(); ledger.ok() && !d.outTradeNo.isEmpty()) {
        auto t = core::DiscrepancyRepository(**ledger).timeline(d.outTradeNo);
        if (t.ok())
            timeline = *t;
    }
    m_detail->showDiscrepancy(d, timeline, int(rows.size()));
}

void ReconcileView::reload()
{
    const QList<qint64> selected = selectedIds();
    auto ledger = m_ctx.ledger();
    if (ledger.ok() && *ledger != nullptr)
        m_model->setLedger(*ledger); // also picks up a replaced ledger file
    refreshDay();
    m_model->reload();
    m_count->setText(tr("%Ln discrepancies", nullptr, int(m_model->totalCount())));
    selectIds(selected);
    updateDetail();
    sizeColumnsOnce();
}

bool ReconcileView::applyState(const QList<qint64> &ids, DiscrepancyState state,
                               const QString &note)
{
    if (ids.isEmpty())
        return false;
    auto ledger = m_ctx.ledger();
    if (!ledger.ok()) {
        m_ctx.notice(NoticeBar::Level::Error, ledger.error().message, ledger.error().detail);
        return false;
    }
    auto changed
        = core::DiscrepancyRepository(**ledger).setState(ids, state, note, AppContext::actor());
    if (!changed.ok()) {
        m_ctx.notice(NoticeBar::Level::Error, changed.error().message, changed.error().detail);
        return false;
    }
    QString sentence;
    switch (state) {
    case DiscrepancyState::Open:
        sentence = tr("%Ln discrepancies reopened.", nullptr, *changed);
        break;
    case DiscrepancyState::Acknowledged:
        sentence = tr("%Ln discrepancies acknowledged.", nullptr, *changed);
        break;
    case DiscrepancyState::Resolved:
        sentence = tr("%Ln discrepancies resolved.", nullptr, *changed);
        break;
    case DiscrepancyState::Ignored:
        sentence = tr("%Ln discrepancies ignored.", nullptr, *changed);
        break;
    }
    m_ctx.notifyLedgerChanged();
    m_ctx.notice(NoticeBar::Level::Success, sentence);
    return true;
}

void ReconcileView::fetchAndReconcile()
{
    const QDate date = m_date;
    const QString ledgerPath = m_ctx.ledgerPath();
    const core::ReconOptions options = reconOptions();
    m_fetching = true;
    updateFetchButton();
    m_ctx.merchant()->acquire(this, [this, date, ledgerPath,
                                     options](Result<MerchantConnectionPtr> connection) {
        if (!connection.ok()) {
            m_fetching = false;
            updateFetchButton();
            m_ctx.notice(NoticeBar::Level::Error, connection.error().message,
                         connection.error().detail);
            return;
        }
        MerchantConnectionPtr conn = *connection;
        const QFuture<void> job = m_ctx.jobs()->runTask<jobs::FetchedDay>(
            tr("Fetching and reconciling %1").arg(date.toString(Qt::ISODate)),
            [conn, ledgerPath, date, options](QPromise<void> &promise) {
                return jobs::fetchAndReconcile(conn->client.get(), ledgerPath, date, options,
                                               promise);
            },
            this,
            [this, date, ledgerPath](const jobs::FetchedDay &day) {
                const core::ReconRun &run = day.run;
                m_ctx.notice(NoticeBar::Level::Success,
                             tr("%1 reconciled: %Ln discrepancies, %2 new, %3 resolved by the run.",
                                nullptr, int(run.discrepancyCount))
                                     .arg(date.toString(Qt::ISODate))
                                     .arg(run.newCount)
                                     .arg(run.resolvedCount)
                                 + jobs::emptyBillNote(day) + m_ctx.elsewhereNote(ledgerPath));
                m_ctx.notifyLedgerChanged();
                emit jobFinished();
            });
        // The button comes back when the job is over, whatever its outcome.
        auto *watcher = new QFutureWatcher<void>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
            m_fetching = false;
            updateFetchButton();
            watcher->deleteLater();
        });
        watcher->setFuture(job);
    });
}

void ReconcileView::updateFetchButton()
{
    const bool merchant = m_ctx.settings().activeProfile().has_value();
    const bool billCanExist = m_date < cst::billDateOf(cst::now());
    m_fetch->setEnabled(merchant && billCanExist && !m_fetching);
    if (!merchant)
        m_fetch->setToolTip(tr("Add a merchant under Settings to fetch bills."));
    else if (!billCanExist)
        m_fetch->setToolTip(tr("WeChat Pay offers a day's bill from 10:00 (China Standard Time) "
                               "the next day."));
    else
        m_fetch->setToolTip(tr("Download the day's trade bill from WeChat Pay, import it and "
                               "reconcile it against the ledger"));
}

void ReconcileView::reconcileAgain()
{
    const QDate date = m_date;
    const QString ledgerPath = m_ctx.ledgerPath();
    const core::ReconOptions options = reconOptions();
    m_ctx.jobs()->runTask<core::ReconRun>(
        tr("Reconciling %1").arg(date.toString(Qt::ISODate)),
        [ledgerPath, date, options](QPromise<void> &promise) {
            return jobs::reconcileDate(ledgerPath, date, options, promise);
        },
        this,
        [this, date, ledgerPath](const core::ReconRun &run) {
            m_ctx.notice(NoticeBar::Level::Success,
                         tr("%1 reconciled: %Ln discrepancies, %2 new, %3 resolved by the run.",
                            nullptr, int(run.discrepancyCount))
                                 .arg(date.toString(Qt::ISODate))
                                 .arg(run.newCount)
                                 .arg(run.resolvedCount)
                             + m_ctx.elsewhereNote(ledgerPath));
            m_ctx.notifyLedgerChanged();
            emit jobFinished();
        });
}

QString ReconcileView::formatLabel(jobs::ReportFormat format)
{
    switch (format) {
    case jobs::ReportFormat::Csv:
        return tr("CSV (Excel-friendly)…");
    case jobs::ReportFormat::Xlsx:
        return tr("Excel workbook (XLSX)…");
    case jobs::ReportFormat::Pdf:
        return tr("PDF summary…");
    }
    return {};
}

void ReconcileView::chooseExportFile(jobs::ReportFormat format)
{
    const QString dir = m_ctx.settings().exportDir();
    const QString suffix = jobs::reportSuffix(format);
    const QString suggested
        = QStringLiteral("%1/discrepancies_%2.%3").arg(dir, m_date.toString(Qt::ISODate), suffix);
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export the discrepancy report"), suggested,
                                       tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (!path.isEmpty())
        exportReport(path, format);
}

void ReconcileView::exportReport(const QString &path, jobs::ReportFormat format)
{
    const QString ledgerPath = m_ctx.ledgerPath();
    const core::ReportRange range{m_date, m_date};
    m_ctx.jobs()->runTask<QString>(
        tr("Exporting the report of %1").arg(m_date.toString(Qt::ISODate)),
        [ledgerPath, range, writer = m_ctx.reportWriter(format), path](QPromise<void> &promise) {
            return jobs::exportReport(ledgerPath, range, writer, path, promise);
        },
        this,
        [this](const QString &written) {
            m_ctx.settings().setExportDir(QFileInfo(written).absolutePath());
            m_ctx.noticeFileSaved(tr("Report saved to %1.").arg(written), written);
            emit jobFinished();
        });
}

void ReconcileView::requeryOrder(const QString &outTradeNo)
{
    m_ctx.merchant()->requeryOrder(outTradeNo, this, [this] { emit jobFinished(); });
}

} // namespace wxr::ui
