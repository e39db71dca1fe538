// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/callbackfailuremodel.h"

#include "common/cstime.h"

namespace wxr::ui {

CallbackFailureModel::CallbackFailureModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

CallbackFailureModel::~CallbackFailureModel() = default;

void CallbackFailureModel::setFailures(const QList<core::CallbackEvent> &failures)
{
    beginResetModel();
    m_rows = failures;
    endResetModel();
}

int CallbackFailureModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CallbackFailureModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CallbackFailureModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const core::CallbackEvent &e = m_rows[index.row()];
    if (role == Qt::EditRole) {
        switch (index.column()) {
        case ReceivedColumn:
            return QVariant::fromValue<qint64>(e.receivedAtMs);
        case CauseColumn:
            return core::failureCauseName(e.cause);
        case StatusColumn:
            return e.httpStatus;
        case OrderColumn:
            return e.outTradeNo;
        case SourceColumn:
            return core::callbackSourceName(e.source);
        case SerialColumn:
            return e.serial;
        case MessageColumn:
            return e.message;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == MessageColumn)
        return e.message;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ReceivedColumn:
        return cst::formatBillTime(e.receivedAtMs / 1000);
    case CauseColumn:
        return core::failureCauseLabel(e.cause);
    case StatusColumn:
        return e.httpStatus == 0 ? QVariant() : QVariant(e.httpStatus);
    case OrderColumn:
        return e.outTradeNo;
    case SourceColumn:
        return e.source == core::CallbackSource::Import ? tr("Imported log") : tr("Receiver");
    case SerialColumn:
        return e.serial;
    case MessageColumn:
        return e.message;
    default:
        return {};
    }
}

QVariant CallbackFailureModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ReceivedColumn:
        return tr("Received (CST)");
    case CauseColumn:
        return tr("Cause");
    case StatusColumn:
        return tr("Answer");
    case OrderColumn:
        return tr("Merchant order no.");
    case SourceColumn:
        return tr("Recorded by");
    case SerialColumn:
        return tr("Serial");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace wxr::ui
