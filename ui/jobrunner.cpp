// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobrunner.h"

namespace wxr::ui {

JobRunner::JobRunner(int maxThreads, QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(qMax(1, maxThreads));
    m_pool.setObjectName(QStringLiteral("wxrecon-jobs"));
}

JobRunner::~JobRunner()
{
    cancelAll();
    m_pool.waitForDone();
}

void JobRunner::cancelAll()
{
    for (QFutureWatcherBase *w : findChildren<QFutureWatcherBase *>(Qt::FindDirectChildrenOnly))
        w->cancel();
}

void JobRunner::announce(const QString &title, QFutureWatcherBase *watcher)
{
    ++m_active;
    emit jobStarted(title, watcher);
}

void JobRunner::finish(QFutureWatcherBase *watcher, const QString &title, Outcome outcome,
                       const Error &error)
{
    --m_active;
    switch (outcome) {
    case Outcome::Succeeded:
        emit jobSucceeded(title);
        break;
    case Outcome::Failed:
        emit jobFailed(title, error);
        break;
    case Outcome::Cancelled:
        emit jobCancelled(title);
        break;
    case Outcome::NoResult:
        // A core function that returns without reporting a result is a bug; say so plainly
        // instead of pretending the job succeeded.
        emit jobFailed(title, makeError(ErrorCode::Internal,
                                        tr("The job “%1” ended without a result.").arg(title)));
        break;
    }
    watcher->deleteLater();
}

} // namespace wxr::ui
