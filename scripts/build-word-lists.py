#!/usr/bin/env python3
"""Writes the system's English and Dutch word lists as C++ string literals.

The lists are Debian's wbritish and wdutch (/usr/share/dict/british-english
and /usr/share/dict/dutch). Each word is folded as the analyzer folds words
(case, diacritics), and the words are sorted by byte and written one a line,
so that the searcher can binary-search them where they lie in the program:
nothing is read or sorted when a search starts. A missing list is written
empty (it then knows no words).
"""
import argparse
import os
import sys
import unicodedata

LISTS = [("kEnglishWords", "british-english"), ("kDutchWords", "dutch")]


def fold(text):
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def folded_words(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return sorted({fold(line.strip()) for line in f if line.strip()},
                          key=lambda word: word.encode("utf-8"))
    except OSError:
        return []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dict", default="/usr/share/dict")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    parts = []
    for name, file in LISTS:
        words = [w for w in folded_words(os.path.join(args.dict, file)) if "\n" not in w]
        text = "".join(word + "\n" for word in words)
        parts.append(f'constexpr char {name}[] = R"words({text})words";\n')
        print(f"build-word-lists: {file}: {len(words)} words", file=sys.stderr)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out + ".tmp", "w", encoding="utf-8") as out:
        out.write("".join(parts))
    os.replace(args.out + ".tmp", args.out)


if __name__ == "__main__":
    main()
