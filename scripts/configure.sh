#!/usr/bin/env bash
# Configures build/ the one way both README commands use it, setting every
# option they rely on, so that whichever ran before (and whatever an earlier
# configure left in the cache) neither one finds the folder in another state.
# Uses ccache when it is installed. Extra arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKAMERZOEK_BUILD_TESTS=ON \
  -DKAMERZOEK_SANITIZE=OFF \
  -DBUILD_SHARED_LIBS=OFF \
  -DKAMERZOEK_EXCLUDE_SOURCES= \
  "${launcher[@]}" "$@" >/dev/null
