// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/alertconfig.h"

#include "common/coretr.h"

#include <QFile>
#include <QRegularExpression>
#include <QStringList>

namespace wxr::core {

namespace {

// Strips an inline comment: ";" or "#" preceded by a blank, as in the merchant INI.
QString withoutComment(const QString &value)
{
    for (qsizetype i = 1; i < value.size(); ++i) {
        if ((value[i] == u';' || value[i] == u'#') && value[i - 1].isSpace())
            return value.left(i).trimmed();
    }
    return value.trimmed();
}

} // namespace

Result<AlertConfig> AlertConfig::fromIni(const QString &iniPath, const QProcessEnvironment &env)
{
    QFile file(iniPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return makeError(
            ErrorCode::Io,
            Tr::tr("The configuration “%1” cannot be read: %2").arg(iniPath, file.errorString()));
    }
    AlertConfig c;
    QStringList problems;
    bool inAlerts = false;
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        ++lineNumber;
        if (line.isEmpty() || line.startsWith(u';') || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[')) {
            inAlerts = line.compare(QLatin1String("[alerts]"), Qt::CaseInsensitive) == 0;
            continue;
        }
        if (!inAlerts)
            continue;
        const qsizetype eq = line.indexOf(u'=');
        if (eq < 0)
            continue;
        const QString key = line.left(eq).trimmed().toLower();
        const QString value = withoutComment(line.mid(eq + 1));
        auto bad = [&](const QString &expected) {
            problems << Tr::tr("%1, line %2: [alerts] %3 must be %4.")
                            .arg(iniPath)
                            .arg(lineNumber)
                            .arg(key, expected);
        };
        auto integer = [&](int low, int high, int &target) {
            bool ok = false;
            const int v = value.toInt(&ok);
            if (!ok || v < low || v > high)
                bad(Tr::tr("a whole number from %1 to %2").arg(low).arg(high));
            else
                target = v;
        };
        if (key == u"webhook_url") {
            const QUrl url(value);
            const QString scheme = url.scheme().toLower();
            if (!value.isEmpty() && (!url.isValid() || (scheme != u"http" && scheme != u"https")))
                bad(Tr::tr("an http or https URL"));
            else
                c.webhook = url;
        } else if (key == u"failure_rate_percent") {
            bool ok = false;
            const double v = value.toDouble(&ok);
            if (!ok || v < 0 || v > 100)
                bad(Tr::tr("a percentage from 0 to 100"));
            else
                c.rules.thresholds.failureRatePercent = v;
        } else if (key == u"p95_delay_s") {
            integer(1, 86400, c.rules.thresholds.p95DelaySeconds);
        } else if (key == u"silence_min") {
            integer(1, 1440, c.rules.thresholds.silenceMinutes);
        } else if (key == u"window_min") {
            integer(1, 1440, c.rules.thresholds.windowMinutes);
        } else if (key == u"min_samples") {
            int v = 0;
            integer(1, 100000, v);
            if (v > 0)
                c.rules.minSamples = v;
        } else if (key == u"certificate_warning_days") {
            integer(1, 365, c.rules.certificateWarningDays);
        } else if (key == u"lost_after_min") {
            int v = 0;
            integer(1, 24 * 60, v);
            if (v > 0)
                c.lost.lostAfterMs = qint64(v) * 60000;
        } else if (key == u"business_hours") {
            static const QRegularExpression re(
                QStringLiteral("^(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})$"));
            const auto m = re.match(value);
            const QTime start
                = m.hasMatch() ? QTime(m.captured(1).toInt(), m.captured(2).toInt()) : QTime();
            const QTime end = m.hasMatch()
                                  ? (m.captured(3) == u"24" && m.captured(4) == u"00"
                                         ? QTime(0, 0)
                                         : QTime(m.captured(3).toInt(), m.captured(4).toInt()))
                                  : QTime();
            if (!start.isValid() || !end.isValid())
                bad(Tr::tr("two CST times like 09:00-22:00"));
            else {
                c.rules.businessStart = start;
                c.rules.businessEnd = end;
            }
        } else {
            problems << Tr::tr("%1, line %2: [alerts] has no key “%3”.")
                            .arg(iniPath)
                            .arg(lineNumber)
                            .arg(key);
        }
    }
    if (!problems.isEmpty())
        return makeError(ErrorCode::Config, problems.join(u'\n'));
    const QString envHook = env.value(QStringLiteral("WXRECON_ALERT_WEBHOOK"));
    if (!envHook.isEmpty())
        c.webhook = QUrl(envHook);
    return c;
}

AlertConfig AlertConfig::fromSettings(const Settings &settings)
{
    AlertConfig c;
    c.rules.thresholds = settings.alertThresholds();
    c.webhook = settings.alertWebhookUrl();
    return c;
}

} // namespace wxr::core
