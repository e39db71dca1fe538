// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bill/billparser.h"
#include "common/result.h"

#include <QByteArray>
#include <QIODevice>
#include <QPromise>

#include <functional>

namespace wxr::core {

/// What reading a bill file established about the bytes themselves.
struct BillFileInfo
{
    bool gzip = false;     ///< the input was gzip-compressed (detected by its magic bytes)
    qint64 inputBytes = 0; ///< bytes read from the device
    qint64 plainBytes = 0; ///< decompressed size
    QByteArray sha1Hex;    ///< SHA-1 of the decompressed bytes, lower-case hex (spec §7.3)
};

/// Reads a bill from `device` to its end and feeds it to `parser`: plain or gzip (detected,
/// not guessed from the name), SHA-1 computed over the decompressed bytes exactly as WeChat's
/// hash_value is. Streams in 1 MiB chunks; memory does not grow with the file.
///
/// `archive`, when given, receives a gzip copy of the file for archiving, piece by piece as it
/// is read: the input bytes themselves when they were gzip, else the plain text compressed at
/// zlib level 1. An error it returns stops the reading and is returned.
///
/// Progress: range 0–100 on `promise` when the device size is known. Cancel: checked per
/// chunk, returns ErrorCode::Cancelled. Errors: Io (read failure), InvalidInput (corrupt or
/// truncated gzip, or the parser's error with its line and column). Call parser.finish()
/// afterwards to obtain the checked summary. Runs on the calling thread.
using ArchiveSink = std::function<Status(QByteArrayView gzipBytes)>;
Result<BillFileInfo> readBill(QIODevice &device, BillParser &parser, QPromise<void> &promise,
                              const ArchiveSink &archive = {});

/// readBill() without a parser: only what the bytes establish (the SHA-1 above all), so that a
/// file can be recognised before it is parsed. The same errors, bar the parser's.
Result<BillFileInfo> readBillDigest(QIODevice &device, QPromise<void> &promise);

} // namespace wxr::core
