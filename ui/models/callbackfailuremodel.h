// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/callbackevent.h"

#include <QAbstractTableModel>

namespace wxr::ui {

/// Recent failed callback deliveries (answered 4xx/5xx), newest first: when, why, the HTTP
/// status answered, the order, where the record came from (wxrecon's receiver or an imported
/// log, which may not carry a serial or message), the serial presented and the message. Raw
/// values in Qt::EditRole (Unix ms, cause and source names, status codes).
class CallbackFailureModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallbackFailureModel)

public:
    enum Column {
        ReceivedColumn,
        CauseColumn,
        StatusColumn,
        OrderColumn,
        SourceColumn,
        SerialColumn,
        MessageColumn,
        ColumnCount
    };

    explicit CallbackFailureModel(QObject *parent = nullptr);
    ~CallbackFailureModel() override;

    void setFailures(const QList<core::CallbackEvent> &failures);
    const core::CallbackEvent &failure(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<core::CallbackEvent> m_rows;
};

} // namespace wxr::ui
