// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ledger/discrepancyrepository.h"

#include <QCalendarWidget>
#include <QMap>

namespace wxr::ui {

/// A month calendar whose days are coloured by their reconciliation status: not fetched,
/// fetched but not reconciled, clean, open discrepancies, all settled. Dates are CST bill
/// dates. Today and later cannot be picked (no bill exists yet).
class DayCalendar final : public QCalendarWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DayCalendar)

public:
    explicit DayCalendar(QWidget *parent = nullptr);
    ~DayCalendar() override;

    /// Replaces the statuses shown (dates not in the map look "not fetched").
    void setStatuses(const QMap<QDate, core::DayStatus> &statuses);
    core::DayStatus status(QDate date) const;

    /// The colour used for a status (also used by the legend).
    static QColor colorOf(core::DayStatus status);
    static QString labelOf(core::DayStatus status);

private:
    QMap<QDate, core::DayStatus> m_statuses;
};

} // namespace wxr::ui
