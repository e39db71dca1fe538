// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/orderrepository.h"

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

QString recordSourceWord(RecordSource source)
{
    switch (source) {
    case RecordSource::Import:
        return QStringLiteral("import");
    case RecordSource::Callback:
        return QStringLiteral("callback");
    case RecordSource::Query:
        return QStringLiteral("query");
    case RecordSource::Bill:
        return QStringLiteral("bill");
    }
    return {};
}

QString recordSourceLabel(RecordSource source)
{
    switch (source) {
    case RecordSource::Import:
        return Tr::tr("ledger import");
    case RecordSource::Callback:
        return Tr::tr("payment callback");
    case RecordSource::Query:
        return Tr::tr("order query");
    case RecordSource::Bill:
        return Tr::tr("trade bill");
    }
    return {};
}

std::optional<RecordSource> recordSourceFromWord(QStringView word)
{
    for (RecordSource s :
         {RecordSource::Import, RecordSource::Callback, RecordSource::Query, RecordSource::Bill}) {
        if (word == recordSourceWord(s))
            return s;
    }
    return std::nullopt;
}

namespace {

const QString kColumns = QStringLiteral(
    "id, out_trade_no, transaction_id, amount_fen, status, created_at, created_at_text, paid_at, "
    "paid_at_text, state_at, source, needs_review, review_reason, updated_at");

std::optional<qint64> optionalInt(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

Order orderFrom(const QSqlQuery &q)
{
    Order o;
    o.id = q.value(0).toLongLong();
    o.outTradeNo = q.value(1).toString();
    o.transactionId = q.value(2).toString();
    o.amountFen = q.value(3).toLongLong();
    o.status = q.value(4).toString();
    o.createdAt = optionalInt(q.value(5));
    o.createdAtText = timetext::shown(q.value(6).toString(), o.createdAt);
    o.paidAt = optionalInt(q.value(7));
    o.paidAtText = timetext::shown(q.value(8).toString(), o.paidAt);
    o.stateAt = optionalInt(q.value(9));
    o.source = recordSourceFromWord(q.value(10).toString()).value_or(RecordSource::Import);
    o.needsReview = q.value(11).toBool();
    o.reviewReason = q.value(12).toString();
    o.updatedAt = q.value(13).toLongLong();
    return o;
}

Order orderFrom(const SqliteStatement &q)
{
    Order o;
    o.id = q.int64(0);
    o.outTradeNo = q.text(1);
    o.transactionId = q.text(2);
    o.amountFen = q.int64(3);
    o.status = q.text(4);
    o.createdAt = q.optionalInt64(5);
    o.createdAtText = timetext::shown(q.text(6), o.createdAt);
    o.paidAt = q.optionalInt64(7);
    o.paidAtText = timetext::shown(q.text(8), o.paidAt);
    o.stateAt = q.optionalInt64(9);
    o.source = recordSourceFromWord(q.text(10)).value_or(RecordSource::Import);
    o.needsReview = q.int64(11) != 0;
    o.reviewReason = q.text(12);
    o.updatedAt = q.int64(13);
    return o;
}

// The partial index over pending orders is used only when a query repeats its WHERE clause
// literally; add it when the asked statuses are all pending ones.
QString pendingClause(const QStringList &statuses)
{
    static const QStringList pending{QStringLiteral("NOTPAY"), QStringLiteral("USERPAYING"),
                                     QStringLiteral("ACCEPT")};
    for (const QString &s : statuses) {
        if (!pending.contains(s))
            return {};
    }
    return QStringLiteral(" AND (status = 'NOTPAY' OR status = 'USERPAYING' OR status = 'ACCEPT')");
}

} // namespace

Result<std::optional<Order>> OrderRepository::find(const QString &outTradeNo) const
{
    const auto st = preparedOnce(m_ledger, m_find,
                                 "SELECT id, out_trade_no, transaction_id, amount_fen, status, "
                                 "created_at, created_at_text, paid_at, paid_at_text, "
                                 "state_at, source, needs_review, review_reason, updated_at "
                                 "FROM orders WHERE out_trade_no = ?1");
    if (!st)
        return st.error();
    SqliteStatement &q = **st;
    q.bindText(1, outTradeNo);
    const Result<bool> row = q.step();
    std::optional<Order> order;
    if (row && *row)
        order = orderFrom(q);
    q.reset();
    if (!row)
        return m_ledger.failed(Tr::tr("read order %1").arg(outTradeNo), row.error());
    return order;
}

Result<ApplyResult> OrderRepository::applyTradeState(const TradeEvent &event)
{
    if (event.outTradeNo.isEmpty() || event.state.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("An order state needs an order number and a state."));
    Transaction tx(m_ledger);
    if (Status s = tx.begin(); !s)
        return s.error();
    const auto existing = find(event.outTradeNo);
    if (!existing)
        return existing.error();
    const cst::Instant now = cst::now();
    const QString actor = event.actor.isEmpty() ? recordSourceWord(event.source) : event.actor;
    ApplyResult result;
    AuditEntry audit;
    audit.actor = actor;
    audit.entity = QStringLiteral("order");
    audit.entityKey = event.outTradeNo;

    if (!existing->has_value()) {
        if (!event.createIfMissing)
            return makeError(ErrorCode::NotFound,
                             Tr::tr("The ledger has no order %1.").arg(event.outTradeNo));
        const bool review = event.source != RecordSource::Import;
        const std::optional<cst::Instant> created = event.createdAt ? event.createdAt : event.at;
        const auto st = preparedOnce(
            m_ledger, m_insert,
            "INSERT INTO orders (out_trade_no, transaction_id, amount_fen, status, created_at, "
            "created_at_text, paid_at, paid_at_text, state_at, source, needs_review, "
            "review_reason, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
            "?12, ?13)");
        if (!st)
            return st.error();
        SqliteStatement &q = **st;
        q.bindText(1, event.outTradeNo);
        q.bindText(2, event.transactionId);
        q.bind(3, event.amountFen.value_or(0));
        q.bindText(4, event.state);
        q.bind(5, created);
        q.bindText(6, timetext::stored(event.createdAtText));
        q.bind(7, event.paidAt);
        q.bindText(8, timetext::stored(event.paidAtText));
        q.bind(9, event.at);
        q.bindText(10, recordSourceWord(event.source));
        q.bind(11, qint64(review ? 1 : 0));
        q.bindText(
            12,
            review
                ? Tr::tr("unknown to the ledger until this %1").arg(recordSourceWord(event.source))
                : QString());
        q.bind(13, qint64(now));
        if (Status s = q.exec(); !s)
            return m_ledger.failed(Tr::tr("create order %1").arg(event.outTradeNo), s.error());
        audit.action = QStringLiteral("create");
        audit.newValue = event.state;
        if (const auto r = m_audit.append(audit); !r)
            return r.error();
        if (Status s = tx.commit(); !s)
            return s.error();
        result.outcome = StateOutcome::Created;
        return result;
    }

    const Order &order = **existing;
    result.previousState = order.status;
    result.amountDiffers = event.amountFen && *event.amountFen != order.amountFen;
    if (order.status == event.state)
        result.outcome = StateOutcome::Unchanged;
    else
        result.outcome = decideTradeTransition(order.state(), order.stateAt,
                                               tradeStateFromWord(event.state), event.at);
    if (result.outcome != StateOutcome::Applied && result.outcome != StateOutcome::PaidAfterClose)
        return result; // nothing to write; the transaction rolls back empty

    QStringList reasons;
    if (result.outcome == StateOutcome::PaidAfterClose)
        reasons << Tr::tr("paid after the order was closed");
    if (result.amountDiffers)
        reasons << Tr::tr("amount %1 fen differs from the ledger's %2 fen")
                       .arg(*event.amountFen)
                       .arg(order.amountFen);
    const auto st
        = preparedOnce(m_ledger, m_update,
                       "UPDATE orders SET status = ?1, state_at = COALESCE(?2, state_at), "
                       "transaction_id = CASE WHEN ?3 <> '' THEN ?3 ELSE transaction_id END, "
                       "paid_at = COALESCE(?4, paid_at), "
                       "paid_at_text = CASE WHEN ?4 IS NOT NULL THEN ?5 ELSE paid_at_text END, "
                       "needs_review = CASE WHEN ?6 THEN 1 ELSE needs_review END, "
                       "review_reason = CASE WHEN ?7 <> '' THEN ?7 ELSE review_reason END, "
                       "updated_at = ?8 WHERE id = ?9");
    if (!st)
        return st.error();
    SqliteStatement &q = **st;
    const QString reason = reasons.join(QStringLiteral("; "));
    q.bindText(1, event.state);
    q.bind(2, event.at);
    q.bindText(3, event.transactionId);
    q.bind(4, event.paidAt);
    q.bindText(5, timetext::stored(event.paidAtText));
    q.bind(6, qint64(reasons.isEmpty() ? 0 : 1));
    q.bindText(7, reason);
    q.bind(8, qint64(now));
    q.bind(9, order.id);
    if (Status s = q.exec(); !s)
        return m_ledger.failed(Tr::tr("update order %1").arg(event.outTradeNo), s.error());
    audit.action = QStringLiteral("state");
    audit.oldValue = order.status;
    audit.newValue = event.state;
    audit.detail = reason;
    if (const auto r = m_audit.append(audit); !r)
        return r.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return result;
}

Result<QList<Order>> OrderRepository::withStatus(const QStringList &statuses,
                                                 cst::Instant createdFrom, cst::Instant createdTo,
                                                 int limit) const
{
    QList<Order> out;
    if (statuses.isEmpty())
        return out;
    QSqlQuery q(m_ledger.database());
    q.setForwardOnly(true);
    QStringList marks;
    for (qsizetype i = 0; i < statuses.size(); ++i)
        marks << QStringLiteral("?");
    q.prepare(
        QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM orders WHERE status IN (")
        + marks.join(u',') + QStringLiteral(") AND created_at >= ? AND created_at <= ?")
        + pendingClause(statuses) + QStringLiteral(" ORDER BY created_at DESC, id DESC LIMIT ?"));
    for (const QString &s : statuses)
        q.addBindValue(sqlbind::text(s));
    q.addBindValue(createdFrom);
    q.addBindValue(createdTo);
    q.addBindValue(limit);
    if (!q.exec())
        return m_ledger.queryError(q, Tr::tr("list orders"));
    while (q.next())
        out.append(orderFrom(q));
    return out;
}

Result<QList<Order>> OrderRepository::needingReview(int limit) const
{
    QSqlQuery q(m_ledger.database());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM orders WHERE needs_review = 1 ORDER BY updated_at, id LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return m_ledger.queryError(q, Tr::tr("list orders"));
    QList<Order> out;
    while (q.next())
        out.append(orderFrom(q));
    return out;
}

Status OrderRepository::setReview(const QString &outTradeNo, bool needsReview,
                                  const QString &reason, const QString &actor)
{
    Transaction tx(m_ledger);
    if (Status s = tx.begin(); !s)
        return s;
    QSqlQuery q(m_ledger.database());
    q.prepare(
        QStringLiteral("UPDATE orders SET needs_review = ?, review_reason = ?, updated_at = ? "
                       "WHERE out_trade_no = ?"));
    q.addBindValue(needsReview ? 1 : 0);
    q.addBindValue(sqlbind::text(reason));
    q.addBindValue(cst::now());
    q.addBindValue(sqlbind::text(outTradeNo));
    if (!q.exec())
        return m_ledger.queryError(q, Tr::tr("update order %1").arg(outTradeNo));
    if (q.numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound,
                         Tr::tr("The ledger has no order %1.").arg(outTradeNo));
    AuditEntry audit;
    audit.actor = actor;
    audit.action = QStringLiteral("review");
    audit.entity = QStringLiteral("order");
    audit.entityKey = outTradeNo;
    audit.newValue = needsReview ? QStringLiteral("1") : QStringLiteral("0");
    audit.detail = reason;
    if (const auto r = m_audit.append(audit); !r)
        return r.error();
    return tx.commit();
}

Result<qint64> OrderRepository::count() const
{
    QSqlQuery q(m_ledger.database());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM orders")) || !q.next())
        return m_ledger.queryError(q, Tr::tr("count orders"));
    return q.value(0).toLongLong();
}

Status OrderRepository::visit(SqliteStatement &q, const Visitor &visitor)
{
    for (;;) {
        const Result<bool> row = q.step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
        OrderView v;
        v.outTradeNo = q.view(0);
        v.transactionId = q.view(1);
        v.status = q.view(2);
        v.amountFen = q.int64(3);
        v.createdAt = q.optionalInt64(4);
        v.paidAt = q.optionalInt64(5);
        if (Status s = visitor(v); !s) {
            q.reset();
            return s;
        }
    }
}

Status OrderRepository::forEachOf(const std::vector<std::string> &outTradeNos,
                                  const Visitor &visitor) const
{
    SqliteStatement q(m_ledger, "SELECT out_trade_no, transaction_id, status, amount_fen, "
                                "created_at, paid_at FROM orders WHERE out_trade_no = ?1");
    if (Status s = q.prepared(); !s)
        return s;
    for (const std::string &key : outTradeNos) {
        q.bindView(1, key);
        if (Status s = visit(q, visitor); !s)
            return s;
        q.reset();
    }
    return {};
}

OrderRepository::OrderRepository(Ledger &ledger)
    : m_ledger(ledger)
    , m_audit(ledger)
{}

OrderRepository::~OrderRepository() = default;

Status OrderRepository::findView(std::string_view key, const Visitor &visitor) const
{
    const auto st = preparedOnce(m_ledger, m_lookup,
                                 "SELECT out_trade_no, transaction_id, status, amount_fen, "
                                 "created_at, paid_at FROM orders WHERE out_trade_no = ?1");
    if (!st)
        return st.error();
    (*st)->bindView(1, key);
    const Status s = visit(**st, visitor);
    (*st)->reset();
    return s;
}

} // namespace wxr::core
