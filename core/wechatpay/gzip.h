// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace wxr::core::gzip {

/// True when `data` starts with the gzip magic bytes 1f 8b.
bool looksCompressed(QByteArrayView data) noexcept;

/// Decompresses a gzip stream (several concatenated members are joined, as gunzip does).
/// InvalidInput for damaged or truncated input, or when the output would exceed `maxBytes`.
Result<QByteArray> gunzip(QByteArrayView data, qint64 maxBytes = qint64(1) << 31);

/// Compresses into one gzip member (the tests and the stand-in produce GZIP bills with it).
QByteArray compress(QByteArrayView data);

} // namespace wxr::core::gzip
