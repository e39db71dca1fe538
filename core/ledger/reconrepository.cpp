// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/reconrepository.h"

#include "common/coretr.h"
#include "ledger/auditlog.h"
#include "ledger/ledger.h"
#include "ledger/orderrepository.h"
#include "ledger/paidzones.h"
#include "ledger/sqlitestatement.h"
#include "ledger/transaction.h"

#include <QHash>

namespace wxr::core {

namespace {

struct Stored
{
    qint64 id = 0;
    QString state;
    bool resolvedByRun = false;
    QString transactionId, ledgerStatus, billStatus;
    std::optional<qint64> ledgerAmount, billAmount, ledgerRefund, billRefund;
    bool seen = false;
};

QString keyOf(int kindOrder, const QString &outTradeNo, const QString &outRefundNo)
{
    return QString::number(kindOrder) + u'\x1f' + outTradeNo + u'\x1f' + outRefundNo;
}

const char *const kRunColumns
    = "id, bill_date, started_at, finished_at, actor, bill_ids, ledger_payment_count, "
      "ledger_payment_fen, bill_payment_count, bill_payment_fen, ledger_refund_count, "
      "ledger_refund_fen, bill_refund_count, bill_refund_fen, bill_fee_milli, bill_settlement_fen, "
      "discrepancy_count, new_count, resolved_count, promoted_count, cleared_count";

Result<ReconRun> runFrom(Ledger &ledger, SqliteStatement &q)
{
    ReconRun r;
    r.id = q.int64(0);
    r.billDate = QDate::fromString(q.text(1), Qt::ISODate);
    r.startedAt = q.int64(2);
    r.finishedAt = q.int64(3);
    r.actor = q.text(4);
    for (const QString &id : q.text(5).split(u',', Qt::SkipEmptyParts))
        r.billIds.append(id.toLongLong());
    ReconSummary &s = r.summary;
    s.billDate = r.billDate;
    s.ledgerPaymentCount = q.int64(6);
    s.ledgerPaymentFen = q.int64(7);
    s.billPaymentCount = q.int64(8);
    s.billPaymentFen = q.int64(9);
    s.ledgerRefundCount = q.int64(10);
    s.ledgerRefundFen = q.int64(11);
    s.billRefundCount = q.int64(12);
    s.billRefundFen = q.int64(13);
    s.billFeeMilli = q.int64(14);
    s.billSettlementFen = q.int64(15);
    r.discrepancyCount = q.int64(16);
    r.newCount = q.int64(17);
    r.resolvedCount = q.int64(18);
    r.promotedCount = q.int64(19);
    r.clearedCount = q.int64(20);
    SqliteStatement kinds(ledger, "SELECT kind, count, ledger_fen, bill_fen FROM recon_run_kinds "
                                  "WHERE run_id = ?1");
    kinds.bind(1, r.id);
    for (;;) {
        const Result<bool> row = kinds.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        if (const auto kind = discrepancyKindFromName(kinds.text(0)))
            s.of(*kind) = KindTotals{kinds.int64(1), kinds.int64(2), kinds.int64(3)};
    }
    return r;
}

} // namespace

Result<ReconRun>
ReconRepository::saveRun(const ReconSummary &summary, const QList<Discrepancy> &found,
                         const QList<qint64> &billIds, cst::Instant startedAt, const QString &actor,
                         const QList<PendingFollowUp> &followUps, QPromise<void> &promise)
{
    const QString date = summary.billDate.toString(Qt::ISODate);
    Transaction tx(m_ledger);
    if (Status s = tx.begin(); !s)
        return s.error();
    const cst::Instant now = cst::now();
    QStringList ids;
    for (qint64 id : billIds)
        ids << QString::number(id);

    SqliteStatement insertRun(
        m_ledger,
        "INSERT INTO recon_runs (bill_date, started_at, finished_at, actor, bill_ids, "
        "ledger_payment_count, ledger_payment_fen, bill_payment_count, bill_payment_fen, "
        "ledger_refund_count, ledger_refund_fen, bill_refund_count, bill_refund_fen, "
        "bill_fee_milli, bill_settlement_fen, discrepancy_count, new_count, resolved_count) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 0, 0)");
    insertRun.bindText(1, date);
    insertRun.bind(2, startedAt);
    insertRun.bind(3, now);
    insertRun.bindText(4, actor);
    insertRun.bindText(5, ids.join(u','));
    insertRun.bind(6, summary.ledgerPaymentCount);
    insertRun.bind(7, summary.ledgerPaymentFen);
    insertRun.bind(8, summary.billPaymentCount);
    insertRun.bind(9, summary.billPaymentFen);
    insertRun.bind(10, summary.ledgerRefundCount);
    insertRun.bind(11, summary.ledgerRefundFen);
    insertRun.bind(12, summary.billRefundCount);
    insertRun.bind(13, summary.billRefundFen);
    insertRun.bind(14, summary.billFeeMilli);
    insertRun.bind(15, summary.billSettlementFen);
    insertRun.bind(16, qint64(found.size()));
    if (Status s = insertRun.exec(); !s)
        return s.error();
    SqliteStatement lastId(m_ledger, "SELECT last_insert_rowid()");
    (void)lastId.step();
    const qint64 runId = lastId.int64(0);
    lastId.reset();
    const QString byRun = QStringLiteral("run %1").arg(runId);

    // What the ledger already holds for the date.
    QHash<QString, Stored> stored;
    {
        SqliteStatement q(m_ledger, "SELECT id, kind_order, out_trade_no, out_refund_no, state, "
                                    "resolved_by_run, transaction_id, ledger_status, bill_status, "
                                    "ledger_amount_fen, bill_amount_fen, ledger_refund_fen, "
                                    "bill_refund_fen FROM discrepancies WHERE bill_date = ?1");
        q.bindText(1, date);
        for (;;) {
            const Result<bool> row = q.step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            Stored s;
            s.id = q.int64(0);
            s.state = q.text(4);
            s.resolvedByRun = q.int64(5) != 0;
            s.transactionId = q.text(6);
            s.ledgerStatus = q.text(7);
            s.billStatus = q.text(8);
            s.ledgerAmount = q.optionalInt64(9);
            s.billAmount = q.optionalInt64(10);
            s.ledgerRefund = q.optionalInt64(11);
            s.billRefund = q.optionalInt64(12);
            stored.insert(keyOf(int(q.int64(1)), q.text(2), q.text(3)), s);
        }
    }

    SqliteStatement insert(
        m_ledger, "INSERT INTO discrepancies (bill_date, kind, kind_order, out_trade_no, "
                  "out_refund_no, transaction_id, ledger_status, bill_status, "
                  "ledger_amount_fen, bill_amount_fen, ledger_refund_fen, bill_refund_fen, "
                  "state, first_run_id, last_run_id, created_at) VALUES (?1, ?2, ?3, ?4, "
                  "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'OPEN', ?13, ?13, ?14)");
    SqliteStatement updateValues(
        m_ledger, "UPDATE discrepancies SET transaction_id = ?1, ledger_status = ?2, "
                  "bill_status = ?3, ledger_amount_fen = ?4, bill_amount_fen = ?5, "
                  "ledger_refund_fen = ?6, bill_refund_fen = ?7, last_run_id = ?8 "
                  "WHERE id = ?9");
    SqliteStatement setState(m_ledger, "UPDATE discrepancies SET state = ?1, state_by = ?2, "
                                       "state_at = ?3, resolved_by_run = ?4 WHERE id = ?5");
    for (SqliteStatement *s : {&insert, &updateValues, &setState}) {
        if (Status st = s->prepared(); !st)
            return st.error();
    }
    AuditLog audit(m_ledger);
    const auto auditState
        = [&](qint64 id, const QString &from, const QString &to, const QString &detail) -> Status {
        AuditEntry e;
        e.at = now;
        e.actor = byRun;
        e.action = QStringLiteral("state");
        e.entity = QStringLiteral("discrepancy");
        e.entityKey = QString::number(id);
        e.oldValue = from;
        e.newValue = to;
        e.detail = detail;
        if (const auto r = audit.append(e); !r)
            return r.error();
        return {};
    };

    ReconRun run;
    qint64 processed = 0;
    for (const Discrepancy &d : found) {
        if ((++processed & 4095) == 0 && promise.isCanceled())
            return makeError(ErrorCode::Cancelled, Tr::tr("The reconciliation was cancelled."));
        const int order = static_cast<int>(d.kind);
        const auto it = stored.find(keyOf(order, d.outTradeNo, d.outRefundNo));
        if (it == stored.end()) {
            insert.bindText(1, date);
            insert.bindText(2, discrepancyKindName(d.kind));
            insert.bind(3, qint64(order));
            insert.bindText(4, d.outTradeNo);
            insert.bindText(5, d.outRefundNo);
            insert.bindText(6, d.transactionId);
            insert.bindText(7, d.ledgerStatus);
            insert.bindText(8, d.billStatus);
            insert.bind(9, d.ledgerAmountFen);
            insert.bind(10, d.billAmountFen);
            insert.bind(11, d.ledgerRefundFen);
            insert.bind(12, d.billRefundFen);
            insert.bind(13, runId);
            insert.bind(14, now);
            if (Status s = insert.exec(); !s)
                return s.error();
            ++run.newCount;
            continue;
        }
        Stored &s = *it;
        s.seen = true;
        if (s.transactionId != d.transactionId || s.ledgerStatus != d.ledgerStatus
            || s.billStatus != d.billStatus || s.ledgerAmount != d.ledgerAmountFen
            || s.billAmount != d.billAmountFen || s.ledgerRefund != d.ledgerRefundFen
            || s.billRefund != d.billRefundFen) {
            updateValues.bindText(1, d.transactionId);
            updateValues.bindText(2, d.ledgerStatus);
            updateValues.bindText(3, d.billStatus);
            updateValues.bind(4, d.ledgerAmountFen);
            updateValues.bind(5, d.billAmountFen);
            updateValues.bind(6, d.ledgerRefundFen);
            updateValues.bind(7, d.billRefundFen);
            updateValues.bind(8, runId);
            updateValues.bind(9, s.id);
            if (Status st = updateValues.exec(); !st)
                return st.error();
        }
        if (s.state == u"RESOLVED" && s.resolvedByRun) {
            // It had gone and is back: open again; a person's RESOLVED stands.
            setState.bindText(1, QStringLiteral("OPEN"));
            setState.bindText(2, byRun);
            setState.bind(3, now);
            setState.bind(4, qint64(0));
            setState.bind(5, s.id);
            if (Status st = setState.exec(); !st)
                return st.error();
            if (Status st
                = auditState(s.id, s.state, QStringLiteral("OPEN"), QStringLiteral("found again"));
                !st)
                return st.error();
            ++run.newCount;
        }
    }
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const Stored &s = *it;
        if (s.seen || s.state == u"RESOLVED" || s.state == u"IGNORED")
            continue;
        setState.bindText(1, QStringLiteral("RESOLVED"));
        setState.bindText(2, byRun);
        setState.bind(3, now);
        setState.bind(4, qint64(1));
        setState.bind(5, s.id);
        if (Status st = setState.exec(); !st)
            return st.error();
        if (Status st = auditState(s.id, s.state, QStringLiteral("RESOLVED"),
                                   QStringLiteral("no longer found"));
            !st)
            return st.error();
        ++run.resolvedCount;
    }

    // The previous day's cross-day pending rows, now that this day's bill is in.
    SqliteStatement pendingKey(m_ledger, "SELECT bill_date, out_trade_no, out_refund_no, state "
                                         "FROM discrepancies WHERE id = ?1");
    SqliteStatement promoteConflict(m_ledger,
                                    "SELECT 1 FROM discrepancies WHERE bill_date = ?1 AND "
                                    "kind_order = ?2 AND out_trade_no = ?3 AND "
                                    "out_refund_no = ?4");
    SqliteStatement promote(m_ledger, "UPDATE discrepancies SET kind = ?1, kind_order = ?2, "
                                      "last_run_id = ?3 WHERE id = ?4");
    for (const PendingFollowUp &f : followUps) {
        pendingKey.bind(1, f.discrepancyId);
        const Result<bool> row = pendingKey.step();
        if (!row)
            return row.error();
        if (!*row) {
            pendingKey.reset();
            continue;
        }
        const QString pDate = pendingKey.text(0);
        const QString pTrade = pendingKey.text(1);
        const QString pRefund = pendingKey.text(2);
        const QString pState = pendingKey.text(3);
        pendingKey.reset();
        bool clear = f.foundInBill;
        if (!clear) {
            promoteConflict.bindText(1, pDate);
            promoteConflict.bind(2, qint64(DiscrepancyKind::MissingInBill));
            promoteConflict.bindText(3, pTrade);
            promoteConflict.bindText(4, pRefund);
            const Result<bool> conflict = promoteConflict.step();
            promoteConflict.reset();
            if (!conflict)
                return conflict.error();
            clear = *conflict; // already reported as MISSING_IN_BILL: the pending row is done
        }
        if (clear) {
            setState.bindText(1, QStringLiteral("RESOLVED"));
            setState.bindText(2, byRun);
            setState.bind(3, now);
            setState.bind(4, qint64(1));
            setState.bind(5, f.discrepancyId);
            if (Status st = setState.exec(); !st)
                return st.error();
            if (Status st
                = auditState(f.discrepancyId, pState, QStringLiteral("RESOLVED"),
                             f.foundInBill ? QStringLiteral("found in the next day's bill")
                                           : QStringLiteral("already missing in bill"));
                !st)
                return st.error();
            ++run.clearedCount;
        } else {
            promote.bindText(1, discrepancyKindName(DiscrepancyKind::MissingInBill));
            promote.bind(2, qint64(DiscrepancyKind::MissingInBill));
            promote.bind(3, runId);
            promote.bind(4, f.discrepancyId);
            if (Status st = promote.exec(); !st)
                return st.error();
            AuditEntry e;
            e.at = now;
            e.actor = byRun;
            e.action = QStringLiteral("kind");
            e.entity = QStringLiteral("discrepancy");
            e.entityKey = QString::number(f.discrepancyId);
            e.oldValue = discrepancyKindName(DiscrepancyKind::CrossDayPending);
            e.newValue = discrepancyKindName(DiscrepancyKind::MissingInBill);
            e.detail = QStringLiteral("not in the next day's bill either");
            if (const auto r = audit.append(e); !r)
                return r.error();
            ++run.promotedCount;
        }
    }

    SqliteStatement kinds(m_ledger, "INSERT INTO recon_run_kinds (run_id, kind, count, ledger_fen, "
                                    "bill_fen) VALUES (?1, ?2, ?3, ?4, ?5)");
    for (DiscrepancyKind k : allDiscrepancyKinds()) {
        const KindTotals &t = summary.of(k);
        kinds.bind(1, runId);
        kinds.bindText(2, discrepancyKindName(k));
        kinds.bind(3, t.count);
        kinds.bind(4, t.ledgerFen);
        kinds.bind(5, t.billFen);
        if (Status s = kinds.exec(); !s)
            return s.error();
    }
    SqliteStatement counts(m_ledger, "UPDATE recon_runs SET new_count = ?1, resolved_count = ?2, "
                                     "promoted_count = ?3, cleared_count = ?4, finished_at = ?5 "
                                     "WHERE id = ?6");
    counts.bind(1, run.newCount);
    counts.bind(2, run.resolvedCount);
    counts.bind(3, run.promotedCount);
    counts.bind(4, run.clearedCount);
    counts.bind(5, cst::now());
    counts.bind(6, runId);
    if (Status s = counts.exec(); !s)
        return s.error();
    AuditEntry e;
    e.at = now;
    e.actor = actor;
    e.action = QStringLiteral("reconcile");
    e.entity = QStringLiteral("day");
    e.entityKey = date;
    e.newValue = byRun;
    e.detail = QStringLiteral("%1 discrepancies, %2 new, %3 resolved, %4 promoted, %5 cleared")
                   .arg(found.size())
                   .arg(run.newCount)
                   .arg(run.resolvedCount)
                   .arg(run.promotedCount)
                   .arg(run.clearedCount);
    if (const auto r = audit.append(e); !r)
        return r.error();
    if (promise.isCanceled())
        return makeError(ErrorCode::Cancelled, Tr::tr("The reconciliation was cancelled."));
    if (Status s = tx.commit(); !s)
        return s.error();
    const auto saved = latestRun(summary.billDate);
    if (!saved)
        return saved.error();
    return **saved;
}

Status ReconRepository::forEachOrderPaidBetween(
    cst::Instant from, cst::Instant to,
    const std::function<Status(const OrderView &)> &visitor) const
{
    const auto ranges = PaidZones::idRanges(m_ledger, from, to);
    if (!ranges)
        return ranges.error();
    // Without transaction_id and created_at, which a reconciliation does not read: two column
    // reads fewer per order of a million.
    SqliteStatement q(m_ledger, "SELECT out_trade_no, '', status, amount_fen, NULL, paid_at "
                                "FROM orders WHERE id BETWEEN ?3 AND ?4 AND "
                                "paid_at >= ?1 AND paid_at < ?2");
    if (Status s = q.prepared(); !s)
        return s;
    q.bind(1, from);
    q.bind(2, to);
    for (const auto &[first, last] : *ranges) {
        q.bind(3, first);
        q.bind(4, last);
        if (Status s = OrderRepository::visit(q, visitor); !s)
            return s;
        q.reset();
    }
    return {};
}

Result<QList<Discrepancy>> ReconRepository::openPending(QDate date) const
{
    SqliteStatement q(m_ledger, "SELECT id, out_trade_no, transaction_id, ledger_status, "
                                "ledger_amount_fen, state, note FROM discrepancies WHERE "
                                "bill_date = ?1 AND kind_order = ?2 AND state IN ('OPEN', "
                                "'ACKNOWLEDGED') ORDER BY out_trade_no");
    q.bindText(1, date.toString(Qt::ISODate));
    q.bind(2, qint64(DiscrepancyKind::CrossDayPending));
    QList<Discrepancy> out;
    for (;;) {
        const Result<bool> row = q.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        Discrepancy d;
        d.id = q.int64(0);
        d.billDate = date;
        d.kind = DiscrepancyKind::CrossDayPending;
        d.outTradeNo = q.text(1);
        d.transactionId = q.text(2);
        d.ledgerStatus = q.text(3);
        d.ledgerAmountFen = q.optionalInt64(4);
        d.state = discrepancyStateFromName(q.text(5)).value_or(DiscrepancyState::Open);
        d.note = q.text(6);
        out.append(d);
    }
    return out;
}

Result<std::optional<ReconRun>> ReconRepository::latestRun(QDate date) const
{
    const QByteArray sql = QByteArray("SELECT ") + kRunColumns
                           + " FROM recon_runs WHERE bill_date = ?1 ORDER BY id DESC LIMIT 1";
    SqliteStatement q(m_ledger, sql.constData());
    q.bindText(1, date.toString(Qt::ISODate));
    const Result<bool> row = q.step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<ReconRun>();
    const auto run = runFrom(m_ledger, q);
    if (!run)
        return run.error();
    return std::optional<ReconRun>(*run);
}

Result<QList<ReconRun>> ReconRepository::latestRuns(QDate from, QDate to) const
{
    const QByteArray sql = QByteArray("SELECT ") + kRunColumns
                           + " FROM recon_runs WHERE id IN (SELECT MAX(id) FROM recon_runs WHERE "
                             "bill_date BETWEEN ?1 AND ?2 GROUP BY bill_date) ORDER BY bill_date";
    SqliteStatement q(m_ledger, sql.constData());
    q.bindText(1, from.toString(Qt::ISODate));
    q.bindText(2, to.toString(Qt::ISODate));
    QList<ReconRun> out;
    for (;;) {
        const Result<bool> row = q.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const auto run = runFrom(m_ledger, q);
        if (!run)
            return run.error();
        out.append(*run);
    }
    return out;
}

} // namespace wxr::core
