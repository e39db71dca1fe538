// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/auditlog.h"

#include "common/coretr.h"
#include "ledger/ledger.h"
#include "ledger/sqlbind.h"

#include <QSqlError>
#include <QSqlQuery>

namespace wxr::core {

Result<qint64> AuditLog::append(const AuditEntry &e)
{
    QSqlQuery q(m_ledger.database());
    q.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, entity, entity_key, "
                             "old_value, new_value, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(e.at != 0 ? e.at : cst::now());
    q.addBindValue(sqlbind::text(e.actor));
    q.addBindValue(sqlbind::text(e.action));
    q.addBindValue(sqlbind::text(e.entity));
    q.addBindValue(sqlbind::text(e.entityKey));
    q.addBindValue(sqlbind::text(e.oldValue));
    q.addBindValue(sqlbind::text(e.newValue));
    q.addBindValue(sqlbind::text(e.detail));
    if (!q.exec())
        return makeError(ErrorCode::Database,
                         Tr::tr("The ledger “%1” could not record the change in its audit log: %2")
                             .arg(m_ledger.path(), q.lastError().text()));
    return q.lastInsertId().toLongLong();
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
