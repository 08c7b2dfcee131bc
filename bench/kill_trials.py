#!/usr/bin/env python3
"""SIGKILL trials: an index run killed at a random moment leaves an index that searches, and
the next run converges on what an uninterrupted run builds.

    bench/kill_trials.py --kamerzoek build/cli/kamerzoek [--trials 24] [--seconds 600]
                         [--corpus ../shared/corpus] [--letters 300] [--seed 1]

Papers: the XML, HTML and text folders of the shared corpus (read in place, never copied)
and --letters generated letters in a scratch folder, some of which are changed, added and
removed between trials so that incremental runs have work. Trials cycle through four kinds
of run: a first run on one thread, a first run on two threads (shards merged in batches), an
incremental run over an existing index, and --full. Each is SIGKILLed after a random time
between 0 and its uninterrupted duration, measured first. After each kill:

  1. searchable: when an index exists, `kamerzoek search` answers (exit 0); a first run may
     be killed before its first commit, then `stats` must say there is no index (exit 2)
     and nothing else may be wrong;
  2. converged: an uninterrupted rerun of the same kind (--full reruns with --full) exits 0,
     after which documents, passages and files equal those of a clean index of the same
     papers, a search for a generated letter's word finds what the clean index finds, and no
     generation folder, shard folder or stub is left over.

Prints a Markdown summary. Exit status 1 when any trial failed a check, 2 when the time budget
ran out before --trials trials (those done are reported).
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SHARED_FOLDERS = ["handelingen-xml", "handelingen-xml-damaged", "tweedekamer-html",
                  "treaties-sample", "seed", "officiele-publicaties-xml"]
TOPICS = ["windmolens", "zonnepanelen", "waterstof", "kernenergie", "warmtenet", "getijden",
          "geothermie", "biomassa", "netcongestie", "dijkversterking"]
KINDS = ["first-1", "first-2", "incremental", "full"]


def letter(number, version):
    topic = TOPICS[number % len(TOPICS)]
    other = TOPICS[(number * 7 + version) % len(TOPICS)]
    body = " ".join(f"Paragraaf {i} over {topic} en {other} in regio {number % 12}." for i in range(40))
    return (f"Den Haag, {1 + number % 28} maart 2021\n\nGeachte Voorzitter,\n\n"
            f"De minister schrijft in brief {number} (versie {version}) over {topic}.\n\n{body}\n")


class Papers:
    def __init__(self, root, count, rng):
        self.root, self.rng, self.next_number = root, rng, count
        os.makedirs(root, exist_ok=True)
        for number in range(count):
            self.write(number, 0)

    def write(self, number, version):
        with open(os.path.join(self.root, f"brief-{number:05}.txt"), "w") as out:
            out.write(letter(number, version))

    def change(self):
        """Changes, adds and removes a few letters, as between two nightly runs."""
        names = sorted(os.listdir(self.root))
        for name in self.rng.sample(names, min(20, len(names))):
            self.write(int(name[6:11]), self.rng.randint(1, 1000))
        for name in self.rng.sample(names, min(5, len(names))):
            os.remove(os.path.join(self.root, name))
        for _ in range(8):
            self.write(self.next_number, 0)
            self.next_number += 1


def run(command, timeout=600):
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


class Trials:
    def __init__(self, args, scratch):
        self.args, self.scratch = args, scratch
        self.rng = random.Random(args.seed)
        self.papers = Papers(os.path.join(scratch, "letters"), args.letters, self.rng)
        corpus = os.path.abspath(args.corpus)
        self.paths = [self.papers.root] + [os.path.join(corpus, f) for f in SHARED_FOLDERS
                                           if os.path.isdir(os.path.join(corpus, f))]
        self.results = []
        self.durations = {}

    def index_command(self, db, kind):
        command = [self.args.kamerzoek, "index", "--db", db, "--json", "--commit-every", "25"]
        command += ["--threads", "2" if kind == "first-2" else "1"]
        if kind == "full":
            command.append("--full")
        return command + self.paths

    def stats(self, db):
        result = run([self.args.kamerzoek, "stats", "--db", db, "--json"])
        if result.returncode != 0:
            return None, result
        stats = json.loads(result.stdout)
        return {key: stats.get(key) for key in ("documents", "passages", "files")}, result

    def hits(self, db, word):
        result = run([self.args.kamerzoek, "search", "--db", db, "--json", "--limit", "1000", word])
        if result.returncode != 0:
            return None
        return sorted({hit["doc_id"] for hit in json.loads(result.stdout)["hits"]})

    def clean_reference(self):
        db = os.path.join(self.scratch, "reference")
        shutil.rmtree(db, ignore_errors=True)
        started = time.monotonic()
        result = run(self.index_command(db, "first-1"))
        if result.returncode != 0:
            sys.exit(f"the uninterrupted reference run failed ({result.returncode}): {result.stderr}")
        elapsed = time.monotonic() - started
        return db, elapsed

    def prepare(self, db, kind):
        """The index a trial of `kind` starts from."""
        shutil.rmtree(db, ignore_errors=True)
        if kind in ("incremental", "full"):
            result = run(self.index_command(db, "first-1"))
            if result.returncode != 0:
                sys.exit(f"preparing an index failed: {result.stderr}")
            if kind == "incremental":
                self.papers.change()

    def timed_run(self, db, kind):
        self.prepare(db, kind)
        started = time.monotonic()
        result = run(self.index_command(db, kind))
        return time.monotonic() - started, result

    def leftovers(self, db):
        live = ""
        stub = os.path.join(db, "XAPIANDB")
        if os.path.exists(stub):
            live = open(stub).read().split()[1]
        return sorted(name for name in os.listdir(db)
                      if (name.startswith("gen-") and name != live) or name.endswith(".new")
                      or name.startswith("shards") or name == "shard-work")

    def trial(self, number, kind):
        db = os.path.join(self.scratch, f"trial-{number}")
        self.prepare(db, kind)
        delay = self.rng.uniform(0, self.durations[kind])
        process = subprocess.Popen(self.index_command(db, kind), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        try:
            process.wait(timeout=delay)
            killed = False
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            killed = True
        problems = []
        stats, result = self.stats(db)
        if stats is None:
            if kind.startswith("first") and result.returncode == 2 and "no index" in result.stderr.lower():
                searchable = "no index yet"
            else:
                searchable = "no"
                problems.append(f"after the kill: stats exit {result.returncode}: {result.stderr.strip()}")
        else:
            searchable = "yes" if self.hits(db, TOPICS[0]) is not None else "no"
            if searchable == "no":
                problems.append("after the kill: search failed")
        rerun = run(self.index_command(db, kind))
        if rerun.returncode != 0:
            problems.append(f"rerun exit {rerun.returncode}: {rerun.stderr.strip()[-300:]}")
        reference_db, _ = self.reference_for_now()
        final, _ = self.stats(db)
        expected, _ = self.stats(reference_db)
        if final != expected:
            problems.append(f"after the rerun {final}, clean index {expected}")
        for word in TOPICS[:3]:
            if self.hits(db, word) != self.hits(reference_db, word):
                problems.append(f"search '{word}' differs from the clean index")
        left = self.leftovers(db)
        if left:
            problems.append(f"left over: {left}")
        shutil.rmtree(db, ignore_errors=True)
        self.results.append({"trial": number, "kind": kind, "delay_s": delay, "killed": killed,
                             "searchable": searchable, "problems": problems})
        print(f"trial {number} ({kind}, kill at {delay:.2f} s): "
              f"{'; '.join(problems) or 'searchable, converged'}", file=sys.stderr, flush=True)

    def reference_for_now(self):
        """A clean index of the papers as they are now (they change between trials)."""
        signature = tuple(sorted(os.listdir(self.papers.root))), tuple(
            os.stat(os.path.join(self.papers.root, n)).st_mtime_ns for n in sorted(os.listdir(self.papers.root)))
        if getattr(self, "_reference_signature", None) != signature:
            self._reference = self.clean_reference()
            self._reference_signature = signature
        return self._reference


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kamerzoek", default="build/cli/kamerzoek")
    parser.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus"))
    parser.add_argument("--trials", type=int, default=24)
    parser.add_argument("--seconds", type=float, default=600, help="time budget for all trials")
    parser.add_argument("--letters", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.kamerzoek = os.path.abspath(args.kamerzoek)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kamerzoek-kill-") as scratch:
        trials = Trials(args, scratch)
        for kind in KINDS:
            elapsed, result = trials.timed_run(os.path.join(scratch, "timing"), kind)
            if result.returncode != 0:
                sys.exit(f"an uninterrupted {kind} run failed ({result.returncode}): {result.stderr}")
            trials.durations[kind] = elapsed
        for number in range(args.trials):
            if time.monotonic() - started > args.seconds:
                break
            trials.trial(number, KINDS[number % len(KINDS)])
    results = trials.results
    print("| kind | uninterrupted run (s) | trials | killed mid-run | searchable after kill | converged |")
    print("|---|---|---|---|---|---|")
    for kind in KINDS:
        mine = [r for r in results if r["kind"] == kind]
        print(f"| {kind} | {trials.durations[kind]:.1f} | {len(mine)} | {sum(r['killed'] for r in mine)} | "
              f"{sum(r['searchable'] == 'yes' for r in mine)} yes, "
              f"{sum(r['searchable'] == 'no index yet' for r in mine)} no index yet | "
              f"{sum(not r['problems'] for r in mine)} |")
    failed = [r for r in results if r["problems"]]
    for r in failed:
        print(f"- trial {r['trial']} ({r['kind']}, killed at {r['delay_s']:.2f} s): " + "; ".join(r["problems"]))
    print(f"\n{len(results)} trials in {time.monotonic() - started:.0f} s, {len(failed)} failed")
    if failed:
        return 1
    return 2 if len(results) < args.trials else 0


if __name__ == "__main__":
    sys.exit(main())
