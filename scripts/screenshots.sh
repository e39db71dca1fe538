#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerates docs/screenshots/<view>.png: every view of `wxrecon --demo` in Chinese (zh_CN),
# rendered on a virtual X display (xvfb-run) at a fixed size, so that the pictures in the
# README are current and reproducible. Builds wxrecon first if needed.
#
# Environment: BUILD_DIR (default build), OUT_DIR (default docs/screenshots), JOBS,
# SCALE (device pixel ratio, default 1; e.g. 2 for high-DPI pictures).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
out=${OUT_DIR:-$root/docs/screenshots}
jobs=${JOBS:-$(nproc)}
scale=${SCALE:-1}

for tool in cmake xvfb-run; do
    if ! command -v "$tool" >/dev/null; then
        echo "screenshots: $tool is missing (scripts/bootstrap.sh deps installs it)" >&2
        exit 1
    fi
done

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build" --target wxrecon -j "$jobs"

mkdir -p "$out"
# A private settings folder and runtime dir: the demo never touches the user's own settings.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
       XDG_RUNTIME_DIR="$scratch/run" HOME="$scratch/home"
mkdir -p "$XDG_RUNTIME_DIR" "$HOME" && chmod 700 "$XDG_RUNTIME_DIR"
export LANG=zh_CN.UTF-8 LC_ALL=C.UTF-8 QT_SCALE_FACTOR="$scale" QT_QPA_PLATFORM=xcb \
       TZ=Asia/Shanghai

xvfb-run -a -s "-screen 0 1400x900x24" \
    "$build/bin/wxrecon" --demo --lang zh_CN --screenshot-dir "$out"

echo "screenshots: wrote $(ls "$out"/*.png | wc -l) pictures to $out"
