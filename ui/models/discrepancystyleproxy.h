// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIdentityProxyModel>

namespace wxr::ui {

/// Presentation over DiscrepancyModel: tints the cells whose ledger and bill sides differ,
/// greys settled rows (RESOLVED, IGNORED) and bolds OPEN ones. The source model stays raw.
class DiscrepancyStyleProxy final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscrepancyStyleProxy)

public:
    explicit DiscrepancyStyleProxy(QObject *parent = nullptr);
    ~DiscrepancyStyleProxy() override;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QColor differsColor();
};

} // namespace wxr::ui
