#!/usr/bin/python3
"""PostgreSQL peer: 'dutch' text search, one row per paragraph, GIN index on a stored tsvector.

  pg_engine.py index PORT DIR          (re)load the table and build the index; prints JSON with
                                       the backend's peak RSS and the table+index size
  pg_engine.py query PORT QUERIES [N]  time N passes of the query set (after a warm-up pass)
                                       over loopback; prints JSON like the other harnesses
"""
import json
import os
import re
import sys
import time

import psycopg2

from fts5_engine import PARAGRAPH, TOKEN, FOLDERS, summary


def connect(port):
    return psycopg2.connect(host="127.0.0.1", port=int(port), user="postgres", dbname="postgres")


def peak_rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def index(port, root):
    con = connect(port)
    con.autocommit = True
    cur = con.cursor()
    cur.execute("SELECT pg_backend_pid()")
    pid = cur.fetchone()[0]
    cur.execute("DROP TABLE IF EXISTS docs")
    cur.execute("CREATE TABLE docs (id serial PRIMARY KEY, path text, dir text, body text, "
                "tsv tsvector GENERATED ALWAYS AS (to_tsvector('dutch', body)) STORED)")
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs)
    rows = 0
    con.autocommit = False
    for path in files:
        with open(path, "rb") as f:
            text = f.read().decode("utf-8", "replace").replace("\x00", "")
        rel = os.path.relpath(path, root)
        folder = rel.split(os.sep, 1)[0]
        batch = [(rel, folder, p) for p in PARAGRAPH.split(text) if p.strip()]
        cur.executemany("INSERT INTO docs(path, dir, body) VALUES (%s, %s, %s)", batch)
        rows += len(batch)
    con.commit()
    con.autocommit = True
    cur.execute("CREATE INDEX docs_tsv ON docs USING gin (tsv)")
    cur.execute("CREATE INDEX docs_dir ON docs (dir)")
    cur.execute("VACUUM ANALYZE docs")
    cur.execute("SELECT pg_total_relation_size('docs')")
    size = cur.fetchone()[0]
    print(json.dumps({"rows": rows, "backend_peak_rss_kb": peak_rss_kb(pid), "bytes": size}))


def translate(query):
    """kamerzoek syntax -> (websearch_to_tsquery text, folder). Implicit operator: OR."""
    folder, out, pending_not = None, [], False
    for token in TOKEN.findall(query):
        if token in FOLDERS:
            folder = FOLDERS[token]
        elif token == "AND":
            out.append("")  # websearch: juxtaposition is AND
        elif token == "OR":
            out.append("or")
        elif token == "NOT":
            pending_not = True
        else:
            if out and out[-1] not in ("", "or") and not pending_not:
                out.append("or")
            out.append(("-" if pending_not else "") + token)
            pending_not = False
    return " ".join(t for t in out if t), folder


def query(port, queries_path, passes):
    con = connect(port)
    con.autocommit = True
    cur = con.cursor()
    queries = [l.rstrip() for l in open(queries_path, encoding="utf-8")
               if l.strip() and not l.startswith("#")]
    sql = ("SELECT path, ts_headline('dutch', body, q, 'StartSel=\x01,StopSel=\x02') "
           "FROM (SELECT path, body, q, ts_rank(tsv, q) AS r FROM docs, "
           "websearch_to_tsquery('dutch', %s) q WHERE tsv @@ q {} ORDER BY r DESC LIMIT 10) t")
    prepared = []
    for q in queries:
        text, folder = translate(q)
        prepared.append((sql.format("AND dir = %s"), (text, folder)) if folder
                        else (sql.format(""), (text,)))
    failed = 0
    for statement, args in prepared:
        try:
            cur.execute(statement, args)
            cur.fetchall()
        except psycopg2.Error as e:
            print(f"postgres: {args[0]}: {e}", file=sys.stderr)
            failed += 1
    timings, hits = [], 0
    for _ in range(passes):
        for statement, args in prepared:
            start = time.perf_counter()
            try:
                cur.execute(statement, args)
                hits += len(cur.fetchall())
            except psycopg2.Error:
                continue
            timings.append((time.perf_counter() - start) * 1e3)
    print(json.dumps(summary("postgres", timings, len(queries), failed, hits)))


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    if sys.argv[1] == "index":
        index(sys.argv[2], sys.argv[3])
    else:
        query(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 3)
