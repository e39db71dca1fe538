// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "wechatpay/keystore.h"

#include <QByteArray>
#include <QByteArrayView>

namespace wxr::core {

/// A sensitive request field (name, bank account, …) encrypted for WeChat Pay, and the serial
/// that must go out as the request's Wechatpay-Serial header so WeChat knows which key to use.
struct SensitiveField
{
    QByteArray ciphertextBase64;
    QByteArray serial;
};

/// RSA-OAEP (SHA-1/MGF1-SHA-1) with the key store's encryption key: the WeChat Pay public key
/// when configured, else the newest platform certificate valid at `now` (spec §3.3).
/// ErrorCode::Config when the store has no usable key; Crypto when the text is too long for
/// one RSA block (214 bytes).
Result<SensitiveField> encryptSensitiveField(const KeyStore &keys, QByteArrayView plaintext,
                                             qint64 now);

} // namespace wxr::core
