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

/// Refunds in the ledger; the counterpart of OrderRepository with decideRefundTransition().
class RefundRepository final
{
public:
    explicit RefundRepository(Ledger &ledger);
    ~RefundRepository();
    RefundRepository(const RefundRepository &) = delete;
    RefundRepository &operator=(const RefundRepository &) = delete;

    Result<std::optional<Refund>> find(const QString &outRefundNo) const;
    /// Refunds of one order, oldest first.
    Result<QList<Refund>> forOrder(const QString &outTradeNo) const;
    /// See OrderRepository::applyTradeState; out_trade_no is required when the refund is new.
    Result<ApplyResult> applyRefundState(const RefundEvent &event);
    /// Refunds in one of `statuses` created before a time, oldest first (PROCESSING re-queries).
    Result<QList<Refund>> withStatus(const QStringList &statuses, cst::Instant createdBefore,
                                     int limit) const;
    Result<qint64> count() const;

    using Visitor = std::function<Status(const RefundView &)>;
    /// Streams refunds with created_at in [from, to), in created_at order (any status).
    Status forEachCreatedBetween(cst::Instant from, cst::Instant to, const Visitor &visitor) const;
    /// Streams the refunds among `outRefundNos` that exist (point lookups).
    Status forEachOf(const std::vector<std::string> &outRefundNos, const Visitor &visitor) const;

    /// One record by key, for many lookups in a row (the statement is prepared once per
    /// repository object); the visitor is not called when there is no such record.
    Status findView(std::string_view outRefundNo, const Visitor &visitor) const;

private:
    Ledger &m_ledger;
    AuditLog m_audit; // keeps its INSERT prepared across applyRefundState() calls
    mutable std::unique_ptr<SqliteStatement> m_lookup;
    mutable std::unique_ptr<SqliteStatement> m_find;
    std::unique_ptr<SqliteStatement> m_insert;
    std::unique_ptr<SqliteStatement> m_update;
};

} // namespace wxr::core
