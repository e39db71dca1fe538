// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QFutureWatcherBase;
class QVBoxLayout;

namespace wxr::ui {

class JobRunner;

/// The one place where running jobs show their progress: a row per job with its title, the
/// progress text the job reports, a progress bar (busy indicator until the job sets a range)
/// and a cancel button. Hidden when nothing runs. Rows disappear when a job's outcome has
/// been delivered.
class ProgressPresenter final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressPresenter)

public:
    explicit ProgressPresenter(JobRunner *runner, QWidget *parent = nullptr);
    ~ProgressPresenter() override;

    /// Number of job rows shown.
    int rowCount() const;

private:
    void addJob(const QString &title, QFutureWatcherBase *watcher);

    QVBoxLayout *m_rows = nullptr;
};

} // namespace wxr::ui
