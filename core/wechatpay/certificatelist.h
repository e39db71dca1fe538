// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "wechatpay/keystore.h"

#include <QByteArray>
#include <QList>

namespace wxr::core {

/// Reads the body of GET /v3/certificates (spec §3.1): every `data[]` entry's
/// `encrypt_certificate` is decrypted with the APIv3 key (AEAD_AES_256_GCM, spec §3.2) into a
/// PEM certificate. The AEAD tag makes each certificate authentic: only a holder of the APIv3
/// key can have produced it. Keys with stray blanks (the documented "effective_time " typo)
/// are accepted. `{"data":[]}` gives an empty list.
/// Errors: InvalidInput for a body that is not this JSON shape or a bad time, Verification
/// for a tag mismatch (wrong APIv3 key), Crypto for a damaged certificate or another algorithm.
Result<QList<PlatformCertificate>> parseCertificateList(const QByteArray &body,
                                                        const QByteArray &apiV3Key);

} // namespace wxr::core
