// SPDX-License-Identifier: GPL-3.0-or-later
#include "layoutstate.h"

#include "common/settings.h"

#include <QHeaderView>
#include <QSplitter>

#include <algorithm>

namespace wxr::ui {

bool keepHeaderState(QHeaderView *header, Settings &settings, const QString &key)
{
    const QString name = QStringLiteral("table/") + key;
    const int sortSection = header->sortIndicatorSection();
    const Qt::SortOrder sortOrder = header->sortIndicatorOrder();
    const QByteArray saved = settings.layoutState(name);
    // restoreState() refuses a state of another column count (a table that gained a column).
    const bool restored = !saved.isEmpty() && header->restoreState(saved);
    if (restored) {
        header->setSortIndicator(sortSection, sortOrder);
    } else {
        // Until the caller sizes the columns to their first rows, each is at least as wide as
        // its title: an empty table (no stuck orders, no failures yet) cut the titles off.
        for (int i = 0; i < header->count(); ++i)
            header->resizeSection(i, std::max(header->sectionSize(i), header->sectionSizeHint(i)));
    }
    const auto save = [header, &settings, name] {
        settings.setLayoutState(name, header->saveState());
    };
    QObject::connect(header, &QHeaderView::sectionResized, header, save);
    QObject::connect(header, &QHeaderView::sectionMoved, header, save);
    return restored;
}

bool keepSplitterState(QSplitter *splitter, Settings &settings, const QString &key)
{
    const QString name = QStringLiteral("splitter/") + key;
    const QByteArray saved = settings.layoutState(name);
    const bool restored = !saved.isEmpty() && splitter->restoreState(saved);
    QObject::connect(splitter, &QSplitter::splitterMoved, splitter, [splitter, &settings, name] {
        settings.setLayoutState(name, splitter->saveState());
    });
    return restored;
}

} // namespace wxr::ui
