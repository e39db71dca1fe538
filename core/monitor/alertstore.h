// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "monitor/alertrules.h"

#include <QList>

namespace wxr::core {

class Ledger;

/// Raised alerts in the ledger (monitorMigrations()): each with its start, its end once the
/// condition stopped holding, the latest value and whether it was sent to the webhook.
/// Same thread rules as the Ledger; writes join the caller's Transaction.
class AlertStore final
{
public:
    explicit AlertStore(Ledger &ledger)
        : m_ledger(ledger)
    {}

    /// Alerts not yet resolved, oldest first.
    Result<QList<RaisedAlert>> open() const;
    /// Alerts active at some time in [fromMs, untilMs), newest first.
    Result<QList<RaisedAlert>> between(qint64 fromMs, qint64 untilMs) const;
    /// Records a new alert started at `atMs`; returns it with its id.
    Result<RaisedAlert> raise(const AlertCondition &condition, qint64 atMs);
    /// Stores the latest value, threshold and message of an open alert.
    Status update(const RaisedAlert &alert);
    Status resolve(qint64 id, qint64 atMs);
    Status markNotified(qint64 id);

private:
    Ledger &m_ledger;
};

} // namespace wxr::core
