// SPDX-License-Identifier: GPL-3.0-or-later
#include "wechatpay/signer.h"

#include "common/coretr.h"
#include "common/cstime.h"
#include "crypto/random.h"
#include "wechatpay/signing.h"

namespace wxr::core {

Signer::Signer(PrivateKey key, QByteArray mchid, QByteArray serialNo)
    : m_key(std::move(key))
    , m_mchid(std::move(mchid))
    , m_serialNo(serialNo.trimmed().toUpper())
{}

Result<SignedRequest> Signer::sign(QByteArrayView method, QByteArrayView canonicalUrl,
                                   QByteArrayView body) const
{
    return sign(method, canonicalUrl, body, cst::now(), random::nonceString());
}

Result<SignedRequest> Signer::sign(QByteArrayView method, QByteArrayView canonicalUrl,
                                   QByteArrayView body, qint64 timestamp,
                                   QByteArrayView nonce) const
{
    if (m_key.isNull())
        return makeError(ErrorCode::Config,
                         Tr::tr("No merchant private key is configured for signing requests."));
    SignedRequest r;
    r.timestamp = timestamp;
    r.nonce = nonce.toByteArray();
    r.message = signing::requestMessage(method, canonicalUrl, timestamp, nonce, body);
    const auto sig = m_key.signSha256(r.message);
    if (!sig)
        return sig.error();
    r.signatureBase64 = sig->toBase64();
    r.authorization
        = signing::authorizationHeader(m_mchid, r.nonce, timestamp, m_serialNo, r.signatureBase64);
    return r;
}

} // namespace wxr::core
