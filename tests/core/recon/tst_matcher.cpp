// SPDX-License-Identifier: GPL-3.0-or-later
// Tests core/recon/matcher.*: every kind and edge of docs/reconciliation.md as a table.
// Records are written as "|"-separated fields; times are bill times (CST) on 2026-11-25 = D.
#include "recon/matcher.h"

#include <QTest>

#include <map>

using namespace wxr;
using namespace wxr::core;

namespace {

const QDate kD(2026, 11, 25);

using Lines = std::vector<std::string>;

// A table row's input, built with chained setters.
struct Case
{
    Lines o; // ledger orders: out_trade_no|transaction_id|status|amount|paid_at
    Lines r; // ledger refunds: out_refund_no|out_trade_no|status|amount|created_at
    Lines p; // bill payments: out_trade_no|transaction_id|trade_state|订单金额|time (unused)
    Lines br; // bill refunds: out_refund_no|out_trade_no|transaction_id|退款状态|申请退款金额|time
    Lines elsewhere; // out_trade_nos billed by another date's bill
    bool next = false;
    bool refundsCovered = true;

    Case &orders(Lines v) { return o = std::move(v), *this; }
    Case &refunds(Lines v) { return r = std::move(v), *this; }
    Case &payments(Lines v) { return p = std::move(v), *this; }
    Case &billRefunds(Lines v) { return br = std::move(v), *this; }
    Case &billedElsewhere(Lines v) { return elsewhere = std::move(v), *this; }
    Case &nextDayBill() { return next = true, *this; }
    Case &noRefundRows() { return refundsCovered = false, *this; }
};

std::optional<qint64> time(const QByteArray &text)
{
    if (text.isEmpty())
        return std::nullopt;
    return cst::parseBillTime(std::string_view(text.constData(), size_t(text.size())));
}

// Runs the matcher; returns each discrepancy as the report's columns 2–11, "|"-joined.
Lines run(const Case &c, ReconSummary *summary = nullptr)
{
    std::vector<QByteArrayList> keep; // the views below point into these
    const auto split = [&](const std::string &s) -> const QByteArrayList & {
        keep.push_back(QByteArray::fromStdString(s).split('|'));
        return keep.back();
    };
    keep.reserve(200);
    const auto v = [](const QByteArray &b) {
        return std::string_view(b.constData(), size_t(b.size()));
    };
    MatchInput in;
    in.billDate = kD;
    in.nextDayBillImported = c.next;
    in.refundsCovered = c.refundsCovered;
    std::map<std::string_view, std::string_view> transactionIds; // as the ledger's column
    for (const std::string &s : c.o) {
        const auto &f = split(s);
        in.orders.push_back({v(f[0]), f[2].constData(), f[3].toLongLong(),
                             time(f[4]).value_or(LedgerOrderRecord::kUnpaid)});
        transactionIds.emplace(v(f[0]), v(f[1]));
    }
    in.orderTransactionId = [&](const LedgerOrderRecord &o) {
        const auto it = transactionIds.find(o.outTradeNo);
        return it == transactionIds.end() ? std::string_view() : it->second;
    };
    for (const std::string &s : c.r) {
        const auto &f = split(s);
        in.ledgerRefunds.push_back({v(f[0]), v(f[1]), v(f[2]), f[3].toLongLong(), time(f[4])});
    }
    for (const std::string &s : c.p) {
        const auto &f = split(s);
        in.payments.push_back({v(f[0]), v(f[1]), f[2].constData(), f[3].toLongLong(),
                               f[3].toLongLong(), f[3].toLongLong() * 6});
    }
    for (const std::string &s : c.br) {
        const auto &f = split(s);
        in.refunds.push_back({v(f[0]), v(f[1]), v(f[2]), v(f[3]), f[4].toLongLong(),
                              -f[4].toLongLong() * 6, *time(f[5])});
    }
    for (const std::string &s : c.elsewhere)
        in.billedElsewhere.insert(v(split(s)[0]));
    const MatchResult r = match(in);
    if (summary)
        *summary = r.summary;
    Lines out;
    const auto opt = [](std::optional<Fen> x) {
        return x ? QString::number(*x) : QString();
    };
    for (const Discrepancy &d : r.discrepancies) {
        Q_ASSERT(d.billDate == kD && d.state == DiscrepancyState::Open && d.note.isEmpty());
        out.push_back(QStringList{discrepancyKindName(d.kind), d.outTradeNo, d.transactionId,
                                  d.ledgerStatus, d.billStatus, opt(d.ledgerAmountFen),
                                  opt(d.billAmountFen), d.outRefundNo, opt(d.ledgerRefundFen),
                                  opt(d.billRefundFen)}
                          .join(u'|')
                          .toStdString());
    }
    return out;
}

} // namespace

Q_DECLARE_METATYPE(Case)
Q_DECLARE_METATYPE(Lines)

class tst_Matcher final : public QObject
{
    Q_OBJECT

private slots:
    void rules_data()
    {
        QTest::addColumn<Case>("input");
        QTest::addColumn<Lines>("expected");

        const std::string paid = "T1|4201|SUCCESS|1250|2026-11-25 09:00:02";
        const std::string row = "T1|4201|SUCCESS|1250|2026-11-25 09:00:00";

        QTest::newRow("clean match") << Case().orders({paid}).payments({row}) << Lines{};
        QTest::newRow("empty day") << Case() << Lines{};
        QTest::newRow("empty bill, paid order")
            << Case().orders({paid}) << Lines{"MISSING_IN_BILL|T1|4201|SUCCESS||1250||||"};
        QTest::newRow("missing in ledger")
            << Case().payments({row}) << Lines{"MISSING_IN_LEDGER|T1|4201||SUCCESS||1250|||"};
        QTest::newRow("missing in bill, no transaction id")
            << Case().orders({"T2||SUCCESS|300|2026-11-25 12:00:00"})
            << Lines{"MISSING_IN_BILL|T2||SUCCESS||300||||"};
        QTest::newRow("refunded order missing in bill")
            << Case().orders({"T2|4202|REFUND|300|2026-11-25 12:00:00"})
            << Lines{"MISSING_IN_BILL|T2|4202|REFUND||300||||"};
        QTest::newRow("billed by another date's bill")
            << Case().orders({"T2|4202|SUCCESS|300|2026-11-25 12:00:00"}).billedElsewhere({"T2"})
            << Lines{};
        QTest::newRow("unpaid orders are not missing")
            << Case().orders({"T2||NOTPAY|300|", "T3||CLOSED|300|"}) << Lines{};
        QTest::newRow("amount mismatch")
            << Case().orders({"T1|4201|SUCCESS|1200|2026-11-25 09:00:02"}).payments({row})
            << Lines{"AMOUNT_MISMATCH|T1|4201|SUCCESS|SUCCESS|1200|1250|||"};
        QTest::newRow("ledger REFUND matches bill SUCCESS")
            << Case().orders({"T1|4201|REFUND|1250|2026-11-25 09:00:02"}).payments({row})
            << Lines{};
        QTest::newRow("lost callback: NOTPAY vs SUCCESS")
            << Case().orders({"T1||NOTPAY|1250|"}).payments({row})
            << Lines{"STATUS_MISMATCH|T1|4201|NOTPAY|SUCCESS|1250|1250|||"};
        QTest::newRow("status wins over amount")
            << Case().orders({"T1||USERPAYING|999|"}).payments({row})
            << Lines{"STATUS_MISMATCH|T1|4201|USERPAYING|SUCCESS|999|1250|||"};
        QTest::newRow("CLOSED vs SUCCESS")
            << Case().orders({"T1||CLOSED|1250|"}).payments({row})
            << Lines{"STATUS_MISMATCH|T1|4201|CLOSED|SUCCESS|1250|1250|||"};
        QTest::newRow("PAYERROR vs SUCCESS")
            << Case().orders({"T1||PAYERROR|1250|"}).payments({row})
            << Lines{"STATUS_MISMATCH|T1|4201|PAYERROR|SUCCESS|1250|1250|||"};
        QTest::newRow("REVOKED vs SUCCESS")
            << Case().orders({"T1||REVOKED|1250|"}).payments({row})
            << Lines{"STATUS_MISMATCH|T1|4201|REVOKED|SUCCESS|1250|1250|||"};
        const std::string revokedRow = "T1|4201|REVOKED|1250|2026-11-25 09:00:00";
        QTest::newRow("SUCCESS vs bill REVOKED")
            << Case().orders({paid}).payments({revokedRow})
            << Lines{"STATUS_MISMATCH|T1|4201|SUCCESS|REVOKED|1250|1250|||"};
        QTest::newRow("REFUND vs bill REVOKED")
            << Case().orders({"T1|4201|REFUND|1250|2026-11-25 09:00:02"}).payments({revokedRow})
            << Lines{"STATUS_MISMATCH|T1|4201|REFUND|REVOKED|1250|1250|||"};
        QTest::newRow("REVOKED on both sides")
            << Case().orders({"T1|4201|REVOKED|1250|"}).payments({revokedRow}) << Lines{};
        QTest::newRow("REVOKED on both sides, amounts differ")
            << Case().orders({"T1|4201|REVOKED|1|"}).payments({revokedRow}) << Lines{};

        // Duplicates: one row per duplicated key; the first occurrence is matched normally.
        QTest::newRow("duplicate payment")
            << Case().orders({paid}).payments({row, row})
            << Lines{"DUPLICATE_IN_BILL|T1|4201|SUCCESS|SUCCESS|1250|1250|||"};
        QTest::newRow("triplicate payment, one row")
            << Case().orders({paid}).payments({row, row, row})
            << Lines{"DUPLICATE_IN_BILL|T1|4201|SUCCESS|SUCCESS|1250|1250|||"};
        QTest::newRow("duplicate with amount mismatch")
            << Case().orders({"T1|4201|SUCCESS|1000|2026-11-25 09:00:02"}).payments({row, row})
            << Lines{"AMOUNT_MISMATCH|T1|4201|SUCCESS|SUCCESS|1000|1250|||",
                     "DUPLICATE_IN_BILL|T1|4201|SUCCESS|SUCCESS|1000|1250|||"};
        QTest::newRow("duplicate of an unknown payment")
            << Case().payments({row, row})
            << Lines{"MISSING_IN_LEDGER|T1|4201||SUCCESS||1250|||",
                     "DUPLICATE_IN_BILL|T1|4201||SUCCESS||1250|||"};

        // Refunds.
        const std::string o9 = "T9|4209|REFUND|1000|2026-11-20 10:00:00";
        const std::string r1 = "R1|T9|SUCCESS|400|2026-11-25 10:00:02";
        const std::string b1 = "R1|T9|4209|SUCCESS|400|2026-11-25 10:00:00";
        QTest::newRow("refund matches")
            << Case().orders({o9}).refunds({r1}).billRefunds({b1}) << Lines{};
        QTest::newRow("partial refunds, several, all match")
            << Case()
                   .orders({o9})
                   .refunds({r1, "R2|T9|SUCCESS|300|2026-11-25 11:00:00",
                             "R3|T9|PROCESSING|300|2026-11-25 12:00:00"})
                   .billRefunds({b1, "R2|T9|4209|SUCCESS|300|2026-11-25 11:00:00",
                                 "R3|T9|4209|SUCCESS|300|2026-11-25 12:00:00"})
            << Lines{};
        QTest::newRow("several refunds, one differs")
            << Case()
                   .orders({o9})
                   .refunds({r1, "R2|T9|SUCCESS|350|2026-11-25 11:00:00"})
                   .billRefunds({b1, "R2|T9|4209|SUCCESS|300|2026-11-25 11:00:00"})
            << Lines{"REFUND_MISMATCH|T9|4209|SUCCESS|SUCCESS|||R2|350|300"};
        QTest::newRow("bill refund unknown to the ledger")
            << Case().orders({o9}).billRefunds({b1})
            << Lines{"REFUND_MISMATCH|T9|4209||SUCCESS|||R1||400"};
        QTest::newRow("ledger refund CLOSED, bill has it")
            << Case()
                   .orders({o9})
                   .refunds({"R1|T9|CLOSED|400|2026-11-25 10:00:02"})
                   .billRefunds({b1})
            << Lines{"REFUND_MISMATCH|T9|4209|CLOSED|SUCCESS|||R1|400|400"};
        QTest::newRow("ledger PROCESSING vs bill SUCCESS is fine")
            << Case()
                   .orders({o9})
                   .refunds({"R1|T9|PROCESSING|400|2026-11-25 10:00:02"})
                   .billRefunds({b1})
            << Lines{};
        QTest::newRow("ledger refund the bill lacks")
            << Case().orders({o9}).refunds({"R1|T9|ABNORMAL|400|2026-11-25 10:00:02"})
            << Lines{"REFUND_MISMATCH|T9|4209|ABNORMAL||||R1|400|"};
        QTest::newRow("closed ledger refund the bill lacks is fine")
            << Case().orders({o9}).refunds({"R1|T9|CLOSED|400|2026-11-25 10:00:02"}) << Lines{};
        QTest::newRow("ledger refund of another day is not this day's")
            << Case().orders({o9}).refunds({"R1|T9|SUCCESS|400|2026-11-24 10:00:02"}) << Lines{};
        QTest::newRow("refund of an order unknown to the ledger")
            << Case().refunds({"R1|T8|SUCCESS|400|2026-11-25 10:00:02"})
            << Lines{"REFUND_MISMATCH|T8||SUCCESS||||R1|400|"};
        QTest::newRow("duplicate refund row")
            << Case().orders({o9}).refunds({r1}).billRefunds({b1, b1})
            << Lines{"DUPLICATE_IN_BILL|T9|4209|SUCCESS|SUCCESS|||R1|400|400"};
        QTest::newRow("duplicate refund row the ledger lacks")
            << Case().orders({o9}).billRefunds({b1, b1})
            << Lines{"REFUND_MISMATCH|T9|4209||SUCCESS|||R1||400",
                     "DUPLICATE_IN_BILL|T9|4209||SUCCESS|||R1||400"};
        QTest::newRow("no refund rows imported (SUCCESS bill only)")
            << Case().orders({o9}).refunds({r1}).noRefundRows() << Lines{};

        // Midnight, both ways.
        QTest::newRow("paid in the window: cross-day pending")
            << Case().orders({"T5|4205|SUCCESS|500|2026-11-25 23:58:00"})
            << Lines{"CROSS_DAY_PENDING|T5|4205|SUCCESS||500||||"};
        QTest::newRow("exactly 300 s before midnight: pending")
            << Case().orders({"T5|4205|SUCCESS|500|2026-11-25 23:55:00"})
            << Lines{"CROSS_DAY_PENDING|T5|4205|SUCCESS||500||||"};
        QTest::newRow("301 s before midnight: missing")
            << Case().orders({"T5|4205|SUCCESS|500|2026-11-25 23:54:59"})
            << Lines{"MISSING_IN_BILL|T5|4205|SUCCESS||500||||"};
        QTest::newRow("next day's bill imported: missing")
            << Case().orders({"T5|4205|SUCCESS|500|2026-11-25 23:58:00"}).nextDayBill()
            << Lines{"MISSING_IN_BILL|T5|4205|SUCCESS||500||||"};
        QTest::newRow("in the window, already in the next day's bill")
            << Case()
                   .orders({"T5|4205|SUCCESS|500|2026-11-25 23:58:00"})
                   .billedElsewhere({"T5"})
                   .nextDayBill()
            << Lines{};
        QTest::newRow("paid after midnight by the ledger, booked on D by WeChat")
            << Case()
                   .orders({"T6|4206|SUCCESS|500|2026-11-26 00:00:03"})
                   .payments({"T6|4206|SUCCESS|500|2026-11-25 23:59:58"})
            << Lines{};
        QTest::newRow("paid before midnight of D-1 by the ledger, booked on D")
            << Case()
                   .orders({"T7|4207|SUCCESS|500|2026-11-24 23:59:00"})
                   .payments({"T7|4207|SUCCESS|500|2026-11-25 00:00:10"})
            << Lines{};
        QTest::newRow("paid on D+1 and not billed: not D's business")
            << Case().orders({"T6|4206|SUCCESS|500|2026-11-26 00:00:03"}) << Lines{};

        QTest::newRow("report order")
            << Case()
                   .orders({"B|1|NOTPAY|5|", "C|2|SUCCESS|5|2026-11-25 01:00:00",
                            "A|3|SUCCESS|7|2026-11-25 02:00:00"})
                   .payments(
                       {"B|1|SUCCESS|5|2026-11-25 01:00:00", "A|3|SUCCESS|8|2026-11-25 02:00:00",
                        "Z|9|SUCCESS|1|2026-11-25 03:00:00", "D|8|SUCCESS|1|2026-11-25 04:00:00"})
            << Lines{"MISSING_IN_LEDGER|D|8||SUCCESS||1|||", "MISSING_IN_LEDGER|Z|9||SUCCESS||1|||",
                     "MISSING_IN_BILL|C|2|SUCCESS||5||||",
                     "AMOUNT_MISMATCH|A|3|SUCCESS|SUCCESS|7|8|||",
                     "STATUS_MISMATCH|B|1|NOTPAY|SUCCESS|5|5|||"};
    }

    void rules()
    {
        QFETCH(Case, input);
        QFETCH(Lines, expected);
        // Joined so that a failure prints both sides.
        const auto joined = [](const Lines &lines) {
            QString all;
            for (const std::string &l : lines)
                all += QString::fromStdString(l) + u'\n';
            return all;
        };
        QCOMPARE(joined(run(input)), joined(expected));
    }

    void summary()
    {
        Case c;
        c.o = {"T1|1|SUCCESS|100|2026-11-25 09:00:00", "T2|2|REFUND|200|2026-11-25 10:00:00",
               "T3||NOTPAY|300|", "T4|4|SUCCESS|400|2026-11-25 11:00:00"};
        c.r = {"R1|T2|SUCCESS|50|2026-11-25 12:00:00", "R2|T2|CLOSED|10|2026-11-25 12:00:00"};
        c.p = {"T1|1|SUCCESS|100|2026-11-25 09:00:00", "T2|2|SUCCESS|200|2026-11-25 10:00:00",
               "T3|3|SUCCESS|300|2026-11-25 10:30:00", "T9|9|REVOKED|900|2026-11-25 10:40:00"};
        c.br = {"R1|T2|2|SUCCESS|50|2026-11-25 12:00:00"};
        ReconSummary s;
        const Lines rows = run(c, &s);
        QCOMPARE(s.ledgerPaymentCount, 3);
        QCOMPARE(s.ledgerPaymentFen, 700);
        QCOMPARE(s.billPaymentCount, 3); // REVOKED rows are not payments received
        QCOMPARE(s.billPaymentFen, 600);
        QCOMPARE(s.ledgerRefundCount, 1);
        QCOMPARE(s.ledgerRefundFen, 50);
        QCOMPARE(s.billRefundCount, 1);
        QCOMPARE(s.billRefundFen, 50);
        QCOMPARE(s.billFeeMilli, (100 + 200 + 300 + 900) * 6 - 50 * 6);
        QCOMPARE(s.of(DiscrepancyKind::MissingInBill).count, 1);
        QCOMPARE(s.of(DiscrepancyKind::MissingInBill).ledgerFen, 400);
        QCOMPARE(s.of(DiscrepancyKind::StatusMismatch).count, 1);
        QCOMPARE(s.of(DiscrepancyKind::StatusMismatch).billFen, 300);
        QCOMPARE(s.of(DiscrepancyKind::MissingInLedger).count, 1);
        QCOMPARE(rows.size(), size_t(3));
    }

    // Order records carry no transaction_id: it is asked for the discrepancies that report the
    // ledger's (the bill lacks the order), and only for those; without the callback it stays
    // empty.
    void transactionIdAskedForLedgerSide()
    {
        MatchInput in;
        in.billDate = kD;
        const qint64 t = *time("2026-11-25 09:00:00");
        in.orders = {{"T1", "SUCCESS", 100, t},
                     {"T2", "SUCCESS", 200, t},
                     {"T3", "SUCCESS", 300, t},
                     {"T4", "SUCCESS", 400, t}};
        in.ledgerRefunds = {{"R4", "T4", "SUCCESS", 50, t}};
        in.payments = {{"T1", "4200001", "SUCCESS", 100, 100, 600},
                       {"T2", "4200002", "SUCCESS", 250, 250, 1500}};
        const MatchResult unasked = match(in);
        QCOMPARE(unasked.discrepancies.size(), size_t(4));
        for (const Discrepancy &d : unasked.discrepancies)
            QCOMPARE(d.transactionId, d.outTradeNo == u"T2" ? u"4200002" : u"");

        std::vector<std::string> asked;
        in.orderTransactionId = [&](const LedgerOrderRecord &o) -> std::string_view {
            asked.emplace_back(o.outTradeNo);
            return o.outTradeNo == "T3" ? "4200003" : o.outTradeNo == "T4" ? "4200004" : "?";
        };
        const MatchResult r = match(in);
        QCOMPARE(asked, (std::vector<std::string>{"T3", "T4", "T4"}));
        QCOMPARE(r.discrepancies.size(), size_t(4));
        for (const Discrepancy &d : r.discrepancies) {
            if (d.outTradeNo == u"T2")
                QCOMPARE(d.transactionId, u"4200002"); // the bill's
            else if (d.outTradeNo == u"T3")
                QCOMPARE(d.transactionId, u"4200003"); // asked (missing in the bill)
            else
                QCOMPARE(d.transactionId, u"4200004"); // asked (missing order, its refund)
        }
    }

    // Each notice comes once, before any lookup of the keys it names, and names the keys that
    // are then asked; results are those of the lookups.
    void noticesComeBeforeTheirLookups()
    {
        MatchInput in;
        in.billDate = kD;
        const qint64 t = *time("2026-11-25 09:00:00");
        in.orders
            = {{"T1", "SUCCESS", 100, t}, {"T2", "SUCCESS", 200, t}, {"T3", "SUCCESS", 300, t}};
        in.billedElsewhere.insert("T3");
        in.payments = {{"X1", "4291", "SUCCESS", 50, 50, 300},
                       {"T1", "4201", "SUCCESS", 100, 100, 600},
                       {"X2", "4292", "SUCCESS", 70, 70, 420},
                       {"X1", "4291", "SUCCESS", 50, 50, 300}};
        const LedgerOrderRecord x2{"X2", "NOTPAY", 70, LedgerOrderRecord::kUnpaid};
        std::vector<std::string> log;
        const auto joined = [](const auto &keys) {
            std::string s;
            for (const std::string_view k : keys) {
                if (!s.empty())
                    s += ',';
                s += k;
            }
            return s;
        };
        in.willFindOrders = [&](std::vector<std::string_view> keys) {
            log.push_back("willFind " + joined(keys));
        };
        in.willReportOrders = [&](const std::vector<const LedgerOrderRecord *> &orders) {
            std::vector<std::string_view> keys;
            for (const LedgerOrderRecord *o : orders)
                keys.push_back(o->outTradeNo);
            log.push_back("willReport " + joined(keys));
        };
        in.findOrder = [&](std::string_view key) -> const LedgerOrderRecord * {
            log.push_back("find " + std::string(key));
            return key == "X2" ? &x2 : nullptr;
        };
        in.isBilledElsewhere = [&](std::string_view key) {
            log.push_back("billed " + std::string(key));
            return false;
        };
        in.orderTransactionId = [&](const LedgerOrderRecord &o) -> std::string_view {
            log.push_back("txn " + std::string(o.outTradeNo));
            return "4202";
        };
        const MatchResult r = match(in);
        QCOMPARE(log, (std::vector<std::string>{"willFind X1,X2,X1", "willReport T2", "find X1",
                                                "find X2", "find X1", "billed T2", "txn T2"}));
        std::vector<std::string> rows;
        for (const Discrepancy &d : r.discrepancies)
            rows.push_back(discrepancyKindName(d.kind).toStdString() + " "
                           + d.outTradeNo.toStdString() + " " + d.transactionId.toStdString());
        QCOMPARE(rows, (std::vector<std::string>{
                           "MISSING_IN_LEDGER X1 4291", "MISSING_IN_BILL T2 4202",
                           "STATUS_MISMATCH X2 4292", "DUPLICATE_IN_BILL X1 4291"}));
    }

    // The payments' orders are located by hash bits alone, and confirmed by key: of two orders
    // whose keys share those bits (tst_keyindex candidateNeedsConfirming), a bill row of the
    // second matches the second.
    void keysSharingHashBitsStayApart()
    {
        const Lines rows = run(Case()
                                   .orders({"T671291|4201|SUCCESS|100|2026-11-25 10:00:00",
                                            "T1423278|4202|SUCCESS|200|2026-11-25 10:00:00"})
                                   .payments({"T1423278|4202|SUCCESS|200|2026-11-25 10:00:01"}));
        QCOMPARE(rows, Lines{"MISSING_IN_BILL|T671291|4201|SUCCESS||100||||"});
    }

    // A bill large enough for the payments' positions to be looked up on two threads: which
    // row of a repeated key is the first still follows the file, also when the two rows fall
    // in different halves.
    void largeBillKeepsFileOrder()
    {
        constexpr int n = 10000;
        const auto key = [](int i) {
            return QStringLiteral("T%1").arg(i, 5, 10, QChar(u'0'));
        };
        const auto line = [&](int i, int amount) {
            return QStringLiteral("%1|42%2|SUCCESS|%3|2026-11-25 10:00:00")
                .arg(key(i))
                .arg(i)
                .arg(amount)
                .toStdString();
        };
        Case c;
        for (int i = 0; i < n; ++i)
            c.o.push_back(line(i, 100));
        for (int i = 0; i < n; ++i) {
            if (i == 20)
                c.p.push_back(line(n - 10, 100)); // first of a key repeated in the 2nd half
            c.p.push_back(line(i, i == 10 ? 999 : i == n - 10 ? 555 : 100));
        }
        c.p.push_back(line(10, 100)); // the repeat of a row of the first half
        c.p.push_back("X1|4299|SUCCESS|7|2026-11-25 23:00:00");
        ReconSummary s;
        const Lines rows = run(c, &s);
        QCOMPARE(s.billPaymentCount, n + 3);
        QCOMPARE(s.ledgerPaymentCount, n);
        const Lines expected{"AMOUNT_MISMATCH|T00010|4210|SUCCESS|SUCCESS|100|999|||",
                             "DUPLICATE_IN_BILL|T00010|4210|SUCCESS|SUCCESS|100|100|||",
                             "DUPLICATE_IN_BILL|T09990|429990|SUCCESS|SUCCESS|100|555|||",
                             "MISSING_IN_LEDGER|X1|4299||SUCCESS||7|||"};
        QCOMPARE(rows.size(), expected.size());
        for (const std::string &e : expected)
            QVERIFY2(std::find(rows.begin(), rows.end(), e) != rows.end(), e.c_str());
    }
};

QTEST_GUILESS_MAIN(tst_Matcher)
#include "tst_matcher.moc"
