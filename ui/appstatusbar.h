// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStatusBar>

class QLabel;

namespace wxr::ui {

class StatusModel;

/// The main window's status bar: merchant, last bill fetched, certificate/public-key health
/// with days to expiry, scheduler state and open alerts, all read from a StatusModel.
class AppStatusBar final : public QStatusBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppStatusBar)

public:
    explicit AppStatusBar(StatusModel *model, QWidget *parent = nullptr);
    ~AppStatusBar() override;

private:
    void refresh();
    QLabel *addField(const QString &objectName);

    StatusModel *m_model;
    QLabel *m_merchant = nullptr;
    QLabel *m_bill = nullptr;
    QLabel *m_key = nullptr;
    QLabel *m_scheduler = nullptr;
    QLabel *m_alerts = nullptr;
};

} // namespace wxr::ui
