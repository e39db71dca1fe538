// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/monitorschema.h"

namespace wxr::core {

// Version 1. Times are Unix milliseconds, like callbacks.received_at_ms. A released step is
// never edited; later ones are appended.
static const char *const kMonitorV1 = R"SQL(
CREATE TABLE alerts (
    id            INTEGER PRIMARY KEY,
    kind          TEXT    NOT NULL,
    subject       TEXT    NOT NULL DEFAULT '',
    started_at_ms INTEGER NOT NULL,
    ended_at_ms   INTEGER,
    value         REAL    NOT NULL,
    threshold     REAL    NOT NULL,
    message       TEXT    NOT NULL,
    notified      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX alerts_open ON alerts (kind, subject) WHERE ended_at_ms IS NULL;
CREATE INDEX alerts_started ON alerts (started_at_ms);
)SQL";

MigrationSet monitorMigrations()
{
    return MigrationSet{
        QStringLiteral("monitor"),
        {Migration{1, QStringLiteral("alerts"), QString::fromUtf8(kMonitorV1), {}}}};
}

} // namespace wxr::core
