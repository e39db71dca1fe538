// SPDX-License-Identifier: GPL-3.0-or-later
#include "compensate/requerypolicy.h"

#include "common/coretr.h"
#include "wechatpay/merchantconfig.h"
#include "wechatpay/ratelimiter.h"

#include <QFile>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace wxr::core {

namespace {

std::optional<bool> parseSwitch(QStringView text)
{
    const QString t = text.toString().toLower();
    if (t == u"true" || t == u"yes" || t == u"on" || t == u"1")
        return true;
    if (t == u"false" || t == u"no" || t == u"off" || t == u"0")
        return false;
    return std::nullopt;
}

std::optional<qint64> parseWhole(QStringView text)
{
    if (text.isEmpty()
        || !std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); }))
        return std::nullopt;
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}

// Strips a comment that starts with ';' or '#' at the line start or after a blank, as the
// merchant INI reader does, so both read the same file the same way.
QString stripComment(const QString &line)
{
    for (qsizetype i = 0; i < line.size(); ++i) {
        if ((line[i] == u';' || line[i] == u'#') && (i == 0 || line[i - 1].isSpace()))
            return line.left(i).trimmed();
    }
    return line.trimmed();
}

} // namespace

std::optional<qint64> parseDurationMs(QStringView text)
{
    const QStringView t = text.trimmed();
    qsizetype digits = 0;
    while (digits < t.size() && t[digits].isDigit())
        ++digits;
    const auto number = parseWhole(t.left(digits));
    if (!number)
        return std::nullopt;
    const QStringView unit = t.mid(digits).trimmed();
    qint64 factor = 0;
    if (unit.isEmpty() || unit == u"s")
        factor = 1000;
    else if (unit == u"ms")
        factor = 1;
    else if (unit == u"m" || unit == u"min")
        factor = 60'000;
    else if (unit == u"h")
        factor = 3'600'000;
    else if (unit == u"d")
        factor = 86'400'000;
    else
        return std::nullopt;
    if (*number > std::numeric_limits<qint64>::max() / factor)
        return std::nullopt;
    return *number * factor;
}

RequeryPolicy RequeryPolicy::fromRules(const RequeryRules &rules)
{
    RequeryPolicy p;
    p.unpaidAfterMs = qint64(rules.stuckAfterMinutes) * 60'000;
    p.maxAttempts = rules.maxAttempts;
    p.queriesPerSecond = rules.queriesPerSecond;
    return p;
}

Result<RequeryPolicy> RequeryPolicy::loadIni(const QString &iniPath, const RequeryPolicy &base)
{
    QFile file(iniPath);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         Tr::tr("The merchant configuration “%1” cannot be read: %2.")
                             .arg(iniPath, file.errorString()));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');

    RequeryPolicy p = base;
    QStringList problems;
    const auto duration = [&](qint64 &field) {
        return [&field](const QString &value) {
            const auto v = parseDurationMs(value);
            if (v)
                field = *v;
            return v.has_value();
        };
    };
    const auto whole = [](int &field) {
        return [&field](const QString &value) {
            const auto v = parseWhole(value);
            if (v && *v <= std::numeric_limits<int>::max())
                field = int(*v);
            return v && *v <= std::numeric_limits<int>::max();
        };
    };
    const auto flag = [](bool &field) {
        return [&field](const QString &value) {
            const auto v = parseSwitch(value);
            if (v)
                field = *v;
            return v.has_value();
        };
    };
    const QList<std::pair<QString, std::function<bool(const QString &)>>> keys{
        {QStringLiteral("stuck_after"), duration(p.unpaidAfterMs)},
        {QStringLiteral("lookback"), duration(p.unpaidLookbackMs)},
        {QStringLiteral("refund_stuck_after"), duration(p.refundProcessingAfterMs)},
        {QStringLiteral("discrepancies"), flag(p.fromDiscrepancies)},
        {QStringLiteral("scan_limit"), whole(p.scanLimit)},
        {QStringLiteral("max_attempts"), whole(p.maxAttempts)},
        {QStringLiteral("backoff_base"), duration(p.backoffBaseMs)},
        {QStringLiteral("backoff_cap"), duration(p.backoffCapMs)},
        {QStringLiteral("backoff_floor"), duration(p.backoffFloorMs)},
        {QStringLiteral("qps"),
         [&p](const QString &value) {
             bool ok = false;
             const double v = value.toDouble(&ok);
             if (ok && std::isfinite(v))
                 p.queriesPerSecond = v;
             return ok && std::isfinite(v);
         }},
        {QStringLiteral("concurrency"), whole(p.maxConcurrent)},
        {QStringLiteral("cooldown"), duration(p.rateLimitCooldownMs)},
        {QStringLiteral("cooldown_cap"), duration(p.rateLimitCooldownCapMs)},
        {QStringLiteral("close_expired"), flag(p.closeExpired)},
        {QStringLiteral("order_expiry"), duration(p.orderExpiryMs)},
        {QStringLiteral("scan_interval"), duration(p.scanIntervalMs)},
    };

    QString section;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = stripComment(lines[i]);
        if (line.isEmpty())
            continue;
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            section = line.mid(1, line.size() - 2).trimmed().toLower();
            continue;
        }
        if (section != u"requery")
            continue;
        const qsizetype eq = line.indexOf(u'=');
        const QString key = line.left(eq).trimmed().toLower();
        const QString value = eq < 0 ? QString() : line.mid(eq + 1).trimmed();
        const auto it
            = std::find_if(keys.begin(), keys.end(), [&](const auto &k) { return k.first == key; });
        if (eq < 0 || it == keys.end()) {
            problems << Tr::tr("Line %1 of %2 is not a known [requery] setting: “%3”.")
                            .arg(i + 1)
                            .arg(iniPath, line.left(80));
            continue;
        }
        if (!it->second(value))
            problems << Tr::tr("The setting [requery] %1 = “%2” in %3 is not valid.")
                            .arg(key, value.left(80), iniPath);
    }
    if (!problems.isEmpty())
        return makeError(ErrorCode::Config, problems.join(u'\n'));
    if (Status s = p.validate(); !s)
        return s.error().prefixed(iniPath);
    return p;
}

Status RequeryPolicy::validate() const
{
    const auto bad = [](const char *key, const QString &range) {
        return makeError(
            ErrorCode::Config,
            Tr::tr("The re-query setting %1 must be %2.").arg(QString::fromLatin1(key), range));
    };
    if (unpaidAfterMs < 0)
        return bad("stuck_after", Tr::tr("zero or more"));
    if (unpaidLookbackMs <= 0)
        return bad("lookback", Tr::tr("more than zero"));
    if (refundProcessingAfterMs < 0)
        return bad("refund_stuck_after", Tr::tr("zero or more"));
    if (scanLimit < 1)
        return bad("scan_limit", Tr::tr("at least 1"));
    if (maxAttempts < 1 || maxAttempts > 100)
        return bad("max_attempts", Tr::tr("from 1 to 100"));
    if (backoffBaseMs < 1 || backoffCapMs < backoffBaseMs)
        return bad("backoff_base", Tr::tr("at least 1 ms and not more than backoff_cap"));
    if (backoffFloorMs < 0 || backoffFloorMs > backoffCapMs)
        return bad("backoff_floor", Tr::tr("zero or more and not more than backoff_cap"));
    if (!(queriesPerSecond >= 0.1 && queriesPerSecond <= 1000))
        return bad("qps", Tr::tr("from 0.1 to 1000"));
    if (maxConcurrent < 1 || maxConcurrent > 64)
        return bad("concurrency", Tr::tr("from 1 to 64"));
    if (rateLimitCooldownMs < 0 || rateLimitCooldownCapMs < rateLimitCooldownMs)
        return bad("cooldown", Tr::tr("zero or more and not more than cooldown_cap"));
    if (orderExpiryMs < 1)
        return bad("order_expiry", Tr::tr("more than zero"));
    if (scanIntervalMs < 100)
        return bad("scan_interval", Tr::tr("at least 100 ms"));
    return {};
}

qint64 RequeryPolicy::retryDelayMs(int countedAttempts, double unitRandom) const
{
    // The client's own full-jitter formula, so that both layers back off the same way.
    const auto clampMs = [](qint64 v) {
        return int(std::min<qint64>(v, std::numeric_limits<int>::max()));
    };
    const qint64 jitter = backoffDelayMs(std::max(countedAttempts - 1, 0), clampMs(backoffBaseMs),
                                         clampMs(backoffCapMs), unitRandom);
    return std::max(jitter, backoffFloorMs);
}

qint64 RequeryPolicy::cooldownMs(int consecutive) const
{
    qint64 d = rateLimitCooldownMs;
    for (int i = 1; i < consecutive && d < rateLimitCooldownCapMs; ++i)
        d *= 2;
    return std::min(d, rateLimitCooldownCapMs);
}

void applyBudget(MerchantConfig &config, const RequeryPolicy &policy)
{
    config.client.queryRatePerSecond
        = std::min(config.client.queryRatePerSecond, policy.queriesPerSecond);
}

} // namespace wxr::core
