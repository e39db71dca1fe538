// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/discrepancystyleproxy.h"

#include "ledger/discrepancy.h"
#include "models/discrepancymodel.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace wxr::ui {

DiscrepancyStyleProxy::DiscrepancyStyleProxy(QObject *parent)
    : QIdentityProxyModel(parent)
{}

DiscrepancyStyleProxy::~DiscrepancyStyleProxy() = default;

QColor DiscrepancyStyleProxy::differsColor()
{
    return QColor(0xff, 0xcd, 0xd2);
}

QVariant DiscrepancyStyleProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const auto state = core::DiscrepancyState(
        QIdentityProxyModel::data(index, DiscrepancyModel::StateRole).toInt());
    const bool settled
        = state == core::DiscrepancyState::Resolved || state == core::DiscrepancyState::Ignored;
    switch (role) {
    case Qt::BackgroundRole:
        if (QIdentityProxyModel::data(index, DiscrepancyModel::DiffersRole).toBool() && !settled)
            return differsColor();
        break;
    case Qt::ForegroundRole:
        if (settled)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if (QIdentityProxyModel::data(index, DiscrepancyModel::DiffersRole).toBool())
            return QColor(0x21, 0x21, 0x21); // readable on the light tint in dark themes too
        break;
    case Qt::FontRole:
        if (state == core::DiscrepancyState::Open
            && index.column() == DiscrepancyModel::StateColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    default:
        break;
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace wxr::ui
