// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include <algorithm>

namespace wxr::cli {

namespace {

struct Entry
{
    QString name;
    const char *summary;
    int order;
    int (*run)(const QStringList &);
};

QList<Entry> &registry()
{
    static QList<Entry> entries;
    return entries;
}

} // namespace

CommandRegistration::CommandRegistration(const QString &name, const char *summary, int order,
                                         int (*run)(const QStringList &))
{
    registry().append({name, summary, order, run});
}

QList<Command> commands()
{
    QList<Entry> entries = registry();
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.order < b.order; });
    QList<Command> result;
    for (const Entry &e : entries)
        result.append({e.name, Tr::tr(e.summary), e.run});
    return result;
}

} // namespace wxr::cli
