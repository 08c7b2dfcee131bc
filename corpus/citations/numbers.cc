// Number lists and ranges ("items 3, 4 en 7", "nrs. 1-3"), session years and
// chambers ("II 2015/16"), and page numbers that end a citation.
#include "corpus/citations/scanner.h"

namespace kamerzoek::corpus::citations {

// One value of a list: digits (at most max_digits) or, for papers, one or
// two capitals of the Eerste Kamer ("nr. E") or digits with a letter
// ("nr. 42e").
std::optional<std::pair<string, size_t>> Scanner::parse_value(size_t p, bool letters,
                                                              size_t max_digits) const {
    if (is_digit(at(p))) {
        size_t e = digits_end(p);
        if (letters && at(e) >= 'a' && at(e) <= 'z' && !is_letter(at(e + 1)) &&
            !is_digit(at(e + 1))) {
            ++e;
            if (e - 1 - p > max_digits || at(p) == '0') return std::nullopt;
            return std::make_pair(string(s_.substr(p, e - p)), e);
        }
        if (e - p > max_digits || is_letter(at(e)) || at(p) == '0') return std::nullopt;
        // "2015/16" or a grouped "34 300" starts something else.
        if (at(e) == '/') return std::nullopt;
        if (starts_group(e)) return std::nullopt;
        return std::make_pair(string(s_.substr(p, e - p)), e);
    }
    if (letters && is_upper(at(p))) {
        size_t e = p + 1;
        if (is_upper(at(e))) ++e;
        if (is_letter(at(e)) || is_digit(at(e))) return std::nullopt;
        // "nr. 6; I 2022/23, ...": a chamber before the next session.
        if (parse_year(skip_ws(e))) return std::nullopt;
        return std::make_pair(string(s_.substr(p, e - p)), e);
    }
    return std::nullopt;
}

// Length of the gap inside "34 300": a few spaces, at most one line
// break, then exactly three digits. 0 when there is no such group.
size_t Scanner::group_gap(size_t p) const {
    size_t q = p, newlines = 0;
    while (size_t n = space_len(q)) {
        newlines += at(q) == '\n';
        q += n;
        if (q - p > 4) return 0;
    }
    if (q == p || newlines > 1) return 0;
    const size_t e = digits_end(q);
    return e - q == 3 ? q - p : 0;
}

// Separators of a list: returns (end of separator, is_range).
std::optional<std::pair<size_t, bool>> Scanner::parse_separator(size_t p) const {
    if (at(p) == ',' || at(p) == '&' || at(p) == ';') return std::make_pair(p + 1, false);
    if (size_t e = match_word(p, "en"); e != kNone) return std::make_pair(e, false);
    if (size_t e = match_word(p, "t/m", false); e != kNone) return std::make_pair(e, true);
    if (size_t e = match_word(p, "tot"); e != kNone) {
        const size_t q = match_word(skip_ws(e), "en");
        const size_t r = q == kNone ? kNone : match_word(skip_ws(q), "met");
        return std::make_pair(r == kNone ? e : r, true);
    }
    if (size_t n = dash_len(p)) return std::make_pair(p + n, true);
    return std::nullopt;
}

// "5", "5 en 16", "3, 4 en 7", "5 tot en met 8", "1–3", "A en B".
std::optional<NumberList> Scanner::parse_list(size_t p, bool letters) const {
    auto first = parse_value(p, letters);
    if (!first) return std::nullopt;
    NumberList list;
    list.values.push_back(first->first);
    list.end = first->second;
    while (list.values.size() < kMaxIds) {
        const auto sep = parse_separator(skip_ws(list.end));
        if (!sep) break;
        const auto next = parse_value(skip_ws(sep->first), letters);
        if (!next) break;
        if (sep->second && !append_range(list.values, next->first)) break;
        if (!sep->second) list.values.push_back(next->first);
        list.end = next->second;
    }
    return list;
}

bool Scanner::append_range(std::vector<string>& values, const string& last) {
    const string& from = values.back();
    if (!is_digit(from[0]) || !is_digit(last[0])) {
        values.push_back(last);
        return true;
    }
    const int a = to_int(from), b = to_int(last);
    if (b <= a || b - a > kMaxRange) return false;
    if (values.size() + static_cast<size_t>(b - a) > kMaxIds) return false;
    for (int v = a + 1; v <= b; ++v) values.push_back(std::to_string(v));
    return true;
}

// "2015/16", "2015-2016", "2015–16", "1999/2000", "1985/- 86" -> "20152016".
std::optional<std::pair<string, size_t>> Scanner::parse_year(size_t p) const {
    size_t e = digits_end(p);
    if (e - p != 4) return std::nullopt;
    const int first = to_int(s_.substr(p, 4));
    if (first < 1800 || first > 2099) return std::nullopt;
    size_t q = skip_ws(e);
    bool slash = false;
    if (at(q) == '/') {
        slash = true;
        ++q;
    } else if (size_t n = dash_len(q)) {
        q += n;
    } else {
        return std::nullopt;
    }
    if (slash) {
        if (size_t n = dash_len(q)) q += n;  // a line-break hyphen after the slash
    }
    q = skip_ws(q);
    const size_t end = digits_end(q);
    const int next = first + 1;
    bool ok = false;
    if (end - q == 2) ok = to_int(s_.substr(q, 2)) == next % 100;
    if (end - q == 4) ok = to_int(s_.substr(q, 4)) == next;
    if (!ok || is_letter(at(end))) return std::nullopt;
    return std::make_pair(std::to_string(first) + std::to_string(next), end);
}

// "II", "I", "11" (OCR of II), "Tweede Kamer", "TK", "EK", "T.K.".
std::optional<std::pair<string, size_t>> Scanner::parse_chamber(size_t p) const {
    size_t start = p;
    for (string_view w : {"van de", "der"}) {
        if (size_t e = match_word(p, w); e != kNone) start = skip_ws(e);
    }
    struct Form {
        string_view text;
        const char* chamber;
    };
    static constexpr std::array<Form, 11> kForms = {{{"Tweede Kamer", "tk"},
                                                     {"Eerste Kamer", "ek"},
                                                     {"T.K.", "tk"},
                                                     {"E.K.", "ek"},
                                                     {"TK", "tk"},
                                                     {"EK", "ek"},
                                                     {"II", "tk"},
                                                     {"11", "tk"},
                                                     {"I", "ek"},
                                                     {"2", "tk"},
                                                     {"1", "ek"}}};
    for (const Form& form : kForms) {
        size_t e = match_exact(start, form.text);
        if (e == kNone || is_letter(at(e)) || is_digit(at(e))) continue;
        return std::make_pair(string(form.chamber), e);
    }
    return std::nullopt;
}

// Chamber and/or session year, each optional, with optional commas.
Session Scanner::parse_session(size_t p) const {
    Session session;
    session.end = p;
    size_t q = skip_ws(p);
    if (auto chamber = parse_chamber(q)) {
        const size_t r = skip_comma(chamber->second);
        if (auto year = parse_year(skip_vergaderjaar(r))) {
            session.chamber = chamber->first;
            session.year = year->first;
            session.end = year->second;
            return session;
        }
        // "11" (OCR of "II"), and KOOP's "2" and "1", only count before a year.
        if (is_digit(at(q))) return session;
        session.chamber = chamber->first;
        session.end = chamber->second;
        q = skip_ws(session.end);
    }
    if (auto year = parse_year(skip_vergaderjaar(q))) {
        session.year = year->first;
        session.end = year->second;
    }
    return session;
}

// "Kamerstukken II, vergaderjaar 2015-2016, ..."
size_t Scanner::skip_vergaderjaar(size_t p) const {
    const size_t e = match_word(p, "vergaderjaar");
    return e == kNone ? p : skip_ws(e);
}

// ", p. 3", ", blz 53-69": part of the citation, but no part of the id.
size_t Scanner::skip_pages(size_t p) const {
    const size_t q = skip_comma(p);
    for (string_view w : {"blz", "bladzijde", "pagina", "pag", "pp", "p"}) {
        size_t e = match_word(q, w);
        if (e == kNone) continue;
        if (at(e) == '.') ++e;
        e = skip_ws(e);
        const size_t first = digits_end(e);
        if (first == e) return p;
        size_t end = first;
        if (size_t n = dash_len(first)) {
            const size_t last = digits_end(first + n);
            if (last > first + n) end = last;
        }
        return end;
    }
    return p;
}

}  // namespace kamerzoek::corpus::citations
