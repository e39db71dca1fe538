// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/chartwidget.h"

#include "common/cstime.h"

#include <QEvent>
#include <QMouseEvent>
#include <QTimeZone>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>

namespace wxr::ui {

namespace {

const QString kAlertLayer = QStringLiteral("alerts");

} // namespace

ChartWidget::ChartWidget(bool timeAxis, const QString &valueLabel, QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_timeAxis(timeAxis)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumHeight(180);

    // Zoom and pan along the key axis only: values stay scaled to the data.
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->yAxis->setLabel(valueLabel);
    m_plot->setBackground(palette().base());
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setLabelColor(palette().color(QPalette::Text));
        axis->setTickLabelColor(palette().color(QPalette::Text));
    }
    if (m_timeAxis) {
        auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
        // WeChat Pay and the merchants work in China Standard Time, whatever the PC's zone.
        ticker->setTimeZone(QTimeZone(int(cst::kOffsetSeconds)));
        ticker->setDateTimeFormat(QStringLiteral("MM-dd\nHH:mm"));
        // Ticks on CST hours and midnights, not on UTC ones (which fall at 08:00 CST).
        ticker->setTickOrigin(-double(cst::kOffsetSeconds));
        m_plot->xAxis->setTicker(ticker);
    }
    m_plot->addLayer(kAlertLayer, m_plot->layer(QStringLiteral("grid")), QCustomPlot::limAbove);
    m_plot->setMouseTracking(true);
    m_plot->installEventFilter(this);
}

ChartWidget::~ChartWidget() = default;

void ChartWidget::setTimeRange(qint64 from, qint64 to)
{
    if (!m_timeAxis || to <= from)
        return;
    m_plot->xAxis->setRange(double(from), double(to));
    m_plot->replot();
}

void ChartWidget::setAlertPeriods(const QList<AlertPeriod> &periods)
{
    if (!m_timeAxis)
        return;
    QCPLayer *layer = m_plot->layer(kAlertLayer);
    for (QCPLayerable *l : layer->children()) {
        if (auto *item = qobject_cast<QCPAbstractItem *>(l))
            m_plot->removeItem(item);
    }
    m_alerts = periods;
    m_alertItems = 0;
    for (const AlertPeriod &p : periods) {
        if (p.end <= p.start)
            continue;
        auto *rect = new QCPItemRect(m_plot);
        rect->setLayer(layer);
        rect->setClipToAxisRect(true);
        rect->setSelectable(false);
        rect->setPen(Qt::NoPen);
        rect->setBrush(QColor(229, 57, 53, 48));
        for (QCPItemPosition *pos : {rect->topLeft, rect->bottomRight}) {
            pos->setTypeX(QCPItemPosition::ptPlotCoords);
            pos->setTypeY(QCPItemPosition::ptAxisRectRatio);
        }
        rect->topLeft->setCoords(double(p.start), 0);
        rect->bottomRight->setCoords(double(p.end), 1);
        ++m_alertItems;
    }
    m_plot->replot();
}

int ChartWidget::alertPeriodCount() const
{
    return m_alertItems;
}

bool ChartWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::MouseMove) {
        const auto *me = static_cast<QMouseEvent *>(event);
        if (me->buttons() == Qt::NoButton) {
            QString text = tooltipAt(me->position());
            // Alert periods under the pointer are named too.
            const double key = m_plot->xAxis->pixelToCoord(me->position().x());
            for (const AlertPeriod &p : std::as_const(m_alerts)) {
                if (m_timeAxis && key >= double(p.start) && key < double(p.end)
                    && !p.label.isEmpty())
                    text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + p.label;
            }
            if (text.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(me->globalPosition().toPoint(), text, m_plot);
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString ChartWidget::formatKey(double key)
{
    return cst::formatBillTime(qint64(key)).mid(5, 11);
}

int ChartWidget::nearestIndex(const QList<double> &keys, double key, double maxDistance)
{
    if (keys.isEmpty())
        return -1;
    const auto it = std::lower_bound(keys.cbegin(), keys.cend(), key);
    int best = -1;
    double bestDistance = maxDistance;
    for (auto c : {it - 1, it}) {
        if (c < keys.cbegin() || c >= keys.cend())
            continue;
        const double d = std::abs(*c - key);
        if (d <= bestDistance) {
            bestDistance = d;
            best = int(c - keys.cbegin());
        }
    }
    return best;
}

void ChartWidget::rescaleValueAxis()
{
    bool found = false;
    QCPRange range(0, 1);
    for (int i = 0; i < m_plot->plottableCount(); ++i) {
        bool ok = false;
        const QCPRange r = m_plot->plottable(i)->getValueRange(ok);
        if (ok) {
            range = found ? QCPRange(qMin(range.lower, r.lower), qMax(range.upper, r.upper)) : r;
            found = true;
        }
    }
    const double upper = found && range.upper > 0 ? range.upper * 1.1 : 1.0;
    m_plot->yAxis->setRange(0, upper);
}

} // namespace wxr::ui
