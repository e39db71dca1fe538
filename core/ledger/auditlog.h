// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cstime.h"
#include "common/result.h"

#include <QList>
#include <QString>

#include <memory>

namespace wxr::core {

class Ledger;
class SqliteStatement;

/// One row of the append-only audit log: who changed what, from which value to which.
struct AuditEntry
{
    qint64 id = 0;
    cst::Instant at = 0; ///< Unix seconds; 0 means "now" when appending
    QString actor;     ///< "import orders.csv", "callback EV-…", "query", "user alice", "run 12"
    QString action;    ///< "state", "create", "import", "note", "migrate", ...
    QString entity;    ///< "order", "refund", "bill", "discrepancy", "schema", ...
    QString entityKey; ///< out_trade_no, out_refund_no, bill id, discrepancy id, ...
    QString oldValue;
    QString newValue;
    QString detail;
};

/// The audit trail. The table refuses UPDATE and DELETE (triggers), so history cannot be
/// rewritten through SQL either. append() must run inside the transaction of the change it
/// records, so that both commit or neither does. Same thread rules as the Ledger.
///
/// The INSERT of append() is prepared on first use and kept for the object's lifetime: a
/// repository that appends on a hot path (one row per callback) keeps one AuditLog as a member
/// instead of constructing one per change. The object must not outlive its Ledger.
class AuditLog final
{
public:
    explicit AuditLog(Ledger &ledger);
    ~AuditLog();
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    /// The new row's id; Database on failure.
    Result<qint64> append(const AuditEntry &entry);
    /// Every entry about one entity, oldest first.
    Result<QList<AuditEntry>> forEntity(const QString &entity, const QString &key) const;

private:
    Ledger &m_ledger;
    std::unique_ptr<SqliteStatement> m_insert; // prepared by the first append()
};

} // namespace wxr::core
