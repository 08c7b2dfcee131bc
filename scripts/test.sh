#!/usr/bin/env bash
# Installs, builds and runs the whole test suite (what CI runs), in the same
# build/ as scripts/demo.sh. Fails when ctest finds no tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/configure.sh
cmake --build build -j"$(nproc)"
# The library as an embedder gets it: installed, found by CMake and pkg-config,
# and built from the source tree with add_subdirectory.
scripts/check-install.sh shared
cd build && ctest --no-tests=error --output-on-failure -j"$(nproc)"
