// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QLabel>

namespace wxr::ui {

MainWindow::MainWindow(bool demo, QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(demo ? tr("wxrecon — WeChat Pay reconciliation (demo)")
                        : tr("wxrecon — WeChat Pay reconciliation"));
    auto *label = new QLabel(tr("The reconciliation views are being built. "
                                "This window shows that the application starts."),
                             this);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    setCentralWidget(label);
    resize(1100, 720);
}

MainWindow::~MainWindow() = default;

} // namespace wxr::ui
