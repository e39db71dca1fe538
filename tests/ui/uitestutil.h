// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appcontext.h"
#include "common/settings.h"

#include <QTemporaryDir>

#include <memory>

/// An AppContext over settings in a temporary folder and session-only secrets, so that UI
/// tests never read or change the user's settings or keychain.
struct TestContext
{
    QTemporaryDir dir;
    std::unique_ptr<wxr::ui::AppContext> context;

    explicit TestContext(bool demo = false)
    {
        wxr::ui::AppContext::Options options;
        options.demo = demo;
        options.languageCode = QStringLiteral("en");
        context = std::make_unique<wxr::ui::AppContext>(std::make_unique<wxr::Settings>(iniPath()),
                                                        wxr::ui::SecretStore::Backend::SessionOnly,
                                                        options);
        // Never the user's own ledger.
        context->setLedgerPath(dir.filePath(QStringLiteral("ledger.sqlite")));
    }
    QString iniPath() const { return dir.filePath(QStringLiteral("settings.ini")); }
    wxr::Settings &settings() { return context->settings(); }
};
