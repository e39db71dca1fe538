// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "common/settings.h"

#include <QObject>

#include <memory>

namespace wxr::core {
class ApiClient;
}

namespace wxr::ui {

class AppContext;

/// "Test connection" of the settings view: builds the profile's configuration, downloads the
/// platform certificates (GET /v3/certificates, which proves the signature, the merchant
/// serial, the APIv3 key and the network in one call) and reports one sentence. On success
/// the status bar's key health is updated from what was downloaded.
class ConnectionTester final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTester)

public:
    explicit ConnectionTester(AppContext &context, QObject *parent = nullptr);
    ~ConnectionTester() override;

    /// Starts a test; ignored while one runs. `typedApiV3Key` overrides the stored key.
    void test(const MerchantProfile &profile, const QString &typedApiV3Key);
    bool isRunning() const { return m_running; }

signals:
    /// `sentence` is one clear sentence; `detail` technical text (may be empty).
    void finished(bool ok, const QString &sentence, const QString &detail);

private:
    void fail(const Error &error);

    AppContext &m_ctx;
    std::unique_ptr<core::ApiClient> m_client;
    bool m_running = false;
};

} // namespace wxr::ui
