// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontester.h"

#include "appcontext.h"
#include "common/cstime.h"
#include "merchantconfigloader.h"
#include "statusmodel.h"
#include "wechatpay/apiclient.h"

#include <algorithm>

namespace wxr::ui {

ConnectionTester::ConnectionTester(AppContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{}

ConnectionTester::~ConnectionTester() = default;

void ConnectionTester::fail(const Error &error)
{
    // Always delivered from the event loop, so that a caller sees the same order of events
    // whether the problem was found at once (no key) or after the network call.
    QMetaObject::invokeMethod(
        this,
        [this, error] {
            m_running = false;
            emit finished(false, error.message, error.detail);
        },
        Qt::QueuedConnection);
}

void ConnectionTester::test(const MerchantProfile &profile, const QString &typedApiV3Key)
{
    if (m_running)
        return;
    m_running = true;
    loadMerchantConfig(
        m_ctx.secrets(), profile, typedApiV3Key, this, [this](Result<core::MerchantConfig> config) {
            if (!config.ok())
                return fail(config.error());
            // Certificates arrive encrypted with the APIv3 key, so certificate modes need it.
            if (config->usesPlatformCertificates()) {
                if (const Status s = config->requireApiV3Key(); !s.ok())
                    return fail(s.error());
            }
            auto client = core::ApiClient::create(*config);
            if (!client.ok())
                return fail(client.error());
            m_client = std::move(client.value());
            const QString publicKeyId = config->usesPublicKey() ? config->publicKeyId : QString();
            m_client->refreshCertificates().then(
                this, [this, publicKeyId](const core::ApiResult<core::CertificateRefresh> &r) {
                    if (!r.ok())
                        return fail(r.error());
                    m_running = false;
                    const QList<core::PlatformCertificate> &certs = r->certificates;
                    if (!certs.isEmpty()) {
                        // The newest certificate (latest effective time) is the one WeChat Pay
                        // signs with (spec §3.3).
                        const auto newest = std::max_element(
                            certs.cbegin(), certs.cend(), [](const auto &a, const auto &b) {
                                return a.effectiveTime < b.effectiveTime;
                            });
                        m_ctx.status()->setKeyStatus(StatusModel::keyStatusFor(
                            newest->expireTime, cst::now(), newest->serialNo));
                        emit finished(true,
                                      tr("Connected: WeChat Pay answered with %Ln verified "
                                         "platform certificate(s); the newest is valid until %1.",
                                         nullptr, int(certs.size()))
                                          .arg(cst::formatBillTime(newest->expireTime).left(10)),
                                      QString::fromLatin1(r->requestId));
                        return;
                    }
                    StatusModel::KeyStatus key;
                    key.health = StatusModel::KeyHealth::Ok;
                    key.hasExpiry = false;
                    key.keyName = publicKeyId;
                    m_ctx.status()->setKeyStatus(key);
                    emit finished(true,
                                  tr("Connected: WeChat Pay answered; this merchant verifies "
                                     "with the WeChat Pay public key %1.")
                                      .arg(publicKeyId),
                                  QString::fromLatin1(r->requestId));
                });
        });
}

} // namespace wxr::ui
