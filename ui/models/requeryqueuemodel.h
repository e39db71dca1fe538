// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "compensate/requeryitem.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>
#include <optional>

namespace wxr::core {
class Ledger;
struct ApplyReport;
} // namespace wxr::core

namespace wxr::ui {

/// The re-query queue of the ledger (stuck orders and refunds): one row per item with its
/// order's age, attempts, last result, next attempt, and the result of the latest re-query
/// made from this window. The queue is bounded by the stuck-order rules, so the items of the
/// chosen states are read at once (up to limit() of each; totalCount() counts them all).
///
/// Raw data: Qt::EditRole gives Unix milliseconds for times, ints for counts, words for
/// states; Qt::DisplayRole the text shown. GUI thread only.
class RequeryQueueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequeryQueueModel)

public:
    enum Column {
        KeyColumn,
        KindColumn,
        ReasonColumn,
        StateColumn,
        AgeColumn,
        AttemptsColumn,
        LastResultColumn,
        NextAttemptColumn,
        InlineResultColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, ///< qint64 queue item id
        StateRole,                 ///< int(core::QueueState)
    };
    static constexpr int kLimit = 20000;

    explicit RequeryQueueModel(QObject *parent = nullptr);
    ~RequeryQueueModel() override;

    /// The clock ages and "due" are computed against (Unix ms); wall clock by default.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    void setLedger(core::Ledger *ledger);
    /// The most items of one state read (kLimit unless changed); takes effect on reload().
    void setLimit(int limit) { m_limit = limit; }
    int limit() const { return m_limit; }
    /// Items in the chosen states, including those beyond the limit (not shown).
    qint64 totalCount() const { return m_total; }
    /// Which states to show (default: PENDING and NEEDS_ATTENTION).
    void setStates(const QList<core::QueueState> &states);
    void reload();

    const core::RequeryItem &item(int row) const { return m_items.at(row); }
    int rowOfKey(const QString &key) const;
    /// Records the outcome of a re-query made from this window, shown in its row.
    void setInlineResult(const core::ApplyReport &report);
    QString inlineResult(const QString &key) const { return m_inline.value(key); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString reasonLabel(core::RequeryReason reason);
    static QString stateLabel(core::QueueState state);
    /// "3 min", "2 h 5 min", "4 d 3 h".
    static QString durationText(qint64 ms);

signals:
    void error(const wxr::Error &error);

private:
    core::Ledger *m_ledger = nullptr;
    QList<core::QueueState> m_states{core::QueueState::Pending, core::QueueState::NeedsAttention};
    QList<core::RequeryItem> m_items;
    int m_limit = kLimit;
    qint64 m_total = 0;
    QHash<QString, qint64> m_orderCreatedMs; ///< order key → created_at, for the age
    QHash<QString, QString> m_inline;
    std::function<qint64()> m_clock;
};

} // namespace wxr::ui
