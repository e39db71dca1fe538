// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/translation.h"
#include "common/version.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("wxrecon"));
    QApplication::setApplicationName(QStringLiteral("wxrecon"));
    QApplication::setApplicationVersion(wxr::versionString());
    QApplication::setDesktopFileName(QStringLiteral("wxrecon"));

    // The language must be known before any translated text is produced, so --lang is
    // read ahead of the full parse.
    QString langChoice;
    const QStringList args = QApplication::arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--lang" && i + 1 < args.size())
            langChoice = args[i + 1];
        else if (args[i].startsWith(u"--lang="))
            langChoice = args[i].mid(7);
    }
    bool langOk = true;
    const auto language = wxr::chooseLanguage(langChoice, QLocale::system().name(), &langOk);
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
    parser.addOption(demoOption);
    parser.addOption(langOption);
    parser.process(app);
    if (!langOk) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QApplication::translate("wxrecon",
                                                        "Unknown language “%1”; use zh_CN or en.")
                                    .arg(langChoice)));
        return 2;
    }

    wxr::ui::MainWindow window(parser.isSet(demoOption));
    window.show();
    return QApplication::exec();
}
