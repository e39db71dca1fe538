// SPDX-License-Identifier: GPL-3.0-or-later
#include "compensate/requeryqueue.h"

#include "common/coretr.h"
#include "ledger/ledger.h"
#include "ledger/sqlbind.h"
#include "ledger/transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace wxr::core {

namespace {

const QString kColumns = QStringLiteral(
    "id, kind, target, out_trade_no, reason, state, attempts, rate_limited, next_attempt_ms, "
    "last_attempt_ms, last_result, last_error, last_request_id, note, created_ms, updated_ms");

RequeryItem itemFrom(const QSqlQuery &q)
{
    RequeryItem i;
    i.id = q.value(0).toLongLong();
    i.kind = requeryKindFromWord(q.value(1).toString()).value_or(RequeryKind::Order);
    i.key = q.value(2).toString();
    i.outTradeNo = q.value(3).toString();
    i.reason = requeryReasonFromWord(q.value(4).toString()).value_or(RequeryReason::Manual);
    i.state = queueStateFromWord(q.value(5).toString()).value_or(QueueState::Pending);
    i.attempts = q.value(6).toInt();
    i.rateLimited = q.value(7).toInt();
    i.nextAttemptMs = q.value(8).toLongLong();
    if (!q.value(9).isNull())
        i.lastAttemptMs = q.value(9).toLongLong();
    i.lastResult = q.value(10).toString();
    i.lastError = q.value(11).toString();
    i.lastRequestId = q.value(12).toString();
    i.note = q.value(13).toString();
    i.createdMs = q.value(14).toLongLong();
    i.updatedMs = q.value(15).toLongLong();
    return i;
}

Result<QList<RequeryItem>> readItems(const Ledger &ledger, QSqlQuery &q, const QString &what)
{
    if (!q.exec())
        return ledger.queryError(q, what);
    QList<RequeryItem> out;
    while (q.next())
        out.append(itemFrom(q));
    return out;
}

} // namespace

Result<bool> RequeryQueue::enqueue(RequeryKind kind, const QString &key, const QString &outTradeNo,
                                   RequeryReason reason, qint64 nowMs)
{
    if (key.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("A re-query needs an order or refund number."));
    Transaction tx(m_ledger);
    if (Status s = tx.begin(); !s)
        return s.error();
    const auto existing = find(kind, key);
    if (!existing)
        return existing.error();
    QSqlQuery q(m_ledger.database());
    if (!existing->has_value()) {
        q.prepare(QStringLiteral(
            "INSERT INTO requery_queue (kind, target, out_trade_no, reason, state, "
            "next_attempt_ms, created_ms, updated_ms) VALUES (?, ?, ?, ?, 'PENDING', ?, ?, ?)"));
        q.addBindValue(requeryKindWord(kind));
        q.addBindValue(sqlbind::text(key));
        q.addBindValue(sqlbind::text(outTradeNo));
        q.addBindValue(requeryReasonWord(reason));
        q.addBindValue(nowMs);
        q.addBindValue(nowMs);
        q.addBindValue(nowMs);
        if (!q.exec())
            return m_ledger.queryError(q, Tr::tr("queue a re-query of %1").arg(key));
    } else {
        const RequeryItem &item = **existing;
        if (item.state == QueueState::Pending || item.reason == reason)
            return false;
        q.prepare(QStringLiteral(
            "UPDATE requery_queue SET reason = ?, state = 'PENDING', attempts = 0, "
            "rate_limited = 0, next_attempt_ms = ?, note = '', updated_ms = ?, "
            "out_trade_no = CASE WHEN ? <> '' THEN ? ELSE out_trade_no END WHERE id = ?"));
        q.addBindValue(requeryReasonWord(reason));
        q.addBindValue(nowMs);
        q.addBindValue(nowMs);
        q.addBindValue(sqlbind::text(outTradeNo));
        q.addBindValue(sqlbind::text(outTradeNo));
        q.addBindValue(item.id);
        if (!q.exec())
            return m_ledger.queryError(q, Tr::tr("queue a re-query of %1").arg(key));
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return true;
}

Result<std::optional<RequeryItem>> RequeryQueue::find(RequeryKind kind, const QString &key) const
{
    QSqlQuery q(m_ledger.database());
    q.prepare(QStringLiteral("SELECT ") + kColumns
              + QStringLiteral(" FROM requery_queue WHERE kind = ? AND target = ?"));
    q.addBindValue(requeryKindWord(kind));
    q.addBindValue(sqlbind::text(key));
    const auto items = readItems(m_ledger, q, Tr::tr("read the re-query of %1").arg(key));
    if (!items)
        return items.error();
    return items->isEmpty() ? std::optional<RequeryItem>() : std::optional(items->first());
}

Result<std::optional<RequeryItem>> RequeryQueue::find(qint64 id) const
{
    QSqlQuery q(m_ledger.database());
    q.prepare(QStringLiteral("SELECT ") + kColumns
              + QStringLiteral(" FROM requery_queue WHERE id = ?"));
    q.addBindValue(id);
    const auto items = readItems(m_ledger, q, Tr::tr("read re-query %1").arg(id));
    if (!items)
        return items.error();
    return items->isEmpty() ? std::optional<RequeryItem>() : std::optional(items->first());
}

Result<QList<RequeryItem>> RequeryQueue::due(qint64 nowMs, int limit) const
{
    QSqlQuery q(m_ledger.database());
    q.prepare(QStringLiteral("SELECT ") + kColumns
              + QStringLiteral(" FROM requery_queue WHERE state = 'PENDING' AND "
                               "next_attempt_ms <= ? ORDER BY next_attempt_ms, id LIMIT ?"));
    q.addBindValue(nowMs);
    q.addBindValue(limit);
    return readItems(m_ledger, q, Tr::tr("read the due re-queries"));
}

Result<QList<RequeryItem>> RequeryQueue::withState(QueueState state, int limit) const
{
    QSqlQuery q(m_ledger.database());
    q.prepare(QStringLiteral("SELECT ") + kColumns
              + (state == QueueState::Pending
                     ? QStringLiteral(" FROM requery_queue WHERE state = ? "
                                      "ORDER BY next_attempt_ms, id LIMIT ?")
                     : QStringLiteral(" FROM requery_queue WHERE state = ? "
                                      "ORDER BY updated_ms DESC, id DESC LIMIT ?")));
    q.addBindValue(queueStateWord(state));
    q.addBindValue(limit);
    return readItems(m_ledger, q, Tr::tr("read the re-query queue"));
}

Result<qint64> RequeryQueue::countWithState(QueueState state) const
{
    QSqlQuery q(m_ledger.database());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM requery_queue WHERE state = ?"));
    q.addBindValue(queueStateWord(state));
    if (!q.exec() || !q.next())
        return m_ledger.queryError(q, Tr::tr("count the re-query queue"));
    return q.value(0).toLongLong();
}

Status RequeryQueue::save(const RequeryItem &item)
{
    QSqlQuery q(m_ledger.database());
    q.prepare(QStringLiteral(
        "UPDATE requery_queue SET state = ?, attempts = ?, rate_limited = ?, "
        "next_attempt_ms = ?, last_attempt_ms = ?, last_result = ?, last_error = ?, "
        "last_request_id = ?, note = ?, updated_ms = ?, reason = ?, "
        "out_trade_no = CASE WHEN ? <> '' THEN ? ELSE out_trade_no END WHERE id = ?"));
    q.addBindValue(queueStateWord(item.state));
    q.addBindValue(item.attempts);
    q.addBindValue(item.rateLimited);
    q.addBindValue(item.nextAttemptMs);
    q.addBindValue(sqlbind::integer(item.lastAttemptMs));
    q.addBindValue(sqlbind::text(item.lastResult));
    q.addBindValue(sqlbind::text(item.lastError));
    q.addBindValue(sqlbind::text(item.lastRequestId));
    q.addBindValue(sqlbind::text(item.note));
    q.addBindValue(item.updatedMs);
    q.addBindValue(requeryReasonWord(item.reason));
    q.addBindValue(sqlbind::text(item.outTradeNo));
    q.addBindValue(sqlbind::text(item.outTradeNo));
    q.addBindValue(item.id);
    if (!q.exec())
        return m_ledger.queryError(q, Tr::tr("update the re-query of %1").arg(item.key));
    if (q.numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound,
                         Tr::tr("The re-query queue has no entry %1.").arg(item.id));
    return {};
}

Result<int> RequeryQueue::rearm(const QList<qint64> &ids, qint64 nowMs)
{
    Transaction tx(m_ledger);
    if (Status s = tx.begin(); !s)
        return s.error();
    int changed = 0;
    for (qint64 id : ids) {
        QSqlQuery q(m_ledger.database());
        q.prepare(QStringLiteral(
            "UPDATE requery_queue SET state = 'PENDING', attempts = 0, rate_limited = 0, "
            "next_attempt_ms = ?, note = '', updated_ms = ? WHERE id = ? AND state <> 'PENDING'"));
        q.addBindValue(nowMs);
        q.addBindValue(nowMs);
        q.addBindValue(id);
        if (!q.exec())
            return m_ledger.queryError(q, Tr::tr("re-arm re-query %1").arg(id));
        changed += q.numRowsAffected() > 0 ? 1 : 0;
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return changed;
}

Result<QueueCounts> RequeryQueue::counts(qint64 nowMs) const
{
    QSqlQuery q(m_ledger.database());
    // Each count walks only its state's range of requery_queue_due: the DONE items, which
    // pile up over the months, are never read (the scheduler asks after every answer).
    q.prepare(QStringLiteral(
        "SELECT (SELECT COUNT(*) FROM requery_queue WHERE state = 'PENDING'), "
        "(SELECT COUNT(*) FROM requery_queue WHERE state = 'PENDING' AND next_attempt_ms <= ?), "
        "(SELECT COUNT(*) FROM requery_queue WHERE state = 'NEEDS_ATTENTION'), "
        "(SELECT MIN(next_attempt_ms) FROM requery_queue WHERE state = 'PENDING')"));
    q.addBindValue(nowMs);
    if (!q.exec() || !q.next())
        return m_ledger.queryError(q, Tr::tr("count the re-query queue"));
    QueueCounts c;
    c.pending = q.value(0).toLongLong();
    c.due = q.value(1).toLongLong();
    c.needsAttention = q.value(2).toLongLong();
    if (!q.value(3).isNull())
        c.nextAttemptMs = q.value(3).toLongLong();
    return c;
}

Result<std::optional<qint64>> RequeryQueue::nextAttemptAfter(qint64 nowMs) const
{
    QSqlQuery q(m_ledger.database());
    q.prepare(QStringLiteral("SELECT MIN(next_attempt_ms) FROM requery_queue "
                             "WHERE state = 'PENDING' AND next_attempt_ms > ?"));
    q.addBindValue(nowMs);
    if (!q.exec() || !q.next())
        return m_ledger.queryError(q, Tr::tr("read the re-query queue"));
    if (q.value(0).isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

} // namespace wxr::core
