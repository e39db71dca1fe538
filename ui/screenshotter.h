// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QObject>
#include <QStringList>

namespace wxr::ui {

class JobRunner;
class MainWindow;

/// Shows every view of the main window in turn and saves `QWidget::grab()` of the whole
/// window as `<dir>/<view key>.png` (e.g. reconcile.png). Each view gets `settleMs` of event
/// loop time first so that lazy models and charts have painted, and, given `jobs`, the
/// capture waits (up to 30 s) until no job is running, so that no progress bar is pictured
/// and what the jobs read is shown. Emits `finished` once.
/// Used by the hidden `--screenshot-dir` option for docs/screenshots.
class Screenshotter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Screenshotter)

public:
    Screenshotter(MainWindow *window, const QString &dir, JobRunner *jobs = nullptr,
                  int settleMs = 600, QObject *parent = nullptr);
    ~Screenshotter() override;

    void start();
    /// Files written so far.
    QStringList written() const { return m_written; }

signals:
    void finished(const wxr::Status &status);

private:
    void showNext();
    void captureNext();

    MainWindow *m_window;
    QString m_dir;
    JobRunner *m_jobs;
    int m_settleMs;
    int m_waitedMs = 0; ///< for jobs, before the current capture
    int m_next = 0;
    QStringList m_written;
};

} // namespace wxr::ui
