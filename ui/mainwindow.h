// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

namespace wxr::ui {

/// The application's main window.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(bool demo, QWidget *parent = nullptr);
    ~MainWindow() override;
};

} // namespace wxr::ui
