// SPDX-License-Identifier: GPL-3.0-or-later
#include "bill/gzipdecoder.h"

#include "common/coretr.h"

#include <zlib.h>

#include <vector>

namespace wxr::core {

struct GzipDecoder::State
{
    z_stream z{};
    bool initialised = false;
    bool inMember = false; // a member has started and not reached its end
    bool sawMember = false;
    std::vector<unsigned char> out = std::vector<unsigned char>(1 << 20);
};

GzipDecoder::GzipDecoder()
    : m_state(std::make_unique<State>())
{
    // 16 + MAX_WBITS: gzip wrapper only (a zlib or raw deflate stream is not a bill download).
    m_state->initialised = inflateInit2(&m_state->z, 16 + MAX_WBITS) == Z_OK;
}

GzipDecoder::~GzipDecoder()
{
    if (m_state->initialised)
        inflateEnd(&m_state->z);
}

bool GzipDecoder::looksLikeGzip(QByteArrayView head)
{
    return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f
           && static_cast<unsigned char>(head[1]) == 0x8b;
}

Status GzipDecoder::decode(QByteArrayView compressed, const Sink &sink)
{
    State &s = *m_state;
    if (!s.initialised)
        return makeError(ErrorCode::Internal, Tr::tr("the gzip decoder could not be initialised"));
    s.z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
    s.z.avail_in = static_cast<uInt>(compressed.size());
    while (s.z.avail_in > 0) {
        if (!s.inMember) {
            // Between members zlib needs a fresh header; trailing zero padding is tolerated
            // because some servers pad their output.
            if (s.sawMember && *s.z.next_in == 0) {
                ++s.z.next_in;
                --s.z.avail_in;
                continue;
            }
            s.inMember = true;
            s.sawMember = true;
        }
        s.z.next_out = s.out.data();
        s.z.avail_out = static_cast<uInt>(s.out.size());
        const int rc = inflate(&s.z, Z_NO_FLUSH);
        const size_t produced = s.out.size() - s.z.avail_out;
        if (produced > 0) {
            if (Status st = sink(QByteArrayView(reinterpret_cast<const char *>(s.out.data()),
                                                static_cast<qsizetype>(produced)));
                !st)
                return st;
        }
        if (rc == Z_STREAM_END) {
            s.inMember = false;
            inflateReset(&s.z);
            continue;
        }
        if (rc == Z_BUF_ERROR && produced == 0 && s.z.avail_in == 0)
            break;
        if (rc != Z_OK)
            return makeError(ErrorCode::InvalidInput,
                             Tr::tr("the gzip data is corrupt (%1)")
                                 .arg(QString::fromLatin1(s.z.msg ? s.z.msg : "inflate failed")));
    }
    // Flush whatever zlib still holds for the bytes consumed so far.
    for (;;) {
        if (!s.inMember)
            break;
        s.z.next_out = s.out.data();
        s.z.avail_out = static_cast<uInt>(s.out.size());
        const int rc = inflate(&s.z, Z_NO_FLUSH);
        const size_t produced = s.out.size() - s.z.avail_out;
        if (produced > 0) {
            if (Status st = sink(QByteArrayView(reinterpret_cast<const char *>(s.out.data()),
                                                static_cast<qsizetype>(produced)));
                !st)
                return st;
        }
        if (rc == Z_STREAM_END) {
            s.inMember = false;
            inflateReset(&s.z);
            break;
        }
        if (rc == Z_BUF_ERROR || produced == 0)
            break;
        if (rc != Z_OK)
            return makeError(ErrorCode::InvalidInput,
                             Tr::tr("the gzip data is corrupt (%1)")
                                 .arg(QString::fromLatin1(s.z.msg ? s.z.msg : "inflate failed")));
    }
    return {};
}

Status GzipDecoder::finish()
{
    if (!m_state->sawMember)
        return makeError(ErrorCode::InvalidInput, Tr::tr("the gzip data is empty"));
    if (m_state->inMember)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("the gzip data ends early; the file is truncated"));
    return {};
}

} // namespace wxr::core
