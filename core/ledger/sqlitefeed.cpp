// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/sqlitefeed.h"

#include "common/coretr.h"
#include "ledger/ledger.h"

#include <QByteArray>

#include <sqlite3.h>

namespace wxr::core {

struct SqliteFeed::State
{
    QByteArray name;
    QByteArray declaration; ///< CREATE TABLE x(<columns>)
    ColumnFn column = nullptr;
    const void *rows = nullptr;
    qint64 count = 0;
};

namespace {

struct FeedTable
{
    sqlite3_vtab base{};
    const SqliteFeed::State *state = nullptr;
};

struct FeedCursor
{
    sqlite3_vtab_cursor base{};
    qint64 row = 0;
};

const SqliteFeed::State &stateOf(sqlite3_vtab_cursor *cursor)
{
    return *reinterpret_cast<FeedTable *>(cursor->pVtab)->state;
}

int feedConnect(sqlite3 *db, void *aux, int, const char *const *, sqlite3_vtab **table, char **)
{
    const auto *state = static_cast<const SqliteFeed::State *>(aux);
    if (const int rc = sqlite3_declare_vtab(db, state->declaration.constData()); rc != SQLITE_OK)
        return rc;
    auto *t = new FeedTable;
    t->state = state;
    *table = &t->base;
    return SQLITE_OK;
}

int feedDisconnect(sqlite3_vtab *table)
{
    delete reinterpret_cast<FeedTable *>(table);
    return SQLITE_OK;
}

int feedBestIndex(sqlite3_vtab *table, sqlite3_index_info *info)
{
    // No constraint is used: every plan reads the rows in order.
    const qint64 count = reinterpret_cast<FeedTable *>(table)->state->count;
    info->estimatedRows = count;
    info->estimatedCost = double(count) + 1;
    return SQLITE_OK;
}

int feedOpen(sqlite3_vtab *, sqlite3_vtab_cursor **cursor)
{
    *cursor = &(new FeedCursor)->base;
    return SQLITE_OK;
}

int feedClose(sqlite3_vtab_cursor *cursor)
{
    delete reinterpret_cast<FeedCursor *>(cursor);
    return SQLITE_OK;
}

int feedFilter(sqlite3_vtab_cursor *cursor, int, const char *, int, sqlite3_value **)
{
    reinterpret_cast<FeedCursor *>(cursor)->row = 0;
    return SQLITE_OK;
}

int feedNext(sqlite3_vtab_cursor *cursor)
{
    ++reinterpret_cast<FeedCursor *>(cursor)->row;
    return SQLITE_OK;
}

int feedEof(sqlite3_vtab_cursor *cursor)
{
    return reinterpret_cast<FeedCursor *>(cursor)->row >= stateOf(cursor).count;
}

int feedColumn(sqlite3_vtab_cursor *cursor, sqlite3_context *context, int column)
{
    const SqliteFeed::State &state = stateOf(cursor);
    state.column(context, state.rows, reinterpret_cast<FeedCursor *>(cursor)->row, column);
    return SQLITE_OK;
}

int feedRowid(sqlite3_vtab_cursor *cursor, sqlite3_int64 *rowid)
{
    *rowid = reinterpret_cast<FeedCursor *>(cursor)->row;
    return SQLITE_OK;
}

// xCreate null: an eponymous-only table, which exists in every schema of the connection
// without CREATE VIRTUAL TABLE and cannot be created by SQL.
const sqlite3_module kFeedModule = {
    /* iVersion */ 0,
    /* xCreate */ nullptr,
    /* xConnect */ feedConnect,
    /* xBestIndex */ feedBestIndex,
    /* xDisconnect */ feedDisconnect,
    /* xDestroy */ nullptr,
    /* xOpen */ feedOpen,
    /* xClose */ feedClose,
    /* xFilter */ feedFilter,
    /* xNext */ feedNext,
    /* xEof */ feedEof,
    /* xColumn */ feedColumn,
    /* xRowid */ feedRowid,
    /* xUpdate */ nullptr,
    /* xBegin */ nullptr,
    /* xSync */ nullptr,
    /* xCommit */ nullptr,
    /* xRollback */ nullptr,
    /* xFindFunction */ nullptr,
    /* xRename */ nullptr,
    /* xSavepoint */ nullptr,
    /* xRelease */ nullptr,
    /* xRollbackTo */ nullptr,
    /* xShadowName */ nullptr,
};

} // namespace

SqliteFeed::SqliteFeed(Ledger &ledger, const char *name, const char *columns, ColumnFn column)
    : m_ledger(ledger)
    , m_state(std::make_unique<State>())
{
    m_state->name = name;
    m_state->declaration = QByteArray("CREATE TABLE x(") + columns + ')';
    m_state->column = column;
    if (!ledger.handle()) {
        m_error = makeError(ErrorCode::Internal, Tr::tr("the ledger is not open"));
        return;
    }
    if (sqlite3_create_module_v2(ledger.handle(), name, &kFeedModule, m_state.get(), nullptr)
        != SQLITE_OK)
        m_error = ledger.sqliteError(Tr::tr("register a row feed"));
}

SqliteFeed::~SqliteFeed()
{
    // A null module unregisters the name (and drops the eponymous table).
    if (!m_error)
        sqlite3_create_module_v2(m_ledger.handle(), m_state->name.constData(), nullptr, nullptr,
                                 nullptr);
}

Status SqliteFeed::registered() const
{
    if (m_error)
        return *m_error;
    return {};
}

void SqliteFeed::set(const void *rows, qint64 count)
{
    m_state->rows = rows;
    m_state->count = count;
}

void SqliteFeed::resultText(sqlite3_context *context, std::string_view text)
{
    sqlite3_result_text(context, text.data() ? text.data() : "", static_cast<int>(text.size()),
                        SQLITE_STATIC);
}

void SqliteFeed::resultInt64(sqlite3_context *context, std::optional<qint64> value)
{
    if (value)
        sqlite3_result_int64(context, *value);
    else
        sqlite3_result_null(context);
}

} // namespace wxr::core
