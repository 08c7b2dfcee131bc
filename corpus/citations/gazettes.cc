// Citations of the gazettes: "Staatsblad 2020, 118", "Stb. 2020, 118",
// "Stcrt. 2015, 47076", "Trb. 1956, nr. 75", "(*Stb.* 1990, 394)". A gazette
// number is only an id with its year, written after the keyword or as the
// date of the act just before it ("wet van 21 april 1884, Stb. 96"):
// "Stb. 565" and "Stb. 1947, H 165" (the lettered series of 1944-1950) give
// nothing.
#include "corpus/citations/scanner.h"

namespace kamerzoek::corpus::citations {
namespace {

struct GazetteWord {
    string_view word;
    OfficialIdKind kind;
};

constexpr std::array<GazetteWord, 6> kGazetteWords = {{
    {"staatsblad", OfficialIdKind::kStaatsblad},
    {"stb", OfficialIdKind::kStaatsblad},
    {"staatscourant", OfficialIdKind::kStaatscourant},
    {"stcrt", OfficialIdKind::kStaatscourant},
    {"tractatenblad", OfficialIdKind::kTractatenblad},
    {"trb", OfficialIdKind::kTractatenblad},
}};

// Gazette numbers run to six digits (Staatscourant 2015, 47076).
constexpr size_t kMaxGazetteDigits = 6;

constexpr std::array<string_view, 12> kMonths = {"januari",   "februari", "maart",    "april",
                                                 "mei",       "juni",     "juli",     "augustus",
                                                 "september", "oktober",  "november", "december"};

}  // namespace

std::optional<Match> Scanner::try_gazette(size_t p) const {
    for (const GazetteWord& gazette : kGazetteWords) {
        size_t e = match_word(p, gazette.word);
        if (e == kNone) continue;
        if (at(e) == '.') ++e;
        if (at(e) == '*' || at(e) == '_') ++e;  // Markdown emphasis: "*Stb.* 1990, 394"
        const size_t year = skip_ws(e);
        string_view year_text;
        size_t q = year;
        if (is_gazette_year(year) &&
            (at(skip_ws(year + 4)) == ',' || at(skip_ws(year + 4)) == '/')) {
            year_text = s_.substr(year, 4);
            q = skip_ws(skip_ws(year + 4) + 1);
            if (size_t nr = match_nr_word(q); nr != kNone) q = skip_ws(nr);
        } else {
            // "wet van 21 april 1884, Stb. 96": the year is the act's.
            year_text = year_of_date_before(p);
            if (year_text.empty() || is_gazette_year(q)) return std::nullopt;
        }
        const size_t number_end = gazette_number_end(q);
        if (number_end == kNone) return std::nullopt;
        Match m;
        m.begin = p;
        m.end = number_end;
        m.ids.push_back(OfficialId::gazette(gazette.kind, year_text, s_.substr(q, number_end - q)));
        return m;
    }
    return std::nullopt;
}

bool Scanner::is_gazette_year(size_t p) const {
    const size_t e = digits_end(p);
    if (e - p != 4 || is_letter(at(e))) return false;
    const int value = to_int(s_.substr(p, 4));
    return value >= 1800 && value <= 2099;
}

// The end of a gazette number at p ("118"), or kNone.
size_t Scanner::gazette_number_end(size_t p) const {
    const size_t e = digits_end(p);
    if (e == p || e - p > kMaxGazetteDigits || at(p) == '0') return kNone;
    if (is_letter(at(e)) || dash_len(e)) return kNone;
    if ((at(e) == '.' || at(e) == ',') && is_digit(at(e + 1))) return kNone;
    return e;
}

// The year of a date written just before p: "21 april 1884, " or
// "13 september 1935, *" or "25 januari 1977 (*"; empty when there is none.
string_view Scanner::year_of_date_before(size_t p) const {
    size_t e = p;
    for (int i = 0; i < 4 && e > 0 && string_view(" (,*_").find(s_[e - 1]) != string_view::npos;
         ++i) {
        --e;
    }
    if (e < 4 || !is_gazette_year(e - 4) || (e > 4 && is_digit(s_[e - 5]))) return {};
    const size_t year = e - 4;
    size_t month_end = year;
    if (month_end == 0 || s_[month_end - 1] != ' ') return {};
    --month_end;
    size_t month_begin = month_end;
    while (month_begin > 0 && is_letter(s_[month_begin - 1]) && month_end - month_begin < 10) {
        --month_begin;
    }
    string month;
    for (size_t i = month_begin; i < month_end; ++i) month += to_lower(s_[i]);
    for (string_view name : kMonths) {
        if (month == name) return s_.substr(year, 4);
    }
    return {};
}

}  // namespace kamerzoek::corpus::citations
