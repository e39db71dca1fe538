// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QDate>
#include <QObject>
#include <QString>

#include <memory>

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
        qint64 ordersPerDay = 2000; ///< per generated day, the stand-in's day included
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
};

} // namespace wxr::demo
