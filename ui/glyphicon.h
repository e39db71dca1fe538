// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace wxr::ui {

/// The application's icons. They are drawn as vector paths at whatever size and device
/// pixel ratio is asked for, so they stay sharp on high-DPI screens without an SVG plugin,
/// and they take the palette's text colour (selected and disabled states included).
enum class Glyph {
    App,         ///< the application icon (coloured)
    Reconcile,   ///< daily reconciliation
    Monitor,     ///< callback monitor
    StuckOrders, ///< pending / stuck orders
    Lookup,      ///< order lookup
    Reports,     ///< reports
    Settings,    ///< settings
    Cancel,      ///< cancel a job, close a notice
};

QIcon glyphIcon(Glyph glyph);

} // namespace wxr::ui
