// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QtGlobal>

#include <cstring>
#include <memory>

#ifdef WXR_HAVE_PDF
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <optional>
#endif

namespace wxr::cli {

/// True for `report ... --format pdf`: the PDF report lays text out with QtGui (fonts), which
/// needs a QGuiApplication. Every other command runs on a plain QCoreApplication.
inline bool needsGuiApplication(int argc, char **argv)
{
    int i = 1;
    if (i + 1 < argc && std::strcmp(argv[i], "--lang") == 0)
        i += 2;
    if (i >= argc || std::strcmp(argv[i], "report") != 0)
        return false;
    for (int j = i + 1; j < argc; ++j) {
        if ((std::strcmp(argv[j], "--format") == 0 && j + 1 < argc
             && qstricmp(argv[j + 1], "pdf") == 0)
            || qstricmp(argv[j], "--format=pdf") == 0)
            return true;
    }
    return false;
}

/// The application object for this command line. The GUI one uses the offscreen platform
/// unless QT_QPA_PLATFORM says otherwise, so that servers need no display.
inline std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv)
{
#ifdef WXR_HAVE_PDF
    if (needsGuiApplication(argc, argv)) {
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // Cron starts jobs without a session, so without XDG_RUNTIME_DIR, which QtGui looks up
        // and, when it is missing, warns about on stderr — and cron mails whatever a job
        // prints. A private directory (0700) of this process stands in for it; it is removed
        // at exit.
        static std::optional<QTemporaryDir> runtimeDir;
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            runtimeDir.emplace(QDir::tempPath() + QStringLiteral("/wxrecon-runtime-XXXXXX"));
            if (runtimeDir->isValid())
                qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtimeDir->path()));
        }
        return std::make_unique<QGuiApplication>(argc, argv);
    }
#endif
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace wxr::cli
