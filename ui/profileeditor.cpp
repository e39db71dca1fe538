// SPDX-License-Identifier: GPL-3.0-or-later
#include "profileeditor.h"

#include "pathedit.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>

namespace wxr::ui {

namespace {

const QRegularExpression kDigits(QStringLiteral("^[0-9]{1,32}$"));
const QRegularExpression kHex(QStringLiteral("^[0-9A-Fa-f]{1,64}$"));

bool isPrintableAscii(const QString &s)
{
    return std::all_of(s.cbegin(), s.cend(),
                       [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
}

} // namespace

ProfileEditor::ProfileEditor(QWidget *parent)
    : QWidget(parent)
{
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("profileName"));
    m_mchid = new QLineEdit(this);
    m_mchid->setObjectName(QStringLiteral("profileMchid"));
    m_mchid->setValidator(new QRegularExpressionValidator(kDigits, m_mchid));
    m_mchid->setPlaceholderText(QStringLiteral("1900000001"));
    m_serial = new QLineEdit(this);
    m_serial->setObjectName(QStringLiteral("profileSerial"));
    m_serial->setValidator(new QRegularExpressionValidator(kHex, m_serial));
    m_privateKey
        = new PathEdit(PathEdit::Kind::OpenFile, tr("Choose the merchant private key"), this);
    m_privateKey->setObjectName(QStringLiteral("profilePrivateKey"));
    m_privateKey->setFilter(tr("PEM private keys (*.pem);;All files (*)"));
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("profilePassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_apiv3Key = new QLineEdit(this);
    m_apiv3Key->setObjectName(QStringLiteral("profileApiv3Key"));
    m_apiv3Key->setEchoMode(QLineEdit::Password);
    m_apiv3Key->setMaxLength(64);
    m_apiv3KeyFile = new PathEdit(PathEdit::Kind::OpenFile, tr("Choose the APIv3 key file"), this);
    m_apiv3KeyFile->setObjectName(QStringLiteral("profileApiv3KeyFile"));
    m_apiBase = new QLineEdit(this);
    m_apiBase->setObjectName(QStringLiteral("profileApiBase"));
    m_keyMode = new QComboBox(this);
    m_keyMode->setObjectName(QStringLiteral("profileKeyMode"));
    m_keyMode->addItem(tr("Platform certificates"), int(KeyMode::Certificates));
    m_keyMode->addItem(tr("WeChat Pay public key"), int(KeyMode::PublicKey));
    m_keyMode->addItem(tr("Both (during migration)"), int(KeyMode::Both));
    m_publicKeyId = new QLineEdit(this);
    m_publicKeyId->setObjectName(QStringLiteral("profilePublicKeyId"));
    m_publicKeyId->setPlaceholderText(QStringLiteral("PUB_KEY_ID_…"));
    m_publicKeyFile
        = new PathEdit(PathEdit::Kind::OpenFile, tr("Choose the WeChat Pay public key"), this);
    m_publicKeyFile->setObjectName(QStringLiteral("profilePublicKeyFile"));
    m_publicKeyFile->setFilter(tr("PEM public keys (*.pem);;All files (*)"));
    m_certDir = new PathEdit(PathEdit::Kind::Directory,
                             tr("Choose the folder for downloaded platform certificates"), this);
    m_certDir->setObjectName(QStringLiteral("profileCertDir"));
    m_ledgerFile
        = new PathEdit(PathEdit::Kind::SaveFile, tr("Choose this merchant's ledger file"), this);
    m_ledgerFile->setObjectName(QStringLiteral("profileLedgerFile"));
    m_ledgerFile->setFilter(tr("SQLite ledgers (*.sqlite *.db);;All files (*)"));
    m_ledgerFile->setToolTip(tr("Orders, bills and discrepancies of this merchant. Each merchant "
                                "needs a ledger of its own; empty = the default ledger."));

    m_test = new QPushButton(tr("Test connection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Profile name:"), m_name);
    form->addRow(tr("Merchant ID (mchid):"), m_mchid);
    form->addRow(tr("API certificate serial:"), m_serial);
    form->addRow(tr("Private key file:"), m_privateKey);
    form->addRow(tr("Private key passphrase:"), m_passphrase);
    form->addRow(tr("APIv3 key:"), m_apiv3Key);
    form->addRow(tr("or APIv3 key file:"), m_apiv3KeyFile);
    form->addRow(tr("API base URL:"), m_apiBase);
    form->addRow(tr("Signature verification:"), m_keyMode);
    form->addRow(tr("Public key ID:"), m_publicKeyId);
    form->addRow(tr("Public key file:"), m_publicKeyFile);
    form->addRow(tr("Certificate folder:"), m_certDir);
    form->addRow(tr("Ledger file:"), m_ledgerFile);
    form->addRow(QString(), m_test);
    form->addRow(QString(), m_testResult);

    for (QLineEdit *e :
         {m_name, m_mchid, m_serial, m_passphrase, m_apiv3Key, m_apiBase, m_publicKeyId})
        connect(e, &QLineEdit::textEdited, this, &ProfileEditor::edited);
    for (PathEdit *p : {m_privateKey, m_apiv3KeyFile, m_publicKeyFile, m_certDir, m_ledgerFile})
        connect(p, &PathEdit::pathChanged, this, &ProfileEditor::edited);
    connect(m_keyMode, &QComboBox::activated, this, [this] {
        updateKeyModeFields();
        emit edited();
    });
    connect(m_test, &QPushButton::clicked, this, &ProfileEditor::testConnectionRequested);
    setStoredSecrets(false, false);
    updateKeyModeFields();
}

ProfileEditor::~ProfileEditor() = default;

void ProfileEditor::setProfile(const MerchantProfile &p)
{
    const QSignalBlocker blockAll(this);
    m_name->setText(p.name);
    m_mchid->setText(p.mchid);
    m_serial->setText(p.serialNo);
    m_privateKey->setPath(p.privateKeyFile);
    m_apiv3KeyFile->setPath(p.apiv3KeyFile);
    m_apiBase->setText(p.apiBase.toString());
    m_keyMode->setCurrentIndex(m_keyMode->findData(int(p.keyMode)));
    m_publicKeyId->setText(p.publicKeyId);
    m_publicKeyFile->setPath(p.publicKeyFile);
    m_certDir->setPath(p.platformCertDir);
    m_ledgerFile->setPath(p.ledgerFile);
    clearTypedSecrets();
    m_testResult->clear();
    updateKeyModeFields();
}

MerchantProfile ProfileEditor::profile() const
{
    MerchantProfile p;
    p.name = m_name->text().trimmed();
    p.mchid = m_mchid->text().trimmed();
    p.serialNo = m_serial->text().trimmed().toUpper();
    p.privateKeyFile = m_privateKey->path();
    p.apiv3KeyFile = m_apiv3KeyFile->path();
    p.apiBase = QUrl(m_apiBase->text().trimmed());
    p.keyMode = KeyMode(m_keyMode->currentData().toInt());
    p.publicKeyId = m_publicKeyId->text().trimmed();
    p.publicKeyFile = m_publicKeyFile->path();
    p.platformCertDir = m_certDir->path();
    p.ledgerFile = m_ledgerFile->path();
    return p;
}

void ProfileEditor::setDefaultLedgerPath(const QString &path)
{
    m_ledgerFile->lineEdit()->setPlaceholderText(tr("The default ledger (%1)").arg(path));
}

void ProfileEditor::setLedgerFile(const QString &path)
{
    const QSignalBlocker block(m_ledgerFile);
    m_ledgerFile->setPath(path);
}

void ProfileEditor::setStoredSecrets(bool apiV3Key, bool passphrase)
{
    m_apiv3Key->setPlaceholderText(apiV3Key ? tr("Stored — type to replace")
                                            : tr("32 characters, from the merchant platform"));
    m_passphrase->setPlaceholderText(passphrase ? tr("Stored — type to replace")
                                                : tr("Only if the key file is encrypted"));
}

QString ProfileEditor::typedApiV3Key() const
{
    return m_apiv3Key->text();
}

QString ProfileEditor::typedPassphrase() const
{
    return m_passphrase->text();
}

void ProfileEditor::setTypedSecrets(const QString &apiV3Key, const QString &passphrase)
{
    const QSignalBlocker block(this);
    m_apiv3Key->setText(apiV3Key);
    m_passphrase->setText(passphrase);
}

void ProfileEditor::clearTypedSecrets()
{
    m_apiv3Key->clear();
    m_passphrase->clear();
}

std::optional<QString> ProfileEditor::problem() const
{
    return validate(profile(), typedApiV3Key());
}

std::optional<QString> ProfileEditor::validate(const MerchantProfile &p,
                                               const QString &typedApiV3Key)
{
    if (p.name.isEmpty())
        return tr("The profile needs a name.");
    if (!kDigits.match(p.mchid).hasMatch())
        return tr("The merchant ID of “%1” must be digits only.").arg(p.name);
    if (!kHex.match(p.serialNo).hasMatch())
        return tr("The API certificate serial of “%1” must be hexadecimal.").arg(p.name);
    if (p.privateKeyFile.isEmpty())
        return tr("Profile “%1” needs the merchant private key file.").arg(p.name);
    if (!QFileInfo(p.privateKeyFile).isFile())
        return tr("The private key file “%1” does not exist.").arg(p.privateKeyFile);
    // The APIv3 key is used as the raw AES-256 key: exactly 32 ASCII characters.
    if (!typedApiV3Key.isEmpty()
        && (typedApiV3Key.size() != 32 || !isPrintableAscii(typedApiV3Key)))
        return tr("The APIv3 key must be exactly 32 ASCII characters.");
    if (!p.apiv3KeyFile.isEmpty() && !QFileInfo(p.apiv3KeyFile).isFile())
        return tr("The APIv3 key file “%1” does not exist.").arg(p.apiv3KeyFile);
    const QString scheme = p.apiBase.scheme();
    if (!p.apiBase.isValid() || p.apiBase.host().isEmpty()
        || (scheme != u"https" && scheme != u"http"))
        return tr("The API base URL of “%1” must be an http or https address.").arg(p.name);
    if (p.keyMode != KeyMode::Certificates) {
        if (p.publicKeyId.isEmpty())
            return tr("Profile “%1” uses the WeChat Pay public key but has no public key ID.")
                .arg(p.name);
        if (!QFileInfo(p.publicKeyFile).isFile())
            return tr("The public key file “%1” does not exist.").arg(p.publicKeyFile);
    }
    return std::nullopt;
}

void ProfileEditor::setTestResult(bool ok, const QString &sentence)
{
    m_testResult->setText(sentence);
    QPalette pal = m_testResult->palette();
    pal.setColor(QPalette::WindowText, ok ? QColor(0x1b, 0x7f, 0x3a) : QColor(0xc6, 0x28, 0x28));
    m_testResult->setPalette(pal);
}

void ProfileEditor::updateKeyModeFields()
{
    const auto mode = KeyMode(m_keyMode->currentData().toInt());
    m_publicKeyId->setEnabled(mode != KeyMode::Certificates);
    m_publicKeyFile->setEnabled(mode != KeyMode::Certificates);
    m_certDir->setEnabled(mode != KeyMode::PublicKey);
}

} // namespace wxr::ui
