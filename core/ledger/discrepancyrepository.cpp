// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/discrepancyrepository.h"

#include "common/coretr.h"
#include "ledger/auditlog.h"
#include "ledger/billrepository.h"
#include "ledger/ledger.h"
#include "ledger/orderrepository.h"
#include "ledger/refundrepository.h"
#include "ledger/sqlbind.h"
#include "ledger/transaction.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace wxr::core {

namespace {

const QString kColumns = QStringLiteral(
    "id, bill_date, kind, out_trade_no, transaction_id, ledger_status, bill_status, "
    "ledger_amount_fen, bill_amount_fen, out_refund_no, ledger_refund_fen, bill_refund_fen, state, "
    "note, state_by, state_at, resolved_by_run");
const QString kOrder
    = QStringLiteral(" ORDER BY bill_date, kind_order, out_trade_no, out_refund_no");

// The title of an audit entry in an order's timeline, for people: what changed, then the old
// and new value. Discrepancy states and kinds are shown with their labels; trade and refund
// states keep WeChat Pay's words, as in the views. Entries of other kinds keep the stored words.
QString auditTitle(const AuditEntry &e)
{
    struct Phrase
    {
        const char *entity;
        const char *action;
        const char *text;
    };
    static constexpr Phrase kPhrases[] = {
        {"order", "create", QT_TRANSLATE_NOOP("wxrecon", "Order recorded")},
        {"order", "state", QT_TRANSLATE_NOOP("wxrecon", "Order state")},
        {"order", "update", QT_TRANSLATE_NOOP("wxrecon", "Order updated")},
        {"order", "review", QT_TRANSLATE_NOOP("wxrecon", "Order flagged for review")},
        {"order", "query", QT_TRANSLATE_NOOP("wxrecon", "Order queried at WeChat Pay")},
        {"order", "close", QT_TRANSLATE_NOOP("wxrecon", "Order closed at WeChat Pay")},
        {"refund", "create", QT_TRANSLATE_NOOP("wxrecon", "Refund recorded")},
        {"refund", "state", QT_TRANSLATE_NOOP("wxrecon", "Refund state")},
        {"refund", "update", QT_TRANSLATE_NOOP("wxrecon", "Refund updated")},
        {"refund", "query", QT_TRANSLATE_NOOP("wxrecon", "Refund queried at WeChat Pay")},
        {"discrepancy", "state", QT_TRANSLATE_NOOP("wxrecon", "Discrepancy state")},
        {"discrepancy", "note", QT_TRANSLATE_NOOP("wxrecon", "Discrepancy note")},
        {"discrepancy", "kind", QT_TRANSLATE_NOOP("wxrecon", "Discrepancy kind")},
    };
    const auto phrase
        = std::find_if(std::begin(kPhrases), std::end(kPhrases), [&e](const Phrase &p) {
              return e.entity == QLatin1String(p.entity) && e.action == QLatin1String(p.action);
          });
    if (phrase == std::end(kPhrases)) {
        return e.oldValue.isEmpty()
                   ? Tr::tr("%1 %2: %3").arg(e.entity, e.action, e.newValue)
                   : Tr::tr("%1 %2: %3 → %4").arg(e.entity, e.action, e.oldValue, e.newValue);
    }
    const auto shown = [&e](const QString &value) {
        if (e.entity == u"discrepancy" && e.action == u"state") {
            if (const auto state = discrepancyStateFromName(value))
                return discrepancyStateLabel(*state);
        } else if (e.entity == u"discrepancy" && e.action == u"kind") {
            if (const auto kind = discrepancyKindFromName(value))
                return discrepancyKindLabel(*kind);
        }
        return value;
    };
    const QString what = Tr::tr(phrase->text);
    return e.oldValue.isEmpty()
               ? Tr::tr("%1: %2").arg(what, shown(e.newValue))
               : Tr::tr("%1: %2 → %3").arg(what, shown(e.oldValue), shown(e.newValue));
}

std::optional<qint64> optionalInt(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

Discrepancy discrepancyFrom(const QSqlQuery &q)
{
    Discrepancy d;
    d.id = q.value(0).toLongLong();
    d.billDate = QDate::fromString(q.value(1).toString(), Qt::ISODate);
    d.kind
        = discrepancyKindFromName(q.value(2).toString()).value_or(DiscrepancyKind::MissingInLedger);
    d.outTradeNo = q.value(3).toString();
    d.transactionId = q.value(4).toString();
    d.ledgerStatus = q.value(5).toString();
    d.billStatus = q.value(6).toString();
    d.ledgerAmountFen = optionalInt(q.value(7));
    d.billAmountFen = optionalInt(q.value(8));
    d.outRefundNo = q.value(9).toString();
    d.ledgerRefundFen = optionalInt(q.value(10));
    d.billRefundFen = optionalInt(q.value(11));
    d.state = discrepancyStateFromName(q.value(12).toString()).value_or(DiscrepancyState::Open);
    d.note = q.value(13).toString();
    d.stateBy = q.value(14).toString();
    d.stateAt = optionalInt(q.value(15));
    d.resolvedByRun = q.value(16).toBool();
    return d;
}

// WHERE clause and its bound values for a filter.
struct Where
{
    QString sql;
    QVariantList values;
};

Where whereOf(const DiscrepancyFilter &f)
{
    QStringList parts;
    Where w;
    if (f.from.isValid() && f.from == f.to) {
        // One day: an equality lets SQLite use the whole (bill_date, kind_order, …) index, so
        // a kind filter needs no sort and a later page no walk from the day's first row.
        parts << QStringLiteral("bill_date = ?");
        w.values << f.from.toString(Qt::ISODate);
    } else if (f.from.isValid()) {
        parts << QStringLiteral("bill_date >= ?");
        w.values << f.from.toString(Qt::ISODate);
    }
    if (f.to.isValid() && f.to != f.from) {
        parts << QStringLiteral("bill_date <= ?");
        w.values << f.to.toString(Qt::ISODate);
    }
    if (!f.kinds.isEmpty()) {
        QStringList marks;
        for (DiscrepancyKind k : f.kinds) {
            marks << QStringLiteral("?");
            w.values << static_cast<int>(k);
        }
        parts << QStringLiteral("kind_order IN (") + marks.join(u',') + u')';
    }
    if (!f.states.isEmpty()) {
        QStringList marks;
        for (DiscrepancyState s : f.states) {
            marks << QStringLiteral("?");
            w.values << discrepancyStateName(s);
        }
        parts << QStringLiteral("state IN (") + marks.join(u',') + u')';
    }
    if (!f.search.isEmpty()) {
        // LIKE is case-insensitive for ASCII in SQLite; escape its wildcards.
        QString pattern = f.search;
        pattern.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        pattern = u'%' + pattern + u'%';
        parts << QStringLiteral(
            "(out_trade_no LIKE ? ESCAPE '\\' OR transaction_id LIKE ? ESCAPE "
            "'\\' OR out_refund_no LIKE ? ESCAPE '\\' OR note LIKE ? ESCAPE '\\')");
        w.values << pattern << pattern << pattern << pattern;
    }
    if (!parts.isEmpty())
        w.sql = QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
    return w;
}

} // namespace

Result<qint64> DiscrepancyRepository::count(const DiscrepancyFilter &filter) const
{
    const Where w = whereOf(filter);
    QSqlQuery q(m_ledger.database());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM discrepancies") + w.sql);
    for (const QVariant &v : w.values)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return m_ledger.queryError(q, Tr::tr("count discrepancies"));
    return q.value(0).toLongLong();
}

Result<QList<Discrepancy>> DiscrepancyRepository::page(const DiscrepancyFilter &filter,
                                                       qint64 offset, int limit) const
{
    const Where w = whereOf(filter);
    QSqlQuery q(m_ledger.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM discrepancies") + w.sql
              + kOrder + QStringLiteral(" LIMIT ? OFFSET ?"));
    for (const QVariant &v : w.values)
        q.addBindValue(v);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec())
        return m_ledger.queryError(q, Tr::tr("list discrepancies"));
    QList<Discrepancy> out;
    while (q.next())
        out.append(discrepancyFrom(q));
    return out;
}

Result<QList<Discrepancy>> DiscrepancyRepository::pageAfter(const DiscrepancyFilter &filter,
                                                            const Discrepancy *last,
                                                            int limit) const
{
    Where w = whereOf(filter);
    if (last) {
        // Row values follow the ORDER BY, so the unique index serves both.
        w.sql += (w.sql.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND "))
                 + QStringLiteral(
                     "(bill_date, kind_order, out_trade_no, out_refund_no) > (?, ?, ?, ?)");
        w.values << last->billDate.toString(Qt::ISODate) << static_cast<int>(last->kind)
                 << last->outTradeNo << last->outRefundNo;
    }
    QSqlQuery q(m_ledger.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM discrepancies") + w.sql
              + kOrder + QStringLiteral(" LIMIT ?"));
    for (const QVariant &v : w.values)
        q.addBindValue(v);
    q.addBindValue(limit);
    if (!q.exec())
        return m_ledger.queryError(q, Tr::tr("list discrepancies"));
    QList<Discrepancy> out;
    while (q.next())
        out.append(discrepancyFrom(q));
    return out;
}

Status DiscrepancyRepository::forEach(const DiscrepancyFilter &filter, const Visitor &visitor) const
{
    const Where w = whereOf(filter);
    QSqlQuery q(m_ledger.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM discrepancies") + w.sql
              + kOrder);
    for (const QVariant &v : w.values)
        q.addBindValue(v);
    if (!q.exec())
        return m_ledger.queryError(q, Tr::tr("list discrepancies"));
    while (q.next()) {
        if (Status s = visitor(discrepancyFrom(q)); !s)
            return s;
    }
    return {};
}

Result<std::optional<Discrepancy>> DiscrepancyRepository::find(qint64 id) const
{
    QSqlQuery q(m_ledger.database());
    q.prepare(QStringLiteral("SELECT ") + kColumns
              + QStringLiteral(" FROM discrepancies WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return m_ledger.queryError(q, Tr::tr("read discrepancy %1").arg(id));
    if (!q.next())
        return std::optional<Discrepancy>();
    return std::optional<Discrepancy>(discrepancyFrom(q));
}

Result<int> DiscrepancyRepository::setState(const QList<qint64> &ids, DiscrepancyState state,
                                            const QString &note, const QString &who)
{
    Transaction tx(m_ledger);
    if (Status s = tx.begin(); !s)
        return s.error();
    const cst::Instant now = cst::now();
    const QString stateName = discrepancyStateName(state);
    AuditLog audit(m_ledger);
    int changed = 0;
    for (qint64 id : ids) {
        const auto current = find(id);
        if (!current)
            return current.error();
        if (!current->has_value())
            return makeError(ErrorCode::NotFound,
                             Tr::tr("The ledger has no discrepancy %1.").arg(id));
        const Discrepancy &d = **current;
        const QString newNote = note.isNull() ? d.note : note;
        if (d.state == state && d.note == newNote)
            continue;
        QSqlQuery q(m_ledger.database());
        q.prepare(QStringLiteral("UPDATE discrepancies SET state = ?, note = ?, state_by = ?, "
                                 "state_at = ?, resolved_by_run = 0 WHERE id = ?"));
        q.addBindValue(sqlbind::text(stateName));
        q.addBindValue(sqlbind::text(newNote));
        q.addBindValue(sqlbind::text(who));
        q.addBindValue(now);
        q.addBindValue(id);
        if (!q.exec())
            return m_ledger.queryError(q, Tr::tr("update discrepancy %1").arg(id));
        AuditEntry e;
        e.at = now;
        e.actor = who;
        e.action = d.state == state ? QStringLiteral("note") : QStringLiteral("state");
        e.entity = QStringLiteral("discrepancy");
        e.entityKey = QString::number(id);
        e.oldValue = discrepancyStateName(d.state);
        e.newValue = stateName;
        e.detail = newNote;
        if (const auto r = audit.append(e); !r)
            return r.error();
        ++changed;
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return changed;
}

Result<QMap<QDate, DayStatus>> DiscrepancyRepository::dayStatuses(QDate from, QDate to) const
{
    QMap<QDate, DayStatus> out;
    for (QDate d = from; d.isValid() && d <= to; d = d.addDays(1))
        out.insert(d, DayStatus::NotFetched);
    const QString f = from.toString(Qt::ISODate);
    const QString t = to.toString(Qt::ISODate);
    QSqlQuery q(m_ledger.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT DISTINCT bill_date FROM bills WHERE bill_date BETWEEN ? AND ? "
                             "AND bill_type IN ('ALL', 'SUCCESS', 'REFUND')"));
    q.addBindValue(sqlbind::text(f));
    q.addBindValue(sqlbind::text(t));
    if (!q.exec())
        return m_ledger.queryError(q, Tr::tr("read the calendar"));
    while (q.next())
        out[QDate::fromString(q.value(0).toString(), Qt::ISODate)] = DayStatus::NotReconciled;
    q.prepare(QStringLiteral(
        "SELECT r.bill_date, "
        " (SELECT COUNT(*) FROM discrepancies d WHERE d.bill_date = r.bill_date), "
        " (SELECT COUNT(*) FROM discrepancies d WHERE d.bill_date = r.bill_date "
        "  AND d.state IN ('OPEN', 'ACKNOWLEDGED')) "
        "FROM (SELECT DISTINCT bill_date FROM recon_runs WHERE bill_date BETWEEN ? AND ?) r"));
    q.addBindValue(sqlbind::text(f));
    q.addBindValue(sqlbind::text(t));
    if (!q.exec())
        return m_ledger.queryError(q, Tr::tr("read the calendar"));
    while (q.next()) {
        const QDate d = QDate::fromString(q.value(0).toString(), Qt::ISODate);
        const qint64 all = q.value(1).toLongLong();
        const qint64 open = q.value(2).toLongLong();
        out[d]
            = all == 0 ? DayStatus::Clean : (open > 0 ? DayStatus::Open : DayStatus::AllResolved);
    }
    return out;
}

Result<QList<TimelineEntry>> DiscrepancyRepository::timeline(const QString &outTradeNo) const
{
    QList<TimelineEntry> out;
    const auto add = [&](cst::Instant at, TimelineEntry::Kind kind, const QString &title,
                         const QString &detail = {}) {
        out.append({at, kind, title, detail});
    };
    const auto order = OrderRepository(m_ledger).find(outTradeNo);
    if (!order)
        return order.error();
    if (order->has_value()) {
        const Order &o = **order;
        if (o.createdAt)
            add(*o.createdAt, TimelineEntry::Kind::Order,
                Tr::tr("Order created: %1 yuan").arg(money::formatYuan(o.amountFen)),
                Tr::tr("source: %1").arg(recordSourceLabel(o.source)));
        if (o.paidAt)
            add(*o.paidAt, TimelineEntry::Kind::Order, Tr::tr("Paid (ledger time)"),
                o.transactionId);
        if (o.needsReview)
            add(o.updatedAt, TimelineEntry::Kind::Note, Tr::tr("Flagged for review"),
                o.reviewReason);
    }
    const auto refunds = RefundRepository(m_ledger).forOrder(outTradeNo);
    if (!refunds)
        return refunds.error();
    AuditLog audit(m_ledger);
    QList<std::pair<QString, QString>> audited{{QStringLiteral("order"), outTradeNo}};
    for (const Refund &r : *refunds) {
        add(r.createdAt.value_or(0), TimelineEntry::Kind::Refund,
            Tr::tr("Refund %1 initiated: %2 yuan")
                .arg(r.outRefundNo, money::formatYuan(r.amountFen)),
            r.status);
        if (r.successAt)
            add(*r.successAt, TimelineEntry::Kind::Refund,
                Tr::tr("Refund %1 succeeded").arg(r.outRefundNo));
        audited.append({QStringLiteral("refund"), r.outRefundNo});
    }
    // A bill row is placed by its bill's date, type and file (what the person can find and
    // open), not by the ledger's id of the bill.
    const BillRepository bills(m_ledger);
    QHash<qint64, QString> billNames;
    const auto rowPlace = [&](const BillRowView &row) {
        auto name = billNames.constFind(row.billId);
        if (name == billNames.cend()) {
            const auto bill = bills.find(row.billId);
            QString text = Tr::tr("bill %1").arg(row.billId);
            if (bill && bill->has_value())
                text = Tr::tr("%1 bill of %2 (%3)")
                           .arg((*bill)->billType, (*bill)->billDate.toString(Qt::ISODate),
                                (*bill)->sourceName);
            name = billNames.insert(row.billId, text);
        }
        return Tr::tr("%1, line %2").arg(*name).arg(row.line);
    };
    if (Status s = bills.forEachRowOf(
            outTradeNo,
            [&](const BillRowView &row) -> Status {
                const QString state
                    = QString::fromUtf8(row.tradeState.data(), qsizetype(row.tradeState.size()));
                if (row.isRefund)
                    add(row.tradeTime, TimelineEntry::Kind::BillRow,
                        Tr::tr("Bill row: refund %1 of %2 yuan")
                            .arg(QString::fromUtf8(row.outRefundNo.data(),
                                                   qsizetype(row.outRefundNo.size())),
                                 money::formatYuan(row.refundAppliedFen)),
                        rowPlace(row));
                else
                    add(row.tradeTime, TimelineEntry::Kind::BillRow,
                        Tr::tr("Bill row: %1, %2 yuan").arg(state, money::formatYuan(row.orderFen)),
                        rowPlace(row));
                return {};
            });
        !s)
        return s.error();
    QSqlQuery q(m_ledger.database());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT id, bill_date, kind, state, note, created_at FROM discrepancies "
                       "WHERE out_trade_no = ? ORDER BY id"));
    q.addBindValue(sqlbind::text(outTradeNo));
    if (!q.exec())
        return m_ledger.queryError(q, Tr::tr("read the history of order %1").arg(outTradeNo));
    while (q.next()) {
        const QString kind = q.value(2).toString();
        const QString state = q.value(3).toString();
        const auto kindValue = discrepancyKindFromName(kind);
        const auto stateValue = discrepancyStateFromName(state);
        add(q.value(5).toLongLong(), TimelineEntry::Kind::Discrepancy,
            Tr::tr("%1 on %2")
                .arg(kindValue ? discrepancyKindLabel(*kindValue) : kind, q.value(1).toString()),
            stateValue ? discrepancyStateLabel(*stateValue) : state);
        audited.append({QStringLiteral("discrepancy"), q.value(0).toString()});
    }
    for (const auto &[entity, key] : audited) {
        const auto entries = audit.forEntity(entity, key);
        if (!entries)
            return entries.error();
        for (const AuditEntry &e : *entries) {
            add(e.at,
                e.action == u"note" ? TimelineEntry::Kind::Note : TimelineEntry::Kind::StateChange,
                auditTitle(e),
                e.detail.isEmpty() ? e.actor : e.actor + QStringLiteral(": ") + e.detail);
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const TimelineEntry &a, const TimelineEntry &b) { return a.at < b.at; });
    return out;
}

} // namespace wxr::core
