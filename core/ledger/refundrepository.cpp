// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/refundrepository.h"

#include "common/coretr.h"
#include "ledger/auditlog.h"
#include "ledger/ledger.h"
#include "ledger/sqlbind.h"
#include "ledger/sqlitestatement.h"
#include "ledger/timetext.h"
#include "ledger/transaction.h"

#include <QSqlQuery>
#include <QVariant>

namespace wxr::core {

namespace {

const QString kColumns = QStringLiteral(
    "id, out_refund_no, out_trade_no, refund_id, amount_fen, status, created_at, created_at_text, "
    "success_at, success_at_text, state_at, source, needs_review, review_reason, updated_at");

std::optional<qint64> optionalInt(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

Refund refundFrom(const QSqlQuery &q)
{
    Refund r;
    r.id = q.value(0).toLongLong();
    r.outRefundNo = q.value(1).toString();
    r.outTradeNo = q.value(2).toString();
    r.refundId = q.value(3).toString();
    r.amountFen = q.value(4).toLongLong();
    r.status = q.value(5).toString();
    r.createdAt = optionalInt(q.value(6));
    r.createdAtText = timetext::shown(q.value(7).toString(), r.createdAt);
    r.successAt = optionalInt(q.value(8));
    r.successAtText = timetext::shown(q.value(9).toString(), r.successAt);
    r.stateAt = optionalInt(q.value(10));
    r.source = recordSourceFromWord(q.value(11).toString()).value_or(RecordSource::Import);
    r.needsReview = q.value(12).toBool();
    r.reviewReason = q.value(13).toString();
    r.updatedAt = q.value(14).toLongLong();
    return r;
}

Refund refundFrom(const SqliteStatement &q)
{
    Refund r;
    r.id = q.int64(0);
    r.outRefundNo = q.text(1);
    r.outTradeNo = q.text(2);
    r.refundId = q.text(3);
    r.amountFen = q.int64(4);
    r.status = q.text(5);
    r.createdAt = q.optionalInt64(6);
    r.createdAtText = timetext::shown(q.text(7), r.createdAt);
    r.successAt = q.optionalInt64(8);
    r.successAtText = timetext::shown(q.text(9), r.successAt);
    r.stateAt = q.optionalInt64(10);
    r.source = recordSourceFromWord(q.text(11)).value_or(RecordSource::Import);
    r.needsReview = q.int64(12) != 0;
    r.reviewReason = q.text(13);
    r.updatedAt = q.int64(14);
    return r;
}

QString timeText(const QString &text, std::optional<cst::Instant>)
{
    return timetext::stored(text);
}

// The partial index over pending refunds is used only when a query repeats its WHERE clause
// literally; add it when the asked statuses are all pending ones.
QString pendingClause(const QStringList &statuses)
{
    static const QStringList pending{QStringLiteral("PROCESSING"), QStringLiteral("ABNORMAL")};
    for (const QString &s : statuses) {
        if (!pending.contains(s))
            return {};
    }
    return QStringLiteral(" AND (status = 'PROCESSING' OR status = 'ABNORMAL')");
}

} // namespace

Result<std::optional<Refund>> RefundRepository::find(const QString &outRefundNo) const
{
    const auto st = preparedOnce(m_ledger, m_find,
                                 "SELECT id, out_refund_no, out_trade_no, refund_id, amount_fen, "
                                 "status, created_at, created_at_text, success_at, "
                                 "success_at_text, state_at, source, needs_review, review_reason, "
                                 "updated_at FROM refunds WHERE out_refund_no = ?1");
    if (!st)
        return st.error();
    SqliteStatement &q = **st;
    q.bindText(1, outRefundNo);
    const Result<bool> row = q.step();
    std::optional<Refund> refund;
    if (row && *row)
        refund = refundFrom(q);
    q.reset();
    if (!row)
        return m_ledger.failed(Tr::tr("read refund %1").arg(outRefundNo), row.error());
    return refund;
}

Result<QList<Refund>> RefundRepository::forOrder(const QString &outTradeNo) const
{
    QSqlQuery q(m_ledger.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kColumns
              + QStringLiteral(" FROM refunds WHERE out_trade_no = ? ORDER BY created_at, id"));
    q.addBindValue(sqlbind::text(outTradeNo));
    if (!q.exec())
        return m_ledger.queryError(q, Tr::tr("list the refunds of order %1").arg(outTradeNo));
    QList<Refund> out;
    while (q.next())
        out.append(refundFrom(q));
    return out;
}

Result<ApplyResult> RefundRepository::applyRefundState(const RefundEvent &event)
{
    if (event.outRefundNo.isEmpty() || event.state.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("A refund state needs a refund number and a state."));
    Transaction tx(m_ledger);
    if (Status s = tx.begin(); !s)
        return s.error();
    const auto existing = find(event.outRefundNo);
    if (!existing)
        return existing.error();
    const cst::Instant now = cst::now();
    ApplyResult result;
    AuditEntry audit;
    audit.actor = event.actor.isEmpty() ? recordSourceWord(event.source) : event.actor;
    audit.entity = QStringLiteral("refund");
    audit.entityKey = event.outRefundNo;

    if (!existing->has_value()) {
        if (!event.createIfMissing)
            return makeError(ErrorCode::NotFound,
                             Tr::tr("The ledger has no refund %1.").arg(event.outRefundNo));
        if (event.outTradeNo.isEmpty())
            return makeError(ErrorCode::InvalidInput,
                             Tr::tr("Refund %1 is unknown to the ledger and the event does not "
                                    "name its order.")
                                 .arg(event.outRefundNo));
        const bool review = event.source != RecordSource::Import;
        const std::optional<cst::Instant> created = event.createdAt ? event.createdAt : event.at;
        const auto st = preparedOnce(
            m_ledger, m_insert,
            "INSERT INTO refunds (out_refund_no, out_trade_no, refund_id, amount_fen, status, "
            "created_at, created_at_text, success_at, success_at_text, state_at, source, "
            "needs_review, review_reason, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
            "?9, ?10, ?11, ?12, ?13, ?14)");
        if (!st)
            return st.error();
        SqliteStatement &q = **st;
        q.bindText(1, event.outRefundNo);
        q.bindText(2, event.outTradeNo);
        q.bindText(3, event.refundId);
        q.bind(4, event.amountFen.value_or(0));
        q.bindText(5, event.state);
        q.bind(6, created);
        q.bindText(7, timeText(event.createdAtText, created));
        q.bind(8, event.successAt);
        q.bindText(9, timeText(event.successAtText, event.successAt));
        q.bind(10, event.at);
        q.bindText(11, recordSourceWord(event.source));
        q.bind(12, qint64(review ? 1 : 0));
        q.bindText(
            13,
            review
                ? Tr::tr("unknown to the ledger until this %1").arg(recordSourceWord(event.source))
                : QString());
        q.bind(14, qint64(now));
        if (Status s = q.exec(); !s)
            return m_ledger.failed(Tr::tr("create refund %1").arg(event.outRefundNo), s.error());
        audit.action = QStringLiteral("create");
        audit.newValue = event.state;
        if (const auto r = m_audit.append(audit); !r)
            return r.error();
        if (Status s = tx.commit(); !s)
            return s.error();
        result.outcome = StateOutcome::Created;
        return result;
    }

    const Refund &refund = **existing;
    result.previousState = refund.status;
    result.amountDiffers = event.amountFen && *event.amountFen != refund.amountFen;
    result.outcome = refund.status == event.state
                         ? StateOutcome::Unchanged
                         : decideRefundTransition(refund.state(), refund.stateAt,
                                                  refundStateFromWord(event.state), event.at);
    if (result.outcome != StateOutcome::Applied)
        return result;
    const QString reason = result.amountDiffers
                               ? Tr::tr("amount %1 fen differs from the ledger's %2 fen")
                                     .arg(*event.amountFen)
                                     .arg(refund.amountFen)
                               : QString();
    const auto st = preparedOnce(
        m_ledger, m_update,
        "UPDATE refunds SET status = ?1, state_at = COALESCE(?2, state_at), "
        "refund_id = CASE WHEN ?3 <> '' THEN ?3 ELSE refund_id END, "
        "success_at = COALESCE(?4, success_at), "
        "success_at_text = CASE WHEN ?4 IS NOT NULL THEN ?5 ELSE success_at_text END, "
        "needs_review = CASE WHEN ?6 <> '' THEN 1 ELSE needs_review END, "
        "review_reason = CASE WHEN ?6 <> '' THEN ?6 ELSE review_reason END, "
        "updated_at = ?7 WHERE id = ?8");
    if (!st)
        return st.error();
    SqliteStatement &q = **st;
    q.bindText(1, event.state);
    q.bind(2, event.at);
    q.bindText(3, event.refundId);
    q.bind(4, event.successAt);
    q.bindText(5, timeText(event.successAtText, event.successAt));
    q.bindText(6, reason);
    q.bind(7, qint64(now));
    q.bind(8, refund.id);
    if (Status s = q.exec(); !s)
        return m_ledger.failed(Tr::tr("update refund %1").arg(event.outRefundNo), s.error());
    audit.action = QStringLiteral("state");
    audit.oldValue = refund.status;
    audit.newValue = event.state;
    audit.detail = reason;
    if (const auto r = m_audit.append(audit); !r)
        return r.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return result;
}

Result<QList<Refund>> RefundRepository::withStatus(const QStringList &statuses,
                                                   cst::Instant createdBefore, int limit) const
{
    QList<Refund> out;
    if (statuses.isEmpty())
        return out;
    QStringList marks;
    for (qsizetype i = 0; i < statuses.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery q(m_ledger.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kColumns
              + QStringLiteral(" FROM refunds WHERE status IN (") + marks.join(u',')
              + QStringLiteral(") AND created_at < ?") + pendingClause(statuses)
              + QStringLiteral(" ORDER BY created_at, id LIMIT ?"));
    for (const QString &s : statuses)
        q.addBindValue(sqlbind::text(s));
    q.addBindValue(createdBefore);
    q.addBindValue(limit);
    if (!q.exec())
        return m_ledger.queryError(q, Tr::tr("list refunds"));
    while (q.next())
        out.append(refundFrom(q));
    return out;
}

Result<qint64> RefundRepository::count() const
{
    QSqlQuery q(m_ledger.database());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM refunds")) || !q.next())
        return m_ledger.queryError(q, Tr::tr("count refunds"));
    return q.value(0).toLongLong();
}

namespace {

Status visitRefunds(SqliteStatement &q, const RefundRepository::Visitor &visitor)
{
    for (;;) {
        const Result<bool> row = q.step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
        RefundView v;
        v.outRefundNo = q.view(0);
        v.outTradeNo = q.view(1);
        v.refundId = q.view(2);
        v.status = q.view(3);
        v.amountFen = q.int64(4);
        v.createdAt = q.optionalInt64(5);
        if (Status s = visitor(v); !s) {
            q.reset();
            return s;
        }
    }
}

} // namespace

Status RefundRepository::forEachCreatedBetween(cst::Instant from, cst::Instant to,
                                               const Visitor &visitor) const
{
    SqliteStatement q(m_ledger,
                      "SELECT out_refund_no, out_trade_no, refund_id, status, amount_fen, "
                      "created_at FROM refunds WHERE created_at >= ?1 AND created_at < ?2 "
                      "ORDER BY created_at");
    if (Status s = q.prepared(); !s)
        return s;
    q.bind(1, from);
    q.bind(2, to);
    return visitRefunds(q, visitor);
}

Status RefundRepository::forEachOf(const std::vector<std::string> &outRefundNos,
                                   const Visitor &visitor) const
{
    SqliteStatement q(m_ledger,
                      "SELECT out_refund_no, out_trade_no, refund_id, status, amount_fen, "
                      "created_at FROM refunds WHERE out_refund_no = ?1");
    if (Status s = q.prepared(); !s)
        return s;
    for (const std::string &key : outRefundNos) {
        q.bindView(1, key);
        if (Status s = visitRefunds(q, visitor); !s)
            return s;
        q.reset();
    }
    return {};
}

RefundRepository::RefundRepository(Ledger &ledger)
    : m_ledger(ledger)
    , m_audit(ledger)
{}

RefundRepository::~RefundRepository() = default;

Status RefundRepository::findView(std::string_view key, const Visitor &visitor) const
{
    const auto st = preparedOnce(m_ledger, m_lookup,
                                 "SELECT out_refund_no, out_trade_no, refund_id, status, "
                                 "amount_fen, created_at FROM refunds WHERE out_refund_no = ?1");
    if (!st)
        return st.error();
    (*st)->bindView(1, key);
    const Status s = visitRefunds(**st, visitor);
    (*st)->reset();
    return s;
}

} // namespace wxr::core
