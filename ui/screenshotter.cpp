// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenshotter.h"

#include "jobrunner.h"
#include "mainwindow.h"
#include "models/discrepancymodel.h"
#include "orderlookupview.h"
#include "reconcileview.h"

#include <QDir>
#include <QPixmap>
#include <QTimer>

namespace wxr::ui {

Screenshotter::Screenshotter(MainWindow *window, const QString &dir, JobRunner *jobs, int settleMs,
                             QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_dir(dir)
    , m_jobs(jobs)
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
    showNext();
}

void Screenshotter::showNext()
{
    const auto view = MainWindow::View(m_next);
    // Order lookup shows an order with some history: that of the reconciliation view's
    // first status mismatch (else of any discrepancy the ledger has the order of).
    auto *lookup = qobject_cast<OrderLookupView *>(m_window->viewWidget(view));
    auto *reconcile
        = qobject_cast<ReconcileView *>(m_window->viewWidget(MainWindow::View::Reconcile));
    if (lookup && reconcile && lookup->currentOrder().isEmpty()) {
        const DiscrepancyModel *model = reconcile->model();
        QString order;
        for (int row = 0; row < model->rowCount(); ++row) {
            const core::Discrepancy &d = model->discrepancy(row);
            if (d.ledgerStatus.isEmpty())
                continue;
            if (order.isEmpty() || d.kind == core::DiscrepancyKind::StatusMismatch)
                order = d.outTradeNo;
            if (d.kind == core::DiscrepancyKind::StatusMismatch)
                break;
        }
        if (!order.isEmpty())
            lookup->lookUp(order);
    }
    m_window->showView(view);
    QTimer::singleShot(m_settleMs, this, &Screenshotter::captureNext);
}

void Screenshotter::captureNext()
{
    constexpr int kPollMs = 200;
    if (m_jobs && m_jobs->activeJobs() > 0 && m_waitedMs < 30000) {
        m_waitedMs += kPollMs;
        QTimer::singleShot(kPollMs, this, &Screenshotter::captureNext);
        return;
    }
    m_waitedMs = 0;
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
    showNext();
}

} // namespace wxr::ui
