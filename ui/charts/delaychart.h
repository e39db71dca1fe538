// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "charts/chartwidget.h"

class QCPItemStraightLine;

namespace wxr::ui {

/// Callback delay percentiles (p50, p95, p99) over time, with the p95 alert threshold as a
/// dashed line.
class DelayChart final : public ChartWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DelayChart)

public:
    explicit DelayChart(QWidget *parent = nullptr);
    ~DelayChart() override;

    void setData(const DelayPercentileSeries &series);
    /// Seconds; 0 hides the line.
    void setThreshold(double seconds);
    double threshold() const { return m_threshold; }

    QString tooltipAt(const QPointF &pos) const override;

private:
    DelayPercentileSeries m_series;
    QList<double> m_keys;
    double m_threshold = 0;
    QCPItemStraightLine *m_thresholdLine = nullptr;
};

} // namespace wxr::ui
