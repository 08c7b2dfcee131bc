#!/usr/bin/env bash
# Installs, builds, indexes the bundled sample (and the shared corpus when it
# is there: ../shared/corpus, or $KAMERZOEK_SHARED_CORPUS) and runs example
# queries. Builds only the command line, in the same build/ as scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/configure.sh
cmake --build build -j"$(nproc)" --target kamerzoek_cli
db=build/demo-index
rm -rf "$db"
inputs=(sample)
corpus=${KAMERZOEK_SHARED_CORPUS:-../shared/corpus}
[ -d "$corpus" ] && inputs+=("$corpus")
build/cli/kamerzoek index --db "$db" "${inputs[@]}" || true   # exit 1: some files were rejected
echo
build/cli/kamerzoek search --db "$db" --limit 3 "ransomware ziekenhuizen"
build/cli/kamerzoek search --db "$db" --limit 3 "tegoeden bevriezen"
