// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cstime.h"
#include "common/money.h"

#include <QDate>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace wxr::core {

/// The discrepancy kinds of docs/reconciliation.md, in report order (the enum value is the
/// position in that order, 1-based).
enum class DiscrepancyKind {
    MissingInLedger = 1,
    MissingInBill = 2,
    AmountMismatch = 3,
    StatusMismatch = 4,
    RefundMismatch = 5,
    DuplicateInBill = 6,
    CrossDayPending = 7,
};
inline constexpr int kDiscrepancyKindCount = 7;

/// "MISSING_IN_LEDGER", ... as in the report CSV.
QString discrepancyKindName(DiscrepancyKind kind);
std::optional<DiscrepancyKind> discrepancyKindFromName(QStringView name);
/// All kinds in report order.
QList<DiscrepancyKind> allDiscrepancyKinds();

enum class DiscrepancyState { Open, Acknowledged, Resolved, Ignored };
QString discrepancyStateName(DiscrepancyState state); ///< OPEN, ACKNOWLEDGED, RESOLVED, IGNORED
std::optional<DiscrepancyState> discrepancyStateFromName(QStringView name);

/// People-facing, translated names ("Missing in ledger", "Open") for the views, the XLSX and
/// PDF reports and the timeline; the CSV keeps the contract's words.
QString discrepancyKindLabel(DiscrepancyKind kind);
QString discrepancyStateLabel(DiscrepancyState state);

/// One row of the discrepancy report (architecture doc) plus its ledger bookkeeping.
/// Amounts are fen; an empty optional is an empty CSV field ("no value on that side").
struct Discrepancy
{
    qint64 id = 0; ///< ledger row id; 0 before it is stored
    QDate billDate;
    DiscrepancyKind kind = DiscrepancyKind::MissingInLedger;
    QString outTradeNo;
    QString transactionId;
    QString ledgerStatus;
    QString billStatus;
    std::optional<Fen> ledgerAmountFen;
    std::optional<Fen> billAmountFen;
    QString outRefundNo;
    std::optional<Fen> ledgerRefundFen;
    std::optional<Fen> billRefundFen;
    DiscrepancyState state = DiscrepancyState::Open;
    QString note;
    QString stateBy;                     ///< who set the state ("user alice", "run 12")
    std::optional<cst::Instant> stateAt; ///< when
    bool resolvedByRun = false;          ///< RESOLVED because a run no longer found it

    /// Same bill date, kind and keys: the identity that re-runs preserve state and note by.
    [[nodiscard]] bool sameKey(const Discrepancy &other) const
    {
        return billDate == other.billDate && kind == other.kind && outTradeNo == other.outTradeNo
               && outRefundNo == other.outRefundNo;
    }
};

/// Report order: bill_date, kind (table order), out_trade_no, out_refund_no. Keys are
/// compared as UTF-8 bytes, as the contract says.
bool discrepancyLess(const Discrepancy &a, const Discrepancy &b);

/// Count and amounts of one kind in a run. The amounts are the sums of the ledger-side and
/// bill-side values of its rows (order amounts, or refund amounts for REFUND_MISMATCH).
struct KindTotals
{
    qint64 count = 0;
    Fen ledgerFen = 0;
    Fen billFen = 0;
};

/// Totals of one reconciliation of a bill date: ledger vs bill side by side, and per kind.
struct ReconSummary
{
    QDate billDate;
    qint64 ledgerPaymentCount = 0; ///< paid orders with paid_at on the date
    Fen ledgerPaymentFen = 0;
    qint64 billPaymentCount = 0;  ///< payment rows (SUCCESS) of the date's bill
    Fen billPaymentFen = 0;       ///< Σ订单金额 of those rows
    qint64 ledgerRefundCount = 0; ///< ledger refunds initiated on the date (not CLOSED)
    Fen ledgerRefundFen = 0;
    qint64 billRefundCount = 0;
    Fen billRefundFen = 0;     ///< Σ申请退款金额
    MilliFen billFeeMilli = 0; ///< Σ手续费 of the bill
    Fen billSettlementFen = 0; ///< Σ应结订单金额
    std::array<KindTotals, kDiscrepancyKindCount> kinds{};

    [[nodiscard]] const KindTotals &of(DiscrepancyKind kind) const
    {
        return kinds[static_cast<size_t>(kind) - 1];
    }
    KindTotals &of(DiscrepancyKind kind) { return kinds[static_cast<size_t>(kind) - 1]; }
};

/// A stored reconciliation run.
struct ReconRun
{
    qint64 id = 0;
    QDate billDate;
    cst::Instant startedAt = 0;
    cst::Instant finishedAt = 0;
    QString actor;
    QList<qint64> billIds;
    ReconSummary summary;
    qint64 discrepancyCount = 0; ///< found by this run
    qint64 newCount = 0;         ///< of which not seen before
    qint64 resolvedCount = 0;    ///< earlier ones of the date no longer found (now RESOLVED)
    qint64 promotedCount = 0;    ///< previous day's CROSS_DAY_PENDING promoted to MISSING_IN_BILL
    qint64 clearedCount = 0;     ///< previous day's CROSS_DAY_PENDING found in this bill
};

} // namespace wxr::core
