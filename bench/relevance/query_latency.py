#!/usr/bin/python3
"""Query latency of a kamerzoek build on the judged queries: indexes the given paths, serves
them (`kamerzoek serve`, 1 thread), sends every query of the judgement files PASSES times, one
at a time, and prints the median and 99th percentile of the time to an answer (client's clock,
HTTP on the loopback included) and the server's CPU seconds over all of them. A small, quick
stand-in for bench/run-benchmarks.sh's query part when only the query path changed; the machine
is shared, so compare medians of runs taken close together.

  bench/relevance/query_latency.py KAMERZOEK --judgements FILE [--judgements FILE] [--passes N] PATH...
"""
import argparse
import json
import os
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request


def queries_of(paths):
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                fields = line.rstrip("\n").split("\t")
                if fields[0] == "query" and len(fields) >= 4:
                    out.append(fields[3])
    return out


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kamerzoek")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--judgements", action="append", required=True, help="repeatable")
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    queries = queries_of(args.judgements)
    with tempfile.TemporaryDirectory() as work:
        db = os.path.join(work, "db")
        # Exit 1: some files could not be read (a scan without text); the rest is indexed.
        indexed = subprocess.run([args.kamerzoek, "--db", db, "index"] + args.paths,
                                 capture_output=True)
        if indexed.returncode not in (0, 1):
            raise SystemExit(indexed.stderr.decode(errors="replace"))
        port = free_port()
        server = subprocess.Popen([args.kamerzoek, "serve", "--db", db, "--listen",
                                   f"127.0.0.1:{port}", "--quiet", "--threads", "1"])
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/search?q=test", timeout=2)
                    break
                except OSError:
                    time.sleep(0.1)
            client = []
            for _ in range(args.passes):
                for query in queries:
                    url = f"http://127.0.0.1:{port}/search?limit=10&q=" + urllib.parse.quote(query)
                    start = time.perf_counter()
                    json.load(urllib.request.urlopen(url, timeout=30))
                    client.append((time.perf_counter() - start) * 1000)
            with open(f"/proc/{server.pid}/stat") as f:
                ticks = f.read().rsplit(")", 1)[1].split()
            cpu = (int(ticks[11]) + int(ticks[12])) / os.sysconf("SC_CLK_TCK")
        finally:
            server.terminate()
            server.wait()
    print(f"{len(queries)} queries x {args.passes} passes")
    print(f"p50 {statistics.median(client):.1f} ms, p99 {percentile(client, 0.99):.1f} ms; "
          f"server CPU {cpu:.2f} s")


if __name__ == "__main__":
    main()
