// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/delaychart.h"
#include "charts/delayhistogramchart.h"
#include "charts/failurechart.h"
#include "charts/timerangebar.h"
#include "charts/volumechart.h"

#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <qcustomplot.h>

using namespace wxr::ui;

namespace {

// 2026-11-26 00:00:00+08:00
constexpr qint64 kT0 = 1795622400;

QList<double> graphValues(QCPGraph *g)
{
    QList<double> v;
    for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
        v.append(it->value);
    return v;
}

QList<double> graphKeys(QCPAbstractPlottable1D<QCPGraphData> *g)
{
    QList<double> k;
    for (int i = 0; i < g->dataCount(); ++i)
        k.append(g->dataMainKey(i));
    return k;
}

QList<double> barValues(QCPBars *b)
{
    QList<double> v;
    for (auto it = b->data()->constBegin(); it != b->data()->constEnd(); ++it)
        v.append(it->value);
    return v;
}

// Pixel position of a plot coordinate, for tooltip tests.
QPointF pixelOf(QCustomPlot *plot, double key, double value)
{
    return {plot->xAxis->coordToPixel(key), plot->yAxis->coordToPixel(value)};
}

template<typename Chart>
void prepare(Chart &chart)
{
    // Pixel ↔ coordinate mapping needs the plot laid out at a real size.
    chart.resize(800, 300);
    chart.show();
    if (!QTest::qWaitForWindowExposed(&chart))
        qFatal("chart window not exposed");
    chart.plot()->replot();
}

} // namespace

class tst_Charts final : public QObject
{
    Q_OBJECT

private slots:
    void delayPercentiles()
    {
        DelayChart chart;
        prepare(chart);
        DelayPercentileSeries s;
        s.times = {kT0, kT0 + 3600, kT0 + 7200};
        s.p50 = {0.5, 0.75, 1.0};
        s.p95 = {2.0, 2.5, 3.0};
        s.p99 = {5.0, 8.0, 13.0};
        chart.setData(s);
        QCustomPlot *plot = chart.plot();
        QCOMPARE(plot->graphCount(), 3);
        QCOMPARE(graphKeys(plot->graph(0)),
                 (QList<double>{double(kT0), double(kT0 + 3600), double(kT0 + 7200)}));
        QCOMPARE(graphValues(plot->graph(0)), s.p50);
        QCOMPARE(graphValues(plot->graph(1)), s.p95);
        QCOMPARE(graphValues(plot->graph(2)), s.p99);
        QVERIFY(plot->yAxis->range().upper >= 13.0);
        QCOMPARE(plot->yAxis->range().lower, 0.0);

        chart.setThreshold(30);
        QCOMPARE(chart.threshold(), 30.0);
        QVERIFY(plot->yAxis->range().upper >= 30.0);

        const QString tip = chart.tooltipAt(pixelOf(plot, double(kT0 + 3600), 1));
        QVERIFY2(tip.contains(QStringLiteral("11-26 01:00")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("p95: 2.50 s")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("p99: 8.00 s")), qPrintable(tip));
        // Far from any point: no tooltip.
        plot->xAxis->setRange(double(kT0 - 86400), double(kT0 + 86400));
        QVERIFY(chart.tooltipAt(pixelOf(plot, double(kT0 - 40000), 1)).isEmpty());
    }

    void unevenListsAreTruncated()
    {
        DelayChart chart;
        DelayPercentileSeries s;
        s.times = {kT0, kT0 + 60, kT0 + 120};
        s.p50 = {1, 2};
        s.p95 = {3, 4, 5};
        s.p99 = {6, 7, 8};
        chart.setData(s);
        QCOMPARE(chart.plot()->graph(0)->dataCount(), 2);
        QCOMPARE(chart.plot()->graph(2)->dataCount(), 2);
    }

    void histogram()
    {
        DelayHistogramChart chart;
        prepare(chart);
        DelayHistogramSeries s;
        s.binWidth = 0.5;
        s.binStarts = {0, 0.5, 1.0, 1.5};
        s.counts = {10, 40, 7, 1};
        chart.setData(s);
        auto *bars = qobject_cast<QCPBars *>(chart.plot()->plottable(0));
        QVERIFY(bars);
        QCOMPARE(barValues(bars), s.counts);
        QCOMPARE(bars->dataMainKey(1), 0.75); // bin centre
        QCOMPARE(chart.plot()->xAxis->range().lower, 0.0);
        QCOMPARE(chart.plot()->xAxis->range().upper, 2.0);
        const QString tip = chart.tooltipAt(pixelOf(chart.plot(), 0.8, 1));
        QVERIFY2(tip.contains(QStringLiteral("0.5–1 s")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("40")), qPrintable(tip));
    }

    void failuresAreStacked()
    {
        FailureChart chart;
        prepare(chart);
        BucketedSeries s;
        s.bucketSeconds = 3600;
        s.times = {kT0, kT0 + 3600};
        s.rows = {{QStringLiteral("bad signature"), {3, 0}},
                  {QStringLiteral("stale timestamp"), {1, 2}},
                  {QStringLiteral("decrypt failure"), {0, 5}}};
        chart.setData(s);
        QCustomPlot *plot = chart.plot();
        QCOMPARE(plot->plottableCount(), 3);
        auto *bottom = qobject_cast<QCPBars *>(plot->plottable(0));
        auto *middle = qobject_cast<QCPBars *>(plot->plottable(1));
        auto *top = qobject_cast<QCPBars *>(plot->plottable(2));
        QCOMPARE(bottom->name(), QStringLiteral("bad signature"));
        QCOMPARE(middle->barBelow(), bottom);
        QCOMPARE(top->barBelow(), middle);
        QCOMPARE(bottom->barBelow(), nullptr);
        QCOMPARE(barValues(top), (QList<double>{0, 5}));
        // The stacked total (7 in the second hour) fits.
        QVERIFY(plot->yAxis->range().upper >= 7.0);
        const QString tip = chart.tooltipAt(pixelOf(plot, double(kT0 + 3600 + 1800), 1));
        QVERIFY2(tip.contains(QStringLiteral("stale timestamp: 2")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("decrypt failure: 5")), qPrintable(tip));
        QVERIFY2(!tip.contains(QStringLiteral("bad signature")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Total: 7")), qPrintable(tip));

        // New data replaces the old bars.
        s.rows.removeLast();
        chart.setData(s);
        QCOMPARE(plot->plottableCount(), 2);
    }

    void volume()
    {
        VolumeChart chart;
        prepare(chart);
        BucketedSeries s;
        s.bucketSeconds = 600;
        s.times = {kT0, kT0 + 600, kT0 + 1200};
        s.rows = {{QStringLiteral("received"), {120, 80, 95}},
                  {QStringLiteral("paid orders"), {125, 80, 99}}};
        chart.setData(s);
        QCustomPlot *plot = chart.plot();
        QCOMPARE(plot->graphCount(), 2);
        QCOMPARE(graphValues(plot->graph(0)), (QList<double>{120, 80, 95}));
        QCOMPARE(graphValues(plot->graph(1)), (QList<double>{125, 80, 99}));
        QCOMPARE(plot->graph(0)->lineStyle(), QCPGraph::lsStepLeft);
        // Anywhere inside the second bucket reports the second bucket.
        const QString tip = chart.tooltipAt(pixelOf(plot, double(kT0 + 1100), 1));
        QVERIFY2(tip.contains(QStringLiteral("received: 80")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("11-26 00:10")), qPrintable(tip));
    }

    void alertPeriodsAreShaded()
    {
        VolumeChart chart;
        prepare(chart);
        chart.setAlertPeriods({{kT0, kT0 + 600, QStringLiteral("p95 above 30 s")},
                               {kT0 + 3600, kT0 + 4000, QString()},
                               {kT0 + 5000, kT0 + 5000, QString()}}); // empty: skipped
        QCOMPARE(chart.alertPeriodCount(), 2);
        QCOMPARE(chart.plot()->layer(QStringLiteral("alerts"))->children().size(), 2);
        auto *rect = qobject_cast<QCPItemRect *>(chart.plot()->item(0));
        QVERIFY(rect);
        QCOMPARE(rect->topLeft->key(), double(kT0));
        QCOMPARE(rect->bottomRight->key(), double(kT0 + 600));
        chart.setAlertPeriods({});
        QCOMPARE(chart.alertPeriodCount(), 0);
        QCOMPARE(chart.plot()->itemCount(), 0);
    }

    void zoomAndPanAlongTime()
    {
        DelayChart chart;
        QVERIFY(chart.plot()->interactions().testFlag(QCP::iRangeZoom));
        QVERIFY(chart.plot()->interactions().testFlag(QCP::iRangeDrag));
        QCOMPARE(chart.plot()->axisRect()->rangeZoom(), Qt::Horizontal);
        QCOMPARE(chart.plot()->axisRect()->rangeDrag(), Qt::Horizontal);
        chart.setTimeRange(kT0, kT0 + 3600);
        QCOMPARE(chart.plot()->xAxis->range().lower, double(kT0));
        QCOMPARE(chart.plot()->xAxis->range().upper, double(kT0 + 3600));
        chart.setTimeRange(kT0 + 10, kT0); // inverted: ignored
        QCOMPARE(chart.plot()->xAxis->range().lower, double(kT0));
    }

    void rangePresets_data()
    {
        QTest::addColumn<int>("preset");
        QTest::addColumn<qint64>("span");
        QTest::newRow("1 h") << int(TimeRangeBar::Preset::LastHour) << qint64(3600);
        QTest::newRow("24 h") << int(TimeRangeBar::Preset::LastDay) << qint64(86400);
        QTest::newRow("7 d") << int(TimeRangeBar::Preset::LastWeek) << qint64(7 * 86400);
    }

    void rangePresets()
    {
        QFETCH(int, preset);
        QFETCH(qint64, span);
        TimeRangeBar bar;
        const qint64 now = kT0 + 12345;
        bar.setClock([now] { return now; });
        QSignalSpy spy(&bar, &TimeRangeBar::rangeChanged);
        bar.selectPreset(TimeRangeBar::Preset(preset));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toLongLong(), now - span);
        QCOMPARE(spy.at(0).at(1).toLongLong(), now);
    }

    void customRangeInChinaStandardTime()
    {
        TimeRangeBar bar;
        QSignalSpy spy(&bar, &TimeRangeBar::rangeChanged);
        bar.setCustomRange(kT0, kT0 + 7200);
        QCOMPARE(bar.preset(), TimeRangeBar::Preset::Custom);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toLongLong(), kT0);
        QCOMPARE(spy.at(0).at(1).toLongLong(), kT0 + 7200);
        // The edits show CST wall-clock time: midnight of 2026-11-26.
        const auto edits = bar.findChildren<QDateTimeEdit *>();
        QCOMPARE(edits.size(), 2);
        QCOMPARE(edits[0]->dateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                 QStringLiteral("2026-11-26 00:00"));
        // An inverted custom range is not applied.
        bar.setCustomRange(kT0 + 10, kT0);
        QCOMPARE(spy.count(), 1);
    }

    void presetButtonsEmit()
    {
        TimeRangeBar bar;
        bar.setClock([] { return kT0; });
        QSignalSpy spy(&bar, &TimeRangeBar::rangeChanged);
        const auto buttons = bar.findChildren<QToolButton *>();
        QCOMPARE(buttons.size(), 4);
        buttons[0]->click(); // 1 h
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toLongLong(), kT0 - 3600);
        buttons[3]->click(); // custom waits for Apply
        QCOMPARE(spy.count(), 1);
    }
};

QTEST_MAIN(tst_Charts)
#include "tst_charts.moc"
