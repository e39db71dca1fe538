// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for core/bill: the parser must never crash, hang or read out of bounds,
// whatever the bytes, chunking or compression. How to build and run: docs/ledger.md.
#include "bill/billparser.h"
#include "bill/gzipdecoder.h"

#include <cstddef>
#include <cstdint>

using namespace wxr;
using namespace wxr::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the chunk size so that lines split across feed() calls are covered.
    const size_t chunk = 1 + data[0] % 64;
    ++data;
    --size;
    qint64 sink = 0;
    BillParser parser(
        [&](const TradeBillRow &r) -> Status {
            sink += r.orderFen + static_cast<qint64>(r.outTradeNo.size() + r.goodsName.size());
            return {};
        },
        [&](const FundFlowRow &r) -> Status {
            sink += r.amountFen + static_cast<qint64>(r.remark.size());
            return {};
        });
    const char *bytes = reinterpret_cast<const char *>(data);
    const QByteArrayView input(bytes, static_cast<qsizetype>(size));
    Status status;
    if (GzipDecoder::looksLikeGzip(input)) {
        GzipDecoder decoder;
        for (size_t i = 0; i < size && status.ok(); i += chunk)
            status = decoder.decode(input.sliced(static_cast<qsizetype>(i),
                                                 static_cast<qsizetype>(std::min(chunk, size - i))),
                                    [&](QByteArrayView plain) { return parser.feed(plain); });
        if (status.ok())
            status = decoder.finish();
    } else {
        for (size_t i = 0; i < size && status.ok(); i += chunk)
            status = parser.feed(input.sliced(static_cast<qsizetype>(i),
                                              static_cast<qsizetype>(std::min(chunk, size - i))));
    }
    if (status.ok())
        (void)parser.finish();
    return sink == 42 ? 0 : 0;
}
