// SPDX-License-Identifier: GPL-3.0-or-later
// Tests core/bill/billparser.* and core/bill/billreader.*: layouts, legacy names, BOM/CRLF,
// separators inside merchant fields, summary invariants, gzip input and every refusal.
#include "bill/billparser.h"
#include "bill/billreader.h"
#include "bill/gzipdecoder.h"
#include "testutil.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QFuture>
#include <QTest>

#include <zlib.h>

using namespace wxr;
using namespace wxr::core;

namespace {

const QByteArray kAllHeader
    = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,"
      "交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,"
      "商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,"
      "手续费,费率,订单金额,申请退款金额,费率备注";
const QByteArray kAllSummaryHeader = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,"
                                     "手续费总金额,订单总金额,申请退款总金额";
const QByteArray kSuccessHeader
    = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,"
      "用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,"
      "商品名称,商户数据包,手续费,费率,订单金额,费率备注";
const QByteArray kRefundHeader
    = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,"
      "交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,退款申请时间,"
      "退款成功时间,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,"
      "退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";
// v2-era layout (spec §7.7): 子商户号, 总金额, 代金券或立减优惠金额, no 订单金额/申请退款金额.
const QByteArray kV2Header
    = "交易时间,公众账号ID,商户号,子商户号,设备号,微信订单号,商户订单号,用户标识,"
      "交易类型,交易状态,付款银行,货币种类,总金额,代金券或立减优惠金额,微信退款单号,"
      "商户退款单号,退款金额,代金券或立减优惠退款金额,退款类型,退款状态,商品名称,"
      "商户数据包,手续费,费率";
const QByteArray kV2SummaryHeader
    = "总交易单数,总交易额,总退款金额,总代金券或立减优惠退款金额,手续费总金额";
const QByteArray kFundHeader
    = "记账时间,微信支付业务单号,资金流水单号,业务名称,业务类型,收支类型,收支金额(元),"
      "账户结余(元),资金变更提交申请人,备注,业务凭证号";
const QByteArray kFundSummaryHeader = "资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额";

QByteArray payment(const char *time, const char *outTradeNo, const char *amount,
                   const char *fee = "0.00000", const char *goods = "Coffee",
                   const char *state = "SUCCESS")
{
    return QByteArray("`") + time + ",`wx0000000000000001,`1900000001,`0,`,`42000" + outTradeNo
           + ",`" + outTradeNo + ",`oUser,`JSAPI,`" + state + ",`OTHERS,`CNY,`" + amount
           + ",`0.00,`0,`0,`0.00,`0.00,`,`,`" + goods + ",`,`" + fee + ",`0.60%,`" + amount
           + ",`0.00,`";
}

QByteArray refund(const char *time, const char *outTradeNo, const char *outRefundNo,
                  const char *amount, const char *fee = "0.00000")
{
    return QByteArray("`") + time + ",`wx0000000000000001,`1900000001,`0,`,`42000" + outTradeNo
           + ",`" + outTradeNo + ",`oUser,`JSAPI,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`503"
           + outRefundNo + ",`" + outRefundNo + ",`" + amount
           + ",`0.00,`ORIGINAL,`SUCCESS,`Coffee,`,`" + fee + ",`0.60%,`0.00,`" + amount + ",`";
}

QByteArray lines(const QList<QByteArray> &ls, const char *eol = "\n", bool finalNewline = true,
                 bool bom = false)
{
    QByteArray out = bom ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    out += ls.join(eol);
    if (finalNewline)
        out += eol;
    return out;
}

QByteArray simpleAll()
{
    return lines({kAllHeader, payment("2026-11-25 09:00:00", "T1", "12.50", "0.07500"),
                  payment("2026-11-25 10:00:00", "T2", "3.00", "0.01800"),
                  refund("2026-11-25 11:00:00", "T1", "R1", "2.00", "-0.01200"), kAllSummaryHeader,
                  "`3,`15.50,`2.00,`0.00,`0.08,`15.50,`2.00"});
}

struct Parsed
{
    Result<BillSummary> summary = Error{};
    QList<QByteArray> keys; // out_trade_no[/out_refund_no] per row
    QList<QByteArray> goods;
    QList<Fen> orderFen;
    QList<bool> flagged;
};

// Feeds `text` in chunks of `chunk` bytes (0: all at once).
Parsed parse(const QByteArray &text, qsizetype chunk = 0)
{
    Parsed p;
    BillParser parser(
        [&](const TradeBillRow &r) -> Status {
            QByteArray key(r.outTradeNo.data(), static_cast<qsizetype>(r.outTradeNo.size()));
            if (r.isRefund())
                key += '/'
                       + QByteArray(r.outRefundNo.data(),
                                    static_cast<qsizetype>(r.outRefundNo.size()));
            p.keys.append(key);
            p.goods.append(
                QByteArray(r.goodsName.data(), static_cast<qsizetype>(r.goodsName.size())));
            p.orderFen.append(r.orderFen);
            p.flagged.append(r.fieldCountMismatch);
            return {};
        },
        [&](const FundFlowRow &r) -> Status {
            p.keys.append(QByteArray(r.flowNo.data(), static_cast<qsizetype>(r.flowNo.size())));
            p.goods.append(QByteArray(r.remark.data(), static_cast<qsizetype>(r.remark.size())));
            p.orderFen.append(r.income ? r.amountFen : -r.amountFen);
            p.flagged.append(r.fieldCountMismatch);
            return {};
        });
    const qsizetype step = chunk > 0 ? chunk : std::max<qsizetype>(1, text.size());
    for (qsizetype i = 0; i < text.size(); i += step) {
        if (Status s = parser.feed(QByteArrayView(text).sliced(i, std::min(step, text.size() - i)));
            !s) {
            p.summary = s.error();
            return p;
        }
    }
    p.summary = parser.finish();
    return p;
}

// `plain` as gzip members; with `fullHeader`, each member's header carries every optional
// field (extra data, file name, comment and the header CRC).
QByteArray gzipped(const QByteArray &plain, int members = 1, bool fullHeader = false)
{
    QByteArray out;
    const qsizetype part = (plain.size() + members - 1) / members;
    for (int m = 0; m < members; ++m) {
        const QByteArray piece = plain.mid(m * part, part);
        z_stream z{};
        deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
        QByteArray extra("ab\x03\x00xyz", 7), name("tradebill.csv"), comment("账单");
        gz_header header{};
        header.extra = reinterpret_cast<Bytef *>(extra.data());
        header.extra_len = static_cast<uInt>(extra.size());
        header.name = reinterpret_cast<Bytef *>(name.data());
        header.comment = reinterpret_cast<Bytef *>(comment.data());
        header.hcrc = 1;
        if (fullHeader)
            deflateSetHeader(&z, &header);
        QByteArray buf(
            static_cast<qsizetype>(deflateBound(&z, static_cast<uLong>(piece.size())) + 64), '\0');
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(piece.data()));
        z.avail_in = static_cast<uInt>(piece.size());
        z.next_out = reinterpret_cast<Bytef *>(buf.data());
        z.avail_out = static_cast<uInt>(buf.size());
        deflate(&z, Z_FINISH);
        buf.truncate(static_cast<qsizetype>(z.total_out));
        deflateEnd(&z);
        out += buf;
    }
    return out;
}

// An archive sink that collects the gzip copy.
ArchiveSink appendTo(QByteArray &copy)
{
    return [&copy](QByteArrayView gzip) -> Status {
        copy.append(gzip);
        return {};
    };
}

} // namespace

class tst_BillParser final : public QObject
{
    Q_OBJECT

private slots:
    void layouts_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<qint64>("payments");
        QTest::addColumn<qint64>("refunds");
        QTest::addColumn<Fen>("orderTotal");
        QTest::addColumn<QByteArrayList>("keys");
        QTest::addColumn<bool>("legacy");

        const QByteArrayList allKeys{"T1", "T2", "T1/R1"};
        QTest::newRow("ALL, LF, final newline") << simpleAll() << int(BillKind::TradeAll) << 2LL
                                                << 1LL << Fen(1550) << allKeys << false;
        QByteArray crlf = simpleAll();
        crlf.replace("\n", "\r\n");
        QTest::newRow("ALL, BOM and CRLF")
            << QByteArray("\xEF\xBB\xBF" + crlf) << int(BillKind::TradeAll) << 2LL << 1LL
            << Fen(1550) << allKeys << false;
        QByteArray noFinal = simpleAll();
        noFinal.chop(1);
        QTest::newRow("ALL, no final newline")
            << noFinal << int(BillKind::TradeAll) << 2LL << 1LL << Fen(1550) << allKeys << false;
        QByteArray blank = simpleAll();
        blank.append("\n\n");
        blank.prepend("\n");
        QTest::newRow("blank lines around")
            << blank << int(BillKind::TradeAll) << 2LL << 1LL << Fen(1550) << allKeys << false;
        QTest::newRow("empty day")
            << lines({kAllHeader, kAllSummaryHeader, "`0,`0.00,`0.00,`0.00,`0.00,`0.00,`0.00"})
            << int(BillKind::TradeAll) << 0LL << 0LL << Fen(0) << QByteArrayList{} << false;
        QTest::newRow("summary count printed as 2.0") << lines(
            {kSuccessHeader,
             "`2026-11-25 09:00:00,`wx1,`1900000001,`0,`,`42001,`T1,`oU,`JSAPI,`SUCCESS,`OTHERS,"
             "`CNY,`10.00,`0.00,`Cake,`,`0.06000,`0.60%,`10.00,`",
             "`2026-11-25 09:00:01,`wx1,`1900000001,`0,`,`42002,`T2,`oU,`JSAPI,`SUCCESS,`OTHERS,"
             "`CNY,`5.00,`0.00,`Cake,`,`0.03000,`0.60%,`5.00,`",
             "总交易单数,应结订单总金额,手续费总金额,订单总金额", "`2.0,`15.0,`0.09,`15.00"})
                                                      << int(BillKind::TradeSuccess) << 2LL << 0LL
                                                      << Fen(1500) << QByteArrayList{"T1", "T2"}
                                                      << false;
        QTest::newRow("REFUND layout") << lines(
            {kRefundHeader,
             "`2026-11-25 11:00:00,`wx1,`1900000001,`0,`,`42001,`T1,`oU,`JSAPI,`REFUND,`OTHERS,"
             "`CNY,`0.00,`0.00,`2026-11-25 11:00:00,`2026-11-25 11:00:05,`5031,`R1,`2.00,`0.00,"
             "`ORIGINAL,`SUCCESS,`Cake,`,`-0.01200,`0.60%,`0.00,`2.00,`",
             "`2026-11-25 12:00:00,`wx1,`1900000001,`0,`,`42002,`T2,`oU,`JSAPI,`REFUND,`OTHERS,"
             "`CNY,`0.00,`0.00,`2026-11-25 12:00:00,`,`5032,`R2,`1.00,`0.00,`ORIGINAL,"
             "`PROCESSING,`Cake,`,`0.00000,`0.60%,`0.00,`1.00,`",
             kAllSummaryHeader, "`2,`0.00,`3.00,`0.00,`-0.01,`0.00,`3.00"})
                                       << int(BillKind::TradeRefund) << 0LL << 2LL << Fen(0)
                                       << QByteArrayList{"T1/R1", "T2/R2"} << false;
        // v2 layout: 总金额 stands in for 订单金额, 退款金额 for 申请退款金额.
        QTest::newRow("v2 legacy headers") << lines(
            {kV2Header,
             "`2026-11-25 09:00:00,`wx1,`1900000001,`0,`,`42001,`T1,`oU,`JSAPI,`SUCCESS,`OTHERS,"
             "`CNY,`7.00,`0.00,`0,`0,`0.00,`0.00,`,`,`Cake,`,`0.04200,`0.60%",
             kV2SummaryHeader, "`1,`7.00,`0.00,`0.00,`0.04"})
                                           << int(BillKind::TradeAll) << 1LL << 0LL << Fen(700)
                                           << QByteArrayList{"T1"} << true;
        QByteArray legacyHeader = kAllHeader;
        legacyHeader.replace("应结订单金额", "总金额").replace("代金券金额", "企业红包金额");
        QTest::newRow("legacy 总金额 and 企业红包金额")
            << lines({legacyHeader, payment("2026-11-25 09:00:00", "T1", "1.00"), kAllSummaryHeader,
                      "`1,`1.00,`0.00,`0.00,`0.00,`1.00,`0.00"})
            << int(BillKind::TradeAll) << 1LL << 0LL << Fen(100) << QByteArrayList{"T1"} << true;
        QByteArray extra = kAllHeader + ",将来新增列";
        QTest::newRow("unknown extra column ignored")
            << lines({extra, payment("2026-11-25 09:00:00", "T1", "1.00") + ",`x",
                      kAllSummaryHeader, "`1,`1.00,`0.00,`0.00,`0.00,`1.00,`0.00"})
            << int(BillKind::TradeAll) << 1LL << 0LL << Fen(100) << QByteArrayList{"T1"} << false;
        QTest::newRow("REVOKED payment row")
            << lines({kAllHeader,
                      payment("2026-11-25 09:00:00", "T1", "4.00", "0.00000", "Cake", "REVOKED"),
                      kAllSummaryHeader, "`1,`4.00,`0.00,`0.00,`0.00,`4.00,`0.00"})
            << int(BillKind::TradeAll) << 1LL << 0LL << Fen(400) << QByteArrayList{"T1"} << false;
        QTest::newRow("fund flow") << lines(
            {kFundHeader,
             "`2026-11-25 09:00:00,`42001,`F1,`交易,`交易,`收入,`12.50,`12.50,`system,`,`T1",
             "`2026-11-25 "
             "09:00:00,`42001,`F2,`交易,`扣除交易手续费,`支出,`0.08,`12.42,`system,`,`T1",
             kFundSummaryHeader, "`2.0,`1.0,`12.50,`1.0,`0.08"})
                                   << int(BillKind::FundFlow) << 0LL << 0LL << Fen(0)
                                   << QByteArrayList{"F1", "F2"} << false;
        QByteArray fullWidth = kFundHeader;
        fullWidth.replace("(元)", "（元）");
        QTest::newRow("fund flow, full-width parentheses")
            << lines({fullWidth,
                      "`2026-11-25 09:00:00,`42001,`F1,`交易,`交易,`收入,`1.00,`1.00,`system,`,`T1",
                      kFundSummaryHeader, "`1,`1,`1.00,`0,`0.00"})
            << int(BillKind::FundFlow) << 0LL << 0LL << Fen(0) << QByteArrayList{"F1"} << false;
    }

    void layouts()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, kind);
        QFETCH(qint64, payments);
        QFETCH(qint64, refunds);
        QFETCH(Fen, orderTotal);
        QFETCH(QByteArrayList, keys);
        QFETCH(bool, legacy);
        // Whole buffer, odd chunks and single bytes must all give the same result.
        for (const qsizetype chunk : {qsizetype(0), qsizetype(7), qsizetype(1)}) {
            const Parsed p = parse(text, chunk);
            QVERIFY_RESULT(p.summary);
            QCOMPARE(int(p.summary->kind), kind);
            QCOMPARE(p.summary->paymentRows, payments);
            QCOMPARE(p.summary->refundRows, refunds);
            QCOMPARE(p.summary->computed.orderFen, orderTotal);
            QCOMPARE(p.summary->legacyLayout, legacy);
            QCOMPARE(QByteArrayList(p.keys), keys);
        }
    }

    void rowValues()
    {
        QFile f(QStringLiteral(WXR_TEST_DATA_DIR "/bill/tradebill_all_bom_crlf.csv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QList<TradeBillRow> rows;
        QList<QByteArray> goods;
        QList<QByteArray> states;
        BillParser parser([&](const TradeBillRow &r) -> Status {
            // The views die with the callback: keep copies, drop the views.
            rows.append(r);
            goods.append(
                QByteArray(r.goodsName.data(), static_cast<qsizetype>(r.goodsName.size())));
            states.append(
                QByteArray(r.tradeState.data(), static_cast<qsizetype>(r.tradeState.size())));
            rows.last() = TradeBillRow{};
            rows.last().line = r.line;
            rows.last().tradeTime = r.tradeTime;
            rows.last().feeMilli = r.feeMilli;
            rows.last().couponFen = r.couponFen;
            rows.last().settlementFen = r.settlementFen;
            rows.last().orderFen = r.orderFen;
            rows.last().refundAppliedFen = r.refundAppliedFen;
            rows.last().fieldCountMismatch = r.fieldCountMismatch;
            return {};
        });
        QPromise<void> promise;
        const auto info = readBill(f, parser, promise);
        QVERIFY_RESULT(info);
        const auto summary = parser.finish();
        QVERIFY_RESULT(summary);
        QVERIFY(summary->hadBom);
        QVERIFY(summary->hadCrlf);
        QVERIFY(!info->gzip);
        // sha1sum tests/data/bill/tradebill_all_bom_crlf.csv
        QCOMPARE(info->sha1Hex, QByteArray("3bbd097f0c24fc43b73b02a739794d790f2b4401"));
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[0].line, 2);
        QCOMPARE(rows[0].tradeTime,
                 *cst::parseRfc3339(std::string_view("2026-11-25T00:00:03+08:00")));
        QCOMPARE(rows[0].feeMilli, MilliFen(7500)); // 0.07500 yuan = 7.5 fen
        QCOMPARE(rows[1].couponFen, Fen(500));
        QCOMPARE(rows[1].settlementFen, Fen(9500));
        QCOMPARE(rows[1].orderFen, Fen(10000));
        // A plain comma inside 商品名称 is not a separator: only ",`" is.
        QCOMPARE(goods[1], QByteArray("Tea, green, large"));
        QVERIFY(!rows[1].fieldCountMismatch);
        QCOMPARE(states[2], QByteArray("REVOKED"));
        QCOMPARE(states[3], QByteArray("REFUND"));
        QCOMPARE(rows[3].refundAppliedFen, Fen(300));
        QCOMPARE(rows[3].feeMilli, MilliFen(-1800));
        QCOMPARE(summary->printed.feeMilli, MilliFen(71000));
        QCOMPARE(summary->computed.feeMilli, MilliFen(70500));
    }

    // A separator (",`") inside a merchant-defined field adds a field: the row is kept, its
    // fixed columns are anchored left and right of 商品名称/商户数据包, and it is flagged.
    void separatorInsideGoodsName()
    {
        const QByteArray text = lines(
            {kAllHeader, payment("2026-11-25 09:00:00", "T1", "1.00", "0.00000", "Tea,`with,`milk"),
             payment("2026-11-25 09:00:01", "T2", "2.00"), kAllSummaryHeader,
             "`2,`3.00,`0.00,`0.00,`0.00,`3.00,`0.00"});
        const Parsed p = parse(text);
        QVERIFY_RESULT(p.summary);
        QCOMPARE(p.summary->flaggedLines, QList<qint64>{2});
        QCOMPARE(p.flagged, (QList<bool>{true, false}));
        QCOMPARE(p.goods[0], QByteArray("Tea,`with,`milk"));
        QCOMPARE(p.orderFen[0], Fen(100));
    }

    void feeRounding_data()
    {
        QTest::addColumn<QByteArray>("printedFee");
        QTest::addColumn<bool>("ok");
        // Row fees 0.00600 + 0.00600 + 0.00600 = 0.018 yuan: exact sum rounds to 0.02, per-row
        // rounding gives 0.03. Both rules are plausible (spec §9.5); anything else is refused.
        QTest::newRow("rounded exact sum") << QByteArray("0.02") << true;
        QTest::newRow("sum of rounded rows") << QByteArray("0.03") << true;
        QTest::newRow("within one fen") << QByteArray("0.01") << true;
        QTest::newRow("five decimals") << QByteArray("0.01800") << true;
        QTest::newRow("two fen off") << QByteArray("0.05") << false;
    }

    void feeRounding()
    {
        QFETCH(QByteArray, printedFee);
        QFETCH(bool, ok);
        const QByteArray text
            = lines({kAllHeader, payment("2026-11-25 09:00:00", "T1", "1.00", "0.00600"),
                     payment("2026-11-25 09:00:01", "T2", "1.00", "0.00600"),
                     payment("2026-11-25 09:00:02", "T3", "1.00", "0.00600"), kAllSummaryHeader,
                     "`3,`3.00,`0.00,`0.00,`" + printedFee + ",`3.00,`0.00"});
        const Parsed p = parse(text);
        QCOMPARE(p.summary.ok(), ok);
        if (!ok)
            QVERIFY2(p.summary.error().message.contains(QStringLiteral("手续费总金额")),
                     qPrintable(p.summary.error().message));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");

        const QByteArray sumHead = kAllSummaryHeader;
        const QByteArray p1 = payment("2026-11-25 09:00:00", "T1", "1.00");
        QTest::newRow("empty file") << QByteArray() << "the file is empty";
        QTest::newRow("unknown layout shows the header")
            << lines({"日期,金额", "`2026-11-25,`1.00"})
            << "unknown bill layout; the header is “日期,金额”";
        QTest::newRow("duplicate column")
            << lines({kAllHeader + ",订单金额"}) << "the header names this column twice";
        QTest::newRow("no summary (truncated)")
            << lines({kAllHeader, p1}) << "the file is truncated";
        QTest::newRow("summary header without values")
            << lines({kAllHeader, p1, sumHead}) << "the file is truncated";
        QTest::newRow("row count mismatch")
            << lines({kAllHeader, p1, sumHead, "`2,`1.00,`0.00,`0.00,`0.00,`1.00,`0.00"})
            << "the summary says “总交易单数” is 2 but the file has 1 detail rows";
        QTest::newRow("order total mismatch")
            << lines({kAllHeader, p1, sumHead, "`1,`1.00,`0.00,`0.00,`0.00,`1.01,`0.00"})
            << "the summary says “订单总金额” is 1.01 yuan but the rows add up to 1.00 yuan";
        QTest::newRow("settlement total mismatch")
            << lines({kAllHeader, p1, sumHead, "`1,`0.99,`0.00,`0.00,`0.00,`1.00,`0.00"})
            << "“应结订单总金额” is 0.99 yuan";
        QTest::newRow("refund total mismatch")
            << lines({kAllHeader, refund("2026-11-25 09:00:00", "T1", "R1", "1.00"), sumHead,
                      "`1,`0.00,`1.10,`0.00,`0.00,`0.00,`1.00"})
            << "“退款总金额” is 1.10 yuan";
        QTest::newRow("fewer fields than header")
            << lines({kAllHeader, "`2026-11-25 09:00:00,`wx1,`1900000001"})
            << "line 2: the row has 3 fields but the header has 27";
        QByteArray badAmount = p1;
        badAmount.replace(",`1.00,`0.00,`", ",`1.005,`0.00,`");
        QTest::newRow("amount below a fen")
            << lines({kAllHeader, badAmount})
            << "line 2, column “应结订单金额”: “1.005” is not an exact amount";
        QTest::newRow("bad time")
            << lines({kAllHeader, payment("2026-11-25 24:00:00", "T1", "1.00")})
            << "line 2, column “交易时间”: “2026-11-25 24:00:00” is not a time";
        QTest::newRow("empty merchant order number")
            << lines({kAllHeader, payment("2026-11-25 09:00:00", "", "1.00")})
            << "the merchant order number is empty";
        QTest::newRow("text after the summary")
            << lines({kAllHeader, p1, sumHead, "`1,`1.00,`0.00,`0.00,`0.00,`1.00,`0.00", "garbage"})
            << "line 5: unexpected text after the summary line";
        QTest::newRow("summary field count")
            << lines({kAllHeader, p1, sumHead, "`1,`1.00"})
            << "the summary line has 2 fields but its header has 7";
        QTest::newRow("plain line instead of a row")
            << lines({kAllHeader, "2026-11-25 09:00:00,wx1"})
            << "expected a detail row or the summary header";
        QTest::newRow("fund flow direction") << lines(
            {kFundHeader, "`2026-11-25 09:00:00,`42001,`F1,`交易,`交易,`其他,`1.00,`1.00,`s,`,`T1"})
                                             << "“其他” is neither 收入 nor 支出";
        QTest::newRow("fund flow income total") << lines(
            {kFundHeader, "`2026-11-25 09:00:00,`42001,`F1,`交易,`交易,`收入,`1.00,`1.00,`s,`,`T1",
             kFundSummaryHeader, "`1,`1,`2.00,`0,`0.00"})
                                                << "“收入金额” is 2.00 yuan";
        QTest::newRow("line too long")
            << lines({kAllHeader, "`" + QByteArray(BillParser::kMaxLineBytes + 10, 'x')})
            << "line 2: the line is longer than";
    }

    void errors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        for (const qsizetype chunk : {qsizetype(0), qsizetype(5)}) {
            const Parsed p = parse(text, chunk);
            QVERIFY2(!p.summary.ok(), "parsing unexpectedly succeeded");
            QCOMPARE(p.summary.error().code, ErrorCode::InvalidInput);
            QVERIFY2(p.summary.error().message.contains(message),
                     qPrintable(p.summary.error().message));
        }
    }

    void callbackErrorStops()
    {
        int calls = 0;
        BillParser parser([&](const TradeBillRow &) -> Status {
            ++calls;
            return makeError(ErrorCode::Database, QStringLiteral("disk full"));
        });
        const Status s = parser.feed(simpleAll());
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::Database);
        QCOMPARE(calls, 1);
        QVERIFY(!parser.finish().ok());
    }

    void gzip_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("error");
        const QByteArray gz = gzipped(simpleAll());
        QTest::newRow("gzip") << gz << QString();
        QTest::newRow("two gzip members") << gzipped(simpleAll(), 2) << QString();
        QTest::newRow("gzip with zero padding")
            << QByteArray(gz + QByteArray(8, '\0')) << QString();
        QTest::newRow("truncated gzip") << gz.left(gz.size() - 12) << "the file is truncated";
        QTest::newRow("truncated gzip header") << gz.left(5) << "the file is truncated";
        // The CRC-32 in the trailer catches corruption that still inflates.
        QByteArray badCrc = gz;
        badCrc[gz.size() - 8] = char(badCrc[gz.size() - 8] ^ 0x55);
        QTest::newRow("gzip CRC mismatch") << badCrc << "gzip data is corrupt";
        QByteArray badHeader = gz;
        badHeader[3] = char(0xff); // reserved flag bits
        QTest::newRow("gzip bad header") << badHeader << "gzip data is corrupt";
    }

    void gzip()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, error);
        QBuffer buffer(&input);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        int rows = 0;
        BillParser parser([&](const TradeBillRow &) -> Status {
            ++rows;
            return {};
        });
        QPromise<void> promise;
        QByteArray copy;
        const auto info = readBill(buffer, parser, promise, appendTo(copy));
        Result<BillSummary> summary
            = info.ok() ? parser.finish() : Result<BillSummary>(info.error());
        if (error.isEmpty()) {
            QVERIFY_RESULT(summary);
            QVERIFY(info->gzip);
            QCOMPARE(rows, 3);
            QCOMPARE(info->plainBytes, simpleAll().size());
            // hash_value is the SHA-1 of the decompressed file (spec §7.3).
            QCOMPARE(info->sha1Hex,
                     QCryptographicHash::hash(simpleAll(), QCryptographicHash::Sha1).toHex());
            QCOMPARE(copy, input);
        } else {
            QVERIFY(!summary.ok());
            QCOMPARE(summary.error().code, ErrorCode::InvalidInput);
            QVERIFY2(summary.error().message.contains(error), qPrintable(summary.error().message));
        }
    }

    // The decoder on its own, fed in pieces of every size: members, zero padding between
    // them and output larger than its buffer come out whole wherever the pieces split them.
    void gzipDecoderStreams_data()
    {
        QTest::addColumn<int>("piece");
        for (const int piece : {1, 3, 7, 4096, 65537, 1 << 22})
            QTest::newRow(qPrintable(QString::number(piece))) << piece;
    }
    void gzipDecoderStreams()
    {
        QFETCH(int, piece);
        QByteArray plain;
        for (int i = 0; plain.size() < 3 * (1 << 20); ++i)
            plain += "`2026-11-25 10:00:00,`T" + QByteArray::number(i * 7919) + ",`SUCCESS\r\n";
        const qsizetype third = plain.size() / 3;
        const QByteArray gz
            = gzipped(plain.left(third)) + QByteArray(5, '\0') + gzipped(plain.mid(third), 2);
        // Single bytes through 3 MiB take long; the small pieces get a prefix of the input.
        const QByteArray input = piece < 4096 ? gzipped(plain.left(200000), 3) : gz;
        const QByteArray expected = piece < 4096 ? plain.left(200000) : plain;
        GzipDecoder decoder;
        QByteArray out;
        for (qsizetype at = 0; at < input.size(); at += piece) {
            QVERIFY_RESULT(decoder.decode(input.mid(at, piece), [&](QByteArrayView d) -> Status {
                out.append(d);
                return {};
            }));
        }
        QVERIFY_RESULT(decoder.finish());
        QCOMPARE(out.size(), expected.size());
        QVERIFY(out == expected);

        // Cut anywhere in the last member: truncated, never silently short.
        GzipDecoder cut;
        const GzipDecoder::Sink ignore = [](QByteArrayView) -> Status {
            return {};
        };
        QVERIFY_RESULT(cut.decode(input.left(input.size() - 3), ignore));
        QVERIFY(!cut.finish().ok());
    }

    // Optional header fields (RFC 1952 FEXTRA, FNAME, FCOMMENT, FHCRC) are skipped and the header
    // CRC checked, whatever the pieces the header arrives in.
    void gzipHeaderFields_data()
    {
        QTest::addColumn<int>("piece");
        for (const int piece : {1, 2, 5, 1 << 20})
            QTest::newRow(qPrintable(QString::number(piece))) << piece;
    }
    void gzipHeaderFields()
    {
        QFETCH(int, piece);
        const QByteArray plain = simpleAll();
        const QByteArray gz = gzipped(plain, 2, true);
        QVERIFY(gz.size() > gzipped(plain, 2).size() + 2 * 20);
        const auto decode = [&](const QByteArray &input, QByteArray &out) -> Status {
            GzipDecoder decoder;
            for (qsizetype at = 0; at < input.size(); at += piece) {
                if (Status s = decoder.decode(input.mid(at, piece),
                                              [&](QByteArrayView d) {
                                                  out.append(d);
                                                  return Status();
                                              });
                    !s)
                    return s;
            }
            return decoder.finish();
        };
        QByteArray out;
        QVERIFY_RESULT(decode(gz, out));
        QCOMPARE(out, plain);

        // The header CRC is the last two bytes before the deflate data: 10 fixed bytes, 2 + 7
        // extra, the name and the comment with their terminating zeros.
        QByteArray badCrc = gz;
        const qsizetype crcAt = 10 + 2 + 7 + 14 + 7;
        badCrc[crcAt] = char(badCrc[crcAt] ^ 0x01);
        out.clear();
        const Status s = decode(badCrc, out);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(u"header crc mismatch"), qPrintable(s.error().message));
        QVERIFY(out.isEmpty());
    }

    // Reserved flag bits in a member's header are refused even when the header arrives split.
    void gzipReservedFlagsSplitHeader()
    {
        QByteArray gz = gzipped(simpleAll());
        gz[3] = char(0x20);
        GzipDecoder decoder;
        const GzipDecoder::Sink ignore = [](QByteArrayView) -> Status {
            return {};
        };
        QVERIFY_RESULT(decoder.decode(gz.left(2), ignore));
        const Status s = decoder.decode(gz.mid(2), ignore);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(u"unknown header flags"),
                 qPrintable(s.error().message));
    }

    // A plain file gets a gzip archive copy that decompresses back to the same bytes.
    void plainArchiveCopy()
    {
        QByteArray input = simpleAll();
        QBuffer buffer(&input);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        BillParser parser([](const TradeBillRow &) -> Status { return {}; });
        QPromise<void> promise;
        QByteArray copy;
        QVERIFY_RESULT(readBill(buffer, parser, promise, appendTo(copy)));
        QVERIFY(GzipDecoder::looksLikeGzip(copy));
        GzipDecoder decoder;
        QByteArray back;
        QVERIFY_RESULT(decoder.decode(copy, [&](QByteArrayView d) -> Status {
            back.append(d);
            return {};
        }));
        QVERIFY_RESULT(decoder.finish());
        QCOMPARE(back, input);
    }

    // An error of the archive's receiver stops the reading and is the result, for plain and
    // gzip input alike.
    void archiveSinkErrorStops()
    {
        for (const QByteArray &bytes : {simpleAll(), gzipped(simpleAll())}) {
            QByteArray input = bytes;
            QBuffer buffer(&input);
            QVERIFY(buffer.open(QIODevice::ReadOnly));
            BillParser parser([](const TradeBillRow &) -> Status { return {}; });
            QPromise<void> promise;
            const auto info = readBill(buffer, parser, promise, [](QByteArrayView) -> Status {
                return makeError(ErrorCode::Io, QStringLiteral("disk full"));
            });
            QVERIFY(!info.ok());
            QCOMPARE(info.error().code, ErrorCode::Io);
            QCOMPARE(info.error().message, QStringLiteral("disk full"));
        }
    }

    void cancel()
    {
        QByteArray input = simpleAll();
        QBuffer buffer(&input);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        BillParser parser([](const TradeBillRow &) -> Status { return {}; });
        QPromise<void> promise;
        promise.start();
        promise.future().cancel();
        QVERIFY_ERROR(readBill(buffer, parser, promise), ErrorCode::Cancelled);
    }
};

QTEST_GUILESS_MAIN(tst_BillParser)
#include "tst_billparser.moc"
