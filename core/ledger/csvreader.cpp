// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/csvreader.h"

#include "common/coretr.h"

#include <cstring>

namespace wxr::core {

namespace {
constexpr qint64 kChunk = 4 << 20;
}

CsvReader::CsvReader(QIODevice &device)
    : m_device(device)
{}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    // Keep the unconsumed tail, append the next chunk. The tail is moved to the front of the
    // same buffer rather than removed: QByteArray::remove(0, n) only advances the start, so the
    // next resize reallocated, and a fresh 4 MiB block per chunk cost a page fault every 4 KiB
    // (a million-row file spent a tenth of its import there).
    if (m_pos > 0) {
        const qsizetype tail = m_buf.size() - m_pos;
        std::memmove(m_buf.data(), m_buf.constData() + m_pos, static_cast<size_t>(tail));
        m_buf.resize(tail);
        m_pos = 0;
    }
    const qsizetype old = m_buf.size();
    if (m_buf.capacity() < old + kChunk)
        m_buf.reserve(old + 2 * kChunk);
    m_buf.resize(old + kChunk);
    const qint64 n = m_device.read(m_buf.data() + old, kChunk);
    if (n <= 0) {
        m_buf.resize(old);
        m_eof = true;
        return n == 0;
    }
    m_buf.resize(old + n);
    m_bytesRead += n;
    if (m_first && m_buf.size() >= 3 && std::memcmp(m_buf.constData(), "\xEF\xBB\xBF", 3) == 0)
        m_pos = 3;
    if (m_first && m_buf.size() >= 3)
        m_first = false;
    return true;
}

Result<bool> CsvReader::next()
{
    for (;;) {
        // Skip blank lines.
        while (m_pos < m_buf.size() && (m_buf[m_pos] == '\n' || m_buf[m_pos] == '\r')) {
            if (m_buf[m_pos] == '\n')
                ++m_line;
            ++m_pos;
        }
        if (m_pos >= m_buf.size()) {
            if (m_eof)
                return false;
            if (!fill() && !m_eof)
                return makeError(ErrorCode::Io, Tr::tr("line %1: the file could not be read: %2")
                                                    .arg(m_line)
                                                    .arg(m_device.errorString()));
            if (m_eof && m_buf.size() - m_pos == 0)
                return false;
            continue;
        }
        QString reason;
        switch (parseRecord(&reason)) {
        case Parse::Complete:
            return true;
        case Parse::Bad:
            return makeError(ErrorCode::InvalidInput,
                             Tr::tr("line %1: %2").arg(m_line).arg(reason));
        case Parse::NeedMore:
            if (m_buf.size() - m_pos > kMaxRecordBytes)
                return makeError(ErrorCode::InvalidInput,
                                 Tr::tr("line %1: the record is longer than %2 bytes")
                                     .arg(m_line)
                                     .arg(kMaxRecordBytes));
            if (m_eof)
                return makeError(ErrorCode::InvalidInput,
                                 Tr::tr("line %1: a quoted field is not closed before the end of "
                                        "the file")
                                     .arg(m_line));
            {
                const bool ok = fill();
                if (!ok && !m_eof)
                    return makeError(ErrorCode::Io,
                                     Tr::tr("line %1: the file could not be read: %2")
                                         .arg(m_line)
                                         .arg(m_device.errorString()));
            }
            continue;
        }
    }
}

CsvReader::Parse CsvReader::parseRecord(QString *reason)
{
    const char *const begin = m_buf.constData();
    const char *const end = begin + m_buf.size();
    const char *p = begin + m_pos;
    m_fields.clear();
    m_scratch.clear();
    m_pending.clear();
    qint64 lines = 0;
    for (;;) {
        // One field starting at p.
        if (p < end && *p == '"') {
            ++p;
            const char *start = p;
            bool escaped = false;
            size_t scratchStart = m_scratch.size();
            for (;;) {
                const char *q = static_cast<const char *>(std::memchr(p, '"', end - p));
                if (!q)
                    return Parse::NeedMore;
                if (q + 1 >= end && !m_eof)
                    return Parse::NeedMore; // cannot tell "" from a closing quote yet
                for (const char *c = p; c < q; ++c)
                    lines += *c == '\n';
                if (q + 1 < end && q[1] == '"') {
                    if (!escaped) {
                        escaped = true;
                        scratchStart = m_scratch.size();
                        m_scratch.append(start, static_cast<size_t>(q - start));
                    } else {
                        m_scratch.append(p, static_cast<size_t>(q - p));
                    }
                    m_scratch.push_back('"');
                    p = q + 2;
                    continue;
                }
                if (escaped) {
                    m_scratch.append(p, static_cast<size_t>(q - p));
                    m_pending.push_back(
                        {m_fields.size(), scratchStart, m_scratch.size() - scratchStart});
                    m_fields.emplace_back();
                } else {
                    m_fields.emplace_back(start, static_cast<size_t>(q - start));
                }
                p = q + 1;
                break;
            }
            if (p < end && *p != ',' && *p != '\n' && *p != '\r') {
                *reason = Tr::tr("text follows a closing quote");
                m_line += lines;
                return Parse::Bad;
            }
        } else {
            const char *start = p;
            while (p < end && *p != ',' && *p != '\n' && *p != '\r') {
                if (*p == '"') {
                    *reason = Tr::tr("a quote appears inside an unquoted field");
                    m_line += lines;
                    return Parse::Bad;
                }
                ++p;
            }
            if (p >= end && !m_eof)
                return Parse::NeedMore;
            m_fields.emplace_back(start, static_cast<size_t>(p - start));
        }
        if (p >= end) {
            if (!m_eof)
                return Parse::NeedMore;
            break; // last record without newline
        }
        if (*p == ',') {
            ++p;
            continue;
        }
        // End of record: \n, \r\n or a lone \r.
        if (*p == '\r') {
            if (p + 1 >= end && !m_eof)
                return Parse::NeedMore;
            ++p;
            if (p < end && *p == '\n')
                ++p;
        } else {
            ++p;
        }
        break;
    }
    for (const Pending &pending : m_pending)
        m_fields[pending.field] = std::string_view(m_scratch).substr(pending.offset, pending.size);
    m_recordLine = m_line;
    m_line += lines + 1;
    m_pos = p - begin;
    return Parse::Complete;
}

} // namespace wxr::core
