// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/callbacklogimport.h"

#include "common/coretr.h"
#include "ledger/auditlog.h"
#include "ledger/ledger.h"
#include "ledger/transaction.h"
#include "notify/callbacklog.h"
#include "notify/callbackstore.h"
#include "notify/notifyschema.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace wxr::core {

Result<CallbackImportStats> importCallbackLog(Ledger &ledger, const QString &path,
                                              QPromise<void> &promise,
                                              const CallbackImportOptions &options)
{
    if (Status s = ledger.migrate(notifyMigrations()); !s)
        return s.error();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(
            ErrorCode::Io,
            Tr::tr("The callback log “%1” cannot be read: %2").arg(path, file.errorString()));
    }
    const qint64 size = std::max<qint64>(file.size(), 1);
    promise.setProgressRange(0, 100);

    Transaction tx(ledger);
    if (Status s = tx.begin(); !s)
        return s.error();
    CallbackStore store(ledger);
    CallbackImportStats stats;
    const QString name = QFileInfo(path).fileName();
    qint64 lineNumber = 0;
    int lastPercent = -1;
    while (!file.atEnd()) {
        QByteArray line = file.readLine();
        ++lineNumber;
        if (lineNumber == 1 && line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3);
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        if (promise.isCanceled())
            return makeError(ErrorCode::Cancelled, Tr::tr("The callback import was cancelled."));
        ++stats.lines;
        auto event = callbacklog::parseLine(line, name, lineNumber);
        if (!event) {
            if (!options.skipInvalid)
                return event.error();
            if (stats.invalid++ == 0)
                stats.firstInvalid = event.error().message;
            continue;
        }
        if (event->attempt == 0 && !event->notificationId.isEmpty()) {
            const auto seen = store.deliveriesOf(event->notificationId);
            if (!seen)
                return seen.error();
            event->attempt = seen->count + 1;
        }
        CallbackStore::Extras extras;
        // The key ignores `attempt`, which may have been computed just now.
        CallbackEvent keyed = *event;
        keyed.attempt = 0;
        extras.importKey
            = QCryptographicHash::hash(callbacklog::formatLine(keyed), QCryptographicHash::Sha1)
                  .toHex();
        const auto id = store.insert(*event, extras);
        if (!id)
            return id.error();
        if (*id == 0)
            ++stats.alreadyImported;
        else
            ++stats.imported;
        const int percent = static_cast<int>(file.pos() * 100 / size);
        if (percent != lastPercent) {
            promise.setProgressValue(percent);
            lastPercent = percent;
        }
    }
    AuditEntry audit;
    audit.actor = QStringLiteral("import ") + name;
    audit.action = QStringLiteral("import");
    audit.entity = QStringLiteral("callbacks");
    audit.entityKey = name;
    audit.newValue = QString::number(stats.imported);
    audit.detail = Tr::tr("%1 lines, %2 already imported, %3 invalid skipped")
                       .arg(stats.lines)
                       .arg(stats.alreadyImported)
                       .arg(stats.invalid);
    if (const auto r = AuditLog(ledger).append(audit); !r)
        return r.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    promise.setProgressValue(100);
    return stats;
}

} // namespace wxr::core
