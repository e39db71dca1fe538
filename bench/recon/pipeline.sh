#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The four wxrecon-cli steps of the reconciliation benchmark on a fresh ledger, timed as one
# process tree (docs/BENCHMARKS.md), for comparing builds over several runs:
#   bench/recon/pipeline.sh build /tmp/wxrecon-bench
# prints "four steps: 3.81 s wall, 4.36 s user, 0.99 s sys, 562872 KB" (the largest process's
# peak RSS). Removing the previous run's ledger (about 0.1 s for its 300 MB) and comparing the
# report with truth.csv are outside the timed part.
# WORK_DIR must hold the generated day in WORK_DIR/day (bench/recon/run.sh makes it).
set -eu
BUILD=${1:-build}
WORK=${2:-/tmp/wxrecon-bench}
DATE=2026-11-25
CLI="$BUILD/bin/wxrecon-cli"
DAY="$WORK/day"
DB="$WORK/pipeline.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
/usr/bin/time -f 'four steps: %e s wall, %U s user, %S s sys, %M KB' sh -eu -c '
    "$1" ledger import --db "$2" --orders "$3/orders.csv" --refunds "$3/refunds.csv" > /dev/null
    "$1" bill import --db "$2" --date "$4" --file "$3/tradebill_ALL_$4.csv.gz" > /dev/null
    "$1" reconcile --db "$2" --date "$4" > /dev/null
    "$1" report --db "$2" --date "$4" --format csv --out "$5" > /dev/null
' pipeline "$CLI" "$DB" "$DAY" "$DATE" "$WORK/pipeline-report.csv"
cmp -s "$WORK/pipeline-report.csv" "$DAY/truth.csv" || { echo "the report differs from truth.csv" >&2; exit 1; }
