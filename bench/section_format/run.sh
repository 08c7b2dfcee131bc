#!/usr/bin/env bash
# Build cost, size and query latency of today's index format against
# section-format variants on the 30 MB benchmark corpus (the one
# bench/run-benchmarks.sh takes from ../shared/bulk), ROUNDS interleaved
# rounds under nice, medians printed as a Markdown table. Omega (omindex)
# is built in the same rounds when installed, for the targets stated
# against it. See docs/PERFORMANCE.md, "Section documents: an experiment".
#
#   bench/section_format/run.sh [--size MB] [--rounds N] [--formats LIST] [--build DIR] [--bin FILE]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
size=30 rounds=3 build="$repo/build" bin=""
formats="today,heading:64,run:8,heading:64+pos"
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --formats) formats=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
bin=${bin:-"$build/bench/section_format/section_format"}
[ -x "$bin" ] || { echo "run.sh: build $bin first (cmake --build build --target section_format)" >&2; exit 2; }
work=$(mktemp -d /tmp/kamerzoek-sections.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 -c "import sys; sys.path.insert(0, '$repo/bench/peers'); import driver; \
print('corpus: %d files, %d bytes' % driver.build_corpus('$repo/../shared/bulk', '$work/corpus', $size, 1))" >&2
results="$work/results.jsonl"
IFS=, read -r -a list <<< "$formats"
for round in $(seq 1 "$rounds"); do
  echo "round $round: $(uptime)" >&2
  for format in "${list[@]}"; do
    db="$work/db-${format//[:+]/_}"
    nice "$bin" build --out "$db" --format "${format%+pos}" \
      $([ "${format%+pos}" != "$format" ] && echo --stem-positions) "$work/corpus" >> "$results"
    if [ "$format" = today ]; then
      nice "$bin" latency --db "$db" --today "$repo/bench/peers/queries.txt" \
        | sed 's/^/{"latency": "today", /; s/{"engine"/"engine"/' >> "$results"
    else
      nice "$bin" latency --db "$db/index" "$repo/bench/peers/queries.txt" \
        | sed "s/^/{\"latency\": \"$format\", /; s/{\"engine\"/\"engine\"/" >> "$results"
    fi
  done
  if command -v omindex >/dev/null; then
    rm -rf "$work/omega"
    start=$(date +%s.%N)
    /usr/bin/time -f '%U %S %M' -o "$work/omega.time" nice omindex --db "$work/omega" --url / \
      -s dutch --mime-type=md:text/plain "$work/corpus" >/dev/null 2>&1
    end=$(date +%s.%N)
    read -r user sys rss < "$work/omega.time"
    python3 -c "import json,os; b=sum(os.stat(os.path.join(d,f)).st_blocks*512 for d,_,fs in os.walk('$work/omega') for f in fs); \
c=sum(os.path.getsize(os.path.join(d,f)) for d,_,fs in os.walk('$work/corpus') for f in fs)/1e6; w=$end-$start; \
print(json.dumps({'format':'omega','wall_s':w,'cpu_s':$user+$sys,'mb_per_s':c/w,'mb_per_cpu_s':c/($user+$sys),'peak_rss_mb':$rss/1024,'index_per_corpus':b/1e6/c}))" >> "$results"
  fi
done
echo "after: $(uptime)" >&2
python3 - "$results" <<'PY'
import json, statistics, sys
builds, lat = {}, {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    if "latency" in r: lat.setdefault(r["latency"], []).append(r)
    else: builds.setdefault(r["format"], []).append(r)
med = lambda rows, k: statistics.median(r[k] for r in rows) if rows and k in rows[0] else float("nan")
print("| format | Xapian docs | MB/s wall | MB/s per CPU-s | CPU-s | peak RSS MB | index / corpus | p50 ms | p90 ms | p99 ms | hits/query |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for f, rows in builds.items():
    l = lat.get(f, [])
    print(f"| {f} | {rows[0].get('xapian_documents', '')} | {med(rows,'mb_per_s'):.2f} | {med(rows,'mb_per_cpu_s'):.2f} | {med(rows,'cpu_s'):.1f} | {med(rows,'peak_rss_mb'):.0f} | {med(rows,'index_per_corpus'):.2f} | {med(l,'p50_ms'):.2f} | {med(l,'p90_ms'):.2f} | {med(l,'p99_ms'):.2f} | {med(l,'mean_hits'):.1f} |")
print(f"\n{len(next(iter(builds.values())))} rounds; raw: every round's JSON below")
for line in open(sys.argv[1]): print("    " + line.rstrip())
PY
