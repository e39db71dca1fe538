// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cstime.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QTime>

class QTimer;

namespace wxr::ui {

class AppContext;

/// Fetches and reconciles yesterday's bill (CST) every day at the settings' bill fetch time
/// while the application runs. At start, once that time has passed, it catches up: every day
/// since the last one whose bill the ledger holds (at most kCatchUpDays back) is fetched,
/// oldest first — the days the application was closed; only yesterday when the ledger holds
/// no recent bill at all (a new ledger is not filled with weeks of bills). A bill WeChat Pay is
/// still generating (or any other failure) is tried again after the retry interval, at most
/// kMaxRetries times a day; each failure is one sentence in the notice bar like any job's. Needs an
/// active merchant; does nothing without. GUI thread only.
class DailyFetch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DailyFetch)

public:
    explicit DailyFetch(AppContext &context, QObject *parent = nullptr);
    ~DailyFetch() override;

    /// Arms the timer (and catches up if the day's fetch is overdue).
    void start();
    /// When the next automatic fetch happens, Unix seconds; 0 when none is planned.
    cst::Instant nextRun() const { return m_nextRun; }

    /// Milliseconds from `now` to the next `fetchTime` (CST), at least 1 s.
    static qint64 msUntil(QTime fetchTime, cst::Instant now);

    static constexpr int kMaxRetries = 6;
    /// How far back a catch-up looks for the last fetched day.
    static constexpr int kCatchUpDays = 31;
    /// Wait before a retry; default 30 minutes.
    void setRetryInterval(int ms) { m_retryMs = ms; }

signals:
    /// A fetch of `billDate` finished; `ok` false when it failed (a retry may follow).
    void fetched(const QDate &billDate, bool ok);

private:
    void schedule(qint64 inMs);
    void run();
    void catchUp();

    AppContext &m_ctx;
    QTimer *m_timer = nullptr;
    cst::Instant m_nextRun = 0;
    QDate m_retryDate;       ///< the date being retried, invalid when none
    QList<QDate> m_queue;    ///< days to catch up, oldest first
    QDate m_runningDate;     ///< the date of the fetch running now
    QString m_runningLedger; ///< the ledger it writes to (the merchant may change meanwhile)
    QString m_plannedLedger; ///< the ledger start() planned for; empty before start()
    int m_retries = 0;
    int m_retryMs = 30 * 60 * 1000;
    bool m_running = false;
};

} // namespace wxr::ui
