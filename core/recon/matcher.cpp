// SPDX-License-Identifier: GPL-3.0-or-later
#include "recon/matcher.h"

#include "ledger/statemachine.h"

#include <algorithm>
#include <unordered_map>

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

template<typename Record, typename Key>
std::unordered_map<std::string_view, const Record *> indexBy(const std::vector<Record> &records,
                                                             Key key)
{
    std::unordered_map<std::string_view, const Record *> index;
    index.reserve(records.size());
    for (const Record &r : records)
        index.emplace(key(r), &r); // first one wins: keys are unique in the ledger anyway
    return index;
}

} // namespace

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

    const auto orders = indexBy(in.orders, [](const LedgerOrderRecord &o) { return o.outTradeNo; });
    const auto ledgerRefunds
        = indexBy(in.ledgerRefunds, [](const LedgerRefundRecord &r) { return r.outRefundNo; });
    const auto orderOf = [&](std::string_view key) -> const LedgerOrderRecord * {
        const auto it = orders.find(key);
        return it == orders.end() ? nullptr : it->second;
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

    // Bill payments, in file order.
    std::unordered_map<std::string_view, int> seenPayments;
    seenPayments.reserve(in.payments.size());
    for (const BillPaymentRecord &p : in.payments) {
        sum.billFeeMilli += p.feeMilli;
        sum.billSettlementFen += p.settlementFen;
        if (p.tradeState == "SUCCESS") {
            ++sum.billPaymentCount;
            sum.billPaymentFen += p.orderFen;
        }
        const LedgerOrderRecord *o = orderOf(p.outTradeNo);
        int &seen = seenPayments[p.outTradeNo];
        if (++seen > 1) {
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
            continue;
        }
        if (!o) {
            Discrepancy &d = add(DiscrepancyKind::MissingInLedger, p.outTradeNo, p.transactionId);
            d.billStatus = qs(p.tradeState);
            d.billAmountFen = p.orderFen;
            continue;
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
    }

    // Bill refunds, in file order.
    std::unordered_map<std::string_view, int> seenRefunds;
    seenRefunds.reserve(in.refunds.size());
    for (const BillRefundRecord &r : in.refunds) {
        sum.billFeeMilli += r.feeMilli;
        ++sum.billRefundCount;
        sum.billRefundFen += r.appliedFen;
        const auto it = ledgerRefunds.find(r.outRefundNo);
        const LedgerRefundRecord *l = it == ledgerRefunds.end() ? nullptr : it->second;
        const auto fill = [&](Discrepancy &d) {
            d.outRefundNo = qs(r.outRefundNo);
            d.billStatus = qs(r.refundStatus);
            d.billRefundFen = r.appliedFen;
            if (l) {
                d.ledgerStatus = qs(l->status);
                d.ledgerRefundFen = l->amountFen;
            }
        };
        int &seen = seenRefunds[r.outRefundNo];
        if (++seen > 1) {
            if (seen == 2)
                fill(add(DiscrepancyKind::DuplicateInBill, r.outTradeNo, r.transactionId));
            continue;
        }
        // PROCESSING (ledger) vs SUCCESS (bill) is no mismatch: the bill's state is a snapshot.
        if (!l || l->status == "CLOSED" || l->amountFen != r.appliedFen)
            fill(add(DiscrepancyKind::RefundMismatch, r.outTradeNo, r.transactionId));
    }

    // The ledger's side of the day: paid orders and live refunds the bill lacks.
    for (const LedgerOrderRecord &o : in.orders) {
        if (!paidWord(o.status) || !onDay(o.paidAt))
            continue;
        if (orderOf(o.outTradeNo) != &o)
            continue; // a repeated record of the same order
        ++sum.ledgerPaymentCount;
        sum.ledgerPaymentFen += o.amountFen;
        if (!in.paymentsCovered || seenPayments.count(o.outTradeNo) > 0
            || in.billedElsewhere.count(o.outTradeNo) > 0)
            continue;
        const bool inWindow = dayEnd - *o.paidAt <= in.crossDayWindowSeconds;
        Discrepancy &d = add(inWindow && !in.nextDayBillImported ? DiscrepancyKind::CrossDayPending
                                                                 : DiscrepancyKind::MissingInBill,
                             o.outTradeNo, o.transactionId);
        d.ledgerStatus = qs(o.status);
        d.ledgerAmountFen = o.amountFen;
    }
    for (const LedgerRefundRecord &r : in.ledgerRefunds) {
        if (!onDay(r.createdAt))
            continue;
        const auto it = ledgerRefunds.find(r.outRefundNo);
        if (it->second != &r)
            continue;
        if (r.status != "CLOSED") {
            ++sum.ledgerRefundCount;
            sum.ledgerRefundFen += r.amountFen;
        }
        if (!in.refundsCovered || !liveRefund(r.status) || seenRefunds.count(r.outRefundNo) > 0)
            continue;
        const LedgerOrderRecord *o = orderOf(r.outTradeNo);
        Discrepancy &d = add(DiscrepancyKind::RefundMismatch, r.outTradeNo,
                             o ? o->transactionId : std::string_view());
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
