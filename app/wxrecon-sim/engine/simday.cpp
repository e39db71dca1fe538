// SPDX-License-Identifier: GPL-3.0-or-later
#include "simday.h"

#include "common/cstime.h"
#include "rng.h"

#include <algorithm>

namespace wxr::sim {

namespace {

// Payments per hour of a merchant's day (lunch and dinner peaks, quiet nights).
constexpr int kHourWeights[24]
    = {2, 1, 1, 1, 1, 2, 4, 8, 10, 8, 7, 9, 12, 10, 7, 6, 6, 8, 11, 12, 10, 7, 5, 3};

// Leave refunds and ledger-only times this far from midnight: the report has no cross-day
// rule for refunds, so a refund near midnight would be a discrepancy nobody injected.
constexpr qint64 kRefundMargin = 1800;

qint64 secondOfDay(Rng &rng)
{
    static const int total = [] {
        int t = 0;
        for (int w : kHourWeights)
            t += w;
        return t;
    }();
    int pick = static_cast<int>(rng.below(static_cast<quint64>(total)));
    int hour = 0;
    while (pick >= kHourWeights[hour]) {
        pick -= kHourWeights[hour];
        ++hour;
    }
    return hour * 3600 + static_cast<qint64>(rng.below(3600));
}

Fen randomAmount(Rng &rng)
{
    const quint64 bucket = rng.below(1000);
    if (bucket < 10)
        return 1; // 0.01 yuan test payments exist in every real merchant's bill
    Fen fen;
    if (bucket < 460)
        fen = rng.range(100, 3000);
    else if (bucket < 810)
        fen = rng.range(3000, 20000);
    else if (bucket < 990)
        fen = rng.range(20000, 100000);
    else
        fen = rng.range(100000, 500000);
    const quint64 ending = rng.below(10);
    if (ending < 5)
        fen -= fen % 100; // whole yuan
    else if (ending < 7)
        fen = fen - fen % 100 + (ending == 5 ? 50 : 90);
    return std::max<Fen>(fen, 1);
}

quint8 randomTradeType(Rng &rng)
{
    const quint64 x = rng.below(100);
    return x < 55 ? 0 : x < 75 ? 1 : x < 90 ? 2 : 3;
}

quint16 randomFeeBp(Rng &rng)
{
    const quint64 x = rng.below(100);
    return x < 70 ? 60 : x < 80 ? 38 : x < 90 ? 30 : x < 95 ? 20 : 100;
}

quint8 randomBank(Rng &rng, size_t banks)
{
    // "OTHERS" (balance) dominates, the rest evenly.
    return rng.below(100) < 35 ? 0 : static_cast<quint8>(1 + rng.below(banks - 1));
}

template<typename T>
void shuffle(std::vector<T> &v, Rng &rng)
{
    for (size_t i = v.size(); i > 1; --i)
        std::swap(v[i - 1], v[rng.below(i)]);
}

// Picks up to `n` distinct elements of `pool` (partial Fisher-Yates), in pick order.
std::vector<quint32> pick(std::vector<quint32> pool, size_t n, Rng &rng)
{
    n = std::min(n, pool.size());
    for (size_t i = 0; i < n; ++i)
        std::swap(pool[i], pool[i + rng.below(pool.size() - i)]);
    pool.resize(n);
    return pool;
}

struct Builder
{
    const DayOptions &opt;
    SimDay &day;
    Rng rng;
    quint32 payers;
    quint32 couponPerMillion;

    void payment(SimOrder &o, qint64 wxPaidAt, int forceType = -1)
    {
        o.tradeType = forceType >= 0 ? static_cast<quint8>(forceType) : randomTradeType(rng);
        o.bank = randomBank(rng, day.banks.size());
        o.appid = static_cast<quint8>(rng.below(day.appids.size()));
        o.product = static_cast<quint8>(rng.below(day.products.size()));
        o.attach = rng.below(10) < 7 ? 0 : static_cast<quint8>(rng.range(1, 200));
        o.device = o.tradeType == kMicropay ? static_cast<quint16>(rng.range(1, 999)) : 0;
        o.payer = static_cast<quint32>(rng.below(payers));
        o.feeBp = randomFeeBp(rng);
        o.amount = randomAmount(rng);
        o.ledgerAmount = o.amount;
        if (couponPerMillion > 0 && o.amount >= 500 && rng.chance(couponPerMillion)) {
            static constexpr Fen kCoupons[] = {100, 200, 300, 500, 1000};
            Fen c = kCoupons[rng.below(std::size(kCoupons))];
            while (c > o.amount / 2)
                c /= 2;
            o.coupon = std::max<Fen>(c, 1);
        }
        o.wxPaidAt = wxPaidAt;
    }

    // An ordinary matched payment at WeChat time t; the merchant's clock runs 0–3 s ahead.
    void matched(SimOrder &o, qint64 t, int forceType = -1)
    {
        payment(o, t, forceType);
        o.ledgerPaidAt = t + rng.range(0, 3);
        o.createdAt = t - rng.range(5, 900);
        o.wxState = o.ledgerState = o.billState = TradeState::Success;
        o.billCopies = 1;
        o.ledgerHasTxid = true;
    }

    qint64 anyTime() { return day.dayStart + secondOfDay(rng); }

    SimOrder make(OrderRole role, qint64 index)
    {
        SimOrder o;
        o.role = role;
        const qint64 s = day.dayStart;
        const qint64 e = day.dayEnd;
        switch (role) {
        case OrderRole::Normal:
        case OrderRole::AmountMismatch:
        case OrderRole::DuplicateInBill:
            matched(o, anyTime());
            if (role == OrderRole::DuplicateInBill)
                o.billCopies = 2;
            if (role == OrderRole::AmountMismatch) {
                const Fen delta = rng.below(2) == 0
                                      ? rng.range(1, 99)
                                      : std::max<Fen>(1, o.amount * rng.range(1, 20) / 100);
                o.ledgerAmount
                    = rng.below(2) == 0 || o.amount <= delta ? o.amount + delta : o.amount - delta;
            }
            break;
        case OrderRole::MissingInLedger:
            matched(o, anyTime());
            o.ledgerState = TradeState::None;
            o.ledgerAmount = 0;
            o.ledgerPaidAt = 0;
            o.ledgerHasTxid = false;
            break;
        case OrderRole::MissingInBill: {
            // Paid at WeChat, but the bill lost the row (短款); well before the window.
            const qint64 latest = e - opt.crossDayWindowSeconds - 600;
            qint64 t = anyTime();
            if (t > latest)
                t = s + static_cast<qint64>(rng.below(static_cast<quint64>(latest - s)));
            matched(o, t);
            o.billState = TradeState::None;
            o.billCopies = 0;
            break;
        }
        case OrderRole::StatusMismatch: {
            // Mostly a lost callback (ledger NOTPAY); some other unpaid words; one in ten a
            // payment-code order revoked at WeChat that the ledger still holds as paid.
            const int variant = static_cast<int>(index % 10);
            const bool micropay = variant >= 7;
            matched(o, anyTime(), micropay ? kMicropay : -1);
            if (variant == 9) {
                o.wxState = o.billState = TradeState::Revoked;
                break;
            }
            o.ledgerState = variant <= 5   ? TradeState::NotPay
                            : variant == 6 ? TradeState::Closed
                            : variant == 7 ? TradeState::UserPaying
                                           : TradeState::PayError;
            o.ledgerPaidAt = 0;
            o.ledgerHasTxid = false;
            if (variant % 3 == 1) // a wrong amount too: the status mismatch takes precedence
                o.ledgerAmount = o.amount + rng.range(1, 500);
            break;
        }
        case OrderRole::CrossDayPending: {
            payment(o, e + rng.range(1, 30));
            o.ledgerPaidAt = e - rng.range(1, opt.crossDayWindowSeconds / 2);
            o.createdAt = o.ledgerPaidAt - rng.range(10, 300);
            o.wxState = o.ledgerState = TradeState::Success;
            o.ledgerHasTxid = true;
            break;
        }
        case OrderRole::AfterMidnight:
            matched(o, e - rng.range(1, 4));
            o.ledgerPaidAt = e + rng.range(0, 5);
            break;
        case OrderRole::PreviousDay:
            matched(o, s + rng.range(0, 30));
            o.ledgerPaidAt = s - rng.range(1, 120);
            o.createdAt = o.ledgerPaidAt - rng.range(10, 300);
            break;
        case OrderRole::Revoked:
            matched(o, anyTime(), kMicropay);
            o.wxState = o.ledgerState = o.billState = TradeState::Revoked;
            break;
        case OrderRole::Unpaid: {
            payment(o, 0);
            const quint64 x = rng.below(100);
            const TradeState st = x < 40   ? TradeState::NotPay
                                  : x < 85 ? TradeState::Closed
                                  : x < 92 ? TradeState::PayError
                                           : TradeState::UserPaying;
            if (st == TradeState::PayError || st == TradeState::UserPaying) {
                o.tradeType = kMicropay;
                o.device = static_cast<quint16>(rng.range(1, 999));
            }
            o.createdAt = anyTime();
            o.wxState = o.ledgerState = st;
            break;
        }
        case OrderRole::OlderRefundHost: {
            const qint64 back = rng.range(1, 30) * cst::kDaySeconds;
            matched(o, anyTime() - back);
            o.billState = TradeState::None; // billed on its own day
            o.billCopies = 0;
            break;
        }
        }
        return o;
    }

    // Refunds of order `oi` initiated by WeChat between lo and hi.
    void refundsFor(quint32 oi, qint64 lo, qint64 hi, bool allowSeveral)
    {
        const SimOrder &o = day.orders[oi];
        const Fen total = o.amount;
        std::vector<Fen> amounts;
        const quint64 kind = rng.below(100);
        if (kind < 55 || total < 2) {
            amounts.push_back(total);
        } else if (kind < 85 || total < 3 || !allowSeveral) {
            amounts.push_back(rng.range(1, total - 1));
        } else {
            const int k = total >= 3 && rng.below(2) == 0 ? 3 : 2;
            Fen remaining = total;
            for (int i = 0; i < k; ++i) {
                const Fen share = std::max<Fen>(1, remaining / (k - i));
                const Fen a = rng.range(1, share);
                amounts.push_back(a);
                remaining -= a;
            }
        }
        std::vector<qint64> times;
        for (size_t i = 0; i < amounts.size(); ++i)
            times.push_back(rng.range(lo, hi));
        std::sort(times.begin(), times.end());
        for (size_t i = 0; i < amounts.size(); ++i) {
            SimRefund r;
            r.order = oi;
            r.amount = r.ledgerAmount = amounts[i];
            r.couponRefund = o.coupon > 0 ? amounts[i] * o.coupon / total : 0;
            r.wxCreatedAt = times[i];
            r.ledgerCreatedAt = times[i] + rng.range(0, 3);
            const quint64 x = rng.below(1000);
            if (x < 880) {
                r.ledgerState = r.wxState = r.billState = RefundState::Success;
            } else if (x < 960) {
                r.ledgerState = RefundState::Processing;
                // The bill's refund state is a snapshot: PROCESSING in the ledger vs SUCCESS
                // in the bill is not a discrepancy.
                r.wxState = r.billState
                    = rng.below(2) == 0 ? RefundState::Success : RefundState::Processing;
            } else if (x < 980) {
                r.ledgerState = r.wxState = RefundState::Abnormal;
                r.billState = RefundState::Processing;
            } else {
                // Rejected at once: closed in the ledger, unknown to WeChat and to the bill.
                r.ledgerState = RefundState::Closed;
            }
            if (r.wxState == RefundState::Success)
                r.successAt = r.wxCreatedAt + rng.range(1, 180);
            r.billCopies = r.billState != RefundState::None ? 1 : 0;
            day.refunds.push_back(r);
        }
    }
};

} // namespace

const char *tradeStateName(TradeState s)
{
    switch (s) {
    case TradeState::None:
        return "";
    case TradeState::Success:
        return "SUCCESS";
    case TradeState::Refund:
        return "REFUND";
    case TradeState::NotPay:
        return "NOTPAY";
    case TradeState::Closed:
        return "CLOSED";
    case TradeState::Revoked:
        return "REVOKED";
    case TradeState::UserPaying:
        return "USERPAYING";
    case TradeState::PayError:
        return "PAYERROR";
    }
    return "";
}

const char *refundStateName(RefundState s)
{
    switch (s) {
    case RefundState::None:
        return "";
    case RefundState::Success:
        return "SUCCESS";
    case RefundState::Processing:
        return "PROCESSING";
    case RefundState::Closed:
        return "CLOSED";
    case RefundState::Abnormal:
        return "ABNORMAL";
    }
    return "";
}

namespace {

QByteArray compactDate(qint64 utc)
{
    const QDate d = cst::billDateOf(utc);
    char buf[9];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year(), d.month(), d.day());
    return QByteArray(buf, 8);
}

QByteArray padded(quint64 v, int width)
{
    return QByteArray::number(v).rightJustified(width, '0');
}

} // namespace

QByteArray SimDay::outTradeNo(const SimOrder &o) const
{
    return 'T' + compactDate(o.createdAt) + padded(o.seq, 8);
}

QByteArray SimDay::transactionId(const SimOrder &o) const
{
    if (o.wxPaidAt == 0)
        return {};
    return "420000" + padded(txPrefix, 4) + compactDate(o.wxPaidAt) + padded(o.seq, 10);
}

QByteArray SimDay::outRefundNo(const SimRefund &r) const
{
    return 'R' + compactDate(r.wxCreatedAt) + padded(r.seq, 8);
}

QByteArray SimDay::refundId(const SimRefund &r) const
{
    return "5030" + padded(refundPrefix, 7) + compactDate(r.wxCreatedAt) + padded(r.seq, 10);
}

QByteArray SimDay::openid(const SimOrder &o) const
{
    static constexpr char kAlphabet[]
        = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    QByteArray id(28, 'o');
    quint64 h = mix64(payerSalt ^ o.payer);
    for (int i = 1; i < 28; ++i) {
        if (i % 10 == 0)
            h = mix64(h);
        id[i] = kAlphabet[(h >> (6 * (i % 10))) & 63];
    }
    return id;
}

MilliFen SimDay::paymentFee(const SimOrder &o) const
{
    if (o.billState == TradeState::Revoked)
        return 0;
    // settlement (fen) × rate (0.01 %) = fee in 1/10000 fen; ÷ 10 → milli-fen, rounded half up.
    return (settlement(o) * o.feeBp + 5) / 10;
}

MilliFen SimDay::refundFee(const SimRefund &r) const
{
    const SimOrder &o = orders[r.order];
    return -(((r.amount - r.couponRefund) * o.feeBp + 5) / 10);
}

QByteArray SimDay::feeRateText(const SimOrder &o) const
{
    return QByteArray::number(o.feeBp / 100) + '.' + padded(o.feeBp % 100, 2) + '%';
}

SimDay generateDay(const DayOptions &opt)
{
    SimDay day;
    day.options = opt;
    std::tie(day.dayStart, day.dayEnd) = cst::dayBounds(opt.date);
    Builder b{opt, day, Rng(mix64(opt.seed) ^ static_cast<quint64>(opt.date.toJulianDay())), 1, 0};
    b.couponPerMillion = static_cast<quint32>(std::llround(opt.rate(Scenario::Coupon) * 1e6));
    day.mchid = opt.mchid.toLatin1();
    for (int i = 0; i < 3; ++i)
        day.appids.push_back("wx" + QByteArray::number(b.rng.next(), 16).rightJustified(16, '0'));
    day.banks = {"OTHERS",    "CMB_DEBIT",  "ICBC_DEBIT", "CCB_DEBIT",  "ABC_DEBIT",
                 "BOC_DEBIT", "CMB_CREDIT", "CCB_CREDIT", "SPDB_DEBIT", "COMM_DEBIT"};
    day.products = {"咖啡",   "拿铁咖啡", "会员月卡", "午餐套餐",   "矿泉水",
                    "停车费", "电影票",   "外卖订单", "充电宝租借", "Coffee beans"};
    day.txPrefix = static_cast<quint32>(b.rng.below(10000));
    day.refundPrefix = static_cast<quint32>(b.rng.below(10000000));
    day.payerSalt = b.rng.next();
    const qint64 n = opt.orders;
    b.payers = static_cast<quint32>(std::max<qint64>(1, n / 3));

    // Roles of the day's own orders: the special cases first, then shuffled into the crowd.
    std::vector<OrderRole> roles(static_cast<size_t>(n), OrderRole::Normal);
    size_t next = 0;
    const auto assign = [&](OrderRole role, qint64 count) {
        for (qint64 i = 0; i < count && next < roles.size(); ++i)
            roles[next++] = role;
    };
    const qint64 duplicates = opt.count(Scenario::DuplicateInBill);
    assign(OrderRole::MissingInLedger, opt.count(Scenario::MissingInLedger));
    assign(OrderRole::MissingInBill, opt.count(Scenario::MissingInBill));
    assign(OrderRole::AmountMismatch, opt.count(Scenario::AmountMismatch));
    assign(OrderRole::StatusMismatch, opt.count(Scenario::StatusMismatch));
    assign(OrderRole::DuplicateInBill, (duplicates + 1) / 2);
    assign(OrderRole::CrossDayPending, opt.count(Scenario::CrossDayPending));
    assign(OrderRole::AfterMidnight, opt.count(Scenario::AfterMidnight));
    assign(OrderRole::Revoked, opt.count(Scenario::Revoked));
    assign(OrderRole::Unpaid, opt.count(Scenario::Unpaid));
    shuffle(roles, b.rng);

    const qint64 previousDay = opt.count(Scenario::PreviousDay);
    const qint64 olderRefunds = opt.count(Scenario::OlderRefund);
    day.orders.reserve(static_cast<size_t>(n + previousDay + olderRefunds));
    qint64 statusIndex = 0;
    for (OrderRole role : roles)
        day.orders.push_back(b.make(role, role == OrderRole::StatusMismatch ? statusIndex++ : 0));
    for (qint64 i = 0; i < previousDay; ++i)
        day.orders.push_back(b.make(OrderRole::PreviousDay, 0));
    for (qint64 i = 0; i < olderRefunds; ++i)
        day.orders.push_back(b.make(OrderRole::OlderRefundHost, 0));

    // Merchant order numbers grow with creation time, as a real order system's do.
    std::stable_sort(
        day.orders.begin(), day.orders.end(),
        [](const SimOrder &a, const SimOrder &c) { return a.createdAt < c.createdAt; });
    for (size_t i = 0; i < day.orders.size(); ++i)
        day.orders[i].seq = static_cast<quint32>(i + 1);

    // Refunds: this day's ordinary payments, then the older orders (always refunded here).
    const qint64 s = day.dayStart;
    const qint64 e = day.dayEnd;
    std::vector<quint32> candidates;
    std::vector<quint32> hosts;
    for (size_t i = 0; i < day.orders.size(); ++i) {
        const SimOrder &o = day.orders[i];
        if (o.role == OrderRole::Normal && o.wxPaidAt + 60 <= e - kRefundMargin)
            candidates.push_back(static_cast<quint32>(i));
        else if (o.role == OrderRole::OlderRefundHost)
            hosts.push_back(static_cast<quint32>(i));
    }
    for (quint32 oi : pick(candidates, static_cast<size_t>(opt.count(Scenario::Refund)), b.rng))
        b.refundsFor(oi, std::max(day.orders[oi].wxPaidAt + 60, s + 600), e - kRefundMargin, true);
    for (quint32 oi : hosts)
        b.refundsFor(oi, s + 600, e - kRefundMargin, false);

    // Refund discrepancies and duplicated refund rows, on clean refunds only.
    std::vector<quint32> clean;
    for (size_t i = 0; i < day.refunds.size(); ++i) {
        const SimRefund &r = day.refunds[i];
        if (r.billCopies == 1
            && (r.ledgerState == RefundState::Success || r.ledgerState == RefundState::Processing))
            clean.push_back(static_cast<quint32>(i));
    }
    const auto mismatches = static_cast<size_t>(opt.count(Scenario::RefundMismatch));
    const auto refundDuplicates = static_cast<size_t>(duplicates / 2);
    const std::vector<quint32> chosen = pick(clean, mismatches + refundDuplicates, b.rng);
    for (size_t k = 0; k < chosen.size(); ++k) {
        SimRefund &r = day.refunds[chosen[k]];
        r.injected = true;
        if (k >= mismatches) {
            r.billCopies = 2;
            continue;
        }
        switch (k % 4) {
        case 0: // in the bill, unknown to the ledger
            r.ledgerState = RefundState::None;
            break;
        case 1: // amounts differ
            r.ledgerAmount = r.amount > 1 ? r.amount - b.rng.range(1, r.amount - 1)
                                          : r.amount + b.rng.range(1, 100);
            break;
        case 2: // in the bill, but the ledger closed it
            r.ledgerState = RefundState::Closed;
            break;
        default: // the ledger believes in a refund WeChat never accepted
            r.wxState = r.billState = RefundState::None;
            r.billCopies = 0;
            r.successAt = 0;
            break;
        }
    }

    // Refund ids grow with acceptance time.
    std::stable_sort(
        day.refunds.begin(), day.refunds.end(),
        [](const SimRefund &a, const SimRefund &c) { return a.wxCreatedAt < c.wxCreatedAt; });
    for (size_t i = 0; i < day.refunds.size(); ++i) {
        SimRefund &r = day.refunds[i];
        r.seq = static_cast<quint32>(i + 1);
        SimOrder &o = day.orders[r.order];
        if (r.wxState != RefundState::None && o.wxState == TradeState::Success)
            o.wxState = TradeState::Refund;
        if ((r.ledgerState == RefundState::Success || r.ledgerState == RefundState::Processing
             || r.ledgerState == RefundState::Abnormal)
            && o.ledgerState == TradeState::Success)
            o.ledgerState = TradeState::Refund;
    }

    rebuildBillAndTruth(day);
    return day;
}

void rebuildBillAndTruth(SimDay &day)
{
    const qint64 s = day.dayStart;
    const qint64 e = day.dayEnd;
    const auto onDay = [s, e](qint64 t) {
        return t >= s && t < e;
    };

    day.bill.clear();
    for (size_t i = 0; i < day.orders.size(); ++i) {
        const SimOrder &o = day.orders[i];
        for (int c = 0; c < o.billCopies; ++c)
            day.bill.push_back({o.wxPaidAt, static_cast<quint32>(i), false});
    }
    for (size_t i = 0; i < day.refunds.size(); ++i) {
        const SimRefund &r = day.refunds[i];
        for (int c = 0; c < r.billCopies; ++c)
            day.bill.push_back({r.wxCreatedAt, static_cast<quint32>(i), true});
    }
    std::stable_sort(day.bill.begin(), day.bill.end(), [](const BillEntry &a, const BillEntry &c) {
        return a.time != c.time ? a.time < c.time : (a.refund != c.refund ? !a.refund : false);
    });

    enum { MissingInLedger, MissingInBill, Amount, Status, Refund, Duplicate, CrossDay };
    std::vector<TruthRow> &truth = day.truth;
    truth.clear();
    const auto isPaid = [](TradeState st) {
        return st == TradeState::Success || st == TradeState::Refund;
    };
    const auto ledgerTxid = [&day](const SimOrder &o) {
        return o.ledgerState != TradeState::None && o.ledgerHasTxid ? day.transactionId(o)
                                                                    : QByteArray();
    };
    for (const SimOrder &o : day.orders) {
        if (o.billCopies > 0) {
            const QByteArray billStatus = tradeStateName(o.billState);
            if (o.ledgerState == TradeState::None) {
                truth.push_back({MissingInLedger,
                                 day.outTradeNo(o),
                                 day.transactionId(o),
                                 {},
                                 billStatus,
                                 {},
                                 o.amount,
                                 {},
                                 {},
                                 {}});
            } else {
                const bool ledgerPaid = isPaid(o.ledgerState);
                const bool statusDiffers = (o.billState == TradeState::Success && !ledgerPaid)
                                           || (o.billState == TradeState::Revoked && ledgerPaid);
                if (statusDiffers || (ledgerPaid && o.ledgerAmount != o.amount))
                    truth.push_back({statusDiffers ? Status : Amount,
                                     day.outTradeNo(o),
                                     day.transactionId(o),
                                     tradeStateName(o.ledgerState),
                                     billStatus,
                                     o.ledgerAmount,
                                     o.amount,
                                     {},
                                     {},
                                     {}});
            }
            if (o.billCopies > 1) {
                TruthRow row{Duplicate,
                             day.outTradeNo(o),
                             day.transactionId(o),
                             tradeStateName(o.ledgerState),
                             billStatus,
                             {},
                             o.amount,
                             {},
                             {},
                             {}};
                if (o.ledgerState != TradeState::None)
                    row.ledgerAmount = o.ledgerAmount;
                truth.push_back(row);
            }
        } else if (isPaid(o.ledgerState) && onDay(o.ledgerPaidAt)) {
            const bool window = e - o.ledgerPaidAt <= day.options.crossDayWindowSeconds;
            truth.push_back({window ? CrossDay : MissingInBill,
                             day.outTradeNo(o),
                             ledgerTxid(o),
                             tradeStateName(o.ledgerState),
                             {},
                             o.ledgerAmount,
                             {},
                             {},
                             {},
                             {}});
        }
    }
    for (const SimRefund &r : day.refunds) {
        const SimOrder &o = day.orders[r.order];
        const bool inLedger = r.ledgerState != RefundState::None;
        if (r.billCopies > 0) {
            const bool differs
                = !inLedger || r.ledgerState == RefundState::Closed || r.ledgerAmount != r.amount;
            if (!differs && r.billCopies < 2)
                continue;
            TruthRow row{Refund,
                         day.outTradeNo(o),
                         day.transactionId(o),
                         refundStateName(r.ledgerState),
                         refundStateName(r.billState),
                         {},
                         {},
                         day.outRefundNo(r),
                         {},
                         r.amount};
            if (inLedger)
                row.ledgerRefund = r.ledgerAmount;
            if (differs)
                truth.push_back(row);
            if (r.billCopies > 1) {
                row.kind = Duplicate;
                truth.push_back(row);
            }
        } else if (onDay(r.ledgerCreatedAt)
                   && (r.ledgerState == RefundState::Success
                       || r.ledgerState == RefundState::Processing
                       || r.ledgerState == RefundState::Abnormal)) {
            truth.push_back({Refund,
                             day.outTradeNo(o),
                             ledgerTxid(o),
                             refundStateName(r.ledgerState),
                             {},
                             {},
                             {},
                             day.outRefundNo(r),
                             r.ledgerAmount,
                             {}});
        }
    }
    std::sort(truth.begin(), truth.end(), [](const TruthRow &a, const TruthRow &c) {
        if (a.kind != c.kind)
            return a.kind < c.kind;
        if (a.outTradeNo != c.outTradeNo)
            return a.outTradeNo < c.outTradeNo;
        return a.outRefundNo < c.outRefundNo;
    });
}

} // namespace wxr::sim
