// SPDX-License-Identifier: GPL-3.0-or-later
#include "daycalendar.h"

#include "common/cstime.h"

#include <QTextCharFormat>

namespace wxr::ui {

DayCalendar::DayCalendar(QWidget *parent)
    : QCalendarWidget(parent)
{
    setObjectName(QStringLiteral("dayCalendar"));
    setGridVisible(false);
    setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    setFirstDayOfWeek(Qt::Monday);
    // Bills exist only for days that have ended in China Standard Time.
    setMaximumDate(cst::billDateOf(cst::now()).addDays(-1));
}

DayCalendar::~DayCalendar() = default;

QColor DayCalendar::colorOf(core::DayStatus status)
{
    switch (status) {
    case core::DayStatus::NotFetched:
        return {};
    case core::DayStatus::NotReconciled:
        return QColor(0xbb, 0xde, 0xfb); // blue: waiting for a run
    case core::DayStatus::Clean:
        return QColor(0xc8, 0xe6, 0xc9); // green
    case core::DayStatus::Open:
        return QColor(0xff, 0xcd, 0xd2); // red: needs attention
    case core::DayStatus::AllResolved:
        return QColor(0xff, 0xf0, 0xb3); // amber: had discrepancies, all settled
    }
    return {};
}

QString DayCalendar::labelOf(core::DayStatus status)
{
    switch (status) {
    case core::DayStatus::NotFetched:
        return tr("No bill");
    case core::DayStatus::NotReconciled:
        return tr("Not reconciled");
    case core::DayStatus::Clean:
        return tr("Clean");
    case core::DayStatus::Open:
        return tr("Open discrepancies");
    case core::DayStatus::AllResolved:
        return tr("All settled");
    }
    return {};
}

void DayCalendar::setStatuses(const QMap<QDate, core::DayStatus> &statuses)
{
    for (auto it = m_statuses.cbegin(); it != m_statuses.cend(); ++it)
        setDateTextFormat(it.key(), QTextCharFormat());
    m_statuses = statuses;
    for (auto it = m_statuses.cbegin(); it != m_statuses.cend(); ++it) {
        const QColor c = colorOf(it.value());
        if (!c.isValid())
            continue;
        QTextCharFormat f;
        f.setBackground(c);
        // The palette's text colour on the light tints stays readable; dark themes get black
        // text on these fixed light backgrounds.
        f.setForeground(QColor(0x21, 0x21, 0x21));
        f.setToolTip(labelOf(it.value()));
        setDateTextFormat(it.key(), f);
    }
}

core::DayStatus DayCalendar::status(QDate date) const
{
    return m_statuses.value(date, core::DayStatus::NotFetched);
}

} // namespace wxr::ui
