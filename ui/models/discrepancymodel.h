// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "ledger/discrepancy.h"
#include "ledger/discrepancyrepository.h"

#include <QAbstractTableModel>

#include <functional>

namespace wxr::core {
class Ledger;
}

namespace wxr::ui {

/// The discrepancies of a filter (dates, kinds, states, search), read lazily from the ledger:
/// rows arrive a page at a time by keyset paging (canFetchMore/fetchMore), so a day with a
/// million orders and thousands of discrepancies opens at once and scrolls smoothly.
///
/// Data are raw: Qt::DisplayRole is the text a cell shows (amounts as yuan, kinds and states
/// as their contract names), Qt::EditRole and the custom roles give the underlying values
/// (fen as qint64, enums as int). Colours are chosen by DiscrepancyStyleProxy, not here.
///
/// Sorting: report order by default (date, kind, out_trade_no, out_refund_no). Any column can
/// be sorted when the filter matches at most kSortInMemoryLimit rows (they are then all read
/// and sorted in memory); larger results keep report order and sort() reports that through
/// sortRefused().
///
/// GUI thread only (the Ledger's thread). Errors of the ledger are reported through `error`.
class DiscrepancyModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscrepancyModel)

public:
    enum Column {
        KindColumn,
        OutTradeNoColumn,
        TransactionIdColumn,
        LedgerStatusColumn,
        BillStatusColumn,
        LedgerAmountColumn,
        BillAmountColumn,
        OutRefundNoColumn,
        LedgerRefundColumn,
        BillRefundColumn,
        StateColumn,
        NoteColumn,
        BillDateColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, ///< qint64 ledger id
        KindRole,                  ///< int(core::DiscrepancyKind)
        StateRole,                 ///< int(core::DiscrepancyState)
        DiffersRole,               ///< bool: this cell's ledger and bill sides differ
    };
    static constexpr int kDefaultPageSize = 500;
    static constexpr qint64 kSortInMemoryLimit = 200000;

    explicit DiscrepancyModel(QObject *parent = nullptr);
    ~DiscrepancyModel() override;

    /// Reads from `ledger` (may be null: empty model). Resets the model.
    void setLedger(core::Ledger *ledger);
    /// Rows read per fetchMore(); takes effect at the next reset.
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    /// Resets the model to the first page of `filter`.
    void setFilter(const core::DiscrepancyFilter &filter);
    const core::DiscrepancyFilter &filter() const { return m_filter; }
    /// Re-reads the rows (after state changes), keeping at least as many rows loaded as now.
    void reload();

    /// Rows matching the filter in the ledger (rowCount() is what is loaded so far).
    qint64 totalCount() const { return m_total; }
    /// The discrepancy of a loaded row.
    const core::Discrepancy &discrepancy(int row) const { return m_rows.at(row); }
    /// Row of the discrepancy with ledger id `id` among the loaded rows, or -1.
    int rowOfId(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void error(const wxr::Error &error);
    /// Too many rows to sort in memory; the rows stay in report order.
    void sortRefused(qint64 rows);

private:
    bool loadAll();
    void applySort();
    QVariant rawValue(const core::Discrepancy &d, int column) const;

    core::Ledger *m_ledger = nullptr;
    core::DiscrepancyFilter m_filter;
    QList<core::Discrepancy> m_rows;
    qint64 m_total = 0;
    int m_pageSize = kDefaultPageSize;
    int m_changing = 0;    ///< > 0 while a reset, insertion or sort is being announced
    int m_sortColumn = -1; ///< -1: report order
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace wxr::ui
