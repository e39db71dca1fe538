// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ledger/discrepancy.h"
#include "notify/callbackstore.h"
#include "reconjobs.h"

#include <QDate>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QToolButton;

namespace wxr::ui {

class AppContext;
class CopyableTableView;
class DayCalendar;
class DiscrepancyDetail;
class DiscrepancyModel;
class DiscrepancyStyleProxy;
class SummaryCards;

/// The daily reconciliation view (对账): a calendar coloured by day status, the day's totals
/// (ledger vs bill), the discrepancy table (lazy, filterable by kind and state, searchable,
/// sortable), the detail pane with both sides and the order's timeline, and the actions:
/// acknowledge / resolve / ignore / reopen with a note (one or many rows), re-query an order,
/// export the day's report, and "Fetch bill & reconcile" as a job with progress and cancel.
///
/// Opens on the latest reconciled day, or yesterday (CST) when nothing is reconciled yet.
/// Reloads whenever the ledger changes (AppContext::ledgerChanged).
class ReconcileView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReconcileView)

public:
    /// The state filter's choices.
    enum class StateFilter { All, Unsettled, Open, Acknowledged, Resolved, Ignored };

    explicit ReconcileView(AppContext &context, QWidget *parent = nullptr);
    ~ReconcileView() override;

    void showDate(QDate billDate);
    QDate currentDate() const { return m_date; }
    /// Reloads statuses, totals and rows from the ledger, keeping the selection.
    void reload();

    void setKindFilter(std::optional<core::DiscrepancyKind> kind);
    void setStateFilter(StateFilter filter);
    void setSearch(const QString &text);

    /// Ledger ids of the selected rows, in view order.
    QList<qint64> selectedIds() const;
    /// Selects the rows of these ids (those loaded).
    void selectIds(const QList<qint64> &ids);
    /// Sets the state (and note; null keeps notes) of discrepancies; true on success, else the
    /// error is shown.
    bool applyState(const QList<qint64> &ids, core::DiscrepancyState state, const QString &note);

    /// Jobs (progress and cancel in the progress presenter; outcome in the notice bar).
    void fetchAndReconcile();
    void reconcileAgain();
    void exportReport(const QString &path, jobs::ReportFormat format);
    void requeryOrder(const QString &outTradeNo);

    /// The export menu's label of a format.
    static QString formatLabel(jobs::ReportFormat format);

    DayCalendar *calendar() const { return m_calendar; }
    SummaryCards *summary() const { return m_summary; }
    DiscrepancyModel *model() const { return m_model; }
    CopyableTableView *table() const { return m_table; }
    DiscrepancyDetail *detail() const { return m_detail; }

    /// Lists the date's callback anomalies (a dialog).
    void showAnomalies();
    const QList<core::CallbackAnomaly> &anomalies() const { return m_anomalies; }

signals:
    /// A job of this view finished and changed the ledger.
    void jobFinished();
    /// The person asked for an order's history (from the callback anomalies).
    void orderLookupRequested(const QString &outTradeNo);

private:
    void applyFilter();
    void updateDetail();
    void refreshDay();
    void sizeColumnsOnce();
    /// Fetching needs a merchant, no fetch running, and a day whose bill can exist (before
    /// today, China Standard Time); the tooltip says which is missing.
    void updateFetchButton();
    void chooseExportFile(jobs::ReportFormat format);
    core::ReconOptions reconOptions() const;

    AppContext &m_ctx;
    QDate m_date;
    QList<core::CallbackAnomaly> m_anomalies; ///< of m_date
    bool m_columnsSized = false;
    bool m_fetching = false; ///< a fetch of this view is running
    DayCalendar *m_calendar = nullptr;
    SummaryCards *m_summary = nullptr;
    QLabel *m_dateLabel = nullptr;
    QPushButton *m_fetch = nullptr;
    QPushButton *m_reconcile = nullptr;
    QToolButton *m_export = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_state = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDelay = nullptr; ///< applies the search once typing pauses
    QLabel *m_count = nullptr;
    DiscrepancyModel *m_model = nullptr;
    DiscrepancyStyleProxy *m_proxy = nullptr;
    CopyableTableView *m_table = nullptr;
    DiscrepancyDetail *m_detail = nullptr;
};

} // namespace wxr::ui
