#!/usr/bin/env python3
"""One indexing run over a folder of hostile files beside good ones, bounded in time.

    bench/hostile_files.py [--kamerzoek build/cli/kamerzoek] [--bound 180] [--out FILE]

Builds, in a temporary folder, files meant to stall, exhaust or escape an indexer (a 12 KB PDF
whose content stream expands to megabytes, an enumeration of 10,000 items, a 20 MB line, XML
nested 200,000 deep, entity expansion, an external entity, links out of the folder, to a device
and to nowhere, a FIFO, a file name that is not UTF-8 and one of 255 bytes, binary bytes named
.txt, an empty file, the index's own folder inside the indexed one) and good letters with a word
of their own. Runs `kamerzoek index --json` once under /usr/bin/time and a time-out of --bound
seconds, then once more (nothing changed), and checks:

- the run ends within the bound and its peak RSS stays under 1 GB;
- every hostile file is named, failed or skipped, with a reason (or indexed when it is text
  that must stay searchable);
- every good letter is found by its own word, and nothing outside the folder is (/etc/passwd);
- the second run reads no failed file again, so it is quick.

Prints a Markdown report (also written to --out). Exit status 1 when a check fails.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zlib

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MEMORY_BUDGET_MB = 1024


def expanding_pdf(copies):
    """A one-page PDF whose small Flate stream expands to `copies` text-drawing operators."""
    content = b"BT /F1 12 Tf 72 700 Td (Herhaalde tekst die poppler telkens opnieuw tekent) Tj ET\n"
    stream = zlib.compress(content * copies, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream +
        b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def letter(word):
    return ("Den Haag, 1 maart 2021\n\nGeachte voorzitter,\n\nHierbij informeer ik uw Kamer over "
            f"{word} en de gevolgen daarvan voor het beleid.\n\nDe minister\n")


# name -> (bytes or a callable making the file, what must happen: indexed / failed / skipped)
def hostile_files(folder):
    def write(name, data):
        path = os.path.join(folder, os.fsdecode(name) if isinstance(name, bytes) else name)
        if isinstance(name, bytes):
            path = os.path.join(os.fsencode(folder), name)
        with open(path, "wb") as out:
            out.write(data if isinstance(data, bytes) else data.encode())
        return path

    cases = []  # (label, path as the report names it, expected)
    pdf = expanding_pdf(60000)
    cases.append((f"PDF of {len(pdf) // 1024} KB expanding to "
                  f"{60000 * 80 // (1 << 20)} MB of drawing operators",
                  write("expanding.pdf", pdf), "failed"))
    cases.append(("items 1, 2, ..., 10000 (59 KB)",
                  write("opsomming.txt", letter("opsommingsbrief") +
                        "Zie items " + ", ".join(str(i) for i in range(1, 10001)) + ".\n"),
                  "indexed"))
    line = " ".join(f"regelwoord{i}" for i in range(20000)) + " "
    cases.append(("one line of 20 MB",
                  write("lange-regel.txt", line * (20 * (1 << 20) // len(line)) + "slotwoordregel\n"),
                  "indexed"))
    depth = 200000
    cases.append((f"XML nested {depth:,} deep",
                  write("diep.xml", "<?xml version='1.0'?>" + "<a>" * depth + "diepwoord" +
                        "</a>" * depth), "any"))
    laughs = ["<!ENTITY lol0 'lol'>"] + [
        f"<!ENTITY lol{i} '" + f"&lol{i - 1};" * 10 + "'>" for i in range(1, 10)]
    cases.append(("billion laughs (entity expansion)",
                  write("lachen.xml", "<?xml version='1.0'?><!DOCTYPE r [" + "".join(laughs) +
                        "]><r>&lol9;</r>"), "any"))
    cases.append(("external entity to /etc/passwd",
                  write("xxe.xml", "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM "
                        "'file:///etc/passwd'>]><r>extern &x;</r>"), "any"))
    cases.append(("binary bytes named .txt", write("binair.txt", bytes(range(256)) * 8), "failed"))
    cases.append(("empty file", write("leeg.txt", b""), "failed"))
    name = b"niet-utf8-\xff\xfe.txt"
    cases.append(("file name that is not UTF-8", write(name, letter("naamloosheid")), "indexed"))
    long_name = "l" * 251 + ".txt"
    cases.append(("file name of 255 bytes", write(long_name, letter("naamlengte")), "indexed"))
    os.symlink("/etc/passwd", os.path.join(folder, "passwd-link.txt"))
    cases.append(("link to /etc/passwd", os.path.join(folder, "passwd-link.txt"), "skipped"))
    os.symlink("/dev/zero", os.path.join(folder, "zero-link.txt"))
    cases.append(("link to /dev/zero", os.path.join(folder, "zero-link.txt"), "skipped"))
    os.symlink(os.path.join(folder, "nergens.txt"), os.path.join(folder, "dangling.txt"))
    cases.append(("link to nowhere", os.path.join(folder, "dangling.txt"), "skipped"))
    os.mkfifo(os.path.join(folder, "fifo.txt"))
    cases.append(("FIFO", os.path.join(folder, "fifo.txt"), "skipped"))
    for word in ("zeewering", "dijkversterking", "kustverdediging"):
        cases.append((f"good letter ({word})", write(f"brief-{word}.txt", letter(word)),
                      "indexed"))
    return cases


def run_index(kamerzoek, db, folder, bound):
    started = time.time()
    try:
        run = subprocess.run(["/usr/bin/time", "-f", "%M", kamerzoek, "index", "--json", "--db", db,
                              folder], capture_output=True, timeout=bound)
    except subprocess.TimeoutExpired:
        return None, time.time() - started, 0, b""
    elapsed = time.time() - started
    rss_kb = int(run.stderr.strip().splitlines()[-1])
    return run, elapsed, rss_kb / 1024, run.stderr


def outcome_of(path, report):
    printable = os.fsencode(path).decode("utf-8", "backslashreplace").replace("\\x", "\\x")
    for kind in ("failed", "skipped"):
        for entry in report.get(kind, []):
            if entry["path"] in (path, printable) or os.path.basename(entry["path"]) == \
                    os.path.basename(printable):
                return kind, entry["reason"]
    return "indexed", ""


def found(kamerzoek, db, query):
    run = subprocess.run([kamerzoek, "search", "--json", "--db", db, query], capture_output=True,
                         text=True, timeout=60)
    try:
        return len(json.loads(run.stdout).get("hits", []))
    except json.JSONDecodeError:
        return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kamerzoek", default=os.path.join(REPO, "build/cli/kamerzoek"))
    parser.add_argument("--bound", type=float, default=180,
                        help="seconds the first run may take (default 180)")
    parser.add_argument("--out")
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory(prefix="kamerzoek-hostile-") as tmp:
        folder = os.path.join(tmp, "corpus")
        os.mkdir(folder)
        cases = hostile_files(folder)
        db = os.path.join(folder, "index")  # the index inside the indexed folder
        run, elapsed, rss_mb, stderr = run_index(args.kamerzoek, db, folder, args.bound)
        lines = [f"# One run over hostile files ({time.strftime('%Y-%m-%d %H:%M')}, "
                 f"load {os.getloadavg()[0]:.1f})", ""]
        if run is None:
            print(f"the run took longer than {args.bound:.0f} s", file=sys.stderr)
            return 1
        report = json.loads(run.stdout)
        lines += [f"- first run: exit {run.returncode}, {elapsed:.1f} s (bound {args.bound:.0f} s), "
                  f"peak RSS {rss_mb:.0f} MB (budget {MEMORY_BUDGET_MB} MB)", ""]
        failed |= rss_mb >= MEMORY_BUDGET_MB
        lines += ["| file | expected | outcome | reason |", "|---|---|---|---|"]
        for label, path, expected in cases:
            outcome, reason = outcome_of(path, report)
            ok = expected == "any" or outcome == expected
            failed |= not ok or (outcome != "indexed" and not reason)
            lines.append(f"| {label} | {expected} | {outcome}{'' if ok else ' (WRONG)'} | "
                         f"{reason[:90]} |")
        index_named = any("index" in e["path"] for e in report.get("failed", []))
        failed |= index_named
        lines += ["", f"- the index's own folder named as a failure: {index_named}"]
        checks = [("zeewering", 1), ("dijkversterking", 1), ("kustverdediging", 1),
                  ("naamloosheid", 1), ("naamlengte", 1), ("opsommingsbrief", 1),
                  ("slotwoordregel", 1), ('"root:x:0"', 0)]
        for query, want in checks:
            hits = found(args.kamerzoek, db, query)
            ok = (hits > 0) == (want > 0)
            failed |= not ok
            lines.append(f"- search {query}: {hits} hits{'' if ok else ' (WRONG)'}")
        again, again_s, again_rss, _ = run_index(args.kamerzoek, db, folder, args.bound)
        if again is None:
            failed = True
            lines.append(f"- second run: over {args.bound:.0f} s")
        else:
            second = json.loads(again.stdout)
            unread = all("not read again" in e["reason"] for e in second.get("failed", []))
            failed |= not unread
            lines.append(f"- second run (nothing changed): exit {again.returncode}, {again_s:.1f} s, "
                         f"peak RSS {again_rss:.0f} MB, {len(second.get('failed', []))} failed "
                         f"files reported without being read: {unread}")
    text = "\n".join(lines)
    print(text)
    if args.out:
        with open(args.out, "w") as out:
            out.write(text + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
