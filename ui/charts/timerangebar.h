// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>
#include <utility>

class QButtonGroup;
class QDateTimeEdit;
class QPushButton;

namespace wxr::ui {

/// Range presets for the time charts: last hour, last 24 hours, last 7 days, or a custom
/// range entered in China Standard Time. Emits the chosen [from, to) in Unix seconds.
class TimeRangeBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeRangeBar)

public:
    enum class Preset { LastHour, LastDay, LastWeek, Custom };

    explicit TimeRangeBar(QWidget *parent = nullptr);
    ~TimeRangeBar() override;

    /// The clock presets count back from (Unix seconds); the system clock by default. The
    /// demo and tests pin it.
    void setClock(std::function<qint64()> clock);
    void selectPreset(Preset preset);
    Preset preset() const { return m_preset; }
    /// Sets and selects a custom range; ignored when to <= from.
    void setCustomRange(qint64 from, qint64 to);
    std::pair<qint64, qint64> range() const;

signals:
    void rangeChanged(qint64 from, qint64 to);

private:
    void applyCustom();

    std::function<qint64()> m_clock;
    Preset m_preset = Preset::LastDay;
    QButtonGroup *m_group = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QPushButton *m_apply = nullptr;
};

} // namespace wxr::ui
