#!/usr/bin/python3
"""Runs the side-by-side benchmark; called by bench/run-benchmarks.sh (see there for options)."""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TARGETS = {"omega_speedup": 3.0, "plain_speedup": 1.5, "noop_10k_s": 5.0, "changed_100_s": 5.0,
           "p50_ms": 1.0, "p99_ms": 10.0, "rss_mb": 1024.0, "index_ratio": 2.0}


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def build_corpus(bulk, dest, size_mb, scale):
    """laws-nl/ and treaties/ (treaties-en + treaties-en-nl) in their bulk proportions, first
    files by name until each share of size_mb is reached; --scale N repeats them under new names."""
    sources = {"laws-nl": ["laws-nl"], "treaties": ["treaties-en", "treaties-en-nl"]}
    everything = {k: sorted((os.path.join(bulk, d, f) for d in v for f in os.listdir(os.path.join(bulk, d))),
                            key=os.path.basename) for k, v in sources.items()}
    total = sum(os.path.getsize(p) for v in everything.values() for p in v)
    budget = total if size_mb <= 0 else min(total, size_mb * 1e6)
    files = nbytes = 0
    for folder, paths in everything.items():
        share = budget * sum(os.path.getsize(p) for p in paths) / total
        taken = 0
        os.makedirs(os.path.join(dest, folder), exist_ok=True)
        for path in paths:
            if taken >= share:
                break
            stem, ext = os.path.splitext(os.path.basename(path))
            for copy in range(scale):
                name = stem + (f"-r{copy}" if copy else "") + ext
                shutil.copyfile(path, os.path.join(dest, folder, name))
                files += 1
                nbytes += os.path.getsize(path)
            taken += os.path.getsize(path)
    return files, nbytes


def disk_bytes(path):
    if os.path.isfile(path):
        return os.stat(path).st_blocks * 512
    return sum(os.stat(os.path.join(d, f)).st_blocks * 512
               for d, _, fs in os.walk(path) for f in fs)


def timed(cmd, **kw):
    """Runs cmd under /usr/bin/time -v: (wall s, peak RSS kB, cpu s, stdout)."""
    start = time.monotonic()
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, **kw)
    wall = time.monotonic() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", proc.stderr).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", proc.stderr).group(1))
    return wall, rss, user + system, proc.stdout


def run_json(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


class Postgres:
    def __init__(self, work, port):
        self.dir, self.port = os.path.join(work, "pg"), port
        os.makedirs(self.dir)
        shutil.chown(self.dir, "postgres", "postgres")
        os.chmod(work, 0o755)
        self.as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run(self.as_pg + ["initdb", "-A", "trust", "-U", "postgres", "-E", "UTF8",
                                     "--locale=C", "-D", os.path.join(self.dir, "data")],
                       check=True, capture_output=True)
        subprocess.run(self.as_pg + ["pg_ctl", "-D", os.path.join(self.dir, "data"), "-w", "-l",
                                     os.path.join(self.dir, "log"), "-o",
                                     f"-k {self.dir} -h 127.0.0.1 -p {port}", "start"],
                       check=True, capture_output=True)

    def stop(self):
        subprocess.run(self.as_pg + ["pg_ctl", "-D", os.path.join(self.dir, "data"), "-m", "fast",
                                     "-w", "stop"], capture_output=True)


def index_engine(engine, a, corpus, work, rnd, pg):
    """Indexes the corpus with one engine; returns a dict of figures for this round."""
    db = os.path.join(work, f"{engine}-r{rnd}")
    queries, passes = a.queries, str(a.passes)
    r = {}
    if engine == "kamerzoek":
        wall, rss, cpu, _ = timed([a.kamerzoek, "index", "--db", db, corpus])
        r["index_bytes"] = disk_bytes(db)
        r["latency"] = run_json([a.bin + "/query_latency", db, queries, passes])
        # Unchanged re-run, then 100 changed files (restored afterwards).
        r["noop_s"] = timed([a.kamerzoek, "index", "--db", db, corpus])[0]
        files = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs)
        chosen = files[:: max(1, len(files) // 100)][:100]
        saved = {p: open(p, "rb").read() for p in chosen}
        for p in chosen:
            with open(p, "ab") as f:
                f.write(f"\n\nGewijzigd in ronde {rnd}: een extra alinea over subsidie.\n".encode())
        r["changed_files"] = len(chosen)
        r["changed_100_s"] = timed([a.kamerzoek, "index", "--db", db, corpus])[0]
        for p, content in saved.items():
            with open(p, "wb") as f:
                f.write(content)
    elif engine == "omega":
        wall, rss, cpu, _ = timed(["omindex", "--db", db, "--url", "/", "-s", "dutch",
                                   "--mime-type=md:text/plain", corpus])
        r["index_bytes"] = disk_bytes(db)
        r["latency"] = run_json([a.bin + "/xapian_query_latency", db, queries, passes, "omega"])
    elif engine == "xapian-plain":
        wall, rss, cpu, _ = timed([a.bin + "/plain_indexer", db, corpus])
        r["index_bytes"] = disk_bytes(db)
        r["latency"] = run_json([a.bin + "/xapian_query_latency", db, queries, passes,
                                 "xapian-plain"])
    elif engine == "fts5":
        wall, rss, cpu, _ = timed([a.python, os.path.join(HERE, "fts5_engine.py"), "index", db,
                                   corpus])
        r["index_bytes"] = disk_bytes(db) + (disk_bytes(db + "-wal") if os.path.exists(db + "-wal") else 0)
        r["latency"] = run_json([a.python, os.path.join(HERE, "fts5_engine.py"), "query", db,
                                 queries, passes])
    elif engine == "postgres":
        wall, _, cpu, out = timed([a.python, os.path.join(HERE, "pg_engine.py"), "index",
                                   str(pg.port), corpus])
        info = json.loads(out.strip().splitlines()[-1])
        rss, r["index_bytes"] = info["backend_peak_rss_kb"], info["bytes"]
        r["latency"] = run_json([a.python, os.path.join(HERE, "pg_engine.py"), "query",
                                 str(pg.port), queries, passes])
    r.update(wall_s=wall, peak_rss_mb=rss / 1024, cpu_s=cpu, load=os.getloadavg()[0])
    if engine != "postgres" and not a.keep:
        shutil.rmtree(db, ignore_errors=True) if os.path.isdir(db) else os.remove(db)
    return r


def spread(values):
    med = statistics.median(values)
    return {"median": med, "min": min(values), "max": max(values), "values": values}


def fmt(s, digits=1):
    return f"{s['median']:.{digits}f} ({s['min']:.{digits}f}–{s['max']:.{digits}f})"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=float, default=30)
    p.add_argument("--scale", type=int, default=1)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--passes", type=int, default=3)
    p.add_argument("--out", required=True)
    p.add_argument("--bulk", required=True)
    p.add_argument("--kamerzoek", required=True)
    p.add_argument("--bin", required=True)
    p.add_argument("--python", default="/usr/bin/python3")
    p.add_argument("--queries", default=os.path.join(HERE, "queries.txt"))
    p.add_argument("--engines", default="kamerzoek,omega,xapian-plain,fts5,postgres")
    p.add_argument("--pg-port", type=int, default=54329)
    p.add_argument("--keep", action="store_true")
    p.add_argument("--command", default="")
    a = p.parse_args()
    engines = a.engines.split(",")
    work = tempfile.mkdtemp(prefix="kamerzoek-bench.")
    pg = None
    try:
        corpus = os.path.join(work, "corpus")
        files, nbytes = build_corpus(a.bulk, corpus, a.size, a.scale)
        mb = nbytes / 1e6
        log(f"corpus: {files} files, {mb:.1f} MB in {corpus}")
        start = time.monotonic()
        subprocess.run(f"find {corpus} -type f -exec cat {{}} + > /dev/null", shell=True, check=True)
        cat_mb_s = mb / (time.monotonic() - start)
        limits = run_json([a.bin + "/machine_limits", corpus])
        limits["cat_mb_s"] = cat_mb_s
        if "postgres" in engines:
            pg = Postgres(work, a.pg_port)
        rounds = {e: [] for e in engines}
        for rnd in range(a.rounds):
            order = engines[rnd % len(engines):] + engines[:rnd % len(engines)]
            for engine in order:
                log(f"round {rnd + 1}/{a.rounds}: {engine}")
                rounds[engine].append(index_engine(engine, a, corpus, work, rnd, pg))
        summary = {}
        for e, rs in rounds.items():
            s = {"mb_s": spread([mb / r["wall_s"] for r in rs]),
                 "cpu_mb_s": spread([mb / r["cpu_s"] for r in rs]),
                 "peak_rss_mb": spread([r["peak_rss_mb"] for r in rs]),
                 "index_ratio": spread([r["index_bytes"] / nbytes for r in rs])}
            for k in ("p50_ms", "p90_ms", "p99_ms"):
                s[k] = spread([r["latency"][k] for r in rs])
            s["mean_hits"] = statistics.median(r["latency"]["mean_hits"] for r in rs)
            s["failed_queries"] = max(r["latency"]["failed"] for r in rs)
            if e == "kamerzoek":
                s["noop_s"] = spread([r["noop_s"] for r in rs])
                s["changed_100_s"] = spread([r["changed_100_s"] for r in rs])
            summary[e] = s
        result = {"date": datetime.datetime.now().isoformat(timespec="seconds"),
                  "command": a.command, "machine": machine(), "corpus": {
                      "files": files, "bytes": nbytes, "size_arg_mb": a.size, "scale": a.scale},
                  "rounds": a.rounds, "query_passes": a.passes,
                  "queries": sum(1 for l in open(a.queries) if l.strip() and not l.startswith("#")),
                  "machine_limits": limits, "summary": summary, "raw": rounds}
        os.makedirs(a.out, exist_ok=True)
        with open(os.path.join(a.out, "results.json"), "w") as f:
            json.dump(result, f, indent=2)
        table = markdown(result)
        with open(os.path.join(a.out, "results.md"), "w") as f:
            f.write(table)
        print(table)
    finally:
        if pg:
            pg.stop()
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((int(l.split()[1]) // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
    return {"cpu": cpu, "cores": os.cpu_count(), "mem_mb": mem, "kernel": platform.release()}


def markdown(res):
    s, c, lim = res["summary"], res["corpus"], res["machine_limits"]
    out = [f"Corpus: {c['files']} files, {c['bytes'] / 1e6:.1f} MB (laws-nl + treaties, scale "
           f"{c['scale']}); {res['rounds']} interleaved rounds; {res['queries']} queries × "
           f"{res['query_passes']} timed passes after a warm-up. Machine: {res['machine']['cpu']}, "
           f"{res['machine']['cores']} cores, {res['machine']['mem_mb']} MB. "
           "Figures: median (min–max) over rounds.", "",
           "| engine | index MB/s (wall) | MB/s per CPU-second | peak RSS MB | index / corpus "
           "| p50 ms | p90 ms | p99 ms | hits/query |",
           "|---|---|---|---|---|---|---|---|---|"]
    for e, x in s.items():
        cpu = "— (server side)" if e == "postgres" else fmt(x["cpu_mb_s"])
        out.append(f"| {e} | {fmt(x['mb_s'])} | {cpu} | {fmt(x['peak_rss_mb'], 0)} | "
                   f"{fmt(x['index_ratio'], 2)} | {fmt(x['p50_ms'], 2)} | {fmt(x['p90_ms'], 2)} | "
                   f"{fmt(x['p99_ms'], 2)} | {x['mean_hits']:.1f} |")
    if "kamerzoek" in s:
        k = s["kamerzoek"]
        out += ["", "kamerzoek ÷ peer (medians; >1 means kamerzoek is faster / larger):", "",
                "| peer | index MB/s | peak RSS | index size | p50 latency | p99 latency |",
                "|---|---|---|---|---|---|"]
        for e, x in s.items():
            if e == "kamerzoek":
                continue
            r = lambda key: k[key]["median"] / x[key]["median"] if x[key]["median"] else float("nan")
            out.append(f"| {e} | {r('mb_s'):.2f}× | {r('peak_rss_mb'):.2f}× | {r('index_ratio'):.2f}× | "
                       f"{r('p50_ms'):.2f}× | {r('p99_ms'):.2f}× |")
        per_file = k["noop_s"]["median"] / c["files"]
        out += ["", f"kamerzoek incremental runs: unchanged corpus re-checked in {fmt(k['noop_s'], 2)} s "
                f"({c['files']} files; ×{10000 / c['files']:.1f} → ≈{per_file * 10000:.2f} s for 10,000 "
                f"files if linear); {res['raw']['kamerzoek'][0]['changed_files']} changed files (a paragraph appended to each) applied in {fmt(k['changed_100_s'], 2)} s."]
        checks = [("full build ≥ 3× Omega MB/s", "omega", lambda: k["mb_s"]["median"] / s["omega"]["mb_s"]["median"], ">=", TARGETS["omega_speedup"], "×"),
                  ("full build ≥ 1.5× plain Xapian MB/s", "xapian-plain", lambda: k["mb_s"]["median"] / s["xapian-plain"]["mb_s"]["median"], ">=", TARGETS["plain_speedup"], "×"),
                  ("unchanged 10,000 files ≤ 5 s (extrapolated)", None, lambda: per_file * 10000, "<=", TARGETS["noop_10k_s"], " s"),
                  (f"{res['raw']['kamerzoek'][0]['changed_files']} changed files ≤ 5 s (target: 100)", None, lambda: k["changed_100_s"]["median"], "<=", TARGETS["changed_100_s"], " s"),
                  ("query p50 ≤ 1 ms", None, lambda: k["p50_ms"]["median"], "<=", TARGETS["p50_ms"], " ms"),
                  ("query p99 ≤ 10 ms", None, lambda: k["p99_ms"]["median"], "<=", TARGETS["p99_ms"], " ms"),
                  ("peak RSS ≤ 1 GB", None, lambda: k["peak_rss_mb"]["median"], "<=", TARGETS["rss_mb"], " MB"),
                  ("index ≤ 2× corpus", None, lambda: k["index_ratio"]["median"], "<=", TARGETS["index_ratio"], "×")]
        out += ["", "| target | kamerzoek | met? |", "|---|---|---|"]
        for name, need, value, op, bound, unit in checks:
            if need and need not in s:
                continue
            v = value()
            ok = v >= bound if op == ">=" else v <= bound
            out.append(f"| {name} | {v:.2f}{unit} | {'yes' if ok else '**no**'} |")
    out += ["", f"Machine limits on the same corpus (one core): read with cat {lim['cat_mb_s']:.0f} MB/s "
            f"(page cache), read in-process {lim['read_mb_s']:.0f} MB/s, ICU word break "
            f"{lim['icu_word_break_mb_s']:.1f} MB/s, Xapian Dutch stemmer {lim['stem_dutch_mb_s']:.1f} MB/s "
            f"({lim['stem_words_per_s'] / 1e6:.2f} M words/s)."]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
