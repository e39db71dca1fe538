// SPDX-License-Identifier: GPL-3.0-or-later
#include "recon/reconengine.h"

#include "common/coretr.h"
#include "ledger/billrepository.h"
#include "ledger/ledger.h"
#include "ledger/orderrepository.h"
#include "ledger/reconrepository.h"
#include "ledger/refundrepository.h"
#include "recon/hugepages.h"
#include "recon/keyindex.h"
#include "recon/matcher.h"
#include "recon/stringarena.h"

#include <deque>
#include <optional>

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
        hugepages::reserve(in.payments, in.payments.size() + size_t(b.paymentCount));
        hugepages::reserve(in.refunds, in.refunds.size() + size_t(b.refundCount));
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
    hugepages::reserve(in.orders, size_t(use.first().paymentCount) + 1024);
    if (Status s = runs.forEachOrderPaidBetween(
            dayStart, dayEnd,
            [&](const OrderView &o) -> Status {
                in.orders.push_back({arena.store(o.outTradeNo), arena.store(o.transactionId),
                                     arena.store(o.status), o.amountFen, o.paidAt});
                return {};
            });
        !s)
        return s.error();
    promise.setProgressValue(45);
    if (Status s = refunds.forEachCreatedBetween(
            dayStart, dayEnd,
            [&](const RefundView &r) -> Status {
                in.ledgerRefunds.push_back({arena.store(r.outRefundNo), arena.store(r.outTradeNo),
                                            arena.store(r.status), r.amountFen, r.createdAt});
                return {};
            });
        !s)
        return s.error();
    if (promise.isCanceled())
        return cancelled();

    // What the matcher asks for beyond the date's records (orders paid the day before by the
    // merchant's clock, refunds of older orders, ...) comes by identity from the ledger,
    // remembered so that each key costs one query.
    std::deque<LedgerOrderRecord> extraOrders;
    std::deque<LedgerRefundRecord> extraRefunds;
    KeyIndex askedOrders;
    KeyIndex askedRefunds;
    std::optional<Error> lookupError;
    in.findOrder = [&](std::string_view key) -> const LedgerOrderRecord * {
        const auto [slot, fresh] = askedOrders.insert(arena.store(key), KeyIndex::npos - 1);
        if (!fresh)
            return slot < extraOrders.size() ? &extraOrders[slot] : nullptr;
        const Status s = orders.findView(key, [&](const OrderView &o) -> Status {
            extraOrders.push_back({arena.store(o.outTradeNo), arena.store(o.transactionId),
                                   arena.store(o.status), o.amountFen, o.paidAt});
            return {};
        });
        if (!s && !lookupError)
            lookupError = s.error();
        if (extraOrders.empty() || extraOrders.back().outTradeNo != key)
            return nullptr;
        askedOrders.assign(key, std::uint32_t(extraOrders.size() - 1));
        return &extraOrders.back();
    };
    in.findRefund = [&](std::string_view key) -> const LedgerRefundRecord * {
        const auto [slot, fresh] = askedRefunds.insert(arena.store(key), KeyIndex::npos - 1);
        if (!fresh)
            return slot < extraRefunds.size() ? &extraRefunds[slot] : nullptr;
        const Status s = refunds.findView(key, [&](const RefundView &r) -> Status {
            extraRefunds.push_back({arena.store(r.outRefundNo), arena.store(r.outTradeNo),
                                    arena.store(r.status), r.amountFen, r.createdAt});
            return {};
        });
        if (!s && !lookupError)
            lookupError = s.error();
        if (extraRefunds.empty() || extraRefunds.back().outRefundNo != key)
            return nullptr;
        askedRefunds.assign(key, std::uint32_t(extraRefunds.size() - 1));
        return &extraRefunds.back();
    };
    in.isBilledElsewhere = [&](std::string_view key) {
        const Result<bool> billed = bills.isBilled(key);
        if (!billed && !lookupError)
            lookupError = billed.error();
        return billed.valueOr(false);
    };
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
    QList<PendingFollowUp> followUps;
    for (const Discrepancy &d : *pending) {
        const QByteArray key = d.outTradeNo.toUtf8();
        const Result<bool> billed
            = bills.isBilled(std::string_view(key.constData(), size_t(key.size())));
        if (!billed)
            return billed.error();
        followUps.append({d.id, *billed});
    }
    promise.setProgressValue(60);
    if (promise.isCanceled())
        return cancelled();

    const MatchResult result = match(in);
    readTx.end();
    if (lookupError)
        return *lookupError;
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
