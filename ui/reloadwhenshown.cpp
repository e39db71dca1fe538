// SPDX-License-Identifier: GPL-3.0-or-later
#include "reloadwhenshown.h"

#include <QEvent>
#include <QWidget>

namespace wxr::ui {

ReloadWhenShown::ReloadWhenShown(QWidget *view, std::function<void()> reload)
    : QObject(view)
    , m_view(view)
    , m_reload(std::move(reload))
{
    view->installEventFilter(this);
}

ReloadWhenShown::~ReloadWhenShown() = default;

void ReloadWhenShown::changed()
{
    if (m_view->isVisible()) {
        m_stale = false;
        m_reload();
    } else {
        m_stale = true;
    }
}

bool ReloadWhenShown::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Show && m_stale) {
        m_stale = false;
        m_reload();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace wxr::ui
