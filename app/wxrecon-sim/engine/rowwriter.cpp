// SPDX-License-Identifier: GPL-3.0-or-later
#include "rowwriter.h"

#include "common/cstime.h"

namespace wxr::sim {

GzipSink::GzipSink(ByteSink &next, int level)
    : m_next(next)
    , m_out(1 << 16)
{
    // windowBits 15 + 16 selects the gzip wrapper; memLevel 8 is zlib's default.
    deflateInit2(&m_z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

GzipSink::~GzipSink()
{
    deflateEnd(&m_z);
}

void GzipSink::pump(int flush)
{
    do {
        m_z.next_out = reinterpret_cast<Bytef *>(m_out.data());
        m_z.avail_out = static_cast<uInt>(m_out.size());
        deflate(&m_z, flush);
        const auto produced = static_cast<qsizetype>(m_out.size() - m_z.avail_out);
        if (produced > 0)
            m_next.write(m_out.data(), produced);
    } while (m_z.avail_out == 0);
}

void GzipSink::write(const char *data, qsizetype size)
{
    m_z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
    m_z.avail_in = static_cast<uInt>(size);
    pump(Z_NO_FLUSH);
}

void GzipSink::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_z.next_in = nullptr;
    m_z.avail_in = 0;
    pump(Z_FINISH);
    m_next.finish();
}

void RowWriter::flush()
{
    if (m_len > 0)
        m_sink.write(m_buf, static_cast<qsizetype>(m_len));
    m_len = 0;
}

void RowWriter::number(qint64 value)
{
    char tmp[24];
    char *end = tmp + sizeof tmp;
    char *p = end;
    const bool negative = value < 0;
    quint64 v = negative ? 0 - static_cast<quint64>(value) : static_cast<quint64>(value);
    do {
        *--p = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    if (negative)
        *--p = '-';
    raw(std::string_view(p, static_cast<size_t>(end - p)));
}

void RowWriter::digits(quint64 value, int width)
{
    reserve(static_cast<size_t>(width));
    for (int i = width - 1; i >= 0; --i) {
        m_buf[m_len + static_cast<size_t>(i)] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    m_len += static_cast<size_t>(width);
}

namespace {

// Fixed-point with `decimals` digits after the point.
void appendScaled(RowWriter &w, qint64 value, int decimals, quint64 scale)
{
    if (value < 0)
        w.ch('-');
    const quint64 v = value < 0 ? 0 - static_cast<quint64>(value) : static_cast<quint64>(value);
    w.number(static_cast<qint64>(v / scale));
    w.ch('.');
    w.digits(v % scale, decimals);
}

} // namespace

void RowWriter::yuan(Fen fen)
{
    appendScaled(*this, fen, 2, 100);
}

void RowWriter::yuanMilli(MilliFen milliFen)
{
    appendScaled(*this, milliFen, 5, 100000);
}

void RowWriter::civil(qint64 utc)
{
    const qint64 local = utc + cst::kOffsetSeconds;
    const qint64 day = local >= 0 ? local / cst::kDaySeconds
                                  : -((-local + cst::kDaySeconds - 1) / cst::kDaySeconds);
    if (day == m_cachedDay)
        return;
    m_cachedDay = day;
    const QDate d = cst::billDateOf(utc);
    const auto put = [](char *out, int v, int width) {
        for (int i = width - 1; i >= 0; --i) {
            out[i] = static_cast<char>('0' + v % 10);
            v /= 10;
        }
    };
    put(m_compact, d.year(), 4);
    put(m_compact + 4, d.month(), 2);
    put(m_compact + 6, d.day(), 2);
    put(m_dashed, d.year(), 4);
    m_dashed[4] = '-';
    put(m_dashed + 5, d.month(), 2);
    m_dashed[7] = '-';
    put(m_dashed + 8, d.day(), 2);
}

void RowWriter::compactDate(qint64 utc)
{
    civil(utc);
    raw(std::string_view(m_compact, 8));
}

void RowWriter::dashedDate(qint64 utc)
{
    civil(utc);
    raw(std::string_view(m_dashed, 10));
}

void RowWriter::billTime(qint64 utc)
{
    reserve(19);
    civil(utc);
    raw(std::string_view(m_dashed, 10));
    const qint64 local = utc + cst::kOffsetSeconds;
    const qint64 secs = ((local % cst::kDaySeconds) + cst::kDaySeconds) % cst::kDaySeconds;
    char t[9] = {static_cast<char>('0' + secs / 36000),
                 static_cast<char>('0' + secs / 3600 % 10),
                 ':',
                 static_cast<char>('0' + secs / 60 % 60 / 10),
                 static_cast<char>('0' + secs / 60 % 10),
                 ':',
                 static_cast<char>('0' + secs % 60 / 10),
                 static_cast<char>('0' + secs % 10),
                 0};
    ch(' ');
    raw(std::string_view(t, 8));
}

void RowWriter::rfc3339(qint64 utc)
{
    reserve(25); // nothing below flushes, so the separator can be patched in place
    billTime(utc);
    // billTime appended "yyyy-MM-dd HH:mm:ss"; its space is the 9th character from the end.
    m_buf[m_len - 9] = 'T';
    raw("+08:00");
}

} // namespace wxr::sim
