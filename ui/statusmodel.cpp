// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusmodel.h"

namespace wxr::ui {

StatusModel::StatusModel(QObject *parent)
    : QObject(parent)
{}

StatusModel::~StatusModel() = default;

StatusModel::KeyStatus StatusModel::keyStatusFor(qint64 expiresAt, qint64 now,
                                                 const QString &keyName)
{
    constexpr qint64 day = 24 * 3600;
    KeyStatus s;
    s.keyName = keyName;
    const qint64 left = expiresAt - now;
    // Floor division, so that one second past expiry is day -1, not day 0.
    s.daysToExpiry = int(left >= 0 ? left / day : -((-left + day - 1) / day));
    if (left <= 0)
        s.health = KeyHealth::Expired;
    else if (s.daysToExpiry <= kExpiryWarningDays)
        s.health = KeyHealth::Expiring;
    else
        s.health = KeyHealth::Ok;
    return s;
}

void StatusModel::setMerchant(const QString &name)
{
    if (name == m_merchant)
        return;
    m_merchant = name;
    emit changed();
}

void StatusModel::setLedgerPath(const QString &path)
{
    if (path == m_ledgerPath)
        return;
    m_ledgerPath = path;
    emit changed();
}

void StatusModel::setLastBillFetched(const QDate &billDate, qint64 fetchedAt)
{
    if (billDate == m_lastBillDate && fetchedAt == m_lastBillFetchedAt)
        return;
    m_lastBillDate = billDate;
    m_lastBillFetchedAt = fetchedAt;
    emit changed();
}

void StatusModel::setKeyStatus(const KeyStatus &status)
{
    if (status == m_keyStatus)
        return;
    m_keyStatus = status;
    emit changed();
}

void StatusModel::setSchedulerState(SchedulerState state, const QString &detail)
{
    if (state == m_schedulerState && detail == m_schedulerDetail)
        return;
    m_schedulerState = state;
    m_schedulerDetail = detail;
    emit changed();
}

void StatusModel::setOpenAlerts(int count)
{
    count = qMax(0, count);
    if (count == m_openAlerts)
        return;
    m_openAlerts = count;
    emit changed();
}

} // namespace wxr::ui
