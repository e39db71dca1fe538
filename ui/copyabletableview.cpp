// SPDX-License-Identifier: GPL-3.0-or-later
#include "copyabletableview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMap>

namespace wxr::ui {

CopyableTableView::CopyableTableView(QWidget *parent)
    : QTableView(parent)
{
    setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(tr("Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &CopyableTableView::copySelection);
    addAction(copy);
    setAlternatingRowColors(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setWordWrap(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    verticalHeader()->hide();
    horizontalHeader()->setHighlightSections(false);
}

CopyableTableView::~CopyableTableView() = default;

QString CopyableTableView::selectionText() const
{
    if (!selectionModel())
        return {};
    // Visual order: rows top to bottom, columns as the header shows them; hidden columns skipped.
    QMap<int, QMap<int, QString>> cells;
    for (const QModelIndex &i : selectionModel()->selectedIndexes()) {
        if (isColumnHidden(i.column()))
            continue;
        QString text = i.data().toString();
        text.replace(u'\t', u' ').replace(u'\n', u' ');
        cells[i.row()][horizontalHeader()->visualIndex(i.column())] = text;
    }
    QStringList lines;
    for (auto row = cells.cbegin(); row != cells.cend(); ++row)
        lines.append(QStringList(row.value().values()).join(u'\t'));
    return lines.join(u'\n');
}

void CopyableTableView::copySelection() const
{
    const QString text = selectionText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void CopyableTableView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copySelection();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

} // namespace wxr::ui
