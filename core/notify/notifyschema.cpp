// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/notifyschema.h"

namespace wxr::core {

// Version 1. Times: received_at_ms is Unix milliseconds (a callback's receipt is timed to the
// millisecond for delay percentiles); success_time Unix seconds with the text received.
// A released step is never edited; later ones are appended.
static const char *const kNotifyV1 = R"SQL(
CREATE TABLE callbacks (
    id                INTEGER PRIMARY KEY,
    source            TEXT    NOT NULL CHECK (source IN ('receiver', 'import')),
    received_at_ms    INTEGER NOT NULL,
    notification_id   TEXT    NOT NULL DEFAULT '',
    event_type        TEXT    NOT NULL DEFAULT '',
    out_trade_no      TEXT    NOT NULL DEFAULT '',
    transaction_id    TEXT    NOT NULL DEFAULT '',
    out_refund_no     TEXT    NOT NULL DEFAULT '',
    state             TEXT    NOT NULL DEFAULT '',
    amount_fen        INTEGER,
    success_time      INTEGER,
    success_time_text TEXT    NOT NULL DEFAULT '',
    http_status       INTEGER NOT NULL,
    outcome           TEXT    NOT NULL
                      CHECK (outcome IN ('applied', 'duplicate', 'ignored', 'rejected', 'error')),
    cause             TEXT    NOT NULL DEFAULT '',
    ledger_effect     TEXT    NOT NULL DEFAULT '',
    processing_ms     INTEGER,
    attempt           INTEGER NOT NULL DEFAULT 0,
    serial            TEXT    NOT NULL DEFAULT '',
    headers           TEXT    NOT NULL DEFAULT '',
    body_sha256       TEXT    NOT NULL DEFAULT '',
    message           TEXT    NOT NULL DEFAULT '',
    import_key        TEXT    UNIQUE
);
CREATE INDEX callbacks_received ON callbacks (received_at_ms);
CREATE INDEX callbacks_notification ON callbacks (notification_id) WHERE notification_id <> '';
CREATE INDEX callbacks_business ON callbacks (out_trade_no, out_refund_no, state)
    WHERE out_trade_no <> '';

CREATE TABLE callback_anomalies (
    id                  INTEGER PRIMARY KEY,
    callback_id         INTEGER NOT NULL REFERENCES callbacks (id),
    bill_date           TEXT    NOT NULL,
    kind                TEXT    NOT NULL CHECK (kind IN ('unknown_order', 'unknown_refund',
                                                         'amount_mismatch', 'paid_after_close')),
    out_trade_no        TEXT    NOT NULL,
    out_refund_no       TEXT    NOT NULL DEFAULT '',
    ledger_amount_fen   INTEGER,
    callback_amount_fen INTEGER,
    created_at          INTEGER NOT NULL
);
CREATE INDEX callback_anomalies_date ON callback_anomalies (bill_date);
)SQL";

// Version 2: callbacks_business also holds outcome and event_type, so that the two probes by
// business key are answered from the index without reading the callback's row: the writer's
// "was this state acknowledged before" for each callback, and the monitor's "was this payment
// ever called back" for each payment of its range (a day of a large merchant: a million).
static const char *const kNotifyV2 = R"SQL(
DROP INDEX callbacks_business;
CREATE INDEX callbacks_business ON callbacks (out_trade_no, out_refund_no, state, outcome,
                                              event_type)
    WHERE out_trade_no <> '';
)SQL";

MigrationSet notifyMigrations()
{
    return MigrationSet{QStringLiteral("notify"),
                        {Migration{1,
                                   QStringLiteral("callbacks and callback anomalies"),
                                   QString::fromUtf8(kNotifyV1),
                                   {}},
                         Migration{2,
                                   QStringLiteral("callback probes answered from the index"),
                                   QString::fromUtf8(kNotifyV2),
                                   {}}}};
}

} // namespace wxr::core
