// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "ledger/migration.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

struct sqlite3;

class QSqlQuery;

namespace wxr::core {

struct LedgerOptions
{
    /// How long a writer waits for another connection's lock before failing with Database.
    int busyTimeoutMs = 5000;
    /// Migrations of other modules applied after the ledger's own, in list order.
    QList<MigrationSet> extraMigrations;
};

/// An open SQLite ledger file: the source of truth on this machine (architecture doc).
///
/// Opening creates the file if needed, readable and writable by its owner only (0600; SQLite
/// gives its -wal/-shm files the same mode), and sets WAL mode, foreign keys, the busy timeout
/// and synchronous=NORMAL (in WAL mode every commit is still atomic; a power cut may lose the
/// last commits but never tears one). Then it applies the pending migrations of the ledger
/// module and of LedgerOptions::extraMigrations.
///
/// Repositories (OrderRepository, BillRepository, ...) take a Ledger& and keep all SQL to
/// themselves, so that a PostgreSQL ledger can follow behind the same interfaces.
///
/// Thread affinity: a Ledger and its repositories belong to the thread that opened it (a Qt
/// SQL connection is per thread). Work on another thread opens its own Ledger on the same
/// file; WAL lets readers run beside one writer. Not copyable.
class Ledger final
{
public:
    static Result<std::unique_ptr<Ledger>> open(const QString &path,
                                                const LedgerOptions &options = {});
    ~Ledger();
    Ledger(const Ledger &) = delete;
    Ledger &operator=(const Ledger &) = delete;

    [[nodiscard]] QString path() const { return m_path; }
    /// The Qt SQL connection (QSQLITE driver) for repositories.
    [[nodiscard]] QSqlDatabase database() const;
    /// The raw SQLite handle behind the connection, for bulk hot paths (prepared statements in
    /// one transaction). Same thread rules as the Ledger.
    [[nodiscard]] sqlite3 *handle() const { return m_handle; }

    /// Applies the steps of `set` newer than the file's version for that module, each in its
    /// own transaction with an audit row. Conflict when the file is newer than `set` (written
    /// by a later wxrecon); Database on SQL failure (nothing of the failing step is kept).
    Status migrate(const MigrationSet &set);
    /// The highest applied version of a module's migrations; 0 when none.
    [[nodiscard]] Result<int> schemaVersion(const QString &module) const;

    /// Runs one or more SQL statements on the raw handle. For repositories and migrations.
    Status execute(const char *sql);

    /// A Database error carrying SQLite's message for `what` ("insert order", ...).
    [[nodiscard]] Error sqliteError(const QString &what) const;
    /// Database error "The ledger “…” could not <what>: <cause>", keeping the cause's detail:
    /// a failed step of a repository, named for the user.
    [[nodiscard]] Error failed(const QString &what, const Error &cause) const;
    /// The same for a failed QSqlQuery (its error text; the statement as detail).
    [[nodiscard]] Error queryError(const QSqlQuery &q, const QString &what) const;

private:
    Ledger() = default;

    QString m_path;
    QString m_connection;
    sqlite3 *m_handle = nullptr;
};

/// Settings for one bulk import (a million-row ledger or bill file) on a connection, for the
/// life of this object; construct it before the import's transaction begins and let it end
/// after the commit or rollback.
///
/// - A small page cache. A bulk import appends to the right edge of each b-tree; a large cache
///   only fills with dirty pages that cost a page fault each and spill all at once.
/// - The rollback journal instead of WAL, when no other connection has the ledger open (the
///   switch needs every other connection closed and fails at once otherwise; the import then
///   runs in WAL mode as usual). In WAL mode each new page is written twice, to the WAL and by
///   the checkpoint to the database; the rollback journal records only pages that existed
///   before the transaction, so appended pages are written once. The transaction stays
///   atomic: a killed import leaves a hot journal that the next open rolls back (tested).
///   At the end the ledger goes back to WAL; if another process opened the ledger meanwhile
///   that fails, and that process's open (which always asks for WAL) finishes the switch.
/// - Write-behind (Linux): a helper thread asks the kernel every 50 ms to start writing the
///   file's dirty pages out (sync_file_range, which does not wait for the disk). Without it
///   the hundreds of MB an import writes sit in the page cache until the commit's fsync, which
///   then waits for all of them; with it the disk works while the import computes and the
///   commit waits only for the last pages. Durability is unchanged: the commit still syncs.
class BulkLoad final
{
public:
    explicit BulkLoad(Ledger &ledger);
    ~BulkLoad();
    BulkLoad(const BulkLoad &) = delete;
    BulkLoad &operator=(const BulkLoad &) = delete;

    /// Whether the import runs with the rollback journal (no other connection was open).
    [[nodiscard]] bool rollbackJournal() const { return m_rollbackJournal; }

private:
    class WriteBehind;

    Ledger &m_ledger;
    std::optional<qint64> m_previousCache;
    bool m_rollbackJournal = false;
    std::unique_ptr<WriteBehind> m_writeBehind;
};

} // namespace wxr::core
