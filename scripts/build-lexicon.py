#!/usr/bin/env python3
"""Builds the Dutch-English lexicon that query translation uses.

Two kinds of source, both read where they are installed, never copied into
the repository:

* FreeDict's dictionaries (Debian packages dict-freedict-nld-eng and
  dict-freedict-eng-nld: dictd files under /usr/share/dictd). An entry's
  translations share its weight: a word with many senses is a poor guide, so
  each of n translations gets less, and words with more than MAX_SENSES are
  left out altogether.
* The same through German (dict-freedict-nld-deu, -deu-nld, -deu-eng,
  -eng-deu): a Dutch and an English word that translate into one German word
  are a pair when that German word has at most PIVOT_MAX_SENSES terms in
  either language, at the product of its two sense-discounted weights (below
  any direct pair). Requiring both ways to agree (nl->de->en and en->de->nl)
  filters nothing: each pair of FreeDict dictionaries is nearly one list
  read both ways (25342 of 26523 pairs pass). Function words never pivot.
* The same through French, Spanish, Italian, Swedish and Portuguese
  (dict-freedict-nld-fra, -fra-nld, -fra-eng, -eng-fra and the like for spa,
  ita, swe, por; a missing dictionary only gives fewer pairs). A pair that
  two or more pivot languages agree on needs no sense limit, and weighs
  1-(1-a)(1-b)... over its languages' weights, at most PIVOT_CAP; one
  language alone still needs the sense limit. These pairs only fill gaps:
  each is used from the language whose term no direct, learned or German
  pair translates (so it never pushes a better translation out of a word's
  surest few), and only when Debian's word lists (wdutch, wbritish) know
  every word of both terms, since the newer FreeDict dictionaries put
  definitions ("een financiele instelling", "stad") where translations go.
* Parallel text: Europarl sentences aligned line by line and treaties whose
  English articles are followed by their Dutch translation. Translation
  probabilities are learned with a few iterations of IBM model 1 in both
  directions; a pair's weight is the geometric mean of the two
  probabilities, so that a word that co-occurs with everything (a function
  word, a frequent noun) does not become everyone's translation.

Output: "dutch<TAB>english<TAB>weight<TAB>source" lines, weights in (0, 1]
(--out FILE.tsv), or (--out FILE.inc) the C++ literals analysis/lexicon.cc
searches where they lie, so that nothing is parsed when a search starts:
the pairs without function words (analysis/function_words.cc, given with
--function-words), sorted by their Dutch and again by their English term,
and the sorted words of either language. The searcher stems a pair's terms
when a query first needs them. Sentences held out for evaluation (Europarl
devtest2006) are never read.
"""
import argparse
import collections
import gzip
import math
import os
import re
import sys
import unicodedata

MAX_SENSES = 6          # more translations than this: too polysemous to expand
MAX_PHRASE_WORDS = 3    # longer dictionary entries are examples, not terms
MAX_UNIT_WORDS = 40     # longer aligned units cost IBM model 1 too much to learn from
MAX_TREATY_UNITS = 40000
IBM_ITERATIONS = 3
MIN_COUNT = 3           # a learned pair must have been seen together this often
MIN_WEIGHT = 0.08
PER_WORD = 3            # learned translations kept per source word
PIVOT_MAX_SENSES = 2    # a pivot word with more terms in Dutch or English is no guide alone
PIVOT_SCALE = 1.0       # pivot pairs weigh this times the product of their two weights
PIVOT_AGREEMENT = 2     # pivot languages that must agree for a pair past the sense limit
PIVOT_CAP = 0.75        # agreeing pivots never weigh as much as the surest direct pairs

# Stand-ins for "someone"/"something" in dictionary glosses ("zich verbergen",
# "hide oneself"): not words anyone searches for.
PLACEHOLDERS = {"sth", "sb", "something", "someone", "somebody", "oneself", "etc",
                "iets", "iemand", "zich", "enz"}
ENGLISH_WORDS = "/usr/share/dict/british-english"  # Debian's wbritish
DUTCH_WORDS = "/usr/share/dict/dutch"  # Debian's wdutch
# The short second words a glued gloss ends in ("endup", "takein"); other
# second words must be 4+ letters ("incus" is not "inc us").
PARTICLES = {"up", "in", "on", "of", "to", "at", "by", "off", "out", "for", "away", "down",
             "over", "into", "with"}

# Function words and placeholders ("etw. zurücknehmen", "se souvenir") of the
# pivot languages: never a pivot.
PIVOT_FUNCTION_WORDS = {
    "deu": {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem",
            "einen", "und", "oder", "aber", "in", "im", "an", "am", "auf", "aus", "bei", "mit",
            "nach", "von", "vom", "vor", "zu", "zum", "zur", "fur", "uber", "unter", "durch",
            "gegen", "ohne", "um", "sich", "nicht", "es", "er", "sie", "wir", "ihr", "ich", "du",
            "man", "als", "wie", "so", "etw", "jdn", "jdm", "jds", "jd", "ist", "sein", "haben",
            "werden", "dass", "ob", "wenn"},
    "fra": {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "a", "au",
            "aux", "en", "dans", "par", "pour", "sur", "avec", "sans", "se", "s", "qn", "qch",
            "quelqu", "quelque", "chose", "ne", "pas", "que", "qui", "il", "elle", "etre", "avoir"},
    "spa": {"el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "y", "o", "a",
            "al", "en", "con", "por", "para", "sin", "se", "que", "no", "algo", "alguien"},
    "ita": {"il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una", "di", "del", "della",
            "e", "o", "a", "al", "in", "con", "per", "da", "su", "si", "che", "non", "qualcosa",
            "qualcuno"},
    "swe": {"en", "ett", "den", "det", "de", "och", "eller", "i", "pa", "av", "till", "med",
            "for", "om", "som", "sig", "att", "inte", "nagon", "nagot"},
    "por": {"o", "a", "os", "as", "um", "uma", "de", "do", "da", "dos", "das", "e", "ou", "em",
            "no", "na", "com", "por", "para", "sem", "se", "que", "nao", "algo", "alguem"},
}
PIVOT_LANGUAGES = list(PIVOT_FUNCTION_WORDS)

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
WORD = re.compile(r"[^\W\d_]+")


def fold(text):
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def words(text):
    return WORD.findall(fold(text))


def b64(value):
    number = 0
    for char in value:
        number = number * 64 + B64.index(char)
    return number


def dictd_entries(index_path, dict_path):
    """(headword, [translation, ...]) of a dictd dictionary."""
    body = gzip.open(dict_path).read()
    with open(index_path, encoding="utf-8") as index:
        for line in index:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 3 or fields[0].startswith("00database"):
                continue
            text = body[b64(fields[1]):b64(fields[1]) + b64(fields[2])].decode("utf-8", "replace")
            yield fields[0], translations_of(text)


def translations_of(entry):
    """The translations of a FreeDict entry: lines after the headword,
    senses numbered "1. a, b", alternatives separated by commas."""
    out = []
    for line in entry.splitlines()[1:]:
        line = re.sub(r"^\s*\d+\.\s*", "", line).strip()
        if not line or line.startswith(("Note:", "Synonym", "see:", "<")):
            continue
        for part in re.split(r"[,;]", line):
            part = re.sub(r"\(.*?\)|\[.*?\]|<.*?>", "", part).strip()
            if part:
                out.append(part)
    return list(dict.fromkeys(out))


def word_list(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return {fold(line.strip()) for line in f if line.strip()}
    except OSError:
        return set()


def unglued(word, known):
    """FreeDict's English side glues many glosses into one word ("takefire",
    "scrapeoff", "horsechestnut"); a word no word list knows that is two
    known words, the first of 3+ letters, is taken apart."""
    if not known or word in known:
        return [word]
    for cut in range(len(word) - 2, 2, -1):
        rest = word[cut:]
        if word[:cut] in known and rest in known and (len(rest) >= 4 or rest in PARTICLES):
            return [word[:cut], word[cut:]]
    return [word]


def clean_term(text, known=None):
    """A dictionary term as folded words: glued glosses taken apart,
    placeholders dropped; empty when what is left is an abbreviation or a
    letter ("a m", "h bom", "don t") or nothing."""
    out = []
    for word in words(text):
        out.extend(unglued(word, known) if known is not None else [word])
    out = [word for word in out if word not in PLACEHOLDERS]
    if not out or any(len(word) == 1 for word in out):
        return []
    return out


def sense_weight(senses):
    return 0.8 / (1 + 0.25 * (senses - 1))


def dictionary_pairs(folder):
    english_words = word_list(ENGLISH_WORDS)
    pairs = {}
    sources = [("freedict-nld-eng", False), ("freedict-eng-nld", True)]
    for name, english_first in sources:
        index = os.path.join(folder, name + ".index")
        data = os.path.join(folder, name + ".dict.dz")
        if not (os.path.exists(index) and os.path.exists(data)):
            continue
        for head, translations in dictd_entries(index, data):
            if not translations or len(translations) > MAX_SENSES:
                continue
            if len(words(head)) > MAX_PHRASE_WORDS:
                continue
            weight = sense_weight(len(translations))
            for translation in translations:
                if not words(translation) or len(words(translation)) > MAX_PHRASE_WORDS:
                    continue
                dutch, english = (translation, head) if english_first else (head, translation)
                dutch, english = clean_term(dutch), clean_term(english, english_words)
                if not dutch or not english:
                    continue
                key = (" ".join(dutch), " ".join(english))
                pairs[key] = max(pairs.get(key, 0), weight)
    return pairs


def pivot_entries(folder, name):
    """{headword: [translation, ...]} of one FreeDict dictionary into or out of
    a pivot language, the senses of a headword's several entries together;
    quoted examples ("ein Haus bauen" - build a house) left out. Empty when
    the dictionary is not installed."""
    index = os.path.join(folder, name + ".index")
    data = os.path.join(folder, name + ".dict.dz")
    if not (os.path.exists(index) and os.path.exists(data)):
        return {}
    entries = collections.defaultdict(list)
    for head, translations in dictd_entries(index, data):
        for translation in translations:
            if '"' not in translation and translation not in entries[head]:
                entries[head].append(translation)
    return entries


def pivot_side(language, from_pivot, into_pivot, stopwords, known=None):
    """{(term, pivot word): weight} for Dutch or English against one pivot
    language, from the dictionary out of the pivot language and the one into
    it, weight the larger of the sense-discounted weights; and {pivot word:
    how many terms it translates into}."""
    sides = {}

    def add(term_text, pivot_text, weight):
        term = clean_term(term_text, known)
        pivot = [w for w in clean_term(pivot_text) if w not in PIVOT_FUNCTION_WORDS[language]]
        if (not term or not pivot or len(term) > MAX_PHRASE_WORDS or len(pivot) > 2
                or all(w in stopwords for w in term)):
            return
        key = (" ".join(term), " ".join(pivot))
        sides[key] = max(sides.get(key, 0), weight)

    for entries, way in ((from_pivot, "out"), (into_pivot, "in")):
        for head, translations in entries.items():
            if not translations or len(translations) > MAX_SENSES:
                continue
            for translation in translations:
                term, pivot = (translation, head) if way == "out" else (head, translation)
                add(term, pivot, sense_weight(len(translations)))
    senses = collections.Counter(pivot for _, pivot in sides)
    return sides, senses


def pairs_through(folder, language, stopwords, english_words):
    """{(dutch, english): (weight, sure)} through one pivot language: the
    product of the two sense-discounted weights, sure when the pivot word has
    at most PIVOT_MAX_SENSES terms in either language."""
    def dictionaries(other):
        return (pivot_entries(folder, f"freedict-{language}-{other}"),
                pivot_entries(folder, f"freedict-{other}-{language}"))
    nl_side, nl_senses = pivot_side(language, *dictionaries("nld"), stopwords["nl"])
    en_side, en_senses = pivot_side(language, *dictionaries("eng"), stopwords["en"],
                                    known=english_words)
    dutch_by_pivot = collections.defaultdict(list)
    for (dutch, pivot), weight in nl_side.items():
        dutch_by_pivot[pivot].append((dutch, weight))
    pairs = {}
    for (english, pivot), en_weight in en_side.items():
        sure = max(nl_senses[pivot], en_senses[pivot]) <= PIVOT_MAX_SENSES
        for dutch, nl_weight in dutch_by_pivot.get(pivot, ()):
            weight = nl_weight * en_weight
            old_weight, old_sure = pairs.get((dutch, english), (0, False))
            pairs[(dutch, english)] = (max(old_weight, weight), old_sure or sure)
    return pairs


def agreed_weight(weights):
    """A pair's weight from its weights through each pivot language: one
    pivot gives its product (at most 0.64); each further language that
    agrees takes away part of the doubt, 1-(1-a)(1-b)..., capped below the
    surest direct pairs."""
    doubt = 1.0
    for weight in weights:
        doubt *= 1 - PIVOT_SCALE * weight
    return min(PIVOT_CAP, 1 - doubt)


def pivot_pairs(folder, stopwords, direct, languages=PIVOT_LANGUAGES):
    """Dutch-English pairs through the pivot languages (see the docstring),
    leaving out the pairs a direct source already has: {(dutch, english):
    weight}, the languages each was reached through ("deu+fra"), and the
    pairs German alone gives under the sense limit."""
    english_words = word_list(ENGLISH_WORDS)
    through = collections.defaultdict(dict)  # pair -> {language: (weight, sure)}
    for language in languages:
        for pair, found in pairs_through(folder, language, stopwords, english_words).items():
            if pair not in direct:
                through[pair][language] = found
    pairs, languages_of = {}, {}
    for pair, by_language in through.items():
        if len(by_language) >= PIVOT_AGREEMENT:
            weights = [weight for weight, _ in by_language.values()]
        else:
            weights = [weight for weight, sure in by_language.values() if sure]
        if not weights:
            continue
        pairs[pair] = round(agreed_weight(weights), 3)
        languages_of[pair] = "+".join(sorted(by_language))
    through_german = {pair for pair, by_language in through.items()
                      if by_language.get("deu", (0, False))[1]}
    return pairs, languages_of, through_german


def gap_fillers(languages_of, through_german, translated, known):
    """The pivot pairs German alone does not give, kept only in the
    direction whose term no other source translates (so they never push a
    direct or learned translation out of a word's surest few) and only when
    the word lists of both languages know every word (the newer FreeDict
    dictionaries put definitions, "een financiele instelling", "stad",
    where translations go): {(dutch, english): "nl"|"en"|"both"}."""
    ways = {}
    for (dutch, english), found in languages_of.items():
        if (dutch, english) in through_german:
            ways[dutch, english] = "both"
            continue
        if not all(w in known["nl"] for w in dutch.split()) or \
                not all(w in known["en"] for w in english.split()):
            continue
        from_dutch = dutch not in translated["nl"]
        from_english = english not in translated["en"]
        if from_dutch or from_english:
            ways[dutch, english] = "both" if from_dutch and from_english else (
                "nl" if from_dutch else "en")
    return ways


def europarl_units(folder):
    units = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".nl") or name.startswith("devtest"):
            continue
        english = os.path.join(folder, name[:-3] + ".en")
        if not os.path.exists(english):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as nl, \
                open(english, encoding="utf-8") as en:
            units.extend(zip(nl, en))
    return units


ARTICLE = re.compile(r"^#+\s*(Article|Artikel)\s+(\w+)", re.M)


def treaty_units(folder):
    """Article n in English against Artikel n in Dutch, sentence by sentence
    when both have as many sentences, else whole."""
    units = []
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
            text = f.read()
        articles = {"Article": {}, "Artikel": {}}
        marks = list(ARTICLE.finditer(text))
        for mark, following in zip(marks, marks[1:] + [None]):
            end = following.start() if following else len(text)
            articles[mark.group(1)].setdefault(mark.group(2), text[mark.end():end])
        for number, english in articles["Article"].items():
            dutch = articles["Artikel"].get(number)
            if dutch is None:
                continue
            en_sentences = re.split(r"(?<=[.;:])\s+", english.strip())
            nl_sentences = re.split(r"(?<=[.;:])\s+", dutch.strip())
            if len(en_sentences) == len(nl_sentences):
                units.extend(zip(nl_sentences, en_sentences))
            else:
                units.append((dutch, english))
        if len(units) >= MAX_TREATY_UNITS:
            break
    return units[:MAX_TREATY_UNITS]


def ibm1(units, iterations):
    """t[source][target] = P(target | source), source words including None."""
    t = collections.defaultdict(dict)
    for source, target in units:
        for s in source + [None]:
            row = t[s]
            for w in target:
                row[w] = 1.0
    for _ in range(iterations):
        counts = {s: {} for s in t}
        for source, target in units:
            sources = source + [None]
            rows = [t[s] for s in sources]
            tallies = [counts[s] for s in sources]
            for w in target:
                probabilities = [row[w] for row in rows]
                total = sum(probabilities)
                for tally, p in zip(tallies, probabilities):
                    tally[w] = tally.get(w, 0.0) + p / total
        t = collections.defaultdict(dict)
        for s, row in counts.items():
            norm = sum(row.values())
            if norm:
                t[s] = {w: c / norm for w, c in row.items()}
    return t


def learned_pairs(units):
    tokenised = []
    for dutch, english in units:
        nl, en = words(dutch), words(english)
        if nl and en and len(nl) <= MAX_UNIT_WORDS and len(en) <= MAX_UNIT_WORDS:
            tokenised.append((nl, en))
    together = collections.Counter()
    for nl, en in tokenised:
        for pair in {(n, e) for n in set(nl) for e in set(en)}:
            together[pair] += 1
    en_given_nl = ibm1(tokenised, IBM_ITERATIONS)
    nl_given_en = ibm1([(en, nl) for nl, en in tokenised], IBM_ITERATIONS)
    scored = collections.defaultdict(list)
    for (n, e), count in together.items():
        if count < MIN_COUNT or len(n) == 1 or len(e) == 1:  # "s" of "'s", not a word
            continue
        weight = math.sqrt(en_given_nl[n].get(e, 0) * nl_given_en[e].get(n, 0))
        if weight >= MIN_WEIGHT:
            scored[n].append((weight, e))
    pairs = {}
    for n, candidates in scored.items():
        for weight, e in sorted(candidates, reverse=True)[:PER_WORD]:
            pairs[(n, e)] = round(weight, 3)
    return pairs, len(tokenised)


def function_words(path):
    """The stopwords of analysis/function_words.cc by language: the one list
    the searcher drops from queries, so dropped from the terms too."""
    lists = {"nl": set(), "en": set()}
    if not path:
        return lists
    with open(path, encoding="utf-8") as f:
        source = f.read()
    for name, language in (("kDutch", "nl"), ("kEnglish", "en")):
        body = re.search(r"FunctionWord " + name + r"\[\] = \{(.*?)\};", source, re.S)
        if body:
            for word, uses in re.findall(r'\{"([^"]+)",\s*([^}]*)\}', body.group(1)):
                if "kStopword" in uses:
                    lists[language].add(word)
    return lists


def by_bytes(lines):
    """Sorted as the C++ side compares strings; a pair both sources give
    stays twice (the searcher combines their weights)."""
    return sorted(lines, key=lambda line: line.encode("utf-8"))


def literal(name, lines):
    return f'constexpr char {name}[] = R"lexicon(' + "".join(line + "\n" for line in lines) + \
        ')lexicon";\n'


def cpp_literals(rows, stopwords):
    """The pairs as analysis/lexicon.cc reads them (see the docstring)."""
    from_dutch, from_english, dutch_words, english_words = [], [], set(), set()
    for dutch, english, weight, source in rows:
        nl = [w for w in dutch.split() if w not in stopwords["nl"]]
        en = [w for w in english.split() if w not in stopwords["en"]]
        if not nl or not en:
            continue
        way = source.rsplit(":", 1)[-1]  # a pivot pair may be used one way only
        if way in ("nl", "both") or not source.startswith("pivot"):
            from_dutch.append(f"{' '.join(nl)}\t{' '.join(en)}\t{weight:.3f}")
            dutch_words.update(nl)
        if way in ("en", "both") or not source.startswith("pivot"):
            from_english.append(f"{' '.join(en)}\t{' '.join(nl)}\t{weight:.3f}")
            english_words.update(en)
    one_word_dutch = {line.split("\t")[0] for line in from_dutch}
    one_word_dutch = [term for term in one_word_dutch if " " not in term]
    return "".join([literal("kFromDutch", by_bytes(from_dutch)),
                    literal("kFromEnglish", by_bytes(from_english)),
                    literal("kDutchWords", by_bytes(dutch_words)),
                    literal("kEnglishWords", by_bytes(english_words)),
                    literal("kDutchTerms", by_bytes(one_word_dutch))])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--freedict", default="/usr/share/dictd")
    parser.add_argument("--europarl", help="folder of Europarl .nl/.en twins")
    parser.add_argument("--treaties", help="folder of English-Dutch treaties")
    parser.add_argument("--function-words", help="analysis/function_words.cc")
    parser.add_argument("--pivots", default=",".join(PIVOT_LANGUAGES),
                        help="pivot languages, comma-separated FreeDict codes")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    dictionary = dictionary_pairs(args.freedict)
    units, used = [], []
    if args.europarl and os.path.isdir(args.europarl):
        units += europarl_units(args.europarl)
        used.append("europarl")
    if args.treaties and os.path.isdir(args.treaties):
        units += treaty_units(args.treaties)
        used.append("treaties")
    learned, aligned = learned_pairs(units) if units else ({}, 0)
    stopwords = function_words(args.function_words)
    pivot, pivot_languages, through_german = pivot_pairs(
        args.freedict, stopwords, dictionary.keys() | learned.keys(),
        [code for code in args.pivots.split(",") if code])
    translated = {"nl": set(), "en": set()}
    for dutch, english in list(dictionary) + list(learned) + list(through_german):
        translated["nl"].add(dutch)
        translated["en"].add(english)
    known = {"nl": word_list(DUTCH_WORDS), "en": word_list(ENGLISH_WORDS)}
    ways = gap_fillers(pivot_languages, through_german, translated, known)
    pivot = {pair: weight for pair, weight in pivot.items() if pair in ways}

    rows = [(n, e, w, "freedict") for (n, e), w in dictionary.items()]
    rows += [(n, e, w, "parallel") for (n, e), w in learned.items()]
    rows += [(n, e, w, f"pivot:{pivot_languages[n, e]}:{ways[n, e]}")
             for (n, e), w in pivot.items()]
    agreeing = collections.Counter(len(pivot_languages[pair].split("+")) for pair in pivot)
    lines = ["# dutch\tenglish\tweight\tsource (generated by scripts/build-lexicon.py)",
             f"# freedict pairs {len(dictionary)}; parallel units {aligned} from "
             f"{'+'.join(used) or 'none'}; learned pairs {len(learned)}; "
             f"through other languages {len(pivot)} "
             f"(by how many agree: {dict(sorted(agreeing.items()))})"]
    lines += [f"{n}\t{e}\t{w:.3f}\t{source}" for n, e, w, source in sorted(rows)]
    text = "\n".join(lines) + "\n"
    if args.out.endswith(".inc"):  # C++ string literals, for lexicon.cc to include
        text = cpp_literals(rows, stopwords)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out + ".tmp", "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(args.out + ".tmp", args.out)
    print(f"build-lexicon: {len(rows)} pairs ({len(dictionary)} dictionary, "
          f"{len(learned)} learned from {aligned} aligned units, "
          f"{len(pivot)} through other languages)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
