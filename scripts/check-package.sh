#!/usr/bin/env bash
# Builds the Debian package and checks it as an operator would use it, on
# this machine (as root, or with sudo): installs it with apt-get, verifies the
# systemd units, runs the index service's command once by hand as the
# service's user over sample/, queries the result (command line and HTTP),
# builds examples/ against the installed headers and library, and purges the
# package, checking that nothing of it is left behind.
# Usage: scripts/check-package.sh [DEB]   (an already built package is tested as is)
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
work=$(mktemp -d "${TMPDIR:-/tmp}/kamerzoek-package.XXXXXX")
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
jobs=${KAMERZOEK_JOBS:-$(( $(nproc) < 2 ? $(nproc) : 2 ))}
fail() { echo "check-package: $*" >&2; exit 1; }

if dpkg-query -W kamerzoek >/dev/null 2>&1; then
  fail "a kamerzoek package is already installed; remove it first (apt-get purge kamerzoek)"
fi

if [ $# -ge 1 ]; then
  deb=$(realpath "$1")
else
  echo "== build the package"
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S "$source_dir" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX=/usr -DBUILD_SHARED_LIBS=ON -DKAMERZOEK_BUILD_TESTS=OFF \
    -DKAMERZOEK_INSTALL_SYSTEMD=ON "${launcher[@]}" >/dev/null
  cmake --build "$work/build" -j"$jobs"
  (cd "$work/build" && cpack -G DEB >/dev/null)
  deb=$(ls "$work"/build/kamerzoek_*.deb)
fi
echo "package: $(basename "$deb")"
libdir=/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)   # where GNUInstallDirs puts it for /usr
unitdir=/usr/lib/systemd/system
dpkg-deb --info "$deb" | sed -n 's/^ \(Depends\|Version\|Architecture\):/  \1:/p'
contents=$(dpkg-deb --contents "$deb" | awk '{print $6}')
for expected in /usr/bin/kamerzoek /usr/include/kamerzoek/kamerzoek.h "$libdir/pkgconfig/kamerzoek.pc" \
    "$libdir/cmake/kamerzoek/kamerzoekConfig.cmake" /usr/share/man/man1/kamerzoek.1.gz \
    /usr/share/man/man1/kamerzoek-index.1.gz "$unitdir/kamerzoek-index.service" \
    "$unitdir/kamerzoek-index.timer" "$unitdir/kamerzoek-serve.service" \
    /etc/kamerzoek/index.conf /etc/kamerzoek/serve.conf; do
  grep -qxF ".$expected" <<<"$contents" || fail "the package lacks $expected"
done

echo "== apt-get install"
before=$work/files-before
snapshot() { { find /etc /usr /var/lib -xdev 2>/dev/null || true; } | { grep -i kamerzoek || true; } | sort; }
snapshot >"$before"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
soname=$(objdump -p "$libdir/libkamerzoek.so" | awk '/SONAME/ {print $2}')
echo "SONAME: $soname"
[[ "$soname" == libkamerzoek.so.* ]] && [ -e "$libdir/$soname" ] || fail "no library with its SONAME"
getent passwd kamerzoek >/dev/null || fail "no system user kamerzoek"
zcat /usr/share/man/man1/kamerzoek-index.1.gz | grep -q '^\.TH KAMERZOEK-INDEX' ||
  fail "no man page kamerzoek-index(1)"

echo "== systemd units"
if systemctl cat kamerzoek-index.timer 2>"$work/systemctl.err"; then
  :
else
  # Without systemd as PID 1 (a container) systemctl cannot read units; the
  # files themselves are what it would show.
  echo "(systemctl cat: $(head -n 1 "$work/systemctl.err"); showing the installed files)"
  cat "$unitdir/kamerzoek-index.timer"
fi
units=("$unitdir/kamerzoek-index.service" "$unitdir/kamerzoek-index.timer"
       "$unitdir/kamerzoek-serve.service")
# verify exits 0 on warnings (an unknown key, say): any finding on our units
# is a failure here (findings on other units of this machine are shown only).
verified=0
systemd-analyze verify "${units[@]}" >"$work/verify.out" 2>&1 || verified=$?
cat "$work/verify.out"
if [ "$verified" -ne 0 ] || grep -q kamerzoek "$work/verify.out"; then
  fail "systemd-analyze verify found problems in the units"
fi
echo "systemd-analyze verify: no findings on ${#units[@]} units"
systemd-analyze security --offline=yes "$unitdir/kamerzoek-serve.service" \
  2>/dev/null | tail -n 1 || true

echo "== the index service's command, by hand, as the user kamerzoek, over sample/"
papers=$work/papers
cp -r "$source_dir/sample" "$papers"
chmod -R a+rX "$papers"
# As an operator would: name the folder in the config, then run what the unit runs.
$sudo sed -i "s|^PATH = .*|PATH = [\"$papers\"]|" /etc/kamerzoek/index.conf
exec_start=$(sed -n 's/^ExecStart=//p' "$unitdir/kamerzoek-index.service")
echo "ExecStart: $exec_start"
# shellcheck disable=SC2086  # the unit's command line, split as systemd does
$sudo runuser -u kamerzoek -- $exec_start
$sudo runuser -u kamerzoek -- kamerzoek stats --db /var/lib/kamerzoek/index | head -n 3
hits=$($sudo runuser -u kamerzoek -- kamerzoek search --db /var/lib/kamerzoek/index --json ransomware |
       python3 -c 'import json,sys; print(len(json.load(sys.stdin)["hits"]))')
echo "search ransomware: $hits hits"
[ "$hits" -gt 0 ] || fail "the index built by the service's command finds nothing"

echo "== the serve service's command, by hand, on a free loopback port"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
$sudo sed -i "s|^listen = .*|listen = \"127.0.0.1:$port\"|" /etc/kamerzoek/serve.conf
serve_start=$(sed -n 's/^ExecStart=//p' "$unitdir/kamerzoek-serve.service")
# shellcheck disable=SC2086
$sudo runuser -u kamerzoek -- $serve_start --quiet &
serve_pid=$!
answer=""
for _ in $(seq 50); do
  answer=$(python3 - "$port" <<'PY' 2>/dev/null
import json, sys, urllib.request
with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/search?q=ransomware", timeout=2) as r:
    print(len(json.load(r)["hits"]))
PY
) && break
  sleep 0.2
done
$sudo pkill -TERM -P "$serve_pid" 2>/dev/null || true
kill "$serve_pid" 2>/dev/null || true
wait "$serve_pid" 2>/dev/null || true
echo "GET /search?q=ransomware: ${answer:-no answer} hits"
[ -n "$answer" ] && [ "$answer" -gt 0 ] || fail "kamerzoek serve as configured did not answer"

echo "== examples/ against the installed package"
cmake -S "$source_dir/examples" -B "$work/example" -G Ninja >/dev/null
cmake --build "$work/example" >/dev/null
$sudo runuser -u kamerzoek -- "$work/example/search" /var/lib/kamerzoek/index ransomware | head -n 2
# shellcheck disable=SC2046
g++ -std=c++20 "$source_dir/examples/search.cc" -o "$work/search-pc" $(pkg-config --cflags --libs kamerzoek)

echo "== apt-get purge"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq kamerzoek >/dev/null
! getent passwd kamerzoek >/dev/null || fail "the user kamerzoek is left after purge"
! getent group kamerzoek >/dev/null || fail "the group kamerzoek is left after purge"
snapshot >"$work/files-after"
if ! diff -u "$before" "$work/files-after"; then fail "files are left after purge (above)"; fi
echo "check-package: OK"
