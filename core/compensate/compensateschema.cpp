// SPDX-License-Identifier: GPL-3.0-or-later
#include "compensate/compensateschema.h"

#include "ledger/ledger.h"

namespace wxr::core {

// Version 1. Times are Unix milliseconds (back-off in tests runs at millisecond scale).
// A released step is never edited; later ones are appended.
static const char *const kCompensateV1 = R"SQL(
CREATE TABLE requery_queue (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('order', 'refund')),
    target          TEXT    NOT NULL,
    out_trade_no    TEXT    NOT NULL DEFAULT '',
    reason          TEXT    NOT NULL,
    state           TEXT    NOT NULL DEFAULT 'PENDING'
                    CHECK (state IN ('PENDING', 'DONE', 'NEEDS_ATTENTION')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    rate_limited    INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms INTEGER NOT NULL,
    last_attempt_ms INTEGER,
    last_result     TEXT    NOT NULL DEFAULT '',
    last_error      TEXT    NOT NULL DEFAULT '',
    last_request_id TEXT    NOT NULL DEFAULT '',
    note            TEXT    NOT NULL DEFAULT '',
    created_ms      INTEGER NOT NULL,
    updated_ms      INTEGER NOT NULL,
    UNIQUE (kind, target)
);
CREATE INDEX requery_queue_due ON requery_queue (state, next_attempt_ms);
CREATE INDEX requery_queue_order ON requery_queue (out_trade_no);

CREATE TABLE requery_log (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('order', 'refund')),
    target          TEXT    NOT NULL,
    out_trade_no    TEXT    NOT NULL DEFAULT '',
    action          TEXT    NOT NULL CHECK (action IN ('query', 'close')),
    triggered_by    TEXT    NOT NULL CHECK (triggered_by IN ('scheduler', 'person')),
    actor           TEXT    NOT NULL,
    requested_at_ms INTEGER NOT NULL,
    latency_ms      INTEGER NOT NULL,
    outcome         TEXT    NOT NULL,
    remote_state    TEXT    NOT NULL DEFAULT '',
    applied         TEXT    NOT NULL DEFAULT '',
    http_status     INTEGER NOT NULL DEFAULT 0,
    error_code      TEXT    NOT NULL DEFAULT '',
    request_id      TEXT    NOT NULL DEFAULT '',
    message         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX requery_log_order ON requery_log (out_trade_no, requested_at_ms);
CREATE INDEX requery_log_target ON requery_log (kind, target, requested_at_ms);
CREATE UNIQUE INDEX requery_log_request ON requery_log (request_id) WHERE request_id <> '';
)SQL";

MigrationSet compensateMigrations()
{
    return MigrationSet{
        QStringLiteral("compensate"),
        {Migration{1,
                   QStringLiteral("re-query queue and query history"),
                   QString::fromUtf8(kCompensateV1),
                   {}}},
    };
}

Result<std::unique_ptr<Ledger>> openRequeryLedger(const QString &path)
{
    LedgerOptions options;
    options.extraMigrations = {compensateMigrations()};
    return Ledger::open(path, options);
}

} // namespace wxr::core
