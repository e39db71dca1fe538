// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/alertwebhook.h"

#include "common/coretr.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace wxr::core {

AlertWebhook::AlertWebhook(QUrl url, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_nam(new QNetworkAccessManager(this))
{}

AlertWebhook::~AlertWebhook() = default;

void AlertWebhook::setRetry(int attempts, int firstDelayMs)
{
    m_attempts = std::max(1, attempts);
    m_firstDelayMs = std::max(0, firstDelayMs);
}

QByteArray AlertWebhook::body(const QString &text)
{
    const QJsonObject o{{QStringLiteral("msgtype"), QStringLiteral("text")},
                        {QStringLiteral("text"), QJsonObject{{QStringLiteral("content"), text}}}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void AlertWebhook::post(const QString &text)
{
    ++m_pending;
    const QString scheme = m_url.scheme().toLower();
    if (!m_url.isValid() || (scheme != u"http" && scheme != u"https")) {
        --m_pending;
        emit failed(text, Tr::tr("The alert webhook address is not an http(s) URL."));
        return;
    }
    attempt(text, 1);
}

void AlertWebhook::attempt(const QString &text, int number)
{
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_nam->post(request, body(text));
    connect(reply, &QNetworkReply::finished, this, [this, reply, text, number] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QString reason;
        bool retry = false;
        if (reply->error() != QNetworkReply::NoError && status == 0) {
            // The error string may quote the URL (and with it the robot key): keep it out.
            reason = Tr::tr("The alert webhook could not be reached (network error %1).")
                         .arg(int(reply->error()));
            retry = true;
        } else if (status < 200 || status >= 300) {
            reason = Tr::tr("The alert webhook answered HTTP %1.").arg(status);
            retry = status >= 500 || status == 429;
        } else {
            // WeCom answers 200 with {"errcode":0,"errmsg":"ok"}; a non-zero errcode (e.g.
            // 45009, too many messages) is a failure worth retrying.
            const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
            const int errcode = o.value(QStringLiteral("errcode")).toInt(0);
            if (errcode != 0) {
                reason = Tr::tr("The alert webhook refused the message (errcode %1: %2).")
                             .arg(errcode)
                             .arg(o.value(QStringLiteral("errmsg")).toString().left(120));
                retry = true;
            }
        }
        if (reason.isEmpty()) {
            --m_pending;
            emit delivered(text);
            return;
        }
        if (retry && number < m_attempts) {
            const int wait = m_firstDelayMs << std::min(number - 1, 16);
            QTimer::singleShot(wait, this, [this, text, number] { attempt(text, number + 1); });
            return;
        }
        --m_pending;
        emit failed(text, reason);
    });
}

} // namespace wxr::core
