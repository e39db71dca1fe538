// SPDX-License-Identifier: GPL-3.0-or-later
#include "merchantservices.h"

#include "appcontext.h"
#include "common/cstime.h"
#include "common/settings.h"
#include "compensate/querygate.h"
#include "compensate/requery.h"
#include "compensate/requerypolicy.h"
#include "compensate/requeryscheduler.h"
#include "jobrunner.h"
#include "ledger/ledger.h"
#include "merchantconfigloader.h"
#include "noticebar.h"
#include "notify/callbackreceiver.h"
#include "notify/ledgercallbacksink.h"
#include "statusmodel.h"
#include "wechatpay/apiclient.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

#include <algorithm>
#include <utility>

namespace wxr::ui {

MerchantConnection::~MerchantConnection()
{
    // The receiver uses the client's key store, the scheduler the gate, the gate the client:
    // in that order.
    receiver.reset();
    scheduler.reset();
    gate.reset();
    client.reset();
}

namespace {

// The last reference may be dropped by a worker thread; QObjects must die on their own thread.
MerchantConnectionPtr share(MerchantConnection *connection)
{
    return MerchantConnectionPtr(connection, [](MerchantConnection *c) {
        QCoreApplication *app = QCoreApplication::instance();
        if (!app || QThread::currentThread() == app->thread()) {
            delete c;
            return;
        }
        QMetaObject::invokeMethod(
            app, [c] { delete c; }, Qt::QueuedConnection);
    });
}

} // namespace

MerchantServices::MerchantServices(AppContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{
    const auto active = m_ctx.settings().activeProfile();
    m_mchid = active ? active->mchid : QString();
    connect(&m_ctx, &AppContext::activeProfileChanged, this, [this] {
        m_ctx.status()->setKeyStatus({}); // not checked yet for this merchant
        const auto profile = m_ctx.settings().activeProfile();
        const QString before = std::exchange(m_mchid, profile ? profile->mchid : QString());
        // The receiver verifies with one merchant's keys: say what becomes of the other's.
        if (profile && !before.isEmpty() && before != m_mchid && m_ctx.settings().receiverEnabled())
            m_ctx.notice(NoticeBar::Level::Info,
                         tr("The callback receiver now takes the callbacks of merchant %1; those "
                            "of merchant %2 are refused until it is chosen again (WeChat Pay "
                            "retries them for about a day).")
                             .arg(m_mchid, before));
        invalidate();
    });
    connect(&m_ctx, &AppContext::settingsChanged, this, &MerchantServices::invalidate);
}

MerchantServices::~MerchantServices() = default;

void MerchantServices::invalidate()
{
    const bool running
        = m_connection && m_connection->scheduler && m_connection->scheduler->isEnabled();
    const bool receiving = m_connection && m_connection->receiver;
    m_connection.reset();
    // A connection still being built is of the old settings: build the new one for whoever
    // waits for it.
    if (!m_building.isEmpty()) {
        ++m_buildGeneration;
        m_building.clear();
        for (Waiter &w : std::exchange(m_waiters, {})) {
            if (w.context)
                acquire(w.context, std::move(w.done));
        }
    }
    if (receiving)
        emit receiverStateChanged({}, {});
    // A new merchant or new rules: the scheduler continues with them (its state is in the
    // ledger).
    if (running)
        setSchedulerEnabled(true);
    else
        m_ctx.status()->setSchedulerState(StatusModel::SchedulerState::Off);
    // The receiver follows the settings (on/off, port) with the new merchant's keys.
    if (m_ctx.settings().receiverEnabled() && m_ctx.settings().activeProfile())
        setReceiverEnabled(true);
}

QUrl MerchantServices::receiverUrl() const
{
    if (!m_connection || !m_connection->receiver || !m_connection->receiver->isListening())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_connection->receiver->port());
    url.setPath(m_connection->receiver->path());
    return url;
}

void MerchantServices::setReceiverEnabled(bool enabled)
{
    m_ctx.settings().setReceiverEnabled(enabled);
    if (!enabled) {
        if (m_connection && m_connection->receiver) {
            m_connection->receiver.reset(); // stops: answers what is queued, closes the sink
            emit receiverStateChanged({}, {});
        }
        return;
    }
    acquire(this, [this](Result<MerchantConnectionPtr> connection) {
        if (!connection.ok())
            return receiverFailed(connection.error());
        startReceiver(*connection);
    });
}

void MerchantServices::receiverFailed(const Error &error)
{
    const QString sentence = tr("The callback receiver could not start: %1").arg(error.message);
    m_ctx.notice(NoticeBar::Level::Error, sentence, error.detail);
    emit receiverStateChanged({}, sentence);
}

void MerchantServices::startReceiver(const MerchantConnectionPtr &connection)
{
    if (connection->receiver)
        return;
    if (connection->apiV3Key.isEmpty())
        return receiverFailed(makeError(
            ErrorCode::Config,
            tr("merchant %1 has no APIv3 key, which decrypts the callbacks; enter it under "
               "Settings.")
                .arg(connection->mchid)));
    if (m_ctx.ledgerPath().isEmpty())
        return receiverFailed(
            makeError(ErrorCode::Config, tr("no ledger is open; choose one under Settings.")));
    core::LedgerSinkOptions sink;
    sink.ledgerPath = m_ctx.ledgerPath();
    auto receiver = std::make_unique<core::CallbackReceiver>(
        connection->client->keyStore(), connection->mchid, connection->apiV3Key,
        core::LedgerCallbackSink::factory(sink));
    core::ApiClient *api = connection->client.get();
    receiver->setUnknownSerialRefresh(
        [api](const QString &serial) { return api->refreshForUnknownSerial(serial); });
    connect(receiver.get(), &core::CallbackReceiver::callbackHandled, this,
            [this](const core::CallbackEvent &event) {
                // A callback that changed the ledger: the views learn of it as of the
                // scheduler's answers (folded, at most once a second).
                if (event.outcome == core::CallbackOutcome::Applied)
                    m_ctx.notifyLedgerChangedSoon();
                emit callbackHandled(event);
            });
    core::ReceiverOptions options;
    options.port = m_receiverPort.value_or(quint16(m_ctx.settings().receiverPort()));
    if (const Status s = receiver->start(options); !s.ok())
        return receiverFailed(s.error());
    connection->receiver = std::move(receiver);
    emit receiverStateChanged(receiverUrl(), {});
}

bool MerchantServices::schedulerEnabled() const
{
    return m_connection && m_connection->scheduler && m_connection->scheduler->isEnabled();
}

void MerchantServices::lookUpTransaction(const QString &transactionId, QObject *context,
                                         std::function<void(Result<RemoteOrder>)> done)
{
    QPointer<QObject> guard(context);
    acquire(this, [guard, transactionId,
                   done = std::move(done)](Result<MerchantConnectionPtr> connection) mutable {
        if (!guard)
            return;
        if (!connection.ok())
            return done(connection.error());
        MerchantConnectionPtr conn = *connection;
        conn->client->queryOrderByTransactionId(transactionId)
            .then(guard.data(), [conn, done = std::move(done)](
                                    const core::ApiResult<core::WechatTransaction> &r) {
                if (!r.ok())
                    return done(r.error());
                done(RemoteOrder{r->outTradeNo, r->tradeStateText});
            });
    });
}

void MerchantServices::requeryOrder(const QString &outTradeNo, QObject *context,
                                    std::function<void()> done)
{
    const QString ledgerPath = m_ctx.ledgerPath();
    const core::RequeryPolicy policy
        = core::RequeryPolicy::fromRules(m_ctx.settings().requeryRules());
    QPointer<QObject> guard(context);
    acquire(this, [=, this, done = std::move(done)](Result<MerchantConnectionPtr> connection) {
        if (!connection.ok()) {
            m_ctx.notice(NoticeBar::Level::Error, connection.error().message,
                         connection.error().detail);
            return;
        }
        MerchantConnectionPtr conn = *connection;
        auto last = std::make_shared<core::ApplyReport>();
        m_ctx.jobs()->runStreaming<core::RequerySummary, core::ApplyReport>(
            tr("Re-querying %1").arg(outTradeNo),
            [conn, ledgerPath, policy,
             outTradeNo](QPromise<core::ApplyReport> &promise) -> Result<core::RequerySummary> {
                auto ledger = core::Ledger::open(ledgerPath, AppContext::ledgerOptions());
                if (!ledger.ok())
                    return ledger.error();
                core::RequeryRequest request;
                request.outTradeNos = {outTradeNo};
                request.trigger = core::RequeryTrigger::person(
                    AppContext::actor().mid(QStringLiteral("user ").size()));
                return core::requery(**ledger, *conn->gate, policy, request, promise);
            },
            this, [last](const core::ApplyReport &report) { *last = report; },
            [this, last, outTradeNo, guard, done](const core::RequerySummary &) {
                m_ctx.notice(NoticeBar::Level::Success,
                             last->message.isEmpty() ? tr("%1 was re-queried.").arg(outTradeNo)
                                                     : last->message);
                m_ctx.notifyLedgerChanged();
                if (guard && done)
                    done();
            });
    });
}

void MerchantServices::scanNow()
{
    if (schedulerEnabled())
        m_connection->scheduler->scanNow();
}

void MerchantServices::setSchedulerEnabled(bool enabled)
{
    m_ctx.settings().setSchedulerEnabled(enabled);
    if (!enabled) {
        if (m_connection && m_connection->scheduler)
            m_connection->scheduler->setEnabled(false);
        m_ctx.status()->setSchedulerState(StatusModel::SchedulerState::Off);
        return;
    }
    acquire(this, [this](Result<MerchantConnectionPtr> connection) {
        if (!connection.ok()) {
            m_ctx.status()->setSchedulerState(StatusModel::SchedulerState::Failing,
                                              connection.error().message);
            m_ctx.notice(NoticeBar::Level::Error, connection.error().message,
                         connection.error().detail);
            return;
        }
        startScheduler(*connection);
    });
}

void MerchantServices::startScheduler(const MerchantConnectionPtr &connection)
{
    if (!connection->scheduler) {
        const core::RequeryPolicy policy
            = core::RequeryPolicy::fromRules(m_ctx.settings().requeryRules());
        connection->scheduler = std::make_unique<core::RequeryScheduler>(m_ctx.ledgerPath(),
                                                                         *connection->gate, policy);
        connect(connection->scheduler.get(), &core::RequeryScheduler::statusChanged, this,
                [this](const core::RequeryStatus &status) {
                    showSchedulerStatus(status);
                    emit schedulerStatusChanged(status);
                });
        connect(connection->scheduler.get(), &core::RequeryScheduler::itemApplied, this,
                [this](const core::ApplyReport &report) {
                    emit schedulerApplied(report);
                    m_ctx.notifyLedgerChangedSoon();
                });
    }
    connection->scheduler->setEnabled(true);
    showSchedulerStatus(connection->scheduler->status());
}

void MerchantServices::showSchedulerStatus(const core::RequeryStatus &status)
{
    if (!status.enabled) {
        m_ctx.status()->setSchedulerState(StatusModel::SchedulerState::Off);
        return;
    }
    QString detail = tr("%Ln pending", nullptr, int(status.pending)) + QStringLiteral(", ")
                     + tr("%Ln due", nullptr, int(status.due)) + QStringLiteral(", ")
                     + tr("%Ln need attention", nullptr, int(status.needsAttention));
    if (status.nextRunMs)
        detail += QStringLiteral("; ")
                  + tr("next run %1").arg(cst::formatBillTime(*status.nextRunMs / 1000).mid(11));
    if (!status.lastError.isEmpty())
        detail += QStringLiteral("; ") + status.lastError;
    StatusModel::SchedulerState state = StatusModel::SchedulerState::Idle;
    if (!status.lastError.isEmpty() && status.lastErrorMs >= status.lastScanMs)
        state = StatusModel::SchedulerState::Failing;
    else if (status.inFlight > 0 || status.due > 0)
        state = StatusModel::SchedulerState::Running;
    m_ctx.status()->setSchedulerState(state, detail);
}

void MerchantServices::refreshKeyHealth(const MerchantConnectionPtr &connection)
{
    // The status bar shows how long the verifying key stays valid: download the platform
    // certificates now (the client then keeps them fresh), or report the public key.
    std::weak_ptr<MerchantConnection> weak = connection;
    connection->client->refreshCertificates().then(
        this, [this, weak](const core::ApiResult<core::CertificateRefresh> &r) {
            const MerchantConnectionPtr c = weak.lock();
            if (!c || c != m_connection)
                return;
            StatusModel::KeyStatus key;
            if (!r.ok()) {
                // Offline, or refused: the keys held already (certificates saved by an earlier
                // download, the public key) still verify; say that the refresh failed.
                const std::shared_ptr<core::KeyStore> store = c->client->keyStore();
                if (const auto newest = store->newestCertificate()) {
                    key = StatusModel::keyStatusFor(newest->expireTime, cst::now(),
                                                    newest->serialNo);
                } else if (!store->publicKeyId().isEmpty()) {
                    key.health = StatusModel::KeyHealth::Ok;
                    key.hasExpiry = false;
                    key.keyName = store->publicKeyId();
                } else {
                    key.health = StatusModel::KeyHealth::Missing;
                }
                key.keyName
                    = key.keyName.isEmpty()
                          ? r.error().message
                          : tr("%1 (not refreshed: %2)").arg(key.keyName, r.error().message);
            } else if (!r->certificates.isEmpty()) {
                const auto newest = std::max_element(
                    r->certificates.cbegin(), r->certificates.cend(),
                    [](const auto &a, const auto &b) { return a.effectiveTime < b.effectiveTime; });
                key = StatusModel::keyStatusFor(newest->expireTime, cst::now(), newest->serialNo);
            } else {
                key.health = StatusModel::KeyHealth::Ok;
                key.hasExpiry = false;
                key.keyName
                    = m_ctx.settings().activeProfile().value_or(MerchantProfile{}).publicKeyId;
            }
            m_ctx.status()->setKeyStatus(key);
        });
    connection->client->startAutomaticRefresh();
}

void MerchantServices::checkKeys()
{
    if (!m_ctx.settings().activeProfile())
        return;
    acquire(this, [this](Result<MerchantConnectionPtr> connection) {
        if (connection.ok())
            return; // a new connection checks its keys (refreshKeyHealth)
        StatusModel::KeyStatus key;
        key.health = StatusModel::KeyHealth::Missing;
        key.keyName = connection.error().message;
        m_ctx.status()->setKeyStatus(key);
    });
}

void MerchantServices::acquire(QObject *context,
                               std::function<void(Result<MerchantConnectionPtr>)> done)
{
    const auto profile = m_ctx.settings().activeProfile();
    if (!profile) {
        done(makeError(ErrorCode::Config,
                       tr("No merchant is configured; add one under Settings first.")));
        return;
    }
    if (m_connection && m_connection->profileName == profile->name) {
        done(m_connection);
        return;
    }
    m_waiters.push_back({QPointer<QObject>(context), std::move(done)});
    if (m_building == profile->name)
        return; // this connection is on its way
    m_building = profile->name;
    const quint64 generation = ++m_buildGeneration;
    const core::RequeryPolicy policy
        = core::RequeryPolicy::fromRules(m_ctx.settings().requeryRules());
    loadMerchantConfig(
        m_ctx.secrets(), *profile, QString(), this,
        [this, generation, policy, name = profile->name](Result<core::MerchantConfig> config) {
            if (generation != m_buildGeneration)
                return; // invalidated meanwhile; the waiters asked again
            m_building.clear();
            const std::vector<Waiter> waiters = std::exchange(m_waiters, {});
            const auto answer = [&waiters](const Result<MerchantConnectionPtr> &r) {
                for (const Waiter &w : waiters) {
                    if (w.context)
                        w.done(r);
                }
            };
            if (!config.ok())
                return answer(config.error());
            core::applyBudget(*config, policy);
            auto client = core::ApiClient::create(*config);
            if (!client.ok())
                return answer(client.error());
            auto *connection = new MerchantConnection;
            connection->profileName = name;
            connection->mchid = config->mchid;
            connection->apiV3Key = config->apiV3Key;
            connection->client = std::move(client.value());
            connection->gate
                = std::make_unique<core::QueryGate>(*connection->client, config->mchid, policy);
            m_connection = share(connection);
            refreshKeyHealth(m_connection);
            answer(m_connection);
        });
}

} // namespace wxr::ui
