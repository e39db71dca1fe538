// SPDX-License-Identifier: GPL-3.0-or-later
#include "dayfiles.h"

#include "common/coretr.h"
#include "common/cstime.h"
#include "rng.h"

#include <QDir>
#include <QFile>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

namespace wxr::sim {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kSep = ",`";

constexpr std::string_view kAllHeader
    = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,"
      "交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,"
      "充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,"
      "费率备注";
constexpr std::string_view kSuccessHeader
    = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,"
      "交易状态,付款银行,货币种类,应结订单金额,代金券金额,商品名称,商户数据包,手续费,费率,"
      "订单金额,费率备注";
constexpr std::string_view kRefundHeader
    = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,"
      "交易状态,付款银行,货币种类,应结订单金额,代金券金额,退款申请时间,退款成功时间,微信退款单号,"
      "商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,"
      "订单金额,申请退款金额,费率备注";
constexpr std::string_view kAllSummaryHeader
    = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,"
      "申请退款总金额";
constexpr std::string_view kSuccessSummaryHeader
    = "总交易单数,应结订单总金额,手续费总金额,订单总金额";
constexpr std::string_view kFundHeader
    = "记账时间,微信支付业务单号,资金流水单号,业务名称,业务类型,收支类型,收支金额(元),账户结余(元),"
      "资金变更提交申请人,备注,业务凭证号";
constexpr std::string_view kFundSummaryHeader
    = "资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额";

// Per-day formatting state: ids are built from parts straight into the row writer.
struct Ids
{
    const SimDay &day;

    void outTradeNo(RowWriter &w, const SimOrder &o) const
    {
        w.ch('T');
        w.compactDate(o.createdAt);
        w.digits(o.seq, 8);
    }
    void transactionId(RowWriter &w, const SimOrder &o) const
    {
        if (o.wxPaidAt == 0)
            return;
        w.raw("420000");
        w.digits(day.txPrefix, 4);
        w.compactDate(o.wxPaidAt);
        w.digits(o.seq, 10);
    }
    void outRefundNo(RowWriter &w, const SimRefund &r) const
    {
        w.ch('R');
        w.compactDate(r.wxCreatedAt);
        w.digits(r.seq, 8);
    }
    void refundId(RowWriter &w, const SimRefund &r) const
    {
        w.raw("5030");
        w.digits(day.refundPrefix, 7);
        w.compactDate(r.wxCreatedAt);
        w.digits(r.seq, 10);
    }
    void openid(RowWriter &w, const SimOrder &o) const
    {
        static constexpr char kAlphabet[]
            = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char id[28];
        id[0] = 'o';
        quint64 h = mix64(day.payerSalt ^ o.payer);
        for (int i = 1; i < 28; ++i) {
            if (i % 10 == 0)
                h = mix64(h);
            id[i] = kAlphabet[(h >> (6 * (i % 10))) & 63];
        }
        w.raw(std::string_view(id, 28));
    }
    void feeRate(RowWriter &w, const SimOrder &o) const
    {
        w.number(o.feeBp / 100);
        w.ch('.');
        w.digits(o.feeBp % 100, 2);
        w.ch('%');
    }
    // Columns 2–12 of every trade-bill layout: 公众账号ID … 货币种类.
    void orderColumns(RowWriter &w, const SimOrder &o, const char *status) const
    {
        w.raw(kSep);
        w.raw(day.appids[o.appid]);
        w.raw(kSep);
        w.raw(day.mchid);
        w.raw(kSep);
        w.ch('0'); // 特约商户号: literal 0 for a direct merchant
        w.raw(kSep);
        if (o.device != 0) {
            w.raw("POS-");
            w.digits(o.device, 4);
        }
        w.raw(kSep);
        transactionId(w, o);
        w.raw(kSep);
        outTradeNo(w, o);
        w.raw(kSep);
        openid(w, o);
        w.raw(kSep);
        w.raw(kTradeTypes[o.tradeType]);
        w.raw(kSep);
        w.raw(status);
        w.raw(kSep);
        w.raw(day.banks[o.bank]);
        w.raw(kSep);
        w.raw("CNY");
    }
    void productColumns(RowWriter &w, const SimOrder &o) const
    {
        w.raw(kSep);
        w.raw(day.products[o.product]);
        w.raw(kSep);
        if (o.attach != 0) {
            w.raw("store=");
            w.number(o.attach);
        }
    }
};

void count(RowWriter &w, qint64 n, bool decimal)
{
    w.number(n);
    if (decimal)
        w.raw(".0");
}

bool inBill(const SimOrder &o, TradeBillType type)
{
    return type == TradeBillType::All
           || (type == TradeBillType::Success && o.billState == TradeState::Success);
}

} // namespace

QByteArray tradeBillTypeName(TradeBillType type)
{
    switch (type) {
    case TradeBillType::All:
        return "ALL";
    case TradeBillType::Success:
        return "SUCCESS";
    case TradeBillType::Refund:
        return "REFUND";
    }
    return {};
}

qsizetype tradeBillRowCount(const SimDay &day, TradeBillType type)
{
    qsizetype n = 0;
    for (const BillEntry &e : day.bill) {
        if (e.refund ? type != TradeBillType::Success
                     : type != TradeBillType::Refund && inBill(day.orders[e.index], type))
            ++n;
    }
    return n;
}

void writeTradeBill(const SimDay &day, TradeBillType type, ByteSink &sink)
{
    const BillStyle &style = day.options.style;
    const Ids ids{day};
    {
        RowWriter w(sink, style.crlf);
        if (style.bom)
            w.raw(kBom);
        w.raw(type == TradeBillType::All       ? kAllHeader
              : type == TradeBillType::Success ? kSuccessHeader
                                               : kRefundHeader);
        w.endLine();
        qint64 rows = 0;
        Fen settlementTotal = 0, refundTotal = 0, orderTotal = 0, requestedTotal = 0;
        MilliFen feeTotal = 0;
        for (const BillEntry &e : day.bill) {
            if (!e.refund) {
                const SimOrder &o = day.orders[e.index];
                if (type == TradeBillType::Refund || !inBill(o, type))
                    continue;
                const MilliFen fee = day.paymentFee(o);
                ++rows;
                settlementTotal += day.settlement(o);
                orderTotal += o.amount;
                feeTotal += fee;
                w.ch('`');
                w.billTime(o.wxPaidAt);
                ids.orderColumns(w, o, tradeStateName(o.billState));
                w.raw(kSep);
                w.yuan(day.settlement(o));
                w.raw(kSep);
                w.yuan(o.coupon);
                if (type == TradeBillType::All)
                    w.raw(",`0,`0,`0.00,`0.00,`,`");
                ids.productColumns(w, o);
                w.raw(kSep);
                w.yuanMilli(fee);
                w.raw(kSep);
                ids.feeRate(w, o);
                w.raw(kSep);
                w.yuan(o.amount);
                if (type == TradeBillType::All)
                    w.raw(",`0.00");
                w.raw(kSep); // 费率备注, empty
                w.endLine();
                continue;
            }
            if (type == TradeBillType::Success)
                continue;
            const SimRefund &r = day.refunds[e.index];
            const SimOrder &o = day.orders[r.order];
            const MilliFen fee = day.refundFee(r);
            const Fen refunded = r.amount - r.couponRefund;
            ++rows;
            refundTotal += refunded;
            requestedTotal += r.amount;
            feeTotal += fee;
            w.ch('`');
            w.billTime(type == TradeBillType::All ? r.wxCreatedAt : o.wxPaidAt);
            ids.orderColumns(w, o, "REFUND");
            w.raw(",`0.00,`0.00");
            if (type == TradeBillType::Refund) {
                w.raw(kSep);
                w.billTime(r.wxCreatedAt);
                w.raw(kSep);
                if (r.billState == RefundState::Success && r.successAt != 0)
                    w.billTime(r.successAt);
            }
            w.raw(kSep);
            ids.refundId(w, r);
            w.raw(kSep);
            ids.outRefundNo(w, r);
            w.raw(kSep);
            w.yuan(refunded);
            w.raw(",`0.00,`ORIGINAL,`");
            w.raw(refundStateName(r.billState));
            ids.productColumns(w, o);
            w.raw(kSep);
            w.yuanMilli(fee);
            w.raw(kSep);
            ids.feeRate(w, o);
            w.raw(",`0.00");
            w.raw(kSep);
            w.yuan(r.amount);
            w.raw(kSep);
            w.endLine();
        }
        w.raw(type == TradeBillType::Success ? kSuccessSummaryHeader : kAllSummaryHeader);
        w.endLine();
        w.ch('`');
        count(w, rows, style.decimalCounts);
        w.raw(kSep);
        w.yuan(settlementTotal);
        if (type != TradeBillType::Success) {
            w.raw(kSep);
            w.yuan(refundTotal);
            w.raw(",`0.00");
        }
        w.raw(kSep);
        if (style.feeTotalRounded)
            w.yuan(money::roundMilliToFen(feeTotal));
        else
            w.yuanMilli(feeTotal);
        w.raw(kSep);
        w.yuan(orderTotal);
        if (type != TradeBillType::Success) {
            w.raw(kSep);
            w.yuan(requestedTotal);
        }
        w.endLine();
    }
    sink.finish();
}

void writeFundFlowBill(const SimDay &day, ByteSink &sink)
{
    const BillStyle &style = day.options.style;
    const Ids ids{day};
    {
        RowWriter w(sink, style.crlf);
        if (style.bom)
            w.raw(kBom);
        w.raw(kFundHeader);
        w.endLine();
        // An opening balance large enough that refunds never overdraw the account.
        Fen balance = 50'000'000 + static_cast<Fen>(mix64(day.options.seed) % 100'000'000);
        qint64 rows = 0, credits = 0, debits = 0;
        Fen creditSum = 0, debitSum = 0;
        const auto entry = [&](qint64 time, bool credit, Fen amount, std::string_view business,
                               std::string_view type, auto &&businessNo, bool api, auto &&voucher) {
            ++rows;
            balance += credit ? amount : -amount;
            (credit ? credits : debits) += 1;
            (credit ? creditSum : debitSum) += amount;
            w.ch('`');
            w.billTime(time);
            w.raw(kSep);
            businessNo();
            w.raw(kSep);
            w.raw("100");
            w.compactDate(time);
            w.digits(static_cast<quint64>(rows), 10);
            w.raw(kSep);
            w.raw(business);
            w.raw(kSep);
            w.raw(type);
            w.raw(kSep);
            w.raw(credit ? "收入" : "支出");
            w.raw(kSep);
            w.yuan(amount);
            w.raw(kSep);
            w.yuan(balance);
            w.raw(kSep);
            if (api) {
                w.raw(day.mchid);
                w.raw("API");
            } else {
                w.raw("system");
            }
            w.raw(kSep); // 备注
            w.raw(kSep);
            voucher();
            w.endLine();
        };
        const BillEntry *previous = nullptr;
        for (const BillEntry &e : day.bill) {
            // A row printed twice in the trade bill is one movement of money.
            const bool repeat
                = previous && previous->refund == e.refund && previous->index == e.index;
            previous = &e;
            if (repeat)
                continue;
            if (!e.refund) {
                const SimOrder &o = day.orders[e.index];
                if (o.billState != TradeState::Success)
                    continue;
                const auto txid = [&] {
                    ids.transactionId(w, o);
                };
                const auto otn = [&] {
                    ids.outTradeNo(w, o);
                };
                entry(o.wxPaidAt, true, day.settlement(o), "交易", "交易", txid, false, otn);
                const Fen fee = money::roundMilliToFen(day.paymentFee(o));
                if (fee > 0)
                    entry(o.wxPaidAt, false, fee, "交易", "扣除交易手续费", txid, false, otn);
                continue;
            }
            const SimRefund &r = day.refunds[e.index];
            const auto rid = [&] {
                ids.refundId(w, r);
            };
            const auto orn = [&] {
                ids.outRefundNo(w, r);
            };
            entry(r.wxCreatedAt, false, r.amount - r.couponRefund, "退款", "退款", rid, true, orn);
            const Fen fee = -money::roundMilliToFen(day.refundFee(r));
            if (fee > 0)
                entry(r.wxCreatedAt, true, fee, "退款", "退还交易手续费", rid, true, orn);
        }
        w.raw(kFundSummaryHeader);
        w.endLine();
        w.ch('`');
        count(w, rows, style.decimalCounts);
        w.raw(kSep);
        count(w, credits, style.decimalCounts);
        w.raw(kSep);
        w.yuan(creditSum);
        w.raw(kSep);
        count(w, debits, style.decimalCounts);
        w.raw(kSep);
        w.yuan(debitSum);
        w.endLine();
    }
    sink.finish();
}

void writeLedgerOrders(const SimDay &day, ByteSink &sink)
{
    const Ids ids{day};
    {
        RowWriter w(sink, false);
        w.raw("out_trade_no,transaction_id,amount_fen,status,created_at,paid_at");
        w.endLine();
        for (const SimOrder &o : day.orders) {
            if (o.ledgerState == TradeState::None)
                continue;
            ids.outTradeNo(w, o);
            w.ch(',');
            if (o.ledgerHasTxid)
                ids.transactionId(w, o);
            w.ch(',');
            w.number(o.ledgerAmount);
            w.ch(',');
            w.raw(tradeStateName(o.ledgerState));
            w.ch(',');
            w.rfc3339(o.createdAt);
            w.ch(',');
            if (o.ledgerPaidAt != 0)
                w.rfc3339(o.ledgerPaidAt);
            w.endLine();
        }
    }
    sink.finish();
}

void writeLedgerRefunds(const SimDay &day, ByteSink &sink)
{
    const Ids ids{day};
    {
        RowWriter w(sink, false);
        w.raw("out_refund_no,out_trade_no,refund_id,amount_fen,status,created_at,success_at");
        w.endLine();
        for (const SimRefund &r : day.refunds) {
            if (r.ledgerState == RefundState::None)
                continue;
            ids.outRefundNo(w, r);
            w.ch(',');
            ids.outTradeNo(w, day.orders[r.order]);
            w.ch(',');
            if (r.wxState != RefundState::None)
                ids.refundId(w, r);
            w.ch(',');
            w.number(r.ledgerAmount);
            w.ch(',');
            w.raw(refundStateName(r.ledgerState));
            w.ch(',');
            w.rfc3339(r.ledgerCreatedAt);
            w.ch(',');
            if (r.ledgerState == RefundState::Success) {
                const qint64 skew = r.ledgerCreatedAt - r.wxCreatedAt;
                w.rfc3339(r.successAt != 0 ? r.successAt + skew : r.ledgerCreatedAt + 60);
            }
            w.endLine();
        }
    }
    sink.finish();
}

void writeTruth(const SimDay &day, ByteSink &sink)
{
    {
        RowWriter w(sink, true);
        w.raw(kBom);
        w.raw("bill_date,kind,out_trade_no,transaction_id,ledger_status,bill_status,"
              "ledger_amount_fen,bill_amount_fen,out_refund_no,ledger_refund_fen,bill_refund_fen,"
              "state,note");
        w.endLine();
        const auto optional = [&w](const std::optional<Fen> &v) {
            w.ch(',');
            if (v)
                w.number(*v);
        };
        for (const TruthRow &t : day.truth) {
            w.dashedDate(day.dayStart);
            w.ch(',');
            w.raw(kKindNames[t.kind]);
            w.ch(',');
            w.raw(t.outTradeNo);
            w.ch(',');
            w.raw(t.transactionId);
            w.ch(',');
            w.raw(t.ledgerStatus);
            w.ch(',');
            w.raw(t.billStatus);
            optional(t.ledgerAmount);
            optional(t.billAmount);
            w.ch(',');
            w.raw(t.outRefundNo);
            optional(t.ledgerRefund);
            optional(t.billRefund);
            w.raw(",OPEN,");
            w.endLine();
        }
    }
    sink.finish();
}

QByteArray tradeBill(const SimDay &day, TradeBillType type)
{
    QByteArray out;
    ArraySink sink(out);
    writeTradeBill(day, type, sink);
    return out;
}

QByteArray fundFlowBill(const SimDay &day)
{
    QByteArray out;
    ArraySink sink(out);
    writeFundFlowBill(day, sink);
    return out;
}

namespace {

Status writeFile(const QString &path, const std::function<void(ByteSink &)> &produce, bool alsoGzip)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return makeError(ErrorCode::Io,
                         Tr::tr("Cannot create “%1”: %2.").arg(path, file.errorString()));
    FileSink plain(file);
    if (!alsoGzip) {
        produce(plain);
    } else {
        QFile gzFile(path + QStringLiteral(".gz"));
        if (!gzFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return makeError(
                ErrorCode::Io,
                Tr::tr("Cannot create “%1”: %2.").arg(gzFile.fileName(), gzFile.errorString()));
        FileSink gzPlain(gzFile);
        GzipSink gz(gzPlain);
        TeeSink tee({&plain, &gz});
        produce(tee);
        if (!gzPlain.ok() || !gzFile.flush())
            return makeError(
                ErrorCode::Io,
                Tr::tr("Cannot write “%1”: %2.").arg(gzFile.fileName(), gzFile.errorString()));
    }
    if (!plain.ok() || !file.flush())
        return makeError(ErrorCode::Io,
                         Tr::tr("Cannot write “%1”: %2.").arg(path, file.errorString()));
    return {};
}

} // namespace

Result<QStringList> writeDayFiles(const SimDay &day, const QString &dir)
{
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::Io, Tr::tr("Cannot create the directory “%1”.").arg(dir));
    const QString date = day.options.date.toString(Qt::ISODate);
    const QDir d(dir);
    struct Job
    {
        QString name;
        std::function<void(ByteSink &)> produce;
        bool gzip = false;
    };
    const std::vector<Job> jobs = {
        {QStringLiteral("tradebill_ALL_%1.csv").arg(date),
         [&day](ByteSink &s) { writeTradeBill(day, TradeBillType::All, s); }, day.options.gzip},
        {QStringLiteral("tradebill_SUCCESS_%1.csv").arg(date),
         [&day](ByteSink &s) {
             writeTradeBill(day, TradeBillType::Success, s);
         }},
        {QStringLiteral("tradebill_REFUND_%1.csv").arg(date),
         [&day](ByteSink &s) {
             writeTradeBill(day, TradeBillType::Refund, s);
         }},
        {QStringLiteral("fundflow_%1.csv").arg(date),
         [&day](ByteSink &s) {
             writeFundFlowBill(day, s);
         }},
        {QStringLiteral("orders.csv"),
         [&day](ByteSink &s) {
             writeLedgerOrders(day, s);
         }},
        {QStringLiteral("refunds.csv"),
         [&day](ByteSink &s) {
             writeLedgerRefunds(day, s);
         }},
        {QStringLiteral("truth.csv"),
         [&day](ByteSink &s) {
             writeTruth(day, s);
         }},
    };
    // The compressed ALL bill is the longest job; the rest run beside it on the second core.
    auto first = QtConcurrent::run(
        [&] { return writeFile(d.filePath(jobs[0].name), jobs[0].produce, jobs[0].gzip); });
    Status rest;
    for (size_t i = 1; i < jobs.size() && rest.ok(); ++i)
        rest = writeFile(d.filePath(jobs[i].name), jobs[i].produce, jobs[i].gzip);
    const Status firstStatus = first.result();
    if (!firstStatus.ok())
        return firstStatus.error();
    if (!rest.ok())
        return rest.error();
    QStringList names;
    for (const Job &j : jobs) {
        names << j.name;
        if (j.gzip)
            names << j.name + QStringLiteral(".gz");
    }
    return names;
}

} // namespace wxr::sim
