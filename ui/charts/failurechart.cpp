// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/failurechart.h"

#include <qcustomplot.h>

namespace wxr::ui {

namespace {

QColor causeColor(qsizetype i)
{
    static const QList<QColor> colors{QColor(0xe5, 0x39, 0x35), QColor(0xfb, 0x8c, 0x00),
                                      QColor(0x8e, 0x24, 0xaa), QColor(0x1e, 0x88, 0xe5),
                                      QColor(0x00, 0x89, 0x7b), QColor(0x6d, 0x4c, 0x41),
                                      QColor(0x54, 0x6e, 0x7a), QColor(0xc0, 0xca, 0x33)};
    return colors[i % colors.size()];
}

} // namespace

FailureChart::FailureChart(QWidget *parent)
    : ChartWidget(true, tr("Failed callbacks"), parent)
{
    setObjectName(QStringLiteral("failureChart"));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
}

FailureChart::~FailureChart() = default;

void FailureChart::setData(const BucketedSeries &series)
{
    m_series = series;
    for (QCPBars *b : std::as_const(m_bars))
        m_plot->removePlottable(b);
    m_bars.clear();
    const double bucket = double(qMax<qint64>(1, series.bucketSeconds));
    m_centres.clear();
    for (qint64 t : series.times)
        m_centres.append(double(t) + bucket / 2);
    QCPBars *below = nullptr;
    for (qsizetype r = 0; r < series.rows.size(); ++r) {
        const NamedValues &row = series.rows[r];
        auto *bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(row.name);
        bars->setWidth(bucket * 0.85);
        bars->setPen(Qt::NoPen);
        bars->setBrush(causeColor(r));
        const qsizetype n = std::min(m_centres.size(), row.values.size());
        bars->setData(m_centres.first(n), row.values.first(n), true);
        if (below)
            bars->moveAbove(below);
        below = bars;
        m_bars.append(bars);
    }
    m_plot->legend->setVisible(!series.rows.isEmpty());
    if (!series.times.isEmpty())
        m_plot->xAxis->setRange(double(series.times.first()), double(series.times.last()) + bucket);
    rescaleValueAxis();
    m_plot->replot();
}

QString FailureChart::tooltipAt(const QPointF &pos) const
{
    const double key = m_plot->xAxis->pixelToCoord(pos.x());
    const double bucket = double(qMax<qint64>(1, m_series.bucketSeconds));
    const int i = nearestIndex(m_centres, key, bucket / 2);
    if (i < 0)
        return {};
    QString text = formatKey(double(m_series.times[i]));
    double total = 0;
    for (const NamedValues &row : m_series.rows) {
        const double v = i < row.values.size() ? row.values[i] : 0;
        total += v;
        if (v > 0)
            text += QStringLiteral("\n") + tr("%1: %2").arg(row.name).arg(qint64(v));
    }
    return text + QStringLiteral("\n") + tr("Total: %1").arg(qint64(total));
}

} // namespace wxr::ui
