// SPDX-License-Identifier: GPL-3.0-or-later
#include "headerstate.h"

#include "common/settings.h"

#include <QHeaderView>

namespace wxr::ui {

bool keepHeaderState(QHeaderView *header, Settings &settings, const QString &table)
{
    const int sortSection = header->sortIndicatorSection();
    const Qt::SortOrder sortOrder = header->sortIndicatorOrder();
    const QByteArray saved = settings.tableState(table);
    // restoreState() refuses a state of another column count (a table that gained a column).
    const bool restored = !saved.isEmpty() && header->restoreState(saved);
    if (restored)
        header->setSortIndicator(sortSection, sortOrder);
    const auto save = [header, &settings, table] {
        settings.setTableState(table, header->saveState());
    };
    QObject::connect(header, &QHeaderView::sectionResized, header, save);
    QObject::connect(header, &QHeaderView::sectionMoved, header, save);
    return restored;
}

} // namespace wxr::ui
