// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "compensate/queryanswer.h"

#include <QList>
#include <QString>

namespace wxr::core {

class Ledger;

/// Who made a re-query: the scheduler, or a person (the GUI's button, the CLI).
struct RequeryTrigger
{
    enum class Kind { Scheduler, Person };
    Kind kind = Kind::Scheduler;
    QString who; ///< "scheduler", "user alice", …

    static RequeryTrigger scheduler() { return {Kind::Scheduler, QStringLiteral("scheduler")}; }
    static RequeryTrigger person(const QString &name)
    {
        return {Kind::Person, QStringLiteral("user ") + name};
    }
    /// "scheduler" or "person" (the stored word).
    [[nodiscard]] QString word() const
    {
        return kind == Kind::Scheduler ? QStringLiteral("scheduler") : QStringLiteral("person");
    }
};

/// One query or close sent to WeChat Pay, as the per-order history shows it.
struct QueryLogEntry
{
    qint64 id = 0;
    RequeryKind kind = RequeryKind::Order;
    QString key;        ///< out_trade_no or out_refund_no
    QString outTradeNo; ///< the order (also for refunds, when known)
    QString action;     ///< "query" or "close"
    RequeryTrigger trigger;
    qint64 requestedAtMs = 0; ///< Unix milliseconds
    qint64 latencyMs = 0;
    AnswerOutcome outcome = AnswerOutcome::Answered;
    QString remoteState; ///< trade_state / refund status reported, or for a close CLOSED,
                         ///< ORDER_PAID, ORDER_CLOSED
    QString applied;     ///< what the ledger did: "applied", "unchanged", "paid after close", …
    int httpStatus = 0;
    QString errorCode;
    QString requestId;
    QString message;
};

/// The query history in the ledger (table requery_log, compensateMigrations()). Append-only.
/// A Request-ID is stored once: appending an entry whose Request-ID is already there does
/// nothing, which is what makes applying the same answer twice a no-op. Same thread rules as
/// the Ledger.
class QueryHistory final
{
public:
    explicit QueryHistory(Ledger &ledger)
        : m_ledger(ledger)
    {}

    /// True when an entry with this Request-ID exists (empty: always false).
    Result<bool> contains(const QString &requestId) const;
    /// Appends; returns false (and writes nothing) when the Request-ID is already stored.
    Result<bool> append(const QueryLogEntry &entry);
    /// Every entry about an order and its refunds, oldest first.
    Result<QList<QueryLogEntry>> forOrder(const QString &outTradeNo) const;
    /// Every entry about one order or refund, oldest first.
    Result<QList<QueryLogEntry>> forTarget(RequeryKind kind, const QString &key) const;
    Result<qint64> count() const;

private:
    Ledger &m_ledger;
};

} // namespace wxr::core
