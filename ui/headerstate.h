// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QHeaderView;

namespace wxr {
class Settings;
}

namespace wxr::ui {

/// Keeps the widths and order of a table's columns from one session to the next, under
/// `table` in the settings: restores what was saved (true when a saved state applied, so the
/// caller need not size the columns itself) and saves every change the person or the view
/// makes. The sort indicator stays as the caller set it: a sort is a choice of the moment.
/// `settings` must outlive `header`.
bool keepHeaderState(QHeaderView *header, Settings &settings, const QString &table);

} // namespace wxr::ui
