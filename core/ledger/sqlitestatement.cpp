// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/sqlitestatement.h"

#include "common/coretr.h"
#include "ledger/ledger.h"

#include <sqlite3.h>

namespace wxr::core {

SqliteStatement::SqliteStatement(Ledger &ledger, const char *sql)
    : m_ledger(ledger)
    , m_sql(QString::fromUtf8(sql))
{
    if (!ledger.handle()) {
        m_prepareError = makeError(ErrorCode::Internal, Tr::tr("the ledger is not open"));
        return;
    }
    if (sqlite3_prepare_v3(ledger.handle(), sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr)
        != SQLITE_OK) {
        m_prepareError = ledger.sqliteError(Tr::tr("prepare a statement"));
        m_prepareError->detail = m_sql;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

Status SqliteStatement::prepared() const
{
    if (m_prepareError)
        return *m_prepareError;
    return {};
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bind(int index, std::optional<qint64> value)
{
    if (value)
        sqlite3_bind_int64(m_stmt, index, *value);
    else
        sqlite3_bind_null(m_stmt, index);
}

void SqliteStatement::bindView(int index, std::string_view text)
{
    sqlite3_bind_text(m_stmt, index, text.data() ? text.data() : "", static_cast<int>(text.size()),
                      SQLITE_STATIC);
}

void SqliteStatement::bindText(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()),
                      SQLITE_TRANSIENT);
}

void SqliteStatement::bindBlob(int index, const QByteArray &bytes)
{
    sqlite3_bind_blob64(m_stmt, index, bytes.constData(), static_cast<sqlite3_uint64>(bytes.size()),
                        SQLITE_TRANSIENT);
}

void SqliteStatement::bindBlobView(int index, QByteArrayView bytes)
{
    sqlite3_bind_blob64(m_stmt, index, bytes.constData(), static_cast<sqlite3_uint64>(bytes.size()),
                        SQLITE_STATIC);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

Result<bool> SqliteStatement::step()
{
    if (m_prepareError)
        return *m_prepareError;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error e = m_ledger.sqliteError(Tr::tr("run a statement"));
    e.detail = m_sql + u'\n' + e.detail;
    sqlite3_reset(m_stmt);
    return e;
}

Status SqliteStatement::exec()
{
    const Result<bool> r = step();
    sqlite3_reset(m_stmt);
    if (!r)
        return r.error();
    return {};
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

std::optional<qint64> SqliteStatement::optionalInt64(int column) const
{
    if (sqlite3_column_type(m_stmt, column) == SQLITE_NULL)
        return std::nullopt;
    return sqlite3_column_int64(m_stmt, column);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::string_view SqliteStatement::view(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!p)
        return {};
    return std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, column)));
}

std::string_view SqliteStatement::blobView(int column) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    if (!p)
        return {};
    return std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, column)));
}

QString SqliteStatement::text(int column) const
{
    const std::string_view v = view(column);
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}

int SqliteStatement::changes() const
{
    return sqlite3_changes(m_ledger.handle());
}

Result<SqliteStatement *> preparedOnce(Ledger &ledger, std::unique_ptr<SqliteStatement> &slot,
                                       const char *sql)
{
    if (!slot) {
        slot = std::make_unique<SqliteStatement>(ledger, sql);
        if (Status s = slot->prepared(); !s) {
            Error e = s.error();
            slot.reset();
            return e;
        }
    }
    return slot.get();
}

} // namespace wxr::core
