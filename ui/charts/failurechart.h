// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "charts/chartwidget.h"

class QCPBars;

namespace wxr::ui {

/// Callback failures by cause over time as stacked bars (one colour per cause, in the order
/// of the series rows, first at the bottom).
class FailureChart final : public ChartWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FailureChart)

public:
    explicit FailureChart(QWidget *parent = nullptr);
    ~FailureChart() override;

    void setData(const BucketedSeries &series);
    QString tooltipAt(const QPointF &pos) const override;

private:
    BucketedSeries m_series;
    QList<double> m_centres;
    QList<QCPBars *> m_bars;
};

} // namespace wxr::ui
