#!/usr/bin/env bash
# Checks that kamerzoek can be used by another program: builds and installs
# the library into a temporary prefix, builds examples/ against that prefix
# only (CMake package and pkg-config) and runs it on an index of sample/; then
# builds examples/in-tree/ together with the source tree (add_subdirectory,
# nothing installed) and runs that too.
# Usage: scripts/check-install.sh [shared|static] (default shared).
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD
kind=${1:-shared}
case "$kind" in
  shared) shared=ON ;;
  static) shared=OFF ;;
  *) echo "usage: $0 [shared|static]" >&2; exit 2 ;;
esac
work=$(mktemp -d "${TMPDIR:-/tmp}/kamerzoek-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
jobs=$(( $(nproc) < 2 ? $(nproc) : 2 ))
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

echo "== build and install ($kind) into $prefix"
cmake -S "$source_dir" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DBUILD_SHARED_LIBS=$shared -DKAMERZOEK_BUILD_TESTS=OFF -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_INSTALL_LIBDIR=lib "${launcher[@]}" >/dev/null
cmake --build "$work/build" -j"$jobs"
cmake --install "$work/build" >/dev/null
test -f "$prefix/include/kamerzoek/version.h"
test -f "$prefix/include/kamerzoek/kamerzoek.h"
if [ "$kind" = shared ]; then
  soname=$(objdump -p "$prefix/lib/libkamerzoek.so" | awk '/SONAME/ {print $2}')
  echo "SONAME: $soname"
  [[ "$soname" == libkamerzoek.so.* ]]
fi

echo "== build examples/ against the installed package (CMake)"
cmake -S "$source_dir/examples" -B "$work/example" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF >/dev/null
cmake --build "$work/example"

echo "== run it on an index of sample/"
"$prefix/bin/kamerzoek" index --db "$work/index" "$source_dir/sample" >/dev/null
"$work/example/search" "$work/index" ransomware

echo "== pkg-config"
export PKG_CONFIG_PATH
PKG_CONFIG_PATH=$prefix/lib/pkgconfig
flags=$(pkg-config --cflags --libs kamerzoek)
echo "pkg-config --cflags --libs kamerzoek: $flags"
[ "$kind" = static ] && flags=$(pkg-config --static --cflags --libs kamerzoek)
# shellcheck disable=SC2086  # the flags are meant to split
g++ -std=c++20 "$source_dir/examples/search.cc" -o "$work/search-pc" $flags
LD_LIBRARY_PATH=$prefix/lib "$work/search-pc" "$work/index" ransomware >/dev/null

echo "== build examples/in-tree/ with the source tree (add_subdirectory)"
cmake -S "$source_dir/examples/in-tree" -B "$work/in-tree" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DBUILD_SHARED_LIBS=$shared "${launcher[@]}" >/dev/null
cmake --build "$work/in-tree" -j"$jobs"
"$work/in-tree/search" "$work/index" ransomware >/dev/null
echo "check-install ($kind): OK"
