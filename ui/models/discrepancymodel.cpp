// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/discrepancymodel.h"

#include "common/money.h"

#include <algorithm>

namespace wxr::ui {

using core::Discrepancy;
using core::DiscrepancyKind;
using core::DiscrepancyState;

namespace {

// Counts nested model changes for canFetchMore().
struct ChangeGuard
{
    explicit ChangeGuard(int &counter)
        : m_counter(counter)
    {
        ++m_counter;
    }
    ~ChangeGuard() { --m_counter; }
    ChangeGuard(const ChangeGuard &) = delete;
    ChangeGuard &operator=(const ChangeGuard &) = delete;
    int &m_counter;
};

QVariant fen(const std::optional<Fen> &v)
{
    return v ? QVariant::fromValue<qint64>(*v) : QVariant();
}

QVariant yuan(const std::optional<Fen> &v)
{
    return v ? QVariant(money::formatYuan(*v)) : QVariant();
}

// Orders two raw cell values: empty first, then numbers by value, text by code points.
int compareRaw(const QVariant &a, const QVariant &b)
{
    if (!a.isValid() || !b.isValid())
        return int(a.isValid()) - int(b.isValid());
    if (a.typeId() == QMetaType::LongLong && b.typeId() == QMetaType::LongLong) {
        const qint64 x = a.toLongLong(), y = b.toLongLong();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.typeId() == QMetaType::QDate && b.typeId() == QMetaType::QDate) {
        const QDate x = a.toDate(), y = b.toDate();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    return a.toString().compare(b.toString());
}

} // namespace

DiscrepancyModel::DiscrepancyModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

DiscrepancyModel::~DiscrepancyModel() = default;

void DiscrepancyModel::setLedger(core::Ledger *ledger)
{
    m_ledger = ledger;
    setFilter(m_filter);
}

void DiscrepancyModel::setFilter(const core::DiscrepancyFilter &filter)
{
    const ChangeGuard guard(m_changing);
    beginResetModel();
    m_filter = filter;
    m_rows.clear();
    m_total = 0;
    if (m_ledger) {
        const core::DiscrepancyRepository repo(*m_ledger);
        auto total = repo.count(m_filter);
        if (!total.ok()) {
            endResetModel();
            emit error(total.error());
            return;
        }
        m_total = *total;
        if (m_sortColumn >= 0 && m_total <= kSortInMemoryLimit) {
            if (loadAll())
                applySort();
        } else {
            auto page = repo.pageAfter(m_filter, nullptr, m_pageSize);
            if (page.ok())
                m_rows = std::move(page.value());
            else
                emit error(page.error());
        }
    }
    endResetModel();
}

void DiscrepancyModel::reload()
{
    const qsizetype keep = m_rows.size();
    setFilter(m_filter);
    // Fill up to what was visible, so that the view keeps its scroll position and selection.
    while (m_rows.size() < keep && canFetchMore({}))
        fetchMore({});
}

int DiscrepancyModel::rowOfId(qint64 id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == id)
            return int(i);
    }
    return -1;
}

int DiscrepancyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DiscrepancyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiscrepancyModel::rawValue(const Discrepancy &d, int column) const
{
    switch (column) {
    case KindColumn:
        return core::discrepancyKindName(d.kind);
    case OutTradeNoColumn:
        return d.outTradeNo;
    case TransactionIdColumn:
        return d.transactionId;
    case LedgerStatusColumn:
        return d.ledgerStatus;
    case BillStatusColumn:
        return d.billStatus;
    case LedgerAmountColumn:
        return fen(d.ledgerAmountFen);
    case BillAmountColumn:
        return fen(d.billAmountFen);
    case OutRefundNoColumn:
        return d.outRefundNo;
    case LedgerRefundColumn:
        return fen(d.ledgerRefundFen);
    case BillRefundColumn:
        return fen(d.billRefundFen);
    case StateColumn:
        return core::discrepancyStateName(d.state);
    case NoteColumn:
        return d.note;
    case BillDateColumn:
        return d.billDate;
    default:
        return {};
    }
}

QVariant DiscrepancyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Discrepancy &d = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn:
            return core::discrepancyKindLabel(d.kind);
        case StateColumn:
            return core::discrepancyStateLabel(d.state);
        case LedgerAmountColumn:
            return yuan(d.ledgerAmountFen);
        case BillAmountColumn:
            return yuan(d.billAmountFen);
        case LedgerRefundColumn:
            return yuan(d.ledgerRefundFen);
        case BillRefundColumn:
            return yuan(d.billRefundFen);
        case BillDateColumn:
            return d.billDate.toString(Qt::ISODate);
        default:
            return rawValue(d, index.column());
        }
    case Qt::EditRole:
        return rawValue(d, index.column());
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case LedgerAmountColumn:
        case BillAmountColumn:
        case LedgerRefundColumn:
        case BillRefundColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == KindColumn)
            return core::discrepancyKindName(d.kind);
        if (index.column() == NoteColumn && !d.note.isEmpty())
            return d.note;
        return {};
    case IdRole:
        return QVariant::fromValue<qint64>(d.id);
    case KindRole:
        return int(d.kind);
    case StateRole:
        return int(d.state);
    case DiffersRole:
        switch (index.column()) {
        case LedgerStatusColumn:
        case BillStatusColumn:
            return d.ledgerStatus != d.billStatus;
        case LedgerAmountColumn:
        case BillAmountColumn:
            return d.ledgerAmountFen != d.billAmountFen;
        case LedgerRefundColumn:
        case BillRefundColumn:
            return d.ledgerRefundFen != d.billRefundFen;
        default:
            return false;
        }
    default:
        return {};
    }
}

QVariant DiscrepancyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case OutTradeNoColumn:
        return tr("Merchant order no.");
    case TransactionIdColumn:
        return tr("WeChat Pay transaction");
    case LedgerStatusColumn:
        return tr("Ledger status");
    case BillStatusColumn:
        return tr("Bill status");
    case LedgerAmountColumn:
        return tr("Ledger amount");
    case BillAmountColumn:
        return tr("Bill amount");
    case OutRefundNoColumn:
        return tr("Refund no.");
    case LedgerRefundColumn:
        return tr("Ledger refund");
    case BillRefundColumn:
        return tr("Bill refund");
    case StateColumn:
        return tr("State");
    case NoteColumn:
        return tr("Note");
    case BillDateColumn:
        return tr("Bill date");
    default:
        return {};
    }
}

bool DiscrepancyModel::canFetchMore(const QModelIndex &parent) const
{
    // Not while the model announces a change: views and QAbstractItemModelTester ask from
    // inside those signals, and a nested insertion would break the change in flight.
    return !parent.isValid() && m_ledger && m_changing == 0 && m_rows.size() < m_total;
}

void DiscrepancyModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const ChangeGuard guard(m_changing);
    const core::DiscrepancyRepository repo(*m_ledger);
    auto page = repo.pageAfter(m_filter, m_rows.isEmpty() ? nullptr : &m_rows.last(), m_pageSize);
    if (!page.ok()) {
        emit error(page.error());
        return;
    }
    if (page->isEmpty()) {
        // The ledger changed under us (rows were deleted): stop asking.
        m_total = m_rows.size();
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size() - 1));
    m_rows.append(*page);
    endInsertRows();
}

bool DiscrepancyModel::loadAll()
{
    if (!m_ledger)
        return false;
    // One streaming query from the start rather than keyset pages after the loaded rows: each
    // page would seek again (within a day the ledger's index only narrows by date, so a deep
    // page re-walks the day's earlier rows), and the list is sized once instead of regrown.
    QList<Discrepancy> rows;
    rows.reserve(qsizetype(qMin<qint64>(m_total, kSortInMemoryLimit)));
    const Status read = core::DiscrepancyRepository(*m_ledger).forEach(
        m_filter, [&rows](const Discrepancy &d) -> Status {
            rows.append(d);
            return {};
        });
    if (!read) {
        emit error(read.error());
        return false;
    }
    m_rows = std::move(rows);
    m_total = m_rows.size();
    return true;
}

void DiscrepancyModel::applySort()
{
    if (m_sortColumn < 0)
        return;
    const int column = m_sortColumn;
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    // Stable, so that rows with equal keys stay in report order.
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [this, column, descending](const Discrepancy &a, const Discrepancy &b) {
                         const int c = compareRaw(rawValue(a, column), rawValue(b, column));
                         return descending ? c > 0 : c < 0;
                     });
}

void DiscrepancyModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount) {
        m_sortColumn = -1;
        setFilter(m_filter);
        return;
    }
    if (m_total > kSortInMemoryLimit) {
        emit sortRefused(m_total);
        return;
    }
    const ChangeGuard guard(m_changing);
    if (m_rows.size() < m_total) {
        // Rows still have to be read: that changes the row count, so it is a reset.
        beginResetModel();
        m_sortColumn = column;
        m_sortOrder = order;
        if (loadAll())
            applySort();
        endResetModel();
        return;
    }
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<qint64> ids;
    for (const QModelIndex &i : before)
        ids.append(i.isValid() ? m_rows[i.row()].id : 0);
    m_sortColumn = column;
    m_sortOrder = order;
    applySort();
    QModelIndexList after;
    for (qsizetype k = 0; k < before.size(); ++k) {
        const int row = rowOfId(ids[k]);
        after.append(row < 0 ? QModelIndex() : index(row, before[k].column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace wxr::ui
