// Numbers without a keyword that are still Kamerstukken or dossiers:
// "34 300 V, nr. 30", "30111-109", "Wet ... (33 308)".
#include "corpus/citations/scanner.h"

namespace kamerzoek::corpus::citations {

bool Scanner::excluded_by_previous_word(size_t p) const {
    static constexpr std::array<string_view, 25> kWords = {
        "blz",  "blz.",     "bladzijde",      "p.",  "pp.",     "pag.",       "pagina", "tel",
        "tel.", "telefoon", "telefoonnummer", "fax", "postbus", "artikel",    "art.",   "lid",
        "isbn", "issn",     "\xE2\x82\xAC",   "eur", "euro",    "huisnummer", "stcrt.", "stb.",
        "trb."};
    const string word = previous_word(p);
    return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

std::optional<Match> Scanner::try_bare(size_t p) const {
    auto d = parse_dossier(p);
    if (!d || d->number < kMinDossier || d->number > kMaxDossier) return std::nullopt;
    if (excluded_by_previous_word(p)) return std::nullopt;
    Match m;
    m.begin = p;
    const Numbers numbers = parse_document_numbers(*d, false);
    const bool spelled_nr = numbers.end != kNone && nr_word_follows(d->end);
    if (!numbers.values.empty() && (spelled_nr || !d->grouped || !d->plain)) {
        add_kamerstukken(m, d->id, numbers.values);
        m.end = skip_pages(numbers.end);
        return m;
    }
    // "34300-V", "21501-07", "34417-(R2068)": compact and unmistakable.
    if (!d->plain && (!d->grouped || d->attached)) {
        m.ids.push_back(OfficialId::dossier(d->id));
        m.end = d->end;
        return m;
    }
    if (titled_dossier_in_parentheses(p, *d)) {
        m.ids.push_back(OfficialId::dossier(d->id));
        m.end = d->end;
        return m;
    }
    return std::nullopt;
}

// "Wet auteurscontractenrecht (33 308)", "Awgb-dossier (31832)": a bare
// dossier number in parentheses after the title of a bill.
bool Scanner::titled_dossier_in_parentheses(size_t p, const Dossier& d) const {
    if (p == 0 || s_[p - 1] != '(' || at(d.end) != ')') return false;
    const size_t from = p > 160 ? p - 160 : 0;
    string before;
    for (size_t i = from; i + 1 < p; ++i) before += to_lower(s_[i]);
    size_t stop = 0;
    for (const size_t found : {before.rfind(". "), before.rfind(')'), before.rfind(';')}) {
        if (found != string::npos) stop = std::max(stop, found);
    }
    const string title = before.substr(stop);
    for (string_view w : {"wet", "begroting", "dossier", "voorstel", "verdrag"}) {
        if (title.find(w) != string::npos) return true;
    }
    return false;
}

}  // namespace kamerzoek::corpus::citations
