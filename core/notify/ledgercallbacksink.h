// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/callbackwriter.h"

#include <QString>

#include <memory>

namespace wxr::core {

class CallbackStore;
class Ledger;
class OrderRepository;
class RefundRepository;

struct LedgerSinkOptions
{
    QString ledgerPath;
    /// Wait this long for another writer's lock; then the batch fails with 503 (WeChat
    /// retries). Kept well below the 5 s answer deadline.
    int busyTimeoutMs = 2000;
    /// synchronous=FULL on the receiver's connection: each commit (one per batch) is fsynced
    /// before any callback in it is acknowledged, so an acknowledged callback survives a power
    /// cut, not only a crash. With the ledger's default (NORMAL in WAL mode) a kill -9 loses
    /// nothing committed either, but a power cut may lose the last commits — callbacks WeChat
    /// would then never resend. Group commit makes the extra fsync cheap.
    bool fullSync = true;
};

/// The production CallbackSink: records every delivery in the ledger (notify's `callbacks`
/// table) and applies accepted ones through the ledger's monotonic state machine, a whole batch
/// in one transaction with an audit row per change:
///
/// - a delivery of an id already acknowledged, or of a state an acknowledged callback already
///   brought the order/refund to (another id for the same business event) → Duplicate, nothing
///   applied;
/// - TRANSACTION.SUCCESS → OrderRepository::applyTradeState (source callback); REFUND.* →
///   RefundRepository::applyRefundState. An unknown order/refund is created and flagged for
///   review, an amount that differs is applied and flagged — both also recorded as
///   callback anomalies for the daily view; so is money for a closed order;
/// - unknown event types are recorded and acknowledged (Ignored); refused requests are
///   recorded with their cause.
///
/// A delivery whose own writes fail is rolled back alone (503); when the transaction as a
/// whole fails to commit, every accepted delivery in it is answered 503 and nothing of it
/// remains. Lives on the writer thread.
class LedgerCallbackSink final : public CallbackSink
{
public:
    /// Opens the ledger (applying the notify migrations) on the calling thread.
    static Result<std::unique_ptr<LedgerCallbackSink>> open(const LedgerSinkOptions &options);
    /// A factory for CallbackWriter / CallbackReceiver.
    static CallbackSinkFactory factory(const LedgerSinkOptions &options);

    ~LedgerCallbackSink() override;

    QList<CallbackEvent> apply(const QList<DecodedCallback> &batch) override;

    [[nodiscard]] Ledger &ledger() { return *m_ledger; }

private:
    LedgerCallbackSink() = default;
    Status applyOne(const DecodedCallback &decoded, CallbackEvent &event);

    std::unique_ptr<Ledger> m_ledger;
    // Kept for the sink's lifetime: each keeps its prepared statements, so the per-callback
    // cost is binding and stepping, not preparing SQL. Destroyed before the ledger closes.
    std::unique_ptr<CallbackStore> m_store;
    std::unique_ptr<OrderRepository> m_orders;
    std::unique_ptr<RefundRepository> m_refunds;
};

} // namespace wxr::core
