// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QFrame>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace wxr::ui {

/// An inline message above the views: one clear sentence, and for errors the technical
/// detail behind a "Details" button. Replaces the previous message; closable; never modal,
/// so long jobs and tests are not blocked by dialogs.
class NoticeBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoticeBar)

public:
    enum class Level { Info, Success, Warning, Error };

    explicit NoticeBar(QWidget *parent = nullptr);
    ~NoticeBar() override;

    void showMessage(Level level, const QString &sentence, const QString &detail = {});
    /// Shows the error's message; its detail is available on demand.
    void showError(const Error &error);
    /// Adds a button to the message shown now (e.g. "Restart now"); the next message
    /// removes it. Clicking runs `action` and dismisses the bar.
    void setAction(const QString &text, std::function<void()> action);
    void dismiss();

    Level level() const { return m_level; }
    QString text() const;
    QString detail() const;

private:
    void applyLevelStyle();

    Level m_level = Level::Info;
    QLabel *m_text = nullptr;
    QToolButton *m_actionButton = nullptr;
    std::function<void()> m_action;
    QToolButton *m_detailsButton = nullptr;
    QToolButton *m_closeButton = nullptr;
    QPlainTextEdit *m_detail = nullptr;
};

} // namespace wxr::ui
