// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenshotter.h"

#include "mainwindow.h"

#include <QDir>
#include <QPixmap>
#include <QTimer>

namespace wxr::ui {

Screenshotter::Screenshotter(MainWindow *window, const QString &dir, int settleMs, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_dir(dir)
    , m_settleMs(settleMs)
{}

Screenshotter::~Screenshotter() = default;

void Screenshotter::start()
{
    if (!QDir().mkpath(m_dir)) {
        emit finished(makeError(ErrorCode::Io,
                                tr("The screenshot folder “%1” could not be created.").arg(m_dir)));
        return;
    }
    m_next = 0;
    m_written.clear();
    if (m_next < MainWindow::kViewCount)
        m_window->showView(MainWindow::View(m_next));
    QTimer::singleShot(m_settleMs, this, &Screenshotter::captureNext);
}

void Screenshotter::captureNext()
{
    const auto view = MainWindow::View(m_next);
    const QString file = QDir(m_dir).filePath(MainWindow::viewKey(view) + QStringLiteral(".png"));
    if (!m_window->grab().save(file)) {
        emit finished(
            makeError(ErrorCode::Io, tr("The screenshot “%1” could not be written.").arg(file)));
        return;
    }
    m_written.append(file);
    if (++m_next >= MainWindow::kViewCount) {
        emit finished(Status{});
        return;
    }
    m_window->showView(MainWindow::View(m_next));
    QTimer::singleShot(m_settleMs, this, &Screenshotter::captureNext);
}

} // namespace wxr::ui
