// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "ledger/discrepancy.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

namespace wxr::core {

class Ledger;

/// Which discrepancies a view or report wants. Empty lists mean "any".
struct DiscrepancyFilter
{
    QDate from; ///< inclusive; invalid: no lower bound
    QDate to;   ///< inclusive; invalid: no upper bound
    QList<DiscrepancyKind> kinds;
    QList<DiscrepancyState> states;
    /// Case-insensitive substring of out_trade_no, transaction_id, out_refund_no or the note.
    QString search;
};

/// How a bill date looks on the calendar.
enum class DayStatus {
    NotFetched,    ///< no trade bill imported for the date
    NotReconciled, ///< a bill is imported, no reconciliation run yet
    Clean,         ///< reconciled, no discrepancy at all
    Open,          ///< at least one OPEN or ACKNOWLEDGED discrepancy
    AllResolved,   ///< discrepancies exist and all are RESOLVED or IGNORED
};

/// One event in the life of an order, for the drill-down view.
struct TimelineEntry
{
    enum class Kind { Order, Refund, BillRow, StateChange, Discrepancy, Note };
    cst::Instant at = 0;
    Kind kind = Kind::Order;
    QString title;  ///< one line, translated
    QString detail; ///< more text; may be empty
};

/// Reading and changing discrepancies: the API the GUI's daily view uses. Results come in
/// report order (date, kind, out_trade_no, out_refund_no). Same thread rules as the Ledger.
class DiscrepancyRepository final
{
public:
    using Visitor = std::function<Status(const Discrepancy &)>;

    explicit DiscrepancyRepository(Ledger &ledger)
        : m_ledger(ledger)
    {}

    Result<qint64> count(const DiscrepancyFilter &filter) const;
    /// `limit` rows starting at `offset`. Simple, but O(offset): large views should prefer
    /// pageAfter().
    Result<QList<Discrepancy>> page(const DiscrepancyFilter &filter, qint64 offset,
                                    int limit) const;
    /// Keyset paging: the `limit` rows after `last` (nullptr: from the start). Constant cost
    /// per page however deep, for lazily loaded views of a million-order day.
    Result<QList<Discrepancy>> pageAfter(const DiscrepancyFilter &filter, const Discrepancy *last,
                                         int limit) const;
    /// Streams every matching row; the visitor may stop the stream by returning an error.
    Status forEach(const DiscrepancyFilter &filter, const Visitor &visitor) const;
    Result<std::optional<Discrepancy>> find(qint64 id) const;

    /// Acknowledge, resolve, ignore or reopen discrepancies, in bulk, in one transaction with
    /// one audit row each. A null `note` keeps each row's note; any other value replaces it.
    /// `who` is recorded as the actor ("user alice"). Returns how many rows changed; ids that
    /// do not exist are NotFound and nothing changes.
    Result<int> setState(const QList<qint64> &ids, DiscrepancyState state, const QString &note,
                         const QString &who);

    /// The calendar: the status of every date in [from, to].
    Result<QMap<QDate, DayStatus>> dayStatuses(QDate from, QDate to) const;

    /// An order's history: ledger record, refunds, bill rows, state changes from the audit
    /// log, discrepancies and their notes, oldest first.
    Result<QList<TimelineEntry>> timeline(const QString &outTradeNo) const;

private:
    Ledger &m_ledger;
};

} // namespace wxr::core
