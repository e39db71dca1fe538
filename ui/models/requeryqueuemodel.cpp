// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/requeryqueuemodel.h"

#include "common/cstime.h"
#include "compensate/answerapplier.h"
#include "compensate/requeryqueue.h"
#include "ledger/orderrepository.h"

#include <QDateTime>

#include <algorithm>

namespace wxr::ui {

RequeryQueueModel::RequeryQueueModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{}

RequeryQueueModel::~RequeryQueueModel() = default;

QString RequeryQueueModel::reasonLabel(core::RequeryReason reason)
{
    switch (reason) {
    case core::RequeryReason::Unpaid:
        return tr("Unpaid, no callback");
    case core::RequeryReason::StatusMismatch:
        return tr("Status differs from bill");
    case core::RequeryReason::MissingInBill:
        return tr("Missing in bill");
    case core::RequeryReason::MissingInLedger:
        return tr("Missing in ledger");
    case core::RequeryReason::RefundProcessing:
        return tr("Refund still processing");
    case core::RequeryReason::Manual:
        return tr("Asked by a person");
    }
    return {};
}

QString RequeryQueueModel::stateLabel(core::QueueState state)
{
    switch (state) {
    case core::QueueState::Pending:
        return tr("Waiting");
    case core::QueueState::Done:
        return tr("Done");
    case core::QueueState::NeedsAttention:
        return tr("Needs attention");
    }
    return {};
}

QString RequeryQueueModel::durationText(qint64 ms)
{
    const qint64 minutes = qMax<qint64>(0, ms) / 60000;
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    return tr("%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

void RequeryQueueModel::setLedger(core::Ledger *ledger)
{
    m_ledger = ledger;
    reload();
}

void RequeryQueueModel::setStates(const QList<core::QueueState> &states)
{
    m_states = states;
    reload();
}

void RequeryQueueModel::reload()
{
    beginResetModel();
    m_items.clear();
    m_orderCreatedMs.clear();
    m_total = 0;
    if (m_ledger) {
        const core::RequeryQueue queue(*m_ledger);
        for (core::QueueState state : std::as_const(m_states)) {
            auto items = queue.withState(state, m_limit);
            if (!items.ok()) {
                emit error(items.error());
                break;
            }
            m_items.append(*items);
            // Only a full read can have left items out; the count is asked for then only.
            if (items->size() < m_limit) {
                m_total += items->size();
                continue;
            }
            auto all = queue.countWithState(state);
            if (!all.ok()) {
                emit error(all.error());
                break;
            }
            m_total += *all;
        }
        // Age is the order's (how long the customer's payment has been in doubt), not the
        // queue item's.
        const core::OrderRepository orders(*m_ledger);
        for (const core::RequeryItem &i : std::as_const(m_items)) {
            if (i.outTradeNo.isEmpty() || m_orderCreatedMs.contains(i.outTradeNo))
                continue;
            auto order = orders.find(i.outTradeNo);
            if (order.ok() && order->has_value() && (*order)->createdAt)
                m_orderCreatedMs.insert(i.outTradeNo, *(*order)->createdAt * 1000);
        }
    }
    endResetModel();
}

int RequeryQueueModel::rowOfKey(const QString &key) const
{
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items[i].key == key)
            return int(i);
    }
    return -1;
}

void RequeryQueueModel::setInlineResult(const core::ApplyReport &report)
{
    QString text = report.message;
    if (text.isEmpty()) {
        text = report.remoteState.isEmpty()
                   ? tr("No answer")
                   : tr("WeChat Pay: %1; ledger: %2").arg(report.remoteState, report.ledgerAfter);
    }
    m_inline.insert(report.key, text);
    const int row = rowOfKey(report.key);
    if (row >= 0)
        emit dataChanged(index(row, InlineResultColumn), index(row, InlineResultColumn));
}

int RequeryQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int RequeryQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequeryQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const core::RequeryItem &i = m_items[index.row()];
    const qint64 now = m_clock();
    const qint64 created = m_orderCreatedMs.value(i.outTradeNo, i.createdMs);
    if (role == IdRole)
        return QVariant::fromValue<qint64>(i.id);
    if (role == StateRole)
        return int(i.state);
    if (role == Qt::ToolTipRole) {
        if (index.column() == LastResultColumn && !i.lastError.isEmpty())
            return i.lastError;
        if (index.column() == StateColumn && !i.note.isEmpty())
            return i.note;
        if (index.column() == InlineResultColumn)
            return m_inline.value(i.key);
        return {};
    }
    if (role == Qt::EditRole) {
        switch (index.column()) {
        case KeyColumn:
            return i.key;
        case KindColumn:
            return core::requeryKindWord(i.kind);
        case ReasonColumn:
            return core::requeryReasonWord(i.reason);
        case StateColumn:
            return core::queueStateWord(i.state);
        case AgeColumn:
            return QVariant::fromValue<qint64>(now - created);
        case AttemptsColumn:
            return i.attempts;
        case LastResultColumn:
            return i.lastResult;
        case NextAttemptColumn:
            return i.state == core::QueueState::Pending
                       ? QVariant::fromValue<qint64>(i.nextAttemptMs)
                       : QVariant();
        case InlineResultColumn:
            return m_inline.value(i.key);
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case KeyColumn:
        return i.key;
    case KindColumn:
        return i.kind == core::RequeryKind::Order ? tr("Order") : tr("Refund");
    case ReasonColumn:
        return reasonLabel(i.reason);
    case StateColumn:
        return stateLabel(i.state);
    case AgeColumn:
        return durationText(now - created);
    case AttemptsColumn:
        return i.attempts;
    case LastResultColumn:
        return i.lastResult;
    case NextAttemptColumn:
        if (i.state != core::QueueState::Pending)
            return {};
        return i.nextAttemptMs <= now ? tr("due now")
                                      : cst::formatBillTime(i.nextAttemptMs / 1000).mid(5, 11);
    case InlineResultColumn:
        return m_inline.value(i.key);
    default:
        return {};
    }
}

QVariant RequeryQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn:
        return tr("Order / refund no.");
    case KindColumn:
        return tr("Kind");
    case ReasonColumn:
        return tr("Why");
    case StateColumn:
        return tr("State");
    case AgeColumn:
        return tr("Age");
    case AttemptsColumn:
        return tr("Attempts");
    case LastResultColumn:
        return tr("Last result");
    case NextAttemptColumn:
        return tr("Next attempt (CST)");
    case InlineResultColumn:
        return tr("Result just now");
    default:
        return {};
    }
}

} // namespace wxr::ui
