// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QPromise>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

namespace wxr::ui {

/// Runs long work (imports, downloads, reconciliation, exports, bulk queries) off the GUI
/// thread: a core function taking `QPromise<Result<T>>&` runs on a dedicated QThreadPool via
/// QtConcurrent::run. The function reports progress (setProgressRange/Value, progress text)
/// and checks `promise.isCanceled()`.
///
/// Each started job is announced through `jobStarted` with its QFutureWatcherBase, which the
/// one ProgressPresenter shows with a cancel button. When the job ends the outcome is
/// delivered on the GUI thread: the value to the caller's callback, an error through
/// `jobFailed` (one sentence + detail), or `jobCancelled`.
///
/// No QThread subclasses, no processEvents() loops: the GUI thread only ever receives
/// queued signals. Create and use on the GUI thread. The destructor cancels running jobs and
/// waits for them.
class JobRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobRunner)

public:
    explicit JobRunner(int maxThreads = 2, QObject *parent = nullptr);
    ~JobRunner() override;

    QThreadPool *pool() { return &m_pool; }
    /// Jobs started and not yet delivered.
    int activeJobs() const { return m_active; }
    /// Requests cancellation of every running job.
    void cancelAll();

    /// Starts `fn(QPromise<Result<T>>&)`; `title` names the job for people ("Fetching the bill
    /// of 2026-11-25"). On success `onSuccess(T)` is called on the GUI thread unless `context`
    /// was destroyed (`onSuccess()` without argument for T = void). `fn` must take the promise
    /// by reference with that exact type.
    template<typename T, typename Fn, typename OnSuccess>
    QFuture<Result<T>> run(const QString &title, Fn &&fn, QObject *context, OnSuccess &&onSuccess)
    {
        QFuture<Result<T>> future = QtConcurrent::run(
            &m_pool,
            [f = std::forward<Fn>(fn)](QPromise<Result<T>> &promise) mutable { f(promise); });
        auto *watcher = new QFutureWatcher<Result<T>>(this);
        QPointer<QObject> guard(context);
        connect(watcher, &QFutureWatcherBase::finished, this,
                [this, watcher, title, guard, done = std::forward<OnSuccess>(onSuccess)]() mutable {
                    const QFuture<Result<T>> f = watcher->future();
                    if (f.resultCount() == 0) {
                        finish(watcher, title,
                               f.isCanceled() ? Outcome::Cancelled : Outcome::NoResult);
                        return;
                    }
                    const Result<T> &r = f.result();
                    if (!r.ok()) {
                        finish(watcher, title,
                               r.error().code == ErrorCode::Cancelled ? Outcome::Cancelled
                                                                      : Outcome::Failed,
                               r.error());
                        return;
                    }
                    if (guard) {
                        if constexpr (std::is_void_v<T>)
                            done();
                        else
                            done(r.value());
                    }
                    finish(watcher, title, Outcome::Succeeded);
                });
        watcher->setFuture(future);
        announce(title, watcher);
        return future;
    }

signals:
    /// A job started; the watcher lives until the job's outcome was delivered.
    void jobStarted(const QString &title, QFutureWatcherBase *watcher);
    void jobSucceeded(const QString &title);
    /// The job failed; `error.message` is one sentence for people, `error.detail` technical.
    void jobFailed(const QString &title, const wxr::Error &error);
    void jobCancelled(const QString &title);

private:
    enum class Outcome { Succeeded, Failed, Cancelled, NoResult };
    void announce(const QString &title, QFutureWatcherBase *watcher);
    void finish(QFutureWatcherBase *watcher, const QString &title, Outcome outcome,
                const Error &error = {});

    QThreadPool m_pool;
    int m_active = 0;
};

} // namespace wxr::ui
