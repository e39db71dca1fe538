// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/delayhistogramchart.h"

#include <qcustomplot.h>

namespace wxr::ui {

DelayHistogramChart::DelayHistogramChart(QWidget *parent)
    : ChartWidget(false, tr("Callbacks"), parent)
{
    setObjectName(QStringLiteral("delayHistogramChart"));
    m_plot->xAxis->setLabel(tr("Delay (s)"));
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setName(tr("Callbacks"));
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(QColor(0x07, 0xc1, 0x60));
}

DelayHistogramChart::~DelayHistogramChart() = default;

void DelayHistogramChart::setData(const DelayHistogramSeries &series)
{
    m_series = series;
    const qsizetype n = std::min(series.binStarts.size(), series.counts.size());
    const double width = series.binWidth > 0 ? series.binWidth : 1.0;
    m_centres.clear();
    for (qsizetype i = 0; i < n; ++i)
        m_centres.append(series.binStarts[i] + width / 2);
    m_bars->setWidth(width * 0.9);
    m_bars->setData(m_centres, series.counts.first(n), true);
    if (n > 0)
        m_plot->xAxis->setRange(series.binStarts.first(), series.binStarts[n - 1] + width);
    rescaleValueAxis();
    m_plot->replot();
}

QString DelayHistogramChart::tooltipAt(const QPointF &pos) const
{
    const double key = m_plot->xAxis->pixelToCoord(pos.x());
    const double width = m_series.binWidth > 0 ? m_series.binWidth : 1.0;
    const int i = nearestIndex(m_centres, key, width / 2);
    if (i < 0)
        return {};
    const double from = m_series.binStarts[i];
    return tr("Delay %1–%2 s: %Ln callback(s)", nullptr, int(m_series.counts[i]))
        .arg(QString::number(from, 'g', 6), QString::number(from + width, 'g', 6));
}

} // namespace wxr::ui
