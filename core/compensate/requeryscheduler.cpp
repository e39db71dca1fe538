// SPDX-License-Identifier: GPL-3.0-or-later
#include "compensate/requeryscheduler.h"

#include "compensate/schedulerworker.h"

namespace wxr::core {

RequeryScheduler::RequeryScheduler(const QString &ledgerPath, QueryGate &gate,
                                   const RequeryPolicy &policy, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<wxr::core::RequeryStatus>();
    qRegisterMetaType<wxr::core::ApplyReport>();
    m_thread.setObjectName(QStringLiteral("wxrecon requery"));
    m_worker = new SchedulerWorker(ledgerPath, gate, policy);
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &SchedulerWorker::statusChanged, this, &RequeryScheduler::storeStatus);
    connect(m_worker, &SchedulerWorker::itemApplied, this, &RequeryScheduler::itemApplied);
    connect(m_worker, &SchedulerWorker::errorOccurred, this, &RequeryScheduler::errorOccurred);
    m_thread.start();
}

RequeryScheduler::~RequeryScheduler()
{
    // The worker's Ledger connection belongs to its thread: delete it there, then stop.
    SchedulerWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void RequeryScheduler::setEnabled(bool enabled)
{
    {
        QMutexLocker lock(&m_mutex);
        m_enabled = enabled;
    }
    QMetaObject::invokeMethod(m_worker, [w = m_worker, enabled] { w->setEnabled(enabled); });
}

bool RequeryScheduler::isEnabled() const
{
    QMutexLocker lock(&m_mutex);
    return m_enabled;
}

void RequeryScheduler::setPolicy(const RequeryPolicy &policy)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, policy] { w->setPolicy(policy); });
}

void RequeryScheduler::scanNow()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->scanNow(); });
}

RequeryStatus RequeryScheduler::status() const
{
    QMutexLocker lock(&m_mutex);
    return m_status;
}

void RequeryScheduler::setClock(Clock clock)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, clock] { w->setClock(clock); }, Qt::BlockingQueuedConnection);
}

void RequeryScheduler::setRandom(Random random)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, random] { w->setRandom(random); }, Qt::BlockingQueuedConnection);
}

void RequeryScheduler::storeStatus(const RequeryStatus &status)
{
    {
        QMutexLocker lock(&m_mutex);
        m_status = status;
    }
    emit statusChanged(status);
}

} // namespace wxr::core
