// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace wxr::ui {

class AppContext;
class NoticeBar;
class ProgressPresenter;
class SettingsView;

/// The application's main window: a navigation sidebar (with the merchant switcher when
/// several profiles exist), the stacked views, a notice bar for one-sentence messages, the
/// progress presenter for running jobs, and the status bar. Restores its geometry and the
/// last view; Ctrl+1…Ctrl+6 switch views.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// The views in sidebar order; Ctrl+1 is the first.
    enum class View { Reconcile, Monitor, StuckOrders, Lookup, Reports, Settings };
    static constexpr int kViewCount = 6;

    explicit MainWindow(AppContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Stable identifier of a view ("reconcile", "monitor", "stuck", "lookup", "reports",
    /// "settings"): stored as the last view and used for screenshot file names.
    static QString viewKey(View view);
    static std::optional<View> viewFromKey(const QString &key);

    /// Replaces the page of `view` (the window takes ownership; the old page is deleted).
    void setViewWidget(View view, QWidget *widget);
    QWidget *viewWidget(View view) const;
    void showView(View view);
    View currentView() const;

    NoticeBar *notices() const { return m_notices; }
    SettingsView *settingsView() const { return m_settingsView; }
    ProgressPresenter *progress() const { return m_progress; }
    QComboBox *merchantSwitcher() const { return m_merchants; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildNavigation();
    void buildMenus();
    void refreshMerchants();
    void restoreState();
    void saveState();
    void offerRestart(const QString &languageCode);
    QString viewTitle(View view) const;

    AppContext &m_ctx;
    QListWidget *m_nav = nullptr;
    QLabel *m_merchantLabel = nullptr;
    QComboBox *m_merchants = nullptr;
    QStackedWidget *m_stack = nullptr;
    NoticeBar *m_notices = nullptr;
    ProgressPresenter *m_progress = nullptr;
    SettingsView *m_settingsView = nullptr;
};

} // namespace wxr::ui
