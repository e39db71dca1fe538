// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QtGlobal>

#include <memory>
#include <optional>
#include <string_view>

struct sqlite3_context;

namespace wxr::core {

class Ledger;

/// Rows held in C++ memory, readable from SQL as a table of the ledger's connection, so that a
/// bulk write is one `INSERT … SELECT … FROM <name>` per batch of rows instead of one statement
/// per row. A statement run per row opens and closes its cursors, seeks the table and each
/// index again and binds every value; for a million orders that is half of SQLite's time.
///
/// The table is an eponymous virtual table named `name` with the columns `columns` (SQL
/// column names, comma-separated); its rowid is the row's position in the batch (0, 1, …).
/// `column` produces one value with sqlite3_result_*(); text and blobs may be handed over
/// with SQLITE_STATIC, since the rows outlive every step that reads them. Statements that read
/// the table must be finalized before the feed is destroyed (declare the feed first).
///
/// An INSERT … SELECT with an upsert clause needs `WHERE true` before `ON CONFLICT`, which
/// would otherwise parse as a join constraint.
class SqliteFeed final
{
public:
    using ColumnFn = void (*)(sqlite3_context *context, const void *rows, qint64 row, int column);

    SqliteFeed(Ledger &ledger, const char *name, const char *columns, ColumnFn column);
    ~SqliteFeed();
    SqliteFeed(const SqliteFeed &) = delete;
    SqliteFeed &operator=(const SqliteFeed &) = delete;

    [[nodiscard]] Status registered() const;

    /// The rows the next statements read: `count` rows at `rows`, passed to the column function.
    void set(const void *rows, qint64 count);

    struct State; ///< shared with the virtual table's callbacks

private:
    Ledger &m_ledger;
    std::unique_ptr<State> m_state;
    std::optional<Error> m_error;
};

} // namespace wxr::core
