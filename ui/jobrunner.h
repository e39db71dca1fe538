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

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace wxr::ui {

/// Runs long work (imports, downloads, reconciliation, exports, bulk queries) off the GUI
/// thread: a core function taking `QPromise<Result<T>>&` (run) or taking `QPromise<void>&` and
/// returning `Result<T>` (runTask) runs on a dedicated QThreadPool via QtConcurrent::run. The
/// function reports progress (setProgressRange/Value, progress text) and checks
/// `promise.isCanceled()`.
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
                    std::optional<Result<T>> r;
                    if (f.resultCount() > 0)
                        r.emplace(f.result());
                    deliver<T>(watcher, title, r, guard, done);
                });
        watcher->setFuture(future);
        announce(title, watcher);
        return future;
    }

    /// The same for the shape of core's long operations: `Result<T> fn(QPromise<void> &)`,
    /// where the promise carries progress and cancellation and the return value the outcome.
    template<typename T, typename Fn, typename OnSuccess>
    QFuture<void> runTask(const QString &title, Fn &&fn, QObject *context, OnSuccess &&onSuccess)
    {
        // The worker writes the outcome before its future finishes; the GUI thread reads it
        // after `finished`, which the future's own synchronisation orders after the write.
        auto outcome = std::make_shared<std::optional<Result<T>>>();
        QFuture<void> future = QtConcurrent::run(
            &m_pool, [f = std::forward<Fn>(fn), outcome](QPromise<void> &promise) mutable {
                outcome->emplace(f(promise));
            });
        auto *watcher = new QFutureWatcher<void>(this);
        QPointer<QObject> guard(context);
        connect(watcher, &QFutureWatcherBase::finished, this,
                [this, watcher, title, guard, outcome,
                 done = std::forward<OnSuccess>(onSuccess)]() mutable {
                    deliver<T>(watcher, title, *outcome, guard, done);
                });
        watcher->setFuture(future);
        announce(title, watcher);
        return future;
    }

    /// runTask for operations that also stream results (`QPromise<P>`: e.g. one report per
    /// re-queried order): `onItem(const P &)` runs on the GUI thread as each one arrives,
    /// then `onSuccess(T)` with the outcome.
    template<typename T, typename P, typename Fn, typename OnItem, typename OnSuccess>
    QFuture<P> runStreaming(const QString &title, Fn &&fn, QObject *context, OnItem &&onItem,
                            OnSuccess &&onSuccess)
    {
        auto outcome = std::make_shared<std::optional<Result<T>>>();
        QFuture<P> future = QtConcurrent::run(
            &m_pool, [f = std::forward<Fn>(fn), outcome](QPromise<P> &promise) mutable {
                outcome->emplace(f(promise));
            });
        auto *watcher = new QFutureWatcher<P>(this);
        QPointer<QObject> guard(context);
        connect(watcher, &QFutureWatcherBase::resultsReadyAt, this,
                [watcher, guard, item = std::forward<OnItem>(onItem)](int begin, int end) {
                    if (!guard)
                        return;
                    for (int i = begin; i < end; ++i)
                        item(watcher->resultAt(i));
                });
        connect(watcher, &QFutureWatcherBase::finished, this,
                [this, watcher, title, guard, outcome,
                 done = std::forward<OnSuccess>(onSuccess)]() mutable {
                    deliver<T>(watcher, title, *outcome, guard, done);
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

    template<typename T, typename Done>
    void deliver(QFutureWatcherBase *watcher, const QString &title,
                 const std::optional<Result<T>> &r, const QPointer<QObject> &guard, Done &done)
    {
        if (!r) {
            // Cancelled before it started (the function never ran), or a function that
            // returned without a result.
            finish(watcher, title, watcher->isCanceled() ? Outcome::Cancelled : Outcome::NoResult);
            return;
        }
        if (!r->ok()) {
            finish(watcher, title,
                   r->error().code == ErrorCode::Cancelled ? Outcome::Cancelled : Outcome::Failed,
                   r->error());
            return;
        }
        if (guard) {
            if constexpr (std::is_void_v<T>)
                done();
            else
                done(r->value());
        }
        finish(watcher, title, Outcome::Succeeded);
    }

    void announce(const QString &title, QFutureWatcherBase *watcher);
    void finish(QFutureWatcherBase *watcher, const QString &title, Outcome outcome,
                const Error &error = {});

    QThreadPool m_pool;
    int m_active = 0;
};

} // namespace wxr::ui
