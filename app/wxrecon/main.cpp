// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontext.h"
#include "common/settings.h"
#include "common/translation.h"
#include "common/version.h"
#include "demosession.h"
#include "mainwindow.h"
#include "pdfreport.h"
#include "screenshotter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("wxrecon"));
    QApplication::setApplicationName(QStringLiteral("wxrecon"));
    QApplication::setApplicationVersion(wxr::versionString());
    QApplication::setDesktopFileName(QStringLiteral("wxrecon"));

    // The language must be known before any translated text is produced, so --lang is
    // read ahead of the full parse. Precedence: --lang, then the saved choice, then the system.
    QString langChoice;
    const QStringList args = QApplication::arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--lang" && i + 1 < args.size())
            langChoice = args[i + 1];
        else if (args[i].startsWith(u"--lang="))
            langChoice = args[i].mid(7);
    }
    auto settings = std::make_unique<wxr::Settings>();
    bool langOk = true;
    const auto language
        = wxr::chooseLanguage(langChoice.isEmpty() ? settings->language() : langChoice,
                              QLocale::system().name(), &langOk);
    wxr::installTranslations(language);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "wxrecon", "WeChat Pay reconciliation and payment monitoring for merchants."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QApplication::translate("wxrecon", "Start with a built-in WeChat Pay stand-in and "
                                           "a temporary ledger full of sample data."));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QApplication::translate("wxrecon", "Interface language: zh_CN or en."),
        QStringLiteral("code"));
    // Used by scripts/screenshots.sh: show every view, save it as DIR/<view>.png, quit.
    QCommandLineOption screenshotOption(QStringLiteral("screenshot-dir"), QString(),
                                        QStringLiteral("dir"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(demoOption);
    parser.addOption(langOption);
    parser.addOption(screenshotOption);
    parser.process(app);
    if (!langOk) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(QApplication::translate("wxrecon", "Unknown language “%1”; use zh_CN or en.")
                           .arg(langChoice)));
        return 2;
    }

    wxr::ui::AppContext::Options options;
    options.demo = parser.isSet(demoOption);
    options.languageCode = wxr::languageCode(language);
    options.restartArguments = args.mid(1);
    const QString screenshotDir = parser.value(screenshotOption);
    // The demo and screenshot runs must neither read nor change the user's own settings or
    // keychain: they get settings in a temporary folder and session-only secrets.
    QTemporaryDir scratch;
    auto secretBackend = wxr::ui::SecretStore::Backend::Keychain;
    if (options.demo || !screenshotDir.isEmpty()) {
        if (!scratch.isValid()) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QApplication::translate(
                             "wxrecon", "No temporary folder could be created for the demo.")));
            return 1;
        }
        settings
            = std::make_unique<wxr::Settings>(scratch.filePath(QStringLiteral("settings.ini")));
        secretBackend = wxr::ui::SecretStore::Backend::SessionOnly;
    }
    wxr::ui::AppContext context(std::move(settings), secretBackend, options);
    context.setReportWriter(wxr::ui::jobs::ReportFormat::Pdf,
                            [](wxr::core::Ledger &ledger, const wxr::core::ReportRange &range,
                               const QString &path, QPromise<void> &promise) {
                                return wxr::app::PdfReport::writeFile(ledger, range, path, promise);
                            });
    std::unique_ptr<wxr::demo::DemoSession> demo;
    if (options.demo) {
        demo = std::make_unique<wxr::demo::DemoSession>(context, scratch.path(),
                                                        wxr::demo::DemoSession::Options{});
        if (const wxr::Status s = demo->prepare(); !s.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error().message));
            return 1;
        }
    }
    wxr::ui::MainWindow window(context);
    window.show();

    int screenshotStatus = 0;
    wxr::ui::Screenshotter screenshots(&window, screenshotDir, context.jobs());
    if (!screenshotDir.isEmpty()) {
        // The same size on every run, so that the pictures in the README stay comparable.
        window.resize(1440, 900);
        QObject::connect(&screenshots, &wxr::ui::Screenshotter::finished, &app,
                         [&](const wxr::Status &status) {
                             if (!status.ok()) {
                                 std::fprintf(stderr, "%s\n", qPrintable(status.error().message));
                                 screenshotStatus = 1;
                             }
                             window.close();
                             QApplication::quit();
                         });
        if (demo) {
            // Pictures of the demo show its data: wait until the ledger is filled.
            QObject::connect(demo.get(), &wxr::demo::DemoSession::ready, &screenshots,
                             &wxr::ui::Screenshotter::start);
            QObject::connect(demo.get(), &wxr::demo::DemoSession::failed, &app,
                             [&](const wxr::Error &error) {
                                 std::fprintf(stderr, "%s\n", qPrintable(error.message));
                                 screenshotStatus = 1;
                                 QApplication::quit();
                             });
        } else {
            screenshots.start();
        }
    }
    if (demo) {
        // Once the ledger is filled, callbacks start coming in for the monitor (not for the
        // pictures, which must not change from run to run).
        if (screenshotDir.isEmpty())
            QObject::connect(demo.get(), &wxr::demo::DemoSession::ready, demo.get(),
                             [&demo] { demo->startLiveTraffic(); });
        demo->populate();
    }
    const int rc = QApplication::exec();
    return screenshotStatus != 0 ? screenshotStatus : rc;
}
