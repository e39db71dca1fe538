// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArrayView>
#include <QString>

#include <memory>
#include <optional>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace wxr::core {

class Ledger;

/// A prepared statement on a Ledger's raw SQLite handle, for bulk paths where a million
/// QVariant round trips would dominate (imports, bill rows, loading a day for matching).
/// Repositories own these; nothing outside a repository writes SQL.
///
/// bindView() does not copy: the bytes must stay alive until the next step()/reset().
/// Column accessors are valid after step() returned true, until the next step()/reset().
class SqliteStatement final
{
public:
    SqliteStatement(Ledger &ledger, const char *sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    /// Preparation result; Database error naming the statement when it failed.
    [[nodiscard]] Status prepared() const;

    void bind(int index, qint64 value);
    void bind(int index, std::optional<qint64> value);
    void bindView(int index, std::string_view text);
    void bindText(int index, const QString &text);      ///< copies
    void bindBlob(int index, const QByteArray &bytes);  ///< copies
    void bindBlobView(int index, QByteArrayView bytes); ///< does not copy
    void bindNull(int index);

    /// true: a row is available; false: done. Errors are Database.
    Result<bool> step();
    /// Runs to completion and resets (INSERT/UPDATE/DELETE).
    Status exec();
    void reset();

    [[nodiscard]] qint64 int64(int column) const;
    [[nodiscard]] std::optional<qint64> optionalInt64(int column) const;
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::string_view view(int column) const;
    /// A blob column's bytes (empty for NULL), valid like view().
    [[nodiscard]] std::string_view blobView(int column) const;
    [[nodiscard]] QString text(int column) const;

    /// Rows changed by the last exec().
    [[nodiscard]] int changes() const;

private:
    Ledger &m_ledger;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_sql;
    std::optional<Error> m_prepareError;
};

/// The statement in `slot`, prepared from `sql` on first use and kept there for the calls that
/// follow (a repository's hot statements); Database error when preparing failed, and then
/// `slot` stays empty so that the next call prepares again.
Result<SqliteStatement *> preparedOnce(Ledger &ledger, std::unique_ptr<SqliteStatement> &slot,
                                       const char *sql);

} // namespace wxr::core
