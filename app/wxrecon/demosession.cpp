// SPDX-License-Identifier: GPL-3.0-or-later
#include "demosession.h"

#include "appcontext.h"
#include "common/coretr.h"
#include "common/cstime.h"
#include "common/settings.h"
#include "compensate/requerypolicy.h"
#include "compensate/stuckdetector.h"
#include "demoledger.h"
#include "faults.h"
#include "jobrunner.h"
#include "ledger/ledger.h"
#include "merchantservices.h"
#include "reconjobs.h"
#include "simserver.h"
#include "wechatpay/merchantconfig.h"

#include <QDateTime>
#include <QDir>
#include <QProcessEnvironment>
#include <QTimer>

#include <algorithm>

namespace wxr::demo {

DemoSession::DemoSession(ui::AppContext &context, const QString &scratchDir, Options options)
    : QObject(nullptr)
    , m_ctx(context)
    , m_dir(scratchDir)
    , m_options(options)
{}

DemoSession::~DemoSession() = default;

Status DemoSession::prepare()
{
    m_lastDay = cst::billDateOf(cst::now()).addDays(-1);
    sim::SimSettings s;
    s.stateDir = QDir(m_dir).filePath(QStringLiteral("stand-in"));
    s.day.date = m_lastDay;
    s.day.orders = m_options.ordersPerDay;
    s.day.seed = m_options.seed;
    s.keyMode = KeyMode::Certificates;
    // A third of the unpaid orders get paid a little later, so re-querying stuck orders finds
    // some of them settled, as it would in real life.
    s.autoPayShare = 0.3;
    s.autoPayAfterSeconds = 20;
    m_server = std::make_unique<sim::SimServer>(s);
    auto port = m_server->start(0);
    if (!port.ok())
        return port.error();
    auto config = core::MerchantConfig::load(m_server->merchantIniPath(), QProcessEnvironment());
    if (!config.ok())
        return config.error();

    const MerchantProfile profile = config->toProfile(Tr::tr("Demo merchant"));
    Settings &settings = m_ctx.settings();
    settings.setProfiles({profile});
    settings.setActiveProfileName(profile.name);
    settings.setLedgerPath(QDir(m_dir).filePath(QStringLiteral("ledger.sqlite")));
    m_ctx.notifyProfilesChanged(); // the views move to the demo merchant's ledger
    return {};
}

void DemoSession::populate()
{
    const QString ledgerPath = m_ctx.ledgerPath();
    const QString daysDir = QDir(m_dir).filePath(QStringLiteral("days"));
    const Options options = m_options;
    const QDate last = m_lastDay;
    core::ReconOptions recon;
    recon.crossDayWindowSeconds = m_ctx.settings().crossMidnightWindowSeconds();
    recon.actor = QStringLiteral("demo");
    const sim::SimDay *served = &m_server->day();
    // The serial the stand-in signs callbacks with now, as the backend's log would show it.
    const QString platformSerial
        = QString::fromLatin1(m_server->keys().signingPlatform(m_server->now()).serial);
    const core::RequeryPolicy policy
        = core::RequeryPolicy::fromRules(m_ctx.settings().requeryRules());
    const AlertThresholds thresholds = m_ctx.settings().alertThresholds();
    const QString title = Tr::tr("Preparing the demo ledger");
    m_ctx.merchant()->acquire(this, [=, this](Result<ui::MerchantConnectionPtr> connection) {
        if (!connection.ok()) {
            emit failed(connection.error());
            return;
        }
        ui::MerchantConnectionPtr conn = *connection;
        m_ctx.jobs()->runTask<core::ReconRun>(
            title,
            [=](QPromise<void> &promise) -> Result<core::ReconRun> {
                {
                    auto ledger = core::Ledger::open(ledgerPath, ui::AppContext::ledgerOptions());
                    if (!ledger.ok())
                        return ledger.error();
                    auto history = buildHistory(**ledger, last.addDays(-1), options.historyDays,
                                                options.ordersPerDay, options.seed + 1, daysDir,
                                                recon, promise, true, platformSerial);
                    if (!history.ok())
                        return history.error();
                    // Callbacks of the stand-in's day, and alert history as if wxrecon
                    // had been watching all along.
                    if (const Status s = importDemoCallbacks(**ledger, *served, options.seed,
                                                             daysDir, promise, platformSerial);
                        !s.ok())
                        return s.error();
                    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
                    if (const Status s = replayAlerts(
                            **ledger, thresholds,
                            nowMs - qint64(options.historyDays + 1) * 86400000, nowMs, 15 * 60000);
                        !s.ok())
                        return s.error();
                    // The stand-in's day: the merchant's side is imported here, WeChat's side
                    // is fetched through the API below, as a user would.
                    if (const Status s = importLedgerSide(**ledger, *served, daysDir, promise);
                        !s.ok())
                        return s.error();
                }
                auto fetched = ui::jobs::fetchAndReconcile(conn->client.get(), ledgerPath, last,
                                                           recon, promise);
                if (!fetched.ok())
                    return fetched.error();
                // Fill the re-query queue as the scheduler's first scan would.
                auto ledger = core::Ledger::open(ledgerPath, ui::AppContext::ledgerOptions());
                if (!ledger.ok())
                    return ledger.error();
                auto scanned = core::StuckDetector(**ledger, policy)
                                   .scan(QDateTime::currentMSecsSinceEpoch());
                if (!scanned.ok())
                    return scanned.error();
                return fetched->run;
            },
            this,
            [this](const core::ReconRun &) {
                m_ctx.notifyLedgerChanged();
                emit ready();
            });
    });
    // A failure of the job is shown by the main window's notice bar like any job's.
    connect(m_ctx.jobs(), &ui::JobRunner::jobFailed, this,
            [this, title](const QString &failedTitle, const Error &error) {
                if (failedTitle == title)
                    emit failed(error);
            });
}

} // namespace wxr::demo

namespace wxr::demo {

void DemoSession::startLiveTraffic(int intervalMs)
{
    if (m_traffic)
        return;
    sim::FaultSettings faults = m_server->faults();
    faults.notify.lost = 0.03;
    faults.notify.duplicate = 0.05;
    faults.notify.probe = 0.02;
    faults.notify.delayMinMs = 200;
    faults.notify.delayMaxMs = 30000;
    faults.notify.delayLogUniform = true;
    m_server->setFaults(faults);
    // The receiver may move (a new port after the settings changed): follow it.
    connect(m_ctx.merchant(), &ui::MerchantServices::receiverStateChanged, this,
            [this](const QUrl &url) {
                if (!url.isEmpty())
                    (void)m_server->setNotifyUrl(url);
            });
    // WeChat Pay calls back again for orders whose callback got lost (the stand-in's
    // discrepancies): one the ledger never had, one it closed, one it holds at another amount.
    const sim::SimDay &day = m_server->day();
    const auto first = [&](auto matches) {
        const auto it = std::find_if(day.orders.cbegin(), day.orders.cend(), matches);
        if (it != day.orders.cend())
            m_lateCallbacks.append(day.outTradeNo(*it));
    };
    using sim::OrderRole;
    using sim::TradeState;
    first([](const sim::SimOrder &o) { return o.role == OrderRole::MissingInLedger; });
    first([](const sim::SimOrder &o) {
        return o.role == OrderRole::StatusMismatch && o.ledgerState == TradeState::Closed
               && o.wxState == TradeState::Success;
    });
    first([](const sim::SimOrder &o) {
        return o.role == OrderRole::StatusMismatch && o.ledgerState == TradeState::NotPay
               && o.wxState == TradeState::Success && o.ledgerAmount != o.amount;
    });
    m_ctx.merchant()->setReceiverPortOverride(0);
    m_ctx.merchant()->setReceiverEnabled(true);
    m_traffic = new QTimer(this);
    m_traffic->setInterval(intervalMs);
    connect(m_traffic, &QTimer::timeout, this, &DemoSession::trafficTick);
    m_traffic->start();
}

void DemoSession::trafficTick()
{
    // Every fifth tick a partial refund of an order paid earlier in this session.
    if (++m_ticks % 5 == 0 && !m_paidLive.isEmpty()) {
        const QByteArray otn = m_paidLive.takeFirst();
        for (const sim::SimOrder &o : m_server->day().orders) {
            if (m_server->day().outTradeNo(o) == otn) {
                (void)m_server->refundOrder(otn, qMax<Fen>(1, o.amount / 2));
                break;
            }
        }
        return;
    }
    if (m_ticks % 5 == 3 && !m_lateCallbacks.isEmpty()) {
        (void)m_server->notifyOrder(m_lateCallbacks.takeFirst());
        return;
    }
    const auto &orders = m_server->day().orders;
    for (; m_nextOrder < orders.size(); ++m_nextOrder) {
        const sim::SimOrder &o = orders[m_nextOrder];
        if (o.wxState != sim::TradeState::NotPay)
            continue;
        const QByteArray otn = m_server->day().outTradeNo(o);
        ++m_nextOrder;
        if (m_server->payOrder(otn).ok())
            m_paidLive.append(otn);
        return;
    }
    m_traffic->stop(); // every unpaid order of the day is paid
}

} // namespace wxr::demo
