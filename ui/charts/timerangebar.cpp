// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/timerangebar.h"

#include "common/cstime.h"

#include <QButtonGroup>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace wxr::ui {

namespace {

// The edits show China Standard Time wall-clock values. They hold them as UTC date-times so
// that the PC's own zone (and its daylight saving) never shifts what was typed.
QDateTime wallClock(qint64 instant)
{
    return QDateTime::fromSecsSinceEpoch(instant + cst::kOffsetSeconds, Qt::UTC);
}

qint64 instantOf(const QDateTime &wall)
{
    return wall.toSecsSinceEpoch() - cst::kOffsetSeconds;
}

constexpr qint64 kHour = 3600;

} // namespace

TimeRangeBar::TimeRangeBar(QWidget *parent)
    : QWidget(parent)
    , m_clock([] { return cst::now(); })
{
    setObjectName(QStringLiteral("timeRangeBar"));
    m_group = new QButtonGroup(this);
    m_group->setExclusive(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Range:"), this));
    const QList<std::pair<Preset, QString>> presets{{Preset::LastHour, tr("1 h")},
                                                    {Preset::LastDay, tr("24 h")},
                                                    {Preset::LastWeek, tr("7 d")},
                                                    {Preset::Custom, tr("Custom")}};
    for (const auto &[preset, text] : presets) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setCheckable(true);
        b->setAutoRaise(false);
        m_group->addButton(b, int(preset));
        layout->addWidget(b);
    }
    m_group->button(int(Preset::LastHour))->setToolTip(tr("The last hour"));
    m_group->button(int(Preset::LastDay))->setToolTip(tr("The last 24 hours"));
    m_group->button(int(Preset::LastWeek))->setToolTip(tr("The last 7 days"));
    m_group->button(int(Preset::Custom))
        ->setToolTip(tr("A range you choose (China Standard Time)"));

    m_from = new QDateTimeEdit(this);
    m_to = new QDateTimeEdit(this);
    for (QDateTimeEdit *e : {m_from, m_to}) {
        e->setTimeSpec(Qt::UTC);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        e->setCalendarPopup(true);
    }
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    m_apply = new QPushButton(tr("Apply"), this);
    layout->addSpacing(8);
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(QStringLiteral("–"), this));
    layout->addWidget(m_to);
    layout->addWidget(m_apply);
    layout->addStretch(1);

    connect(m_group, &QButtonGroup::idClicked, this, [this](int id) { selectPreset(Preset(id)); });
    connect(m_apply, &QPushButton::clicked, this, &TimeRangeBar::applyCustom);
    m_group->button(int(m_preset))->setChecked(true);
    const auto [from, to] = range();
    m_from->setDateTime(wallClock(from));
    m_to->setDateTime(wallClock(to));
    for (QWidget *w : {static_cast<QWidget *>(m_from), static_cast<QWidget *>(m_to),
                       static_cast<QWidget *>(m_apply)})
        w->setEnabled(false);
}

TimeRangeBar::~TimeRangeBar() = default;

void TimeRangeBar::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
}

void TimeRangeBar::selectPreset(Preset preset)
{
    m_preset = preset;
    m_group->button(int(preset))->setChecked(true);
    const bool custom = preset == Preset::Custom;
    for (QWidget *w : {static_cast<QWidget *>(m_from), static_cast<QWidget *>(m_to),
                       static_cast<QWidget *>(m_apply)})
        w->setEnabled(custom);
    if (custom) {
        m_from->setFocus();
        return; // the range is applied with the Apply button
    }
    const auto [from, to] = range();
    m_from->setDateTime(wallClock(from));
    m_to->setDateTime(wallClock(to));
    emit rangeChanged(from, to);
}

void TimeRangeBar::setCustomRange(qint64 from, qint64 to)
{
    if (to <= from)
        return;
    m_from->setDateTime(wallClock(from));
    m_to->setDateTime(wallClock(to));
    selectPreset(Preset::Custom);
    applyCustom();
}

std::pair<qint64, qint64> TimeRangeBar::range() const
{
    const qint64 now = m_clock();
    switch (m_preset) {
    case Preset::LastHour:
        return {now - kHour, now};
    case Preset::LastDay:
        return {now - 24 * kHour, now};
    case Preset::LastWeek:
        return {now - 7 * 24 * kHour, now};
    case Preset::Custom:
        return {instantOf(m_from->dateTime()), instantOf(m_to->dateTime())};
    }
    return {now - 24 * kHour, now};
}

void TimeRangeBar::applyCustom()
{
    const auto [from, to] = range();
    if (to > from)
        emit rangeChanged(from, to);
}

} // namespace wxr::ui
