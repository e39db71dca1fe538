// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/auditlog.h"

#include "common/coretr.h"
#include "ledger/ledger.h"
#include "ledger/sqlbind.h"
#include "ledger/sqlitestatement.h"

#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace wxr::core {

AuditLog::AuditLog(Ledger &ledger)
    : m_ledger(ledger)
{}

AuditLog::~AuditLog() = default;

Result<qint64> AuditLog::append(const AuditEntry &e)
{
    if (!m_insert) {
        m_insert = std::make_unique<SqliteStatement>(
            m_ledger, "INSERT INTO audit_log (at, actor, action, entity, entity_key, old_value, "
                      "new_value, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        if (Status s = m_insert->prepared(); !s) {
            Error error = s.error();
            m_insert.reset(); // prepared again next time (the schema may not exist yet)
            return error;
        }
    }
    SqliteStatement &q = *m_insert;
    // bindText() binds a null QString as '' (the columns are NOT NULL), like sqlbind::text().
    q.bind(1, e.at != 0 ? e.at : cst::now());
    q.bindText(2, e.actor);
    q.bindText(3, e.action);
    q.bindText(4, e.entity);
    q.bindText(5, e.entityKey);
    q.bindText(6, e.oldValue);
    q.bindText(7, e.newValue);
    q.bindText(8, e.detail);
    if (Status s = q.exec(); !s)
        return makeError(ErrorCode::Database,
                         Tr::tr("The ledger “%1” could not record the change in its audit log: %2")
                             .arg(m_ledger.path(), s.error().message),
                         s.error().detail);
    return static_cast<qint64>(sqlite3_last_insert_rowid(m_ledger.handle()));
}

Result<QList<AuditEntry>> AuditLog::forEntity(const QString &entity, const QString &key) const
{
    QSqlQuery q(m_ledger.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, at, actor, action, entity, entity_key, old_value, "
                             "new_value, detail FROM audit_log WHERE entity = ? AND entity_key = ? "
                             "ORDER BY id"));
    q.addBindValue(sqlbind::text(entity));
    q.addBindValue(sqlbind::text(key));
    if (!q.exec())
        return makeError(ErrorCode::Database, Tr::tr("The ledger “%1” could not read its audit "
                                                     "log: %2")
                                                  .arg(m_ledger.path(), q.lastError().text()));
    QList<AuditEntry> out;
    while (q.next()) {
        AuditEntry e;
        e.id = q.value(0).toLongLong();
        e.at = q.value(1).toLongLong();
        e.actor = q.value(2).toString();
        e.action = q.value(3).toString();
        e.entity = q.value(4).toString();
        e.entityKey = q.value(5).toString();
        e.oldValue = q.value(6).toString();
        e.newValue = q.value(7).toString();
        e.detail = q.value(8).toString();
        out.append(e);
    }
    return out;
}

} // namespace wxr::core
