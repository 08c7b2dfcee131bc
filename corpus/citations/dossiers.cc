// Dossier numbers ("34 300", "34300-V", "21501-07", "34417-(R2068)") and the
// document numbers that follow them ("-30", ", nr. 30").
#include "corpus/citations/scanner.h"

namespace kamerzoek::corpus::citations {

// parse_citation() accepts a lone dossier ("34300-V", "30111").
std::optional<Dossier> Scanner::whole_dossier() const {
    auto d = parse_dossier(0);
    if (d && d->end == s_.size()) return d;
    return std::nullopt;
}

// "34300", "34 300", with a chapter ("V", "-XV", ".VIII"), a sub-dossier
// ("21501-30" when a number follows) or an R-number ("(R2068)").
std::optional<Dossier> Scanner::parse_dossier(size_t p) const {
    Dossier d;
    size_t e = digits_end(p);
    string digits;
    if (e - p == 5) {
        digits = string(s_.substr(p, 5));
    } else if (e - p == 2 && starts_group(e)) {
        const size_t q = e + group_gap(e);
        digits = string(s_.substr(p, 2)) + string(s_.substr(q, 3));
        e = q + 3;
        d.grouped = true;
    } else {
        return std::nullopt;
    }
    if (digits[0] == '0' || is_letter(at(e)) || starts_group(e)) return std::nullopt;
    d.number = to_int(digits);
    d.id = digits;
    d.end = e;
    parse_r_number(d);
    if (!parse_chapter(d)) parse_sub_dossier(d);
    parse_r_number(d);
    return d;
}

// "(R2068)", " (R2068)", "-(R2068)", "-R2068".
void Scanner::parse_r_number(Dossier& d) const {
    if (d.id.find("-R") != string::npos) return;
    size_t q = d.end;
    if (size_t n = dash_len(q)) {
        q += n;
    } else if (space_len(q)) {
        q = skip_ws(q);
        if (at(q) != '(') return;
    }
    const bool paren = at(q) == '(';
    if (paren) ++q;
    if (at(q) != 'R') return;
    const size_t r = skip_ws(q + 1);
    const size_t e = digits_end(r);
    if (e == r || e - r > 5) return;
    size_t end = e;
    if (paren) {
        if (at(e) != ')') return;
        ++end;
    } else if (is_letter(at(e))) {
        return;
    }
    d.id += "-R" + string(s_.substr(r, e - r));
    d.plain = false;
    d.attached = true;
    d.end = end;
}

bool Scanner::parse_chapter(Dossier& d) const {
    size_t q = d.end;
    bool attached = true;
    if (size_t n = dash_len(q)) {
        q += n;
    } else if (at(q) == '.') {
        ++q;
    } else if (space_len(q)) {
        q = skip_ws(q);
        attached = false;
    } else {
        return false;
    }
    size_t e = q;
    while (is_upper(at(e)) && e - q < 6) ++e;
    if (e == q || is_letter(at(e)) || is_digit(at(e))) return false;
    const string_view token = s_.substr(q, e - q);
    if (!is_chapter(token)) return false;
    // After a space, a fund letter ("36 200 B") needs ", nr." to follow:
    // a capital on its own is too often something else.
    // Across a line break only with ", nr." after it, too.
    const bool loose = !is_chapter_roman(token) || has_newline(d.end, q);
    if (!attached && loose && !nr_word_follows(e)) return false;
    d.id += "-" + string(token);
    d.plain = false;
    d.attached = attached;
    d.end = e;
    return true;
}

bool Scanner::is_chapter_roman(string_view token) {
    return token.find_first_not_of("IVX") == string_view::npos;
}

// "-30" is a sub-dossier when the document number still follows
// ("21501-30-374", "21 501-30, nr. 374") or when it has a leading zero
// ("21501-07"); otherwise "30111-109" is dossier and number.
void Scanner::parse_sub_dossier(Dossier& d) const {
    const size_t n = dash_len(d.end);
    if (n == 0) return;
    const size_t q = d.end + n;
    const size_t e = digits_end(q);
    if (e == q || e - q > 3 || is_letter(at(e))) return;
    const bool leading_zero = at(q) == '0' && e - q == 2;
    const bool number_follows = compact_number_at(e) || nr_word_follows(e);
    // Dossier 21501 (EU councils) consists of sub-dossiers only.
    const bool always_split = d.number == kSplitDossier;
    if (!leading_zero && !number_follows && !always_split) return;
    if (at(q) == '0' && !leading_zero) return;
    d.id += "-" + string(s_.substr(q, e - q));
    d.plain = false;
    d.attached = true;
    d.end = e;
}

// "-374" right after a dossier, also broken over a line ("21501-07-\n1399").
bool Scanner::compact_number_at(size_t p) const {
    const size_t n = dash_len(p);
    if (n == 0) return false;
    const size_t q = skip_ws(p + n);
    return is_digit(at(q)) && at(q) != '0';
}

// The document number(s) after a dossier: "-30", "-E", ", nr. 30",
// "nrs. 520 en 548" and, after "Kamerstukken II 2015/16,", the legal
// style ", 3" (only there: "dossier 34300, 12 leden" is no paper).
Scanner::Numbers Scanner::parse_document_numbers(const Dossier& d, bool legal_style) const {
    Numbers out;
    if (auto compact = parse_compact_number(d.end)) {
        out.values.push_back(compact->first);
        out.end = compact->second;
        return out;
    }
    const size_t q = skip_comma(d.end);
    if (size_t e = match_nr_word(q); e != kNone) {
        // "nr. 30 en nr. 31" continues the list.
        while (auto list = parse_list(skip_ws(e), true)) {
            out.values.insert(out.values.end(), list->values.begin(), list->values.end());
            out.end = list->end;
            const auto sep = parse_separator(skip_ws(out.end));
            if (!sep || sep->second || out.values.size() >= kMaxIds) break;
            e = match_nr_word(skip_ws(sep->first));
            if (e == kNone) break;
        }
        return out;
    }
    if (legal_style && at(skip_ws(d.end)) == ',') {
        if (auto value = parse_value(q, true)) {
            const char next = at(skip_ws(value->second));
            if (next == '\0' || string_view(",;:).]").find(next) != string_view::npos) {
                out.values.push_back(value->first);
                out.end = value->second;
            }
        }
    }
    return out;
}

std::optional<std::pair<string, size_t>> Scanner::parse_compact_number(size_t p) const {
    const size_t n = dash_len(p);
    if (n == 0) return std::nullopt;
    size_t q = p + n;
    if (space_len(q)) {
        const size_t r = skip_ws(q);
        if (!has_newline(q, r) && r - q > 1) return std::nullopt;
        q = r;
    }
    const size_t e = digits_end(q);
    if (e > q) {
        if (e - q > 4 || at(q) == '0' || is_letter(at(e))) return std::nullopt;
        // "978-90-12345-67-8" and dates go on with more numbers.
        if (dash_len(e) && is_digit(at(e + dash_len(e)))) return std::nullopt;
        if ((at(e) == '.' || at(e) == ',' || at(e) == '/') && is_digit(at(e + 1)))
            return std::nullopt;
        return std::make_pair(string(s_.substr(q, e - q)), e);
    }
    size_t l = q;
    while (is_upper(at(l)) && l - q < 2) ++l;
    if (l == q || is_letter(at(l)) || is_digit(at(l))) return std::nullopt;
    return std::make_pair(string(s_.substr(q, l - q)), l);
}

// " (31311)" or " (34 300 V)"; the returned end is the closing ')'.
std::optional<Dossier> Scanner::dossier_in_parentheses(size_t p) const {
    const size_t q = skip_ws(p);
    if (at(q) != '(') return std::nullopt;
    auto d = parse_dossier(skip_ws(q + 1));
    if (!d) return std::nullopt;
    const size_t close = skip_ws(d->end);
    if (at(close) != ')') return std::nullopt;
    d->end = close;
    return d;
}

// After a keyword, KOOP's link extractor also reads the dossier written
// with a dot between its groups and a chapter glued on ("Kamerstuk TK
// 31.700XII, 6", "31700XII"); the bare forms never do ("31.700 euro").
std::optional<Dossier> Scanner::parse_keyword_dossier(size_t p) const {
    if (auto d = parse_dossier(p)) return d;
    size_t e = digits_end(p);
    string digits;
    if (e - p == 5) {
        digits = string(s_.substr(p, 5));
    } else if (e - p == 2 && at(e) == '.' && digits_end(e + 1) == e + 4) {
        digits = string(s_.substr(p, 2)) + string(s_.substr(e + 1, 3));
        e += 4;
    } else {
        return std::nullopt;
    }
    if (digits[0] == '0' || is_digit(at(e))) return std::nullopt;
    Dossier d;
    d.number = to_int(digits);
    d.id = digits;
    d.grouped = true;
    d.end = e;
    size_t c = e;
    while (is_upper(at(c)) && c - e < 6) ++c;
    if (c > e) {
        const string_view chapter = s_.substr(e, c - e);
        if (!is_chapter_roman(chapter) || !is_chapter(chapter) || is_letter(at(c)) ||
            is_digit(at(c))) {
            return std::nullopt;
        }
        d.id += "-" + string(chapter);
        d.plain = false;
        d.attached = true;
        d.end = c;
        return d;
    }
    if (is_letter(at(e))) return std::nullopt;
    if (!parse_chapter(d)) parse_sub_dossier(d);
    parse_r_number(d);
    return d;
}

// " AA", " B": the letter of an Eerste Kamer paper after a space.
Scanner::Numbers Scanner::parse_spaced_letter(size_t p) const {
    Numbers out;
    if (!space_len(p)) return out;
    const size_t q = skip_ws(p);
    if (has_newline(p, q)) return out;
    size_t e = q;
    while (is_upper(at(e)) && e - q < 2) ++e;
    if (e == q || is_letter(at(e)) || is_digit(at(e))) return out;
    out.values.emplace_back(s_.substr(q, e - q));
    out.end = e;
    return out;
}

}  // namespace kamerzoek::corpus::citations
