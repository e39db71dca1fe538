// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/billrepository.h"

#include "bill/billreader.h"
#include "common/coretr.h"
#include "ledger/auditlog.h"
#include "ledger/billrowblock.h"
#include "ledger/ledger.h"
#include "ledger/rowpipe.h"
#include "ledger/sqlitefeed.h"
#include "ledger/sqlitestatement.h"
#include "ledger/transaction.h"

#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <array>
#include <cstring>
#include <span>
#include <thread>

namespace wxr::core {

namespace {

const QString kBillColumns = QStringLiteral(
    "id, bill_date, bill_type, account_type, source_name, sha1, fetched_at, imported_at, "
    "row_count, "
    "payment_count, refund_count, flagged_count, settlement_fen, refund_fen, recharge_refund_fen, "
    "fee_milli, printed_fee_milli, order_fen, refund_applied_fen, income_count, income_fen, "
    "expense_count, expense_fen, legacy_layout, header");

ImportedBill billFrom(const QSqlQuery &q)
{
    ImportedBill b;
    b.id = q.value(0).toLongLong();
    b.billDate = QDate::fromString(q.value(1).toString(), Qt::ISODate);
    b.billType = q.value(2).toString();
    b.accountType = q.value(3).toString();
    b.sourceName = q.value(4).toString();
    b.sha1 = q.value(5).toString().toLatin1();
    if (!q.value(6).isNull())
        b.fetchedAt = q.value(6).toLongLong();
    b.importedAt = q.value(7).toLongLong();
    b.rowCount = q.value(8).toLongLong();
    b.paymentCount = q.value(9).toLongLong();
    b.refundCount = q.value(10).toLongLong();
    b.flaggedCount = q.value(11).toLongLong();
    b.settlementFen = q.value(12).toLongLong();
    b.refundFen = q.value(13).toLongLong();
    b.rechargeRefundFen = q.value(14).toLongLong();
    b.feeMilli = q.value(15).toLongLong();
    b.printedFeeMilli = q.value(16).toLongLong();
    b.orderFen = q.value(17).toLongLong();
    b.refundAppliedFen = q.value(18).toLongLong();
    b.incomeCount = q.value(19).toLongLong();
    b.incomeFen = q.value(20).toLongLong();
    b.expenseCount = q.value(21).toLongLong();
    b.expenseFen = q.value(22).toLongLong();
    b.legacyLayout = q.value(23).toBool();
    b.header = q.value(24).toString();
    return b;
}

// bill_keys' order of two rows' keys (BINARY collation compares bytes, as std::string_view
// does).
bool keyBefore(std::string_view a, qint64 aLine, std::string_view b, qint64 bLine)
{
    const int c = a.compare(b);
    return c != 0 ? c < 0 : aLine < bLine;
}

// A trade row's entry in bill_keys, its text kept elsewhere.
struct BillKey
{
    std::string_view outTradeNo;
    qint64 line;
    bool refund;
};

void billKeyFeedColumn(sqlite3_context *context, const void *rows, qint64 index, int column)
{
    const BillKey &key = static_cast<const BillKey *>(rows)[index];
    switch (column) {
    case 0:
        SqliteFeed::resultText(context, key.outTradeNo);
        break;
    case 1:
        SqliteFeed::resultInt64(context, key.line);
        break;
    default:
        SqliteFeed::resultInt64(context, key.refund ? 1 : 0);
        break;
    }
}

// The trade rows of one bill as the ledger stores them (billrowblock.h): each row's key in
// bill_keys, the rows themselves packed into blocks in bill_row_blocks. add() packs rows
// itself; a caller that packed a block already (the import's parsing thread) stores it with
// addKeys() and addBlock().
class TradeRowWriter
{
public:
    TradeRowWriter(Ledger &ledger, qint64 billId)
        : m_feed(ledger, "wxr_bill_key_feed", "out_trade_no, line, is_refund", &billKeyFeedColumn)
        , m_key(ledger, "INSERT INTO bill_keys (out_trade_no, bill_id, line, is_refund) "
                        "VALUES (?1, ?2, ?3, ?4)")
        , m_keys(ledger, "INSERT OR FAIL INTO bill_keys (out_trade_no, bill_id, line, is_refund) "
                         "SELECT out_trade_no, ?1, line, is_refund FROM wxr_bill_key_feed")
        , m_block(ledger, "INSERT INTO bill_row_blocks (bill_id, first_line, last_line, "
                          "row_count, data) VALUES (?1, ?2, ?3, ?4, ?5)")
    {
        m_key.bind(2, billId);
        m_keys.bind(1, billId);
        m_block.bind(1, billId);
        billblock::begin(m_data);
    }

    Status prepared() const
    {
        if (Status s = m_feed.registered(); !s)
            return s;
        for (const SqliteStatement *q : {&m_key, &m_keys, &m_block}) {
            if (Status s = q->prepared(); !s)
                return s;
        }
        return {};
    }

    /// Stores the keys of a block's rows, one statement for all of them (sqlitefeed.h). OR FAIL:
    /// a failing row stops the statement without undoing the rows before it, so the statement
    /// keeps no journal of its own; the caller's transaction is rolled back on any error.
    Status addKeys(std::span<const BillKey> keys)
    {
        m_feed.set(keys.data(), qint64(keys.size()));
        return m_keys.exec();
    }

    Status addKey(std::string_view outTradeNo, qint64 line, bool refund)
    {
        m_key.bindView(1, outTradeNo);
        m_key.bind(3, line);
        m_key.bind(4, qint64(refund));
        return m_key.exec();
    }

    /// Stores a packed block of `rows` rows, lines first to last.
    Status addBlock(std::string_view data, qint64 first, qint64 last, int rows)
    {
        m_block.bind(2, first);
        m_block.bind(3, last);
        m_block.bind(4, qint64(rows));
        m_block.bindBlobView(5, QByteArrayView(data.data(), qsizetype(data.size())));
        return m_block.exec();
    }

    Status add(const TradeBillRow &r)
    {
        if (Status s = addKey(r.outTradeNo, r.line, r.isRefund()); !s)
            return s;
        if (m_rows == 0)
            m_firstLine = r.line;
        m_lastLine = r.line;
        billblock::append(m_data, r);
        return ++m_rows == billblock::kRowsPerBlock ? flush() : Status();
    }

    /// Stores the rows add()ed since the last block.
    Status flush()
    {
        if (m_rows == 0)
            return {};
        Status s = addBlock(m_data, m_firstLine, m_lastLine, m_rows);
        billblock::begin(m_data);
        m_rows = 0;
        return s;
    }

private:
    SqliteFeed m_feed; // before the statements that read it
    SqliteStatement m_key;
    SqliteStatement m_keys;
    SqliteStatement m_block;
    std::string m_data;
    int m_rows = 0;
    qint64 m_firstLine = 0;
    qint64 m_lastLine = 0;
};

// Visits the stored blocks `q` yields (column 0: bill_id, column 1: data); with `line`, only
// that row of each block.
Status visitBlocks(SqliteStatement &q, const BillRepository::RowVisitor &visitor,
                   int lineColumn = -1)
{
    if (Status s = q.prepared(); !s)
        return s;
    for (;;) {
        const Result<bool> row = q.step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
        const qint64 line = lineColumn < 0 ? 0 : q.int64(lineColumn);
        Status s = billblock::forEach(q.blobView(1), q.int64(0), [&](const BillRowView &v) {
            return lineColumn < 0 || v.line == line ? visitor(v) : Status();
        });
        if (!s) {
            q.reset();
            return s;
        }
    }
}

// The keys of a bill's stored rows (order number and line), sorted as bill_keys is.
struct StoredKeys
{
    struct Key
    {
        size_t offset;
        size_t size;
        qint64 line;
    };
    std::string text;
    std::vector<Key> keys;

    std::string_view of(const Key &k) const
    {
        return std::string_view(text).substr(k.offset, k.size);
    }

    Status read(Ledger &ledger, qint64 billId)
    {
        SqliteStatement blocks(ledger,
                               "SELECT bill_id, data FROM bill_row_blocks WHERE bill_id = ?1");
        blocks.bind(1, billId);
        if (Status s = visitBlocks(blocks,
                                   [&](const BillRowView &r) {
                                       keys.push_back({text.size(), r.outTradeNo.size(), r.line});
                                       text.append(r.outTradeNo);
                                       return Status();
                                   });
            !s)
            return s;
        std::sort(keys.begin(), keys.end(), [this](const Key &a, const Key &b) {
            return keyBefore(of(a), a.line, of(b), b.line);
        });
        return {};
    }
};

// Removes the stored trade rows of a bill: its keys, then its blocks. bill_keys is ordered by
// order number, and other bills list some of the same numbers (the date's SUCCESS bill, the
// next day's bill, refunds of older orders). The bill's keys are taken sorted, in runs: where
// the run's range of order numbers holds few other keys (the day's own orders, mostly), one
// DELETE walks the range; elsewhere each key is deleted by itself, a search from the root of
// bill_keys each (replacing a million-row bill: 3.2 s instead of 4.6 s with every key alone).
Status deleteTradeRows(Ledger &ledger, qint64 billId)
{
    constexpr qint64 kRun = 4096;
    constexpr qint64 kDense = 4; // keys of any bill in the range per key of the run, at most
    StoredKeys stored;
    if (Status s = stored.read(ledger, billId); !s)
        return s;
    SqliteStatement inRange(ledger, "SELECT COUNT(*) FROM (SELECT 1 FROM bill_keys WHERE "
                                    "out_trade_no >= ?1 AND out_trade_no <= ?2 LIMIT ?3)");
    SqliteStatement range(ledger, "DELETE FROM bill_keys WHERE out_trade_no >= ?1 AND "
                                  "out_trade_no <= ?2 AND bill_id = ?3");
    SqliteStatement one(ledger, "DELETE FROM bill_keys WHERE out_trade_no = ?1 AND bill_id = ?2 "
                                "AND line = ?3");
    for (const SqliteStatement *q : {&inRange, &range, &one}) {
        if (Status s = q->prepared(); !s)
            return s;
    }
    range.bind(3, billId);
    one.bind(2, billId);
    qint64 deleted = 0;
    const qint64 count = qint64(stored.keys.size());
    for (qint64 from = 0; from < count; from += kRun) {
        const qint64 to = std::min(count, from + kRun);
        const std::string_view first = stored.of(stored.keys[size_t(from)]);
        const std::string_view last = stored.of(stored.keys[size_t(to - 1)]);
        const qint64 limit = kDense * (to - from);
        inRange.bindView(1, first);
        inRange.bindView(2, last);
        inRange.bind(3, limit);
        const Result<bool> counted = inRange.step();
        const qint64 held = counted && *counted ? inRange.int64(0) : limit;
        inRange.reset();
        if (!counted)
            return counted.error();
        if (held < limit) {
            range.bindView(1, first);
            range.bindView(2, last);
            if (Status s = range.exec(); !s)
                return s;
            deleted += range.changes();
            continue;
        }
        for (qint64 i = from; i < to; ++i) {
            const StoredKeys::Key &k = stored.keys[size_t(i)];
            one.bindView(1, stored.of(k));
            one.bind(3, k.line);
            if (Status s = one.exec(); !s)
                return s;
            deleted += one.changes();
        }
    }
    // Each key is deleted once: a run that shares an order number with the run before finds
    // its rows gone and counts nothing for them.
    if (deleted != count)
        return makeError(ErrorCode::Internal,
                         Tr::tr("the stored rows of bill %1 could not be removed (%2 rows, "
                                "%3 keys removed)")
                             .arg(billId)
                             .arg(count)
                             .arg(deleted));
    SqliteStatement del(ledger, "DELETE FROM bill_row_blocks WHERE bill_id = ?1");
    del.bind(1, billId);
    return del.exec();
}

} // namespace

Status billblock::moveTableRows(Ledger &ledger)
{
    SqliteStatement bills(ledger, "SELECT id, first_row_id, last_row_id FROM bills "
                                  "WHERE bill_type <> 'FUNDFLOW' AND first_row_id IS NOT NULL");
    QList<std::array<qint64, 3>> ranges;
    for (;;) {
        const Result<bool> row = bills.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        ranges.append({bills.int64(0), bills.int64(1), bills.int64(2)});
    }
    SqliteStatement rows(ledger, "SELECT line, trade_time, transaction_id, out_trade_no, "
                                 "trade_state, trade_type, order_fen, settlement_fen, "
                                 "coupon_fen, fee_milli, refund_id, out_refund_no, refund_fen, "
                                 "refund_applied_fen, recharge_refund_fen, refund_type, "
                                 "refund_status, flagged "
                                 "FROM bill_rows WHERE id BETWEEN ?1 AND ?2 ORDER BY id");
    if (Status s = rows.prepared(); !s)
        return s;
    for (const auto &[billId, first, last] : ranges) {
        TradeRowWriter writer(ledger, billId);
        if (Status s = writer.prepared(); !s)
            return s;
        rows.bind(1, first);
        rows.bind(2, last);
        for (;;) {
            const Result<bool> row = rows.step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            TradeBillRow r;
            r.line = rows.int64(0);
            r.tradeTime = rows.int64(1);
            r.transactionId = rows.view(2);
            r.outTradeNo = rows.view(3);
            r.tradeState = rows.view(4);
            r.tradeType = rows.view(5);
            r.orderFen = rows.int64(6);
            r.settlementFen = rows.int64(7);
            r.couponFen = rows.int64(8);
            r.feeMilli = rows.int64(9);
            r.refundId = rows.view(10);
            r.outRefundNo = rows.view(11);
            r.refundFen = rows.int64(12);
            r.refundAppliedFen = rows.int64(13);
            r.rechargeRefundFen = rows.int64(14);
            r.refundType = rows.view(15);
            r.refundStatus = rows.view(16);
            r.fieldCountMismatch = rows.int64(17) != 0;
            if (Status s = writer.add(r); !s)
                return s;
        }
        rows.reset();
        if (Status s = writer.flush(); !s)
            return s;
    }
    return ledger.execute("UPDATE bills SET first_row_id = NULL, last_row_id = NULL "
                          "WHERE bill_type <> 'FUNDFLOW'; DROP TABLE bill_rows;");
}

namespace {

// Parsed rows on their way from the parsing thread to the inserting one. Trade rows arrive
// packed as one block (billrowblock.h) with their keys; fund-flow rows as copies of the fields
// the ledger keeps. Copied text lives in a fixed buffer so that the views stay valid (the
// parser's views die with its callback).
struct RowBatch
{
    static constexpr size_t kRows = billblock::kRowsPerBlock;
    static constexpr size_t kBytes = 2 << 20;

    std::vector<BillKey> keys;
    qint64 firstLine = 0; ///< of the block's rows
    qint64 lastLine = 0;
    std::string block;
    std::vector<FundFlowRow> fund;
    std::unique_ptr<char[]> bytes{new char[kBytes]};
    size_t used = 0;
    /// The archive copy's bytes (gzip) read since the batch before.
    std::string archive;

    RowBatch()
    {
        keys.reserve(kRows);
        fund.reserve(kRows);
        billblock::begin(block);
    }

    bool full() const { return keys.size() + fund.size() >= kRows; }

    void clear()
    {
        keys.clear();
        billblock::begin(block);
        fund.clear();
        used = 0;
        archive.clear();
    }

    std::string_view keep(std::string_view v)
    {
        if (v.empty())
            return {};
        char *p = bytes.get() + used;
        std::memcpy(p, v.data(), v.size());
        used += v.size();
        return std::string_view(p, v.size());
    }

    bool add(const TradeBillRow &r)
    {
        if (used + r.outTradeNo.size() > kBytes)
            return false;
        if (keys.empty())
            firstLine = r.line;
        lastLine = r.line;
        keys.push_back({keep(r.outTradeNo), r.line, r.isRefund()});
        billblock::append(block, r);
        return true;
    }

    /// Puts the keys in bill_keys' order. A bill lists its rows by time, so their order
    /// numbers are nearly ascending; in order, most keys of a batch come after every key
    /// bill_keys holds, and SQLite appends them without searching the tree from its root.
    void sortKeys()
    {
        std::sort(keys.begin(), keys.end(), [](const BillKey &a, const BillKey &b) {
            return keyBefore(a.outTradeNo, a.line, b.outTradeNo, b.line);
        });
    }

    bool add(const FundFlowRow &r)
    {
        const size_t need = r.businessOrderNo.size() + r.flowNo.size() + r.businessName.size()
                            + r.businessType.size() + r.applicant.size() + r.remark.size()
                            + r.voucherNo.size();
        if (used + need > kBytes)
            return false;
        FundFlowRow c = r;
        c.bookTimeText = {};
        c.businessOrderNo = keep(r.businessOrderNo);
        c.flowNo = keep(r.flowNo);
        c.businessName = keep(r.businessName);
        c.businessType = keep(r.businessType);
        c.applicant = keep(r.applicant);
        c.remark = keep(r.remark);
        c.voucherNo = keep(r.voucherNo);
        fund.push_back(c);
        return true;
    }
};

} // namespace

Result<BillImportResult> BillRepository::import(QIODevice &device, const BillImportOptions &options,
                                                QPromise<void> &promise)
{
    const QString name = options.sourceName.isEmpty() ? QStringLiteral("bill") : options.sourceName;
    const auto fail = [&](const Error &e) -> Error {
        if (e.code == ErrorCode::Cancelled)
            return makeError(
                ErrorCode::Cancelled,
                Tr::tr("The import of %1 was cancelled; nothing was imported.").arg(name));
        return Error{e.code,
                     Tr::tr("%1: %2; nothing was imported.").arg(name, withoutFullStop(e.message)),
                     e.detail};
    };
    if (!options.billDate.isValid())
        return fail(makeError(ErrorCode::InvalidInput, Tr::tr("no bill date was given")));
    const QString date = options.billDate.toString(Qt::ISODate);
    const auto [dayStart, dayEnd] = cst::dayBounds(options.billDate);

    if (const auto held = heldFile(device, options, promise); !held)
        return fail(held.error());
    else if (*held)
        return **held;

    BulkLoad bulk(m_ledger);
    Transaction tx(m_ledger);
    if (Status s = tx.begin(); !s)
        return fail(s.error());
    const cst::Instant now = cst::now();

    SqliteStatement header(m_ledger, "INSERT INTO bills (bill_date, bill_type, account_type, "
                                     "source_name, sha1, fetched_at, imported_at) "
                                     "VALUES (?1, '', ?2, ?3, '', ?4, ?5)");
    header.bindText(1, date);
    header.bindText(2, options.accountType);
    header.bindText(3, name);
    header.bind(4, options.fetchedAt);
    header.bind(5, now);
    if (Status s = header.exec(); !s)
        return fail(s.error());
    SqliteStatement lastId(m_ledger, "SELECT last_insert_rowid()");
    (void)lastId.step();
    const qint64 billId = lastId.int64(0);
    lastId.reset();

    TradeRowWriter insertTrade(m_ledger, billId);
    SqliteStatement insertFund(
        m_ledger,
        "INSERT INTO fund_flow_rows (bill_id, line, book_time, business_order_no, flow_no, "
        "business_name, business_type, income, amount_fen, balance_fen, applicant, remark, "
        "voucher_no, flagged) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
        "?14)");
    SqliteStatement insertArchive(m_ledger,
                                  "INSERT INTO bill_archive (bill_id, data) VALUES (?1, ?2)");
    insertArchive.bind(1, billId);
    if (Status st = insertTrade.prepared(); !st)
        return fail(st.error());
    if (Status st = insertFund.prepared(); !st)
        return fail(st.error());
    if (Status st = insertArchive.prepared(); !st)
        return fail(st.error());
    std::optional<qint64> firstRow;
    qint64 lastRow = 0;
    std::optional<BillKind> kind;
    const auto outsideDay = [&](qint64 line, cst::Instant t) {
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("line %1: the row is dated %2, not on the bill date %3")
                             .arg(line)
                             .arg(cst::formatBillTime(t), date));
    };
    const auto noteRow = [&]() {
        if (!firstRow) {
            (void)lastId.step();
            firstRow = lastId.int64(0);
            lastId.reset();
            lastRow = *firstRow;
        } else {
            ++lastRow; // one transaction, one writer: rowids are consecutive
        }
    };
    const auto insertTradeRows = [&](const RowBatch &b) -> Status {
        if (b.keys.empty())
            return {};
        if (Status s = insertTrade.addKeys(b.keys); !s)
            return s;
        return insertTrade.addBlock(b.block, b.firstLine, b.lastLine, int(b.keys.size()));
    };
    const auto insertFundRow = [&](const FundFlowRow &r) -> Status {
        if (r.bookTime < dayStart || r.bookTime >= dayEnd)
            return outsideDay(r.line, r.bookTime);
        insertFund.bind(1, billId);
        insertFund.bind(2, r.line);
        insertFund.bind(3, r.bookTime);
        insertFund.bindView(4, r.businessOrderNo);
        insertFund.bindView(5, r.flowNo);
        insertFund.bindView(6, r.businessName);
        insertFund.bindView(7, r.businessType);
        insertFund.bind(8, qint64(r.income));
        insertFund.bind(9, r.amountFen);
        insertFund.bind(10, r.balanceFen);
        insertFund.bindView(11, r.applicant);
        insertFund.bindView(12, r.remark);
        insertFund.bindView(13, r.voucherNo);
        insertFund.bind(14, qint64(r.fieldCountMismatch));
        if (Status s = insertFund.exec(); !s)
            return s;
        noteRow();
        return {};
    };

    // Parsing (inflate, SHA-1, splitting, packing) runs on a second thread and hands over
    // batches of rows with the archive bytes read meanwhile; this thread, which owns the
    // connection, stores them.
    // Spent batches go back to the parser through `spare`: a new 2 MiB block per batch cost a
    // page fault every 4 KiB of a million-row bill. At most capacity + 2 batches exist (queued,
    // being filled, being inserted), so pushing a spent one never blocks.
    RowPipe<RowBatch> pipe;
    RowPipe<RowBatch> spare(pipe.capacity() + 2);
    std::optional<Result<BillFileInfo>> info;
    std::optional<Result<BillSummary>> summary;
    std::string mchId; // 商户号 of the first trade row
    std::thread producer([&] {
        const auto fresh = [&] {
            auto b = spare.tryPop();
            if (!b)
                return std::make_unique<RowBatch>();
            b->clear();
            return b;
        };
        auto batch = fresh();
        const auto handOver = [&]() -> Status {
            batch->sortKeys();
            if (!pipe.push(std::move(batch)))
                return makeError(ErrorCode::Cancelled, QString());
            batch = fresh();
            return {};
        };
        BillParser parser(
            [&](const TradeBillRow &r) -> Status {
                // A payment is filed on its success time and a refund on its initiation time,
                // both CST (spec §7.4); a row outside the day means the wrong --date or the
                // wrong file. The REFUND layout's 交易时间 is the payment's, so its 退款申请时间
                // is checked.
                const cst::Instant filed = r.refundApplyTime ? *r.refundApplyTime : r.tradeTime;
                if (filed < dayStart || filed >= dayEnd)
                    return outsideDay(r.line, filed);
                if (mchId.empty())
                    mchId = r.mchId;
                if (!batch->add(r))
                    if (Status st = handOver(); !st || !batch->add(r))
                        return st ? Status(
                                   makeError(ErrorCode::Internal, QStringLiteral("row too large")))
                                  : st;
                return batch->full() ? handOver() : Status();
            },
            [&](const FundFlowRow &r) -> Status {
                if (!batch->add(r))
                    if (Status st = handOver(); !st || !batch->add(r))
                        return st ? Status(
                                   makeError(ErrorCode::Internal, QStringLiteral("row too large")))
                                  : st;
                return batch->full() ? handOver() : Status();
            });
        info.emplace(readBill(device, parser, promise, [&](QByteArrayView gzip) -> Status {
            batch->archive.append(gzip.data(), size_t(gzip.size()));
            return {};
        }));
        if (info->ok()) {
            summary.emplace(parser.finish());
            if (summary->ok())
                (void)handOver();
        }
        pipe.close();
    });
    Status inserted;
    while (auto b = pipe.pop()) {
        if (!inserted.ok())
            continue; // drain so that the producer can finish
        inserted = insertTradeRows(*b);
        if (inserted.ok() && !b->archive.empty()) {
            insertArchive.bindBlobView(
                2, QByteArrayView(b->archive.data(), qsizetype(b->archive.size())));
            inserted = insertArchive.exec();
        }
        for (const FundFlowRow &r : b->fund)
            if (inserted.ok() && !(inserted = insertFundRow(r)).ok())
                break;
        if (!inserted.ok())
            pipe.abort();
        (void)spare.push(std::move(b));
    }
    producer.join();
    if (!inserted.ok())
        return fail(inserted.error());
    if (!*info)
        return fail(info->error());
    if (!summary || !*summary)
        return fail(summary ? summary->error() : makeError(ErrorCode::Internal, QString()));
    kind = (*summary)->kind;
    if (!options.expectedSha1.isEmpty()
        && (*info)->sha1Hex.compare(options.expectedSha1.trimmed(), Qt::CaseInsensitive) != 0)
        return fail(makeError(ErrorCode::Verification,
                              Tr::tr("its SHA-1 is %1 but WeChat Pay's hash_value is %2")
                                  .arg(QString::fromLatin1((*info)->sha1Hex),
                                       QString::fromLatin1(options.expectedSha1))));
    const QString billType = billKindName(*kind);
    const QString accountType
        = *kind == BillKind::FundFlow
              ? (options.accountType.isEmpty() ? QStringLiteral("BASIC") : options.accountType)
              : QString();

    // One merchant per ledger: another merchant's bill of a date would replace this one's and
    // be reconciled against its orders.
    if (!mchId.empty()) {
        const Result<QString> other = otherMerchant(mchId);
        if (!other)
            return fail(other.error());
        if (!other->isEmpty())
            return fail(makeError(
                ErrorCode::InvalidInput,
                Tr::tr("it is a bill of merchant %1, and this ledger holds the bills of merchant "
                       "%2; keep one ledger per merchant")
                    .arg(QString::fromStdString(mchId), *other)));
        SqliteStatement setMchId(m_ledger, "UPDATE bills SET mchid = ?1 WHERE id = ?2");
        setMchId.bindView(1, mchId);
        setMchId.bind(2, billId);
        if (Status s = setMchId.exec(); !s)
            return fail(s.error());
    }

    BillImportResult result;
    result.flaggedLines = (*summary)->flaggedLines;
    // An earlier import of this date and type: the same bytes mean nothing to do.
    SqliteStatement existing(m_ledger, "SELECT id, sha1, first_row_id, last_row_id FROM bills "
                                       "WHERE bill_date = ?1 AND bill_type = ?2 AND "
                                       "account_type = ?3 AND id <> ?4");
    existing.bindText(1, date);
    existing.bindText(2, billType);
    existing.bindText(3, accountType);
    existing.bind(4, billId);
    struct Old
    {
        qint64 id;
        QByteArray sha1;
        std::optional<qint64> first, last;
    };
    QList<Old> olds;
    for (;;) {
        const Result<bool> row = existing.step();
        if (!row)
            return fail(row.error());
        if (!*row)
            break;
        olds.append({existing.int64(0), existing.text(1).toLatin1(), existing.optionalInt64(2),
                     existing.optionalInt64(3)});
    }
    for (const Old &old : olds) {
        if (old.sha1 == (*info)->sha1Hex) {
            tx.rollback();
            const auto bill = find(old.id);
            if (!bill)
                return bill.error();
            result.bill = **bill;
            result.alreadyImported = true;
            return result;
        }
    }
    AuditLog audit(m_ledger);
    for (const Old &old : olds) {
        if (*kind != BillKind::FundFlow) {
            if (Status s = deleteTradeRows(m_ledger, old.id); !s)
                return fail(s.error());
        } else if (old.first) {
            SqliteStatement del(m_ledger, "DELETE FROM fund_flow_rows WHERE id BETWEEN ?1 AND ?2");
            del.bind(1, *old.first);
            del.bind(2, *old.last);
            if (Status s = del.exec(); !s)
                return fail(s.error());
        }
        for (const char *sql :
             {"DELETE FROM bill_archive WHERE bill_id = ?1", "DELETE FROM bills WHERE id = ?1"}) {
            SqliteStatement del(m_ledger, sql);
            del.bind(1, old.id);
            if (Status s = del.exec(); !s)
                return fail(s.error());
        }
        AuditEntry entry;
        entry.actor = options.actor.isEmpty() ? QStringLiteral("bill import") : options.actor;
        entry.action = QStringLiteral("replace");
        entry.entity = QStringLiteral("bill");
        entry.entityKey = date + u' ' + billType;
        entry.oldValue = QString::fromLatin1(old.sha1);
        entry.newValue = QString::fromLatin1((*info)->sha1Hex);
        if (const auto r = audit.append(entry); !r)
            return fail(r.error());
        result.replacedBillId = old.id;
    }

    SqliteStatement complete(
        m_ledger,
        "UPDATE bills SET bill_type = ?1, account_type = ?2, sha1 = ?3, row_count = ?4, "
        "payment_count = ?5, refund_count = ?6, flagged_count = ?7, settlement_fen = ?8, "
        "refund_fen = ?9, recharge_refund_fen = ?10, fee_milli = ?11, printed_fee_milli = ?12, "
        "order_fen = ?13, refund_applied_fen = ?14, income_count = ?15, income_fen = ?16, "
        "expense_count = ?17, expense_fen = ?18, legacy_layout = ?19, header = ?20, "
        "first_row_id = ?21, last_row_id = ?22 WHERE id = ?23");
    const BillSummary &s = **summary;
    const bool fund = *kind == BillKind::FundFlow;
    complete.bindText(1, billType);
    complete.bindText(2, accountType);
    complete.bindText(3, QString::fromLatin1((*info)->sha1Hex));
    complete.bind(4, fund ? s.fundComputed.rows : s.computed.rows);
    complete.bind(5, s.paymentRows);
    complete.bind(6, s.refundRows);
    complete.bind(7, qint64(s.flaggedLines.size()));
    complete.bind(8, s.computed.settlementFen);
    complete.bind(9, s.computed.refundFen);
    complete.bind(10, s.computed.rechargeRefundFen);
    complete.bind(11, s.computed.feeMilli);
    complete.bind(12, s.printed.feeMilli);
    complete.bind(13, s.computed.orderFen);
    complete.bind(14, s.computed.refundAppliedFen);
    complete.bind(15, s.fundComputed.incomeRows);
    complete.bind(16, s.fundComputed.incomeFen);
    complete.bind(17, s.fundComputed.expenseRows);
    complete.bind(18, s.fundComputed.expenseFen);
    complete.bind(19, qint64(s.legacyLayout));
    complete.bindText(20, s.header.join(u','));
    complete.bind(21, firstRow);
    complete.bind(22, firstRow ? std::optional<qint64>(lastRow) : std::nullopt);
    complete.bind(23, billId);
    if (Status st = complete.exec(); !st)
        return fail(st.error());

    AuditEntry entry;
    entry.actor = options.actor.isEmpty() ? QStringLiteral("bill import") : options.actor;
    entry.action = QStringLiteral("import");
    entry.entity = QStringLiteral("bill");
    entry.entityKey = date + u' ' + billType;
    entry.newValue = QString::fromLatin1((*info)->sha1Hex);
    entry.detail = QStringLiteral("%1: %2 rows (%3 payments, %4 refunds, %5 flagged)")
                       .arg(name)
                       .arg(fund ? s.fundComputed.rows : s.computed.rows)
                       .arg(s.paymentRows)
                       .arg(s.refundRows)
                       .arg(s.flaggedLines.size());
    if (const auto r = audit.append(entry); !r)
        return fail(r.error());
    if (promise.isCanceled())
        return fail(makeError(ErrorCode::Cancelled, QString()));
    if (Status st = tx.commit(); !st)
        return fail(st.error());
    const auto bill = find(billId);
    if (!bill)
        return bill.error();
    result.bill = **bill;
    return result;
}

Result<std::optional<BillImportResult>> BillRepository::heldFile(QIODevice &device,
                                                                 const BillImportOptions &options,
                                                                 QPromise<void> &promise) const
{
    const std::optional<BillImportResult> none;
    // Only when the date has bills at all, and the file can be read a second time.
    if (device.isSequential() || device.pos() != 0)
        return none;
    const auto bills = billsOf(options.billDate);
    if (!bills)
        return bills.error();
    if (std::none_of(bills->begin(), bills->end(),
                     [](const ImportedBill &b) { return !b.sha1.isEmpty(); }))
        return none;
    const auto digest = readBillDigest(device, promise);
    if (!digest)
        return digest.error();
    if (!device.seek(0))
        return makeError(ErrorCode::Io,
                         Tr::tr("the bill could not be read again: %1").arg(device.errorString()));
    // A digest that differs from WeChat Pay's is the full import's error to report.
    if (!options.expectedSha1.isEmpty()
        && digest->sha1Hex.compare(options.expectedSha1.trimmed(), Qt::CaseInsensitive) != 0)
        return none;
    const QString account
        = options.accountType.isEmpty() ? QStringLiteral("BASIC") : options.accountType;
    for (const ImportedBill &b : *bills) {
        // The same bytes are the same bill, except that two account types' fund-flow bills of
        // a day may both be empty and thus equal.
        if (b.sha1 != digest->sha1Hex || (b.billType == u"FUNDFLOW" && b.accountType != account))
            continue;
        BillImportResult result;
        result.bill = b;
        result.alreadyImported = true;
        return std::optional<BillImportResult>(result);
    }
    return none;
}

Result<QString> BillRepository::otherMerchant(std::string_view mchid) const
{
    SqliteStatement other(m_ledger, "SELECT mchid FROM bills WHERE mchid <> '' AND mchid <> ?1 "
                                    "LIMIT 1");
    other.bindView(1, mchid);
    const Result<bool> found = other.step();
    if (!found)
        return found.error();
    return *found ? other.text(0) : QString();
}

Result<ImportedBill> BillRepository::recordEmpty(QDate billDate, const QString &billType,
                                                 const QString &actor, const QString &mchid)
{
    const QByteArray mchidUtf8 = mchid.toUtf8();
    if (!mchid.isEmpty()) {
        const Result<QString> other
            = otherMerchant(std::string_view(mchidUtf8.constData(), size_t(mchidUtf8.size())));
        if (!other)
            return other.error();
        if (!other->isEmpty())
            return makeError(ErrorCode::InvalidInput,
                             Tr::tr("WeChat Pay's answer that merchant %1 has no bill for %2 was "
                                    "not recorded: this ledger holds the bills of merchant %3; "
                                    "keep one ledger per merchant.")
                                 .arg(mchid, billDate.toString(Qt::ISODate), *other));
    }
    const auto existing = billsOf(billDate);
    if (!existing)
        return existing.error();
    for (const ImportedBill &b : *existing) {
        if (b.billType == billType)
            return b;
    }
    Transaction tx(m_ledger);
    if (Status s = tx.begin(); !s)
        return s.error();
    SqliteStatement insert(m_ledger, "INSERT INTO bills (bill_date, bill_type, source_name, sha1, "
                                     "fetched_at, imported_at, mchid) VALUES (?1, ?2, "
                                     "'NO_STATEMENT_EXIST', '', ?3, ?3, ?4)");
    insert.bindText(1, billDate.toString(Qt::ISODate));
    insert.bindText(2, billType);
    insert.bind(3, cst::now());
    insert.bindText(4, mchid);
    if (Status s = insert.exec(); !s)
        return s.error();
    SqliteStatement lastId(m_ledger, "SELECT last_insert_rowid()");
    (void)lastId.step();
    const qint64 id = lastId.int64(0);
    lastId.reset();
    AuditEntry entry;
    entry.actor = actor;
    entry.action = QStringLiteral("import");
    entry.entity = QStringLiteral("bill");
    entry.entityKey = billDate.toString(Qt::ISODate) + u' ' + billType;
    entry.detail = QStringLiteral("NO_STATEMENT_EXIST: no bill for the date");
    if (const auto r = AuditLog(m_ledger).append(entry); !r)
        return r.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    const auto bill = find(id);
    if (!bill)
        return bill.error();
    return **bill;
}

Result<QList<ImportedBill>> BillRepository::billsOf(QDate date) const
{
    QSqlQuery q(m_ledger.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kBillColumns
              + QStringLiteral(" FROM bills WHERE bill_date = ? AND bill_type <> '' ORDER BY "
                               "CASE bill_type WHEN 'ALL' THEN 0 WHEN 'SUCCESS' THEN 1 "
                               "WHEN 'REFUND' THEN 2 ELSE 3 END, id"));
    q.addBindValue(date.toString(Qt::ISODate));
    if (!q.exec())
        return m_ledger.queryError(q,
                                   Tr::tr("list the bills of %1").arg(date.toString(Qt::ISODate)));
    QList<ImportedBill> out;
    while (q.next())
        out.append(billFrom(q));
    return out;
}

Result<std::optional<ImportedBill>> BillRepository::find(qint64 billId) const
{
    QSqlQuery q(m_ledger.database());
    q.prepare(QStringLiteral("SELECT ") + kBillColumns
              + QStringLiteral(" FROM bills WHERE id = ?"));
    q.addBindValue(billId);
    if (!q.exec())
        return m_ledger.queryError(q, Tr::tr("read bill %1").arg(billId));
    if (!q.next())
        return std::optional<ImportedBill>();
    return std::optional<ImportedBill>(billFrom(q));
}

Result<std::optional<ImportedBill>> BillRepository::latestTradeBill() const
{
    QSqlQuery q(m_ledger.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + kBillColumns
                + QStringLiteral(" FROM bills WHERE bill_type IN ('ALL', 'SUCCESS', 'REFUND') "
                                 "ORDER BY bill_date DESC, id DESC LIMIT 1")))
        return m_ledger.queryError(q, Tr::tr("read the latest bill"));
    if (!q.next())
        return std::optional<ImportedBill>();
    return std::optional<ImportedBill>(billFrom(q));
}

Result<QByteArray> BillRepository::archivedFile(qint64 billId) const
{
    // Bills imported before schema step 4 have their copy in bills.raw_gzip.
    SqliteStatement bill(m_ledger, "SELECT raw_gzip FROM bills WHERE id = ?1");
    bill.bind(1, billId);
    const Result<bool> found = bill.step();
    if (!found)
        return found.error();
    if (!*found)
        return makeError(ErrorCode::NotFound, Tr::tr("The ledger has no bill %1.").arg(billId));
    QByteArray file(bill.blobView(0).data(), qsizetype(bill.blobView(0).size()));
    if (!file.isEmpty())
        return file;
    SqliteStatement pieces(m_ledger,
                           "SELECT data FROM bill_archive WHERE bill_id = ?1 ORDER BY id");
    pieces.bind(1, billId);
    for (;;) {
        const Result<bool> row = pieces.step();
        if (!row)
            return row.error();
        if (!*row)
            return file;
        const std::string_view piece = pieces.blobView(0);
        file.append(piece.data(), qsizetype(piece.size()));
    }
}

Status BillRepository::forEachRow(qint64 billId, const RowVisitor &visitor) const
{
    SqliteStatement bill(m_ledger, "SELECT 1 FROM bills WHERE id = ?1");
    bill.bind(1, billId);
    const Result<bool> r = bill.step();
    if (!r)
        return r.error();
    if (!*r)
        return makeError(ErrorCode::NotFound, Tr::tr("The ledger has no bill %1.").arg(billId));
    SqliteStatement q(m_ledger, "SELECT bill_id, data FROM bill_row_blocks WHERE bill_id = ?1 "
                                "ORDER BY first_line");
    q.bind(1, billId);
    return visitBlocks(q, visitor);
}

Status BillRepository::forEachRowOf(const QString &outTradeNo, const RowVisitor &visitor) const
{
    // A row's block is the bill's last one starting at or before its line.
    SqliteStatement q(m_ledger,
                      "SELECT k.bill_id, b.data, k.line FROM bill_keys k JOIN bill_row_blocks b "
                      "ON b.id = (SELECT id FROM bill_row_blocks WHERE bill_id = k.bill_id AND "
                      "first_line <= k.line ORDER BY first_line DESC LIMIT 1) "
                      "WHERE k.out_trade_no = ?1 ORDER BY k.bill_id, k.line");
    q.bindText(1, outTradeNo);
    return visitBlocks(q, visitor, 2);
}

Result<QSet<QString>> BillRepository::billedAmong(const QStringList &outTradeNos) const
{
    QSet<QString> out;
    for (const QString &key : outTradeNos) {
        const QByteArray utf8 = key.toUtf8();
        const Result<bool> billed
            = isBilled(std::string_view(utf8.constData(), size_t(utf8.size())));
        if (!billed)
            return billed.error();
        if (*billed)
            out.insert(key);
    }
    return out;
}

BillRepository::BillRepository(Ledger &ledger)
    : m_ledger(ledger)
{}

BillRepository::~BillRepository() = default;

Result<bool> BillRepository::isBilled(std::string_view outTradeNo) const
{
    if (!m_billed) {
        m_billed = std::make_unique<SqliteStatement>(
            m_ledger, "SELECT 1 FROM bill_keys WHERE out_trade_no = ?1 AND is_refund = 0 LIMIT 1");
        if (Status s = m_billed->prepared(); !s) {
            Error e = s.error();
            m_billed.reset();
            return e;
        }
    }
    m_billed->bindView(1, outTradeNo);
    const Result<bool> row = m_billed->step();
    m_billed->reset();
    return row;
}

} // namespace wxr::core
