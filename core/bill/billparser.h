// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bill/billrecords.h"
#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace wxr::core {

/// Streaming parser of WeChat Pay trade and fund-flow bills (spec §7.6–§7.8). Pure: bytes in,
/// neutral records and a checked summary out; no I/O, no database, no global state.
///
/// Feed the decompressed file in chunks of any size (a line may span chunks), then call
/// finish(). Every detail row is handed to the matching callback as soon as its line is
/// complete; a callback returning an error stops parsing with that error. Rows must therefore
/// be treated as provisional until finish() succeeds: only then have the summary invariants
/// (row count and every column total, the fee total within rounding tolerance) been checked.
///
/// Accepted: UTF-8 BOM or none, LF or CRLF, final newline or none, blank lines; columns mapped
/// by header name including legacy names (总金额, 企业红包金额, 子商户号, v2 代金券或立减优惠*);
/// unknown extra columns ignored. Refused with an InvalidInput error naming the line and column: an
/// unknown layout (the header is shown), a malformed amount or time, a row with fewer fields
/// than the header, a row with surplus fields that cannot be attributed to a merchant-defined
/// column, a missing or inconsistent summary, text after the summary, a line over
/// kMaxLineBytes. Rows with surplus separators inside 商品名称/商户数据包 (or 备注) are kept and
/// flagged.
///
/// Not thread-safe; use one parser per file. After an error every call returns that error.
class BillParser final
{
public:
    using TradeRowHandler = std::function<Status(const TradeBillRow &)>;
    using FundFlowRowHandler = std::function<Status(const FundFlowRow &)>;

    static constexpr qsizetype kMaxLineBytes = 64 * 1024;

    /// Either handler may be empty when the caller does not need the rows of that kind.
    explicit BillParser(TradeRowHandler onTradeRow, FundFlowRowHandler onFundFlowRow = {});
    ~BillParser();
    BillParser(const BillParser &) = delete;
    BillParser &operator=(const BillParser &) = delete;

    Status feed(QByteArrayView chunk);
    /// Processes the last line (which may lack its newline) and checks the summary.
    Result<BillSummary> finish();

    /// The layout, once the header line has been read.
    [[nodiscard]] std::optional<BillKind> kind() const;

private:
    struct Layout;

    Status line(std::string_view text);
    Status headerLine(std::string_view text);
    Status detailLine(std::string_view text);
    Status summaryHeaderLine(std::string_view text);
    Status summaryValueLine(std::string_view text);
    Status tradeRow();
    Status fundFlowRow();
    Status splitDetail(std::string_view text);
    Status check() const;
    Error fail(Error error);
    Error tooLong();
    Error lineError(const QString &column, const QString &reason) const;

    enum class Stage { Header, Details, SummaryValues, Done };

    TradeRowHandler m_onTrade;
    FundFlowRowHandler m_onFund;
    std::unique_ptr<Layout> m_layout;
    Stage m_stage = Stage::Header;
    qint64 m_line = 0;
    QByteArray m_carry;
    std::vector<std::string_view> m_fields;
    std::vector<std::string_view> m_mapped; ///< by column id, after surplus handling
    bool m_rowFlagged = false;
    BillSummary m_summary;
    Fen m_feeRoundedPerRow = 0; ///< Σ per-row fees rounded to fen: the other plausible rule
    std::optional<Error> m_error;
};

} // namespace wxr::core
