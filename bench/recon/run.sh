#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The reconciliation benchmark (docs/BENCHMARKS.md): generates a day with `wxrecon-sim gen-day`
# and times each wxrecon-cli step with /usr/bin/time -v — ledger import, bill import (gzip),
# reconcile, report --format csv — then the pandas reference doing the same merge. Both
# reports are checked against the generator's truth.csv.
#
#   bench/recon/run.sh [BUILD_DIR] [ORDERS] [WORK_DIR] [--no-pandas]
#   bench/recon/run.sh build 1000000 /tmp/wxrecon-bench
set -eu

BUILD=${1:-build}
ORDERS=${2:-1000000}
WORK=${3:-/tmp/wxrecon-bench-$ORDERS}
PANDAS=${4:-}
DATE=2026-11-25
HERE=$(cd "$(dirname "$0")" && pwd)
CLI="$BUILD/bin/wxrecon-cli"
SIM="$BUILD/bin/wxrecon-sim"
PYTHON=/usr/bin/python3 # Debian's python3-pandas
export WXRECON_LANG=en

[ -x "$CLI" ] && [ -x "$SIM" ] || { echo "build wxrecon-cli and wxrecon-sim in $BUILD first" >&2; exit 2; }
mkdir -p "$WORK"
if [ ! -f "$WORK/day/truth.csv" ]; then
    echo "generating $ORDERS orders into $WORK/day ..."
    "$SIM" gen-day --orders "$ORDERS" --date "$DATE" --seed 7 --out "$WORK/day" > /dev/null
fi
DAY="$WORK/day"
DB="$WORK/ledger.db"
rm -f "$DB" "$DB-wal" "$DB-shm" "$WORK"/*.time
# Warm the page cache so that the first step does not pay for reading the files from disk.
cat "$DAY"/orders.csv "$DAY"/refunds.csv "$DAY"/tradebill_ALL_$DATE.csv.gz > /dev/null

step() { # name, command...
    name=$1
    shift
    /usr/bin/time -v -o "$WORK/$name.time" "$@" > "$WORK/$name.out"
}
field() { # file, label of /usr/bin/time -v
    sed -n "s/^[[:space:]]*$2: //p" "$1"
}
seconds() { # "m:ss.cc" or "h:mm:ss" → seconds
    echo "$1" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }'
}

step ledger_import "$CLI" ledger import --db "$DB" --orders "$DAY/orders.csv" --refunds "$DAY/refunds.csv"
step bill_import "$CLI" bill import --db "$DB" --date "$DATE" --file "$DAY/tradebill_ALL_$DATE.csv.gz"
step reconcile "$CLI" reconcile --db "$DB" --date "$DATE"
step report_csv "$CLI" report --db "$DB" --date "$DATE" --format csv --out "$WORK/report.csv"
cmp -s "$WORK/report.csv" "$DAY/truth.csv" && same=yes || same=NO

printf '%-16s %9s %9s %9s %10s\n' step wall_s user_s sys_s max_rss_MB
total=0
for s in ledger_import bill_import reconcile report_csv; do
    wall=$(seconds "$(field "$WORK/$s.time" 'Elapsed (wall clock) time (h:mm:ss or m:ss)')")
    user=$(field "$WORK/$s.time" 'User time (seconds)')
    sys=$(field "$WORK/$s.time" 'System time (seconds)')
    rss=$(field "$WORK/$s.time" 'Maximum resident set size (kbytes)')
    total=$(echo "$total $wall" | awk '{ printf "%.2f", $1 + $2 }')
    printf '%-16s %9s %9s %9s %10d\n' "$s" "$wall" "$user" "$sys" $((rss / 1024))
done
printf '%-16s %9s\n' total "$total"
echo "report.csv equals truth.csv: $same"

if [ "$PANDAS" != "--no-pandas" ]; then
    step pandas "$PYTHON" "$HERE/reference_pandas.py" "$DAY" "$DATE" "$WORK/pandas.csv"
    pwall=$(seconds "$(field "$WORK/pandas.time" 'Elapsed (wall clock) time (h:mm:ss or m:ss)')")
    prss=$(field "$WORK/pandas.time" 'Maximum resident set size (kbytes)')
    cmp -s "$WORK/pandas.csv" "$DAY/truth.csv" && psame=yes || psame=NO
    printf '%-16s %9s %29d\n' pandas "$pwall" $((prss / 1024))
    echo "pandas.csv equals truth.csv: $psame"
    echo "speed-up: $(echo "$pwall $total" | awk '{ printf "%.1f", $1 / $2 }')x"
fi
[ "$same" = yes ]
