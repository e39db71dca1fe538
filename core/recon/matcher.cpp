// SPDX-License-Identifier: GPL-3.0-or-later
#include "recon/matcher.h"

#include "ledger/statemachine.h"
#include "recon/keyindex.h"

#include <algorithm>
#include <system_error>
#include <thread>

namespace wxr::core {

namespace {

QString qs(std::string_view v)
{
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}

bool paidWord(std::string_view status)
{
    return status == "SUCCESS" || status == "REFUND";
}

// Ledger refund states that mean "WeChat accepted (or may have accepted) this refund".
bool liveRefund(std::string_view status)
{
    return status == "SUCCESS" || status == "PROCESSING" || status == "ABNORMAL";
}

// Prefetch distances, in records: the far one brings in what the near one then reads (an
// order record, then the key it points to).
constexpr size_t kLookahead = 16;
constexpr size_t kKeyLookahead = 8;
// From how many bill payments on their positions are looked up on two threads.
constexpr size_t kParallelLookupFrom = 4096;

// Position of each record by key; the first of repeated keys wins (ledger keys are unique, so
// repeats only come from a caller's mistake) and the repeats are marked in `repeated`.
template<typename Record, typename Key>
KeyIndex indexBy(const std::vector<Record> &records, Key key, std::vector<bool> &repeated)
{
    KeyIndex index(records.size());
    repeated.assign(records.size(), false);
    for (size_t i = 0; i < records.size(); ++i) {
        if (i + kLookahead < records.size())
            index.prefetch(key(records[i + kLookahead]));
        repeated[i] = !index.insert(key(records[i]), static_cast<std::uint32_t>(i)).second;
    }
    return index;
}

// Writes the candidate position in `orders` of payments [from, to) (PositionIndex::candidate;
// npos for keys it surely lacks) to `out`.
void locate(const std::vector<BillPaymentRecord> &payments, size_t from, size_t to,
            const PositionIndex &orders, std::uint32_t *out)
{
    for (size_t i = from; i < to; ++i) {
        if (i + kLookahead < to)
            orders.prefetch(payments[i + kLookahead].outTradeNo);
        out[i] = orders.candidate(payments[i].outTradeNo);
    }
}

// How often each key has occurred so far, for the keys that are not counted per record
// position (bill rows of records the day's ledger lacks).
class Occurrences final
{
public:
    std::uint32_t add(std::string_view key)
    {
        const auto [slot, first] = m_index.insert(key, static_cast<std::uint32_t>(m_counts.size()));
        if (first)
            m_counts.push_back(0);
        return ++m_counts[slot];
    }

private:
    KeyIndex m_index;
    std::vector<std::uint32_t> m_counts;
};

// Where each payment's order probably is (PositionIndex::candidate): the hash lookups, which
// mostly wait on memory, on two threads for a large bill (the index is only read). Counting
// and comparing then walk the payments in file order on one thread, with these positions
// known ahead, and confirm each by the order's key.
std::vector<std::uint32_t> locatePayments(const std::vector<BillPaymentRecord> &payments,
                                          const PositionIndex &orders)
{
    std::vector<std::uint32_t> positions(payments.size());
    if (payments.size() < kParallelLookupFrom) {
        locate(payments, 0, payments.size(), orders, positions.data());
        return positions;
    }
    const size_t half = payments.size() / 2;
    std::thread second;
    try {
        second = std::thread(
            [&] { locate(payments, half, payments.size(), orders, positions.data()); });
    } catch (const std::system_error &) {
        // No thread to be had: the same lookups, on this one.
        locate(payments, half, payments.size(), orders, positions.data());
    }
    locate(payments, 0, half, orders, positions.data());
    if (second.joinable())
        second.join();
    return positions;
}

} // namespace

OrderIndex indexOrders(const std::vector<LedgerOrderRecord> &orders)
{
    OrderIndex index;
    index.positions = PositionIndex(orders.size());
    index.repeated.reserve(orders.size());
    indexOrders(orders.data(), 0, orders.size(), index);
    return index;
}

void indexOrders(const LedgerOrderRecord *orders, size_t from, size_t to, OrderIndex &index)
{
    const auto keyAt = [orders](std::uint32_t i) {
        return orders[i].outTradeNo;
    };
    for (size_t i = from; i < to; ++i) {
        if (i + kLookahead < to)
            index.positions.prefetch(orders[i + kLookahead].outTradeNo);
        index.repeated.push_back(
            !index.positions.insert(orders[i].outTradeNo, static_cast<std::uint32_t>(i), keyAt)
                 .second);
    }
}

MatchResult match(const MatchInput &in)
{
    MatchResult result;
    ReconSummary &sum = result.summary;
    sum.billDate = in.billDate;
    std::vector<Discrepancy> &out = result.discrepancies;
    const auto [dayStart, dayEnd] = cst::dayBounds(in.billDate);
    const auto onDay = [&](std::optional<cst::Instant> t) {
        return t && *t >= dayStart && *t < dayEnd;
    };
    const auto paidOnDay = [&](const LedgerOrderRecord &o) {
        return o.paidAt != LedgerOrderRecord::kUnpaid && o.paidAt >= dayStart && o.paidAt < dayEnd;
    };

    std::optional<OrderIndex> built;
    if (!in.orderIndex)
        built = indexOrders(in.orders);
    const OrderIndex &orderIndex = in.orderIndex ? *in.orderIndex : *built;
    const PositionIndex &orders = orderIndex.positions;
    const auto orderKeyAt = [&](std::uint32_t i) {
        return in.orders[i].outTradeNo;
    };
    const std::vector<bool> &repeatedOrder = orderIndex.repeated;
    std::vector<bool> repeatedRefund;
    const KeyIndex ledgerRefunds = indexBy(
        in.ledgerRefunds, [](const LedgerRefundRecord &r) { return r.outRefundNo; },
        repeatedRefund);
    // Which of in.orders a payment row of the date's bill names (saves a lookup per order in
    // the ledger-side pass), and how often: duplicates are counted per order position rather
    // than in a second index over the day's million keys.
    std::vector<bool> inBill(in.orders.size(), false);
    std::vector<std::uint32_t> billedTimes(in.orders.size(), 0);
    const auto orderOf = [&](std::string_view key) -> const LedgerOrderRecord * {
        const std::uint32_t i = orders.find(key, orderKeyAt);
        if (i != PositionIndex::npos)
            return &in.orders[i];
        return in.findOrder ? in.findOrder(key) : nullptr;
    };
    const auto ledgerTransactionId = [&](const LedgerOrderRecord &o) {
        return in.orderTransactionId ? in.orderTransactionId(o) : std::string_view();
    };

    const auto add = [&](DiscrepancyKind kind, std::string_view outTradeNo,
                         std::string_view transactionId) -> Discrepancy & {
        Discrepancy d;
        d.billDate = in.billDate;
        d.kind = kind;
        d.outTradeNo = qs(outTradeNo);
        d.transactionId = qs(transactionId);
        out.push_back(std::move(d));
        return out.back();
    };

    // A payment row against its order (nullptr: the ledger has none); `seen` counts the
    // occurrences of the row's key so far in the file.
    const auto comparePayment = [&](const BillPaymentRecord &p, const LedgerOrderRecord *o,
                                    std::uint32_t seen) {
        if (seen > 1) {
            if (seen == 2) {
                Discrepancy &d
                    = add(DiscrepancyKind::DuplicateInBill, p.outTradeNo, p.transactionId);
                d.billStatus = qs(p.tradeState);
                d.billAmountFen = p.orderFen;
                if (o) {
                    d.ledgerStatus = qs(o->status);
                    d.ledgerAmountFen = o->amountFen;
                }
            }
            return;
        }
        if (!o) {
            Discrepancy &d = add(DiscrepancyKind::MissingInLedger, p.outTradeNo, p.transactionId);
            d.billStatus = qs(p.tradeState);
            d.billAmountFen = p.orderFen;
            return;
        }
        const bool ledgerPaid = paidWord(o->status);
        const bool statusDiffers = (p.tradeState == "SUCCESS" && !ledgerPaid)
                                   || (p.tradeState == "REVOKED" && ledgerPaid);
        const bool amountDiffers
            = p.tradeState == "SUCCESS" && ledgerPaid && o->amountFen != p.orderFen;
        if (statusDiffers || amountDiffers) {
            Discrepancy &d = add(statusDiffers ? DiscrepancyKind::StatusMismatch
                                               : DiscrepancyKind::AmountMismatch,
                                 p.outTradeNo, p.transactionId);
            d.ledgerStatus = qs(o->status);
            d.billStatus = qs(p.tradeState);
            d.ledgerAmountFen = o->amountFen;
            d.billAmountFen = p.orderFen;
        }
    };

    // Bill payments in two passes, each in file order: first those of in.orders, counted per
    // order position; then the others (orders the ledger has from another day, or lacks),
    // counted in a small index, after the rest of the day's work, so that a caller told their
    // keys (willFindOrders) can look them up meanwhile. The two share no key, so a key's first
    // row is still the file's first.
    const std::vector<std::uint32_t> positions = locatePayments(in.payments, orders);
    if (in.willFindOrders) {
        std::vector<std::string_view> keys;
        for (size_t i = 0; i < positions.size(); ++i) {
            if (positions[i] == PositionIndex::npos)
                keys.push_back(in.payments[i].outTradeNo);
        }
        if (!keys.empty())
            in.willFindOrders(std::move(keys));
    }
    std::vector<std::uint32_t> otherPayments;
    for (size_t i = 0; i < in.payments.size(); ++i) {
        if (i + kLookahead < in.payments.size()) {
            const std::uint32_t ahead = positions[i + kLookahead];
            if (ahead != PositionIndex::npos) {
                __builtin_prefetch(&in.orders[ahead]);
                __builtin_prefetch(&billedTimes[ahead]);
            }
        }
        if (i + kKeyLookahead < in.payments.size()) {
            const std::uint32_t ahead = positions[i + kKeyLookahead];
            if (ahead != PositionIndex::npos)
                __builtin_prefetch(in.orders[ahead].outTradeNo.data());
        }
        const BillPaymentRecord &p = in.payments[i];
        sum.billFeeMilli += p.feeMilli;
        sum.billSettlementFen += p.settlementFen;
        if (p.tradeState == "SUCCESS") {
            ++sum.billPaymentCount;
            sum.billPaymentFen += p.orderFen;
        }
        std::uint32_t position = positions[i];
        if (position != PositionIndex::npos && in.orders[position].outTradeNo != p.outTradeNo)
            position = orders.find(p.outTradeNo, orderKeyAt); // another key with the same bits
        if (position == PositionIndex::npos) {
            otherPayments.push_back(static_cast<std::uint32_t>(i));
            continue;
        }
        inBill[position] = true;
        comparePayment(p, &in.orders[position], ++billedTimes[position]);
    }

    // The ledger's side of the day: paid orders the bill lacks, gathered here and reported
    // last, so that a caller told which (willReportOrders) can look up their other bills and
    // transaction ids meanwhile.
    std::vector<const LedgerOrderRecord *> unbilled;
    for (size_t i = 0; i < in.orders.size(); ++i) {
        const LedgerOrderRecord &o = in.orders[i];
        if (repeatedOrder[i] || !paidWord(o.status) || !paidOnDay(o))
            continue;
        ++sum.ledgerPaymentCount;
        sum.ledgerPaymentFen += o.amountFen;
        if (in.paymentsCovered && !inBill[i] && in.billedElsewhere.count(o.outTradeNo) == 0)
            unbilled.push_back(&o);
    }
    if (in.willReportOrders && !unbilled.empty())
        in.willReportOrders(unbilled);

    // Bill refunds, in file order; occurrences counted per position for refunds of
    // in.ledgerRefunds (as payments per order), in a small index for the others.
    std::vector<std::uint32_t> refundBilledTimes(in.ledgerRefunds.size(), 0);
    Occurrences otherRefunds;
    for (const BillRefundRecord &r : in.refunds) {
        sum.billFeeMilli += r.feeMilli;
        ++sum.billRefundCount;
        sum.billRefundFen += r.appliedFen;
        const LedgerRefundRecord *l = nullptr;
        std::uint32_t seen = 0;
        if (const std::uint32_t i = ledgerRefunds.find(r.outRefundNo); i != KeyIndex::npos) {
            l = &in.ledgerRefunds[i];
            seen = ++refundBilledTimes[i];
        } else {
            seen = otherRefunds.add(r.outRefundNo);
            l = in.findRefund ? in.findRefund(r.outRefundNo) : nullptr;
        }
        const auto fill = [&](Discrepancy &d) {
            d.outRefundNo = qs(r.outRefundNo);
            d.billStatus = qs(r.refundStatus);
            d.billRefundFen = r.appliedFen;
            if (l) {
                d.ledgerStatus = qs(l->status);
                d.ledgerRefundFen = l->amountFen;
            }
        };
        if (seen > 1) {
            if (seen == 2)
                fill(add(DiscrepancyKind::DuplicateInBill, r.outTradeNo, r.transactionId));
            continue;
        }
        // PROCESSING (ledger) vs SUCCESS (bill) is no mismatch: the bill's state is a snapshot.
        if (!l || l->status == "CLOSED" || l->amountFen != r.appliedFen)
            fill(add(DiscrepancyKind::RefundMismatch, r.outTradeNo, r.transactionId));
    }

    // The second pass of the payments.
    Occurrences others;
    for (const std::uint32_t i : otherPayments) {
        const BillPaymentRecord &p = in.payments[i];
        const std::uint32_t seen = others.add(p.outTradeNo);
        comparePayment(p, in.findOrder ? in.findOrder(p.outTradeNo) : nullptr, seen);
    }

    // The ledger's side: the paid orders gathered above, then live refunds the bill lacks.
    for (const LedgerOrderRecord *o : unbilled) {
        if (in.isBilledElsewhere && in.isBilledElsewhere(o->outTradeNo))
            continue;
        const bool inWindow = dayEnd - o->paidAt <= in.crossDayWindowSeconds;
        Discrepancy &d = add(inWindow && !in.nextDayBillImported ? DiscrepancyKind::CrossDayPending
                                                                 : DiscrepancyKind::MissingInBill,
                             o->outTradeNo, ledgerTransactionId(*o));
        d.ledgerStatus = qs(o->status);
        d.ledgerAmountFen = o->amountFen;
    }
    for (size_t i = 0; i < in.ledgerRefunds.size(); ++i) {
        const LedgerRefundRecord &r = in.ledgerRefunds[i];
        if (repeatedRefund[i] || !onDay(r.createdAt))
            continue;
        if (r.status != "CLOSED") {
            ++sum.ledgerRefundCount;
            sum.ledgerRefundFen += r.amountFen;
        }
        // Not repeated, so the refund's key is at this position in ledgerRefunds.
        if (!in.refundsCovered || !liveRefund(r.status) || refundBilledTimes[i] > 0)
            continue;
        const LedgerOrderRecord *o = orderOf(r.outTradeNo);
        Discrepancy &d = add(DiscrepancyKind::RefundMismatch, r.outTradeNo,
                             o ? ledgerTransactionId(*o) : std::string_view());
        d.outRefundNo = qs(r.outRefundNo);
        d.ledgerStatus = qs(r.status);
        d.ledgerRefundFen = r.amountFen;
    }

    std::sort(out.begin(), out.end(), discrepancyLess);
    for (const Discrepancy &d : out) {
        KindTotals &t = sum.of(d.kind);
        ++t.count;
        t.ledgerFen += d.ledgerAmountFen.value_or(0) + d.ledgerRefundFen.value_or(0);
        t.billFen += d.billAmountFen.value_or(0) + d.billRefundFen.value_or(0);
    }
    return result;
}

} // namespace wxr::core
