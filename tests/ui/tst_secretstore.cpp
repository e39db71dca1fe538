// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace wxr::ui;

namespace {

std::optional<QString> loadNow(SecretStore &store, const QString &profile, SecretKind kind)
{
    bool done = false;
    std::optional<QString> result;
    store.load(profile, kind, &store, [&](const std::optional<QString> &v) {
        result = v;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 5000))
        qFatal("the secret store did not answer");
    return result;
}

} // namespace

class tst_SecretStore final : public QObject
{
    Q_OBJECT

private slots:
    void sessionOnlyRoundTrip_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("APIv3 key") << int(SecretKind::ApiV3Key);
        QTest::newRow("passphrase") << int(SecretKind::PrivateKeyPassphrase);
    }

    void sessionOnlyRoundTrip()
    {
        QFETCH(int, kind);
        SecretStore store(SecretStore::Backend::SessionOnly);
        QVERIFY(!store.keychainReachable());
        const auto k = SecretKind(kind);
        QVERIFY(!loadNow(store, QStringLiteral("Shop"), k));
        std::optional<SecretStore::Persistence> persistence;
        store.store(QStringLiteral("Shop"), k, QStringLiteral("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb"),
                    this, [&](SecretStore::Persistence p) { persistence = p; });
        QCOMPARE(persistence, SecretStore::Persistence::SessionOnly);
        QCOMPARE(loadNow(store, QStringLiteral("Shop"), k),
                 QStringLiteral("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb"));
        // Another profile and the other kind are separate entries.
        QVERIFY(!loadNow(store, QStringLiteral("Other"), k));
        const auto other
            = k == SecretKind::ApiV3Key ? SecretKind::PrivateKeyPassphrase : SecretKind::ApiV3Key;
        QVERIFY(!loadNow(store, QStringLiteral("Shop"), other));
        store.remove(QStringLiteral("Shop"), k);
        QVERIFY(!loadNow(store, QStringLiteral("Shop"), k));
    }

    void emptySecretRemoves()
    {
        SecretStore store(SecretStore::Backend::SessionOnly);
        store.store(QStringLiteral("Shop"), SecretKind::ApiV3Key, QStringLiteral("x"), nullptr);
        store.store(QStringLiteral("Shop"), SecretKind::ApiV3Key, QString(), nullptr);
        QVERIFY(!loadNow(store, QStringLiteral("Shop"), SecretKind::ApiV3Key));
    }

    // On a machine without a keychain service (CI, headless) the store falls back to the
    // session and says so once; where a keychain exists the secret goes there. Either way
    // the secret can be read back in this session.
    void keychainBackendFallsBackOrPersists()
    {
        SecretStore store(SecretStore::Backend::Keychain);
        QSignalSpy unavailable(&store, &SecretStore::keychainUnavailable);
        const QString profile
            = QStringLiteral("wxrecon-test-%1").arg(QCoreApplication::applicationPid());
        std::optional<SecretStore::Persistence> persistence;
        store.store(profile, SecretKind::ApiV3Key,
                    QStringLiteral("0123456789abcdef0123456789abcdef"), this,
                    [&](SecretStore::Persistence p) { persistence = p; });
        QTRY_VERIFY_WITH_TIMEOUT(persistence.has_value(), 10000);
        if (*persistence == SecretStore::Persistence::SessionOnly) {
            QCOMPARE(unavailable.count(), 1);
            QVERIFY(!store.keychainReachable());
            const QString message = unavailable.at(0).at(0).toString();
            QCOMPARE(message, SecretStore::sessionOnlyMessage());
            QVERIFY(message.contains(QStringLiteral("session only")));
            QVERIFY(message.contains(QStringLiteral("key file")));
        } else {
            QCOMPARE(unavailable.count(), 0);
        }
        QCOMPARE(loadNow(store, profile, SecretKind::ApiV3Key),
                 QStringLiteral("0123456789abcdef0123456789abcdef"));
        // A second failure does not repeat the message.
        store.store(profile, SecretKind::PrivateKeyPassphrase, QStringLiteral("pw"), nullptr);
        QTest::qWait(50);
        QVERIFY(unavailable.count() <= 1);
        store.remove(profile, SecretKind::ApiV3Key);
        store.remove(profile, SecretKind::PrivateKeyPassphrase);
        QVERIFY(!loadNow(store, profile, SecretKind::ApiV3Key));
    }
};

QTEST_MAIN(tst_SecretStore)
#include "tst_secretstore.moc"
