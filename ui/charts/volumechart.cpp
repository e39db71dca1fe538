// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/volumechart.h"

#include <qcustomplot.h>

namespace wxr::ui {

VolumeChart::VolumeChart(QWidget *parent)
    : ChartWidget(true, tr("Per bucket"), parent)
{
    setObjectName(QStringLiteral("volumeChart"));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
}

VolumeChart::~VolumeChart() = default;

void VolumeChart::setData(const BucketedSeries &series)
{
    static const QList<QColor> colors{QColor(0x07, 0xc1, 0x60), QColor(0x1e, 0x88, 0xe5),
                                      QColor(0xfb, 0x8c, 0x00), QColor(0x8e, 0x24, 0xaa)};
    m_series = series;
    m_plot->clearGraphs();
    m_keys.clear();
    for (qint64 t : series.times)
        m_keys.append(double(t));
    for (qsizetype r = 0; r < series.rows.size(); ++r) {
        const NamedValues &row = series.rows[r];
        QCPGraph *g = m_plot->addGraph();
        g->setName(row.name);
        const QColor c = colors[r % colors.size()];
        g->setPen(QPen(c, 2));
        g->setLineStyle(QCPGraph::lsStepLeft);
        if (r == 0)
            g->setBrush(QColor(c.red(), c.green(), c.blue(), 50));
        const qsizetype n = std::min(m_keys.size(), row.values.size());
        g->setData(m_keys.first(n), row.values.first(n), true);
    }
    if (!m_keys.isEmpty())
        m_plot->xAxis->setRange(m_keys.first(),
                                m_keys.last() + double(qMax<qint64>(1, series.bucketSeconds)));
    rescaleValueAxis();
    m_plot->replot();
}

QString VolumeChart::tooltipAt(const QPointF &pos) const
{
    const double key = m_plot->xAxis->pixelToCoord(pos.x());
    // A step line holds its value for the whole bucket, so the bucket containing the pointer
    // is the one to report.
    const double bucket = double(qMax<qint64>(1, m_series.bucketSeconds));
    const auto it = std::upper_bound(m_keys.cbegin(), m_keys.cend(), key);
    if (it == m_keys.cbegin())
        return {};
    const int i = int(it - m_keys.cbegin()) - 1;
    if (key >= m_keys[i] + bucket)
        return {};
    QString text = formatKey(m_keys[i]);
    for (const NamedValues &row : m_series.rows)
        text += QStringLiteral("\n")
                + tr("%1: %2").arg(row.name).arg(i < row.values.size() ? qint64(row.values[i]) : 0);
    return text;
}

} // namespace wxr::ui
