#!/usr/bin/env python3
"""Hostile queries and clients against kamerzoek, bounded in time, on loopback only.

    bench/abuse.py --kamerzoek build/cli/kamerzoek --db INDEX [--seconds 60] [--out FILE]

1. The hostile query set over the command line (each run under /usr/bin/time, killed after
   --query-timeout s) and over HTTP: exit code or status, time, peak RSS of the CLI.
2. 1,000 malformed HTTP requests, each on its own connection: the statuses they got.
3. --seconds of load: 10 slow clients (one byte every 2 s, reconnecting when cut off) beside
   16 normal clients searching on keep-alive connections, while /health is asked every 0.2 s.
   Reports /health's slowest and 99th percentile answer, and the normal clients' requests and
   errors.

The service is started by the script on 127.0.0.1 with a free port and stopped at the end.
Prints a Markdown summary (also written to --out when given). Exit status 1 when /health ever
took 100 ms or more, a normal client saw an error, or a hostile query got a 5xx or ran into
the time-out.
"""
import argparse
import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

HOSTILE_QUERIES = [
    ("1 MB of words", "terrorisme " * 95000),
    ("5,000 ORs", " OR ".join(f"w{i}" for i in range(5000))),
    ("200 x +a*", "+a* " * 200),
    ("a*", "a*"),
    ("300 nested brackets", "(" * 300 + "wet" + ")" * 300),
    ("one 3 KB word", "a" * 3000),
    ("date:9999-99-99..", "wet date:9999-99-99.."),
    ("date:-1..-1", "wet date:-1..-1"),
    ("year:abc", "wet year:abc"),
    ("lang:xx", "wet lang:xx"),
    ("60 common words", " ".join(["de", "het", "wet", "artikel", "minister", "van"] * 10)),
]

MALFORMED = [
    b"\r\n\r\n",
    b"GET\r\n\r\n",
    b"GET / HTTP/9.9\r\n\r\n",
    b"GET /search?q=%ZZ HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /search?q=\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\n\r\n",
    b"GET / HTTP/1.1\r\n" + b"X: " + b"b" * 20000 + b"\r\n\r\n",
    b"GET /health HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello",
    b"GET /health HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
    b"GET /health HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    b"POST /search HTTP/1.1\r\nContent-Length: 99999999\r\n\r\nabc",
    b"GET /doc/x%0aGET%20/forged-line%20200 HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /doc/%1b%5b31mred HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /search?limit=-1&q=wet HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /search?q=wet HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
    # Never complete: the client gives up after a moment (the slow clients below wait for 408).
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",  # a TLS hello
    b"GET /health HTTP/1.1\r\nHost: x",
]
INCOMPLETE = 2  # the last ones above


def start_service(kamerzoek, db, extra):
    process = subprocess.Popen(
        [kamerzoek, "serve", "--db", db, "--listen", "127.0.0.1:0", *extra],
        stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 30
    log = []
    while time.time() < deadline:
        line = process.stderr.readline()
        log.append(line)
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match:
            threading.Thread(target=lambda: [log.append(l) for l in process.stderr],
                             daemon=True).start()
            return process, int(match.group(1)), log
        if process.poll() is not None:
            break
    process.kill()
    sys.exit("kamerzoek serve did not start:\n" + "".join(log))


def cli_query(kamerzoek, db, query, timeout):
    started = time.time()
    try:
        # One argument may hold at most 128 KB: the words go as arguments of their own.
        run = subprocess.run(["/usr/bin/time", "-f", "%M", kamerzoek, "search", "--db", db,
                              "--", *query.split()],
                             capture_output=True, text=True, timeout=timeout)
        elapsed = time.time() - started
        rss_kb = int(run.stderr.strip().splitlines()[-1]) if run.stderr.strip() else 0
        message = next((l for l in run.stderr.splitlines() if l.startswith("kamerzoek:")), "")
        return run.returncode, elapsed, rss_kb, message
    except subprocess.TimeoutExpired:
        return "timeout", time.time() - started, 0, ""


def http_get(port, path, timeout=120):
    started = time.time()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        return response.status, time.time() - started, body
    except (OSError, http.client.HTTPException) as e:
        return f"error ({e.__class__.__name__})", time.time() - started, b""
    finally:
        connection.close()


def send_raw(port, payload, wait=3.0):
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as s:
        try:
            s.sendall(payload)
            data = s.recv(64)
        except socket.timeout:
            return "no answer yet"
        except OSError:
            return "reset"
    match = re.match(rb"HTTP/1\.[01] (\d{3})", data)
    return int(match.group(1)) if match else ("closed" if not data else "not HTTP")


class Load:
    def __init__(self, port, seconds):
        self.port, self.seconds = port, seconds
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.requests = self.errors = self.slow_cut = 0
        self.error_kinds = {}
        self.health = []

    def normal_client(self, number):
        words = ["wet", "verdrag", "artikel", "minister", "belasting", "rechter", "gemeente"]
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        i = number
        while not self.stop.is_set():
            i += 1
            path = "/search?q=" + urllib.parse.quote(words[i % len(words)])
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
                kind = str(response.status)
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException) as e:
                ok, kind = False, e.__class__.__name__
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            with self.lock:
                self.requests += 1
                if not ok:
                    self.errors += 1
                    self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1

    def slow_client(self):
        request = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"s" * 1000
        while not self.stop.is_set():
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=5) as s:
                    for byte in request:
                        if self.stop.is_set():
                            return
                        s.sendall(bytes([byte]))
                        self.stop.wait(2)
            except OSError:
                with self.lock:
                    self.slow_cut += 1

    def health_probe(self):
        while not self.stop.is_set():
            status, elapsed, _ = http_get(self.port, "/health", timeout=30)
            with self.lock:
                self.health.append((elapsed, status))
            self.stop.wait(0.2)

    def run(self):
        threads = [threading.Thread(target=self.slow_client) for _ in range(10)]
        threads += [threading.Thread(target=self.normal_client, args=(n,)) for n in range(16)]
        threads.append(threading.Thread(target=self.health_probe))
        for thread in threads:
            thread.start()
        time.sleep(self.seconds)
        self.stop.set()
        for thread in threads:
            thread.join(timeout=40)


def long_line(kamerzoek, megabytes):
    """Indexes one file of a single line of `megabytes` MB; its peak RSS against the budget."""
    with tempfile.TemporaryDirectory(prefix="kamerzoek-long-line-") as tmp:
        os.mkdir(os.path.join(tmp, "docs"))
        path = os.path.join(tmp, "docs", "one-line.txt")
        with open(path, "w") as out:
            chunk = " ".join(f"woord{i}" for i in range(100000)) + " "
            written = 0
            while written < megabytes << 20:
                out.write(chunk)
                written += len(chunk)
            out.write("slotwoord\n")
        started = time.time()
        run = subprocess.run(["/usr/bin/time", "-f", "%M", kamerzoek, "index", "--db",
                              os.path.join(tmp, "index"), os.path.join(tmp, "docs")],
                             capture_output=True, text=True)
        elapsed = time.time() - started
        rss_mb = int(run.stderr.strip().splitlines()[-1]) / 1024
        found = subprocess.run([kamerzoek, "search", "--db", os.path.join(tmp, "index"),
                                "--json", "slotwoord"], capture_output=True, text=True)
        budget = 1024  # MB, whatever the file (up to --max-file-size, 128 MB by default)
        return ([f"## A text file of one {megabytes} MB line", "",
                 f"- index: exit {run.returncode}, {elapsed:.1f} s, peak RSS {rss_mb:.0f} MB "
                 f"(budget {budget} MB)",
                 f"- its last word found: {'slotwoord' in found.stdout}", ""],
                rss_mb > budget or run.returncode != 0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kamerzoek", default="build/cli/kamerzoek")
    parser.add_argument("--db", required=True)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--query-timeout", type=float, default=120)
    parser.add_argument("--out")
    parser.add_argument("--long-line-mb", type=int, default=0,
                        help="also index a text file of one line of this many MB and report "
                             "its peak RSS (budget: 1 GB)")
    args = parser.parse_args()
    lines = [f"# kamerzoek under abuse ({time.strftime('%Y-%m-%d %H:%M')}, index {args.db})", ""]
    failed = False
    if args.long_line_mb:
        lines_out, over = long_line(args.kamerzoek, args.long_line_mb)
        lines += lines_out
        failed |= over

    lines += ["## Hostile queries", "",
              "| query | CLI exit | CLI s | CLI peak RSS MB | HTTP status | HTTP s |",
              "|---|---|---|---|---|---|"]
    process, port, log = start_service(args.kamerzoek, args.db, ["--quiet"])
    try:
        slowest = (0, "")
        for name, query in HOSTILE_QUERIES:
            code, cli_s, rss, _ = cli_query(args.kamerzoek, args.db, query, args.query_timeout)
            path = "/search?q=" + urllib.parse.quote(query[:1024])
            status, http_s, _ = http_get(port, path, timeout=args.query_timeout)
            slowest = max(slowest, (cli_s, f"{name} (CLI)"), (http_s, f"{name} (HTTP)"))
            failed |= code == "timeout" or not isinstance(status, int) or status >= 500
            lines.append(f"| {name} | {code} | {cli_s:.2f} | {rss / 1024:.0f} | {status} | "
                         f"{http_s:.2f} |")
        lines += ["", f"Slowest answer: {slowest[1]}, {slowest[0]:.2f} s.", ""]

        statuses = {}
        started = time.time()
        for i in range(1000):
            n = i % len(MALFORMED)
            result = send_raw(port, MALFORMED[n], wait=0.3 if n >= len(MALFORMED) - INCOMPLETE else 3)
            statuses[result] = statuses.get(result, 0) + 1
        lines += ["## 1,000 malformed requests", "",
                  f"{time.time() - started:.1f} s; answers: " +
                  ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=str)), ""]
        failed |= any(isinstance(k, int) and k >= 500 for k in statuses)
    finally:
        process.terminate()
        process.wait(timeout=30)

    process, port, log = start_service(args.kamerzoek, args.db, ["--quiet"])
    try:
        load = Load(port, args.seconds)
        load.run()
    finally:
        process.terminate()
        process.wait(timeout=30)
    times = sorted(t for t, _ in load.health)
    bad_health = [s for _, s in load.health if s != 200]
    worst = times[-1] if times else float("nan")
    p99 = times[int(len(times) * 0.99) - 1] if times else float("nan")
    lines += [f"## {args.seconds:.0f} s: 10 slow clients beside 16 normal ones", "",
              f"- /health: {len(times)} answers, slowest {worst * 1000:.0f} ms, "
              f"p99 {p99 * 1000:.0f} ms, non-200: {len(bad_health)}",
              f"- normal clients: {load.requests} requests "
              f"({load.requests / args.seconds:.0f}/s), {load.errors} errors "
              f"{load.error_kinds if load.errors else ''}",
              f"- slow clients cut off (reconnected): {load.slow_cut}", ""]
    failed |= worst >= 0.1 or bad_health != [] or load.errors > 0
    report = "\n".join(lines)
    print(report)
    if args.out:
        with open(args.out, "w") as out:
            out.write(report + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
