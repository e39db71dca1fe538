// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace wxr::ui {

// Plain data the chart widgets take. Instants are Unix seconds (UTC) and are labelled in
// China Standard Time; delays are seconds. Lists that belong together have equal lengths
// (a chart ignores the surplus of a longer list).

/// Callback delay percentiles over time: delay = callback received − payment success.
struct DelayPercentileSeries
{
    QList<qint64> times; ///< start of each bucket
    QList<double> p50;
    QList<double> p95;
    QList<double> p99;
};

/// Distribution of callback delays: counts[i] callbacks had a delay in
/// [binStarts[i], binStarts[i] + binWidth).
struct DelayHistogramSeries
{
    double binWidth = 1.0;
    QList<double> binStarts;
    QList<double> counts;
};

/// One named row of values over the buckets of a BucketedSeries.
struct NamedValues
{
    QString name;
    QList<double> values;
};

/// Counts per time bucket, one row per name: failures by cause, callbacks by outcome.
struct BucketedSeries
{
    qint64 bucketSeconds = 3600;
    QList<qint64> times; ///< start of each bucket
    QList<NamedValues> rows;
};

/// A period during which an alert was open; charts shade it.
struct AlertPeriod
{
    qint64 start = 0;
    qint64 end = 0;
    QString label;
};

} // namespace wxr::ui
