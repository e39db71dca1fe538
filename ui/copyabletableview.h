// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

namespace wxr::ui {

/// A table view whose selected cells are copied (Ctrl+C, or the context menu) as
/// tab-separated text — pastes cleanly into a spreadsheet or a chat — with rows in view order.
class CopyableTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CopyableTableView)

public:
    explicit CopyableTableView(QWidget *parent = nullptr);
    ~CopyableTableView() override;

    /// The selection as it would be copied.
    QString selectionText() const;
    void copySelection() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace wxr::ui
