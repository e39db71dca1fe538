// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cstime.h"
#include "common/money.h"
#include "ledger/statemachine.h"

#include <QString>

#include <optional>
#include <string_view>

namespace wxr::core {

/// Where the ledger learnt about an order or refund.
enum class RecordSource { Import, Callback, Query, Bill };

/// "import", "callback", "query", "bill" (the stored word).
QString recordSourceWord(RecordSource source);
/// The same for people, translated ("ledger import", "payment callback", …).
QString recordSourceLabel(RecordSource source);
std::optional<RecordSource> recordSourceFromWord(QStringView word);

/// An order as the ledger holds it. Times are Unix seconds with the text they came from (an
/// imported RFC 3339 string, or the formatted instant when the ledger made it).
struct Order
{
    qint64 id = 0;
    QString outTradeNo;
    QString transactionId; ///< empty until known
    Fen amountFen = 0;
    QString status; ///< trade_state word, kept verbatim (unknown words too)
    std::optional<cst::Instant> createdAt;
    QString createdAtText;
    std::optional<cst::Instant> paidAt;
    QString paidAtText;
    std::optional<cst::Instant> stateAt; ///< when the event that set `status` happened
    RecordSource source = RecordSource::Import;
    bool needsReview = false;
    QString reviewReason;
    cst::Instant updatedAt = 0;

    [[nodiscard]] TradeState state() const { return tradeStateFromWord(status); }
};

struct Refund
{
    qint64 id = 0;
    QString outRefundNo;
    QString outTradeNo;
    QString refundId;
    Fen amountFen = 0;
    QString status; ///< refund status word, kept verbatim
    std::optional<cst::Instant> createdAt;
    QString createdAtText;
    std::optional<cst::Instant> successAt;
    QString successAtText;
    std::optional<cst::Instant> stateAt;
    RecordSource source = RecordSource::Import;
    bool needsReview = false;
    QString reviewReason;
    cst::Instant updatedAt = 0;

    [[nodiscard]] RefundState state() const { return refundStateFromWord(status); }
};

/// A learnt order state: a callback, a query answer, an import row or a bill row.
struct TradeEvent
{
    QString outTradeNo;
    QString state;                      ///< trade_state word
    std::optional<cst::Instant> at;     ///< when this state was observed (callback create_time,
                                        ///< query time, success_time...); empty: unknown
    QString transactionId;              ///< empty: not carried by the event
    std::optional<Fen> amountFen;       ///< amount.total when carried
    std::optional<cst::Instant> paidAt; ///< success_time when carried
    QString paidAtText;
    std::optional<cst::Instant> createdAt; ///< for orders created from the event
    QString createdAtText;
    RecordSource source = RecordSource::Callback;
    QString actor; ///< for the audit log: "callback EV-…", "query", "user alice"
    /// Unknown order: create it (flagged for review unless the source is an import) or fail
    /// with NotFound.
    bool createIfMissing = true;
};

struct RefundEvent
{
    QString outRefundNo;
    QString outTradeNo;
    QString state; ///< refund status word
    std::optional<cst::Instant> at;
    QString refundId;
    std::optional<Fen> amountFen;
    std::optional<cst::Instant> createdAt;
    QString createdAtText;
    std::optional<cst::Instant> successAt;
    QString successAtText;
    RecordSource source = RecordSource::Callback;
    QString actor;
    bool createIfMissing = true;
};

/// Bulk read views of orders and refunds (matching a day). Views are valid only during the
/// visitor call.
struct OrderView
{
    std::string_view outTradeNo;
    std::string_view transactionId;
    std::string_view status;
    Fen amountFen = 0;
    std::optional<cst::Instant> createdAt;
    std::optional<cst::Instant> paidAt;
};

struct RefundView
{
    std::string_view outRefundNo;
    std::string_view outTradeNo;
    std::string_view refundId;
    std::string_view status;
    Fen amountFen = 0;
    std::optional<cst::Instant> createdAt;
};

struct ApplyResult
{
    StateOutcome outcome = StateOutcome::Unchanged;
    QString previousState; ///< empty when Created
    /// The event carried an amount that differs from the ledger's: the state was applied as
    /// the rules say, and the record was flagged for review (callback handling rules).
    bool amountDiffers = false;
};

} // namespace wxr::core
