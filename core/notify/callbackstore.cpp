// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/callbackstore.h"

#include "common/coretr.h"
#include "common/cstime.h"
#include "ledger/billrepository.h"
#include "ledger/ledger.h"
#include "ledger/paidzones.h"
#include "ledger/sqlitestatement.h"

#include <sqlite3.h>

#include <map>

namespace wxr::core {

namespace {

constexpr const char *kAnomalyNames[]
    = {"unknown_order", "unknown_refund", "amount_mismatch", "paid_after_close"};

constexpr const char *kEventColumns
    = "source, received_at_ms, notification_id, event_type, out_trade_no, transaction_id, "
      "out_refund_no, state, amount_fen, success_time, success_time_text, http_status, outcome, "
      "cause, processing_ms, attempt, serial, message";

CallbackEvent eventFrom(const SqliteStatement &q)
{
    CallbackEvent e;
    e.source = q.view(0) == "import" ? CallbackSource::Import : CallbackSource::Receiver;
    e.receivedAtMs = q.int64(1);
    e.notificationId = q.text(2);
    e.eventType = q.text(3);
    e.outTradeNo = q.text(4);
    e.transactionId = q.text(5);
    e.outRefundNo = q.text(6);
    e.state = q.text(7);
    e.amountFen = q.optionalInt64(8);
    e.successTime = q.optionalInt64(9);
    e.successTimeText = q.text(10);
    e.httpStatus = static_cast<int>(q.int64(11));
    e.outcome = parseCallbackOutcome(q.text(12)).value_or(CallbackOutcome::Error);
    const QString cause = q.text(13);
    e.cause = cause.isEmpty() ? FailureCause::None
                              : parseFailureCause(cause).value_or(FailureCause::Unspecified);
    e.processingMs = q.optionalInt64(14);
    e.attempt = static_cast<int>(q.int64(15));
    e.serial = q.text(16);
    e.message = q.text(17);
    return e;
}

} // namespace

QString anomalyKindName(AnomalyKind kind)
{
    return QString::fromLatin1(kAnomalyNames[static_cast<int>(kind)]);
}

QString anomalyKindLabel(AnomalyKind kind)
{
    switch (kind) {
    case AnomalyKind::UnknownOrder:
        return Tr::tr("Unknown order");
    case AnomalyKind::UnknownRefund:
        return Tr::tr("Unknown refund");
    case AnomalyKind::AmountMismatch:
        return Tr::tr("Amount differs from the ledger");
    case AnomalyKind::PaidAfterClose:
        return Tr::tr("Paid after close");
    }
    return {};
}

QList<AnomalyGroup> groupAnomalies(const QList<CallbackAnomaly> &anomalies, qsizetype named)
{
    std::map<AnomalyKind, QStringList> byKind;
    for (const CallbackAnomaly &a : anomalies)
        byKind[a.kind].append(a.outRefundNo.isEmpty() ? a.outTradeNo : a.outRefundNo);
    QList<AnomalyGroup> groups;
    for (const auto &[kind, keys] : byKind) {
        QString text = keys.mid(0, named).join(QStringLiteral(", "));
        if (keys.size() > named)
            text += Tr::tr(" and %n more", nullptr, int(keys.size() - named));
        groups.append({kind, keys.size(), text});
    }
    return groups;
}

std::optional<AnomalyKind> parseAnomalyKind(QStringView name)
{
    for (int i = 0; i < 4; ++i) {
        if (name == QLatin1String(kAnomalyNames[i]))
            return static_cast<AnomalyKind>(i);
    }
    return std::nullopt;
}

struct CallbackStore::Statements
{
    explicit Statements(Ledger &l)
        // The "<> ''" terms repeat the partial indexes' conditions: SQLite uses a partial index
        // only when the query's WHERE clause implies the index's, which a bound parameter
        // never does on its own.
        : deliveries(l, "SELECT COUNT(*), COALESCE(MAX(outcome IN ('applied', 'duplicate', "
                        "'ignored')), 0) FROM callbacks WHERE notification_id = ?1 AND "
                        "notification_id <> ''")
        , stateAcked(l, "SELECT 1 FROM callbacks WHERE out_trade_no = ?1 AND out_trade_no <> '' "
                        "AND out_refund_no = ?2 AND state = ?3 AND outcome IN ('applied', "
                        "'duplicate') LIMIT 1")
        , insert(l, "INSERT INTO callbacks (source, received_at_ms, notification_id, event_type, "
                    "out_trade_no, transaction_id, out_refund_no, state, amount_fen, "
                    "success_time, success_time_text, http_status, outcome, cause, "
                    "ledger_effect, processing_ms, attempt, serial, headers, body_sha256, "
                    "message, import_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                    "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22) "
                    "ON CONFLICT (import_key) DO NOTHING")
        , anomaly(l, "INSERT INTO callback_anomalies (callback_id, bill_date, kind, out_trade_no, "
                     "out_refund_no, ledger_amount_fen, callback_amount_fen, created_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
    {}

    SqliteStatement deliveries;
    SqliteStatement stateAcked;
    SqliteStatement insert;
    SqliteStatement anomaly;
};

CallbackStore::CallbackStore(Ledger &ledger)
    : m_ledger(ledger)
    , m_st(std::make_unique<Statements>(ledger))
{}

CallbackStore::~CallbackStore() = default;

Result<CallbackStore::Deliveries> CallbackStore::deliveriesOf(const QString &notificationId)
{
    SqliteStatement &q = m_st->deliveries;
    if (Status s = q.prepared(); !s)
        return s.error();
    q.bindText(1, notificationId);
    const Result<bool> row = q.step();
    Deliveries d;
    if (row && *row) {
        d.count = static_cast<int>(q.int64(0));
        d.acknowledged = q.int64(1) != 0;
    }
    q.reset();
    if (!row)
        return row.error();
    return d;
}

Result<bool> CallbackStore::stateAcknowledged(const QString &outTradeNo, const QString &outRefundNo,
                                              const QString &state)
{
    SqliteStatement &q = m_st->stateAcked;
    if (Status s = q.prepared(); !s)
        return s.error();
    q.bindText(1, outTradeNo);
    q.bindText(2, outRefundNo);
    q.bindText(3, state);
    const Result<bool> row = q.step();
    q.reset();
    return row;
}

Result<qint64> CallbackStore::insert(const CallbackEvent &e, const Extras &x)
{
    SqliteStatement &q = m_st->insert;
    if (Status s = q.prepared(); !s)
        return s.error();
    q.bindText(1, callbackSourceName(e.source));
    q.bind(2, e.receivedAtMs);
    q.bindText(3, e.notificationId);
    q.bindText(4, e.eventType);
    q.bindText(5, e.outTradeNo);
    q.bindText(6, e.transactionId);
    q.bindText(7, e.outRefundNo);
    q.bindText(8, e.state);
    q.bind(9, e.amountFen);
    q.bind(10, e.successTime);
    q.bindText(11, e.successTimeText);
    q.bind(12, qint64(e.httpStatus));
    q.bindText(13, callbackOutcomeName(e.outcome));
    q.bindText(14, e.cause == FailureCause::None ? QString() : failureCauseName(e.cause));
    q.bindText(15, x.ledgerEffect);
    q.bind(16, e.processingMs);
    q.bind(17, qint64(e.attempt));
    q.bindText(18, e.serial);
    // UTF-8 (JSON) and hex already: bound as they are, without a copy (x outlives exec()).
    q.bindView(19, std::string_view(x.headersJson.constData(), size_t(x.headersJson.size())));
    q.bindView(20, std::string_view(x.bodySha256.constData(), size_t(x.bodySha256.size())));
    q.bindText(21, e.message);
    if (x.importKey.isEmpty())
        q.bindNull(22);
    else
        q.bindText(22, QString::fromLatin1(x.importKey));
    if (Status s = q.exec(); !s)
        return s.error();
    if (q.changes() == 0)
        return qint64(0);
    return static_cast<qint64>(sqlite3_last_insert_rowid(m_ledger.handle()));
}

Status CallbackStore::addAnomaly(const CallbackAnomaly &a)
{
    SqliteStatement &q = m_st->anomaly;
    if (Status s = q.prepared(); !s)
        return s;
    q.bind(1, a.callbackId);
    q.bindText(2, a.billDate.toString(Qt::ISODate));
    q.bindText(3, anomalyKindName(a.kind));
    q.bindText(4, a.outTradeNo);
    q.bindText(5, a.outRefundNo);
    q.bind(6, a.ledgerAmountFen);
    q.bind(7, a.callbackAmountFen);
    q.bind(8, a.createdAt ? a.createdAt : cst::now());
    return q.exec();
}

namespace {

const QByteArray kSelectAnomalies
    = "SELECT id, callback_id, bill_date, kind, out_trade_no, out_refund_no, ledger_amount_fen, "
      "callback_amount_fen, created_at FROM callback_anomalies ";

// Rows of kSelectAnomalies.
Result<QList<CallbackAnomaly>> readAnomalies(SqliteStatement &q)
{
    QList<CallbackAnomaly> out;
    for (;;) {
        const Result<bool> row = q.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        CallbackAnomaly a;
        a.id = q.int64(0);
        a.callbackId = q.int64(1);
        a.billDate = QDate::fromString(q.text(2), Qt::ISODate);
        a.kind = parseAnomalyKind(q.text(3)).value_or(AnomalyKind::UnknownOrder);
        a.outTradeNo = q.text(4);
        a.outRefundNo = q.text(5);
        a.ledgerAmountFen = q.optionalInt64(6);
        a.callbackAmountFen = q.optionalInt64(7);
        a.createdAt = q.int64(8);
        out.append(a);
    }
    return out;
}

} // namespace

Result<QList<CallbackAnomaly>> CallbackStore::anomaliesOn(QDate billDate)
{
    const QByteArray sql = kSelectAnomalies + "WHERE bill_date = ?1 ORDER BY id";
    SqliteStatement q(m_ledger, sql.constData());
    if (Status s = q.prepared(); !s)
        return s.error();
    q.bindText(1, billDate.toString(Qt::ISODate));
    return readAnomalies(q);
}

Result<QList<CallbackAnomaly>> CallbackStore::anomaliesRecordedBetween(qint64 fromSeconds,
                                                                       qint64 untilSeconds)
{
    // Anomalies are rare (a handful a day even for a large merchant): no index on created_at.
    const QByteArray sql
        = kSelectAnomalies + "WHERE created_at >= ?1 AND created_at < ?2 ORDER BY id";
    SqliteStatement q(m_ledger, sql.constData());
    if (Status s = q.prepared(); !s)
        return s.error();
    q.bind(1, fromSeconds);
    q.bind(2, untilSeconds);
    return readAnomalies(q);
}

namespace {

// The columns the metrics read (forEachReceivedBetweenForMetrics) and an event of just those.
constexpr const char *kMetricColumns
    = "received_at_ms, outcome, cause, success_time, processing_ms, attempt";

CallbackEvent metricEventFrom(const SqliteStatement &q)
{
    const auto latin1 = [](std::string_view v) {
        return QString::fromLatin1(v.data(), qsizetype(v.size()));
    };
    CallbackEvent e;
    e.receivedAtMs = q.int64(0);
    e.outcome = parseCallbackOutcome(latin1(q.view(1))).value_or(CallbackOutcome::Error);
    const std::string_view cause = q.view(2);
    e.cause = cause.empty() ? FailureCause::None
                            : parseFailureCause(latin1(cause)).value_or(FailureCause::Unspecified);
    e.successTime = q.optionalInt64(3);
    e.processingMs = q.optionalInt64(4);
    e.attempt = static_cast<int>(q.int64(5));
    return e;
}

// The deliveries received in [fromMs, untilMs) in receipt order: `columns` read into an event
// by `read`.
Status forEachReceived(Ledger &ledger, const char *columns,
                       CallbackEvent (*read)(const SqliteStatement &), qint64 fromMs,
                       qint64 untilMs, const CallbackStore::Visitor &visitor)
{
    const QByteArray sql = QByteArray("SELECT ") + columns
                           + " FROM callbacks WHERE received_at_ms >= ?1 AND received_at_ms < ?2"
                             " ORDER BY received_at_ms, id";
    SqliteStatement q(ledger, sql.constData());
    if (Status s = q.prepared(); !s)
        return s;
    q.bind(1, fromMs);
    q.bind(2, untilMs);
    for (;;) {
        const Result<bool> row = q.step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
        if (Status s = visitor(read(q)); !s) {
            q.reset();
            return s;
        }
    }
}

} // namespace

Status CallbackStore::forEachReceivedBetween(qint64 fromMs, qint64 untilMs, const Visitor &visitor)
{
    return forEachReceived(m_ledger, kEventColumns, &eventFrom, fromMs, untilMs, visitor);
}

Status CallbackStore::forEachReceivedBetweenForMetrics(qint64 fromMs, qint64 untilMs,
                                                       const Visitor &visitor)
{
    return forEachReceived(m_ledger, kMetricColumns, &metricEventFrom, fromMs, untilMs, visitor);
}

Result<QList<CallbackEvent>> CallbackStore::latestFailuresBetween(qint64 fromMs, qint64 untilMs,
                                                                  int limit)
{
    const QByteArray sql = QByteArray("SELECT ") + kEventColumns
                           + " FROM callbacks WHERE received_at_ms >= ?1 AND received_at_ms < ?2"
                             " AND (outcome = 'rejected' OR outcome = 'error')"
                             " ORDER BY received_at_ms DESC, id DESC LIMIT ?3";
    SqliteStatement q(m_ledger, sql.constData());
    if (Status s = q.prepared(); !s)
        return s.error();
    q.bind(1, fromMs);
    q.bind(2, untilMs);
    q.bind(3, qint64(limit));
    QList<CallbackEvent> out;
    for (;;) {
        const Result<bool> row = q.step();
        if (!row)
            return row.error();
        if (!*row)
            return out;
        out.append(eventFrom(q));
    }
}

Result<std::optional<qint64>> CallbackStore::lastReceivedBefore(qint64 beforeMs)
{
    SqliteStatement q(m_ledger, "SELECT MAX(received_at_ms) FROM callbacks WHERE "
                                "received_at_ms < ?1");
    if (Status s = q.prepared(); !s)
        return s.error();
    q.bind(1, beforeMs);
    const Result<bool> row = q.step();
    if (!row)
        return row.error();
    return *row ? q.optionalInt64(0) : std::nullopt;
}

Result<std::optional<qint64>> CallbackStore::firstReceived()
{
    SqliteStatement q(m_ledger, "SELECT MIN(received_at_ms) FROM callbacks");
    if (Status s = q.prepared(); !s)
        return s.error();
    const Result<bool> row = q.step();
    if (!row)
        return row.error();
    return *row ? q.optionalInt64(0) : std::nullopt;
}

Result<qint64> CallbackStore::count()
{
    SqliteStatement q(m_ledger, "SELECT COUNT(*) FROM callbacks");
    if (Status s = q.prepared(); !s)
        return s.error();
    const Result<bool> row = q.step();
    if (!row)
        return row.error();
    return *row ? q.int64(0) : 0;
}

Status CallbackStore::forEachPaymentNotCalledBack(qint64 fromSeconds, qint64 untilSeconds,
                                                  const PaymentVisitor &visitor)
{
    // Bills are addressed by CST date, and a bill holds only rows of its day (the import
    // refuses others), so only the bills of the days the range touches are read: serve-notify
    // evaluates its alerts every minute over the last minutes, and reading yesterday's bill
    // each time (a million rows for a large merchant) only to skip every row was a stall of its
    // main thread. The bills' successful payments in the range go into a temporary table for
    // the query below.
    // All of it is one transaction (a savepoint, nested in the caller's if there is one): an
    // insert outside a transaction is a transaction of its own, which made filling the table
    // with a day's payments take seconds. Only the temporary table is written, so no writer
    // of the ledger waits; the reads share one snapshot.
    if (Status s = m_ledger.execute("SAVEPOINT lost_callbacks"); !s)
        return s;
    struct Cleanup
    {
        Ledger &ledger;
        ~Cleanup()
        {
            (void)ledger.execute("DELETE FROM temp.lost_callback_bill_paid");
            (void)ledger.execute("RELEASE lost_callbacks");
        }
    } cleanup{m_ledger};
    if (Status s = m_ledger.execute("CREATE TEMP TABLE IF NOT EXISTS lost_callback_bill_paid ("
                                    "out_trade_no TEXT NOT NULL, paid_at INTEGER NOT NULL); "
                                    "DELETE FROM temp.lost_callback_bill_paid;");
        !s)
        return s;
    {
        SqliteStatement insert(m_ledger, "INSERT INTO temp.lost_callback_bill_paid (out_trade_no, "
                                         "paid_at) VALUES (?1, ?2)");
        if (Status s = insert.prepared(); !s)
            return s;
        const BillRepository bills(m_ledger);
        for (QDate day = cst::billDateOf(fromSeconds); day <= cst::billDateOf(untilSeconds - 1);
             day = day.addDays(1)) {
            const auto list = bills.billsOf(day);
            if (!list)
                return list.error();
            for (const ImportedBill &b : *list) {
                if (b.billType != u"ALL" && b.billType != u"SUCCESS")
                    continue;
                if (Status s = bills.forEachRow(b.id,
                                                [&](const BillRowView &r) -> Status {
                                                    if (r.isRefund || r.tradeState != "SUCCESS"
                                                        || r.tradeTime < fromSeconds
                                                        || r.tradeTime >= untilSeconds)
                                                        return {};
                                                    insert.bindView(1, r.outTradeNo);
                                                    insert.bind(2, r.tradeTime);
                                                    return insert.exec();
                                                });
                    !s)
                    return s;
            }
        }
    }

    // "No callback announced this payment": asked in each branch before the rest, so that the
    // audit-log probe of the ledger branch runs only for the few orders nobody called back
    // (after a day of callbacks the audit log holds an entry for nearly every paid order).
    const auto unheard = [](const char *key) -> QByteArray {
        return QByteArray(" NOT EXISTS (SELECT 1 FROM callbacks c WHERE c.out_trade_no = ") + key
               + " AND c.out_trade_no <> '' AND c.out_refund_no = ''"
                 " AND c.event_type = 'TRANSACTION.SUCCESS'"
                 " AND c.outcome IN ('applied', 'duplicate'))";
    };
    const QByteArray sql
        = QByteArray("WITH paid (out_trade_no, paid_at, evidence) AS ("
                     " SELECT p.out_trade_no, p.paid_at, 'bill' FROM temp.lost_callback_bill_paid p"
                     "  WHERE")
          + unheard("p.out_trade_no")
          + " UNION ALL"
            " SELECT o.out_trade_no, o.paid_at, 'query' FROM order_paid_zones z"
            "  JOIN orders o ON o.id BETWEEN z.zone * ?3 AND z.zone * ?3 + ?3 - 1"
            "  WHERE z.max_paid >= ?1 AND z.min_paid < ?2"
            "  AND o.paid_at >= ?1 AND o.paid_at < ?2 AND o.status IN ('SUCCESS', 'REFUND')"
            "  AND"
          + unheard("o.out_trade_no")
          + "  AND (o.source IN ('query', 'bill') OR EXISTS (SELECT 1 FROM audit_log a"
            "   WHERE a.entity = 'order' AND a.entity_key = o.out_trade_no AND a.action = 'state'"
            "   AND a.new_value IN ('SUCCESS', 'REFUND') AND a.actor LIKE 'query%')))"
            " SELECT out_trade_no, MIN(paid_at), MIN(evidence) FROM paid"
            " GROUP BY out_trade_no ORDER BY 2, 1";
    SqliteStatement q(m_ledger, sql.constData());
    if (Status s = q.prepared(); !s)
        return s;
    q.bind(1, fromSeconds);
    q.bind(2, untilSeconds);
    q.bind(3, PaidZones::kRows);
    for (;;) {
        const Result<bool> row = q.step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
        UnheardPayment payment{q.text(0), q.int64(1), q.text(2)};
        if (Status s = visitor(payment); !s) {
            q.reset();
            return s;
        }
    }
}

} // namespace wxr::core
