// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QIODevice>

#include <string>
#include <string_view>
#include <vector>

namespace wxr::core {

/// Streaming RFC 4180 reader for the ledger's CSV files: comma separated, fields optionally in
/// double quotes with "" for a quote, quoted fields may hold commas and line breaks; LF or
/// CRLF; a UTF-8 BOM at the start is skipped; the last line may lack its newline.
///
/// Fields are views into the reader's buffer, valid until the next call to next(). Unquoted
/// fields and quoted fields without "" are not copied. Not thread-safe.
class CsvReader final
{
public:
    static constexpr qsizetype kMaxRecordBytes = 1 << 20;

    explicit CsvReader(QIODevice &device);

    /// Reads the next record: true when one was read, false at the end. InvalidInput for a
    /// quote in the middle of an unquoted field, text after a closing quote, an unterminated
    /// quote or a record over kMaxRecordBytes; Io for a read error. Blank lines are skipped.
    Result<bool> next();

    [[nodiscard]] const std::vector<std::string_view> &fields() const { return m_fields; }
    /// 1-based line on which the current record starts.
    [[nodiscard]] qint64 line() const { return m_recordLine; }
    /// Bytes consumed from the device so far (for progress).
    [[nodiscard]] qint64 bytesRead() const { return m_bytesRead; }

private:
    enum class Parse { Complete, NeedMore, Bad };
    Parse parseRecord(QString *reason);
    bool fill();

    QIODevice &m_device;
    QByteArray m_buf;
    qsizetype m_pos = 0;
    bool m_eof = false;
    bool m_first = true;
    qint64 m_line = 1;
    qint64 m_recordLine = 0;
    qint64 m_bytesRead = 0;
    std::vector<std::string_view> m_fields;
    std::string m_scratch; // unescaped quoted fields of the current record
    struct Pending
    {
        size_t field;
        size_t offset;
        size_t size;
    };
    std::vector<Pending> m_pending;
};

} // namespace wxr::core
