#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One-command set-up for a Debian 12 machine (root, or a user with sudo):
#   scripts/bootstrap.sh demo   install what is missing, build Release, open `wxrecon --demo`
#   scripts/bootstrap.sh test   install what is missing, build, run the whole test suite
#
# Idempotent: installed packages are skipped, an existing build directory is reused.
# Environment: BUILD_DIR (default build), ASAN_BUILD_DIR (default build-asan),
# JOBS (default: number of cores), CI=true turns warnings into errors.
set -euo pipefail

mode=${1:-}
case "$mode" in
    demo|test|deps) ;;
    *) echo "usage: scripts/bootstrap.sh demo|test|deps" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
asan_build=${ASAN_BUILD_DIR:-$root/build-asan}
jobs=${JOBS:-$(nproc)}

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev libqt6sql6-sqlite qt6-httpserver-dev qt6-websockets-dev
    libqcustomplot-dev qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools qtkeychain-qt6-dev
    libssl-dev libsqlite3-dev libxlsxwriter-dev zlib1g-dev libisal-dev
    xvfb xauth fonts-noto-cjk python3 dpkg-dev file openssl
)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        echo "bootstrap: all ${#packages[@]} Debian packages are installed."
        return
    fi
    echo "bootstrap: installing ${#missing[@]} Debian packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure_and_build() {
    local dir=$1; shift
    cmake -S "$root" -B "$dir" -G Ninja "$@"
    cmake --build "$dir" -j "$jobs"
}

werror=OFF
[ "${CI:-}" = "true" ] && werror=ON

install_missing
[ "$mode" = deps ] && exit 0

configure_and_build "$build" -DCMAKE_BUILD_TYPE=Release -DWXR_WERROR=$werror

if [ "$mode" = demo ]; then
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "bootstrap: no display found; opening the demo in a virtual X server (xvfb-run)." >&2
        exec xvfb-run -a "$build/bin/wxrecon" --demo
    fi
    exec "$build/bin/wxrecon" --demo
fi

export QT_QPA_PLATFORM=offscreen
echo "bootstrap: running the test suite (Release)"
ctest --test-dir "$build" --output-on-failure -j "$jobs"

echo "bootstrap: running the core tests (except those labelled slow) under AddressSanitizer + UndefinedBehaviorSanitizer"
configure_and_build "$asan_build" -DCMAKE_BUILD_TYPE=Debug -DWXR_SANITIZE=ON \
    -DWXR_BUILD_GUI=OFF -DWXR_BUILD_BENCH=OFF -DWXR_WERROR=$werror
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$asan_build" --output-on-failure -j "$jobs" -L core -LE slow

echo "bootstrap: building the packages"
(cd "$build" && cpack -G "DEB;TGZ" > cpack.log)
deb=$(ls "$build"/wxrecon_*.deb | head -n 1)
listing=$(dpkg-deb -c "$deb")
for exe in bin/wxrecon bin/wxrecon-cli bin/wxrecon-sim libexec/wxrecon/wxrecon-cli-pdf; do
    if ! grep -q "/usr/$exe\$" <<<"$listing"; then
        echo "bootstrap: $deb does not contain /usr/$exe" >&2
        exit 1
    fi
done
echo "bootstrap: $deb contains wxrecon, wxrecon-cli (with its PDF helper) and wxrecon-sim"
echo "bootstrap: all tests passed"
