// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An independent, deliberately simple reading of bill and ledger files for the stand-in's
// tests: it shares no code with the generator, so a generator bug cannot hide in both.

#include "common/money.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace wxr::simtest {

struct Table
{
    QList<QByteArray> header;
    QList<QList<QByteArray>> rows; ///< fields without their backtick
    QList<QByteArray> summaryHeader;
    QList<QByteArray> summary;
    bool bom = false;
    bool crlf = false;
    QString problem; ///< empty when the layout was as the spec says

    int column(const char *name) const
    {
        return static_cast<int>(header.indexOf(QByteArray(name)));
    }
    int summaryColumn(const char *name) const
    {
        return static_cast<int>(summaryHeader.indexOf(QByteArray(name)));
    }
};

/// Splits a bill: header, backtick rows, summary header, summary row (spec §7.6).
inline Table readBill(QByteArray bytes)
{
    Table t;
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        t.bom = true;
        bytes.remove(0, 3);
    }
    t.crlf = bytes.contains("\r\n");
    if (t.crlf)
        bytes.replace("\r\n", "\n");
    if (!bytes.endsWith('\n'))
        t.problem = QStringLiteral("no final newline");
    QList<QByteArray> lines = bytes.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    if (lines.size() < 3) {
        t.problem = QStringLiteral("fewer than three lines");
        return t;
    }
    t.header = lines.first().split(',');
    t.summaryHeader = lines[lines.size() - 2].split(',');
    const auto fields = [&t](const QByteArray &line) {
        QList<QByteArray> out;
        if (!line.startsWith('`')) {
            t.problem = QStringLiteral("a value row does not start with a backtick: ")
                        + QString::fromUtf8(line.left(40));
            return out;
        }
        for (const QByteArray &f : line.mid(1).split(',')) {
            out << f;
        }
        // Every field after the first must itself start with a backtick.
        for (qsizetype i = 1; i < out.size(); ++i) {
            if (!out[i].startsWith('`'))
                t.problem = QStringLiteral("field without backtick in: ")
                            + QString::fromUtf8(line.left(60));
            else
                out[i].remove(0, 1);
        }
        return out;
    };
    t.summary = fields(lines.last());
    for (qsizetype i = 1; i < lines.size() - 2; ++i) {
        t.rows << fields(lines[i]);
        if (t.rows.last().size() != t.header.size())
            t.problem = QStringLiteral("row %1 has %2 fields for %3 columns")
                            .arg(i)
                            .arg(t.rows.last().size())
                            .arg(t.header.size());
    }
    return t;
}

inline std::optional<qint64> scaled(const QByteArray &text, int decimals)
{
    return money::parseScaled(std::string_view(text.constData(), text.size()), decimals);
}

/// Plain CSV with a header row (the ledger files, truth.csv); no quoting is used there.
inline QList<QHash<QByteArray, QByteArray>> readCsv(QByteArray bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    bytes.replace("\r\n", "\n");
    QList<QByteArray> lines = bytes.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    QList<QHash<QByteArray, QByteArray>> out;
    if (lines.isEmpty())
        return out;
    const QList<QByteArray> header = lines.takeFirst().split(',');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> f = line.split(',');
        QHash<QByteArray, QByteArray> row;
        for (qsizetype i = 0; i < header.size() && i < f.size(); ++i)
            row.insert(header[i], f[i]);
        out << row;
    }
    return out;
}

} // namespace wxr::simtest
