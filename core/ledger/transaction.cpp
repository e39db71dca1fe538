// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/transaction.h"

#include "common/coretr.h"
#include "ledger/ledger.h"

#include <sqlite3.h>

#include <atomic>

namespace wxr::core {

namespace {
std::atomic<int> g_savepointCounter{0}; // names only need to be unique per connection
}

Transaction::Transaction(Ledger &ledger)
    : m_ledger(ledger)
{}

Transaction::~Transaction()
{
    rollback();
}

Status Transaction::begin()
{
    if (m_active)
        return {};
    const bool nested = sqlite3_get_autocommit(m_ledger.handle()) == 0;
    if (nested) {
        m_savepoint = "wxr_sp_" + QByteArray::number(++g_savepointCounter);
        const QByteArray sql = QByteArray("SAVEPOINT ") + m_savepoint;
        if (Status s = m_ledger.execute(sql.constData()); !s)
            return m_ledger.sqliteError(Tr::tr("start a transaction"));
    } else {
        m_savepoint.clear();
        if (sqlite3_exec(m_ledger.handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr)
            != SQLITE_OK)
            return m_ledger.sqliteError(Tr::tr("start a transaction"));
    }
    m_active = true;
    return {};
}

Status Transaction::commit()
{
    if (!m_active)
        return makeError(ErrorCode::Internal, Tr::tr("no transaction is active"));
    const QByteArray sql
        = m_savepoint.isEmpty() ? QByteArray("COMMIT") : QByteArray("RELEASE " + m_savepoint);
    if (sqlite3_exec(m_ledger.handle(), sql.constData(), nullptr, nullptr, nullptr) != SQLITE_OK) {
        Error e = m_ledger.sqliteError(Tr::tr("commit"));
        rollback();
        return e;
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    if (m_savepoint.isEmpty()) {
        // Fails harmlessly when SQLite already rolled back (e.g. after SQLITE_FULL).
        sqlite3_exec(m_ledger.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    } else {
        const QByteArray sql = "ROLLBACK TO " + m_savepoint + "; RELEASE " + m_savepoint;
        sqlite3_exec(m_ledger.handle(), sql.constData(), nullptr, nullptr, nullptr);
    }
}

} // namespace wxr::core
