// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>

namespace wxr::core {

class Ledger;

/// A write transaction on a Ledger, rolled back unless commit() succeeds.
///
/// The outermost Transaction issues BEGIN IMMEDIATE (takes the write lock up front, so two
/// writers never deadlock on a lock upgrade); a Transaction opened while another is active
/// becomes a SAVEPOINT, so repository calls compose: a callback handler can record the
/// callback and apply the order state in one commit, and each repository call still works
/// on its own. Same thread rules as the Ledger.
class Transaction final
{
public:
    explicit Transaction(Ledger &ledger);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// Database error when the lock could not be taken within the busy timeout.
    Status begin();
    Status commit();
    void rollback();

private:
    Ledger &m_ledger;
    QByteArray m_savepoint; // empty for the outermost transaction
    bool m_active = false;
};

} // namespace wxr::core
