// SPDX-License-Identifier: GPL-3.0-or-later
#include "progresspresenter.h"

#include "glyphicon.h"
#include "jobrunner.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace wxr::ui {

ProgressPresenter::ProgressPresenter(JobRunner *runner, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("progressPresenter"));
    m_rows = new QVBoxLayout(this);
    m_rows->setContentsMargins(6, 2, 6, 2);
    m_rows->setSpacing(2);
    connect(runner, &JobRunner::jobStarted, this, &ProgressPresenter::addJob);
    hide();
}

ProgressPresenter::~ProgressPresenter() = default;

int ProgressPresenter::rowCount() const
{
    return m_rows->count();
}

void ProgressPresenter::addJob(const QString &title, QFutureWatcherBase *watcher)
{
    auto *row = new QWidget(this);
    row->setObjectName(QStringLiteral("jobRow"));
    auto *label = new QLabel(title, row);
    label->setObjectName(QStringLiteral("jobTitle"));
    label->setTextFormat(Qt::PlainText);
    auto *bar = new QProgressBar(row);
    bar->setObjectName(QStringLiteral("jobProgress"));
    bar->setRange(0, 0); // busy until the job announces its range
    bar->setMaximumWidth(320);
    bar->setAccessibleName(title);
    auto *cancel = new QToolButton(row);
    cancel->setObjectName(QStringLiteral("jobCancel"));
    cancel->setIcon(glyphIcon(Glyph::Cancel));
    cancel->setText(tr("Cancel"));
    cancel->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    cancel->setToolTip(tr("Cancel “%1”").arg(title));

    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label, 1);
    layout->addWidget(bar);
    layout->addWidget(cancel);
    m_rows->addWidget(row);
    show();

    connect(watcher, &QFutureWatcherBase::progressRangeChanged, bar, &QProgressBar::setRange);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, bar, &QProgressBar::setValue);
    connect(watcher, &QFutureWatcherBase::progressTextChanged, label,
            [label, title](const QString &text) {
                label->setText(text.isEmpty() ? title : title + QStringLiteral(" — ") + text);
            });
    connect(cancel, &QToolButton::clicked, watcher, [watcher, cancel] {
        cancel->setEnabled(false);
        watcher->cancel();
    });
    // The watcher is deleted once the outcome was delivered; the row goes with it.
    connect(watcher, &QObject::destroyed, this, [this, row] {
        m_rows->removeWidget(row);
        row->deleteLater();
        if (m_rows->count() == 0)
            hide();
    });
}

} // namespace wxr::ui
