// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "charts/chartwidget.h"

class QCPBars;

namespace wxr::ui {

/// Distribution of callback delays as bars, one per delay bin.
class DelayHistogramChart final : public ChartWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DelayHistogramChart)

public:
    explicit DelayHistogramChart(QWidget *parent = nullptr);
    ~DelayHistogramChart() override;

    void setData(const DelayHistogramSeries &series);
    QString tooltipAt(const QPointF &pos) const override;

private:
    DelayHistogramSeries m_series;
    QList<double> m_centres;
    QCPBars *m_bars = nullptr;
};

} // namespace wxr::ui
