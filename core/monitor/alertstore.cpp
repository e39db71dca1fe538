// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/alertstore.h"

#include "ledger/ledger.h"
#include "ledger/sqlitestatement.h"

#include <sqlite3.h>

namespace wxr::core {

namespace {

constexpr const char *kColumns
    = "id, kind, subject, started_at_ms, ended_at_ms, value, threshold, message";

Result<QList<RaisedAlert>> readAlerts(Ledger &ledger, const QByteArray &sql,
                                      const QList<qint64> &binds)
{
    // REAL columns are read as text: SqliteStatement exposes integers and text only.
    SqliteStatement q(ledger, sql.constData());
    if (Status s = q.prepared(); !s)
        return s.error();
    for (qsizetype i = 0; i < binds.size(); ++i)
        q.bind(static_cast<int>(i + 1), binds[i]);
    QList<RaisedAlert> out;
    for (;;) {
        const Result<bool> row = q.step();
        if (!row)
            return row.error();
        if (!*row)
            return out;
        RaisedAlert a;
        a.id = q.int64(0);
        a.kind = parseAlertKind(q.text(1)).value_or(AlertKind::FailureRate);
        a.subject = q.text(2);
        a.startedAtMs = q.int64(3);
        a.endedAtMs = q.optionalInt64(4);
        a.value = q.text(5).toDouble();
        a.threshold = q.text(6).toDouble();
        a.message = q.text(7);
        out.append(a);
    }
}

} // namespace

Result<QList<RaisedAlert>> AlertStore::open() const
{
    return readAlerts(m_ledger,
                      QByteArray("SELECT ") + kColumns
                          + " FROM alerts WHERE ended_at_ms IS NULL ORDER BY started_at_ms, id",
                      {});
}

Result<QList<RaisedAlert>> AlertStore::between(qint64 fromMs, qint64 untilMs) const
{
    return readAlerts(m_ledger,
                      QByteArray("SELECT ") + kColumns
                          + " FROM alerts WHERE started_at_ms < ?2 AND (ended_at_ms IS NULL OR "
                            "ended_at_ms >= ?1) ORDER BY started_at_ms DESC, id DESC",
                      {fromMs, untilMs});
}

Result<RaisedAlert> AlertStore::raise(const AlertCondition &c, qint64 atMs)
{
    SqliteStatement q(m_ledger, "INSERT INTO alerts (kind, subject, started_at_ms, value, "
                                "threshold, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (Status s = q.prepared(); !s)
        return s.error();
    q.bindText(1, alertKindName(c.kind));
    q.bindText(2, c.subject);
    q.bind(3, atMs);
    q.bindText(4, QString::number(c.value, 'g', 17));
    q.bindText(5, QString::number(c.threshold, 'g', 17));
    q.bindText(6, c.message);
    if (Status s = q.exec(); !s)
        return s.error();
    RaisedAlert a;
    a.id = sqlite3_last_insert_rowid(m_ledger.handle());
    a.kind = c.kind;
    a.subject = c.subject;
    a.startedAtMs = atMs;
    a.value = c.value;
    a.threshold = c.threshold;
    a.message = c.message;
    return a;
}

Status AlertStore::update(const RaisedAlert &a)
{
    SqliteStatement q(m_ledger,
                      "UPDATE alerts SET value = ?1, threshold = ?2, message = ?3 WHERE id = ?4");
    if (Status s = q.prepared(); !s)
        return s;
    q.bindText(1, QString::number(a.value, 'g', 17));
    q.bindText(2, QString::number(a.threshold, 'g', 17));
    q.bindText(3, a.message);
    q.bind(4, a.id);
    return q.exec();
}

Status AlertStore::resolve(qint64 id, qint64 atMs)
{
    SqliteStatement q(m_ledger, "UPDATE alerts SET ended_at_ms = ?1 WHERE id = ?2 AND "
                                "ended_at_ms IS NULL");
    if (Status s = q.prepared(); !s)
        return s;
    q.bind(1, atMs);
    q.bind(2, id);
    return q.exec();
}

Status AlertStore::markNotified(qint64 id)
{
    SqliteStatement q(m_ledger, "UPDATE alerts SET notified = 1 WHERE id = ?1");
    if (Status s = q.prepared(); !s)
        return s;
    q.bind(1, id);
    return q.exec();
}

} // namespace wxr::core
