// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace wxr {

/// Languages the product ships. Chinese is the users' language and the default.
enum class Language { Chinese, English };

/// Picks the language: an explicit choice ("zh_CN", "zh", "en", "en_US") wins; otherwise
/// the system locale — English when it is an English locale, Chinese for everything else.
/// Returns nullopt-like false in `ok` when `explicitChoice` is set but not recognised.
Language chooseLanguage(const QString &explicitChoice, const QString &systemLocaleName, bool *ok);

/// Installs Qt's own catalogue and wxrecon's for the language on the running
/// QCoreApplication (the .qm files are embedded under :/i18n) and makes the language's locale
/// the default QLocale (month names, date pickers). Call once, from main().
void installTranslations(Language language);

/// "zh_CN" or "en".
QString languageCode(Language language);

} // namespace wxr
