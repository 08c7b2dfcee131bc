#!/usr/bin/env bash
# Side-by-side performance benchmark of kamerzoek against Xapian Omega (omindex), a plain
# single-threaded Xapian indexer, SQLite FTS5 and PostgreSQL 'dutch' text search, on a corpus
# cut from ../shared/bulk (Dutch laws + treaties). Results: results.md and results.json in the
# output folder. See docs/PERFORMANCE.md.
#
#   bench/run-benchmarks.sh [--size MB] [--scale N] [--rounds N] [--out DIR] [options]
#
#   --size MB       corpus size taken from the bulk folder (default 30; 0 = all of it)
#   --scale N       repeat each chosen file N times under new names (default 1)
#   --rounds N      interleaved rounds, every engine once per round (default 3)
#   --passes N      timed passes over the query set per round (default 3)
#   --out DIR       results folder (default bench/results/<date-time>)
#   --engines LIST  comma-separated subset of kamerzoek,omega,xapian-plain,fts5,postgres
#   --build DIR     kamerzoek Release build folder (default build-bench; configured and built)
#   --bulk DIR      source of the corpus (default ../shared/bulk beside the repository)
#   --profile MB    also run kamerzoek indexing of an MB-sized corpus under callgrind and
#                   write the top costs to profile.txt (off by default)
#   --keep          keep the temporary corpus and indexes (their folder is printed)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
size=30 scale=1 rounds=3 passes=3 out="" profile=0 keep=""
engines=kamerzoek,omega,xapian-plain,fts5,postgres
build="$repo/build-bench"
bulk="$repo/../shared/bulk"
command_line="bench/run-benchmarks.sh $*"
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --scale) scale=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --passes) passes=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --engines) engines=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --bulk) bulk=$2; shift 2 ;;
    --profile) profile=$2; shift 2 ;;
    --keep) keep=--keep; shift ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-benchmarks: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -d "$bulk" ] || { echo "run-benchmarks: no corpus source at $bulk" >&2; exit 2; }
if [ -z "$out" ]; then
  mkdir -p "$repo/bench/results"
  [ -f "$repo/bench/results/.gitignore" ] || printf '*\n' > "$repo/bench/results/.gitignore"
  out="$repo/bench/results/$(date +%Y-%m-%d-%H%M%S)"
fi
mkdir -p "$out"

# Benchmark-only tools, installed when missing.
need=()
[ -x /usr/bin/time ] || need+=(time)
case ",$engines," in *,omega,*) command -v omindex >/dev/null || need+=(xapian-omega) ;; esac
case ",$engines," in *,postgres,*)
  /usr/bin/python3 -c 'import psycopg2' 2>/dev/null || need+=(python3-psycopg2)
  [ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15) ;;
esac
[ "$profile" = 0 ] || command -v valgrind >/dev/null || need+=(valgrind)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  echo "run-benchmarks: installing ${need[*]}" >&2
  $sudo apt-get install -y --no-install-recommends "${need[@]}" >&2
fi
export PATH="/usr/lib/postgresql/15/bin:$PATH"

# kamerzoek, Release.
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKAMERZOEK_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target kamerzoek_cli >&2

# The benchmark programs, against the built library.
bin="$build/bench-peers"
mkdir -p "$bin"
deps="xapian-core poppler-cpp gumbo icu-i18n icu-uc pugixml fmt"
cxx="g++ -std=c++20 -O2 -Wall -Wextra"
compile() {  # name, extra arguments
  local name=$1; shift
  if [ ! -x "$bin/$name" ] || [ -n "$(find "$repo/bench/peers" "$build/libkamerzoek.a" -newer "$bin/$name" \
       \( -name '*.cc' -o -name '*.h' -o -name '*.a' \) 2>/dev/null)" ]; then
    $cxx -o "$bin/$name" "$repo/bench/peers/$name.cc" "$@"
  fi
}
compile query_latency -I"$repo/include" -I"$build/generated" "$build/libkamerzoek.a" \
  $(pkg-config --cflags --libs $deps) -lpthread
compile xapian_query_latency $(pkg-config --cflags --libs xapian-core)
compile plain_indexer $(pkg-config --cflags --libs xapian-core)
compile machine_limits $(pkg-config --cflags --libs xapian-core icu-uc)

/usr/bin/python3 "$repo/bench/peers/driver.py" --size "$size" --scale "$scale" --rounds "$rounds" \
  --passes "$passes" --out "$out" --bulk "$bulk" --kamerzoek "$build/cli/kamerzoek" --bin "$bin" \
  --engines "$engines" --command "$command_line" $keep

if [ "$profile" != 0 ]; then
  work=$(mktemp -d /tmp/kamerzoek-profile.XXXXXX)
  /usr/bin/python3 -c "import sys; sys.path.insert(0, '$repo/bench/peers'); import driver; \
print(driver.build_corpus('$bulk', '$work/corpus', $profile, 1))" >&2
  valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
    "$build/cli/kamerzoek" index --db "$work/db" "$work/corpus" 2>"$out/callgrind.log" || true
  { echo "# inclusive"; callgrind_annotate --inclusive=yes "$out/callgrind.out" | sed -n 1,60p
    echo "# self"; callgrind_annotate "$out/callgrind.out" | sed -n 1,60p; } > "$out/profile.txt"
  rm -rf "$work"
  echo "run-benchmarks: profile in $out/profile.txt" >&2
fi
echo "run-benchmarks: results in $out" >&2
