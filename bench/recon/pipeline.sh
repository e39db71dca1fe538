#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The four wxrecon-cli steps of the reconciliation benchmark on a fresh ledger, nothing else —
# for timing the pipeline as one process tree over several runs (docs/BENCHMARKS.md), e.g.
#   /usr/bin/time -v bench/recon/pipeline.sh build /tmp/wxrecon-bench
# WORK_DIR must hold the generated day in WORK_DIR/day (bench/recon/run.sh makes it).
set -eu
BUILD=${1:-build}
WORK=${2:-/tmp/wxrecon-bench}
DATE=2026-11-25
CLI="$BUILD/bin/wxrecon-cli"
DAY="$WORK/day"
DB="$WORK/pipeline.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
"$CLI" ledger import --db "$DB" --orders "$DAY/orders.csv" --refunds "$DAY/refunds.csv" > /dev/null
"$CLI" bill import --db "$DB" --date "$DATE" --file "$DAY/tradebill_ALL_$DATE.csv.gz" > /dev/null
"$CLI" reconcile --db "$DB" --date "$DATE" > /dev/null
"$CLI" report --db "$DB" --date "$DATE" --format csv --out "$WORK/pipeline-report.csv" > /dev/null
cmp -s "$WORK/pipeline-report.csv" "$DAY/truth.csv" || { echo "the report differs from truth.csv" >&2; exit 1; }
