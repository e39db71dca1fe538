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
        auto settings = std::make_unique<wxr::Settings>(iniPath());
        // Never the user's own ledger: the default ledger is in the temporary folder (profiles
        // given a ledger file of their own work on that one).
        settings->setLedgerPath(ledgerPath());
        context = std::make_unique<wxr::ui::AppContext>(
            std::move(settings), wxr::ui::SecretStore::Backend::SessionOnly, options);
    }
    QString ledgerPath() const { return dir.filePath(QStringLiteral("ledger.sqlite")); }
    QString iniPath() const { return dir.filePath(QStringLiteral("settings.ini")); }
    wxr::Settings &settings() { return context->settings(); }
};
