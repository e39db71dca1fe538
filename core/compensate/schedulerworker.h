// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compensate/requeryscheduler.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

namespace wxr::core {

class Ledger;

/// The part of RequeryScheduler that runs on the scheduler's thread (internal: use
/// RequeryScheduler). Owns the thread's Ledger connection; every slot runs on that thread.
class SchedulerWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchedulerWorker)

public:
    SchedulerWorker(QString ledgerPath, QueryGate &gate, const RequeryPolicy &policy);
    ~SchedulerWorker() override;

    void setClock(RequeryScheduler::Clock clock) { m_clock = std::move(clock); }
    void setRandom(RequeryScheduler::Random random) { m_random = std::move(random); }

    void setEnabled(bool enabled);
    void setPolicy(const RequeryPolicy &policy);
    void scanNow();

signals:
    void statusChanged(const wxr::core::RequeryStatus &status);
    void itemApplied(const wxr::core::ApplyReport &report);
    void errorOccurred(const QString &message);

private:
    bool ensureLedger();
    void tick();
    void dispatch(qint64 now);
    void onAnswer(qint64 itemId, const QueryAnswer &answer);
    void fail(const QString &message);
    void publish(bool force);

    QString m_path;
    QueryGate &m_gate;
    RequeryPolicy m_policy;
    RequeryScheduler::Clock m_clock;
    RequeryScheduler::Random m_random;
    std::unique_ptr<Ledger> m_ledger;
    bool m_enabled = false;
    QTimer m_timer;
    qint64 m_nextScanMs = 0;
    qint64 m_lastScanMs = 0;
    qint64 m_applied = 0;
    QString m_lastError;
    qint64 m_lastErrorMs = 0;
    QSet<qint64> m_inFlight;
    QElapsedTimer m_sincePublish;
};

} // namespace wxr::core
