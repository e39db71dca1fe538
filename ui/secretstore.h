// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace wxr::ui {

/// The secrets wxrecon keeps per merchant profile.
enum class SecretKind {
    ApiV3Key,             ///< the 32-character APIv3 key (AEAD key for certificates/callbacks)
    PrivateKeyPassphrase, ///< passphrase of an encrypted apiclient_key.pem
};

/// Stores secrets in the OS keychain through QtKeychain, never in settings files or logs.
///
/// When no keychain service is reachable (a headless machine, no Secret Service/KWallet on
/// D-Bus) the secret is kept in memory for this session only and `keychainUnavailable` is
/// emitted once with a sentence saying so and pointing to the key-file alternative. Reads
/// look at the session copy first, then the keychain.
///
/// Lives on the GUI thread; callbacks run there. Secrets are passed by value and never
/// appear in any message this class produces.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    enum class Backend {
        Keychain,    ///< the OS keychain, with the session fallback
        SessionOnly, ///< memory only (tests, demo mode)
    };
    /// How a store request ended.
    enum class Persistence {
        Keychain,    ///< written to the OS keychain
        SessionOnly, ///< kept in memory until the application quits
    };

    explicit SecretStore(Backend backend = Backend::Keychain, QObject *parent = nullptr);
    ~SecretStore() override;

    /// Stores `secret` for (profile, kind); an empty secret removes it. `done` runs on this
    /// object's thread when finished (may be later, keychain calls are asynchronous), unless
    /// a non-null `context` was destroyed meanwhile.
    void store(const QString &profile, SecretKind kind, const QString &secret, QObject *context,
               std::function<void(Persistence)> done = {});
    /// Loads the secret; `done` receives nullopt when there is none.
    void load(const QString &profile, SecretKind kind, QObject *context,
              std::function<void(std::optional<QString>)> done);
    /// Answers load() from memory through the event loop, later, as the keychain does: for
    /// tests of callers that must cope with the answer arriving after other calls.
    void setMemoryAnswersQueued(bool queued) { m_queued = queued; }
    /// Removes the secret from the keychain and the session.
    void remove(const QString &profile, SecretKind kind);

    /// False once a keychain call failed because no service is reachable (or for SessionOnly).
    bool keychainReachable() const;
    /// The sentence shown when secrets are kept for the session only.
    static QString sessionOnlyMessage();

signals:
    /// Emitted once, the first time the keychain turns out to be unreachable.
    void keychainUnavailable(const QString &message);

private:
    static QString entryKey(const QString &profile, SecretKind kind);
    void markUnreachable();

    Backend m_backend;
    bool m_reachable = true;
    bool m_queued = false;
    QHash<QString, QString> m_session;
};

} // namespace wxr::ui
