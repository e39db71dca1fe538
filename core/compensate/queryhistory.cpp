// SPDX-License-Identifier: GPL-3.0-or-later
#include "compensate/queryhistory.h"

#include "common/coretr.h"
#include "ledger/ledger.h"
#include "ledger/sqlbind.h"

#include <QSqlQuery>
#include <QVariant>

namespace wxr::core {

namespace {

const QString kColumns = QStringLiteral(
    "id, kind, target, out_trade_no, action, triggered_by, actor, requested_at_ms, latency_ms, "
    "outcome, remote_state, applied, http_status, error_code, request_id, message");

Result<QList<QueryLogEntry>> readEntries(const Ledger &ledger, QSqlQuery &q, const QString &what)
{
    if (!q.exec())
        return ledger.queryError(q, what);
    QList<QueryLogEntry> out;
    while (q.next()) {
        QueryLogEntry e;
        e.id = q.value(0).toLongLong();
        e.kind = requeryKindFromWord(q.value(1).toString()).value_or(RequeryKind::Order);
        e.key = q.value(2).toString();
        e.outTradeNo = q.value(3).toString();
        e.action = q.value(4).toString();
        e.trigger.kind = q.value(5).toString() == u"person" ? RequeryTrigger::Kind::Person
                                                            : RequeryTrigger::Kind::Scheduler;
        e.trigger.who = q.value(6).toString();
        e.requestedAtMs = q.value(7).toLongLong();
        e.latencyMs = q.value(8).toLongLong();
        e.outcome = answerOutcomeFromWord(q.value(9).toString()).value_or(AnswerOutcome::ApiError);
        e.remoteState = q.value(10).toString();
        e.applied = q.value(11).toString();
        e.httpStatus = q.value(12).toInt();
        e.errorCode = q.value(13).toString();
        e.requestId = q.value(14).toString();
        e.message = q.value(15).toString();
        out.append(e);
    }
    return out;
}

} // namespace

Result<bool> QueryHistory::contains(const QString &requestId) const
{
    if (requestId.isEmpty())
        return false;
    QSqlQuery q(m_ledger.database());
    q.prepare(QStringLiteral("SELECT 1 FROM requery_log WHERE request_id = ?"));
    q.addBindValue(requestId);
    if (!q.exec())
        return m_ledger.queryError(q, Tr::tr("read the query history"));
    return q.next();
}

Result<bool> QueryHistory::append(const QueryLogEntry &e)
{
    // The partial unique index on request_id turns a second copy of an answer into a no-op.
    QSqlQuery q(m_ledger.database());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO requery_log (kind, target, out_trade_no, "
                             "action, triggered_by, actor, requested_at_ms, latency_ms, outcome, "
                             "remote_state, applied, http_status, error_code, request_id, "
                             "message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(requeryKindWord(e.kind));
    q.addBindValue(sqlbind::text(e.key));
    q.addBindValue(sqlbind::text(e.outTradeNo));
    q.addBindValue(sqlbind::text(e.action));
    q.addBindValue(e.trigger.word());
    q.addBindValue(sqlbind::text(e.trigger.who));
    q.addBindValue(e.requestedAtMs);
    q.addBindValue(e.latencyMs);
    q.addBindValue(answerOutcomeWord(e.outcome));
    q.addBindValue(sqlbind::text(e.remoteState));
    q.addBindValue(sqlbind::text(e.applied));
    q.addBindValue(e.httpStatus);
    q.addBindValue(sqlbind::text(e.errorCode));
    q.addBindValue(sqlbind::text(e.requestId));
    q.addBindValue(sqlbind::text(e.message));
    if (!q.exec())
        return m_ledger.queryError(q, Tr::tr("record the query of %1").arg(e.key));
    return q.numRowsAffected() > 0;
}

Result<QList<QueryLogEntry>> QueryHistory::forOrder(const QString &outTradeNo) const
{
    QSqlQuery q(m_ledger.database());
    q.prepare(QStringLiteral("SELECT ") + kColumns
              + QStringLiteral(" FROM requery_log WHERE out_trade_no = ? OR (kind = 'order' AND "
                               "target = ?) ORDER BY requested_at_ms, id"));
    q.addBindValue(sqlbind::text(outTradeNo));
    q.addBindValue(sqlbind::text(outTradeNo));
    return readEntries(m_ledger, q, Tr::tr("read the query history of %1").arg(outTradeNo));
}

Result<QList<QueryLogEntry>> QueryHistory::forTarget(RequeryKind kind, const QString &key) const
{
    QSqlQuery q(m_ledger.database());
    q.prepare(QStringLiteral("SELECT ") + kColumns
              + QStringLiteral(" FROM requery_log WHERE kind = ? AND target = ? "
                               "ORDER BY requested_at_ms, id"));
    q.addBindValue(requeryKindWord(kind));
    q.addBindValue(sqlbind::text(key));
    return readEntries(m_ledger, q, Tr::tr("read the query history of %1").arg(key));
}

Result<qint64> QueryHistory::count() const
{
    QSqlQuery q(m_ledger.database());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM requery_log")) || !q.next())
        return m_ledger.queryError(q, Tr::tr("count the query history"));
    return q.value(0).toLongLong();
}

} // namespace wxr::core
