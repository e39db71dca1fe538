// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "appcontext.h"
#include "appstatusbar.h"
#include "common/settings.h"
#include "dailyfetch.h"
#include "glyphicon.h"
#include "importactions.h"
#include "jobrunner.h"
#include "merchantservices.h"
#include "monitorview.h"
#include "noticebar.h"
#include "orderlookupview.h"
#include "progresspresenter.h"
#include "reconcileview.h"
#include "reportsview.h"
#include "settingsview.h"
#include "stuckordersview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <array>

namespace wxr::ui {

namespace {

constexpr std::array kViews{MainWindow::View::Reconcile,   MainWindow::View::Monitor,
                            MainWindow::View::StuckOrders, MainWindow::View::Lookup,
                            MainWindow::View::Reports,     MainWindow::View::Settings};

Glyph viewGlyph(MainWindow::View view)
{
    switch (view) {
    case MainWindow::View::Reconcile:
        return Glyph::Reconcile;
    case MainWindow::View::Monitor:
        return Glyph::Monitor;
    case MainWindow::View::StuckOrders:
        return Glyph::StuckOrders;
    case MainWindow::View::Lookup:
        return Glyph::Lookup;
    case MainWindow::View::Reports:
        return Glyph::Reports;
    case MainWindow::View::Settings:
        return Glyph::Settings;
    }
    return Glyph::App;
}

} // namespace

MainWindow::MainWindow(AppContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_ctx(context)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(context.demo() ? tr("wxrecon — WeChat Pay reconciliation (demo)")
                                  : tr("wxrecon — WeChat Pay reconciliation"));
    setWindowIcon(glyphIcon(Glyph::App));
    m_ctx.refreshLastBill(); // the status bar's last bill, before the first change

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("viewStack"));
    for (View v : kViews) {
        // Each page is replaced by its view below; the stack keeps sidebar order.
        auto *placeholder = new QLabel(viewTitle(v), m_stack);
        placeholder->setAlignment(Qt::AlignCenter);
        placeholder->setWordWrap(true);
        m_stack->addWidget(placeholder);
    }
    m_settingsView = new SettingsView(m_ctx);
    setViewWidget(View::Settings, m_settingsView);
    auto *reconcile = new ReconcileView(m_ctx);
    setViewWidget(View::Reconcile, reconcile);
    setViewWidget(View::Monitor, new MonitorView(m_ctx));
    setViewWidget(View::StuckOrders, new StuckOrdersView(m_ctx));
    auto *lookup = new OrderLookupView(m_ctx);
    setViewWidget(View::Lookup, lookup);
    connect(reconcile, &ReconcileView::orderLookupRequested, this,
            [this, lookup](const QString &outTradeNo) {
                showView(View::Lookup);
                lookup->lookUp(outTradeNo);
            });
    setViewWidget(View::Reports, new ReportsView(m_ctx));

    m_notices = new NoticeBar(this);
    m_progress = new ProgressPresenter(m_ctx.jobs(), this);

    buildNavigation();

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    contentLayout->addWidget(m_notices);
    contentLayout->addWidget(m_stack, 1);
    contentLayout->addWidget(m_progress);

    auto *sidebar = new QWidget(this);
    sidebar->setObjectName(QStringLiteral("sidebar"));
    auto *sideLayout = new QVBoxLayout(sidebar);
    sideLayout->setContentsMargins(6, 6, 0, 6);
    sideLayout->addWidget(m_merchantLabel);
    sideLayout->addWidget(m_merchants);
    sideLayout->addWidget(m_nav, 1);

    auto *central = new QWidget(this);
    auto *centralLayout = new QHBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(6);
    centralLayout->addWidget(sidebar);
    centralLayout->addWidget(content, 1);
    setCentralWidget(central);

    setStatusBar(new AppStatusBar(m_ctx.status(), this));
    buildMenus();

    connect(&m_ctx, &AppContext::noticeRequested, m_notices, &NoticeBar::showMessage);
    connect(&m_ctx, &AppContext::noticeActionOffered, m_notices, &NoticeBar::setAction);
    connect(m_ctx.jobs(), &JobRunner::jobFailed, m_notices,
            [this](const QString &, const Error &error) { m_notices->showError(error); });
    connect(m_ctx.jobs(), &JobRunner::jobCancelled, m_notices, [this](const QString &title) {
        m_notices->showMessage(NoticeBar::Level::Info, tr("“%1” was cancelled.").arg(title));
    });
    connect(m_ctx.secrets(), &SecretStore::keychainUnavailable, m_notices,
            [this](const QString &message) {
                m_notices->showMessage(NoticeBar::Level::Warning, message);
            });
    connect(&m_ctx, &AppContext::profilesChanged, this, &MainWindow::refreshMerchants);
    connect(&m_ctx, &AppContext::activeProfileChanged, this, &MainWindow::refreshMerchants);
    connect(m_settingsView, &SettingsView::languageChanged, this, &MainWindow::offerRestart);

    refreshMerchants();
    resize(1180, 760);
    restoreState();
    // Two merchants on one ledger (set up before each merchant had its own): the second's
    // bills are refused there, so say so before the first fetch does.
    const QList<MerchantProfile> profiles = m_ctx.settings().profiles();
    if (const auto shared = SettingsView::sharedLedger(profiles, m_ctx.settings().ledgerPath())) {
        m_notices->showMessage(NoticeBar::Level::Warning,
                               SettingsView::sharedLedgerSentence(profiles, *shared));
        m_notices->setAction(tr("Open Settings"), [this, row = shared->second] {
            showView(View::Settings);
            m_settingsView->selectProfile(row);
        });
    }
    // The scheduler runs whenever it was left on (it continues from the ledger's queue).
    if (m_ctx.settings().schedulerEnabled() && m_ctx.settings().activeProfile())
        m_ctx.merchant()->setSchedulerEnabled(true);
    // Yesterday's bill is fetched and reconciled every day at the settings' time (the demo
    // has fetched its day already).
    if (!m_ctx.demo()) {
        auto *daily = new DailyFetch(m_ctx, this);
        daily->start();
    }
    // So does the callback receiver.
    if (m_ctx.settings().receiverEnabled() && m_ctx.settings().activeProfile())
        m_ctx.merchant()->setReceiverEnabled(true);
    // The verifying key's health in the status bar from the start, and for each merchant
    // chosen (the demo connects on its own).
    if (!m_ctx.demo()) {
        m_ctx.merchant()->checkKeys();
        connect(&m_ctx, &AppContext::activeProfileChanged, m_ctx.merchant(),
                &MerchantServices::checkKeys);
    }
}

MainWindow::~MainWindow() = default;

QString MainWindow::viewKey(View view)
{
    switch (view) {
    case View::Reconcile:
        return QStringLiteral("reconcile");
    case View::Monitor:
        return QStringLiteral("monitor");
    case View::StuckOrders:
        return QStringLiteral("stuck");
    case View::Lookup:
        return QStringLiteral("lookup");
    case View::Reports:
        return QStringLiteral("reports");
    case View::Settings:
        return QStringLiteral("settings");
    }
    return {};
}

std::optional<MainWindow::View> MainWindow::viewFromKey(const QString &key)
{
    for (View v : kViews) {
        if (viewKey(v) == key)
            return v;
    }
    return std::nullopt;
}

QString MainWindow::viewTitle(View view) const
{
    switch (view) {
    case View::Reconcile:
        return tr("Reconciliation");
    case View::Monitor:
        return tr("Callback monitor");
    case View::StuckOrders:
        return tr("Pending orders");
    case View::Lookup:
        return tr("Order lookup");
    case View::Reports:
        return tr("Reports");
    case View::Settings:
        return tr("Settings");
    }
    return {};
}

void MainWindow::buildNavigation()
{
    m_merchantLabel = new QLabel(tr("&Merchant:"), this);
    m_merchants = new QComboBox(this);
    m_merchants->setObjectName(QStringLiteral("merchantSwitcher"));
    m_merchantLabel->setBuddy(m_merchants);
    connect(m_merchants, &QComboBox::activated, this,
            [this](int index) { m_ctx.setActiveProfile(m_merchants->itemText(index)); });

    m_nav = new QListWidget(this);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setAccessibleName(tr("Views"));
    m_nav->setIconSize(QSize(22, 22));
    m_nav->setSpacing(2);
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    int widest = 0;
    for (View v : kViews) {
        auto *item = new QListWidgetItem(glyphIcon(viewGlyph(v)), viewTitle(v), m_nav);
        item->setData(Qt::UserRole, int(v));
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(viewTitle(v)).arg(int(v) + 1));
        item->setSizeHint(QSize(0, qMax(32, m_nav->fontMetrics().height() + 14)));
        widest = qMax(widest, m_nav->fontMetrics().horizontalAdvance(viewTitle(v)));
    }
    m_nav->setFixedWidth(widest + 22 + 48);
    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_stack->setCurrentIndex(row);
        m_ctx.settings().setLastView(viewKey(kViews[std::size_t(qMax(0, row))]));
    });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    auto *imports = new ImportActions(m_ctx, this);
    file->addAction(tr("Import &ledger (orders.csv)…"), this,
                    [this, imports] { imports->askLedger(this); })
        ->setObjectName(QStringLiteral("importLedger"));
    file->addAction(tr("Import a &bill file…"), this,
                    [this, imports] {
                        auto *reconcile
                            = qobject_cast<ReconcileView *>(viewWidget(View::Reconcile));
                        imports->askBill(this, reconcile ? reconcile->currentDate() : QDate());
                    })
        ->setObjectName(QStringLiteral("importBill"));
    file->addAction(tr("Import a &callback log…"), this,
                    [this, imports] { imports->askCallbackLog(this); })
        ->setObjectName(QStringLiteral("importCallbacks"));
    // An imported bill is reconciled: show that day.
    connect(imports, &ImportActions::billReconciled, this, [this](const QDate &date) {
        if (auto *reconcile = qobject_cast<ReconcileView *>(viewWidget(View::Reconcile)))
            reconcile->showDate(date);
        showView(View::Reconcile);
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (View v : kViews) {
        QAction *a = view->addAction(glyphIcon(viewGlyph(v)), viewTitle(v), this,
                                     [this, v] { showView(v); });
        a->setObjectName(QStringLiteral("show_") + viewKey(v));
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(v))));
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About wxrecon"), this, [this] {
        QMessageBox::about(this, tr("About wxrecon"),
                           tr("wxrecon %1 reconciles WeChat Pay bills against your order ledger, "
                              "monitors payment callbacks and re-queries stuck orders.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::setViewWidget(View view, QWidget *widget)
{
    const int index = int(view);
    QWidget *old = m_stack->widget(index);
    const bool wasCurrent = m_stack->currentIndex() == index;
    m_stack->insertWidget(index, widget);
    if (old) {
        m_stack->removeWidget(old);
        old->deleteLater();
    }
    if (wasCurrent)
        m_stack->setCurrentIndex(index);
}

QWidget *MainWindow::viewWidget(View view) const
{
    return m_stack->widget(int(view));
}

void MainWindow::showView(View view)
{
    m_nav->setCurrentRow(int(view));
    m_stack->setCurrentIndex(int(view));
}

MainWindow::View MainWindow::currentView() const
{
    return View(qMax(0, m_stack->currentIndex()));
}

void MainWindow::refreshMerchants()
{
    const QList<MerchantProfile> profiles = m_ctx.settings().profiles();
    const QString active = m_ctx.settings().activeProfileName();
    const QSignalBlocker block(m_merchants);
    m_merchants->clear();
    for (const MerchantProfile &p : profiles) {
        m_merchants->addItem(p.name);
        m_merchants->setItemData(m_merchants->count() - 1, tr("Merchant ID %1").arg(p.mchid),
                                 Qt::ToolTipRole);
    }
    m_merchants->setCurrentIndex(m_merchants->findText(active));
    // The switcher only matters when there is a choice.
    const bool several = profiles.size() > 1;
    m_merchants->setVisible(several);
    m_merchantLabel->setVisible(several);
}

void MainWindow::restoreState()
{
    const Settings &s = m_ctx.settings();
    const QByteArray geometry = s.windowGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = s.windowState();
    if (!state.isEmpty())
        QMainWindow::restoreState(state);
    const auto last = viewFromKey(s.lastView());
    // Without a merchant there is nothing to reconcile yet: start where one is added.
    const View fallback
        = s.profiles().isEmpty() && !m_ctx.demo() ? View::Settings : View::Reconcile;
    showView(last.value_or(fallback));
}

void MainWindow::saveState()
{
    Settings &s = m_ctx.settings();
    s.setWindowGeometry(saveGeometry());
    s.setWindowState(QMainWindow::saveState());
    s.setLastView(viewKey(currentView()));
    s.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    m_ctx.jobs()->cancelAll();
    event->accept();
}

void MainWindow::offerRestart(const QString &languageCode)
{
    m_notices->showMessage(NoticeBar::Level::Info,
                           tr("The new language takes effect when wxrecon restarts."));
    m_notices->setAction(tr("Restart now"), [this, languageCode] {
        QStringList args;
        const QStringList old = m_ctx.options().restartArguments;
        for (qsizetype i = 0; i < old.size(); ++i) {
            if (old[i] == u"--lang") {
                ++i;
                continue;
            }
            if (!old[i].startsWith(u"--lang="))
                args.append(old[i]);
        }
        if (!languageCode.isEmpty())
            args << QStringLiteral("--lang") << languageCode;
        saveState();
        if (QProcess::startDetached(QCoreApplication::applicationFilePath(), args))
            QApplication::quit();
        else
            m_notices->showMessage(NoticeBar::Level::Error,
                                   tr("wxrecon could not restart itself; please start it again."));
    });
}

} // namespace wxr::ui
