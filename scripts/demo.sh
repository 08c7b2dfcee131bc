#!/usr/bin/env bash
# Installs, builds, indexes the bundled sample (and ../shared/corpus when it
# is there) and runs example queries.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DKAMERZOEK_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)"
db=build/demo-index
rm -rf "$db"
inputs=(sample)
[ -d ../shared/corpus ] && inputs+=(../shared/corpus)
build/cli/kamerzoek index --db "$db" "${inputs[@]}" || true   # exit 1: some files were rejected
echo
build/cli/kamerzoek search --db "$db" --limit 3 "ransomware ziekenhuizen"
build/cli/kamerzoek search --db "$db" --limit 3 "tegoeden bevriezen"
