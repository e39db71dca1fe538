// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"
#include "commands.h"
#include "common/translation.h"
#include "common/version.h"

#include <QCoreApplication>
#include <QLocale>

using namespace wxr::cli;

namespace {

void printHelp()
{
    out() << Tr::tr("Usage: wxrecon-cli <command> [options]") << "\n\n"
          << Tr::tr("WeChat Pay reconciliation from the command line.") << "\n\n"
          << Tr::tr("Commands:") << '\n';
    for (const Command &c : commands())
        out() << "  " << c.name.leftJustified(15) << ' ' << c.summary << '\n';
    out() << '\n'
          << Tr::tr("Run “wxrecon-cli <command> --help” for the options of one command.") << '\n'
          << Tr::tr("Exit status: 0 success, 1 failure while doing the work, 2 usage error.")
          << '\n'
          << Tr::tr("Options: --version, --help, --lang zh_CN|en (or WXRECON_LANG).") << '\n'
          << Qt::flush;
}

} // namespace

int main(int argc, char *argv[])
{
    const auto app = makeApplication(argc, argv); // a GUI one for `report --format pdf`
    QCoreApplication::setOrganizationName(QStringLiteral("wxrecon"));
    QCoreApplication::setApplicationName(QStringLiteral("wxrecon-cli"));
    QCoreApplication::setApplicationVersion(wxr::versionString());

    QStringList args = QCoreApplication::arguments();
    // Global options come before the command: --lang, --version, --help.
    QString langChoice = qEnvironmentVariable("WXRECON_LANG");
    if (args.size() >= 3 && args[1] == u"--lang") {
        langChoice = args[2];
        args.remove(1, 2);
    }
    bool langOk = true;
    // Servers often run with LANG=C: the CLI speaks English there, Chinese on zh locales.
    const QString sysLocale = QLocale::system().name();
    const auto language = wxr::chooseLanguage(
        langChoice, sysLocale.startsWith(u"zh") ? sysLocale : QStringLiteral("en"), &langOk);
    wxr::installTranslations(language);
    if (!langOk)
        return usageError(Tr::tr("Unknown language “%1”; use zh_CN or en.").arg(langChoice));

    if (args.size() < 2)
        return printHelp(), Usage;
    const QString name = args[1];
    if (name == u"--help" || name == u"-h" || name == u"help") {
        printHelp();
        return Success;
    }
    if (name == u"--version" || name == u"-v") {
        out() << "wxrecon-cli " << wxr::versionString() << Qt::endl;
        return Success;
    }
    for (const Command &c : commands()) {
        if (c.name == name) {
            QStringList rest = args.mid(2);
            rest.prepend(args[0]);
            return c.run(rest);
        }
    }
    return usageError(Tr::tr("“%1” is not a wxrecon-cli command.").arg(name));
}
