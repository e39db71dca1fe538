// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/statemachine.h"

namespace wxr::core {

TradeState tradeStateFromWord(QStringView w)
{
    if (w == u"SUCCESS")
        return TradeState::Success;
    if (w == u"REFUND")
        return TradeState::Refund;
    if (w == u"NOTPAY")
        return TradeState::NotPay;
    if (w == u"CLOSED")
        return TradeState::Closed;
    if (w == u"REVOKED")
        return TradeState::Revoked;
    if (w == u"USERPAYING")
        return TradeState::UserPaying;
    if (w == u"PAYERROR")
        return TradeState::PayError;
    if (w == u"ACCEPT")
        return TradeState::Accept;
    return TradeState::Unknown;
}

RefundState refundStateFromWord(QStringView w)
{
    if (w == u"PROCESSING")
        return RefundState::Processing;
    if (w == u"SUCCESS")
        return RefundState::Success;
    if (w == u"CLOSED")
        return RefundState::Closed;
    if (w == u"ABNORMAL")
        return RefundState::Abnormal;
    return RefundState::Unknown;
}

QString tradeStateWord(TradeState s)
{
    switch (s) {
    case TradeState::NotPay:
        return QStringLiteral("NOTPAY");
    case TradeState::UserPaying:
        return QStringLiteral("USERPAYING");
    case TradeState::Accept:
        return QStringLiteral("ACCEPT");
    case TradeState::Success:
        return QStringLiteral("SUCCESS");
    case TradeState::Refund:
        return QStringLiteral("REFUND");
    case TradeState::Closed:
        return QStringLiteral("CLOSED");
    case TradeState::Revoked:
        return QStringLiteral("REVOKED");
    case TradeState::PayError:
        return QStringLiteral("PAYERROR");
    case TradeState::Unknown:
        break;
    }
    return {};
}

QString refundStateWord(RefundState s)
{
    switch (s) {
    case RefundState::Processing:
        return QStringLiteral("PROCESSING");
    case RefundState::Success:
        return QStringLiteral("SUCCESS");
    case RefundState::Closed:
        return QStringLiteral("CLOSED");
    case RefundState::Abnormal:
        return QStringLiteral("ABNORMAL");
    case RefundState::Unknown:
        break;
    }
    return {};
}

bool isPaid(TradeState s)
{
    return s == TradeState::Success || s == TradeState::Refund;
}

bool isFinal(TradeState s)
{
    switch (s) {
    case TradeState::Success:
    case TradeState::Refund:
    case TradeState::Closed:
    case TradeState::Revoked:
    case TradeState::PayError:
        return true;
    default:
        return false;
    }
}

bool isFinal(RefundState s)
{
    return s == RefundState::Success || s == RefundState::Closed;
}

QString stateOutcomeName(StateOutcome o)
{
    switch (o) {
    case StateOutcome::Created:
        return QStringLiteral("created");
    case StateOutcome::Applied:
        return QStringLiteral("applied");
    case StateOutcome::PaidAfterClose:
        return QStringLiteral("paid after close");
    case StateOutcome::Unchanged:
        return QStringLiteral("unchanged");
    case StateOutcome::IgnoredStale:
        return QStringLiteral("ignored: older than the current state");
    case StateOutcome::IgnoredFinal:
        return QStringLiteral("ignored: the current state is final");
    }
    return {};
}

namespace {

bool older(std::optional<cst::Instant> eventAt, std::optional<cst::Instant> currentAt)
{
    return eventAt && currentAt && *eventAt < *currentAt;
}

} // namespace

StateOutcome decideTradeTransition(TradeState current, std::optional<cst::Instant> currentAt,
                                   TradeState next, std::optional<cst::Instant> eventAt)
{
    // Unknown == Unknown cannot be decided here (the words may differ); the repository
    // compares words first and only asks when they differ.
    if (current == next && current != TradeState::Unknown)
        return StateOutcome::Unchanged;
    switch (current) {
    case TradeState::Success:
        return next == TradeState::Refund ? StateOutcome::Applied : StateOutcome::IgnoredFinal;
    case TradeState::Refund:
    case TradeState::Revoked:
    case TradeState::PayError:
        return StateOutcome::IgnoredFinal;
    case TradeState::Closed:
        return isPaid(next) ? StateOutcome::PaidAfterClose : StateOutcome::IgnoredFinal;
    case TradeState::NotPay:
    case TradeState::UserPaying:
    case TradeState::Accept:
    case TradeState::Unknown:
        if (!isFinal(next) && older(eventAt, currentAt))
            return StateOutcome::IgnoredStale;
        return StateOutcome::Applied;
    }
    return StateOutcome::IgnoredFinal;
}

StateOutcome decideRefundTransition(RefundState current, std::optional<cst::Instant> currentAt,
                                    RefundState next, std::optional<cst::Instant> eventAt)
{
    if (current == next && current != RefundState::Unknown)
        return StateOutcome::Unchanged;
    switch (current) {
    case RefundState::Success:
    case RefundState::Closed:
        return StateOutcome::IgnoredFinal;
    case RefundState::Abnormal:
        if (isFinal(next))
            return StateOutcome::Applied;
        return older(eventAt, currentAt) ? StateOutcome::IgnoredStale : StateOutcome::IgnoredFinal;
    case RefundState::Processing:
    case RefundState::Unknown:
        if (!isFinal(next) && next != RefundState::Abnormal && older(eventAt, currentAt))
            return StateOutcome::IgnoredStale;
        return StateOutcome::Applied;
    }
    return StateOutcome::IgnoredFinal;
}

} // namespace wxr::core
