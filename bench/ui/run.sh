#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Paint time of the daily reconciliation view (docs/BENCHMARKS.md, issue #8): runs
# bench_reconcileview offscreen on a ledger with a reconciled 1,000,000-order day (built on the
# first run, about a minute, then reused) and prints the figures with the load average.
#
#   bench/ui/run.sh [BUILD_DIR] [LEDGER] [bench_reconcileview options...]
#   bench/ui/run.sh build-paint /tmp/wxrecon-paint/ledger.sqlite --reps 7
set -eu

BUILD=${1:-build}
LEDGER=${2:-/tmp/wxrecon-paint/ledger.sqlite}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
BENCH="$BUILD/bin/bench_reconcileview"
[ -x "$BENCH" ] || { echo "build bench_reconcileview in $BUILD first" >&2; exit 2; }

export QT_QPA_PLATFORM=offscreen
export WXRECON_LANG=en
echo "load before: $(uptime)"
# The offscreen platform warns once per shown window that it cannot propagate size hints.
# The bench's exit status travels on fd 4 around the filter.
exec 3>&1
status=$({ { rc=0; "$BENCH" --ledger "$LEDGER" "$@" 2>&1 || rc=$?; echo $rc >&4; } |
    grep -v -e 'does not support propagateSizeHints' -e 'XDG_RUNTIME_DIR not set' >&3; } 4>&1)
echo "load after:  $(uptime)"
exit $status
