// SPDX-License-Identifier: GPL-3.0-or-later
#include "recon/reconengine.h"

#include "common/coretr.h"
#include "ledger/billrepository.h"
#include "ledger/ledger.h"
#include "ledger/orderrepository.h"
#include "ledger/reconrepository.h"
#include "ledger/refundrepository.h"
#include "recon/matcher.h"
#include "recon/stringarena.h"

#include <QSet>

#include <string>
#include <unordered_set>

namespace wxr::core {

namespace {

Error cancelled()
{
    return makeError(ErrorCode::Cancelled,
                     Tr::tr("The reconciliation was cancelled; nothing was stored."));
}

bool isTradeBill(const ImportedBill &b)
{
    return b.billType == u"ALL" || b.billType == u"SUCCESS" || b.billType == u"REFUND";
}

} // namespace

Result<ReconRun> reconcile(Ledger &ledger, QDate billDate, const ReconOptions &options,
                           QPromise<void> &promise)
{
    const cst::Instant startedAt = cst::now();
    const QString date = billDate.toString(Qt::ISODate);
    promise.setProgressRange(0, 100);
    BillRepository bills(ledger);
    OrderRepository orders(ledger);
    RefundRepository refunds(ledger);
    ReconRepository runs(ledger);

    // Which bills: ALL if imported, else whatever of SUCCESS and REFUND is.
    const auto imported = bills.billsOf(billDate);
    if (!imported)
        return imported.error();
    QList<ImportedBill> use;
    for (const ImportedBill &b : *imported) {
        if (b.billType == u"ALL")
            use = {b};
    }
    if (use.isEmpty()) {
        for (const ImportedBill &b : *imported) {
            if (isTradeBill(b))
                use.append(b);
        }
    }
    if (use.isEmpty())
        return makeError(
            ErrorCode::NotFound,
            Tr::tr("No trade bill is imported for %1; import or fetch it first.").arg(date));

    // Everything below is read in one snapshot of the ledger.
    if (Status s = ledger.execute("BEGIN"); !s)
        return s.error();
    struct EndRead
    {
        Ledger &l;
        bool open = true;
        void end()
        {
            if (open)
                (void)l.execute("COMMIT");
            open = false;
        }
        ~EndRead() { end(); }
    } readTx{ledger};

    StringArena arena;
    MatchInput in;
    in.billDate = billDate;
    in.crossDayWindowSeconds = options.crossDayWindowSeconds;
    in.paymentsCovered = false;
    in.refundsCovered = false;
    QList<qint64> billIds;
    for (const ImportedBill &b : use) {
        billIds.append(b.id);
        in.paymentsCovered = in.paymentsCovered || b.billType != u"REFUND";
        in.refundsCovered = in.refundsCovered || b.billType != u"SUCCESS";
        if (Status s = bills.forEachRow(
                b.id,
                [&](const BillRowView &r) -> Status {
                    if (r.isRefund) {
                        in.refunds.push_back({arena.store(r.outRefundNo), arena.store(r.outTradeNo),
                                              arena.store(r.transactionId),
                                              arena.store(r.refundStatus), r.refundAppliedFen,
                                              r.feeMilli, r.tradeTime});
                    } else {
                        in.payments.push_back({arena.store(r.outTradeNo),
                                               arena.store(r.transactionId),
                                               arena.store(r.tradeState), r.orderFen,
                                               r.settlementFen, r.feeMilli, r.tradeTime});
                    }
                    return {};
                });
            !s)
            return s.error();
    }
    promise.setProgressValue(25);
    if (promise.isCanceled())
        return cancelled();

    const auto [dayStart, dayEnd] = cst::dayBounds(billDate);
    std::unordered_set<std::string_view> haveOrders;
    std::unordered_set<std::string_view> haveRefunds;
    haveOrders.reserve(in.payments.size() + in.refunds.size() + 1024);
    const auto keepOrder = [&](const OrderView &o) -> Status {
        const std::string_view key = arena.store(o.outTradeNo);
        if (!haveOrders.insert(key).second)
            return {};
        in.orders.push_back(
            {key, arena.store(o.transactionId), arena.store(o.status), o.amountFen, o.paidAt});
        return {};
    };
    const auto keepRefund = [&](const RefundView &r) -> Status {
        const std::string_view key = arena.store(r.outRefundNo);
        if (!haveRefunds.insert(key).second)
            return {};
        in.ledgerRefunds.push_back(
            {key, arena.store(r.outTradeNo), arena.store(r.status), r.amountFen, r.createdAt});
        return {};
    };
    if (Status s = orders.forEachPaidBetween(dayStart, dayEnd, keepOrder); !s)
        return s.error();
    promise.setProgressValue(45);
    if (Status s = refunds.forEachCreatedBetween(dayStart, dayEnd, keepRefund); !s)
        return s.error();
    if (promise.isCanceled())
        return cancelled();

    // Records named by the bill or by the day's refunds but outside the date ranges (paid the
    // day before by the merchant's clock, refunds of older orders, ...): by identity.
    std::vector<std::string> missingRefunds;
    for (const BillRefundRecord &r : in.refunds) {
        if (!haveRefunds.count(r.outRefundNo))
            missingRefunds.emplace_back(r.outRefundNo);
    }
    if (Status s = refunds.forEachOf(missingRefunds, keepRefund); !s)
        return s.error();
    std::vector<std::string> missingOrders;
    std::unordered_set<std::string_view> asked;
    const auto need = [&](std::string_view key) {
        if (!haveOrders.count(key) && asked.insert(key).second)
            missingOrders.emplace_back(key);
    };
    for (const BillPaymentRecord &p : in.payments)
        need(p.outTradeNo);
    for (const BillRefundRecord &r : in.refunds)
        need(r.outTradeNo);
    for (const LedgerRefundRecord &r : in.ledgerRefunds)
        need(r.outTradeNo);
    if (Status s = orders.forEachOf(missingOrders, keepOrder); !s)
        return s.error();
    promise.setProgressValue(60);

    // Paid orders of the date that the date's bill lacks: are they in another imported bill?
    std::unordered_set<std::string_view> inBill;
    inBill.reserve(in.payments.size());
    for (const BillPaymentRecord &p : in.payments)
        inBill.insert(p.outTradeNo);
    QStringList candidates;
    for (const LedgerOrderRecord &o : in.orders) {
        if ((o.status == "SUCCESS" || o.status == "REFUND") && o.paidAt && *o.paidAt >= dayStart
            && *o.paidAt < dayEnd && !inBill.count(o.outTradeNo))
            candidates.append(
                QString::fromUtf8(o.outTradeNo.data(), qsizetype(o.outTradeNo.size())));
    }
    const auto billedElsewhere = bills.billedAmong(candidates);
    if (!billedElsewhere)
        return billedElsewhere.error();
    for (const QString &key : *billedElsewhere)
        in.billedElsewhere.insert(arena.store(key.toStdString()));
    const auto nextDay = bills.billsOf(billDate.addDays(1));
    if (!nextDay)
        return nextDay.error();
    for (const ImportedBill &b : *nextDay)
        in.nextDayBillImported
            = in.nextDayBillImported || b.billType == u"ALL" || b.billType == u"SUCCESS";

    // The previous date's pending rows: settled by this date's bill (or any imported bill).
    const auto pending = runs.openPending(billDate.addDays(-1));
    if (!pending)
        return pending.error();
    QStringList pendingKeys;
    for (const Discrepancy &d : *pending)
        pendingKeys.append(d.outTradeNo);
    const auto pendingBilled = bills.billedAmong(pendingKeys);
    if (!pendingBilled)
        return pendingBilled.error();
    QList<PendingFollowUp> followUps;
    for (const Discrepancy &d : *pending)
        followUps.append({d.id, pendingBilled->contains(d.outTradeNo)});
    readTx.end();
    promise.setProgressValue(70);
    if (promise.isCanceled())
        return cancelled();

    const MatchResult result = match(in);
    promise.setProgressValue(80);
    const QList<Discrepancy> found(result.discrepancies.begin(), result.discrepancies.end());
    const auto run = runs.saveRun(result.summary, found, billIds, startedAt, options.actor,
                                  followUps, promise);
    if (!run) {
        if (run.error().code == ErrorCode::Cancelled)
            return cancelled();
        return run.error();
    }
    promise.setProgressValue(100);
    return run;
}

} // namespace wxr::core
