// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace wxr::ui {

namespace {

const QString kService = QStringLiteral("wxrecon");

// Errors that mean "there is no usable keychain here" rather than "this entry is missing".
bool keychainUnusable(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return true;
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
    case QKeychain::CouldNotDeleteEntry:
        return false;
    }
    return true;
}

} // namespace

SecretStore::SecretStore(Backend backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_reachable(backend == Backend::Keychain)
{}

SecretStore::~SecretStore() = default;

QString SecretStore::entryKey(const QString &profile, SecretKind kind)
{
    return profile
           + (kind == SecretKind::ApiV3Key ? QStringLiteral("/apiv3_key")
                                           : QStringLiteral("/private_key_passphrase"));
}

bool SecretStore::keychainReachable() const
{
    return m_reachable;
}

QString SecretStore::sessionOnlyMessage()
{
    return tr("No keychain service is reachable, so secrets are kept for this session only; "
              "to keep the APIv3 key across restarts, point the profile to a key file.");
}

void SecretStore::markUnreachable()
{
    if (!m_reachable)
        return;
    m_reachable = false;
    emit keychainUnavailable(sessionOnlyMessage());
}

void SecretStore::store(const QString &profile, SecretKind kind, const QString &secret,
                        QObject *context, std::function<void(Persistence)> done)
{
    const QString key = entryKey(profile, kind);
    if (secret.isEmpty()) {
        remove(profile, kind);
        if (done)
            done(m_reachable ? Persistence::Keychain : Persistence::SessionOnly);
        return;
    }
    // The session copy is always kept so that a read right after a store never waits for
    // (or depends on) the keychain.
    m_session.insert(key, secret);
    if (!m_reachable) {
        if (done)
            done(Persistence::SessionOnly);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setKey(key);
    job->setTextData(secret);
    // Never fall back to a plain-text copy in QSettings.
    job->setInsecureFallback(false);
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    connect(job, &QKeychain::Job::finished, this,
            [this, guard, hasContext, done = std::move(done)](QKeychain::Job *j) {
                const bool ok = j->error() == QKeychain::NoError;
                if (!ok && keychainUnusable(j->error()))
                    markUnreachable();
                if (done && (!hasContext || guard))
                    done(ok ? Persistence::Keychain : Persistence::SessionOnly);
            });
    job->start();
}

void SecretStore::load(const QString &profile, SecretKind kind, QObject *context,
                       std::function<void(std::optional<QString>)> done)
{
    const QString key = entryKey(profile, kind);
    const auto cached = m_session.constFind(key);
    if (cached != m_session.cend() && m_queued) {
        QTimer::singleShot(0, context ? context : this,
                           [done = std::move(done), value = *cached] { done(value); });
        return;
    }
    if (cached != m_session.cend()) {
        done(*cached);
        return;
    }
    if (!m_reachable) {
        done(std::nullopt);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    connect(job, &QKeychain::Job::finished, this,
            [this, key, guard, hasContext, done = std::move(done)](QKeychain::Job *j) {
                auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
                std::optional<QString> value;
                if (read->error() == QKeychain::NoError) {
                    value = read->textData();
                    m_session.insert(key, *value);
                } else if (keychainUnusable(read->error())) {
                    markUnreachable();
                }
                if (!hasContext || guard)
                    done(value);
            });
    job->start();
}

void SecretStore::remove(const QString &profile, SecretKind kind)
{
    const QString key = entryKey(profile, kind);
    m_session.remove(key);
    if (!m_reachable)
        return;
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
        if (keychainUnusable(j->error()))
            markUnreachable();
    });
    job->start();
}

} // namespace wxr::ui
