// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QDate>
#include <QObject>
#include <QString>

#include <memory>

class QTimer;

namespace wxr::sim {
class SimServer;
}
namespace wxr::ui {
class AppContext;
}

namespace wxr::demo {

/// `wxrecon --demo`: the WeChat Pay stand-in running in this process, a merchant profile for
/// it, and a temporary ledger holding a few generated days, all reconciled — the last one
/// (yesterday, CST) through the real path: its bill downloaded from the stand-in, imported and
/// reconciled. Everything lives in `scratchDir`, which the caller removes afterwards.
class DemoSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoSession)

public:
    struct Options
    {
        int historyDays = 4;        ///< generated days before yesterday
        qint64 ordersPerDay = 8000; ///< per generated day, the stand-in's day included
        quint64 seed = 2026;
    };

    DemoSession(ui::AppContext &context, const QString &scratchDir, Options options);
    ~DemoSession() override;

    /// Starts the stand-in, writes the demo merchant into the (temporary) settings with its
    /// APIv3 key for this session only, and points the context at the temporary ledger. Call
    /// before any view opens the ledger.
    Status prepare();
    /// Fills the ledger as a job of the context's job runner (progress and cancel like any
    /// job); emits ready() or failed().
    void populate();
    /// Live callbacks for the monitor: starts the receiver of this process on a free port,
    /// points the stand-in's notify URL at it (with a few lost, duplicated, late and probe
    /// deliveries) and pays an unpaid order of the served day every `intervalMs`, refunding
    /// part of an earlier one now and then. A few late callbacks the ledger does not expect
    /// come in as well (an order it lacks, one it closed, one of another amount), so the
    /// daily view's callback anomalies have something to show. Call after ready().
    void startLiveTraffic(int intervalMs = 1500);

    sim::SimServer *server() const { return m_server.get(); }
    QDate lastDay() const { return m_lastDay; }

signals:
    void ready();
    void failed(const wxr::Error &error);

private:
    ui::AppContext &m_ctx;
    QString m_dir;
    Options m_options;
    QDate m_lastDay;
    std::unique_ptr<sim::SimServer> m_server;
    QTimer *m_traffic = nullptr;
    std::size_t m_nextOrder = 0; ///< where the search for the next unpaid order continues
    int m_ticks = 0;
    QByteArrayList m_paidLive;
    QByteArrayList m_lateCallbacks; ///< paid orders whose callback the ledger does not expect

    void trafficTick();
};

} // namespace wxr::demo
