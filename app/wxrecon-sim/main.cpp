// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wxrecon-sim"));
    QCoreApplication::setApplicationVersion(wxr::versionString());
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Local WeChat Pay v3 stand-in."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
