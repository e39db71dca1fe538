// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "notify/callbackevent.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace wxr::core {

class Ledger;
class SqliteStatement;

/// Something about a callback that the daily reconciliation view must show.
enum class AnomalyKind {
    UnknownOrder,   ///< the ledger did not know the order; it was created, flagged for review
    UnknownRefund,  ///< the same for a refund
    AmountMismatch, ///< the callback's amount differs from the ledger's; the state was applied
    PaidAfterClose, ///< money arrived for an order the ledger had closed
};
QString anomalyKindName(AnomalyKind kind);  ///< "unknown_order", …
QString anomalyKindLabel(AnomalyKind kind); ///< for people, translated: "Unknown order", …
std::optional<AnomalyKind> parseAnomalyKind(QStringView name);

struct CallbackAnomaly
{
    qint64 id = 0;
    qint64 callbackId = 0;
    QDate billDate; ///< CST day of the payment (success_time), else of the receipt
    AnomalyKind kind = AnomalyKind::UnknownOrder;
    QString outTradeNo;
    QString outRefundNo;
    std::optional<qint64> ledgerAmountFen;
    std::optional<qint64> callbackAmountFen;
    qint64 createdAt = 0; ///< Unix seconds
};

/// Anomalies of one kind, for a line of a summary (alerts, `wxrecon-cli reconcile`).
struct AnomalyGroup
{
    AnomalyKind kind = AnomalyKind::UnknownOrder;
    qsizetype count = 0;
    QString named; ///< the first orders (refunds for refund anomalies): "T1, T2, T3 and 2 more"
};
/// `anomalies` by kind, in the kinds' order, each naming its first `named` orders.
QList<AnomalyGroup> groupAnomalies(const QList<CallbackAnomaly> &anomalies, qsizetype named = 3);

/// A payment no callback announced (CallbackStore::forEachPaymentNotCalledBack).
struct UnheardPayment
{
    QString outTradeNo;
    qint64 paidAt = 0; ///< success time (bill 交易时间 or the order's paid_at), Unix seconds
    QString evidence;  ///< "bill" or "query": where the payment is known from
};

/// The notify module's repository: recorded callback deliveries and their anomalies
/// (tables of notifyMigrations(), which must have been applied to the ledger).
///
/// Statements are prepared once per store, so keep one store for many calls (the receiver's
/// writer does). Writes join the caller's Transaction when there is one. Same thread rules as
/// the Ledger.
class CallbackStore final
{
public:
    explicit CallbackStore(Ledger &ledger);
    ~CallbackStore();
    CallbackStore(const CallbackStore &) = delete;
    CallbackStore &operator=(const CallbackStore &) = delete;

    /// What is recorded about one notification id: how many deliveries (any outcome), and
    /// whether one of them was acknowledged (applied, duplicate, ignored). One indexed query.
    struct Deliveries
    {
        int count = 0;
        bool acknowledged = false;
    };
    Result<Deliveries> deliveriesOf(const QString &notificationId);
    /// True when an acknowledged callback already brought this order (and refund, when
    /// `outRefundNo` is not empty) to `state`: a second notification of the same business
    /// event is a duplicate even with another id (spec §4.7).
    Result<bool> stateAcknowledged(const QString &outTradeNo, const QString &outRefundNo,
                                   const QString &state);

    /// What is stored beside the event.
    struct Extras
    {
        QByteArray headersJson; ///< request headers without secrets (receiver)
        QByteArray bodySha256;  ///< hex (receiver)
        QString ledgerEffect;   ///< the ledger's StateOutcome word ("applied", "unchanged", …)
        QByteArray importKey;   ///< imports: unique key; a row with the same key is skipped
    };
    /// Inserts one delivery; returns its row id, or 0 when `extras.importKey` was already
    /// imported. Database on failure.
    Result<qint64> insert(const CallbackEvent &event, const Extras &extras = {});

    Status addAnomaly(const CallbackAnomaly &anomaly);
    /// Anomalies of one bill date, oldest first.
    Result<QList<CallbackAnomaly>> anomaliesOn(QDate billDate);
    /// Anomalies recorded in [fromSeconds, untilSeconds) (Unix seconds), oldest first.
    Result<QList<CallbackAnomaly>> anomaliesRecordedBetween(qint64 fromSeconds,
                                                            qint64 untilSeconds);

    /// Visits the deliveries received in [fromMs, untilMs) (Unix ms) in receipt order.
    /// The visitor's error stops the walk and is returned.
    using Visitor = std::function<Status(const CallbackEvent &event)>;
    Status forEachReceivedBetween(qint64 fromMs, qint64 untilMs, const Visitor &visitor);
    /// The same walk for the metrics, which read only receivedAtMs, outcome, cause,
    /// successTime, processingMs and attempt: only those are filled (the text fields stay
    /// empty), a day's deliveries read in a fraction of the time.
    Status forEachReceivedBetweenForMetrics(qint64 fromMs, qint64 untilMs, const Visitor &visitor);
    /// The newest `limit` refused or failed deliveries (outcome rejected or error) received in
    /// [fromMs, untilMs), newest first.
    Result<QList<CallbackEvent>> latestFailuresBetween(qint64 fromMs, qint64 untilMs, int limit);
    /// Receipt time of the latest delivery before `beforeMs` (any outcome); nullopt when none.
    Result<std::optional<qint64>> lastReceivedBefore(qint64 beforeMs);
    /// Receipt time of the first delivery ever recorded; nullopt when none.
    Result<std::optional<qint64>> firstReceived();
    /// Visits the payments WeChat settled in [fromSeconds, untilSeconds) (Unix seconds) that no
    /// acknowledged TRANSACTION.SUCCESS callback announced, oldest first: the trade bills'
    /// (ALL/SUCCESS) payment rows and the orders a query set or created paid. Orders the
    /// merchant imported as paid do not count (its own system may have had a callback).
    /// The callback-loss inference of the monitor (core/monitor/metricsloader.h).
    using PaymentVisitor = std::function<Status(const UnheardPayment &payment)>;
    Status forEachPaymentNotCalledBack(qint64 fromSeconds, qint64 untilSeconds,
                                       const PaymentVisitor &visitor);
    Result<qint64> count();

private:
    struct Statements;
    Ledger &m_ledger;
    std::unique_ptr<Statements> m_st;
};

} // namespace wxr::core
