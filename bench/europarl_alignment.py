#!/usr/bin/python3
"""Cross-language retrieval on Europarl's held-out sentences: one side of devtest2006 is indexed
sentence by sentence, each sentence of the other side is a query, and its twin is the answer.
Prints MRR@10 both ways for kamerzoek (through `kamerzoek serve`) and, side by side, for SQLite
FTS5 over the same sentences without translation (unicode61 tokenizer, diacritics removed, the
query's words ORed, bm25 order). The lexicon never learns from devtest2006.

  bench/europarl_alignment.py KAMERZOEK [--corpus DIR] [--queries N]
"""
import argparse
import json
import os
import re
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request

DEPTH = 10
WORD = re.compile(r"\w+", re.UNICODE)


def read_sentences(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f]


def reciprocal_rank(ranked_ids, wanted):
    for rank, found in enumerate(ranked_ids[:DEPTH]):
        if found == wanted:
            return 1.0 / (rank + 1)
    return 0.0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kamerzoek_mrr(binary, documents, queries, work):
    folder = os.path.join(work, "sentences")
    os.makedirs(folder)
    for i, sentence in enumerate(documents):
        with open(os.path.join(folder, f"s{i:04d}.txt"), "w", encoding="utf-8") as f:
            f.write(sentence + "\n")
    db = os.path.join(work, "db")
    subprocess.run([binary, "--db", db, "index", folder], check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--db", db, "--listen", f"127.0.0.1:{port}",
                               "--quiet", "--threads", "2"])
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/search?q=test", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        total = 0.0
        for i, query in enumerate(queries):
            url = (f"http://127.0.0.1:{port}/search?limit={DEPTH}&per_doc=0&q=" +
                   urllib.parse.quote(query[:1000]))
            try:
                hits = json.load(urllib.request.urlopen(url, timeout=30))["hits"]
            except (OSError, ValueError):
                hits = []
            total += reciprocal_rank([hit["doc_id"] for hit in hits], f"s{i:04d}")
        return total / len(queries)
    finally:
        server.terminate()
        server.wait()


def fts5_mrr(documents, queries):
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE s USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
    con.executemany("INSERT INTO s(rowid, body) VALUES (?, ?)",
                    [(i, sentence) for i, sentence in enumerate(documents)])
    total = 0.0
    for i, query in enumerate(queries):
        words = ['"' + w + '"' for w in WORD.findall(query)]
        if not words:
            continue
        rows = con.execute(f"SELECT rowid FROM s WHERE s MATCH ? ORDER BY rank LIMIT {DEPTH}",
                           (" OR ".join(words),)).fetchall()
        total += reciprocal_rank([row[0] for row in rows], i)
    return total / len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kamerzoek")
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus",
                                                         "europarl-nl-en"))
    parser.add_argument("--queries", type=int, default=2000, help="queries per direction")
    args = parser.parse_args()
    dutch = read_sentences(os.path.join(args.corpus, "devtest2006.nl"))
    english = read_sentences(os.path.join(args.corpus, "devtest2006.en"))
    print("| direction | queries | MRR@10 kamerzoek | MRR@10 FTS5 |")
    print("|---|---:|---:|---:|")
    for name, documents, queries in (("en -> nl", dutch, english), ("nl -> en", english, dutch)):
        queries = queries[:args.queries]
        with tempfile.TemporaryDirectory(prefix="kamerzoek-europarl-") as work:
            ours = kamerzoek_mrr(args.kamerzoek, documents, queries, work)
        theirs = fts5_mrr(documents, queries)
        print(f"| {name} | {len(queries)} | {ours:.3f} | {theirs:.3f} |", flush=True)


if __name__ == "__main__":
    main()
