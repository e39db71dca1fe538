// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/billrowblock.h"
#include "ledger/migration.h"

namespace wxr::core {

// Version 1 of the ledger's own tables. Times are Unix seconds (UTC) with the original text
// beside them where the text came from outside, stored only when it is not the canonical
// "+08:00" form (see timetext.h); money is integer fen (fees milli-fen). Indexes are few on
// purpose: each costs on every row of a million-row import. CHECK constraints and partial
// index conditions spell out OR chains: SQLite builds an ephemeral table for a constant IN
// list each time an INSERT runs, which made a million-row import two to three times slower.
// Later steps are appended to the list below; a released step is never edited.
static const char *const kLedgerV1 = R"SQL(
CREATE TABLE orders (
    id              INTEGER PRIMARY KEY,
    out_trade_no    TEXT    NOT NULL UNIQUE,
    transaction_id  TEXT    NOT NULL DEFAULT '',
    amount_fen      INTEGER NOT NULL,
    status          TEXT    NOT NULL,
    created_at      INTEGER,
    created_at_text TEXT    NOT NULL DEFAULT '',
    paid_at         INTEGER,
    paid_at_text    TEXT    NOT NULL DEFAULT '',
    state_at        INTEGER,
    source          TEXT    NOT NULL CHECK (source = 'import' OR source = 'callback' OR source = 'query'
                                   OR source = 'bill'),
    needs_review    INTEGER NOT NULL DEFAULT 0,
    review_reason   TEXT    NOT NULL DEFAULT '',
    updated_at      INTEGER NOT NULL
);
CREATE INDEX orders_paid_at ON orders (paid_at);
-- The re-query worklist; partial, so that a day's paid orders cost it nothing.
CREATE INDEX orders_pending ON orders (created_at)
    WHERE (status = 'NOTPAY' OR status = 'USERPAYING' OR status = 'ACCEPT');

CREATE TABLE refunds (
    id              INTEGER PRIMARY KEY,
    out_refund_no   TEXT    NOT NULL UNIQUE,
    out_trade_no    TEXT    NOT NULL,
    refund_id       TEXT    NOT NULL DEFAULT '',
    amount_fen      INTEGER NOT NULL,
    status          TEXT    NOT NULL,
    created_at      INTEGER,
    created_at_text TEXT    NOT NULL DEFAULT '',
    success_at      INTEGER,
    success_at_text TEXT    NOT NULL DEFAULT '',
    state_at        INTEGER,
    source          TEXT    NOT NULL CHECK (source = 'import' OR source = 'callback' OR source = 'query'
                                   OR source = 'bill'),
    needs_review    INTEGER NOT NULL DEFAULT 0,
    review_reason   TEXT    NOT NULL DEFAULT '',
    updated_at      INTEGER NOT NULL
);
CREATE INDEX refunds_created_at ON refunds (created_at);
CREATE INDEX refunds_out_trade_no ON refunds (out_trade_no);
CREATE INDEX refunds_pending ON refunds (created_at)
    WHERE (status = 'PROCESSING' OR status = 'ABNORMAL');

CREATE TABLE bills (
    id                  INTEGER PRIMARY KEY,
    bill_date           TEXT    NOT NULL,
    bill_type           TEXT    NOT NULL,
    account_type        TEXT    NOT NULL DEFAULT '',
    source_name         TEXT    NOT NULL,
    sha1                TEXT    NOT NULL,
    fetched_at          INTEGER,
    imported_at         INTEGER NOT NULL,
    row_count           INTEGER NOT NULL DEFAULT 0,
    payment_count       INTEGER NOT NULL DEFAULT 0,
    refund_count        INTEGER NOT NULL DEFAULT 0,
    flagged_count       INTEGER NOT NULL DEFAULT 0,
    settlement_fen      INTEGER NOT NULL DEFAULT 0,
    refund_fen          INTEGER NOT NULL DEFAULT 0,
    recharge_refund_fen INTEGER NOT NULL DEFAULT 0,
    fee_milli           INTEGER NOT NULL DEFAULT 0,
    printed_fee_milli   INTEGER NOT NULL DEFAULT 0,
    order_fen           INTEGER NOT NULL DEFAULT 0,
    refund_applied_fen  INTEGER NOT NULL DEFAULT 0,
    income_count        INTEGER NOT NULL DEFAULT 0,
    income_fen          INTEGER NOT NULL DEFAULT 0,
    expense_count       INTEGER NOT NULL DEFAULT 0,
    expense_fen         INTEGER NOT NULL DEFAULT 0,
    legacy_layout       INTEGER NOT NULL DEFAULT 0,
    header              TEXT    NOT NULL DEFAULT '',
    first_row_id        INTEGER,
    last_row_id         INTEGER,
    raw_gzip            BLOB
);
CREATE INDEX bills_date_type ON bills (bill_date, bill_type);

-- Rows are addressed and deleted through the id range kept in bills. A foreign key here would
-- make deleting a bill scan every row of every bill (or cost a second index on a table of
-- millions of rows), so bill_id is informative only.
CREATE TABLE bill_rows (
    id                  INTEGER PRIMARY KEY,
    bill_id             INTEGER NOT NULL,
    line                INTEGER NOT NULL,
    is_refund           INTEGER NOT NULL,
    trade_time          INTEGER NOT NULL,
    transaction_id      TEXT    NOT NULL,
    out_trade_no        TEXT    NOT NULL,
    trade_state         TEXT    NOT NULL,
    trade_type          TEXT    NOT NULL,
    order_fen           INTEGER NOT NULL,
    settlement_fen      INTEGER NOT NULL,
    coupon_fen          INTEGER NOT NULL,
    fee_milli           INTEGER NOT NULL,
    refund_id           TEXT,
    out_refund_no       TEXT,
    refund_fen          INTEGER,
    refund_applied_fen  INTEGER,
    recharge_refund_fen INTEGER,
    refund_type         TEXT,
    refund_status       TEXT,
    flagged             INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX bill_rows_out_trade_no ON bill_rows (out_trade_no);

CREATE TABLE fund_flow_rows (
    id                INTEGER PRIMARY KEY,
    bill_id           INTEGER NOT NULL,
    line              INTEGER NOT NULL,
    book_time         INTEGER NOT NULL,
    business_order_no TEXT    NOT NULL,
    flow_no           TEXT    NOT NULL,
    business_name     TEXT    NOT NULL,
    business_type     TEXT    NOT NULL,
    income            INTEGER NOT NULL,
    amount_fen        INTEGER NOT NULL,
    balance_fen       INTEGER NOT NULL,
    applicant         TEXT    NOT NULL,
    remark            TEXT    NOT NULL,
    voucher_no        TEXT    NOT NULL,
    flagged           INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE recon_runs (
    id                   INTEGER PRIMARY KEY,
    bill_date            TEXT    NOT NULL,
    started_at           INTEGER NOT NULL,
    finished_at          INTEGER NOT NULL,
    actor                TEXT    NOT NULL,
    bill_ids             TEXT    NOT NULL,
    ledger_payment_count INTEGER NOT NULL,
    ledger_payment_fen   INTEGER NOT NULL,
    bill_payment_count   INTEGER NOT NULL,
    bill_payment_fen     INTEGER NOT NULL,
    ledger_refund_count  INTEGER NOT NULL,
    ledger_refund_fen    INTEGER NOT NULL,
    bill_refund_count    INTEGER NOT NULL,
    bill_refund_fen      INTEGER NOT NULL,
    bill_fee_milli       INTEGER NOT NULL,
    bill_settlement_fen  INTEGER NOT NULL,
    discrepancy_count    INTEGER NOT NULL,
    new_count            INTEGER NOT NULL,
    resolved_count       INTEGER NOT NULL,
    promoted_count       INTEGER NOT NULL DEFAULT 0,
    cleared_count        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX recon_runs_date ON recon_runs (bill_date);

CREATE TABLE recon_run_kinds (
    run_id     INTEGER NOT NULL REFERENCES recon_runs (id),
    kind       TEXT    NOT NULL,
    count      INTEGER NOT NULL,
    ledger_fen INTEGER NOT NULL,
    bill_fen   INTEGER NOT NULL,
    PRIMARY KEY (run_id, kind)
);

CREATE TABLE discrepancies (
    id                INTEGER PRIMARY KEY,
    bill_date         TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    kind_order        INTEGER NOT NULL,
    out_trade_no      TEXT    NOT NULL,
    out_refund_no     TEXT    NOT NULL DEFAULT '',
    transaction_id    TEXT    NOT NULL DEFAULT '',
    ledger_status     TEXT    NOT NULL DEFAULT '',
    bill_status       TEXT    NOT NULL DEFAULT '',
    ledger_amount_fen INTEGER,
    bill_amount_fen   INTEGER,
    ledger_refund_fen INTEGER,
    bill_refund_fen   INTEGER,
    state             TEXT    NOT NULL DEFAULT 'OPEN'
                      CHECK (state = 'OPEN' OR state = 'ACKNOWLEDGED' OR state = 'RESOLVED'
                             OR state = 'IGNORED'),
    note              TEXT    NOT NULL DEFAULT '',
    state_by          TEXT    NOT NULL DEFAULT '',
    state_at          INTEGER,
    resolved_by_run   INTEGER NOT NULL DEFAULT 0,
    first_run_id      INTEGER REFERENCES recon_runs (id),
    last_run_id       INTEGER REFERENCES recon_runs (id),
    created_at        INTEGER NOT NULL,
    UNIQUE (bill_date, kind_order, out_trade_no, out_refund_no)
);
CREATE INDEX discrepancies_out_trade_no ON discrepancies (out_trade_no);
CREATE INDEX discrepancies_date_state ON discrepancies (bill_date, state);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    actor      TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    entity     TEXT    NOT NULL,
    entity_key TEXT    NOT NULL,
    old_value  TEXT    NOT NULL DEFAULT '',
    new_value  TEXT    NOT NULL DEFAULT '',
    detail     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_key);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
)SQL";

// Version 2: a trade bill's rows are packed into blocks (billrowblock.h) instead of one table row
// each, beside a narrow key table for the lookups by order number. bill_keys is ordered by its
// key, so a bill's rows are found without a separate index and an import adds one narrow entry
// per row. The rows of bills imported before are moved over (billblock::moveTableRows) and
// bill_rows is dropped; fund-flow rows stay where they are.
static const char *const kLedgerV2 = R"SQL(
CREATE TABLE bill_row_blocks (
    id         INTEGER PRIMARY KEY,
    bill_id    INTEGER NOT NULL,
    first_line INTEGER NOT NULL,
    last_line  INTEGER NOT NULL,
    row_count  INTEGER NOT NULL,
    data       BLOB    NOT NULL
);
CREATE INDEX bill_row_blocks_bill ON bill_row_blocks (bill_id, first_line);

CREATE TABLE bill_keys (
    out_trade_no TEXT    NOT NULL,
    bill_id      INTEGER NOT NULL,
    line         INTEGER NOT NULL,
    is_refund    INTEGER NOT NULL,
    PRIMARY KEY (out_trade_no, bill_id, line)
) WITHOUT ROWID;
)SQL";

// Version 3: orders paid in a time range are found through per-zone paid_at ranges
// (paidzones.h) instead of an index on paid_at, which cost a bulk import of a million orders
// 0.6 s of its 2.1 s. Zones are 4096 ids (PaidZones::kRows); the triggers keep them for single
// writes, a bulk import suspends them and stores its own.
static const char *const kLedgerV3 = R"SQL(
DROP INDEX orders_paid_at;
CREATE TABLE order_paid_zones (
    zone     INTEGER PRIMARY KEY,
    min_paid INTEGER NOT NULL,
    max_paid INTEGER NOT NULL
);
INSERT INTO order_paid_zones (zone, min_paid, max_paid)
    SELECT id / 4096, MIN(paid_at), MAX(paid_at) FROM orders WHERE paid_at IS NOT NULL
    GROUP BY id / 4096;
CREATE TRIGGER orders_paid_zone_insert AFTER INSERT ON orders WHEN new.paid_at IS NOT NULL
BEGIN
    INSERT INTO order_paid_zones (zone, min_paid, max_paid)
        VALUES (new.id / 4096, new.paid_at, new.paid_at)
        ON CONFLICT (zone) DO UPDATE SET min_paid = MIN(min_paid, excluded.min_paid),
                                         max_paid = MAX(max_paid, excluded.max_paid);
END;
CREATE TRIGGER orders_paid_zone_update AFTER UPDATE OF paid_at ON orders
    WHEN new.paid_at IS NOT NULL
BEGIN
    INSERT INTO order_paid_zones (zone, min_paid, max_paid)
        VALUES (new.id / 4096, new.paid_at, new.paid_at)
        ON CONFLICT (zone) DO UPDATE SET min_paid = MIN(min_paid, excluded.min_paid),
                                         max_paid = MAX(max_paid, excluded.max_paid);
END;
)SQL";

// Version 4: a bill's archive copy (gzip) is stored in pieces as the import reads the file,
// instead of one blob written at the end: that needed the whole file in memory and wrote it
// twice (a zero blob of its size, then the bytes). Bills imported before keep bills.raw_gzip.
static const char *const kLedgerV4 = R"SQL(
CREATE TABLE bill_archive (
    id      INTEGER PRIMARY KEY,
    bill_id INTEGER NOT NULL,
    data    BLOB    NOT NULL
);
CREATE INDEX bill_archive_bill ON bill_archive (bill_id, id);
)SQL";

// Version 5. The merchant (商户号) of each trade bill: a ledger holds one merchant's bills, and
// the import refuses another's (its bill of the same date would replace the first one's).
// Bills imported before have '' and are not checked against.
static const char *const kLedgerV5 = R"SQL(
ALTER TABLE bills ADD COLUMN mchid TEXT NOT NULL DEFAULT '';
)SQL";

MigrationSet ledgerMigrations()
{
    return MigrationSet{
        QStringLiteral("ledger"),
        {Migration{1,
                   QStringLiteral("orders, refunds, bills, reconciliation, audit log"),
                   QString::fromUtf8(kLedgerV1),
                   {}},
         Migration{2, QStringLiteral("trade-bill rows in blocks with a key table"),
                   QString::fromUtf8(kLedgerV2), &billblock::moveTableRows},
         Migration{3,
                   QStringLiteral("paid-time zones of orders instead of an index"),
                   QString::fromUtf8(kLedgerV3),
                   {}},
         Migration{
             4, QStringLiteral("bill archive copies in pieces"), QString::fromUtf8(kLedgerV4), {}},
         Migration{5,
                   QStringLiteral("the merchant of each trade bill"),
                   QString::fromUtf8(kLedgerV5),
                   {}}}};
}

} // namespace wxr::core
