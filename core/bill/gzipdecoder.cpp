// SPDX-License-Identifier: GPL-3.0-or-later
#include "bill/gzipdecoder.h"

#include "common/coretr.h"

#include <isa-l/igzip_lib.h>
#include <zlib.h>

#include <vector>

namespace wxr::core {

// The member headers (RFC 1952 §2.3) are read here, byte by byte so that a header split across
// chunks needs no buffering; each member's deflate data and its trailer (CRC-32 and length,
// verified) go to ISA-L's inflate, which decodes a bill about twice as fast as zlib.
struct GzipDecoder::State
{
    enum class Phase {
        Between,  // before a member, or after one (zero padding allowed there)
        Fixed,    // the ten fixed header bytes
        ExtraLen, // FEXTRA: two length bytes
        Extra,
        Name,
        Comment,
        HeaderCrc,
        Body, // deflate data and trailer
    };
    enum Flag : unsigned char {
        FHCRC = 0x02,
        FEXTRA = 0x04,
        FNAME = 0x08,
        FCOMMENT = 0x10,
        Reserved = 0xe0,
    };

    inflate_state z{};
    Phase phase = Phase::Between;
    bool sawMember = false;
    unsigned char flags = 0;
    int at = 0;        // bytes of the current header field seen
    unsigned left = 0; // bytes of FEXTRA still to skip
    uLong headerCrc = 0;
    unsigned storedCrc = 0;
    std::vector<unsigned char> out = std::vector<unsigned char>(1 << 20);

    static Error corrupt(const char *why)
    {
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("the gzip data is corrupt (%1)").arg(QString::fromLatin1(why)));
    }

    // The phase after the optional header field `from` (Extra, Name, Comment or HeaderCrc).
    Phase after(Phase from) const
    {
        if (from < Phase::Name && (flags & FNAME))
            return Phase::Name;
        if (from < Phase::Comment && (flags & FCOMMENT))
            return Phase::Comment;
        if (from < Phase::HeaderCrc && (flags & FHCRC))
            return Phase::HeaderCrc;
        return Phase::Body;
    }

    void startBody()
    {
        isal_inflate_reset(&z);
        z.crc_flag = ISAL_GZIP_NO_HDR_VER;
        phase = Phase::Body;
    }

    // One header byte; the fields are checked as zlib checks them.
    Status header(unsigned char b)
    {
        if (phase != Phase::HeaderCrc)
            headerCrc = crc32(headerCrc, &b, 1);
        switch (phase) {
        case Phase::Fixed:
            if ((at == 0 && b != 0x1f) || (at == 1 && b != 0x8b))
                return corrupt("incorrect header check");
            if (at == 2 && b != Z_DEFLATED)
                return corrupt("unknown compression method");
            if (at == 3) {
                if (b & Reserved)
                    return corrupt("unknown header flags set");
                flags = b;
            }
            if (++at == 10) {
                at = 0;
                phase = (flags & FEXTRA) ? Phase::ExtraLen : after(Phase::Extra);
            }
            break;
        case Phase::ExtraLen:
            left |= unsigned(b) << (8 * at);
            if (++at == 2) {
                at = 0;
                phase = left > 0 ? Phase::Extra : after(Phase::Extra);
            }
            break;
        case Phase::Extra:
            if (--left == 0)
                phase = after(Phase::Extra);
            break;
        case Phase::Name:
        case Phase::Comment:
            if (b == 0)
                phase = after(phase);
            break;
        case Phase::HeaderCrc:
            storedCrc |= unsigned(b) << (8 * at);
            if (++at == 2) {
                if (storedCrc != (headerCrc & 0xffff))
                    return corrupt("header crc mismatch");
                phase = Phase::Body;
            }
            break;
        case Phase::Between:
        case Phase::Body:
            break;
        }
        if (phase == Phase::Body)
            startBody();
        return {};
    }

    void beginMember()
    {
        phase = Phase::Fixed;
        sawMember = true;
        flags = 0;
        at = 0;
        left = 0;
        headerCrc = crc32(0L, Z_NULL, 0);
        storedCrc = 0;
    }
};

GzipDecoder::GzipDecoder()
    : m_state(std::make_unique<State>())
{
    isal_inflate_init(&m_state->z);
}

GzipDecoder::~GzipDecoder() = default;

bool GzipDecoder::looksLikeGzip(QByteArrayView head)
{
    return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f
           && static_cast<unsigned char>(head[1]) == 0x8b;
}

Status GzipDecoder::decode(QByteArrayView compressed, const Sink &sink)
{
    State &s = *m_state;
    const auto *in = reinterpret_cast<const unsigned char *>(compressed.data());
    const auto *const end = in + compressed.size();
    while (in < end || s.phase == State::Phase::Body) {
        if (s.phase == State::Phase::Between) {
            // Trailing zero padding is tolerated because some servers pad their output.
            if (s.sawMember && *in == 0) {
                ++in;
                continue;
            }
            s.beginMember();
        }
        if (s.phase != State::Phase::Body) {
            if (Status st = s.header(*in++); !st)
                return st;
            continue;
        }
        // The deflate data: runs until this chunk is used up and ISA-L holds no more output
        // for it, or the member (trailer included) ends.
        s.z.next_in = const_cast<unsigned char *>(in);
        s.z.avail_in = static_cast<uint32_t>(end - in);
        s.z.next_out = s.out.data();
        s.z.avail_out = static_cast<uint32_t>(s.out.size());
        const auto *const before = in;
        const int rc = isal_inflate(&s.z);
        in = s.z.next_in;
        const size_t produced = s.out.size() - s.z.avail_out;
        if (rc < 0) {
            switch (rc) {
            case ISAL_INCORRECT_CHECKSUM:
                return State::corrupt("incorrect data check");
            case ISAL_INVALID_LOOKBACK:
                return State::corrupt("invalid distance too far back");
            default:
                return State::corrupt("invalid deflate data");
            }
        }
        if (produced > 0) {
            if (Status st = sink(QByteArrayView(reinterpret_cast<const char *>(s.out.data()),
                                                static_cast<qsizetype>(produced)));
                !st)
                return st;
        }
        if (s.z.block_state == ISAL_BLOCK_FINISH)
            s.phase = State::Phase::Between;
        else if (in == end && produced < s.out.size())
            break;
        else if (in == before && produced == 0)
            return makeError(ErrorCode::Internal, Tr::tr("the gzip decoder made no progress"));
    }
    return {};
}

Status GzipDecoder::finish()
{
    if (!m_state->sawMember)
        return makeError(ErrorCode::InvalidInput, Tr::tr("the gzip data is empty"));
    if (m_state->phase != State::Phase::Between)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("the gzip data ends early; the file is truncated"));
    return {};
}

} // namespace wxr::core
