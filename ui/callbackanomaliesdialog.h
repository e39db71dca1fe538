// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/callbackstore.h"

#include <QDialog>

class QStandardItemModel;

namespace wxr::ui {

class CopyableTableView;

/// The callback anomalies of one bill date: when, what kind, the order (and refund) and both
/// amounts. Double-clicking a row, or 打开订单, asks for that order's history (orderRequested)
/// and closes the dialog.
class CallbackAnomaliesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallbackAnomaliesDialog)

public:
    enum Column {
        TimeColumn,
        KindColumn,
        OrderColumn,
        RefundColumn,
        LedgerAmountColumn,
        CallbackAmountColumn,
        ColumnCount
    };

    CallbackAnomaliesDialog(QDate billDate, const QList<core::CallbackAnomaly> &anomalies,
                            QWidget *parent = nullptr);
    ~CallbackAnomaliesDialog() override;

    CopyableTableView *table() const { return m_table; }
    /// Asks for the order of `row` (as a double click does).
    void openRow(int row);

signals:
    void orderRequested(const QString &outTradeNo);

private:
    QList<core::CallbackAnomaly> m_anomalies;
    QStandardItemModel *m_model = nullptr;
    CopyableTableView *m_table = nullptr;
};

} // namespace wxr::ui
