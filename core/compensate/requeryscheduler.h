// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compensate/answerapplier.h"
#include "compensate/requerypolicy.h"

#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <optional>

namespace wxr::core {

class QueryGate;
class SchedulerWorker;

/// What the scheduler is doing, for the status bar and `requery --daemon`. Times are Unix ms.
struct RequeryStatus
{
    bool enabled = false;
    bool ledgerOpen = false;
    qint64 pending = 0;              ///< queue length (PENDING items)
    qint64 due = 0;                  ///< of which due now
    qint64 needsAttention = 0;       ///< items a person must look at
    qint64 inFlight = 0;             ///< queries sent and not yet applied
    std::optional<qint64> nextRunMs; ///< when it acts next (next due item or next scan)
    qint64 lastScanMs = 0;           ///< 0: no scan yet
    qint64 applied = 0;              ///< answers applied since it was created
    qint64 cooldownUntilMs = 0;      ///< the gate's rate-limit cool-down (0: none)
    QString lastError;               ///< the last failure's sentence; empty when none
    qint64 lastErrorMs = 0;
};

/// The re-query scheduler: finds stuck orders (StuckDetector) every scan interval, queries what
/// is due in the durable queue through the shared QueryGate, applies the answers
/// (AnswerApplier, trigger "scheduler"), and closes expired orders when the policy says so.
/// Used inside the GUI process and by `wxrecon-cli requery --daemon`.
///
/// Threading: the object itself lives in the thread that creates it (the GUI thread is fine);
/// the work runs on its own thread with its own event loop and its own Ledger connection on
/// `ledgerPath`, never on the creating thread. Every method may be called from the creating
/// thread; signals arrive there. Off until setEnabled(true). Stopping (setEnabled(false) or
/// destruction) sends nothing more; answers already in flight are still applied while it
/// runs. Everything it knows is in the ledger, so a new scheduler continues where an old one
/// stopped.
class RequeryScheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequeryScheduler)

public:
    using Clock = std::function<qint64()>;  ///< Unix ms
    using Random = std::function<double()>; ///< uniform in [0, 1)

    /// `gate` must outlive the scheduler.
    RequeryScheduler(const QString &ledgerPath, QueryGate &gate, const RequeryPolicy &policy,
                     QObject *parent = nullptr);
    ~RequeryScheduler() override;

    /// On: opens the ledger (first time), scans, and keeps working; off: sends nothing more.
    void setEnabled(bool enabled);
    [[nodiscard]] bool isEnabled() const;
    void setPolicy(const RequeryPolicy &policy);
    /// Scans for stuck orders now instead of at the next interval.
    void scanNow();
    /// The latest status (as last signalled).
    [[nodiscard]] RequeryStatus status() const;

    /// Test seams; set before enabling.
    void setClock(Clock clock);
    void setRandom(Random random);

signals:
    void statusChanged(const wxr::core::RequeryStatus &status);
    /// One answer was applied (see AnswerApplier).
    void itemApplied(const wxr::core::ApplyReport &report);
    /// Something failed (ledger, scan); the scheduler keeps going and retries at the next run.
    void errorOccurred(const QString &message);

private:
    void storeStatus(const RequeryStatus &status);

    QThread m_thread;
    SchedulerWorker *m_worker = nullptr;
    mutable QMutex m_mutex;
    RequeryStatus m_status;
    bool m_enabled = false;
};

} // namespace wxr::core

Q_DECLARE_METATYPE(wxr::core::RequeryStatus)
Q_DECLARE_METATYPE(wxr::core::ApplyReport)
