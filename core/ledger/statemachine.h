// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cstime.h"
#include "common/tradestate.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace wxr::core {

/// Refund states (spec §5.4): PROCESSING, SUCCESS, CLOSED, ABNORMAL; unknown words are kept as
/// text by the ledger and treated as "not final, keep polling" (as TradeState::Unknown).
enum class RefundState { Processing, Success, Closed, Abnormal, Unknown };

TradeState tradeStateFromWord(QStringView word);
RefundState refundStateFromWord(QStringView word);
/// The canonical word; empty for Unknown (the caller keeps the original text).
QString tradeStateWord(TradeState state);
QString refundStateWord(RefundState state);

/// SUCCESS or REFUND: money was received (REFUND means refunded later, but paid).
bool isPaid(TradeState state);
/// States no event may leave except as the rules below allow.
bool isFinal(TradeState state);
bool isFinal(RefundState state);

/// What applying a state to an order or refund did. Every value except Unchanged and the
/// Ignored* ones changed the ledger and wrote an audit row.
enum class StateOutcome {
    Created,        ///< the order/refund did not exist and was created from the event
    Applied,        ///< the state moved forward
    PaidAfterClose, ///< CLOSED → SUCCESS/REFUND: applied, and flagged for review
    Unchanged,      ///< the same state again (a repeated callback or query): nothing changed
    IgnoredStale,   ///< a non-final state older than the current one: ignored
    IgnoredFinal,   ///< the current state is final and may not move there: ignored
};

QString stateOutcomeName(StateOutcome outcome);

/// The monotonic order rules, shared by callbacks, queries, imports and bills. Pure.
///
/// - NOTPAY, USERPAYING, ACCEPT and unknown states may move to any state;
/// - SUCCESS may only move to REFUND; REFUND, REVOKED and PAYERROR are final;
/// - CLOSED may only move to SUCCESS or REFUND, reported as PaidAfterClose (money arrived for
///   a closed order: someone must look);
/// - an event older than the current state (both times known) never overwrites it when the
///   event's state is not final. Final states are facts that hold whenever they are learnt
///   (a delayed SUCCESS callback still counts), subject to the rules above;
/// - the same state again is Unchanged. Two different unknown words are a change.
StateOutcome decideTradeTransition(TradeState current, std::optional<cst::Instant> currentAt,
                                   TradeState next, std::optional<cst::Instant> eventAt);

/// Refunds: PROCESSING (and unknown) may move anywhere; ABNORMAL may move to SUCCESS or CLOSED
/// (after manual handling); SUCCESS and CLOSED are final. Same staleness and same-state rules.
StateOutcome decideRefundTransition(RefundState current, std::optional<cst::Instant> currentAt,
                                    RefundState next, std::optional<cst::Instant> eventAt);

} // namespace wxr::core
