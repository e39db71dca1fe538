// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "charts/chartwidget.h"

namespace wxr::ui {

/// Callback volume over time: one step line per series row (e.g. received, paid orders),
/// the first one filled.
class VolumeChart final : public ChartWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VolumeChart)

public:
    explicit VolumeChart(QWidget *parent = nullptr);
    ~VolumeChart() override;

    void setData(const BucketedSeries &series);
    QString tooltipAt(const QPointF &pos) const override;

private:
    BucketedSeries m_series;
    QList<double> m_keys;
};

} // namespace wxr::ui
