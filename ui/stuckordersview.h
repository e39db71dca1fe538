// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace wxr::core {
struct RequeryStatus;
}

namespace wxr::ui {

class AppContext;
class CopyableTableView;
class RequeryQueueModel;

/// Stuck orders (待处理订单): the re-query queue with each order's age, attempts, last result
/// and next attempt; re-query one, the selected or all stuck orders as a job with progress,
/// cancel and the result shown inline; "scan now" for newly stuck orders; and the scheduler's
/// switch and status.
class StuckOrdersView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StuckOrdersView)

public:
    explicit StuckOrdersView(AppContext &context, QWidget *parent = nullptr);
    ~StuckOrdersView() override;

    RequeryQueueModel *model() const { return m_model; }
    CopyableTableView *table() const { return m_table; }
    /// Order and refund numbers of the selected rows.
    QStringList selectedKeys() const;

    /// Jobs: re-query these orders/refunds (or every stuck one), or scan for stuck orders.
    void requery(const QStringList &keys);
    void requeryAllStuck();
    void scanNow();
    void reload();

signals:
    void jobFinished();

private:
    void startRequery(const QStringList &orders, const QStringList &refunds, bool all);
    void showSchedulerStatus(const core::RequeryStatus &status);
    void showCount();

    AppContext &m_ctx;
    QCheckBox *m_scheduler = nullptr;
    QLabel *m_schedulerStatus = nullptr;
    QComboBox *m_states = nullptr;
    QPushButton *m_scan = nullptr;
    QPushButton *m_requerySelected = nullptr;
    QPushButton *m_requeryAll = nullptr;
    QLabel *m_count = nullptr;
    RequeryQueueModel *m_model = nullptr;
    CopyableTableView *m_table = nullptr;
    bool m_columnsSized = false;
};

} // namespace wxr::ui
