// Citations of Kamerstukken introduced by a word: "Kamerstuk(ken) ...",
// "stuk nr. 211", "nr. 199 (31311)", "dossier 31832", "wetsvoorstellen ...".
#include "corpus/citations/scanner.h"

namespace kamerzoek::corpus::citations {

void Scanner::add_kamerstukken(Match& m, const string& dossier,
                               const std::vector<string>& numbers) {
    for (const string& nr : numbers) {
        m.ids.push_back(OfficialId::kamerstuk(dossier, nr));
    }
}

// A dossier and its numbers at p; appends to m and returns the end. After
// "Kamerstuk I" (ek_letters) a paper's letter may follow the dossier after a
// space, as KOOP writes it: "Kamerstuk I 31145 AA".
size_t Scanner::parse_kamerstuk_body(size_t p, bool legal_style, Match& m, bool ek_letters) const {
    auto d = parse_keyword_dossier(p);
    if (!d) return kNone;
    Numbers numbers = parse_document_numbers(*d, legal_style);
    if (numbers.values.empty() && ek_letters) numbers = parse_spaced_letter(d->end);
    if (numbers.values.empty()) {
        m.ids.push_back(OfficialId::dossier(d->id));
        return d->end;
    }
    add_kamerstukken(m, d->id, numbers.values);
    return numbers.end;
}

// After a keyword: one or more dossiers/papers separated by "," "en" ";".
size_t Scanner::parse_kamerstuk_list(size_t p, bool legal_style, Match& m, bool ek_letters) const {
    size_t end = parse_kamerstuk_body(p, legal_style, m, ek_letters);
    if (end == kNone) return kNone;
    while (m.ids.size() < kMaxIds) {
        const auto sep = parse_separator(skip_ws(end));
        if (!sep || sep->second) break;
        size_t q = skip_ws(sep->first);
        bool legal = legal_style;
        // "(Kamerstukken II 2021/22, 36 021, nr. 6; I 2022/23, 36 021, B)": a
        // new chamber and session before the next paper.
        if (const Session next = parse_session(q); !next.year.empty()) {
            q = skip_comma(next.end);
            legal = true;
        }
        Match more;
        const size_t e = parse_kamerstuk_body(q, legal, more);
        if (e == kNone) break;
        m.ids.insert(m.ids.end(), more.ids.begin(), more.ids.end());
        end = e;
    }
    return skip_pages(end);
}

// "Kamerstuk 34 300 V, nr. 30", "Kamerstukken II 2015/16, 34 300 V, nr. 30",
// "Kamerstuk 30111-108", "kamerstuknummer 21501-07-1398", "Kamerstuk nr. 5".
std::optional<Match> Scanner::try_kamerstuk(size_t p) const {
    size_t e = match_word(p, "kamerstuk", false);
    if (e == kNone) return std::nullopt;
    bool numbered = false;
    for (string_view suffix : {"ken", "nummers", "nummer", "nrs", "nr"}) {
        if (size_t r = match_word(e, suffix, false); r != kNone) {
            numbered = suffix[0] == 'n';
            e = r;
            if (at(e) == '.') ++e;
            break;
        }
    }
    if (is_letter(at(e))) return std::nullopt;
    if (!numbered) {
        if (auto relative = try_relative_numbers(p, skip_ws(e))) return relative;
    }
    const Session session = parse_session(e);
    Match m;
    m.begin = p;
    const size_t q = session.end == e ? skip_ws(e) : skip_comma(session.end);
    // A chamber alone also allows the legal style: "Kamerstuk TK 31.700XII, 6".
    const bool legal_style = !session.year.empty() || !session.chamber.empty();
    m.end = parse_kamerstuk_list(q, legal_style, m, session.chamber == "ek");
    if (m.end == kNone) return std::nullopt;
    return m;
}

// "stuk nr. 211", "stukken nrs. 5 en 6": papers of the dossier in hand.
std::optional<Match> Scanner::try_relative(size_t p) const {
    size_t e = match_word(p, "stukken");
    if (e == kNone) e = match_word(p, "stuk");
    if (e == kNone) return std::nullopt;
    return try_relative_numbers(p, skip_ws(e));
}

std::optional<Match> Scanner::try_relative_numbers(size_t begin, size_t p) const {
    const size_t e = match_nr_word(p);
    if (e == kNone) return std::nullopt;
    auto list = parse_list(skip_ws(e), true);
    if (!list) return std::nullopt;
    Match m;
    m.begin = begin;
    m.end = list->end;
    // "stuk nr. 199 (31311)" names its dossier after all.
    if (auto named = dossier_in_parentheses(list->end)) {
        add_kamerstukken(m, named->id, list->values);
        m.end = named->end + 1;
        return m;
    }
    if (context_.empty()) return std::nullopt;
    add_kamerstukken(m, context_, list->values);
    return m;
}

// "Zij krijgt nr. 199 (31311)." in the Handelingen.
std::optional<Match> Scanner::try_number_then_dossier(size_t p) const {
    const size_t e = match_nr_word(p);
    if (e == kNone) return std::nullopt;
    auto list = parse_list(skip_ws(e), false);
    if (!list) return std::nullopt;
    auto d = dossier_in_parentheses(list->end);
    if (!d) return std::nullopt;
    Match m;
    m.begin = p;
    m.end = d->end + 1;
    add_kamerstukken(m, d->id, list->values);
    return m;
}

// "dossier 31832", "wetsvoorstellen 31815, 31816 en 31840".
std::optional<Match> Scanner::try_dossier_word(size_t p) const {
    size_t e = kNone;
    for (string_view w : {"dossiernummers", "dossiernummer", "dossiers", "dossier",
                          "wetsvoorstellen", "wetsvoorstel"}) {
        if ((e = match_word(p, w)) != kNone) break;
    }
    if (e == kNone) return std::nullopt;
    size_t q = skip_ws(e);
    if (at(q) == ':') q = skip_ws(q + 1);
    Match m;
    m.begin = p;
    m.end = parse_kamerstuk_list(q, false, m);
    if (m.end == kNone) return std::nullopt;
    return m;
}

}  // namespace kamerzoek::corpus::citations
