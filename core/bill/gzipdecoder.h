// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArrayView>

#include <functional>
#include <memory>

namespace wxr::core {

/// Incremental gzip (RFC 1952) decompression with ISA-L's inflate (headers read here, each
/// member's CRC-32 and length checked). Concatenated members are decoded as one stream, as
/// gunzip does. Not thread-safe; one decoder per stream.
class GzipDecoder final
{
public:
    /// Receives decompressed bytes; the view is valid only during the call. An error stops
    /// decoding and is returned by decode().
    using Sink = std::function<Status(QByteArrayView)>;

    GzipDecoder();
    ~GzipDecoder();
    GzipDecoder(const GzipDecoder &) = delete;
    GzipDecoder &operator=(const GzipDecoder &) = delete;

    /// True when the bytes start with the gzip magic 1f 8b.
    static bool looksLikeGzip(QByteArrayView head);

    /// Decodes the next compressed chunk. InvalidInput on corrupt data.
    Status decode(QByteArrayView compressed, const Sink &sink);
    /// InvalidInput when the stream ended early (a truncated download) or no data was seen.
    Status finish();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace wxr::core
