// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace wxr::core {
class ApiClient;
class CallbackReceiver;
struct CallbackEvent;
class QueryGate;
class RequeryScheduler;
struct ApplyReport;
struct RequeryStatus;
} // namespace wxr::core

namespace wxr::ui {

class AppContext;

/// The active merchant's connection to WeChat Pay: one ApiClient (bills, certificates, queries)
/// and the QueryGate through which every re-query — the buttons and the scheduler — shares
/// the QPS budget of the settings. Both live on the GUI thread; jobs on worker threads call
/// them (their methods are thread-safe and answer through futures).
struct MerchantConnection
{
    QString profileName;
    QString mchid;
    QByteArray apiV3Key; ///< secret: decrypts callbacks; empty when not configured
    std::unique_ptr<core::ApiClient> client;
    std::unique_ptr<core::QueryGate> gate;
    std::unique_ptr<core::RequeryScheduler> scheduler; ///< created when first switched on
    std::unique_ptr<core::CallbackReceiver> receiver;  ///< while the receiver is on
    ~MerchantConnection();
};
using MerchantConnectionPtr = std::shared_ptr<MerchantConnection>;

/// Builds the MerchantConnection of the active profile on first use and hands out shared
/// references; a job keeps its connection alive until it ends even if the profile changes
/// meanwhile (the connection is then destroyed on the GUI thread). Rebuilt after the active
/// profile or the settings changed. GUI thread only.
class MerchantServices final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MerchantServices)

public:
    explicit MerchantServices(AppContext &context, QObject *parent = nullptr);
    ~MerchantServices() override;

    /// Calls `done` with the connection, or with one sentence why there is none (no profile,
    /// unreadable key, bad configuration). May call back before returning. Calls made while the
    /// connection is being built (its APIv3 key read from the keychain) wait for that one:
    /// there is never a second connection whose scheduler or receiver the first would drop.
    /// `done` is not called once `context` is gone.
    void acquire(QObject *context, std::function<void(Result<MerchantConnectionPtr>)> done);
    /// Forgets the current connection; the next acquire() builds a new one (calls waiting for
    /// a connection get the new merchant's).
    void invalidate();

    /// Switches the re-query scheduler of the active merchant on or off and remembers the
    /// choice in the settings. Errors (no merchant) are shown as a notice.
    void setSchedulerEnabled(bool enabled);
    bool schedulerEnabled() const;
    /// Asks the running scheduler to scan for stuck orders now; no-op when it is off.
    void scanNow();

    /// Connects to the active merchant, if not connected yet, so that the status bar shows the
    /// health of its verifying key; a merchant that cannot be connected shows as having no
    /// key, with the reason in the tooltip (no notice: nobody asked for anything yet).
    void checkKeys();
    /// Starts or stops the payment-callback receiver inside this process (Settings: receiver
    /// on/off and port) and remembers the choice. It listens on 127.0.0.1 only — WeChat Pay
    /// reaches it through the merchant's TLS reverse proxy (docs/callbacks.md) — verifies,
    /// decrypts and records each callback in the ledger exactly as `wxrecon-cli serve-notify`
    /// does. Errors (no merchant, no APIv3 key, port taken) are shown as a notice.
    void setReceiverEnabled(bool enabled);
    /// Where the receiver accepts callbacks; empty when it is not listening.
    QUrl receiverUrl() const;
    /// Listen on this port instead of the settings' (0: any free port). For the demo, which
    /// must not collide with a receiver already running on the machine.
    void setReceiverPortOverride(std::optional<quint16> port) { m_receiverPort = port; }

    /// Re-queries one order at WeChat Pay as a person's action (a job through the shared
    /// QueryGate, applied like every answer), shows the outcome as one sentence and tells the
    /// views the ledger changed; then calls `done` (in `context`) if the query was made.
    void requeryOrder(const QString &outTradeNo, QObject *context, std::function<void()> done);

    /// The merchant order number and trade state WeChat Pay holds for a transaction id (the
    /// order query by transaction_id). NotFound when WeChat Pay does not know it.
    struct RemoteOrder
    {
        QString outTradeNo;
        QString tradeState;
    };
    void lookUpTransaction(const QString &transactionId, QObject *context,
                           std::function<void(Result<RemoteOrder>)> done);

signals:
    /// The scheduler's status (also mirrored into the status bar).
    void schedulerStatusChanged(const wxr::core::RequeryStatus &status);
    /// The scheduler applied an answer; views showing the ledger reload.
    void schedulerApplied(const wxr::core::ApplyReport &report);
    /// The receiver started or stopped; `url` is empty when it stopped, `problem` says why it
    /// could not start (one sentence), if so.
    void receiverStateChanged(const QUrl &url, const QString &problem);
    /// The receiver answered a callback (after its commit, for the 2xx ones).
    void callbackHandled(const wxr::core::CallbackEvent &event);

private:
    void refreshKeyHealth(const MerchantConnectionPtr &connection);
    void startScheduler(const MerchantConnectionPtr &connection);
    void showSchedulerStatus(const core::RequeryStatus &status);
    void startReceiver(const MerchantConnectionPtr &connection);
    void receiverFailed(const Error &error);

    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void(Result<MerchantConnectionPtr>)> done;
    };

    AppContext &m_ctx;
    MerchantConnectionPtr m_connection;
    QString m_building;            ///< profile whose connection is being built; empty if none
    std::vector<Waiter> m_waiters; ///< acquire() calls waiting for it
    quint64 m_buildGeneration = 0; ///< a build finishing after invalidate() is discarded
    std::optional<quint16> m_receiverPort;
    QString m_mchid; ///< the chosen merchant's, to tell a change of merchant from a rename
};

} // namespace wxr::ui
