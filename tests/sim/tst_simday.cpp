// SPDX-License-Identifier: GPL-3.0-or-later
// The day generator (gen-day): deterministic output, bill layout per spec §7.6–7.8 with
// exact summary invariants, and a truth.csv that an independent reading of the rules in
// docs/reconciliation.md reproduces byte for byte from the written files.
#include "billcheck.h"
#include "common/cstime.h"
#include "dayfiles.h"
#include "dayoptions.h"
#include "simday.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include <algorithm>

using namespace wxr;
using namespace wxr::sim;
using wxr::simtest::readBill;
using wxr::simtest::readCsv;
using wxr::simtest::scaled;

Q_DECLARE_METATYPE(wxr::sim::DayOptions)

namespace {

DayOptions options(qint64 orders, quint64 seed)
{
    DayOptions o;
    o.orders = orders;
    o.seed = seed;
    o.date = QDate(2026, 11, 25);
    return o;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QByteArray gunzip(const QByteArray &in)
{
    z_stream z{};
    inflateInit2(&z, 15 + 16);
    QByteArray out;
    char buf[65536];
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    z.avail_in = static_cast<uInt>(in.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef *>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buf, static_cast<qsizetype>(sizeof buf - z.avail_out));
    }
    inflateEnd(&z);
    return rc == Z_STREAM_END ? out : QByteArray();
}

// --- an independent reading of docs/reconciliation.md ------------------------------------

struct Row
{
    int kind;
    QByteArray otn, txid, ls, bs, la, ba, orn, lr, br;
};

const QList<QByteArray> kKinds
    = {"MISSING_IN_LEDGER", "MISSING_IN_BILL",   "AMOUNT_MISMATCH",  "STATUS_MISMATCH",
       "REFUND_MISMATCH",   "DUPLICATE_IN_BILL", "CROSS_DAY_PENDING"};

QByteArray fenText(const QByteArray &yuan)
{
    return QByteArray::number(scaled(yuan, 2).value_or(-999999));
}

QByteArray reconcile(const QByteArray &allBill, const QByteArray &ordersCsv,
                     const QByteArray &refundsCsv, QDate date, int window)
{
    const auto bill = readBill(allBill);
    const auto orders = readCsv(ordersCsv);
    const auto refunds = readCsv(refundsCsv);
    const auto [start, end] = cst::dayBounds(date);
    const auto onDay = [start = start, end = end](const QByteArray &rfc) {
        const auto t = cst::parseRfc3339(std::string_view(rfc.constData(), rfc.size()));
        return t && *t >= start && *t < end;
    };
    QHash<QByteArray, QHash<QByteArray, QByteArray>> ledgerOrders, ledgerRefunds;
    for (const auto &o : orders)
        ledgerOrders.insert(o.value("out_trade_no"), o);
    for (const auto &r : refunds)
        ledgerRefunds.insert(r.value("out_refund_no"), r);

    const int cTime = bill.column("交易时间"), cStatus = bill.column("交易状态"),
              cOtn = bill.column("商户订单号"), cTx = bill.column("微信订单号"),
              cOrn = bill.column("商户退款单号"), cAmount = bill.column("订单金额"),
              cRefund = bill.column("申请退款金额"), cRefundState = bill.column("退款状态");
    Q_UNUSED(cTime);
    QHash<QByteArray, int> seenPay, seenRefund;
    QList<QList<QByteArray>> firstPay, firstRefund;
    for (const auto &f : bill.rows) {
        if (f[cStatus] == "REFUND") {
            if (seenRefund[f[cOrn]]++ == 0)
                firstRefund << f;
        } else if (seenPay[f[cOtn]]++ == 0) {
            firstPay << f;
        }
    }
    QList<Row> out;
    const auto paid = [](const QByteArray &s) {
        return s == "SUCCESS" || s == "REFUND";
    };
    for (const auto &f : firstPay) {
        const QByteArray otn = f[cOtn];
        const QByteArray ba = fenText(f[cAmount]);
        if (!ledgerOrders.contains(otn)) {
            out << Row{0, otn, f[cTx], {}, f[cStatus], {}, ba, {}, {}, {}};
        } else {
            const auto &l = ledgerOrders[otn];
            const bool lp = paid(l.value("status"));
            const bool statusDiff
                = (f[cStatus] == "SUCCESS" && !lp) || (f[cStatus] == "REVOKED" && lp);
            if (statusDiff)
                out << Row{
                    3,  otn, f[cTx], l.value("status"), f[cStatus], l.value("amount_fen"), ba,
                    {}, {},  {}};
            else if (lp && f[cStatus] == "SUCCESS" && l.value("amount_fen") != ba)
                out << Row{
                    2,  otn, f[cTx], l.value("status"), f[cStatus], l.value("amount_fen"), ba,
                    {}, {},  {}};
        }
        if (seenPay[otn] > 1) {
            const auto l = ledgerOrders.value(otn);
            out << Row{5,  otn, f[cTx], l.value("status"), f[cStatus], l.value("amount_fen"), ba,
                       {}, {},  {}};
        }
    }
    for (const auto &l : orders) {
        const QByteArray otn = l.value("out_trade_no");
        if (!paid(l.value("status")) || !onDay(l.value("paid_at")) || seenPay.contains(otn))
            continue;
        const QByteArray p = l.value("paid_at");
        const qint64 paidAt = *cst::parseRfc3339(std::string_view(p.constData(), p.size()));
        out << Row{end - paidAt <= window ? 6 : 1,
                   otn,
                   l.value("transaction_id"),
                   l.value("status"),
                   {},
                   l.value("amount_fen"),
                   {},
                   {},
                   {},
                   {}};
    }
    for (const auto &f : firstRefund) {
        const QByteArray orn = f[cOrn];
        const QByteArray br = fenText(f[cRefund]);
        const bool known = ledgerRefunds.contains(orn);
        const auto l = ledgerRefunds.value(orn);
        const Row row{4,  f[cOtn], f[cTx], l.value("status"),     f[cRefundState],
                      {}, {},      orn,    l.value("amount_fen"), br};
        if (!known || l.value("status") == "CLOSED" || l.value("amount_fen") != br)
            out << row;
        if (seenRefund[orn] > 1) {
            out << row;
            out.last().kind = 5;
        }
    }
    for (const auto &l : refunds) {
        const QByteArray st = l.value("status");
        if (seenRefund.contains(l.value("out_refund_no")) || !onDay(l.value("created_at"))
            || !(st == "SUCCESS" || st == "PROCESSING" || st == "ABNORMAL"))
            continue;
        const QByteArray otn = l.value("out_trade_no");
        out << Row{4,
                   otn,
                   ledgerOrders.value(otn).value("transaction_id"),
                   st,
                   {},
                   {},
                   {},
                   l.value("out_refund_no"),
                   l.value("amount_fen"),
                   {}};
    }
    std::sort(out.begin(), out.end(), [](const Row &a, const Row &b) {
        return std::tie(a.kind, a.otn, a.orn) < std::tie(b.kind, b.otn, b.orn);
    });
    QByteArray csv = "\xEF\xBB\xBF"
                     "bill_date,kind,out_trade_no,transaction_id,ledger_status,bill_status,"
                     "ledger_amount_fen,bill_amount_fen,out_refund_no,ledger_refund_fen,"
                     "bill_refund_fen,state,note\r\n";
    const QByteArray d = date.toString(Qt::ISODate).toLatin1();
    for (const Row &r : out)
        csv += d + ',' + kKinds[r.kind] + ',' + r.otn + ',' + r.txid + ',' + r.ls + ',' + r.bs + ','
               + r.la + ',' + r.ba + ',' + r.orn + ',' + r.lr + ',' + r.br + ",OPEN,\r\n";
    return csv;
}

} // namespace

class TstSimDay : public QObject
{
    Q_OBJECT

private slots:
    void deterministic();
    void billLayout_data();
    void billLayout();
    void fundFlow();
    void truthMatchesIndependentRules_data();
    void truthMatchesIndependentRules();
    void injectedCounts_data();
    void injectedCounts();
    void crossMidnightCasesMatch();
    void gzipEqualsPlain();
    void rateSettings_data();
    void rateSettings();
    void validation_data();
    void validation();
    void commandLine_data();
    void commandLine();
    void summaryAndLanguage();
    void fixtureIsUpToDate();
};

void TstSimDay::deterministic()
{
    QTemporaryDir a, b, c;
    QVERIFY_RESULT(writeDayFiles(generateDay(options(2000, 42)), a.path()));
    QVERIFY_RESULT(writeDayFiles(generateDay(options(2000, 42)), b.path()));
    QVERIFY_RESULT(writeDayFiles(generateDay(options(2000, 43)), c.path()));
    const QStringList names = QDir(a.path()).entryList(QDir::Files);
    QCOMPARE(names.size(), 8);
    for (const QString &n : names) {
        QCOMPARE(readFile(b.filePath(n)), readFile(a.filePath(n)));
        QVERIFY2(readFile(c.filePath(n)) != readFile(a.filePath(n)), qPrintable(n));
    }
}

void TstSimDay::billLayout_data()
{
    QTest::addColumn<DayOptions>("opt");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("columns");
    const struct
    {
        const char *name;
        bool bom, crlf, rounded, decimal;
        quint32 couponPct;
    } styles[] = {
        {"fixture style (BOM, CRLF, exact fee total)", true, true, false, false, 0},
        {"plain (no BOM, LF)", false, false, false, false, 0},
        {"fee total rounded, decimal counts", true, false, true, true, 0},
        {"with coupons", true, true, false, false, 30},
    };
    const struct
    {
        const char *name;
        TradeBillType type;
        int columns;
    } types[] = {{"ALL", TradeBillType::All, 27},
                 {"SUCCESS", TradeBillType::Success, 20},
                 {"REFUND", TradeBillType::Refund, 29}};
    for (const auto &s : styles) {
        for (const auto &t : types) {
            DayOptions o = options(1500, 5);
            o.style = {s.bom, s.crlf, s.rounded, s.decimal};
            o.rates[static_cast<size_t>(Scenario::Coupon)] = s.couponPct / 100.0;
            QTest::addRow("%s, %s", t.name, s.name) << o << static_cast<int>(t.type) << t.columns;
        }
    }
}

void TstSimDay::billLayout()
{
    QFETCH(DayOptions, opt);
    QFETCH(int, type);
    QFETCH(int, columns);
    const SimDay day = generateDay(opt);
    const auto t = readBill(tradeBill(day, static_cast<TradeBillType>(type)));
    QVERIFY2(t.problem.isEmpty(), qPrintable(t.problem));
    QCOMPARE(t.bom, opt.style.bom);
    QCOMPARE(t.crlf, opt.style.crlf);
    QCOMPARE(t.header.size(), columns);
    QVERIFY(t.rows.size() > 100);

    // Every summary total is the sum of its column; the count is the number of rows.
    const bool success = type == static_cast<int>(TradeBillType::Success);
    QCOMPARE(t.summaryHeader.size(), success ? 4 : 7);
    const auto countText = t.summary[t.summaryColumn("总交易单数")];
    QCOMPARE(countText, QByteArray::number(t.rows.size()) + (opt.style.decimalCounts ? ".0" : ""));
    const QList<QPair<const char *, const char *>> sums = {
        {"应结订单总金额", "应结订单金额"}, {"订单总金额", "订单金额"},
        {"退款总金额", "退款金额"},         {"充值券退款总金额", "充值券退款金额"},
        {"申请退款总金额", "申请退款金额"},
    };
    for (const auto &[total, column] : sums) {
        const int tc = t.summaryColumn(total);
        const int cc = t.column(column);
        if (tc < 0 && cc < 0)
            continue;
        QVERIFY2(tc >= 0 && cc >= 0, total);
        qint64 sum = 0;
        for (const auto &r : t.rows) {
            QVERIFY2(r[cc].contains('.') && r[cc].size() - r[cc].indexOf('.') == 3,
                     r[cc].constData());
            sum += scaled(r[cc], 2).value();
        }
        QCOMPARE(scaled(t.summary[tc], 2).value(), sum);
    }
    MilliFen fees = 0;
    const int feeColumn = t.column("手续费");
    for (const auto &r : t.rows) {
        QCOMPARE(r[feeColumn].size() - r[feeColumn].indexOf('.'), 6); // five decimals
        fees += scaled(r[feeColumn], 5).value();
    }
    const QByteArray feeTotal = t.summary[t.summaryColumn("手续费总金额")];
    if (opt.style.feeTotalRounded)
        QCOMPARE(scaled(feeTotal, 2).value(), money::roundMilliToFen(fees));
    else
        QCOMPARE(scaled(feeTotal, 5).value(), fees);

    // Row shapes of spec §7.7.
    const int cStatus = t.column("交易状态");
    for (const auto &r : t.rows) {
        QVERIFY(cst::parseBillTime(std::string_view(r[0].constData(), r[0].size())).has_value());
        QCOMPARE(r[t.column("特约商户号")], QByteArray("0"));
        QCOMPARE(r[t.column("货币种类")], QByteArray("CNY"));
        QCOMPARE(r[t.column("微信订单号")].size(), 28);
        QVERIFY(r[t.column("费率")].endsWith('%'));
        if (r[cStatus] == "REFUND") {
            QVERIFY(!success);
            QCOMPARE(r[t.column("应结订单金额")], QByteArray("0.00"));
            QCOMPARE(r[t.column("订单金额")], QByteArray("0.00"));
            QCOMPARE(r[t.column("退款类型")], QByteArray("ORIGINAL"));
            QVERIFY(!r[t.column("退款状态")].isEmpty());
            QCOMPARE(r[t.column("微信退款单号")].size(), 29);
            QVERIFY(scaled(r[t.column("申请退款金额")], 2).value() > 0);
            QVERIFY(scaled(r[feeColumn], 5).value() <= 0);
        } else {
            QVERIFY(r[cStatus] == "SUCCESS" || (r[cStatus] == "REVOKED" && columns == 27));
            QVERIFY(scaled(r[t.column("订单金额")], 2).value() > 0);
            const qint64 settle = scaled(r[t.column("应结订单金额")], 2).value();
            QCOMPARE(settle + scaled(r[t.column("代金券金额")], 2).value(),
                     scaled(r[t.column("订单金额")], 2).value());
            if (columns == 27) {
                QCOMPARE(r[t.column("微信退款单号")], QByteArray("0"));
                QCOMPARE(r[t.column("商户退款单号")], QByteArray("0"));
                QCOMPARE(r[t.column("退款金额")], QByteArray("0.00"));
                QCOMPARE(r[t.column("充值券退款金额")], QByteArray("0.00"));
                QCOMPARE(r[t.column("退款类型")], QByteArray());
                QCOMPARE(r[t.column("退款状态")], QByteArray());
                QCOMPARE(r[t.column("申请退款金额")], QByteArray("0.00"));
            }
        }
    }
    if (type == static_cast<int>(TradeBillType::Refund)) {
        // REFUND bill: 交易时间 is the payment, 退款申请时间 the filing time on the bill date.
        for (const auto &r : t.rows)
            QVERIFY(r[t.column("退款申请时间")].startsWith("2026-11-25 "));
    }
    if (opt.rate(Scenario::Coupon) > 0 && type != static_cast<int>(TradeBillType::Refund)) {
        const int cc = t.column("代金券金额");
        QVERIFY(std::any_of(t.rows.cbegin(), t.rows.cend(),
                            [cc](const auto &r) { return r[cc] != "0.00"; }));
    }
}

void TstSimDay::fundFlow()
{
    const SimDay day = generateDay(options(3000, 9));
    const auto t = readBill(fundFlowBill(day));
    QVERIFY2(t.problem.isEmpty(), qPrintable(t.problem));
    QCOMPARE(t.header.size(), 11);
    QCOMPARE(t.summaryHeader.join(','),
             QByteArray("资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额"));
    qint64 credits = 0, debits = 0, creditSum = 0, debitSum = 0;
    std::optional<qint64> balance;
    const int cType = t.column("收支类型"), cAmount = t.column("收支金额(元)"),
              cBalance = t.column("账户结余(元)");
    QVERIFY(cType >= 0 && cAmount >= 0 && cBalance >= 0);
    for (const auto &r : t.rows) {
        const qint64 amount = scaled(r[cAmount], 2).value();
        QVERIFY(amount > 0);
        const bool credit = r[cType] == "收入";
        QVERIFY(credit || r[cType] == "支出");
        (credit ? credits : debits) += 1;
        (credit ? creditSum : debitSum) += amount;
        const qint64 after = scaled(r[cBalance], 2).value();
        if (balance)
            QCOMPARE(after, *balance + (credit ? amount : -amount));
        balance = after;
    }
    QCOMPARE(t.summary[0], QByteArray::number(t.rows.size()));
    QCOMPARE(t.summary[1], QByteArray::number(credits));
    QCOMPARE(scaled(t.summary[2], 2).value(), creditSum);
    QCOMPARE(t.summary[3], QByteArray::number(debits));
    QCOMPARE(scaled(t.summary[4], 2).value(), debitSum);
}

void TstSimDay::truthMatchesIndependentRules_data()
{
    QTest::addColumn<DayOptions>("opt");
    QTest::newRow("defaults, 1000 orders") << options(1000, 7);
    QTest::newRow("defaults, 3000 orders, other seed") << options(3000, 2026);
    DayOptions heavy = options(2000, 3);
    for (Scenario s :
         {Scenario::MissingInLedger, Scenario::MissingInBill, Scenario::AmountMismatch,
          Scenario::StatusMismatch, Scenario::RefundMismatch, Scenario::DuplicateInBill,
          Scenario::CrossDayPending, Scenario::AfterMidnight, Scenario::PreviousDay})
        heavy.rates[static_cast<size_t>(s)] = 0.03;
    heavy.rates[static_cast<size_t>(Scenario::Refund)] = 0.3;
    heavy.rates[static_cast<size_t>(Scenario::Coupon)] = 0.2;
    QTest::newRow("every kind at 3 %, many refunds, coupons") << heavy;
    DayOptions clean = options(1000, 11);
    for (double &r : clean.rates)
        r = 0;
    QTest::newRow("no discrepancies at all") << clean;
    DayOptions tiny = options(40, 13);
    for (Scenario s : {Scenario::MissingInBill, Scenario::RefundMismatch, Scenario::DuplicateInBill,
                       Scenario::CrossDayPending})
        tiny.rates[static_cast<size_t>(s)] = 0.1;
    tiny.rates[static_cast<size_t>(Scenario::Refund)] = 0.5;
    QTest::newRow("tiny day, heavy rates") << tiny;
    DayOptions window = options(1500, 12);
    window.crossDayWindowSeconds = 900;
    QTest::newRow("15-minute cross-day window") << window;
}

void TstSimDay::truthMatchesIndependentRules()
{
    QFETCH(DayOptions, opt);
    QTemporaryDir dir;
    QVERIFY_RESULT(writeDayFiles(generateDay(opt), dir.path()));
    const QByteArray truth = readFile(dir.filePath(QStringLiteral("truth.csv")));
    const QByteArray expected = reconcile(
        readFile(dir.filePath(QStringLiteral("tradebill_ALL_2026-11-25.csv"))),
        readFile(dir.filePath(QStringLiteral("orders.csv"))),
        readFile(dir.filePath(QStringLiteral("refunds.csv"))), opt.date, opt.crossDayWindowSeconds);
    QCOMPARE(truth, expected);
}

void TstSimDay::injectedCounts_data()
{
    QTest::addColumn<DayOptions>("opt");
    QTest::newRow("defaults, 1000 orders") << options(1000, 7);
    QTest::newRow("defaults, 8000 orders") << options(8000, 8);
    DayOptions one = options(1000, 1);
    QVERIFY_RESULT(applyRate(one, QStringLiteral("missing_in_bill=0.01")));
    QVERIFY_RESULT(applyRate(one, QStringLiteral("CROSS_DAY_PENDING=0.005")));
    QTest::newRow("raised rates via KIND=R") << one;
}

void TstSimDay::injectedCounts()
{
    QFETCH(DayOptions, opt);
    const SimDay day = generateDay(opt);
    QHash<int, qint64> byKind;
    for (const TruthRow &t : day.truth)
        ++byKind[t.kind];
    QCOMPARE(byKind.value(0), opt.count(Scenario::MissingInLedger));
    QCOMPARE(byKind.value(1), opt.count(Scenario::MissingInBill));
    QCOMPARE(byKind.value(2), opt.count(Scenario::AmountMismatch));
    QCOMPARE(byKind.value(3), opt.count(Scenario::StatusMismatch));
    QCOMPARE(byKind.value(4), opt.count(Scenario::RefundMismatch));
    QCOMPARE(byKind.value(5), opt.count(Scenario::DuplicateInBill));
    QCOMPARE(byKind.value(6), opt.count(Scenario::CrossDayPending));
    // Every injected kind is present at default rates.
    for (int k = 0; k < kKindCount; ++k)
        QVERIFY2(byKind.value(k) > 0, kKindNames[k]);
}

void TstSimDay::crossMidnightCasesMatch()
{
    DayOptions opt = options(2000, 21);
    opt.rates[static_cast<size_t>(Scenario::AfterMidnight)] = 0.01;
    opt.rates[static_cast<size_t>(Scenario::PreviousDay)] = 0.01;
    const SimDay day = generateDay(opt);
    QSet<QByteArray> inTruth;
    for (const TruthRow &t : day.truth)
        inTruth.insert(t.outTradeNo);
    int after = 0, previous = 0;
    for (const SimOrder &o : day.orders) {
        if (o.role == OrderRole::AfterMidnight) {
            ++after;
            QVERIFY(o.ledgerPaidAt >= day.dayEnd); // ledger: next day
            QVERIFY(o.wxPaidAt < day.dayEnd);      // WeChat booked it on the bill date
            QVERIFY(o.ledgerPaidAt - o.wxPaidAt < 10);
            QCOMPARE(o.billCopies, quint8(1));
            QVERIFY(!inTruth.contains(day.outTradeNo(o)));
        } else if (o.role == OrderRole::PreviousDay) {
            ++previous;
            QVERIFY(o.ledgerPaidAt < day.dayStart);
            QVERIFY(o.wxPaidAt >= day.dayStart);
            QVERIFY(!inTruth.contains(day.outTradeNo(o)));
        } else if (o.role == OrderRole::CrossDayPending) {
            QVERIFY(o.ledgerPaidAt < day.dayEnd);
            QVERIFY(day.dayEnd - o.ledgerPaidAt <= opt.crossDayWindowSeconds);
            QVERIFY(o.wxPaidAt >= day.dayEnd);
            QVERIFY(inTruth.contains(day.outTradeNo(o)));
        }
    }
    QCOMPARE(after, 20);
    QCOMPARE(previous, 20);
}

void TstSimDay::gzipEqualsPlain()
{
    QTemporaryDir dir;
    QVERIFY_RESULT(writeDayFiles(generateDay(options(1500, 4)), dir.path()));
    const QByteArray plain = readFile(dir.filePath(QStringLiteral("tradebill_ALL_2026-11-25.csv")));
    const QByteArray gz = readFile(dir.filePath(QStringLiteral("tradebill_ALL_2026-11-25.csv.gz")));
    QVERIFY(gz.startsWith("\x1f\x8b"));
    QVERIFY(gz.size() < plain.size());
    QCOMPARE(gunzip(gz), plain);
}

void TstSimDay::rateSettings_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<bool>("ok");
    QTest::newRow("upper case") << QStringLiteral("AMOUNT_MISMATCH=0.01") << true;
    QTest::newRow("lower case") << QStringLiteral("refund=0.5") << true;
    QTest::newRow("zero") << QStringLiteral("coupon=0") << true;
    QTest::newRow("unknown kind") << QStringLiteral("LOST=0.1") << false;
    QTest::newRow("no value") << QStringLiteral("REFUND") << false;
    QTest::newRow("above one") << QStringLiteral("REFUND=1.5") << false;
    QTest::newRow("negative") << QStringLiteral("REFUND=-0.1") << false;
    QTest::newRow("not a number") << QStringLiteral("REFUND=lots") << false;
}

void TstSimDay::rateSettings()
{
    QFETCH(QString, setting);
    QFETCH(bool, ok);
    DayOptions o = options(100, 1);
    const Status s = applyRate(o, setting);
    QCOMPARE(s.ok(), ok);
    if (!ok)
        QVERIFY(s.error().message.contains(setting));
}

void TstSimDay::validation_data()
{
    QTest::addColumn<DayOptions>("opt");
    QTest::addColumn<bool>("ok");
    QTest::newRow("defaults") << options(1000, 1) << true;
    QTest::newRow("no orders") << options(0, 1) << false;
    QTest::newRow("too many orders") << options(kMaxOrders + 1, 1) << false;
    DayOptions noDate = options(10, 1);
    noDate.date = QDate();
    QTest::newRow("no date") << noDate << false;
    DayOptions badMchid = options(10, 1);
    badMchid.mchid = QStringLiteral("19x");
    QTest::newRow("bad merchant id") << badMchid << false;
    DayOptions crowded = options(10, 1);
    crowded.rates[static_cast<size_t>(Scenario::Unpaid)] = 0.9;
    QTest::newRow("special cases crowd out the day") << crowded << false;
}

void TstSimDay::validation()
{
    QFETCH(DayOptions, opt);
    QFETCH(bool, ok);
    const Status s = validate(opt);
    QCOMPARE(s.ok(), ok);
    if (!ok)
        QCOMPARE(s.error().code, ErrorCode::InvalidInput);
}

void TstSimDay::commandLine_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("complete")
        << QStringList{QStringLiteral("--orders"), QStringLiteral("300"),
                       QStringLiteral("--date"),   QStringLiteral("2026-11-25"),
                       QStringLiteral("--seed"),   QStringLiteral("5"),
                       QStringLiteral("--rate"),   QStringLiteral("MISSING_IN_BILL=0.02")}
        << 0;
    QTest::newRow("missing --seed")
        << QStringList{QStringLiteral("--orders"), QStringLiteral("300"), QStringLiteral("--date"),
                       QStringLiteral("2026-11-25")}
        << 2;
    QTest::newRow("bad date") << QStringList{QStringLiteral("--orders"),
                                             QStringLiteral("3"),
                                             QStringLiteral("--date"),
                                             QStringLiteral("2026-13-01"),
                                             QStringLiteral("--seed"),
                                             QStringLiteral("5")}
                              << 2;
    QTest::newRow("unknown rate kind")
        << QStringList{QStringLiteral("--orders"), QStringLiteral("3"),
                       QStringLiteral("--date"),   QStringLiteral("2026-11-25"),
                       QStringLiteral("--seed"),   QStringLiteral("5"),
                       QStringLiteral("--rate"),   QStringLiteral("BOGUS=0.1")}
        << 2;
}

void TstSimDay::commandLine()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QTemporaryDir dir;
    QProcess p;
    p.start(QStringLiteral(WXR_BIN_DIR "/wxrecon-sim"),
            QStringList{QStringLiteral("gen-day"), QStringLiteral("--out"), dir.path()} + args);
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), exitCode);
    if (exitCode == 0) {
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("truth.csv"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("tradebill_ALL_2026-11-25.csv.gz"))));
    } else {
        QVERIFY(!p.readAllStandardError().isEmpty());
    }
}

void TstSimDay::summaryAndLanguage()
{
    QTemporaryDir dir;
    const QStringList day{QStringLiteral("gen-day"),
                          QStringLiteral("--out"),
                          dir.path(),
                          QStringLiteral("--orders"),
                          QStringLiteral("500"),
                          QStringLiteral("--date"),
                          QStringLiteral("2026-11-25"),
                          QStringLiteral("--seed"),
                          QStringLiteral("3"),
                          QStringLiteral("--rate"),
                          QStringLiteral("MISSING_IN_LEDGER=0.02")};
    const auto run = [](const QStringList &args, QByteArray *out) {
        QProcess p;
        p.setProcessEnvironment([] {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.remove(QStringLiteral("WXRECON_LANG"));
            return env;
        }());
        p.start(QStringLiteral(WXR_BIN_DIR "/wxrecon-sim"), args);
        if (!p.waitForFinished(30000))
            return -1;
        *out = p.readAllStandardOutput() + p.readAllStandardError();
        return p.exitCode();
    };
    QByteArray out;
    QCOMPARE(run(day, &out), 0);
    // The summary names what orders.csv holds: its data lines, the WeChat-only orders apart.
    const qsizetype inFile = readFile(dir.filePath(QStringLiteral("orders.csv"))).count('\n') - 1;
    QVERIFY2(out.contains(QByteArray(QByteArray::number(inFile) + " of them in orders.csv")),
             out.constData());
    QVERIFY2(!out.contains(QByteArray(" " + QByteArray::number(inFile) + " orders (")),
             out.constData());

    QCOMPARE(run(QStringList{QStringLiteral("--lang"), QStringLiteral("zh_CN")} + day, &out), 0);
    QVERIFY2(out.contains("笔在 orders.csv 中"), out.constData());
    QCOMPARE(run({QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("--help")}, &out),
             2);
    QVERIFY2(out.contains("Unknown language"), out.constData());
}

void TstSimDay::fixtureIsUpToDate()
{
    // tests/data/sim/README.md: the command that made the fixture, as options.
    DayOptions opt = options(400, 7);
    opt.gzip = false;
    for (const char *setting :
         {"MISSING_IN_LEDGER=0.01", "MISSING_IN_BILL=0.01", "AMOUNT_MISMATCH=0.01",
          "STATUS_MISMATCH=0.01", "REFUND_MISMATCH=0.01", "DUPLICATE_IN_BILL=0.01",
          "CROSS_DAY_PENDING=0.01", "AFTER_MIDNIGHT=0.01", "PREVIOUS_DAY=0.01", "REFUND=0.1"})
        QVERIFY_RESULT(applyRate(opt, QString::fromLatin1(setting)));
    QTemporaryDir dir;
    const auto names = writeDayFiles(generateDay(opt), dir.path());
    QVERIFY_RESULT(names);
    const QDir fixture(QStringLiteral(WXR_TEST_DATA_DIR "/sim/day-2026-11-25"));
    QCOMPARE(fixture.entryList(QDir::Files).size(), names->size());
    for (const QString &n : *names)
        QVERIFY2(
            readFile(dir.filePath(n)) == readFile(fixture.filePath(n)),
            qPrintable(
                n + QStringLiteral(" differs from the fixture; see tests/data/sim/README.md")));
}

QTEST_GUILESS_MAIN(TstSimDay)
#include "tst_simday.moc"
