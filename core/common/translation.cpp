// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/translation.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace wxr {

Language chooseLanguage(const QString &explicitChoice, const QString &systemLocaleName, bool *ok)
{
    if (ok)
        *ok = true;
    if (!explicitChoice.isEmpty()) {
        const QString c = explicitChoice.toLower().replace(u'-', u'_');
        if (c == u"zh" || c.startsWith(u"zh_"))
            return Language::Chinese;
        if (c == u"en" || c.startsWith(u"en_"))
            return Language::English;
        if (ok)
            *ok = false;
    }
    return systemLocaleName.startsWith(u"en") ? Language::English : Language::Chinese;
}

QString languageCode(Language language)
{
    return language == Language::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

void installTranslations(Language language)
{
    auto *app = QCoreApplication::instance();
    const QString code = languageCode(language);
    // Month and day names (the calendar, date pickers) and localised numbers follow the
    // interface language, not the machine's locale (often C on servers and in containers).
    // Files and CLI output never use the default locale: they format with QString::number.
    QLocale::setDefault(language == Language::Chinese
                            ? QLocale(QLocale::Chinese, QLocale::China)
                            : QLocale(QLocale::English, QLocale::UnitedStates));
    auto *qt = new QTranslator(app);
    if (qt->load(QStringLiteral("qtbase_") + code,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *ours = new QTranslator(app);
    if (ours->load(QStringLiteral(":/i18n/wxrecon_") + code))
        QCoreApplication::installTranslator(ours);
}

} // namespace wxr
