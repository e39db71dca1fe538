// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <functional>

class QWidget;

namespace wxr::ui {

/// Reloads a view when the ledger changes: at once while the view is visible, otherwise the
/// first time it is shown again. The main window shows one view at a time, and a view's reload
/// runs on the GUI thread (its queries, its column sizing), so the hidden ones should not pay
/// for every change a background writer makes. Owned by the view.
class ReloadWhenShown final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReloadWhenShown)

public:
    ReloadWhenShown(QWidget *view, std::function<void()> reload);
    ~ReloadWhenShown() override;

    /// The ledger changed.
    void changed();
    /// A change arrived while the view was hidden and its reload is still owed.
    bool isStale() const { return m_stale; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_view;
    std::function<void()> m_reload;
    bool m_stale = false;
};

} // namespace wxr::ui
