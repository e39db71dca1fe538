// SPDX-License-Identifier: GPL-3.0-or-later
#include "wechatpay/gzip.h"

#include "common/coretr.h"

#include <zlib.h>

namespace wxr::core::gzip {

bool looksCompressed(QByteArrayView data) noexcept
{
    return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f
           && static_cast<unsigned char>(data[1]) == 0x8b;
}

Result<QByteArray> gunzip(QByteArrayView data, qint64 maxBytes)
{
    const auto damaged = [] {
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The compressed bill is damaged or incomplete."));
    };
    if (!looksCompressed(data))
        return damaged();
    QByteArray out;
    z_stream zs{};
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        return damaged();
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    char buf[65536];
    int rc = Z_OK;
    while (true) {
        zs.next_out = reinterpret_cast<Bytef *>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            break;
        out.append(buf, qsizetype(sizeof buf - zs.avail_out));
        if (out.size() > maxBytes) {
            inflateEnd(&zs);
            return makeError(
                ErrorCode::InvalidInput,
                Tr::tr("The compressed bill expands to more than %1 bytes.").arg(maxBytes));
        }
        if (rc == Z_STREAM_END) {
            // Another gzip member may follow (concatenated files are valid gzip).
            if (zs.avail_in > 0
                && looksCompressed(
                    QByteArrayView(reinterpret_cast<const char *>(zs.next_in), zs.avail_in))) {
                inflateReset(&zs);
                continue;
            }
            break;
        }
        if (zs.avail_in == 0 && zs.avail_out != 0) {
            rc = Z_BUF_ERROR; // input ended before the stream did
            break;
        }
    }
    const bool trailingGarbage = rc == Z_STREAM_END && zs.avail_in > 0;
    inflateEnd(&zs);
    if (rc != Z_STREAM_END || trailingGarbage)
        return damaged();
    return out;
}

QByteArray compress(QByteArrayView data)
{
    z_stream zs{};
    deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&zs, uLong(data.size()))) + 32, Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return out;
}

} // namespace wxr::core::gzip
