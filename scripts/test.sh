#!/usr/bin/env bash
# Installs, builds and runs the whole test suite (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
# The library as an embedder gets it: installed, found by CMake and pkg-config.
scripts/check-install.sh shared
cd build && ctest --output-on-failure -j"$(nproc)"
