// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/cstime.h"
#include "testutil.h"
#include "wechatpay/keystore.h"
#include "wechatpaytestutil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrent>

using namespace wxr;
using namespace wxr::core;

namespace {

constexpr qint64 kNow = 1795785175; // 2026-11-27 13:12:55Z
constexpr qint64 kDay = 86400;

} // namespace

class tst_KeyStore final : public QObject
{
    Q_OBJECT

    PrivateKey m_certKey;
    PrivateKey m_otherKey;

private slots:
    void initTestCase()
    {
        m_certKey = test::fixedKey();
        auto other = PrivateKey::generateRsa(2048);
        QVERIFY_RESULT(other);
        m_otherKey = *other;
    }

    void sameSerial_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("identical") << "5157F09E"
                                   << "5157F09E" << true;
        QTest::newRow("case") << "5157f09e"
                              << "5157F09E" << true;
        QTest::newRow("leading zero (Go vs Java)") << "0ABC"
                                                   << "ABC" << true;
        QTest::newRow("blanks") << " ABC"
                                << "ABC " << true;
        QTest::newRow("different") << "5157F09E"
                                   << "5157F09F" << false;
        QTest::newRow("public key id case") << "PUB_KEY_ID_0114"
                                            << "pub_key_id_0114" << true;
        QTest::newRow("public key id vs hex") << "PUB_KEY_ID_0114"
                                              << "0114" << false;
        QTest::newRow("empty") << ""
                               << "0" << false;
    }

    void sameSerial()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(KeyStore::sameSerial(a, b), same);
        QCOMPARE(KeyStore::sameSerial(b, a), same);
    }

    void emptyStore()
    {
        KeyStore ks;
        QVERIFY(ks.isEmpty());
        QVERIFY(!ks.mode());
        QVERIFY(ks.advertisedSerial().isEmpty());
        QVERIFY(!ks.keyFor(u"ABC", kNow));
        QVERIFY(!ks.encryptionKey(kNow));
        QVERIFY(!ks.newestCertificate());
    }

    // Public-key mode and certificate mode side by side (the migration period): each serial
    // selects its own key, and the public key wins for advertising and encryption.
    void publicKeyAndCertificatesSideBySide()
    {
        KeyStore ks;
        ks.addCertificate(test::makePlatformCert(m_certKey, QStringLiteral("5157F09E"), kNow - kDay,
                                                 kNow + 1000 * kDay));
        QCOMPARE(ks.mode(), std::optional<KeyMode>(KeyMode::Certificates));
        QCOMPARE(ks.advertisedSerial(), QStringLiteral("5157F09E"));
        ks.setPublicKey(QStringLiteral("PUB_KEY_ID_0114232134912410000000000000"),
                        m_otherKey.publicKey());
        QCOMPARE(ks.mode(), std::optional<KeyMode>(KeyMode::Both));
        QCOMPARE(ks.advertisedSerial(), QStringLiteral("PUB_KEY_ID_0114232134912410000000000000"));

        const auto byCert = ks.keyFor(u"5157f09e", kNow);
        const auto byPub = ks.keyFor(u"PUB_KEY_ID_0114232134912410000000000000", kNow);
        QVERIFY(byCert && byPub);
        QVERIFY(byCert->sameKeyAs(m_certKey.publicKey()));
        QVERIFY(byPub->sameKeyAs(m_otherKey.publicKey()));
        QCOMPARE(ks.encryptionKey(kNow)->serial,
                 QStringLiteral("PUB_KEY_ID_0114232134912410000000000000"));

        ks.clearPublicKey();
        QCOMPARE(ks.mode(), std::optional<KeyMode>(KeyMode::Certificates));
        QVERIFY(!ks.keyFor(u"PUB_KEY_ID_0114232134912410000000000000", kNow));
        QCOMPARE(ks.encryptionKey(kNow)->serial, QStringLiteral("5157F09E"));

        KeyStore pubOnly;
        pubOnly.setPublicKey(QStringLiteral("PUB_KEY_ID_1"), m_otherKey.publicKey());
        QCOMPARE(pubOnly.mode(), std::optional<KeyMode>(KeyMode::PublicKey));
        QVERIFY(!pubOnly.keyFor(u"5157F09E", kNow));
    }

    void validityWindow_data()
    {
        QTest::addColumn<qint64>("at");
        QTest::addColumn<bool>("usable");
        const qint64 eff = kNow;
        const qint64 exp = kNow + 10 * kDay;
        QTest::newRow("inside") << eff + 5 * kDay << true;
        QTest::newRow("at effective time") << eff << true;
        QTest::newRow("300 s early (clock tolerance)") << eff - 300 << true;
        QTest::newRow("301 s early") << eff - 301 << false;
        QTest::newRow("a day early (announced ahead)") << eff - kDay << false;
        QTest::newRow("at expiry") << exp << true;
        QTest::newRow("after expiry") << exp + 1 << false;
    }

    void validityWindow()
    {
        QFETCH(qint64, at);
        QFETCH(bool, usable);
        KeyStore ks;
        ks.addCertificate(
            test::makePlatformCert(m_certKey, QStringLiteral("AA"), kNow, kNow + 10 * kDay));
        QCOMPARE(ks.keyFor(u"AA", at).has_value(), usable);
        QVERIFY(ks.knows(u"AA"));
        QCOMPARE(ks.encryptionKey(at).has_value(), usable);
    }

    void newestIsLatestEffectiveTime()
    {
        KeyStore ks;
        // The old certificate lives longer (its cert notAfter) but became effective earlier.
        ks.addCertificate(test::makePlatformCert(m_certKey, QStringLiteral("01"), kNow - 100 * kDay,
                                                 kNow + 900 * kDay));
        ks.addCertificate(test::makePlatformCert(m_otherKey, QStringLiteral("02"), kNow - kDay / 2,
                                                 kNow + 800 * kDay));
        QCOMPARE(ks.newestCertificate()->serialNo, QStringLiteral("02"));
        QCOMPARE(ks.advertisedSerial(), QStringLiteral("02"));
        QCOMPARE(ks.encryptionKey(kNow)->serial, QStringLiteral("02"));
        QVERIFY(ks.encryptionKey(kNow)->key.sameKeyAs(m_otherKey.publicKey()));
        // Adding the same serial again replaces it.
        ks.addCertificate(test::makePlatformCert(m_certKey, QStringLiteral("0002"),
                                                 kNow - 200 * kDay, kNow + 800 * kDay));
        QCOMPARE(ks.certificates().size(), 2);
        QCOMPARE(ks.newestCertificate()->serialNo, QStringLiteral("01"));
    }

    void replaceCertificates()
    {
        KeyStore ks;
        ks.addCertificate(test::makePlatformCert(m_certKey, QStringLiteral("0A"), kNow - 10 * kDay,
                                                 kNow + 10 * kDay));
        ks.addCertificate(test::makePlatformCert(m_certKey, QStringLiteral("0B"), kNow - 10 * kDay,
                                                 kNow + 10 * kDay));
        const auto diff = ks.replaceCertificates(
            {test::makePlatformCert(m_certKey, QStringLiteral("b"), kNow - 10 * kDay,
                                    kNow + 10 * kDay),
             test::makePlatformCert(m_otherKey, QStringLiteral("0C"), kNow + kDay,
                                    kNow + 900 * kDay),
             test::makePlatformCert(m_otherKey, QStringLiteral("0D"), kNow - 900 * kDay, kNow - 1)},
            kNow);
        QCOMPARE(diff.added, QStringList{QStringLiteral("0C")});
        QCOMPARE(diff.removed, QStringList{QStringLiteral("0A")});
        QCOMPARE(ks.certificates().size(), 2); // 0D had expired already
        QVERIFY(ks.knows(u"0B"));
        QVERIFY(!ks.knows(u"0A"));
        QVERIFY(!ks.knows(u"0D"));
        // An empty list from the server clears the certificates.
        const auto cleared = ks.replaceCertificates({}, kNow);
        QCOMPARE(cleared.removed.size(), 2);
        QVERIFY(ks.isEmpty());
    }

    void expiryWarnings()
    {
        KeyStore ks;
        ks.addCertificate(test::makePlatformCert(m_certKey, QStringLiteral("A1"), kNow - 900 * kDay,
                                                 kNow + 31 * kDay));
        ks.addCertificate(test::makePlatformCert(m_certKey, QStringLiteral("A2"), kNow - 900 * kDay,
                                                 kNow + 30 * kDay));
        ks.addCertificate(test::makePlatformCert(m_certKey, QStringLiteral("A3"), kNow - 900 * kDay,
                                                 kNow + kDay / 2));
        ks.addCertificate(test::makePlatformCert(m_certKey, QStringLiteral("A4"), kNow - 900 * kDay,
                                                 kNow - kDay / 2));
        const auto w = ks.expiryWarnings(kNow);
        QCOMPARE(w.size(), 3);
        QCOMPARE(w[0].serial, QStringLiteral("A4"));
        QCOMPARE(w[0].daysLeft, qint64(-1));
        QCOMPARE(w[1].serial, QStringLiteral("A3"));
        QCOMPARE(w[1].daysLeft, qint64(0));
        QCOMPARE(w[2].serial, QStringLiteral("A2"));
        QCOMPARE(w[2].daysLeft, qint64(30));
        QCOMPARE(ks.expiryWarnings(kNow, 60).size(), 4);
    }

    void saveAndLoad()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("certs"));
        KeyStore ks;
        ks.addCertificate(test::makePlatformCert(m_certKey, QStringLiteral("5157F09E"), kNow - kDay,
                                                 kNow + 100 * kDay));
        // The announced expiry is earlier than the certificate's own notAfter (rotation).
        PlatformCertificate moved = test::makePlatformCert(m_otherKey, QStringLiteral("0ABC"),
                                                           kNow - kDay, kNow + 200 * kDay);
        moved.expireTime = kNow + 3 * kDay;
        ks.addCertificate(moved);
        ks.setPublicKey(QStringLiteral("PUB_KEY_ID_1"), m_otherKey.publicKey());
        QVERIFY_RESULT(ks.saveTo(dir));

        const QFileInfo info(QDir(dir).filePath(KeyStore::cacheFileName()));
        QVERIFY(info.exists());
        QCOMPARE(info.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions());

        KeyStore loaded;
        const auto n = loaded.loadFrom(dir, kNow);
        QVERIFY_RESULT(n);
        QCOMPARE(*n, 2);
        QVERIFY(loaded.publicKeyId().isEmpty()); // the public key is not cached
        QVERIFY(loaded.keyFor(u"5157F09E", kNow)->sameKeyAs(m_certKey.publicKey()));
        QVERIFY(loaded.keyFor(u"0ABC", kNow));
        QVERIFY(!loaded.keyFor(u"0ABC", kNow + 4 * kDay)); // announced expiry kept
        // Loaded later, after an entry expired: it is skipped.
        KeyStore later;
        QCOMPARE(*later.loadFrom(dir, kNow + 4 * kDay), 1);
    }

    void loadLooseCertificateFiles()
    {
        QTemporaryDir tmp;
        QFile::copy(QStringLiteral(WXR_TEST_DATA_DIR "/crypto/platform_cert.pem"),
                    tmp.filePath(QStringLiteral("wechatpay_5157.pem")));
        // A public key file next to the certificates is not a certificate: skipped.
        QFile::copy(QStringLiteral(WXR_TEST_DATA_DIR "/crypto/rsa2048_pub.pem"),
                    tmp.filePath(QStringLiteral("pub_key.pem")));
        KeyStore ks;
        const auto n = ks.loadFrom(tmp.path(), kNow);
        QVERIFY_RESULT(n);
        QCOMPARE(*n, 1);
        QVERIFY(ks.keyFor(u"5157F09EFDC096DE15EBE81A47057A7232F1B8E1", kNow + kDay));
        QCOMPARE(ks.certificates().first().expireTime, qint64(1953551575));
    }

    void loadErrors()
    {
        KeyStore ks;
        QCOMPARE(*ks.loadFrom(QStringLiteral("/nonexistent/certs"), kNow), 0);

        QTemporaryDir tmp;
        QFile f(tmp.filePath(KeyStore::cacheFileName()));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ not json");
        f.close();
        const auto r = ks.loadFrom(tmp.path(), kNow);
        QVERIFY_ERROR(r, ErrorCode::InvalidInput);
        QVERIFY(r.error().message.contains(KeyStore::cacheFileName()));

        QTemporaryDir tmp2;
        QFile bad(tmp2.filePath(QStringLiteral("broken.pem")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        bad.close();
        const auto r2 = ks.loadFrom(tmp2.path(), kNow);
        QVERIFY_ERROR(r2, ErrorCode::Crypto);
        QVERIFY(r2.error().message.contains(QStringLiteral("broken.pem")));
    }

    // Readers and a writer at once: no crash, no torn state (run under TSan/ASan in CI).
    void concurrentUse()
    {
        KeyStore ks;
        const PlatformCertificate a
            = test::makePlatformCert(m_certKey, QStringLiteral("AA"), kNow - kDay, kNow + kDay);
        const PlatformCertificate b
            = test::makePlatformCert(m_otherKey, QStringLiteral("BB"), kNow - kDay, kNow + kDay);
        ks.addCertificate(a);
        // Derived here: OpenSSL work on a pool thread leaves per-thread error state that
        // LeakSanitizer reports when the pool outlives the test. The store itself calls no
        // OpenSSL while writing.
        const PublicKey otherPublic = m_otherKey.publicKey();
        auto writer = QtConcurrent::run([&] {
            for (int i = 0; i < 200; ++i) {
                ks.replaceCertificates(
                    i % 2 ? QList<PlatformCertificate>{a} : QList<PlatformCertificate>{a, b}, kNow);
                ks.setPublicKey(QStringLiteral("PUB_KEY_ID_%1").arg(i), otherPublic);
            }
        });
        int found = 0;
        for (int i = 0; i < 2000; ++i) {
            found += ks.keyFor(u"AA", kNow).has_value();
            (void)ks.advertisedSerial();
            (void)ks.newestCertificate();
        }
        writer.waitForFinished();
        QCOMPARE(found, 2000); // AA is in every version of the set
    }
};

QTEST_GUILESS_MAIN(tst_KeyStore)
#include "tst_keystore.moc"
