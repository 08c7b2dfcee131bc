#!/usr/bin/env python3
"""Scores a kamerzoek command line on judged queries (tests/relevance/*.tsv).

Runs `kamerzoek search --json` for every query of a judgement file and
prints MRR@10, nDCG@10 and recall@10 per group (query kind, query language,
all), with the same rules as bench/relevance/evaluation.h: binary relevance,
a judgement is a document id and a text fragment of the answering passage,
and each judgement counts once, for the first hit that satisfies it.

It talks to the program only through its command line, so any build can be
measured the same way, including one from before documents were grouped into
publications. Such a build gives other ids to the same publication (one
document per rendition, an annex under its file name): with --id-map, the
ids are mapped by source file to the ids of a reference index, which is
asked with `show --json` for the source and alternate renditions of every
judged document. A hit whose file is a judged document's source or one of
its alternates counts as that document; any other hit keeps its own id.

Example (an index is built in --db when paths are given):

  bench/relevance/score_cli.py --kamerzoek build/cli/kamerzoek --db /tmp/kz-now \\
      --judgements tests/relevance/publications.tsv --index ../shared/corpus/woo-pdf ...
"""

import argparse
import json
import math
import os
import subprocess
import sys
from collections import defaultdict

DEPTH = 10


def load_judgements(path):
    """[(id, language, text, [(doc_id, fragment), ...])] in file order."""
    queries = []
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) == 4 and fields[0] == "query":
                queries.append((fields[1], fields[2], fields[3], []))
            elif len(fields) >= 2 and fields[0] == "rel" and queries:
                queries[-1][3].append((fields[1], fields[2] if len(fields) > 2 else ""))
            else:
                sys.exit(f"{path}:{number}: expected a query or rel line")
    return queries


def run(kamerzoek, db, *arguments):
    """Standard output of one kamerzoek command; None when it fails."""
    result = subprocess.run([kamerzoek, "--db", db, *arguments], capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else None


def build_index(kamerzoek, db, paths):
    result = subprocess.run([kamerzoek, "--db", db, "index", *paths], capture_output=True, text=True)
    if result.returncode not in (0, 1):  # 1: some files failed, the rest is indexed
        sys.exit(f"indexing failed ({result.returncode}): {result.stderr.strip()}")


def id_map(kamerzoek, db, doc_ids):
    """Real path of every rendition of the judged documents -> document id."""
    by_file = {}
    for doc_id in sorted(doc_ids):
        out = run(kamerzoek, db, "show", "--json", doc_id)
        if out is None:
            sys.exit(f"the reference index has no document {doc_id}")
        document = json.loads(out)
        for path in [document.get("source", "")] + list(document.get("alternates") or []):
            if path:
                by_file[os.path.realpath(path)] = doc_id
    return by_file


def search(kamerzoek, db, text, per_doc, by_file):
    """[(doc_id, passage text)] of the first DEPTH hits."""
    out = run(kamerzoek, db, "search", "--json", "--limit", str(DEPTH), "--per-doc", str(per_doc),
              text)
    if out is None:
        return []
    ranking = []
    for hit in json.loads(out).get("hits", []):
        doc_id = hit["doc_id"]
        if by_file is not None:
            doc_id = by_file.get(os.path.realpath(hit.get("source") or ""), doc_id)
        ranking.append((doc_id, hit.get("text", "")))
    return ranking


def score(judgements, ranking):
    """(reciprocal rank, nDCG@DEPTH, recall@DEPTH) as evaluation.h's score()."""
    satisfied = [False] * len(judgements)
    reciprocal_rank, dcg, found = 0.0, 0.0, 0
    for rank, (doc_id, text) in enumerate(ranking[:DEPTH]):
        for j, (judged_id, fragment) in enumerate(judgements):
            if satisfied[j] or doc_id != judged_id or fragment not in text:
                continue
            satisfied[j] = True
            found += 1
            dcg += 1 / math.log2(rank + 2)
            if reciprocal_rank == 0:
                reciprocal_rank = 1 / (rank + 1)
            break
    ideal = sum(1 / math.log2(rank + 2) for rank in range(min(len(judgements), DEPTH)))
    recall = found / len(judgements) if judgements else 0
    return reciprocal_rank, (dcg / ideal if ideal else 0), recall


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kamerzoek", required=True, help="the kamerzoek program to measure")
    parser.add_argument("--db", required=True, help="its index")
    parser.add_argument("--judgements", required=True)
    parser.add_argument("--index", nargs="+", metavar="PATH",
                        help="index these files and folders into --db first")
    parser.add_argument("--id-map", nargs=2, metavar=("KAMERZOEK", "DB"),
                        help="map hits by source file to the ids of this program and index")
    parser.add_argument("--per-doc", type=int, default=0,
                        help="passages per document (0: no cap, as relevance_bench)")
    parser.add_argument("--per-query", action="store_true", help="print each query's scores")
    args = parser.parse_args()

    queries = load_judgements(args.judgements)
    if args.index:
        build_index(args.kamerzoek, args.db, args.index)
    by_file = None
    if args.id_map:
        judged = {doc_id for _, _, _, rels in queries for doc_id, _ in rels}
        by_file = id_map(args.id_map[0], args.id_map[1], judged)

    totals = defaultdict(lambda: [0, 0.0, 0.0, 0.0])
    for query_id, language, text, judgements in queries:
        scores = score(judgements, search(args.kamerzoek, args.db, text, args.per_doc, by_file))
        if args.per_query:
            print(f"{query_id}\t{scores[0]:.3f}\t{scores[1]:.3f}\t{scores[2]:.3f}\t{text}")
        for group in (f"lang:{language}", query_id.rsplit("-", 1)[0], "all"):
            total = totals[group]
            total[0] += 1
            for i in range(3):
                total[i + 1] += scores[i]

    print("| group | queries | MRR@10 | nDCG@10 | recall@10 |")
    print("|---|---:|---:|---:|---:|")
    for group in sorted(totals):
        n, rr, ndcg, recall = totals[group]
        print(f"| {group} | {n} | {rr / n:.3f} | {ndcg / n:.3f} | {recall / n:.3f} |")


if __name__ == "__main__":
    main()
