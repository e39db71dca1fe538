// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace wxr::core {

/// Sends alert texts to a chat webhook as {"msgtype":"text","text":{"content":"…"}} — the
/// format of a WeCom (企业微信) group robot, which other robots accept too — retrying with
/// back-off on network errors, 5xx, 429 and a WeCom answer whose `errcode` is not 0.
///
/// Only http(s) URLs; the robot key in the URL is a secret and never appears in messages.
/// Lives on a thread with an event loop (signals come from there); not thread-safe.
class AlertWebhook final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertWebhook)

public:
    explicit AlertWebhook(QUrl url, QObject *parent = nullptr);
    ~AlertWebhook() override;

    /// `attempts` in all (≥ 1); the wait before retry n is firstDelayMs · 2^(n−1).
    void setRetry(int attempts, int firstDelayMs);
    /// Per attempt; default 10 s.
    void setTimeout(int ms) { m_timeoutMs = ms; }

    /// Queues one message; its outcome is reported by delivered() or failed().
    void post(const QString &text);
    [[nodiscard]] int pending() const { return m_pending; }

    /// The request body for `text`.
    static QByteArray body(const QString &text);

signals:
    void delivered(const QString &text);
    /// After the last attempt; `reason` is one sentence without the URL.
    void failed(const QString &text, const QString &reason);

private:
    void attempt(const QString &text, int number);

    QUrl m_url;
    QNetworkAccessManager *m_nam;
    int m_attempts = 3;
    int m_firstDelayMs = 2000;
    int m_timeoutMs = 10000;
    int m_pending = 0;
};

} // namespace wxr::core
