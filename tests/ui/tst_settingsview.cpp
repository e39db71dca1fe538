// SPDX-License-Identifier: GPL-3.0-or-later
#include "pathedit.h"
#include "profileeditor.h"
#include "settingsview.h"
#include "uitestutil.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace wxr;
using namespace wxr::ui;

namespace {

const QString kApiV3Key = QStringLiteral("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb");

template<typename W>
W *child(QWidget *parent, const char *name)
{
    auto *w = parent->findChild<W *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    const bool ascii
        = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
    if (ascii) {
        QTest::keyClicks(edit, text);
    } else {
        // QTest cannot synthesise keys for non-ASCII text; this is what an input method does.
        edit->insert(text);
        emit edit->textEdited(edit->text());
    }
}

std::optional<QString> loadSecret(SecretStore *store, const QString &profile, SecretKind kind)
{
    std::optional<QString> out;
    bool done = false;
    store->load(profile, kind, nullptr, [&](const std::optional<QString> &v) {
        out = v;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }))
        qFatal("the secret store did not answer");
    return out;
}

} // namespace

class tst_SettingsView final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_files;
    QString m_keyFile;
    QString m_pubKeyFile;

    // Fills the selected profile with a complete, valid certificate-mode profile.
    void fillValidProfile(SettingsView &view, const QString &name)
    {
        typeInto(child<QLineEdit>(&view, "profileName"), name);
        typeInto(child<QLineEdit>(&view, "profileMchid"), QStringLiteral("1900000001"));
        typeInto(child<QLineEdit>(&view, "profileSerial"),
                 QStringLiteral("5157f09efdc096de15ebe81a47057a7232f1b8e1"));
        child<PathEdit>(&view, "profilePrivateKey")->setPath(m_keyFile);
        typeInto(child<QLineEdit>(&view, "profileApiBase"),
                 QStringLiteral("http://127.0.0.1:18080"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        m_keyFile = m_files.filePath(QStringLiteral("apiclient_key.pem"));
        m_pubKeyFile = m_files.filePath(QStringLiteral("pub_key.pem"));
        for (const QString &f : {m_keyFile, m_pubKeyFile}) {
            QFile file(f);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("-----BEGIN PLACEHOLDER-----\n");
        }
    }

    void showsDefaults()
    {
        TestContext t;
        SettingsView view(*t.context);
        QCOMPARE(child<QListWidget>(&view, "profileList")->count(), 0);
        QVERIFY(!view.profileEditor()->isEnabled());
        QCOMPARE(child<QSpinBox>(&view, "crossMidnight")->value(), 300);
        QCOMPARE(child<QSpinBox>(&view, "receiverPort")->value(), 8443);
        QVERIFY(!view.isDirty());
        QVERIFY(!child<QPushButton>(&view, "settingsSave")->isEnabled());
    }

    void savesProfileAndKeepsSecretsOutOfSettings()
    {
        TestContext t;
        SettingsView view(*t.context);
        QSignalSpy profilesChanged(t.context.get(), &AppContext::profilesChanged);
        child<QPushButton>(&view, "addProfile")->click();
        QVERIFY(view.isDirty());
        fillValidProfile(view, QStringLiteral("Shop A"));
        typeInto(child<QLineEdit>(&view, "profileApiv3Key"), kApiV3Key);
        typeInto(child<QLineEdit>(&view, "profilePassphrase"), QStringLiteral("pass phrase"));
        QCOMPARE(child<QListWidget>(&view, "profileList")->item(0)->text(),
                 QStringLiteral("Shop A"));
        child<QSpinBox>(&view, "crossMidnight")->setValue(120);
        QVERIFY(view.save());
        QCOMPARE(profilesChanged.count(), 1);

        const auto profiles = t.settings().profiles();
        QCOMPARE(profiles.size(), 1);
        QCOMPARE(profiles[0].name, QStringLiteral("Shop A"));
        QCOMPARE(profiles[0].mchid, QStringLiteral("1900000001"));
        QCOMPARE(profiles[0].serialNo, QStringLiteral("5157F09EFDC096DE15EBE81A47057A7232F1B8E1"));
        QCOMPARE(profiles[0].privateKeyFile, m_keyFile);
        QCOMPARE(profiles[0].apiBase, QUrl(QStringLiteral("http://127.0.0.1:18080")));
        QCOMPARE(t.settings().activeProfileName(), QStringLiteral("Shop A"));
        QCOMPARE(t.settings().crossMidnightWindowSeconds(), 120);
        QCOMPARE(loadSecret(t.context->secrets(), QStringLiteral("Shop A"), SecretKind::ApiV3Key),
                 kApiV3Key);
        QCOMPARE(loadSecret(t.context->secrets(), QStringLiteral("Shop A"),
                            SecretKind::PrivateKeyPassphrase),
                 QStringLiteral("pass phrase"));
        // The typed secrets are cleared from the form and never written to the settings file.
        QVERIFY(child<QLineEdit>(&view, "profileApiv3Key")->text().isEmpty());
        QVERIFY(child<QLineEdit>(&view, "profileApiv3Key")
                    ->placeholderText()
                    .contains(QStringLiteral("Stored")));
        t.settings().sync();
        QFile ini(t.iniPath());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray text = ini.readAll();
        QVERIFY(!text.contains(kApiV3Key.toLatin1()));
        QVERIFY(!text.contains("pass phrase"));
        QVERIFY(!view.isDirty());
    }

    void rejectsInvalidProfiles_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("no private key") << "privateKey"
                                        << "/nonexistent/key.pem"
                                        << "does not exist";
        QTest::newRow("short APIv3 key") << "apiv3"
                                         << "tooshort"
                                         << "exactly 32";
        QTest::newRow("non-ASCII APIv3 key")
            << "apiv3"
            << "密钥密钥密钥密钥密钥密钥密钥密钥密钥密钥密钥密钥密钥密钥密钥密钥"
            << "exactly 32";
        QTest::newRow("empty mchid") << "mchid"
                                     << ""
                                     << "digits";
        QTest::newRow("ftp base") << "apiBase"
                                  << "ftp://api.mch.weixin.qq.com"
                                  << "http or https";
        QTest::newRow("public key without id") << "pubkeyMode"
                                               << ""
                                               << "public key ID";
    }

    void rejectsInvalidProfiles()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, message);
        TestContext t;
        SettingsView view(*t.context);
        QSignalSpy notices(t.context.get(), &AppContext::noticeRequested);
        view.addProfile();
        fillValidProfile(view, QStringLiteral("Shop"));
        if (field == u"privateKey") {
            child<PathEdit>(&view, "profilePrivateKey")->setPath(value);
        } else if (field == u"apiv3") {
            typeInto(child<QLineEdit>(&view, "profileApiv3Key"), value);
        } else if (field == u"mchid") {
            typeInto(child<QLineEdit>(&view, "profileMchid"), value);
        } else if (field == u"apiBase") {
            typeInto(child<QLineEdit>(&view, "profileApiBase"), value);
        } else if (field == u"pubkeyMode") {
            auto *mode = child<QComboBox>(&view, "profileKeyMode");
            mode->setCurrentIndex(1);
            emit mode->activated(1);
            child<PathEdit>(&view, "profilePublicKeyFile")->setPath(m_pubKeyFile);
        }
        QVERIFY(!view.save());
        QCOMPARE(notices.count(), 1);
        QCOMPARE(notices.at(0).at(0).value<NoticeBar::Level>(), NoticeBar::Level::Error);
        const QString sentence = notices.at(0).at(1).toString();
        QVERIFY2(sentence.contains(message), qPrintable(sentence));
        QVERIFY(t.settings().profiles().isEmpty());
        QVERIFY(view.isDirty());
    }

    void duplicateNamesAreRejected()
    {
        TestContext t;
        SettingsView view(*t.context);
        QSignalSpy notices(t.context.get(), &AppContext::noticeRequested);
        view.addProfile();
        fillValidProfile(view, QStringLiteral("Same"));
        view.addProfile();
        fillValidProfile(view, QStringLiteral("Same"));
        QVERIFY(!view.save());
        QVERIFY(notices.at(0).at(1).toString().contains(QStringLiteral("Same")));
    }

    // A ledger holds one merchant's bills: a second merchant gets a ledger of its own.
    void anotherMerchantGetsItsOwnLedger()
    {
        TestContext t;
        SettingsView view(*t.context);
        auto *ledgerFile = child<PathEdit>(&view, "profileLedgerFile");
        QVERIFY2(ledgerFile->lineEdit()->placeholderText().contains(t.ledgerPath()),
                 qPrintable(ledgerFile->lineEdit()->placeholderText()));
        view.addProfile();
        fillValidProfile(view, QStringLiteral("Shop A"));
        QVERIFY(view.save());
        QCOMPARE(t.settings().profiles().at(0).ledgerFile, QString()); // the default ledger
        view.addProfile();
        fillValidProfile(view, QStringLiteral("Shop A test")); // the same merchant may share it
        QVERIFY(view.save());
        QCOMPARE(t.settings().profiles().at(1).ledgerFile, QString());
        view.addProfile();
        fillValidProfile(view, QStringLiteral("Shop B"));
        typeInto(child<QLineEdit>(&view, "profileMchid"), QStringLiteral("1900000002"));
        QVERIFY(view.save());
        const QString own = t.dir.filePath(QStringLiteral("ledger-1900000002.sqlite"));
        QCOMPARE(t.settings().profiles().at(2).ledgerFile, own);
        QCOMPARE(ledgerFile->path(), QDir::toNativeSeparators(own));
        QVERIFY(!view.isDirty());
    }

    // Two merchants already sharing one ledger (set up before ledgers were per merchant, or
    // chosen so): saving says which and why, and nothing is saved.
    void twoMerchantsOnOneLedgerAreRefused()
    {
        TestContext t;
        MerchantProfile a;
        a.name = QStringLiteral("Shop A");
        a.mchid = QStringLiteral("1900000001");
        a.privateKeyFile = m_keyFile;
        a.serialNo = QStringLiteral("5157F09EFDC096DE15EBE81A47057A7232F1B8E1");
        MerchantProfile b = a;
        b.name = QStringLiteral("Shop B");
        b.mchid = QStringLiteral("1900000002");
        t.settings().setProfiles({a, b});
        SettingsView view(*t.context);
        QSignalSpy notices(t.context.get(), &AppContext::noticeRequested);
        child<QSpinBox>(&view, "crossMidnight")->setValue(120);
        QVERIFY(!view.save());
        const QString sentence = notices.at(0).at(1).toString();
        QVERIFY2(sentence.contains(u"Shop A") && sentence.contains(u"Shop B")
                     && sentence.contains(QDir::toNativeSeparators(t.ledgerPath())),
                 qPrintable(sentence));
        QCOMPARE(t.settings().crossMidnightWindowSeconds(), 300);
        QCOMPARE(child<QListWidget>(&view, "profileList")->currentRow(), 1);
        child<PathEdit>(&view, "profileLedgerFile")
            ->setPath(t.dir.filePath(QStringLiteral("b.sqlite")));
        QVERIFY(view.save());
        QCOMPARE(t.settings().profiles().at(1).ledgerFile,
                 t.dir.filePath(QStringLiteral("b.sqlite")));
        QCOMPARE(t.settings().crossMidnightWindowSeconds(), 120);
    }

    // A key typed for one profile survives looking at another before saving.
    void typedKeySurvivesSwitchingProfiles()
    {
        TestContext t;
        SettingsView view(*t.context);
        view.addProfile();
        fillValidProfile(view, QStringLiteral("Shop A"));
        typeInto(child<QLineEdit>(&view, "profileApiv3Key"), kApiV3Key);
        view.addProfile();
        fillValidProfile(view, QStringLiteral("Shop A test"));
        child<QListWidget>(&view, "profileList")->setCurrentRow(0);
        QCOMPARE(child<QLineEdit>(&view, "profileApiv3Key")->text(), kApiV3Key); // masked
        QVERIFY(view.save());
        QCOMPARE(loadSecret(t.context->secrets(), QStringLiteral("Shop A"), SecretKind::ApiV3Key),
                 kApiV3Key);
    }

    // The merchant INI of wxrecon-cli becomes a profile: paths resolved beside the file, an
    // inline APIv3 key into the keychain (never the settings file); a broken INI is one
    // sentence and adds nothing.
    void importsAMerchantIni()
    {
        TestContext t;
        QDir(t.dir.path()).mkpath(QStringLiteral("m"));
        QVERIFY(QFile::copy(m_keyFile, t.dir.filePath(QStringLiteral("m/apiclient_key.pem"))));
        QFile ini(t.dir.filePath(QStringLiteral("m/merchant.ini")));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write(
            "[merchant]\nmchid=1900000009\nserial_no=5157f09efdc096de15ebe81a47057a7232f1b8e1\n"
            "private_key_file=apiclient_key.pem\napiv3_key="
            + kApiV3Key.toLatin1()
            + "\n[wechatpay]\napi_base=http://127.0.0.1:18080\nplatform_cert_dir=certs\n");
        ini.close();
        QFile::setPermissions(ini.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        SettingsView view(*t.context);
        QSignalSpy notices(t.context.get(), &AppContext::noticeRequested);
        QVERIFY(view.importMerchantIni(ini.fileName()));
        QVERIFY(view.isDirty());
        QCOMPARE(child<QListWidget>(&view, "profileList")->count(), 1);
        QCOMPARE(child<QLineEdit>(&view, "profileName")->text(),
                 QStringLiteral("Merchant 1900000009"));
        QVERIFY(view.save());
        const MerchantProfile p = t.settings().profiles().at(0);
        QCOMPARE(p.mchid, QStringLiteral("1900000009"));
        QCOMPARE(p.serialNo, QStringLiteral("5157F09EFDC096DE15EBE81A47057A7232F1B8E1"));
        QCOMPARE(p.privateKeyFile, t.dir.filePath(QStringLiteral("m/apiclient_key.pem")));
        QCOMPARE(p.platformCertDir, t.dir.filePath(QStringLiteral("m/certs")));
        QCOMPARE(p.apiBase, QUrl(QStringLiteral("http://127.0.0.1:18080")));
        QVERIFY(p.apiv3KeyFile.isEmpty());
        QCOMPARE(loadSecret(t.context->secrets(), p.name, SecretKind::ApiV3Key), kApiV3Key);
        t.settings().sync();
        QFile settingsFile(t.iniPath());
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        QVERIFY(!settingsFile.readAll().contains(kApiV3Key.toLatin1()));

        // Imported again: a second profile under another name.
        QVERIFY(view.importMerchantIni(ini.fileName()));
        QCOMPARE(child<QLineEdit>(&view, "profileName")->text(),
                 QStringLiteral("Merchant 1900000009 2"));
        child<QPushButton>(&view, "settingsRevert")->click();

        QFile broken(t.dir.filePath(QStringLiteral("m/broken.ini")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("[merchant]\nmchid=1900000009\n");
        broken.close();
        notices.clear();
        QVERIFY(!view.importMerchantIni(broken.fileName()));
        QCOMPARE(notices.size(), 1);
        const QString sentence = notices.at(0).at(1).toString();
        QVERIFY2(sentence.contains(u"broken.ini") && sentence.contains(u"serial"),
                 qPrintable(sentence));
        QCOMPARE(child<QListWidget>(&view, "profileList")->count(), 1);
        QVERIFY(!view.isDirty());
    }

    void renameMovesSecretsAndRemoveDeletesThem()
    {
        TestContext t;
        {
            SettingsView view(*t.context);
            view.addProfile();
            fillValidProfile(view, QStringLiteral("Old"));
            typeInto(child<QLineEdit>(&view, "profileApiv3Key"), kApiV3Key);
            QVERIFY(view.save());
            typeInto(child<QLineEdit>(&view, "profileName"), QStringLiteral("New"));
            QVERIFY(view.save());
        }
        SecretStore *store = t.context->secrets();
        QTRY_COMPARE(loadSecret(store, QStringLiteral("New"), SecretKind::ApiV3Key), kApiV3Key);
        QVERIFY(!loadSecret(store, QStringLiteral("Old"), SecretKind::ApiV3Key));
        QCOMPARE(t.settings().activeProfileName(), QStringLiteral("New"));

        SettingsView view(*t.context);
        view.removeSelectedProfile();
        QVERIFY(view.save());
        QVERIFY(t.settings().profiles().isEmpty());
        QVERIFY(!loadSecret(store, QStringLiteral("New"), SecretKind::ApiV3Key));
    }

    void revertDiscardsEdits()
    {
        TestContext t;
        t.settings().setReceiverPort(9000);
        SettingsView view(*t.context);
        auto *port = child<QSpinBox>(&view, "receiverPort");
        port->setValue(9100);
        QVERIFY(view.isDirty());
        child<QPushButton>(&view, "settingsRevert")->click();
        QCOMPARE(port->value(), 9000);
        QVERIFY(!view.isDirty());
        QCOMPARE(t.settings().receiverPort(), 9000);
    }

    void languageChangeIsAnnounced()
    {
        TestContext t;
        SettingsView view(*t.context);
        QSignalSpy spy(&view, &SettingsView::languageChanged);
        auto *language = child<QComboBox>(&view, "language");
        language->setCurrentIndex(language->findData(QStringLiteral("en")));
        QVERIFY(view.save());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("en"));
        QCOMPARE(t.settings().language(), QStringLiteral("en"));
        QVERIFY(view.save()); // unchanged: no second announcement
        QCOMPARE(spy.count(), 1);
    }

    void invalidWebhookIsRejected()
    {
        TestContext t;
        SettingsView view(*t.context);
        QSignalSpy notices(t.context.get(), &AppContext::noticeRequested);
        typeInto(child<QLineEdit>(&view, "alertWebhook"), QStringLiteral("hooks.example.com"));
        QVERIFY(!view.save());
        QVERIFY(notices.at(0).at(1).toString().contains(QStringLiteral("webhook")));
        typeInto(child<QLineEdit>(&view, "alertWebhook"),
                 QStringLiteral("https://hooks.example.com/x"));
        QVERIFY(view.save());
        QCOMPARE(t.settings().alertWebhookUrl(),
                 QUrl(QStringLiteral("https://hooks.example.com/x")));
    }
};

QTEST_MAIN(tst_SettingsView)
#include "tst_settingsview.moc"
