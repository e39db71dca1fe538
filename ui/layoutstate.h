// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QHeaderView;
class QSplitter;

namespace wxr {
class Settings;
}

namespace wxr::ui {

// A person's layout from one session to the next: each function restores what the settings
// hold under `key` (true when a saved state applied) and saves every later change there.
// `settings` must outlive the widget.

/// The widths and order of a table's columns. When it returns false the caller sizes the
/// columns itself (meanwhile each column is made at least as wide as its title). The sort
/// indicator stays as the caller set it: a sort is a choice of the moment.
bool keepHeaderState(QHeaderView *header, Settings &settings, const QString &key);

/// Where a splitter divides its panes.
bool keepSplitterState(QSplitter *splitter, Settings &settings, const QString &key);

} // namespace wxr::ui
