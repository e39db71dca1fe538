// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsview.h"

#include "appcontext.h"
#include "connectiontester.h"
#include "noticebar.h"
#include "pathedit.h"
#include "profileeditor.h"
#include "secretstore.h"
#include "wechatpay/merchantconfig.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace wxr::ui {

namespace {

QSpinBox *spinBox(QWidget *parent, const QString &objectName, int lo, int hi, const QString &suffix)
{
    auto *s = new QSpinBox(parent);
    s->setObjectName(objectName);
    s->setRange(lo, hi);
    s->setSuffix(suffix);
    return s;
}

// The ledger file `profile` works on when the default ledger is `defaultLedger`, comparable.
QString ledgerOf(const MerchantProfile &profile, const QString &defaultLedger)
{
    return QDir::cleanPath(profile.ledgerFile.isEmpty() ? defaultLedger : profile.ledgerFile);
}

} // namespace

SettingsView::SettingsView(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context)
{
    setObjectName(QStringLiteral("settingsView"));
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("settingsTabs"));
    tabs->addTab(buildProfilesPage(), tr("Merchant profiles"));
    tabs->addTab(buildGeneralPage(), tr("Schedules, rules and alerts"));

    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(QStringLiteral("settingsSave"));
    m_save->setDefault(true);
    m_revert = new QPushButton(tr("Revert"), this);
    m_revert->setObjectName(QStringLiteral("settingsRevert"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &SettingsView::save);
    connect(m_revert, &QPushButton::clicked, this, &SettingsView::reload);
    reload();
}

SettingsView::~SettingsView() = default;

QWidget *SettingsView::buildProfilesPage()
{
    auto *page = new QWidget;
    m_profileList = new QListWidget(page);
    m_profileList->setObjectName(QStringLiteral("profileList"));
    m_profileList->setMaximumWidth(220);
    m_addProfile = new QPushButton(tr("Add"), page);
    m_addProfile->setObjectName(QStringLiteral("addProfile"));
    m_removeProfile = new QPushButton(tr("Remove"), page);
    m_removeProfile->setObjectName(QStringLiteral("removeProfile"));
    m_importIni = new QPushButton(tr("Import INI…"), page);
    m_importIni->setObjectName(QStringLiteral("importMerchantIni"));
    m_importIni->setToolTip(tr("A new profile from a merchant INI file, as used by wxrecon-cli "
                               "--config"));
    m_editor = new ProfileEditor(page);
    m_editor->setObjectName(QStringLiteral("profileEditor"));
    m_editor->testConnectionButton()->setToolTip(
        tr("Downloads the platform certificates with this profile: checks the merchant ID, "
           "serial, private key, APIv3 key and the network in one call."));
    m_tester = new ConnectionTester(m_ctx, this);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addProfile);
    listButtons->addWidget(m_removeProfile);
    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Profiles:"), page));
    left->addWidget(m_profileList, 1);
    left->addLayout(listButtons);
    left->addWidget(m_importIni);

    auto *editorScroll = new QScrollArea(page);
    editorScroll->setWidgetResizable(true);
    editorScroll->setFrameShape(QFrame::NoFrame);
    editorScroll->setWidget(m_editor);

    auto *layout = new QHBoxLayout(page);
    layout->addLayout(left);
    layout->addWidget(editorScroll, 1);

    connect(m_profileList, &QListWidget::currentRowChanged, this, &SettingsView::selectRow);
    connect(m_addProfile, &QPushButton::clicked, this, &SettingsView::addProfile);
    connect(m_removeProfile, &QPushButton::clicked, this, &SettingsView::removeSelectedProfile);
    connect(m_importIni, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getOpenFileName(this, tr("Import a merchant INI"), QString(),
                                           tr("Merchant settings (*.ini);;All files (*)"));
        if (!path.isEmpty())
            importMerchantIni(path);
    });
    connect(m_editor, &ProfileEditor::edited, this, [this] {
        if (m_loading)
            return;
        commitEditor();
        if (m_current >= 0 && m_profileList->item(m_current))
            m_profileList->item(m_current)->setText(m_rows[m_current].profile.name);
        setDirty(true);
    });
    connect(m_editor, &ProfileEditor::testConnectionRequested, this, [this] {
        commitEditor();
        if (m_current < 0)
            return;
        const Row &r = m_rows[m_current];
        if (const auto problem = ProfileEditor::validate(r.profile, r.typedApiV3Key)) {
            m_editor->setTestResult(false, *problem);
            return;
        }
        m_editor->testConnectionButton()->setEnabled(false);
        m_editor->setTestResult(true, tr("Testing…"));
        // Stored secrets are filed under the saved name; a rename is not saved yet.
        MerchantProfile tested = r.profile;
        if (!r.storedName.isEmpty())
            tested.name = r.storedName;
        m_tester->test(tested, r.typedApiV3Key);
    });
    connect(m_tester, &ConnectionTester::finished, this,
            [this](bool ok, const QString &sentence, const QString &) {
                m_editor->testConnectionButton()->setEnabled(true);
                m_editor->setTestResult(ok, sentence);
            });
    return page;
}

QWidget *SettingsView::buildGeneralPage()
{
    auto *page = new QWidget;

    auto *ledger = new QGroupBox(tr("Ledger and bills"), page);
    m_ledgerPath = new PathEdit(PathEdit::Kind::SaveFile, tr("Choose the ledger file"), ledger);
    m_ledgerPath->setObjectName(QStringLiteral("ledgerPath"));
    m_ledgerPath->setFilter(tr("SQLite ledgers (*.sqlite *.db);;All files (*)"));
    m_billTime = new QTimeEdit(ledger);
    m_billTime->setObjectName(QStringLiteral("billFetchTime"));
    m_billTime->setDisplayFormat(QStringLiteral("HH:mm"));
    m_billTime->setToolTip(tr("China Standard Time. WeChat Pay publishes the previous day's bill "
                              "after 10:00."));
    m_crossMidnight = spinBox(ledger, QStringLiteral("crossMidnight"), 0, 3600, tr(" s"));
    m_crossMidnight->setToolTip(tr("Payments this close to midnight may be booked in the next "
                                   "day's bill and are re-checked then."));
    m_ledgerPath->setToolTip(tr("The ledger of merchant profiles without a ledger file of their "
                                "own."));
    auto *ledgerForm = new QFormLayout(ledger);
    ledgerForm->addRow(tr("Default ledger file:"), m_ledgerPath);
    ledgerForm->addRow(tr("Fetch bills daily at (CST):"), m_billTime);
    ledgerForm->addRow(tr("Cross-midnight window:"), m_crossMidnight);

    auto *requery = new QGroupBox(tr("Stuck orders"), page);
    m_scheduler = new QCheckBox(tr("Re-query stuck orders automatically"), requery);
    m_scheduler->setObjectName(QStringLiteral("schedulerEnabled"));
    m_stuckAfter = spinBox(requery, QStringLiteral("stuckAfter"), 1, 1440, tr(" min"));
    m_maxAttempts = spinBox(requery, QStringLiteral("maxAttempts"), 1, 100, QString());
    m_qps = spinBox(requery, QStringLiteral("qps"), 1, 500, tr(" per second"));
    auto *requeryForm = new QFormLayout(requery);
    requeryForm->addRow(m_scheduler);
    requeryForm->addRow(tr("Stuck after:"), m_stuckAfter);
    requeryForm->addRow(tr("Attempts per order:"), m_maxAttempts);
    requeryForm->addRow(tr("Query budget:"), m_qps);

    auto *alerts = new QGroupBox(tr("Callback alerts"), page);
    m_failureRate = new QDoubleSpinBox(alerts);
    m_failureRate->setObjectName(QStringLiteral("alertFailureRate"));
    m_failureRate->setRange(0, 100);
    m_failureRate->setDecimals(1);
    m_failureRate->setSuffix(QStringLiteral(" %"));
    m_p95 = spinBox(alerts, QStringLiteral("alertP95"), 1, 86400, tr(" s"));
    m_silence = spinBox(alerts, QStringLiteral("alertSilence"), 1, 1440, tr(" min"));
    m_alertWindow = spinBox(alerts, QStringLiteral("alertWindow"), 1, 1440, tr(" min"));
    m_webhook = new QLineEdit(alerts);
    m_webhook->setObjectName(QStringLiteral("alertWebhook"));
    m_webhook->setPlaceholderText(QStringLiteral("https://…"));
    auto *alertForm = new QFormLayout(alerts);
    alertForm->addRow(tr("Failure rate above:"), m_failureRate);
    alertForm->addRow(tr("95th percentile delay above:"), m_p95);
    alertForm->addRow(tr("No callbacks for:"), m_silence);
    alertForm->addRow(tr("Evaluation window:"), m_alertWindow);
    alertForm->addRow(tr("Webhook URL:"), m_webhook);

    auto *receiver = new QGroupBox(tr("Callback receiver"), page);
    m_receiver = new QCheckBox(tr("Receive payment callbacks on this computer"), receiver);
    m_receiver->setObjectName(QStringLiteral("receiverEnabled"));
    m_receiverPort = spinBox(receiver, QStringLiteral("receiverPort"), 1, 65535, QString());
    auto *receiverForm = new QFormLayout(receiver);
    receiverForm->addRow(m_receiver);
    receiverForm->addRow(tr("Port:"), m_receiverPort);

    auto *ui = new QGroupBox(tr("Interface"), page);
    m_language = new QComboBox(ui);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("Follow the system"), QString());
    // Language names are shown in their own language so that anyone can find theirs.
    m_language->addItem(QStringLiteral("中文（简体）"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    auto *uiForm = new QFormLayout(ui);
    uiForm->addRow(tr("Language:"), m_language);

    auto *columns = new QHBoxLayout;
    auto *col1 = new QVBoxLayout;
    col1->addWidget(ledger);
    col1->addWidget(requery);
    col1->addWidget(ui);
    col1->addStretch(1);
    auto *col2 = new QVBoxLayout;
    col2->addWidget(alerts);
    col2->addWidget(receiver);
    col2->addStretch(1);
    columns->addLayout(col1, 1);
    columns->addLayout(col2, 1);
    auto *inner = new QWidget;
    inner->setLayout(columns);
    auto *scroll = new QScrollArea(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(inner);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    const auto dirty = [this] {
        if (!m_loading)
            setDirty(true);
    };
    connect(m_ledgerPath, &PathEdit::pathChanged, this, dirty);
    connect(m_ledgerPath, &PathEdit::pathChanged, this,
            [this] { m_editor->setDefaultLedgerPath(defaultLedgerPath()); });
    connect(m_billTime, &QTimeEdit::timeChanged, this, dirty);
    for (QSpinBox *s : {m_crossMidnight, m_stuckAfter, m_maxAttempts, m_qps, m_p95, m_silence,
                        m_alertWindow, m_receiverPort})
        connect(s, &QSpinBox::valueChanged, this, dirty);
    connect(m_failureRate, &QDoubleSpinBox::valueChanged, this, dirty);
    connect(m_webhook, &QLineEdit::textEdited, this, dirty);
    connect(m_scheduler, &QCheckBox::toggled, this, dirty);
    connect(m_receiver, &QCheckBox::toggled, this, dirty);
    connect(m_receiver, &QCheckBox::toggled, m_receiverPort, &QWidget::setEnabled);
    connect(m_language, &QComboBox::currentIndexChanged, this, dirty);
    return page;
}

void SettingsView::reload()
{
    m_loading = true;
    const Settings &s = m_ctx.settings();
    m_rows.clear();
    m_removedNames.clear();
    for (const MerchantProfile &p : s.profiles())
        m_rows.append(Row{p, p.name, {}, {}, false, false});
    m_current = -1;
    refreshList();
    const QString active = s.activeProfileName();
    int select = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].profile.name == active)
            select = i;
    }
    for (int i = 0; i < m_rows.size(); ++i)
        lookUpStoredSecrets(i);
    m_profileList->setCurrentRow(m_rows.isEmpty() ? -1 : select);
    selectRow(m_rows.isEmpty() ? -1 : select);

    m_ledgerPath->setPath(s.ledgerPath());
    m_editor->setDefaultLedgerPath(defaultLedgerPath());
    m_billTime->setTime(s.billFetchTime());
    m_crossMidnight->setValue(s.crossMidnightWindowSeconds());
    const RequeryRules rq = s.requeryRules();
    m_scheduler->setChecked(s.schedulerEnabled());
    m_stuckAfter->setValue(rq.stuckAfterMinutes);
    m_maxAttempts->setValue(rq.maxAttempts);
    m_qps->setValue(rq.queriesPerSecond);
    const AlertThresholds at = s.alertThresholds();
    m_failureRate->setValue(at.failureRatePercent);
    m_p95->setValue(at.p95DelaySeconds);
    m_silence->setValue(at.silenceMinutes);
    m_alertWindow->setValue(at.windowMinutes);
    m_webhook->setText(s.alertWebhookUrl().toString());
    m_receiver->setChecked(s.receiverEnabled());
    m_receiverPort->setValue(s.receiverPort());
    m_receiverPort->setEnabled(s.receiverEnabled());
    m_language->setCurrentIndex(qMax(0, m_language->findData(s.language())));
    m_loading = false;
    setDirty(false);
}

void SettingsView::lookUpStoredSecrets(int row)
{
    const QString name = m_rows[row].storedName;
    if (name.isEmpty())
        return;
    // Only whether a secret exists is kept; its value never reaches a widget.
    const auto mark = [this, name](SecretKind kind, bool present) {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (m_rows[i].storedName != name)
                continue;
            (kind == SecretKind::ApiV3Key ? m_rows[i].hasStoredKey : m_rows[i].hasStoredPassphrase)
                = present;
            if (i == m_current)
                m_editor->setStoredSecrets(m_rows[i].hasStoredKey, m_rows[i].hasStoredPassphrase);
        }
    };
    m_ctx.secrets()->load(
        name, SecretKind::ApiV3Key, this,
        [mark](const std::optional<QString> &v) { mark(SecretKind::ApiV3Key, v.has_value()); });
    m_ctx.secrets()->load(name, SecretKind::PrivateKeyPassphrase, this,
                          [mark](const std::optional<QString> &v) {
                              mark(SecretKind::PrivateKeyPassphrase, v.has_value());
                          });
}

void SettingsView::refreshList()
{
    const QSignalBlocker block(m_profileList);
    m_profileList->clear();
    for (const Row &r : m_rows)
        m_profileList->addItem(r.profile.name);
    m_removeProfile->setEnabled(!m_rows.isEmpty());
}

void SettingsView::selectRow(int row)
{
    if (row == m_current && row >= 0)
        return;
    commitEditor();
    m_current = row;
    const bool wasLoading = m_loading;
    m_loading = true;
    m_editor->setEnabled(row >= 0);
    if (row >= 0 && row < m_rows.size()) {
        const Row &r = m_rows[row];
        m_editor->setProfile(r.profile);
        m_editor->setStoredSecrets(r.hasStoredKey, r.hasStoredPassphrase);
        // What was typed for it before another profile was shown, until saved.
        m_editor->setTypedSecrets(r.typedApiV3Key, r.typedPassphrase);
    } else {
        m_editor->setProfile(MerchantProfile{});
    }
    m_loading = wasLoading;
}

void SettingsView::commitEditor()
{
    if (m_current < 0 || m_current >= m_rows.size())
        return;
    Row &r = m_rows[m_current];
    r.profile = m_editor->profile();
    r.typedApiV3Key = m_editor->typedApiV3Key();
    r.typedPassphrase = m_editor->typedPassphrase();
}

QString SettingsView::unusedName(const QString &base) const
{
    QString name = base;
    for (int n = 2; std::any_of(m_rows.cbegin(), m_rows.cend(),
                                [&](const Row &r) { return r.profile.name == name; });
         ++n)
        name = QStringLiteral("%1 %2").arg(base).arg(n);
    return name;
}

void SettingsView::appendRow(const Row &row)
{
    commitEditor();
    m_rows.append(row);
    refreshList();
    m_current = -1;
    m_profileList->setCurrentRow(int(m_rows.size()) - 1);
    selectRow(int(m_rows.size()) - 1);
    setDirty(true);
}

void SettingsView::addProfile()
{
    Row row;
    // A unique default name, so that a new profile never collides with an existing one.
    row.profile.name = unusedName(tr("New merchant"));
    appendRow(row);
}

bool SettingsView::importMerchantIni(const QString &path)
{
    // The file's own settings: WXRECON_* variables of this session are not the merchant's.
    const auto config = core::MerchantConfig::load(path, QProcessEnvironment());
    if (!config.ok()) {
        const QString first = config.error().message.section(QLatin1Char('\n'), 0, 0);
        m_ctx.notice(NoticeBar::Level::Error,
                     tr("The merchant INI %1 could not be imported: %2")
                         .arg(QDir::toNativeSeparators(path), first),
                     config.error().message);
        return false;
    }
    Row row;
    row.profile = config->toProfile(unusedName(tr("Merchant %1").arg(config->mchid)));
    if (config->apiV3KeyFile.isEmpty()) // an inline key: kept in the keychain, not the settings
        row.typedApiV3Key = QString::fromLatin1(config->apiV3Key);
    appendRow(row);
    m_ctx.notice(NoticeBar::Level::Info,
                 tr("Merchant %1 was read from %2; check the profile and save.")
                     .arg(config->mchid, QDir::toNativeSeparators(path)),
                 config->warnings.join(QLatin1Char('\n')));
    return true;
}

void SettingsView::removeSelectedProfile()
{
    const int row = m_profileList->currentRow();
    if (row < 0 || row >= m_rows.size())
        return;
    if (!m_rows[row].storedName.isEmpty())
        m_removedNames.append(m_rows[row].storedName);
    m_rows.removeAt(row);
    m_current = -1;
    refreshList();
    const int next = qMin(row, int(m_rows.size()) - 1);
    m_profileList->setCurrentRow(next);
    selectRow(next);
    setDirty(true);
}

bool SettingsView::save()
{
    commitEditor();
    QStringList names;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows[i];
        std::optional<QString> problem = ProfileEditor::validate(r.profile, r.typedApiV3Key);
        if (!problem && names.contains(r.profile.name))
            problem
                = tr("Two profiles are named “%1”; each needs its own name.").arg(r.profile.name);
        if (problem) {
            m_profileList->setCurrentRow(i);
            m_ctx.notice(NoticeBar::Level::Error, *problem);
            return false;
        }
        names.append(r.profile.name);
    }
    if (const auto shared = settleLedgers()) {
        selectProfile(shared->second);
        m_ctx.notice(NoticeBar::Level::Error, sharedLedgerSentence(rowProfiles(), *shared));
        return false;
    }
    const QString webhookText = m_webhook->text().trimmed();
    const QUrl webhook(webhookText);
    if (!webhookText.isEmpty()
        && (!webhook.isValid() || webhook.host().isEmpty()
            || (webhook.scheme() != u"https" && webhook.scheme() != u"http"))) {
        m_ctx.notice(NoticeBar::Level::Error,
                     tr("The webhook URL “%1” is not an http or https address.").arg(webhookText));
        return false;
    }

    Settings &s = m_ctx.settings();
    const QString oldLanguage = s.language();
    const QString oldActive = s.activeProfileName();
    s.setProfiles(rowProfiles());
    // A renamed active profile stays active under its new name.
    for (const Row &r : m_rows) {
        if (!r.storedName.isEmpty() && r.storedName == oldActive)
            s.setActiveProfileName(r.profile.name);
    }
    s.setLedgerPath(m_ledgerPath->path());
    s.setBillFetchTime(m_billTime->time());
    s.setCrossMidnightWindowSeconds(m_crossMidnight->value());
    s.setSchedulerEnabled(m_scheduler->isChecked());
    s.setRequeryRules({m_stuckAfter->value(), m_maxAttempts->value(), m_qps->value()});
    s.setAlertThresholds(
        {m_failureRate->value(), m_p95->value(), m_silence->value(), m_alertWindow->value()});
    s.setAlertWebhookUrl(webhook);
    s.setReceiverEnabled(m_receiver->isChecked());
    s.setReceiverPort(m_receiverPort->value());
    const QString language = m_language->currentData().toString();
    s.setLanguage(language);
    s.sync();

    writeSecrets(m_rows, m_removedNames);
    for (Row &r : m_rows) {
        if (!r.typedApiV3Key.isEmpty())
            r.hasStoredKey = true;
        if (!r.typedPassphrase.isEmpty())
            r.hasStoredPassphrase = true;
        r.typedApiV3Key.clear();
        r.typedPassphrase.clear();
        r.storedName = r.profile.name;
    }
    m_removedNames.clear();
    m_editor->clearTypedSecrets();
    if (m_current >= 0)
        m_editor->setStoredSecrets(m_rows[m_current].hasStoredKey,
                                   m_rows[m_current].hasStoredPassphrase);
    setDirty(false);

    m_ctx.notifyProfilesChanged();
    m_ctx.notifySettingsChanged();
    m_ctx.notice(NoticeBar::Level::Success, tr("Settings saved."));
    if (language != oldLanguage)
        emit languageChanged(language);
    return true;
}

void SettingsView::writeSecrets(const QList<Row> &rows, const QStringList &removedNames)
{
    SecretStore *store = m_ctx.secrets();
    for (const QString &name : removedNames) {
        store->remove(name, SecretKind::ApiV3Key);
        store->remove(name, SecretKind::PrivateKeyPassphrase);
    }
    for (const Row &r : rows) {
        const QString name = r.profile.name;
        const bool renamed = !r.storedName.isEmpty() && r.storedName != name;
        for (SecretKind kind : {SecretKind::ApiV3Key, SecretKind::PrivateKeyPassphrase}) {
            const QString typed
                = kind == SecretKind::ApiV3Key ? r.typedApiV3Key : r.typedPassphrase;
            if (!typed.isEmpty()) {
                store->store(name, kind, typed, this);
                if (renamed)
                    store->remove(r.storedName, kind);
            } else if (renamed) {
                // Move the stored secret to the new name; the old entry goes afterwards.
                const QString oldName = r.storedName;
                store->load(oldName, kind, nullptr,
                            [store, oldName, name, kind](const std::optional<QString> &v) {
                                if (v)
                                    store->store(name, kind, *v, nullptr);
                                store->remove(oldName, kind);
                            });
            }
        }
    }
}

QString SettingsView::defaultLedgerPath() const
{
    const QString chosen = m_ledgerPath->path();
    return chosen.isEmpty() ? Settings::standardLedgerPath() : chosen;
}

std::optional<SettingsView::SharedLedger>
SettingsView::sharedLedger(const QList<MerchantProfile> &profiles, const QString &defaultLedger)
{
    // Profiles of one merchant (a live and a test one) may share a ledger.
    for (int i = 0; i < profiles.size(); ++i) {
        const QString path = ledgerOf(profiles[i], defaultLedger);
        for (int j = 0; j < i; ++j) {
            if (profiles[j].mchid != profiles[i].mchid
                && ledgerOf(profiles[j], defaultLedger) == path)
                return SharedLedger{j, i, path};
        }
    }
    return std::nullopt;
}

QString SettingsView::sharedLedgerSentence(const QList<MerchantProfile> &profiles,
                                           const SharedLedger &shared)
{
    return tr("The profiles “%1” and “%2” are different merchants but share the ledger file %3; "
              "give one of them a ledger file of its own.")
        .arg(profiles.at(shared.first).name, profiles.at(shared.second).name,
             QDir::toNativeSeparators(shared.path));
}

void SettingsView::selectProfile(int row)
{
    m_profileList->setCurrentRow(row);
}

std::optional<SettingsView::SharedLedger> SettingsView::settleLedgers()
{
    // A ledger holds one merchant's bills (docs/ledger.md).
    const QString fallback = defaultLedgerPath();
    for (int i = 0; i < m_rows.size(); ++i) {
        MerchantProfile &p = m_rows[i].profile;
        if (!m_rows[i].storedName.isEmpty() || !p.ledgerFile.isEmpty() || p.mchid.isEmpty())
            continue;
        // Taken by a saved profile or a new one above (the first new merchant keeps it).
        bool defaultTaken = false;
        for (int j = 0; j < m_rows.size() && !defaultTaken; ++j) {
            const Row &r = m_rows[j];
            defaultTaken = (j < i || !r.storedName.isEmpty()) && r.profile.mchid != p.mchid
                           && ledgerOf(r.profile, fallback) == QDir::cleanPath(fallback);
        }
        if (defaultTaken) {
            p.ledgerFile = Settings::ledgerBeside(fallback, p.mchid);
            if (i == m_current)
                m_editor->setLedgerFile(p.ledgerFile);
        }
    }
    return sharedLedger(rowProfiles(), fallback);
}

QList<MerchantProfile> SettingsView::rowProfiles() const
{
    QList<MerchantProfile> profiles;
    for (const Row &r : m_rows)
        profiles.append(r.profile);
    return profiles;
}

void SettingsView::setDirty(bool dirty)
{
    m_dirty = dirty;
    m_save->setEnabled(dirty);
    m_revert->setEnabled(dirty);
}

} // namespace wxr::ui
