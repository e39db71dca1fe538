// SPDX-License-Identifier: GPL-3.0-or-later
#include "pathedit.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace wxr::ui {

PathEdit::PathEdit(Kind kind, const QString &dialogTitle, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_title(dialogTitle)
{
    m_edit = new QLineEdit(this);
    m_edit->setClearButtonEnabled(true);
    m_button = new QToolButton(this);
    m_button->setText(tr("Browse…"));
    m_button->setToolTip(dialogTitle);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_button);
    setFocusProxy(m_edit);
    connect(m_edit, &QLineEdit::textChanged, this, &PathEdit::pathChanged);
    connect(m_button, &QToolButton::clicked, this, &PathEdit::browse);
}

PathEdit::~PathEdit() = default;

QString PathEdit::path() const
{
    return m_edit->text().trimmed();
}

void PathEdit::setPath(const QString &path)
{
    m_edit->setText(QDir::toNativeSeparators(path));
}

void PathEdit::setFilter(const QString &filter)
{
    m_filter = filter;
}

void PathEdit::browse()
{
    const QString start = path().isEmpty() ? QDir::homePath() : path();
    QString chosen;
    switch (m_kind) {
    case Kind::OpenFile:
        chosen = QFileDialog::getOpenFileName(this, m_title, start, m_filter);
        break;
    case Kind::SaveFile:
        chosen = QFileDialog::getSaveFileName(this, m_title, start, m_filter, nullptr,
                                              QFileDialog::DontConfirmOverwrite);
        break;
    case Kind::Directory:
        chosen = QFileDialog::getExistingDirectory(this, m_title, start);
        break;
    }
    if (!chosen.isEmpty())
        setPath(chosen);
}

} // namespace wxr::ui
