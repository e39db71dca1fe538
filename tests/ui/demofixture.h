// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appcontext.h"
#include "demoledger.h"
#include "ledger/ledger.h"
#include "simday.h"

#include <QPromise>
#include <QTemporaryDir>

#include <memory>

/// A ledger holding generated, reconciled days (the demo's data), and the days themselves so
/// that tests can compare what views show with what the generator injected.
struct DemoLedger
{
    QTemporaryDir dir;
    QString path;
    QDate last;
    int days = 0;
    qint64 ordersPerDay = 0;
    quint64 seed = 0;
    bool withCallbacks = false;

    /// The same with a callback log imported for every day (for the monitor).
    bool buildWithCallbacks(QDate lastDay, int dayCount, qint64 orders, quint64 daySeed = 11)
    {
        withCallbacks = true;
        return build(lastDay, dayCount, orders, daySeed);
    }

    /// Builds the ledger; false (with a warning) on failure.
    bool build(QDate lastDay, int dayCount, qint64 orders, quint64 daySeed = 11)
    {
        last = lastDay;
        days = dayCount;
        ordersPerDay = orders;
        seed = daySeed;
        path = dir.filePath(QStringLiteral("ledger.sqlite"));
        auto ledger = wxr::core::Ledger::open(path, wxr::ui::AppContext::ledgerOptions());
        if (!ledger.ok()) {
            qWarning("%s", qPrintable(ledger.error().message));
            return false;
        }
        QPromise<void> promise;
        promise.start();
        auto found = wxr::demo::buildHistory(**ledger, last, days, orders, seed,
                                             dir.filePath(QStringLiteral("days")), {}, promise,
                                             withCallbacks);
        promise.finish();
        if (!found.ok()) {
            qWarning("%s", qPrintable(found.error().message));
            return false;
        }
        return true;
    }

    /// The generated day `date` exactly as buildHistory made it.
    wxr::sim::SimDay day(QDate date) const
    {
        wxr::sim::DayOptions o;
        o.date = date;
        o.orders = ordersPerDay;
        o.seed = seed + quint64(last.daysTo(date) * -1) * 7919;
        o.gzip = false;
        return wxr::sim::generateDay(o);
    }
};
