#!/usr/bin/python3
"""SQLite FTS5 peer: one row per paragraph (text between blank lines).

  fts5_engine.py index DB DIR          build the database
  fts5_engine.py query DB QUERIES [N]  time N passes of the query set in-process (after a warm-up
                                       pass); prints one JSON object like the C++ harnesses
"""
import json
import os
import re
import sqlite3
import sys
import time

PARAGRAPH = re.compile(r"\n[ \t]*\n")


def index(db_path, root):
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(body, path UNINDEXED, dir UNINDEXED, "
                "tokenize='unicode61 remove_diacritics 2')")
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs)
    rows = 0
    with con:
        for path in files:
            with open(path, "rb") as f:
                text = f.read().decode("utf-8", "replace")
            rel = os.path.relpath(path, root)
            folder = rel.split(os.sep, 1)[0]
            batch = [(p, rel, folder) for p in PARAGRAPH.split(text) if p.strip()]
            con.executemany("INSERT INTO docs(body, path, dir) VALUES (?, ?, ?)", batch)
            rows += len(batch)
    con.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    con.commit()
    con.close()
    print(f"fts5: {len(files)} files, {rows} paragraphs", file=sys.stderr)


TOKEN = re.compile(r'"[^"]*"|\S+')
FOLDERS = {"lang:nl": "laws-nl", "lang:en": "treaties"}


def translate(query):
    """kamerzoek syntax -> (FTS5 MATCH expression, folder or None). Implicit operator: OR."""
    folder = None
    out = []
    for token in TOKEN.findall(query):
        if token in FOLDERS:
            folder = FOLDERS[token]
            continue
        if token in ("AND", "OR", "NOT"):
            out.append(token)
            continue
        term = token if token.startswith('"') else '"' + token.replace('"', "") + '"'
        if out and out[-1] not in ("AND", "OR", "NOT"):
            out.append("OR")
        out.append(term)
    return " ".join(out), folder


def query(db_path, queries_path, passes):
    con = sqlite3.connect(db_path)
    queries = [l.rstrip() for l in open(queries_path, encoding="utf-8")
               if l.strip() and not l.startswith("#")]
    sql = ("SELECT path, snippet(docs, 0, char(1), char(2), '…', 16) FROM docs "
           "WHERE docs MATCH ? {} ORDER BY rank LIMIT 10")
    prepared = []
    for q in queries:
        expr, folder = translate(q)
        if folder:
            prepared.append((sql.format("AND dir = ?"), (expr, folder)))
        else:
            prepared.append((sql.format(""), (expr,)))
    failed = 0
    for statement, args in prepared:  # warm-up
        try:
            con.execute(statement, args).fetchall()
        except sqlite3.Error as e:
            print(f"fts5: {args[0]}: {e}", file=sys.stderr)
            failed += 1
    timings, hits = [], 0
    for _ in range(passes):
        for statement, args in prepared:
            start = time.perf_counter()
            try:
                hits += len(con.execute(statement, args).fetchall())
            except sqlite3.Error:
                continue
            timings.append((time.perf_counter() - start) * 1e3)
    print(json.dumps(summary("fts5", timings, len(queries), failed, hits)))


def summary(engine, timings, queries, failed, hits):
    import math
    s = sorted(timings)

    def pct(p):
        if not s:
            return 0.0
        return s[min(max(math.ceil(p / 100 * len(s)), 1), len(s)) - 1]
    return {"engine": engine, "queries": queries, "timed": len(s), "failed": failed,
            "mean_hits": hits / len(s) if s else 0, "p50_ms": pct(50), "p90_ms": pct(90),
            "p99_ms": pct(99), "mean_ms": sum(s) / len(s) if s else 0, "max_ms": s[-1] if s else 0}


if __name__ == "__main__":
    if sys.argv[1] == "index":
        index(sys.argv[2], sys.argv[3])
    else:
        query(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 3)
