// SPDX-License-Identifier: GPL-3.0-or-later
#include "appstatusbar.h"

#include "common/cstime.h"
#include "statusmodel.h"

#include <QDir>
#include <QLabel>

namespace wxr::ui {

namespace {

void setTone(QLabel *label, const QColor &color)
{
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText,
                 color.isValid() ? color : QPalette().color(QPalette::WindowText));
    label->setPalette(pal);
}

const QColor kWarn(0xb2, 0x6a, 0x00);
const QColor kBad(0xc6, 0x28, 0x28);

} // namespace

AppStatusBar::AppStatusBar(StatusModel *model, QWidget *parent)
    : QStatusBar(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("appStatusBar"));
    m_merchant = addField(QStringLiteral("statusMerchant"));
    m_bill = addField(QStringLiteral("statusBill"));
    m_key = addField(QStringLiteral("statusKey"));
    m_scheduler = addField(QStringLiteral("statusScheduler"));
    m_alerts = addField(QStringLiteral("statusAlerts"));
    connect(model, &StatusModel::changed, this, &AppStatusBar::refresh);
    refresh();
}

AppStatusBar::~AppStatusBar() = default;

QLabel *AppStatusBar::addField(const QString &objectName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setContentsMargins(6, 0, 6, 0);
    addPermanentWidget(label);
    return label;
}

void AppStatusBar::refresh()
{
    const QString merchant = m_model->merchant();
    m_merchant->setText(merchant.isEmpty() ? tr("No merchant configured")
                                           : tr("Merchant: %1").arg(merchant));
    m_merchant->setToolTip(
        m_model->ledgerPath().isEmpty()
            ? QString()
            : tr("Ledger: %1").arg(QDir::toNativeSeparators(m_model->ledgerPath())));

    if (m_model->lastBillDate().isValid()) {
        m_bill->setText(tr("Last bill: %1").arg(m_model->lastBillDate().toString(Qt::ISODate)));
        m_bill->setToolTip(tr("Fetched at %1 (China Standard Time)")
                               .arg(cst::formatBillTime(m_model->lastBillFetchedAt())));
    } else {
        m_bill->setText(tr("No bill fetched yet"));
        m_bill->setToolTip({});
    }

    const StatusModel::KeyStatus key = m_model->keyStatus();
    switch (key.health) {
    case StatusModel::KeyHealth::Unknown:
        m_key->setText(tr("Keys: not checked"));
        setTone(m_key, {});
        break;
    case StatusModel::KeyHealth::Ok:
        m_key->setText(key.hasExpiry ? tr("Keys: valid for %Ln day(s)", nullptr, key.daysToExpiry)
                                     : tr("Keys: WeChat Pay public key"));
        setTone(m_key, {});
        break;
    case StatusModel::KeyHealth::Expiring:
        m_key->setText(tr("Keys: expire in %Ln day(s)", nullptr, key.daysToExpiry));
        setTone(m_key, kWarn);
        break;
    case StatusModel::KeyHealth::Expired:
        m_key->setText(tr("Keys: expired"));
        setTone(m_key, kBad);
        break;
    case StatusModel::KeyHealth::Missing:
        m_key->setText(tr("Keys: none available"));
        setTone(m_key, kBad);
        break;
    }
    m_key->setToolTip(key.keyName.isEmpty()
                          ? tr("Health of the platform certificate or WeChat Pay public key")
                          : tr("Verifying key: %1").arg(key.keyName));

    switch (m_model->schedulerState()) {
    case StatusModel::SchedulerState::Off:
        m_scheduler->setText(tr("Scheduler: off"));
        setTone(m_scheduler, {});
        break;
    case StatusModel::SchedulerState::Idle:
        m_scheduler->setText(tr("Scheduler: waiting"));
        setTone(m_scheduler, {});
        break;
    case StatusModel::SchedulerState::Running:
        m_scheduler->setText(tr("Scheduler: running"));
        setTone(m_scheduler, {});
        break;
    case StatusModel::SchedulerState::Failing:
        m_scheduler->setText(tr("Scheduler: failing"));
        setTone(m_scheduler, kBad);
        break;
    }
    m_scheduler->setToolTip(m_model->schedulerDetail());

    const int alerts = m_model->openAlerts();
    m_alerts->setText(alerts == 0 ? tr("No open alerts")
                                  : tr("%Ln open alert(s)", nullptr, alerts));
    setTone(m_alerts, alerts == 0 ? QColor() : kBad);
}

} // namespace wxr::ui
