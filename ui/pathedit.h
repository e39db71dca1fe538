// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace wxr::ui {

/// A path field with a "Browse…" button: an existing file, a file to create, or a folder.
class PathEdit final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PathEdit)

public:
    enum class Kind { OpenFile, SaveFile, Directory };

    PathEdit(Kind kind, const QString &dialogTitle, QWidget *parent = nullptr);
    ~PathEdit() override;

    QString path() const;
    void setPath(const QString &path);
    /// Name filter for file dialogs, e.g. "PEM files (*.pem)".
    void setFilter(const QString &filter);
    QLineEdit *lineEdit() const { return m_edit; }

signals:
    void pathChanged(const QString &path);

private:
    void browse();

    Kind m_kind;
    QString m_title;
    QString m_filter;
    QLineEdit *m_edit = nullptr;
    QToolButton *m_button = nullptr;
};

} // namespace wxr::ui
