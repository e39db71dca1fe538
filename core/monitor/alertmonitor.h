// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "monitor/alertrules.h"
#include "monitor/metricsloader.h"

#include <QList>

namespace wxr::core {

class Ledger;

/// What one evaluation changed in the stored alerts.
struct AlertUpdate
{
    QList<RaisedAlert> raised;     ///< opened now (with their ids)
    QList<RaisedAlert> resolved;   ///< closed now (endedAtMs set)
    QList<RaisedAlert> continuing; ///< still open, value refreshed
};

/// Evaluates the alert rules at `nowMs` over the ledger's callbacks (window metrics, last
/// delivery, whether monitoring is in use — any delivery in the last seven days) and the given
/// certificate expiries, then records the result in one transaction: new alerts opened,
/// alerts that stopped holding closed, the others refreshed. Run it every minute or so (the
/// receiver's host does; so does the GUI). Needs the notify and monitor tables; runs on the
/// thread that owns the Ledger.
Result<AlertUpdate> evaluateAndRecordAlerts(Ledger &ledger, const AlertRules &rules, qint64 nowMs,
                                            const QList<CertificateExpiry> &certificates = {});

/// The text of a webhook message for an alert raised or resolved (translated), e.g.
/// "[wxrecon 1900000001] ALERT callback failure rate: 12.0 % of callbacks failed …".
QString alertWebhookText(const RaisedAlert &alert, bool resolved, const QString &mchid);

} // namespace wxr::core
