// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/ledger.h"

#include "common/coretr.h"
#include "common/cstime.h"
#include "ledger/auditlog.h"
#include "ledger/sqlitestatement.h"
#include "ledger/transaction.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

namespace wxr::core {

namespace {

QAtomicInteger<quint64> g_connectionCounter;

// Creates the file with mode 0600 before SQLite sees it, so that the ledger (and the -wal/-shm
// files SQLite derives from its mode) is never readable by others, whatever the umask.
Status createPrivately(const QString &path)
{
    if (QFileInfo::exists(path))
        return {};
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
        return makeError(ErrorCode::Io,
                         Tr::tr("The ledger “%1” could not be created: %2")
                             .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    if (fd >= 0)
        ::close(fd);
    return {};
}

} // namespace

Result<std::unique_ptr<Ledger>> Ledger::open(const QString &path, const LedgerOptions &options)
{
    if (path.isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("No ledger file was given."));
    // SQLite's allocation statistics take a global mutex on every malloc; nothing reads them.
    // Only possible before SQLite initialises (the first connection); a no-op after that.
    static const int memstatus = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    Q_UNUSED(memstatus);
    std::unique_ptr<Ledger> ledger(new Ledger);
    ledger->m_path = QFileInfo(path).absoluteFilePath();
    if (Status s = createPrivately(ledger->m_path); !s)
        return s.error();
    ledger->m_connection = QStringLiteral("wxrecon-ledger-%1").arg(++g_connectionCounter);
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), ledger->m_connection);
        if (!db.isValid())
            return makeError(ErrorCode::Database,
                             Tr::tr("The Qt SQLite driver (QSQLITE) is not available."));
        db.setDatabaseName(ledger->m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
        if (!db.open())
            return makeError(ErrorCode::Database, Tr::tr("The ledger “%1” could not be opened: %2")
                                                      .arg(ledger->m_path, db.lastError().text()));
        const QVariant handle = db.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            ledger->m_handle = *static_cast<sqlite3 *const *>(handle.constData());
        if (!ledger->m_handle)
            return makeError(ErrorCode::Database,
                             Tr::tr("The Qt SQLite driver does not expose its SQLite handle."));
    }
    // 16 KiB pages: a million-row import writes and checkpoints a quarter of the pages it would
    // with the 4 KiB default. Takes effect only on a new, empty file (before WAL is set).
    if (Status s = ledger->execute("PRAGMA page_size=16384"); !s)
        return s.error().prefixed(ledger->m_path);
    // journal_mode answers with the mode actually set: a file system without shared memory
    // support (some network mounts) silently stays in rollback mode, which we refuse.
    // Two connections turning a new file to WAL at once can each hold the shared lock the
    // other needs to give up; SQLite then answers "busy" at once instead of waiting (its busy
    // handler would deadlock), so the switch is retried within the busy timeout.
    const auto giveUp
        = std::chrono::steady_clock::now() + std::chrono::milliseconds(options.busyTimeoutMs);
    for (;;) {
        SqliteStatement wal(*ledger, "PRAGMA journal_mode=WAL");
        const Result<bool> row = wal.step();
        if (!row && (sqlite3_errcode(ledger->m_handle) & 0xff) == SQLITE_BUSY
            && std::chrono::steady_clock::now() < giveUp) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            continue;
        }
        if (!row || !*row || wal.view(0) != "wal") {
            const QString reason
                = row ? Tr::tr("it does not support WAL mode") : row.error().message;
            return makeError(
                ErrorCode::Database,
                Tr::tr("The ledger “%1” could not be opened: %2").arg(ledger->m_path, reason));
        }
        break;
    }
    // cache_size: up to 64 MiB of pages per connection, allocated only as it fills. With the
    // 2 MiB default a million-row bill's out_trade_no index and a reconciliation's read of the
    // day's orders by paid_at went back to the file (pread) page by page.
    // mmap_size: reads map the file instead of copying each page into the cache (a
    // reconciliation of a million-order day reads some 300 MB; a quarter of its time went to
    // pread and page faults). SQLite caps the size at its compile-time limit (2 GiB in
    // Debian's build); writes still go through write(). The mapped pages count in the
    // process's RSS but are the kernel's page cache, not memory of ours.
    if (Status s = ledger->execute("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
                                   "PRAGMA temp_store=MEMORY;"
                                   "PRAGMA cache_size=-65536;"
                                   "PRAGMA mmap_size=2147418112;"
                                   "CREATE TABLE IF NOT EXISTS schema_migrations ("
                                   " module TEXT NOT NULL, version INTEGER NOT NULL,"
                                   " name TEXT NOT NULL, applied_at INTEGER NOT NULL,"
                                   " PRIMARY KEY (module, version));");
        !s)
        return s.error().prefixed(ledger->m_path);
    if (Status s = ledger->migrate(ledgerMigrations()); !s)
        return s.error();
    for (const MigrationSet &set : options.extraMigrations) {
        if (Status s = ledger->migrate(set); !s)
            return s.error();
    }
    return ledger;
}

Ledger::~Ledger()
{
    m_handle = nullptr;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase Ledger::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

Status Ledger::execute(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_handle, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = QString::fromUtf8(message ? message : sqlite3_errmsg(m_handle));
        sqlite3_free(message);
        return makeError(ErrorCode::Database,
                         Tr::tr("The ledger “%1” reported an error: %2").arg(m_path, text),
                         QString::fromUtf8(sql));
    }
    return {};
}

Error Ledger::failed(const QString &what, const Error &cause) const
{
    return makeError(ErrorCode::Database,
                     Tr::tr("The ledger “%1” could not %2: %3").arg(m_path, what, cause.message),
                     cause.detail);
}

Error Ledger::queryError(const QSqlQuery &q, const QString &what) const
{
    return makeError(
        ErrorCode::Database,
        Tr::tr("The ledger “%1” could not %2: %3").arg(m_path, what, q.lastError().text()),
        q.lastQuery());
}

Error Ledger::sqliteError(const QString &what) const
{
    const int code = sqlite3_extended_errcode(m_handle);
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_handle));
    QString text;
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
        text = Tr::tr("The ledger “%1” is busy (another program is writing to it); could not %2.")
                   .arg(m_path, what);
    else if ((code & 0xff) == SQLITE_FULL)
        text = Tr::tr("The disk holding the ledger “%1” is full (free some space and try again).")
                   .arg(m_path);
    else
        text = Tr::tr("The ledger “%1” could not %2: %3").arg(m_path, what, message);
    return makeError(ErrorCode::Database, text, message);
}

namespace {

std::optional<QByteArray> pragmaWord(Ledger &ledger, const char *sql)
{
    SqliteStatement q(ledger, sql);
    const Result<bool> row = q.step();
    if (!row || !*row)
        return std::nullopt;
    return QByteArray(q.view(0).data(), static_cast<qsizetype>(q.view(0).size()));
}

} // namespace

class BulkLoad::WriteBehind final
{
public:
    explicit WriteBehind(const QString &path)
    {
#if defined(__linux__)
        // A descriptor of our own: write-out works on the file, whoever opened it.
        m_fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (m_fd < 0)
            return;
        m_thread = std::thread([this] {
            std::unique_lock lock(m_mutex);
            while (!m_wake.wait_for(lock, kInterval, [this] { return m_stop; })) {
                lock.unlock();
                (void)::sync_file_range(m_fd, 0, 0, SYNC_FILE_RANGE_WRITE);
                lock.lock();
            }
        });
#else
        (void)path;
#endif
    }

    ~WriteBehind()
    {
        if (m_thread.joinable()) {
            {
                std::lock_guard lock(m_mutex);
                m_stop = true;
            }
            m_wake.notify_one();
            m_thread.join();
        }
        if (m_fd >= 0)
            ::close(m_fd);
    }
    WriteBehind(const WriteBehind &) = delete;
    WriteBehind &operator=(const WriteBehind &) = delete;

private:
    static constexpr std::chrono::milliseconds kInterval{50};

    int m_fd = -1;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

BulkLoad::BulkLoad(Ledger &ledger)
    : m_ledger(ledger)
{
    if (const auto cache = pragmaWord(m_ledger, "PRAGMA cache_size"))
        m_previousCache = cache->toLongLong();
    (void)m_ledger.execute("PRAGMA cache_size=-8192");
    // Answers with the mode in force: still "wal" (or an error, SQLITE_BUSY without waiting)
    // while another connection has the file open.
    m_rollbackJournal = pragmaWord(m_ledger, "PRAGMA journal_mode=DELETE") == "delete";
    if (m_rollbackJournal)
        m_writeBehind = std::make_unique<WriteBehind>(m_ledger.path());
}

BulkLoad::~BulkLoad()
{
    m_writeBehind.reset();
    if (m_rollbackJournal)
        (void)pragmaWord(m_ledger, "PRAGMA journal_mode=WAL");
    if (m_previousCache) {
        const QByteArray sql = "PRAGMA cache_size=" + QByteArray::number(*m_previousCache);
        (void)m_ledger.execute(sql.constData());
    }
}

Result<int> Ledger::schemaVersion(const QString &module) const
{
    SqliteStatement q(*const_cast<Ledger *>(this),
                      "SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE module = ?1");
    q.bindText(1, module);
    const Result<bool> row = q.step();
    if (!row)
        return row.error();
    return static_cast<int>(q.int64(0));
}

Status Ledger::migrate(const MigrationSet &set)
{
    const Result<int> current = schemaVersion(set.module);
    if (!current)
        return current.error();
    const int known = set.steps.isEmpty() ? 0 : set.steps.last().version;
    if (*current > known)
        return makeError(ErrorCode::Conflict,
                         Tr::tr("The ledger “%1” was written by a newer wxrecon (schema “%2” "
                                "version %3; this program knows up to %4).")
                             .arg(m_path, set.module)
                             .arg(*current)
                             .arg(known));
    for (const Migration &step : set.steps) {
        if (step.version <= *current)
            continue;
        Transaction tx(*this);
        if (Status s = tx.begin(); !s)
            return s;
        // Another connection opening the same new ledger may have applied the step while this
        // one waited for the write lock.
        const Result<int> now = schemaVersion(set.module);
        if (!now)
            return now.error();
        if (step.version <= *now)
            continue;
        const QByteArray sql = step.sql.toUtf8();
        Status applied = execute(sql.constData());
        if (applied && step.convert)
            applied = step.convert(*this);
        if (!applied)
            return makeError(ErrorCode::Database,
                             Tr::tr("The ledger “%1” could not be upgraded to schema “%2” version "
                                    "%3: %4")
                                 .arg(m_path, set.module)
                                 .arg(step.version)
                                 .arg(applied.error().message),
                             applied.error().detail);
        SqliteStatement record(*this, "INSERT INTO schema_migrations (module, version, name, "
                                      "applied_at) VALUES (?1, ?2, ?3, ?4)");
        record.bindText(1, set.module);
        record.bind(2, qint64(step.version));
        record.bindText(3, step.name);
        record.bind(4, cst::now());
        if (Status s = record.exec(); !s)
            return s;
        AuditEntry entry;
        entry.actor = QStringLiteral("wxrecon");
        entry.action = QStringLiteral("migrate");
        entry.entity = QStringLiteral("schema");
        entry.entityKey = set.module;
        entry.oldValue = QString::number(step.version - 1);
        entry.newValue = QString::number(step.version);
        entry.detail = step.name;
        if (const auto r = AuditLog(*this).append(entry); !r)
            return r.error();
        if (Status s = tx.commit(); !s)
            return s;
    }
    return {};
}

} // namespace wxr::core
