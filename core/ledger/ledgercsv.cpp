// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/ledgercsv.h"

#include "common/coretr.h"
#include "common/cstime.h"
#include "common/money.h"
#include "ledger/auditlog.h"
#include "ledger/csvreader.h"
#include "ledger/ledger.h"
#include "ledger/paidzones.h"
#include "ledger/rowpipe.h"
#include "ledger/sqlitefeed.h"
#include "ledger/sqlitestatement.h"
#include "ledger/statemachine.h"
#include "ledger/timetext.h"
#include "ledger/transaction.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sqlite3.h>

#include <array>
#include <cstring>
#include <memory>
#include <thread>
#include <vector>

namespace wxr::core {

namespace {

QString qs(std::string_view v)
{
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}

bool validKey(std::string_view v, size_t maxLength, std::string_view extra)
{
    if (v.empty() || v.size() > maxLength)
        return false;
    for (const char c : v) {
        const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                        || extra.find(c) != std::string_view::npos;
        if (!ok)
            return false;
    }
    return true;
}

bool hasControl(std::string_view v)
{
    for (const char c : v) {
        if (static_cast<unsigned char>(c) < 0x20)
            return true;
    }
    return false;
}

constexpr std::array<const char *, 6> kOrderColumns
    = {"out_trade_no", "transaction_id", "amount_fen", "status", "created_at", "paid_at"};
constexpr std::array<const char *, 7> kRefundColumns
    = {"out_refund_no", "out_trade_no", "refund_id", "amount_fen",
       "status",        "created_at",   "success_at"};

// Reads one file: header mapping, field-count check and error formatting.
template<size_t N>
class Table
{
public:
    Table(QIODevice &device, const QString &path, const std::array<const char *, N> &columns)
        : m_reader(device)
        , m_path(path)
        , m_columns(columns)
    {
        m_index.fill(-1);
    }

    Status readHeader()
    {
        const Result<bool> r = m_reader.next();
        if (!r)
            return r.error().prefixed(m_path);
        if (!*r)
            return makeError(ErrorCode::InvalidInput,
                             Tr::tr("%1: the file is empty; a header row is required").arg(m_path));
        const auto &f = m_reader.fields();
        m_fieldCount = f.size();
        for (size_t i = 0; i < f.size(); ++i) {
            for (size_t c = 0; c < N; ++c) {
                if (f[i] == m_columns[c]) {
                    if (m_index[c] >= 0)
                        return makeError(ErrorCode::InvalidInput,
                                         Tr::tr("%1: line %2: the header names column “%3” twice")
                                             .arg(m_path)
                                             .arg(m_reader.line())
                                             .arg(QString::fromLatin1(m_columns[c])));
                    m_index[c] = static_cast<int>(i);
                }
            }
        }
        QStringList expected;
        for (const char *c : m_columns)
            expected << QString::fromLatin1(c);
        for (size_t c = 0; c < N; ++c) {
            if (m_index[c] < 0)
                return makeError(ErrorCode::InvalidInput,
                                 Tr::tr("%1: line %2: the header lacks column “%3” (expected %4)")
                                     .arg(m_path)
                                     .arg(m_reader.line())
                                     .arg(QString::fromLatin1(m_columns[c]), expected.join(u',')));
        }
        return {};
    }

    Result<bool> next()
    {
        const Result<bool> r = m_reader.next();
        if (!r)
            return r.error().prefixed(m_path);
        if (*r && m_reader.fields().size() != m_fieldCount)
            return makeError(ErrorCode::InvalidInput,
                             Tr::tr("%1: line %2: the row has %3 fields but the header has %4")
                                 .arg(m_path)
                                 .arg(m_reader.line())
                                 .arg(m_reader.fields().size())
                                 .arg(m_fieldCount));
        return r;
    }

    std::string_view field(size_t column) const
    {
        return m_reader.fields()[static_cast<size_t>(m_index[column])];
    }

    Error error(size_t column, const QString &reason) const
    {
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("%1: line %2, column “%3”: %4")
                             .arg(m_path)
                             .arg(m_reader.line())
                             .arg(QString::fromLatin1(m_columns[column]), reason));
    }

    qint64 bytesRead() const { return m_reader.bytesRead(); }

private:
    CsvReader m_reader;
    QString m_path;
    const std::array<const char *, N> &m_columns;
    std::array<int, N> m_index{};
    size_t m_fieldCount = 0;
};

struct Progress
{
    QPromise<void> &promise;
    qint64 total = 0;
    qint64 done = 0;
    int last = -1;
    void report(qint64 bytes)
    {
        if (total <= 0)
            return;
        const int percent = static_cast<int>((done + bytes) * 100 / total);
        if (percent != last) {
            promise.setProgressValue(percent);
            last = percent;
        }
    }
};

Error cancelled()
{
    return makeError(ErrorCode::Cancelled, Tr::tr("The import was cancelled."));
}

// The state words without a QString per row.
TradeState tradeState(std::string_view w)
{
    for (TradeState s :
         {TradeState::Success, TradeState::NotPay, TradeState::Closed, TradeState::Refund,
          TradeState::Revoked, TradeState::UserPaying, TradeState::PayError, TradeState::Accept}) {
        static_assert(sizeof(char16_t) == 2);
        const QString word = tradeStateWord(s);
        if (w.size() == size_t(word.size())
            && QLatin1StringView(w.data(), qsizetype(w.size())) == word)
            return s;
    }
    return TradeState::Unknown;
}

RefundState refundState(std::string_view w)
{
    if (w == "SUCCESS")
        return RefundState::Success;
    if (w == "PROCESSING")
        return RefundState::Processing;
    if (w == "CLOSED")
        return RefundState::Closed;
    if (w == "ABNORMAL")
        return RefundState::Abnormal;
    return RefundState::Unknown;
}

std::optional<cst::Instant> parseTime(std::string_view v)
{
    return cst::parseRfc3339(v);
}

QString badTime(std::string_view v)
{
    return Tr::tr("“%1” is not an RFC 3339 time with an offset, such as 2026-11-26T10:12:00+08:00")
        .arg(qs(v));
}

// A validated row of orders.csv; text views point into the batch that carries it.
struct OrderRow
{
    std::string_view key, txn, status, createdText, paidText;
    TradeState state = TradeState::Unknown;
    std::optional<qint64> amount;
    std::optional<cst::Instant> created, paid;
};

// A validated row of refunds.csv.
struct RefundRow
{
    std::string_view key, trade, refundId, status, createdText, successText;
    RefundState state = RefundState::Unknown;
    std::optional<qint64> amount;
    std::optional<cst::Instant> created, success;
};

// Rows read, split and validated on the reading thread, handed to the thread that owns the
// connection. The text of a record is copied into `bytes`, which is larger than the largest
// record CsvReader accepts, so that any record fits into an empty batch.
template<typename Row>
struct ParsedBatch
{
    static constexpr size_t kRows = 4096;
    static constexpr size_t kBytes = 2 * CsvReader::kMaxRecordBytes;

    ParsedBatch() { rows.reserve(kRows); }

    std::vector<Row> rows;
    std::unique_ptr<char[]> bytes{new char[kBytes]};
    size_t used = 0;
    qint64 bytesRead = 0; ///< of the file, after the last row (progress)

    bool fits(size_t need) const { return rows.size() < kRows && used + need <= kBytes; }

    std::string_view keep(std::string_view v)
    {
        if (v.empty())
            return {};
        char *p = bytes.get() + used;
        std::memcpy(p, v.data(), v.size());
        used += v.size();
        return std::string_view(p, v.size());
    }

    void clear()
    {
        rows.clear();
        used = 0;
    }
};

Status parseOrder(const Table<6> &table, ParsedBatch<OrderRow> &batch, OrderRow &row)
{
    enum { cKey, cTxn, cAmount, cStatus, cCreated, cPaid };
    const std::string_view key = table.field(cKey);
    if (!validKey(key, 32, "_-*"))
        return table.error(cKey, Tr::tr("“%1” is not a merchant order number (1–32 letters, "
                                        "digits, _ - *)")
                                     .arg(qs(key)));
    const std::string_view txn = table.field(cTxn);
    if (txn.size() > 64 || hasControl(txn))
        return table.error(cTxn, Tr::tr("“%1” is not a WeChat Pay order number").arg(qs(txn)));
    const std::string_view amountText = table.field(cAmount);
    row.amount = money::parseInteger(amountText);
    if (!row.amount || *row.amount < 0)
        return table.error(
            cAmount, Tr::tr("“%1” is not a whole, non-negative number of fen").arg(qs(amountText)));
    const std::string_view status = table.field(cStatus);
    row.state = tradeState(status);
    if (row.state == TradeState::Unknown || row.state == TradeState::Accept)
        return table.error(cStatus, Tr::tr("“%1” is not an order status (SUCCESS, NOTPAY, "
                                           "CLOSED, REFUND, PAYERROR, USERPAYING, REVOKED)")
                                        .arg(qs(status)));
    const std::string_view createdText = table.field(cCreated);
    row.created = parseTime(createdText);
    if (!row.created)
        return table.error(cCreated, createdText.empty() ? Tr::tr("the creation time is empty")
                                                         : badTime(createdText));
    const std::string_view paidText = table.field(cPaid);
    if (!paidText.empty()) {
        row.paid = parseTime(paidText);
        if (!row.paid)
            return table.error(cPaid, badTime(paidText));
    }
    row.key = batch.keep(key);
    row.txn = batch.keep(txn);
    row.status = batch.keep(status);
    row.createdText = batch.keep(createdText);
    row.paidText = batch.keep(paidText);
    return {};
}

Status parseRefund(const Table<7> &table, ParsedBatch<RefundRow> &batch, RefundRow &row)
{
    enum { cKey, cTrade, cRefundId, cAmount, cStatus, cCreated, cSuccess };
    const std::string_view key = table.field(cKey);
    if (!validKey(key, 64, "_-|*@"))
        return table.error(cKey, Tr::tr("“%1” is not a merchant refund number (1–64 letters, "
                                        "digits, _ - | * @)")
                                     .arg(qs(key)));
    const std::string_view trade = table.field(cTrade);
    if (!validKey(trade, 32, "_-*"))
        return table.error(cTrade, Tr::tr("“%1” is not a merchant order number (1–32 letters, "
                                          "digits, _ - *)")
                                       .arg(qs(trade)));
    const std::string_view refundId = table.field(cRefundId);
    if (refundId.size() > 64 || hasControl(refundId))
        return table.error(cRefundId,
                           Tr::tr("“%1” is not a WeChat Pay refund number").arg(qs(refundId)));
    const std::string_view amountText = table.field(cAmount);
    row.amount = money::parseInteger(amountText);
    if (!row.amount || *row.amount < 0)
        return table.error(
            cAmount, Tr::tr("“%1” is not a whole, non-negative number of fen").arg(qs(amountText)));
    const std::string_view status = table.field(cStatus);
    row.state = refundState(status);
    if (row.state == RefundState::Unknown)
        return table.error(cStatus, Tr::tr("“%1” is not a refund status (SUCCESS, PROCESSING, "
                                           "CLOSED, ABNORMAL)")
                                        .arg(qs(status)));
    const std::string_view createdText = table.field(cCreated);
    row.created = parseTime(createdText);
    if (!row.created)
        return table.error(cCreated, createdText.empty() ? Tr::tr("the creation time is empty")
                                                         : badTime(createdText));
    const std::string_view successText = table.field(cSuccess);
    if (!successText.empty()) {
        row.success = parseTime(successText);
        if (!row.success)
            return table.error(cSuccess, badTime(successText));
    }
    row.key = batch.keep(key);
    row.trade = batch.keep(trade);
    row.refundId = batch.keep(refundId);
    row.status = batch.keep(status);
    row.createdText = batch.keep(createdText);
    row.successText = batch.keep(successText);
    return {};
}

// Reads `table` on a second thread (read, split, validate: a fifth of an import's time) while
// this thread, which owns the connection, applies each batch of rows with `apply`. The first
// failing row wins: rows before a bad one are applied first (the caller's transaction is rolled
// back anyway), so the error is the one a single-threaded pass would report. Cancel is checked
// between batches.
template<typename Row, size_t N, typename Apply>
Status pipelined(Table<N> &table, Progress &progress,
                 Status (*parse)(const Table<N> &, ParsedBatch<Row> &, Row &), Apply apply)
{
    using Batch = ParsedBatch<Row>;
    RowPipe<Batch> pipe;
    // Spent batches go back for refilling (memory already mapped); at most capacity + 2
    // batches exist, so pushing one back never blocks.
    RowPipe<Batch> spare(pipe.capacity() + 2);
    std::optional<Error> readError;
    std::thread reader([&] {
        const auto fresh = [&] {
            auto b = spare.tryPop();
            if (!b)
                return std::make_unique<Batch>();
            b->clear();
            return b;
        };
        auto batch = fresh();
        for (;;) {
            const Result<bool> more = table.next();
            if (!more) {
                readError = more.error();
                break;
            }
            if (!*more)
                break;
            size_t need = 0;
            for (size_t c = 0; c < N; ++c)
                need += table.field(c).size();
            if (!batch->fits(need)) {
                batch->bytesRead = table.bytesRead();
                if (!pipe.push(std::move(batch)))
                    break; // the applying side stopped
                batch = fresh();
            }
            Row row;
            if (Status s = parse(table, *batch, row); !s) {
                readError = s.error();
                break;
            }
            batch->rows.push_back(row);
        }
        if (batch && !batch->rows.empty()) {
            batch->bytesRead = table.bytesRead();
            (void)pipe.push(std::move(batch));
        }
        pipe.close();
    });
    // Whatever way this function leaves, the reader is stopped and joined first.
    struct Join
    {
        RowPipe<Batch> &pipe;
        std::thread &thread;
        ~Join()
        {
            pipe.abort();
            thread.join();
        }
    } join{pipe, reader};
    while (auto b = pipe.pop()) {
        if (progress.promise.isCanceled())
            return cancelled();
        if (Status s = apply(*b); !s)
            return s;
        progress.report(b->bytesRead);
        (void)spare.push(std::move(b));
    }
    // pop() returned nullptr: the reader closed the pipe and has finished writing readError.
    if (readError)
        return *readError;
    return {};
}

// Upserts of one table by key, probing first with the statement that most likely answers:
// INSERT for a new key (one index probe), SELECT for a key the ledger has (one probe instead
// of two). Runs of either are long in practice (a new day, or a re-import of days already
// imported), so the previous row's case decides.
class KeyedUpsert final
{
public:
    KeyedUpsert(SqliteStatement &insert, SqliteStatement &select)
        : m_insert(insert)
        , m_select(select)
    {}

    /// true: `bindInsert` bound `insert` and it created the row. false: `select` (bound to the
    /// key at ?1) stands on the stored row; the caller reads and resets it. `vanished()` is
    /// the error for a row that conflicted but cannot be selected.
    template<typename Bind, typename Vanished>
    Result<bool> run(std::string_view key, Bind bindInsert, Vanished vanished)
    {
        if (m_lastExisted) {
            m_select.bindView(1, key);
            const Result<bool> row = m_select.step();
            if (!row || *row) {
                if (!row)
                    m_select.reset();
                return row ? Result<bool>(false) : Result<bool>(row.error());
            }
            m_select.reset();
        }
        bindInsert();
        if (Status s = m_insert.exec(); !s)
            return s.error();
        m_lastExisted = m_insert.changes() != 1;
        if (!m_lastExisted)
            return true;
        m_select.bindView(1, key);
        const Result<bool> row = m_select.step();
        if (!row || !*row) {
            m_select.reset();
            return row ? Result<bool>(vanished()) : Result<bool>(row.error());
        }
        return false;
    }

    /// The next key is known to exist: run() selects first.
    void expectExisting() { m_lastExisted = true; }

private:
    SqliteStatement &m_insert;
    SqliteStatement &m_select;
    bool m_lastExisted = false;
};

// New rows of one table a batch at a time: one INSERT … SELECT from a feed of the batch
// (sqlitefeed.h) instead of an upsert per row. The ids are chosen here (the next free id plus
// the row's position), so that the rows the statement skipped are known afterwards: their ids
// are not in the table. Those then take the per-row path, in file order; only rows with the
// same key depend on each other, and they keep their order. OR IGNORE rather than an upsert
// clause: a statement that may abort half-way keeps a statement journal of the pages it
// changes (that cost a third of a million-order import); this one cannot abort, and a row it
// skipped for a constraint fails on the per-row path with SQLite's message. A batch of mostly
// known rows (a re-import) is applied row by row, and so is the next one; the ids of skipped
// rows stay unused.
template<typename Row>
class BatchInsert final
{
public:
    /// `insert`: INSERT OR IGNORE INTO `table` (id, …) SELECT ?1 + rowid, … FROM `feedName`,
    /// with ?2 bound to `now`.
    BatchInsert(Ledger &ledger, const char *table, const char *feedName, const char *feedColumns,
                SqliteFeed::ColumnFn column, const char *insert, cst::Instant now)
        : m_feed(ledger, feedName, feedColumns, column)
        , m_insert(ledger, insert)
        , m_lastId(ledger, QByteArray(QByteArray("SELECT max(id) FROM ") + table).constData())
        , m_idsBetween(ledger, QByteArray(QByteArray("SELECT id FROM ") + table
                                          + " WHERE id >= ?1 AND id < ?2")
                                   .constData())
    {
        m_insert.bind(2, now);
    }

    Status prepared() const
    {
        if (Status s = m_feed.registered(); !s)
            return s;
        for (const SqliteStatement *q : {&m_insert, &m_lastId, &m_idsBetween}) {
            if (Status s = q->prepared(); !s)
                return s;
        }
        return {};
    }

    /// Stores `rows`: inserted(row, id) for each row the batch created, one(row, known) for
    /// each other row (known: it conflicted, so its key is in the table). `created` counts
    /// the rows created, by the batch here and by one() itself.
    template<typename Inserted, typename One>
    Status apply(const std::vector<Row> &rows, qint64 &created, Inserted inserted, One one)
    {
        const qint64 count = qint64(rows.size());
        const qint64 createdBefore = created;
        if (!m_whole) {
            for (const Row &row : rows) {
                if (Status s = one(row, false); !s)
                    return s;
            }
            m_whole = (created - createdBefore) * 2 >= count;
            return {};
        }
        const Result<bool> last = m_lastId.step();
        if (!last) {
            m_lastId.reset();
            return last.error();
        }
        const qint64 first = m_lastId.isNull(0) ? 1 : m_lastId.int64(0) + 1;
        m_lastId.reset();
        m_feed.set(rows.data(), count);
        m_insert.bind(1, first);
        if (Status s = m_insert.exec(); !s)
            return s;
        const qint64 done = m_insert.changes();
        created += done;
        std::vector<bool> isNew(rows.size(), done == count);
        if (done != count) {
            m_idsBetween.bind(1, first);
            m_idsBetween.bind(2, first + count);
            for (;;) {
                const Result<bool> row = m_idsBetween.step();
                if (!row) {
                    m_idsBetween.reset();
                    return row.error();
                }
                if (!*row)
                    break;
                isNew[size_t(m_idsBetween.int64(0) - first)] = true;
            }
            m_idsBetween.reset();
        }
        for (size_t i = 0; i < rows.size(); ++i) {
            if (isNew[i]) {
                inserted(rows[i], first + qint64(i));
                continue;
            }
            if (Status s = one(rows[i], true); !s)
                return s;
        }
        m_whole = (created - createdBefore) * 2 >= count;
        return {};
    }

private:
    SqliteFeed m_feed; // before the statements that read it: they are finalized first
    SqliteStatement m_insert;
    SqliteStatement m_lastId;
    SqliteStatement m_idsBetween;
    bool m_whole = true;
};

// The event time of an imported state: payment time for paid states, else creation.
std::optional<cst::Instant> eventAt(const OrderRow &row)
{
    return isPaid(row.state) && row.paid ? row.paid : row.created;
}

constexpr auto resultText = &SqliteFeed::resultText;
constexpr auto resultInt64 = &SqliteFeed::resultInt64;

// The columns of wxr_order_feed (kOrderFeedColumns) from a batch's OrderRow array.
constexpr const char *kOrderFeedColumns
    = "key, txn, amount, status, created, created_text, paid, paid_text, state_at";

void orderFeedColumn(sqlite3_context *context, const void *rows, qint64 index, int column)
{
    const OrderRow &row = static_cast<const OrderRow *>(rows)[index];
    switch (column) {
    case 0:
        resultText(context, row.key);
        break;
    case 1:
        resultText(context, row.txn);
        break;
    case 2:
        resultInt64(context, row.amount);
        break;
    case 3:
        resultText(context, row.status);
        break;
    case 4:
        resultInt64(context, row.created);
        break;
    case 5:
        resultText(context, timetext::stored(row.createdText));
        break;
    case 6:
        resultInt64(context, row.paid);
        break;
    case 7:
        resultText(context, timetext::stored(row.paidText));
        break;
    case 8:
        resultInt64(context, eventAt(row));
        break;
    default:
        sqlite3_result_null(context);
        break;
    }
}

Status importOrders(Ledger &ledger, QIODevice &device, const QString &path, Progress &progress,
                    LedgerImportStats &stats, const QString &actor)
{
    Table<6> table(device, path, kOrderColumns);
    if (Status s = table.readHeader(); !s)
        return s;
    // The paid-time zones are recorded here, not by the per-row triggers (paidzones.h).
    PaidZones zones;
    if (Status s = zones.suspendTriggers(ledger); !s)
        return s;
    const cst::Instant now = cst::now();
    BatchInsert<OrderRow> batchInsert(
        ledger, "orders", "wxr_order_feed", kOrderFeedColumns, &orderFeedColumn,
        "INSERT OR IGNORE INTO orders (id, out_trade_no, transaction_id, amount_fen, status, "
        "created_at, created_at_text, paid_at, paid_at_text, state_at, source, updated_at) "
        "SELECT ?1 + rowid, key, txn, amount, status, created, created_text, paid, "
        "paid_text, state_at, 'import', ?2 FROM wxr_order_feed",
        now);
    SqliteStatement insert(ledger,
                           "INSERT INTO orders (out_trade_no, transaction_id, amount_fen, status, "
                           "created_at, created_at_text, paid_at, paid_at_text, state_at, source, "
                           "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'import', ?10) "
                           "ON CONFLICT (out_trade_no) DO NOTHING");
    SqliteStatement select(ledger,
                           "SELECT id, status, state_at, amount_fen, transaction_id, "
                           "created_at_text, paid_at, needs_review, paid_at_text FROM orders "
                           "WHERE out_trade_no = ?1");
    SqliteStatement update(ledger,
                           "UPDATE orders SET status = ?1, state_at = ?2, amount_fen = ?3, "
                           "transaction_id = ?4, created_at = ?5, created_at_text = ?6, "
                           "paid_at = ?7, paid_at_text = ?8, needs_review = ?9, "
                           "review_reason = CASE WHEN ?10 <> '' THEN ?10 ELSE review_reason END, "
                           "updated_at = ?11 WHERE id = ?12");
    if (Status st = batchInsert.prepared(); !st)
        return st;
    for (SqliteStatement *s : {&insert, &select, &update}) {
        if (Status st = s->prepared(); !st)
            return st;
    }
    AuditLog audit(ledger);
    KeyedUpsert upsert(insert, select);
    const auto applyOne = [&](const OrderRow &in) -> Status {
        const std::string_view key = in.key;
        const std::string_view txn = in.txn;
        const std::optional<qint64> amount = in.amount;
        const std::string_view status = in.status;
        const TradeState state = in.state;
        const std::string_view createdText = in.createdText;
        const std::optional<cst::Instant> created = in.created;
        const std::string_view paidText = in.paidText;
        const std::optional<cst::Instant> paid = in.paid;
        const std::optional<cst::Instant> eventAt = core::eventAt(in);

        const Result<bool> createdRow = upsert.run(
            key,
            [&] {
                insert.bindView(1, key);
                insert.bindView(2, txn);
                insert.bind(3, *amount);
                insert.bindView(4, status);
                insert.bind(5, *created);
                insert.bindView(6, timetext::stored(createdText));
                insert.bind(7, paid);
                insert.bindView(8, timetext::stored(paidText));
                insert.bind(9, eventAt);
                insert.bind(10, now);
            },
            [&] {
                return makeError(ErrorCode::Internal,
                                 Tr::tr("order %1 vanished during the import").arg(qs(key)));
            });
        if (!createdRow)
            return createdRow.error();
        if (*createdRow) {
            ++stats.ordersCreated;
            if (paid)
                zones.note(sqlite3_last_insert_rowid(ledger.handle()), *paid);
            return {};
        }

        // An existing order: the monotonic rules decide about the state. Compared as bytes;
        // text is copied only for a row that changes, so re-importing rows the ledger already
        // has costs no allocation.
        const std::string_view oldStatusView = select.view(1);
        const std::optional<qint64> oldStateAt = select.optionalInt64(2);
        const qint64 oldAmount = select.int64(3);
        const std::string_view oldTxnView = select.view(4);
        const std::optional<qint64> oldPaid = select.optionalInt64(6);
        const StateOutcome outcome
            = oldStatusView == status ? StateOutcome::Unchanged
                                      : decideTradeTransition(tradeStateFromWord(qs(oldStatusView)),
                                                              oldStateAt, state, eventAt);
        const bool applyState
            = outcome == StateOutcome::Applied || outcome == StateOutcome::PaidAfterClose;
        const bool fillTxn = oldTxnView.empty() && !txn.empty();
        const bool fillPaid = !oldPaid && paid;
        const bool fieldsChange = oldAmount != *amount
                                  || select.view(5) != timetext::stored(createdText) || fillTxn
                                  || fillPaid;
        if (outcome == StateOutcome::IgnoredFinal || outcome == StateOutcome::IgnoredStale)
            ++stats.ordersStateIgnored;
        if (!applyState && !fieldsChange) {
            select.reset();
            ++stats.ordersUnchanged;
            return {};
        }
        const qint64 id = select.int64(0);
        const QString oldStatus = qs(oldStatusView);
        const QByteArray oldTxn(oldTxnView.data(), qsizetype(oldTxnView.size()));
        const bool oldReview = select.int64(7) != 0;
        const QString oldPaidText = select.text(8);
        select.reset();

        const QString newStatus = qs(status);
        const QString reason = outcome == StateOutcome::PaidAfterClose
                                   ? Tr::tr("paid after the order was closed")
                                   : QString();
        update.bindText(1, applyState ? newStatus : oldStatus);
        update.bind(2, applyState ? eventAt : oldStateAt);
        update.bind(3, *amount);
        const QByteArray txnBytes
            = fillTxn ? QByteArray(txn.data(), qsizetype(txn.size())) : oldTxn;
        update.bindView(4, std::string_view(txnBytes.constData(), size_t(txnBytes.size())));
        update.bind(5, *created);
        update.bindView(6, timetext::stored(createdText));
        update.bind(7, fillPaid ? paid : oldPaid);
        update.bindText(8, fillPaid ? qs(timetext::stored(paidText)) : oldPaidText);
        update.bind(9, qint64(oldReview || !reason.isEmpty()));
        update.bindText(10, reason);
        update.bind(11, now);
        update.bind(12, id);
        if (Status s = update.exec(); !s)
            return s;
        if (fillPaid)
            zones.note(id, *paid);
        ++stats.ordersUpdated;
        AuditEntry entry;
        entry.actor = actor;
        entry.action = applyState ? QStringLiteral("state") : QStringLiteral("update");
        entry.entity = QStringLiteral("order");
        entry.entityKey = qs(key);
        entry.oldValue = oldStatus + u' ' + QString::number(oldAmount);
        entry.newValue = (applyState ? newStatus : oldStatus) + u' ' + QString::number(*amount);
        entry.detail = stateOutcomeName(outcome);
        if (const auto r = audit.append(entry); !r)
            return r.error();
        return {};
    };
    const Status imported = pipelined<OrderRow>(table, progress, &parseOrder,
                                                [&](const ParsedBatch<OrderRow> &batch) -> Status {
                                                    stats.ordersRead += qint64(batch.rows.size());
                                                    return batchInsert.apply(
                                                        batch.rows, stats.ordersCreated,
                                                        [&](const OrderRow &row, qint64 id) {
                                                            if (row.paid)
                                                                zones.note(id, *row.paid);
                                                        },
                                                        [&](const OrderRow &row, bool known) {
                                                            if (known)
                                                                upsert.expectExisting();
                                                            return applyOne(row);
                                                        });
                                                });
    if (!imported)
        return imported;
    return zones.store(ledger);
}

// The columns of wxr_refund_feed (kRefundFeedColumns) from a batch's RefundRow array.
constexpr const char *kRefundFeedColumns = "key, trade, refund_id, amount, status, created, "
                                           "created_text, success, success_text, state_at";

// The event time of an imported refund state: success time for SUCCESS, else initiation.
std::optional<cst::Instant> eventAt(const RefundRow &row)
{
    return row.state == RefundState::Success && row.success ? row.success : row.created;
}

void refundFeedColumn(sqlite3_context *context, const void *rows, qint64 index, int column)
{
    const RefundRow &row = static_cast<const RefundRow *>(rows)[index];
    switch (column) {
    case 0:
        resultText(context, row.key);
        break;
    case 1:
        resultText(context, row.trade);
        break;
    case 2:
        resultText(context, row.refundId);
        break;
    case 3:
        resultInt64(context, row.amount);
        break;
    case 4:
        resultText(context, row.status);
        break;
    case 5:
        resultInt64(context, row.created);
        break;
    case 6:
        resultText(context, timetext::stored(row.createdText));
        break;
    case 7:
        resultInt64(context, row.success);
        break;
    case 8:
        resultText(context, timetext::stored(row.successText));
        break;
    case 9:
        resultInt64(context, eventAt(row));
        break;
    default:
        sqlite3_result_null(context);
        break;
    }
}

Status importRefunds(Ledger &ledger, QIODevice &device, const QString &path, Progress &progress,
                     LedgerImportStats &stats, const QString &actor)
{
    Table<7> table(device, path, kRefundColumns);
    if (Status s = table.readHeader(); !s)
        return s;
    SqliteStatement insert(
        ledger, "INSERT INTO refunds (out_refund_no, out_trade_no, refund_id, amount_fen, "
                "status, created_at, created_at_text, success_at, success_at_text, "
                "state_at, source, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                "?9, ?10, 'import', ?11) ON CONFLICT (out_refund_no) DO NOTHING");
    SqliteStatement select(ledger, "SELECT id, status, state_at, amount_fen, refund_id, "
                                   "created_at_text, success_at, success_at_text, out_trade_no "
                                   "FROM refunds WHERE out_refund_no = ?1");
    SqliteStatement update(ledger,
                           "UPDATE refunds SET status = ?1, state_at = ?2, amount_fen = ?3, "
                           "refund_id = ?4, created_at = ?5, created_at_text = ?6, "
                           "success_at = ?7, success_at_text = ?8, out_trade_no = ?9, "
                           "updated_at = ?10 WHERE id = ?11");
    const cst::Instant now = cst::now();
    BatchInsert<RefundRow> batchInsert(
        ledger, "refunds", "wxr_refund_feed", kRefundFeedColumns, &refundFeedColumn,
        "INSERT OR IGNORE INTO refunds (id, out_refund_no, out_trade_no, refund_id, amount_fen, "
        "status, created_at, created_at_text, success_at, success_at_text, state_at, source, "
        "updated_at) SELECT ?1 + rowid, key, trade, refund_id, amount, status, created, "
        "created_text, success, success_text, state_at, 'import', ?2 FROM wxr_refund_feed",
        now);
    if (Status st = batchInsert.prepared(); !st)
        return st;
    for (SqliteStatement *s : {&insert, &select, &update}) {
        if (Status st = s->prepared(); !st)
            return st;
    }
    AuditLog audit(ledger);
    KeyedUpsert upsert(insert, select);
    const auto applyOne = [&](const RefundRow &in) -> Status {
        const std::string_view key = in.key;
        const std::string_view trade = in.trade;
        const std::string_view refundId = in.refundId;
        const std::optional<qint64> amount = in.amount;
        const std::string_view status = in.status;
        const RefundState state = in.state;
        const std::string_view createdText = in.createdText;
        const std::optional<cst::Instant> created = in.created;
        const std::string_view successText = in.successText;
        const std::optional<cst::Instant> success = in.success;
        const std::optional<cst::Instant> eventAt = core::eventAt(in);

        const Result<bool> createdRow = upsert.run(
            key,
            [&] {
                insert.bindView(1, key);
                insert.bindView(2, trade);
                insert.bindView(3, refundId);
                insert.bind(4, *amount);
                insert.bindView(5, status);
                insert.bind(6, *created);
                insert.bindView(7, timetext::stored(createdText));
                insert.bind(8, success);
                insert.bindView(9, timetext::stored(successText));
                insert.bind(10, eventAt);
                insert.bind(11, now);
            },
            [&] {
                return makeError(ErrorCode::Internal,
                                 Tr::tr("refund %1 vanished during the import").arg(qs(key)));
            });
        if (!createdRow)
            return createdRow.error();
        if (*createdRow) {
            ++stats.refundsCreated;
            return {};
        }

        const std::string_view oldStatusView = select.view(1);
        const std::optional<qint64> oldStateAt = select.optionalInt64(2);
        const qint64 oldAmount = select.int64(3);
        const std::string_view oldRefundIdView = select.view(4);
        const std::optional<qint64> oldSuccess = select.optionalInt64(6);
        const StateOutcome outcome
            = oldStatusView == status
                  ? StateOutcome::Unchanged
                  : decideRefundTransition(refundStateFromWord(qs(oldStatusView)), oldStateAt,
                                           state, eventAt);
        const bool applyState = outcome == StateOutcome::Applied;
        const bool fillRefundId = oldRefundIdView.empty() && !refundId.empty();
        const bool fillSuccess = !oldSuccess && success;
        const bool fieldsChange = oldAmount != *amount
                                  || select.view(5) != timetext::stored(createdText) || fillRefundId
                                  || fillSuccess || select.view(8) != trade;
        if (outcome == StateOutcome::IgnoredFinal || outcome == StateOutcome::IgnoredStale)
            ++stats.refundsStateIgnored;
        if (!applyState && !fieldsChange) {
            select.reset();
            ++stats.refundsUnchanged;
            return {};
        }
        const qint64 id = select.int64(0);
        const QString oldStatus = qs(oldStatusView);
        const QString oldRefundId = qs(oldRefundIdView);
        const QString oldSuccessText = select.text(7);
        select.reset();

        const QString newStatus = qs(status);
        update.bindText(1, applyState ? newStatus : oldStatus);
        update.bind(2, applyState ? eventAt : oldStateAt);
        update.bind(3, *amount);
        update.bindText(4, fillRefundId ? qs(refundId) : oldRefundId);
        update.bind(5, *created);
        update.bindView(6, timetext::stored(createdText));
        update.bind(7, fillSuccess ? success : oldSuccess);
        update.bindText(8, fillSuccess ? qs(timetext::stored(successText)) : oldSuccessText);
        update.bindView(9, trade);
        update.bind(10, now);
        update.bind(11, id);
        if (Status s = update.exec(); !s)
            return s;
        ++stats.refundsUpdated;
        AuditEntry entry;
        entry.actor = actor;
        entry.action = applyState ? QStringLiteral("state") : QStringLiteral("update");
        entry.entity = QStringLiteral("refund");
        entry.entityKey = qs(key);
        entry.oldValue = oldStatus + u' ' + QString::number(oldAmount);
        entry.newValue = (applyState ? newStatus : oldStatus) + u' ' + QString::number(*amount);
        entry.detail = stateOutcomeName(outcome);
        if (const auto r = audit.append(entry); !r)
            return r.error();
        return {};
    };
    return pipelined<RefundRow>(
        table, progress, &parseRefund, [&](const ParsedBatch<RefundRow> &batch) -> Status {
            stats.refundsRead += qint64(batch.rows.size());
            return batchInsert.apply(
                batch.rows, stats.refundsCreated, [](const RefundRow &, qint64) {},
                [&](const RefundRow &row, bool known) {
                    if (known)
                        upsert.expectExisting();
                    return applyOne(row);
                });
        });
}

Error nothingImported(const Error &e)
{
    if (e.code == ErrorCode::Cancelled)
        return makeError(ErrorCode::Cancelled,
                         Tr::tr("The import was cancelled; nothing was imported."));
    return Error{e.code, Tr::tr("%1; nothing was imported.").arg(withoutFullStop(e.message)),
                 e.detail};
}

void appendField(QByteArray &out, std::string_view v)
{
    bool quote = false;
    for (const char c : v) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        out.append(v.data(), static_cast<qsizetype>(v.size()));
        return;
    }
    out.append('"');
    for (const char c : v) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
}

void appendTime(QByteArray &out, std::string_view text, std::optional<qint64> at)
{
    if (!text.empty())
        appendField(out, text);
    else if (at)
        out.append(cst::formatRfc3339(*at).toLatin1());
}

Status writeTable(Ledger &ledger, const QString &path, const char *header, const char *sql,
                  int columns, const std::array<int, 9> &timeColumns, qint64 &count,
                  QPromise<void> &promise)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io,
                         Tr::tr("%1 could not be written: %2").arg(path, file.errorString()));
    SqliteStatement q(ledger, sql);
    if (Status s = q.prepared(); !s)
        return s;
    QByteArray buf = header;
    buf.append('\n');
    for (;;) {
        const Result<bool> row = q.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        // Columns come in pairs for times: text, then instant (see the SELECTs below).
        int out = 0;
        for (int c = 0; c < columns; ++c) {
            if (out++ > 0)
                buf.append(',');
            if (timeColumns[static_cast<size_t>(c)]) {
                appendTime(buf, q.view(c), q.optionalInt64(c + 1));
                ++c;
            } else {
                appendField(buf, q.view(c));
            }
        }
        buf.append('\n');
        if ((++count & 4095) == 0) {
            if (promise.isCanceled()) {
                file.cancelWriting();
                return makeError(ErrorCode::Cancelled, Tr::tr("The export was cancelled."));
            }
            if (file.write(buf) != buf.size())
                return makeError(
                    ErrorCode::Io,
                    Tr::tr("%1 could not be written: %2").arg(path, file.errorString()));
            buf.clear();
        }
    }
    if (file.write(buf) != buf.size() || !file.commit())
        return makeError(ErrorCode::Io,
                         Tr::tr("%1 could not be written: %2").arg(path, file.errorString()));
    return {};
}

} // namespace

Result<LedgerImportStats> importLedgerCsv(Ledger &ledger, const QString &ordersPath,
                                          const QString &refundsPath, QPromise<void> &promise)
{
    QFile orders(ordersPath);
    if (!orders.open(QIODevice::ReadOnly))
        return nothingImported(
            makeError(ErrorCode::Io,
                      Tr::tr("%1 could not be opened: %2").arg(ordersPath, orders.errorString())));
    QFile refunds(refundsPath);
    if (!refundsPath.isEmpty() && !refunds.open(QIODevice::ReadOnly))
        return nothingImported(makeError(
            ErrorCode::Io,
            Tr::tr("%1 could not be opened: %2").arg(refundsPath, refunds.errorString())));
    Progress progress{promise, orders.size() + (refundsPath.isEmpty() ? 0 : refunds.size())};
    promise.setProgressRange(0, 100);
    LedgerImportStats stats;
    BulkLoad bulk(ledger);
    Transaction tx(ledger);
    if (Status s = tx.begin(); !s)
        return nothingImported(s.error());
    const QString ordersName = QFileInfo(ordersPath).fileName();
    if (Status s = importOrders(ledger, orders, ordersPath, progress, stats,
                                QStringLiteral("import ") + ordersName);
        !s)
        return nothingImported(s.error());
    progress.done = orders.size();
    AuditEntry entry;
    entry.actor = QStringLiteral("import");
    entry.action = QStringLiteral("import");
    entry.entity = QStringLiteral("orders");
    entry.entityKey = ordersName;
    entry.detail
        = QStringLiteral("%1 read, %2 created, %3 updated, %4 unchanged, %5 states ignored")
              .arg(stats.ordersRead)
              .arg(stats.ordersCreated)
              .arg(stats.ordersUpdated)
              .arg(stats.ordersUnchanged)
              .arg(stats.ordersStateIgnored);
    if (const auto r = AuditLog(ledger).append(entry); !r)
        return nothingImported(r.error());
    if (!refundsPath.isEmpty()) {
        const QString refundsName = QFileInfo(refundsPath).fileName();
        if (Status s = importRefunds(ledger, refunds, refundsPath, progress, stats,
                                     QStringLiteral("import ") + refundsName);
            !s)
            return nothingImported(s.error());
        entry.entity = QStringLiteral("refunds");
        entry.entityKey = refundsName;
        entry.detail = QStringLiteral("%1 read, %2 created, %3 updated, %4 unchanged, %5 states "
                                      "ignored")
                           .arg(stats.refundsRead)
                           .arg(stats.refundsCreated)
                           .arg(stats.refundsUpdated)
                           .arg(stats.refundsUnchanged)
                           .arg(stats.refundsStateIgnored);
        if (const auto r = AuditLog(ledger).append(entry); !r)
            return nothingImported(r.error());
    }
    if (promise.isCanceled())
        return nothingImported(cancelled());
    if (Status s = tx.commit(); !s)
        return nothingImported(s.error());
    promise.setProgressValue(100);
    return stats;
}

Result<LedgerExportStats> exportLedgerCsv(Ledger &ledger, const QString &ordersPath,
                                          const QString &refundsPath, QPromise<void> &promise)
{
    LedgerExportStats stats;
    // One read transaction: both files show the same moment of the ledger.
    if (Status s = ledger.execute("BEGIN"); !s)
        return s.error();
    struct End
    {
        Ledger &l;
        ~End() { (void)l.execute("COMMIT"); }
    } end{ledger};
    if (Status s = writeTable(ledger, ordersPath,
                              "out_trade_no,transaction_id,amount_fen,status,created_at,paid_at",
                              "SELECT out_trade_no, transaction_id, amount_fen, status, "
                              "created_at_text, created_at, paid_at_text, paid_at FROM orders "
                              "ORDER BY id",
                              8, {0, 0, 0, 0, 1, 0, 1, 0, 0}, stats.orders, promise);
        !s)
        return s.error();
    if (!refundsPath.isEmpty()) {
        if (Status s
            = writeTable(ledger, refundsPath,
                         "out_refund_no,out_trade_no,refund_id,amount_fen,status,"
                         "created_at,success_at",
                         "SELECT out_refund_no, out_trade_no, refund_id, amount_fen, "
                         "status, created_at_text, created_at, success_at_text, success_at "
                         "FROM refunds ORDER BY id",
                         9, {0, 0, 0, 0, 0, 1, 0, 1, 0}, stats.refunds, promise);
            !s)
            return s.error();
    }
    return stats;
}

} // namespace wxr::core
