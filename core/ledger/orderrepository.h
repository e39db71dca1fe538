// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "ledger/auditlog.h"
#include "ledger/ledgerrecords.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wxr::core {

class Ledger;
class SqliteStatement;

/// Orders in the ledger. Every state change goes through applyTradeState(), which enforces the
/// monotonic rules of decideTradeTransition() and writes the change and its audit row in one
/// transaction (a savepoint when the caller already holds one, so a callback handler can
/// record the callback and the state in one commit). Same thread rules as the Ledger.
///
/// The statements of find() and applyTradeState() (and their audit row) are prepared on first
/// use and kept for the object's lifetime, so a caller applying many states (the callback
/// receiver's writer) keeps one repository. It must not outlive its Ledger.
class OrderRepository final
{
public:
    explicit OrderRepository(Ledger &ledger);
    ~OrderRepository();
    OrderRepository(const OrderRepository &) = delete;
    OrderRepository &operator=(const OrderRepository &) = delete;

    /// nullopt when the ledger does not know the order.
    Result<std::optional<Order>> find(const QString &outTradeNo) const;

    /// Applies a learnt state. Unknown order: created (source as given; flagged for review
    /// unless it is an import) or NotFound when !event.createIfMissing. An event amount that
    /// differs from the ledger's is applied as the rules say and flagged for review
    /// (ApplyResult::amountDiffers). InvalidInput for an empty order number or state.
    Result<ApplyResult> applyTradeState(const TradeEvent &event);

    /// Orders whose status is one of `statuses`, created in [createdFrom, createdTo] (Unix
    /// seconds), newest first, at most `limit` (the stuck-order detector's unpaid orders:
    /// NOTPAY, USERPAYING). Newest first because abandoned unpaid orders pile up for ever and
    /// would starve the recent ones behind the limit. Pending statuses are found through the
    /// partial index orders_pending, not by reading the table.
    Result<QList<Order>> withStatus(const QStringList &statuses, cst::Instant createdFrom,
                                    cst::Instant createdTo, int limit) const;
    /// Orders flagged for review (unknown before a callback, paid after close, amount differs).
    Result<QList<Order>> needingReview(int limit) const;
    /// Sets or clears the review flag, with an audit row.
    Status setReview(const QString &outTradeNo, bool needsReview, const QString &reason,
                     const QString &actor);
    Result<qint64> count() const;

    using Visitor = std::function<Status(const OrderView &)>;
    /// Streams the orders among `outTradeNos` that exist (point lookups).
    Status forEachOf(const std::vector<std::string> &outTradeNos, const Visitor &visitor) const;

    /// One record by key, for many lookups in a row (the statement is prepared once per
    /// repository object); the visitor is not called when there is no such record.
    Status findView(std::string_view outTradeNo, const Visitor &visitor) const;

    /// Steps `q`, a SELECT of out_trade_no, transaction_id, status, amount_fen, created_at
    /// and paid_at (in that order), handing each row to `visitor`; for other repositories'
    /// queries over orders (ReconRepository).
    static Status visit(SqliteStatement &q, const Visitor &visitor);

private:
    Ledger &m_ledger;
    AuditLog m_audit;
    mutable std::unique_ptr<SqliteStatement> m_lookup;
    mutable std::unique_ptr<SqliteStatement> m_find;
    std::unique_ptr<SqliteStatement> m_insert;
    std::unique_ptr<SqliteStatement> m_update;
};

} // namespace wxr::core
