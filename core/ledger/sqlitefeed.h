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
/// per row, which opens and closes its cursors and binds every value each time.
///
/// The table is an eponymous virtual table named `name` with the columns `columns` (SQL
/// column names, comma-separated); its rowid is the row's position in the batch (0, 1, …).
/// `column` produces one value, e.g. with resultText() and resultInt64(); text is handed over
/// without a copy, since the rows outlive every step that reads them. Statements that read the
/// table must be finalized before the feed is destroyed (declare the feed first).
///
/// Write with `INSERT OR IGNORE` or `INSERT OR FAIL`: a statement that writes many rows and may
/// abort half-way (plain INSERT, or an upsert clause, with NOT NULL or CHECK constraints) makes
/// SQLite keep a statement journal of every page it changes, which costs more than the
/// statements saved.
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

    /// For column functions: text without a copy (a null view is the empty text), and an
    /// integer or NULL.
    static void resultText(sqlite3_context *context, std::string_view text);
    static void resultInt64(sqlite3_context *context, std::optional<qint64> value);

    struct State; ///< shared with the virtual table's callbacks

private:
    Ledger &m_ledger;
    std::unique_ptr<State> m_state;
    std::optional<Error> m_error;
};

} // namespace wxr::core
