// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "charts/chartseries.h"

#include <QWidget>

class QCustomPlot;
class QMouseEvent;

namespace wxr::ui {

/// Base of the chart widgets: owns the QCustomPlot (an implementation detail of wxrecon_ui),
/// sets up horizontal zoom (wheel) and pan (drag), the CST time axis for time charts, shaded
/// alert periods and hover tooltips with exact values. Subclasses fill the plot from plain
/// series structs. GUI thread only.
class ChartWidget : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartWidget)

public:
    ~ChartWidget() override;

    /// The plot, for tests that read graph data back.
    QCustomPlot *plot() const { return m_plot; }

    /// Shows [from, to) (Unix seconds) on a time chart; ignored by non-time charts.
    void setTimeRange(qint64 from, qint64 to);
    /// Replaces the shaded alert periods (time charts only).
    void setAlertPeriods(const QList<AlertPeriod> &periods);
    int alertPeriodCount() const;

    /// The tooltip shown when the pointer is at `pos` (widget coordinates of the plot);
    /// empty when no data point is near.
    virtual QString tooltipAt(const QPointF &pos) const = 0;

protected:
    ChartWidget(bool timeAxis, const QString &valueLabel, QWidget *parent);
    bool eventFilter(QObject *watched, QEvent *event) override;
    /// Formats an instant (plot key) in CST, e.g. "11-26 10:15".
    static QString formatKey(double key);
    /// Index of the data point whose key is nearest to `key` in a sorted key list, or -1 when
    /// `key` is farther than `maxDistance` from every point.
    static int nearestIndex(const QList<double> &keys, double key, double maxDistance);
    void rescaleValueAxis();

    QCustomPlot *m_plot;

private:
    bool m_timeAxis;
    QList<AlertPeriod> m_alerts;
    int m_alertItems = 0;
};

} // namespace wxr::ui
