// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/delaychart.h"

#include <qcustomplot.h>

namespace wxr::ui {

namespace {

QString seconds(double s)
{
    return DelayChart::tr("%1 s").arg(QString::number(s, 'f', 2));
}

} // namespace

DelayChart::DelayChart(QWidget *parent)
    : ChartWidget(true, tr("Delay (s)"), parent)
{
    setObjectName(QStringLiteral("delayChart"));
    const QList<std::pair<QString, QColor>> lines{{tr("p50 (median)"), QColor(0x1e, 0x88, 0xe5)},
                                                  {tr("p95"), QColor(0xfb, 0x8c, 0x00)},
                                                  {tr("p99"), QColor(0xe5, 0x39, 0x35)}};
    for (const auto &[name, color] : lines) {
        QCPGraph *g = m_plot->addGraph();
        g->setName(name);
        g->setPen(QPen(color, 2));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
    }
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_thresholdLine = new QCPItemStraightLine(m_plot);
    m_thresholdLine->setPen(QPen(QColor(0xe5, 0x39, 0x35), 1, Qt::DashLine));
    m_thresholdLine->setVisible(false);
}

DelayChart::~DelayChart() = default;

void DelayChart::setData(const DelayPercentileSeries &series)
{
    m_series = series;
    const qsizetype n
        = std::min({series.times.size(), series.p50.size(), series.p95.size(), series.p99.size()});
    m_keys.clear();
    for (qsizetype i = 0; i < n; ++i)
        m_keys.append(double(series.times[i]));
    const QList<double> keys = m_keys;
    m_plot->graph(0)->setData(keys, series.p50.first(n), true);
    m_plot->graph(1)->setData(keys, series.p95.first(n), true);
    m_plot->graph(2)->setData(keys, series.p99.first(n), true);
    if (n > 0)
        m_plot->xAxis->setRange(keys.first(), qMax(keys.last(), keys.first() + 60));
    rescaleValueAxis();
    if (m_threshold > m_plot->yAxis->range().upper)
        m_plot->yAxis->setRangeUpper(m_threshold * 1.1);
    m_plot->replot();
}

void DelayChart::setThreshold(double seconds)
{
    m_threshold = seconds;
    m_thresholdLine->setVisible(seconds > 0);
    m_thresholdLine->point1->setCoords(0, seconds);
    m_thresholdLine->point2->setCoords(1, seconds);
    if (seconds > m_plot->yAxis->range().upper)
        m_plot->yAxis->setRangeUpper(seconds * 1.1);
    m_plot->replot();
}

QString DelayChart::tooltipAt(const QPointF &pos) const
{
    const double key = m_plot->xAxis->pixelToCoord(pos.x());
    const double slack = std::abs(m_plot->xAxis->pixelToCoord(pos.x() + 12) - key);
    const int i = nearestIndex(m_keys, key, slack);
    if (i < 0)
        return {};
    return formatKey(m_keys[i]) + QStringLiteral("\n") + tr("p50: %1").arg(seconds(m_series.p50[i]))
           + QStringLiteral("\n") + tr("p95: %1").arg(seconds(m_series.p95[i]))
           + QStringLiteral("\n") + tr("p99: %1").arg(seconds(m_series.p99[i]));
}

} // namespace wxr::ui
