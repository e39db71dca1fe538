// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "monitordata.h"

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;

namespace wxr::core {
class AlertWebhook;
struct AlertUpdate;
} // namespace wxr::core

namespace wxr::ui {

class AppContext;
class CallbackFailureModel;
class CopyableTableView;
class DelayChart;
class DelayHistogramChart;
class FailureChart;
class TimeRangeBar;
class VolumeChart;

/// The callback monitor (回调监控): delay percentiles over time, the delay distribution,
/// failures by cause and volume, with alert periods shaded; range presets (1 h, 24 h, 7 d,
/// custom); the table of recent failures with their cause. Data are read by a job; while the
/// view is visible and a preset range is chosen it refreshes itself every half minute (and
/// evaluates the alert rules, updating the status bar's open alerts). While the receiver of
/// this process runs, the view reads again a few seconds after callbacks arrive. Alerts the
/// evaluation opens or closes are posted to the settings' webhook, if any.
class MonitorView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitorView)

public:
    explicit MonitorView(AppContext &context, QWidget *parent = nullptr);
    ~MonitorView() override;

    /// Reads the current range again (a job).
    void refresh();
    /// The period of the live re-read of a preset range after a read that took `lastLoadMs`:
    /// 30 s, or four times the read when that is longer (a week of a large merchant's callbacks
    /// takes seconds to read, and reading it back to back would keep a core busy), at most
    /// 10 min.
    static int liveIntervalMs(qint64 lastLoadMs);
    int liveIntervalMs() const;
    /// The last snapshot shown.
    const MonitorSnapshot &snapshot() const { return m_snapshot; }
    TimeRangeBar *rangeBar() const { return m_range; }
    DelayChart *delayChart() const { return m_delay; }
    DelayHistogramChart *histogramChart() const { return m_histogram; }
    FailureChart *failureChart() const { return m_failures; }
    VolumeChart *volumeChart() const { return m_volume; }
    CallbackFailureModel *failureModel() const { return m_failureModel; }

signals:
    /// A snapshot was loaded and shown.
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void display(const MonitorSnapshot &snapshot);
    void showReceiverState(const QUrl &url, const QString &problem);
    void postAlerts(const core::AlertUpdate &changes);

    AppContext &m_ctx;
    TimeRangeBar *m_range = nullptr;
    QPushButton *m_refresh = nullptr;
    QLabel *m_totals = nullptr;
    QLabel *m_receiver = nullptr;
    DelayChart *m_delay = nullptr;
    DelayHistogramChart *m_histogram = nullptr;
    FailureChart *m_failures = nullptr;
    VolumeChart *m_volume = nullptr;
    CallbackFailureModel *m_failureModel = nullptr;
    CopyableTableView *m_failureTable = nullptr;
    QTimer *m_live = nullptr;
    core::AlertWebhook *m_webhook = nullptr;
    QHash<QString, qint64> m_posting; ///< webhook text → alert id, marked notified once sent
    MonitorSnapshot m_snapshot;
    bool m_failureColumnsSized = false; ///< restored, or sized to the first failures shown
    bool m_loading = false;
    bool m_again = false;
    QElapsedTimer m_loadClock; ///< since the current read started
    qint64 m_lastLoadMs = 0;   ///< how long the last read took
};

} // namespace wxr::ui
