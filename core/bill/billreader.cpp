// SPDX-License-Identifier: GPL-3.0-or-later
#include "bill/billreader.h"

#include "bill/gzipdecoder.h"
#include "common/coretr.h"

#include <openssl/evp.h>
#include <zlib.h>

#include <memory>
#include <optional>
#include <vector>

namespace wxr::core {

namespace {

class Sha1 final
{
public:
    Sha1()
        : m_ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free)
    {
        m_ok = m_ctx && EVP_DigestInit_ex(m_ctx.get(), EVP_sha1(), nullptr) == 1;
    }
    void update(QByteArrayView data)
    {
        m_ok = m_ok
               && EVP_DigestUpdate(m_ctx.get(), data.data(), static_cast<size_t>(data.size())) == 1;
    }
    std::optional<QByteArray> hex()
    {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        if (!m_ok || EVP_DigestFinal_ex(m_ctx.get(), md, &len) != 1)
            return std::nullopt;
        return QByteArray(reinterpret_cast<const char *>(md), len).toHex();
    }

private:
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> m_ctx;
    bool m_ok = false;
};

// Compresses the plain text of a bill for the ledger's archive copy.
class GzipEncoder final
{
public:
    explicit GzipEncoder(const ArchiveSink &out)
        : m_out(out)
    {
        m_ok = deflateInit2(&m_z, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY)
               == Z_OK;
    }
    ~GzipEncoder()
    {
        if (m_ok)
            deflateEnd(&m_z);
    }
    GzipEncoder(const GzipEncoder &) = delete;
    GzipEncoder &operator=(const GzipEncoder &) = delete;

    // false when zlib fails; a sink's error is kept in `sinkError`.
    bool write(QByteArrayView data, int flush = Z_NO_FLUSH)
    {
        if (!m_ok)
            return false;
        m_z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
        m_z.avail_in = static_cast<uInt>(data.size());
        unsigned char buf[1 << 16];
        int rc;
        do {
            m_z.next_out = buf;
            m_z.avail_out = sizeof buf;
            rc = deflate(&m_z, flush);
            if (rc == Z_STREAM_ERROR)
                return false;
            const qsizetype produced = static_cast<qsizetype>(sizeof buf - m_z.avail_out);
            if (produced > 0) {
                if (Status s = m_out(QByteArrayView(reinterpret_cast<const char *>(buf), produced));
                    !s) {
                    sinkError = s.error();
                    return false;
                }
            }
        } while (m_z.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
        return true;
    }
    bool finish() { return write({}, Z_FINISH); }

    std::optional<Error> sinkError;

private:
    z_stream m_z{};
    const ArchiveSink &m_out;
    bool m_ok = false;
};

// readBill() with the decompressed bytes going to `feed` instead of a parser.
Result<BillFileInfo> readPlain(QIODevice &device, QPromise<void> &promise,
                               const ArchiveSink &archive,
                               const std::function<Status(QByteArrayView)> &feed)
{
    BillFileInfo info;
    Sha1 sha1;
    GzipDecoder decoder;
    std::unique_ptr<GzipEncoder> encoder;
    const auto compressFailed = [&]() -> Error {
        if (encoder->sinkError)
            return *encoder->sinkError;
        return makeError(ErrorCode::Internal,
                         Tr::tr("the bill could not be compressed for the archive"));
    };
    const qint64 total = device.isSequential() ? -1 : device.size();
    if (total > 0)
        promise.setProgressRange(0, 100);
    std::vector<char> buf(1 << 20);
    bool first = true;
    const auto plain = [&](QByteArrayView data) -> Status {
        info.plainBytes += data.size();
        sha1.update(data);
        if (encoder && !encoder->write(data))
            return compressFailed();
        return feed(data);
    };
    for (;;) {
        if (promise.isCanceled())
            return makeError(ErrorCode::Cancelled, Tr::tr("reading the bill was cancelled"));
        const qint64 n = device.read(buf.data(), static_cast<qint64>(buf.size()));
        if (n < 0)
            return makeError(ErrorCode::Io,
                             Tr::tr("the bill could not be read: %1").arg(device.errorString()));
        if (n == 0)
            break;
        const QByteArrayView chunk(buf.data(), n);
        if (first) {
            // The magic needs two bytes; a one-byte first read of a pipe is not worth handling
            // separately because such a file cannot be a valid bill either way.
            info.gzip = GzipDecoder::looksLikeGzip(chunk);
            if (archive && !info.gzip)
                encoder = std::make_unique<GzipEncoder>(archive);
            first = false;
        }
        info.inputBytes += n;
        if (info.gzip) {
            if (archive) {
                if (Status s = archive(chunk); !s)
                    return s.error();
            }
            if (Status s = decoder.decode(chunk, plain); !s)
                return s.error();
        } else if (Status s = plain(chunk); !s) {
            return s.error();
        }
        if (total > 0)
            promise.setProgressValue(static_cast<int>(info.inputBytes * 100 / total));
    }
    if (info.gzip) {
        if (Status s = decoder.finish(); !s)
            return s.error();
    }
    if (encoder && !encoder->finish())
        return compressFailed();
    const auto hex = sha1.hex();
    if (!hex)
        return makeError(ErrorCode::Crypto, Tr::tr("the SHA-1 digest of the bill could not be "
                                                   "computed"));
    info.sha1Hex = *hex;
    return info;
}

} // namespace

Result<BillFileInfo> readBill(QIODevice &device, BillParser &parser, QPromise<void> &promise,
                              const ArchiveSink &archive)
{
    return readPlain(device, promise, archive,
                     [&](QByteArrayView data) { return parser.feed(data); });
}

Result<BillFileInfo> readBillDigest(QIODevice &device, QPromise<void> &promise)
{
    return readPlain(device, promise, {}, [](QByteArrayView) { return Status(); });
}

} // namespace wxr::core
