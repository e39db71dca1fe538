// SPDX-License-Identifier: GPL-3.0-or-later
#include "faults.h"

#include "common/coretr.h"

namespace wxr::sim {

namespace {

Error bad(const QString &clause, const QString &why)
{
    return makeError(ErrorCode::InvalidInput,
                     Tr::tr("Fault setting “%1” is not valid: %2.").arg(clause, why));
}

std::optional<double> share(const QString &v)
{
    bool ok = false;
    const double d = v.toDouble(&ok);
    return ok && d >= 0 && d <= 1 ? std::optional<double>(d) : std::nullopt;
}

std::optional<std::pair<int, int>> millis(const QString &v)
{
    const QStringList parts = v.split(u'-');
    bool ok1 = false, ok2 = false;
    const int a = parts.value(0).toInt(&ok1);
    const int b = parts.size() == 2 ? parts[1].toInt(&ok2) : a;
    if (!ok1 || (parts.size() == 2 && !ok2) || parts.size() > 2 || a < 0 || b < a || b > 600000)
        return std::nullopt;
    return std::pair{a, b};
}

QString fmtShare(double v)
{
    return QString::number(v, 'g', 6);
}

} // namespace

QStringList endpointNames()
{
    return {QStringLiteral("certificates"), QStringLiteral("query"),
            QStringLiteral("close"),        QStringLiteral("refund-query"),
            QStringLiteral("tradebill"),    QStringLiteral("fundflowbill"),
            QStringLiteral("download")};
}

EndpointFaults FaultSettings::forEndpoint(const QString &endpoint) const
{
    if (const auto it = endpoints.find(endpoint); it != endpoints.end())
        return it->second;
    if (const auto all = endpoints.find(QStringLiteral("*")); all != endpoints.end())
        return all->second;
    return {};
}

Status parseFaults(const QString &spec, FaultSettings &base)
{
    const QStringList names = endpointNames();
    for (QString clause : spec.split(u';', Qt::SkipEmptyParts)) {
        clause = clause.trimmed();
        if (clause.isEmpty())
            continue;
        const qsizetype colon = clause.indexOf(u':');
        if (colon <= 0)
            return bad(clause, Tr::tr("expected TARGET:key=value"));
        const QString target = clause.left(colon).trimmed();
        const bool endpoint = target == u"*" || names.contains(target);
        if (!endpoint && target != u"notify" && target != u"clock")
            return bad(clause, Tr::tr("unknown target “%1”").arg(target));
        EndpointFaults e;
        if (const auto it = base.endpoints.find(target); endpoint && it != base.endpoints.end())
            e = it->second;
        for (const QString &setting : clause.mid(colon + 1).split(u',', Qt::SkipEmptyParts)) {
            const qsizetype eq = setting.indexOf(u'=');
            if (eq <= 0)
                return bad(clause, Tr::tr("expected key=value in “%1”").arg(setting));
            const QString key = setting.left(eq).trimmed().toLower();
            const QString value = setting.mid(eq + 1).trimmed();
            const auto needShare = [&](double &out) -> Status {
                const auto v = share(value);
                if (!v)
                    return bad(clause, Tr::tr("%1 needs a share between 0 and 1").arg(key));
                out = *v;
                return {};
            };
            Status st;
            if (endpoint) {
                if (key == u"latency") {
                    const auto ms = millis(value);
                    if (!ms)
                        return bad(clause, Tr::tr("latency needs milliseconds or MIN-MAX"));
                    std::tie(e.latencyMinMs, e.latencyMaxMs) = *ms;
                } else if (key == u"error500") {
                    st = needShare(e.error500);
                } else if (key == u"error429") {
                    st = needShare(e.error429);
                } else if (key == u"drop") {
                    st = needShare(e.drop);
                } else if (key == u"badsig") {
                    st = needShare(e.badSignature);
                } else if (key == u"nosig") {
                    st = needShare(e.noSignature);
                } else if (key == u"oldcert") {
                    st = needShare(e.oldCertificate);
                } else if (key == u"truncate") {
                    st = needShare(e.truncate);
                } else if (key == u"wronghash") {
                    st = needShare(e.wrongHash);
                } else if (key == u"expire") {
                    st = needShare(e.expire);
                } else if (key == u"limit" || key == u"fail-next") {
                    bool ok = false;
                    const int n = value.toInt(&ok);
                    if (!ok || n < 0)
                        return bad(clause, Tr::tr("%1 needs a whole number of requests").arg(key));
                    (key == u"limit" ? e.limitPerSecond : e.failNext) = n;
                } else {
                    return bad(clause, Tr::tr("unknown key “%1”").arg(key));
                }
            } else if (target == u"notify") {
                NotifyFaults &n = base.notify;
                if (key == u"lost") {
                    st = needShare(n.lost);
                } else if (key == u"duplicate") {
                    st = needShare(n.duplicate);
                } else if (key == u"pubkey") {
                    st = needShare(n.publicKeyShare);
                } else if (key == u"probe") {
                    st = needShare(n.probe);
                } else if (key == u"delay" || key == u"timeout") {
                    const bool log = key == u"delay" && value.endsWith(u":log");
                    const auto ms = millis(log ? value.chopped(4) : value);
                    if (!ms)
                        return bad(clause, Tr::tr("%1 needs milliseconds or MIN-MAX").arg(key));
                    if (key == u"delay") {
                        std::tie(n.delayMinMs, n.delayMaxMs) = *ms;
                        n.delayLogUniform = log && ms->first > 0;
                    } else
                        n.replyTimeoutMs = std::max(1, ms->second);
                } else {
                    return bad(clause, Tr::tr("unknown key “%1”").arg(key));
                }
            } else {
                bool ok = false;
                const qint64 skew = value.toLongLong(&ok);
                if (key != u"skew" || !ok)
                    return bad(clause, Tr::tr("clock takes skew=SECONDS"));
                base.clockSkewSeconds = skew;
            }
            if (!st)
                return st;
        }
        if (endpoint)
            base.endpoints[target] = e;
    }
    return {};
}

bool FaultSettings::takeFailNext(const QString &endpoint)
{
    auto it = endpoints.find(endpoint);
    if (it == endpoints.end())
        it = endpoints.find(QStringLiteral("*"));
    if (it == endpoints.end() || it->second.failNext <= 0)
        return false;
    --it->second.failNext;
    return true;
}

QString FaultSettings::toSpec() const
{
    QStringList clauses;
    for (const auto &[k, e] : endpoints) {
        QStringList s;
        if (e.latencyMaxMs > 0)
            s << QStringLiteral("latency=%1-%2").arg(e.latencyMinMs).arg(e.latencyMaxMs);
        const std::pair<const char *, double> shares[]
            = {{"error500", e.error500},   {"error429", e.error429},  {"drop", e.drop},
               {"badsig", e.badSignature}, {"nosig", e.noSignature},  {"oldcert", e.oldCertificate},
               {"truncate", e.truncate},   {"wronghash", e.wrongHash}};
        for (const auto &[name, v] : shares) {
            if (v > 0)
                s << QString::fromLatin1(name) + u'=' + fmtShare(v);
        }
        if (e.limitPerSecond > 0)
            s << QStringLiteral("limit=%1").arg(e.limitPerSecond);
        if (e.failNext > 0)
            s << QStringLiteral("fail-next=%1").arg(e.failNext);
        if (!s.isEmpty())
            clauses << k + u':' + s.join(u',');
    }
    const NotifyFaults &n = notify;
    clauses << QStringLiteral(
                   "notify:lost=%1,duplicate=%2,delay=%3-%4%8,pubkey=%5,probe=%6,timeout=%7")
                   .arg(fmtShare(n.lost), fmtShare(n.duplicate))
                   .arg(n.delayMinMs)
                   .arg(n.delayMaxMs)
                   .arg(fmtShare(n.publicKeyShare), fmtShare(n.probe))
                   .arg(n.replyTimeoutMs)
                   .arg(n.delayLogUniform ? QStringLiteral(":log") : QString());
    if (clockSkewSeconds != 0)
        clauses << QStringLiteral("clock:skew=%1").arg(clockSkewSeconds);
    return clauses.join(u';');
}

} // namespace wxr::sim
