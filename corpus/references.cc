// A hand-written scanner for citations of Handelingen and Kamerstukken.
//
// The scanner walks the text once. At the start of a word it tries the
// keyword forms ("Handelingen", "Aanhangsel", "Kamerstuk", "stuk nr.",
// "dossier", "wetsvoorstel", "nr. N (dossier)"); at the start of a number it
// tries the bare forms ("34 300 V, nr. 30", "30111-109", "(34556)"). Every
// attempt looks ahead a bounded number of tokens, so the whole pass is linear
// in the length of the text. The rules are described in docs/REFERENCES.md.
#include "corpus/references.h"

#include <algorithm>
#include <array>
#include <utility>

namespace kamerzoek::corpus {
namespace {

using std::size_t;
using std::string;
using std::string_view;

constexpr size_t kNone = string_view::npos;
// Ranges such as "items 5 tot en met 8" are expanded up to this many ids.
constexpr int kMaxRange = 100;
// Whitespace runs longer than this end a citation (a citation never spans a
// blank page or a table gap).
constexpr size_t kMaxGap = 64;
// Dossier numbers of the bare forms; five digits, below the 40000s that
// the Tweede Kamer has not reached.
constexpr int kMinDossier = 10000;
constexpr int kMaxDossier = 39999;
// The one dossier whose "-NN" is always a sub-dossier ("21501-20").
constexpr int kSplitDossier = 21501;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
unsigned char byte(char c) { return static_cast<unsigned char>(c); }

int to_int(string_view digits) {
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

// Budget chapters (Roman numerals, some with a letter) and the funds that
// are numbered with a capital letter.
bool is_chapter(string_view token) {
    static constexpr std::array<string_view, 30> kChapters = {
        "I",    "II",    "IIA", "IIB", "III", "IV",  "V",    "VI",  "VII", "VIII",
        "IX",   "IXA",   "IXB", "X",   "XI",  "XII", "XIII", "XIV", "XV",  "XVI",
        "XVII", "XVIII", "XIX", "XX",  "A",   "B",   "C",    "F",   "H",   "J"};
    return std::find(kChapters.begin(), kChapters.end(), token) != kChapters.end();
}

// One recognised citation before it becomes References.
struct Match {
    size_t begin = 0;
    size_t end = 0;
    std::vector<OfficialId> ids;
};

struct NumberList {
    std::vector<string> values;
    size_t end = 0;
};

struct Dossier {
    string id;  // "34300-V", "21501-30", "34417-R2068"
    int number = 0;
    bool grouped = false;   // written "34 300"
    bool plain = true;      // no chapter, sub-dossier or R-number
    bool attached = false;  // a suffix joined by "-" or "." ("35 300-XV")
    size_t end = 0;
};

struct Session {
    string chamber;  // "tk" or "ek"
    string year;     // "20152016"
    size_t end = 0;
};

class Scanner {
  public:
    Scanner(string_view text, string_view context_dossier) : s_(text), context_(context_dossier) {}

    std::vector<Reference> run() {
        std::vector<Reference> out;
        size_t p = 0;
        while (p < s_.size()) {
            const char c = s_[p];
            std::optional<Match> match;
            if (is_letter(c) && word_boundary_before(p)) {
                match = try_keyword(p);
                if (!match) p = word_end(p);
            } else if (is_digit(c) && number_boundary_before(p)) {
                match = try_bare(p);
                if (!match) p = digits_end(p);
            } else {
                ++p;
            }
            if (match) {
                emit(*match, out);
                p = std::max(match->end, p + 1);
            }
        }
        return out;
    }

    // parse_citation() accepts a lone dossier ("34300-V", "30111").
    std::optional<Dossier> whole_dossier() const {
        auto d = parse_dossier(0);
        if (d && d->end == s_.size()) return d;
        return std::nullopt;
    }

  private:
    // ---- characters -------------------------------------------------------

    char at(size_t p) const { return p < s_.size() ? s_[p] : '\0'; }

    size_t space_len(size_t p) const {
        if (p >= s_.size()) return 0;
        const unsigned char c = byte(s_[p]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
        if (c == 0xC2 && p + 1 < s_.size()) {
            const unsigned char d = byte(s_[p + 1]);
            if (d == 0xA0 || d == 0xAD) return 2;  // no-break space, soft hyphen
        }
        if (c == 0xE2 && p + 2 < s_.size() && byte(s_[p + 1]) == 0x80) {
            const unsigned char d = byte(s_[p + 2]);
            if ((d >= 0x80 && d <= 0x8B) || d == 0xAF) return 3;  // the U+2000 spaces
        }
        return 0;
    }

    // Hyphen, minus sign and the dashes that PDF text uses for ranges.
    size_t dash_len(size_t p) const {
        if (p >= s_.size()) return 0;
        if (s_[p] == '-') return 1;
        if (byte(s_[p]) == 0xE2 && p + 2 < s_.size()) {
            const unsigned char b = byte(s_[p + 1]), c = byte(s_[p + 2]);
            if (b == 0x80 && c >= 0x90 && c <= 0x95) return 3;
            if (b == 0x88 && c == 0x92) return 3;
        }
        return 0;
    }

    size_t skip_ws(size_t p) const {
        const size_t start = p;
        while (size_t n = space_len(p)) {
            p += n;
            if (p - start > kMaxGap) return start;
        }
        return p;
    }

    bool has_newline(size_t from, size_t to) const {
        return s_.substr(from, to - from).find('\n') != string_view::npos;
    }

    size_t digits_end(size_t p) const {
        while (p < s_.size() && is_digit(s_[p])) ++p;
        return p;
    }

    size_t word_end(size_t p) const {
        while (p < s_.size() && is_letter(s_[p])) ++p;
        return p;
    }

    // Start of the UTF-8 character that ends just before p.
    size_t char_start_before(size_t p) const {
        size_t q = p - 1;
        while (q > 0 && (byte(s_[q]) & 0xC0) == 0x80 && p - q < 4) --q;
        return q;
    }

    // Punctuation and spaces outside ASCII (quotes, dashes, guillemets) end
    // a word; accented letters do not.
    bool non_ascii_is_separator(size_t q) const {
        const unsigned char c = byte(s_[q]);
        if (c == 0xC2) return true;  // U+0080-U+00BF
        if (c == 0xE2 && q + 1 < s_.size() && byte(s_[q + 1]) <= 0x81) return true;  // U+2000-
        return false;
    }

    // Letters glued to the left make it a different word; digits do not,
    // because footnote markers are glued on ("15Kamerstukken").
    bool word_boundary_before(size_t p) const {
        if (p == 0) return true;
        const char c = s_[p - 1];
        if (byte(c) >= 0x80) return non_ascii_is_separator(char_start_before(p));
        return !is_letter(c) && c != '_' && c != '/' && c != '@' && c != '.';
    }

    // A number glued to letters, digits or the middle of a code ("978-90-",
    // "NL:HR:", "1,5", "€") is not the start of a citation.
    bool number_boundary_before(size_t p) const {
        if (p == 0) return true;
        const char c = s_[p - 1];
        if (byte(c) >= 0x80) {
            const size_t q = char_start_before(p);
            if (s_.substr(q, p - q) == "\xE2\x82\xAC") return false;  // €
            if (dash_len(q) == p - q) return false;
            return non_ascii_is_separator(q);
        }
        if (is_digit(c) || is_letter(c) || c == '-') return false;
        static constexpr string_view kGlue = "/.,:+=#_@&$%*";
        return kGlue.find(c) == string_view::npos;
    }

    // ---- words ------------------------------------------------------------

    // Matches an ASCII word case-insensitively (an upper-case pattern letter
    // must match upper case). A line-break hyphen ("Kamer-\nstukken") or a
    // soft hyphen may split the word. Returns the end, or kNone.
    size_t match_word(size_t p, string_view word, bool need_boundary = true) const {
        size_t i = 0;
        while (i < word.size()) {
            if (p >= s_.size()) return kNone;
            const char w = word[i];
            const char c = s_[p];
            if (is_letter(w) && i > 0 && is_letter(word[i - 1])) {
                if (size_t n = split_len(p)) {
                    p += n;
                    continue;
                }
            }
            if (is_upper(w) ? c != w : to_lower(c) != w) return kNone;
            ++p;
            ++i;
        }
        if (need_boundary && is_letter(word.back()) && is_letter(at(p))) return kNone;
        return p;
    }

    // "-\n", "- \n", "- " inside a word broken at a line end, or a soft hyphen.
    size_t split_len(size_t p) const {
        if (p + 1 < s_.size() && byte(s_[p]) == 0xC2 && byte(s_[p + 1]) == 0xAD) return 2;
        if (at(p) != '-') return 0;
        const size_t q = skip_ws(p + 1);
        return (q > p + 1 && is_letter(at(q)) && !is_upper(at(q))) ? q - p : 0;
    }

    // "nr", "nr.", "nrs.", "nummer(s)", "no." followed by the number.
    size_t match_nr_word(size_t p) const {
        for (string_view w : {"nrs", "nr", "nummers", "nummer"}) {
            size_t e = match_word(p, w);
            if (e == kNone) continue;
            if (at(e) == '.') ++e;
            return e;
        }
        size_t e = match_word(p, "no");
        if (e != kNone && at(e) == '.') return e + 1;
        return kNone;
    }

    // ---- numbers ----------------------------------------------------------

    // One value of a list: digits (at most max_digits) or, for papers of the
    // Eerste Kamer, one or two capitals ("nr. E").
    std::optional<std::pair<string, size_t>> parse_value(size_t p, bool letters,
                                                         size_t max_digits = 4) const {
        if (is_digit(at(p))) {
            const size_t e = digits_end(p);
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
            return std::make_pair(string(s_.substr(p, e - p)), e);
        }
        return std::nullopt;
    }

    // A single space then exactly three digits: the second half of "34 300".
    bool starts_group(size_t p) const { return group_gap(p) != 0; }

    // Length of the gap inside "34 300": a few spaces, at most one line
    // break, then exactly three digits. 0 when there is no such group.
    size_t group_gap(size_t p) const {
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
    std::optional<std::pair<size_t, bool>> parse_separator(size_t p) const {
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
    std::optional<NumberList> parse_list(size_t p, bool letters) const {
        auto first = parse_value(p, letters);
        if (!first) return std::nullopt;
        NumberList list;
        list.values.push_back(first->first);
        list.end = first->second;
        while (true) {
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

    static bool append_range(std::vector<string>& values, const string& last) {
        const string& from = values.back();
        if (!is_digit(from[0]) || !is_digit(last[0])) {
            values.push_back(last);
            return true;
        }
        const int a = to_int(from), b = to_int(last);
        if (b <= a || b - a > kMaxRange) return false;
        for (int v = a + 1; v <= b; ++v) values.push_back(std::to_string(v));
        return true;
    }

    // ---- sessions ---------------------------------------------------------

    // "2015/16", "2015-2016", "2015–16", "1999/2000", "1985/- 86" -> "20152016".
    std::optional<std::pair<string, size_t>> parse_year(size_t p) const {
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
    std::optional<std::pair<string, size_t>> parse_chamber(size_t p) const {
        size_t start = p;
        for (string_view w : {"van de", "der"}) {
            if (size_t e = match_word(p, w); e != kNone) start = skip_ws(e);
        }
        struct Form {
            string_view text;
            const char* chamber;
        };
        static constexpr std::array<Form, 9> kForms = {{{"Tweede Kamer", "tk"},
                                                        {"Eerste Kamer", "ek"},
                                                        {"T.K.", "tk"},
                                                        {"E.K.", "ek"},
                                                        {"TK", "tk"},
                                                        {"EK", "ek"},
                                                        {"II", "tk"},
                                                        {"11", "tk"},
                                                        {"I", "ek"}}};
        for (const Form& form : kForms) {
            size_t e = match_exact(start, form.text);
            if (e == kNone || is_letter(at(e)) || is_digit(at(e))) continue;
            return std::make_pair(string(form.chamber), e);
        }
        return std::nullopt;
    }

    size_t match_exact(size_t p, string_view text) const {
        if (s_.substr(p, text.size()) != text) return kNone;
        return p + text.size();
    }

    // Chamber and/or session year, each optional, with optional commas.
    Session parse_session(size_t p) const {
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
            if (at(q) == '1') return session;  // "11" only counts before a year
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
    size_t skip_vergaderjaar(size_t p) const {
        const size_t e = match_word(p, "vergaderjaar");
        return e == kNone ? p : skip_ws(e);
    }

    size_t skip_comma(size_t p) const {
        size_t q = skip_ws(p);
        if (at(q) == ',') q = skip_ws(q + 1);
        return q;
    }

    // ---- dossiers ---------------------------------------------------------

    // "34300", "34 300", with a chapter ("V", "-XV", ".VIII"), a sub-dossier
    // ("21501-30" when a number follows) or an R-number ("(R2068)").
    std::optional<Dossier> parse_dossier(size_t p) const {
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
    void parse_r_number(Dossier& d) const {
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

    bool parse_chapter(Dossier& d) const {
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

    static bool is_chapter_roman(string_view token) {
        return token.find_first_not_of("IVX") == string_view::npos;
    }

    // "-30" is a sub-dossier when the document number still follows
    // ("21501-30-374", "21 501-30, nr. 374") or when it has a leading zero
    // ("21501-07"); otherwise "30111-109" is dossier and number.
    void parse_sub_dossier(Dossier& d) const {
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
    bool compact_number_at(size_t p) const {
        const size_t n = dash_len(p);
        if (n == 0) return false;
        const size_t q = skip_ws(p + n);
        return is_digit(at(q)) && at(q) != '0';
    }

    bool nr_word_follows(size_t p) const { return match_nr_word(skip_comma(p)) != kNone; }

    // ---- kamerstukken -----------------------------------------------------

    struct Numbers {
        std::vector<string> values;
        size_t end = kNone;
    };

    // The document number(s) after a dossier: "-30", "-E", ", nr. 30",
    // "nrs. 520 en 548" and, after "Kamerstukken II 2015/16,", the legal
    // style ", 3" (only there: "dossier 34300, 12 leden" is no paper).
    Numbers parse_document_numbers(const Dossier& d, bool legal_style) const {
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
                if (!sep || sep->second) break;
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

    std::optional<std::pair<string, size_t>> parse_compact_number(size_t p) const {
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

    static void add_kamerstukken(Match& m, const string& dossier,
                                 const std::vector<string>& numbers) {
        for (const string& nr : numbers) {
            m.ids.push_back(OfficialId::kamerstuk(dossier, nr));
        }
    }

    // A dossier and its numbers at p; appends to m and returns the end.
    size_t parse_kamerstuk_body(size_t p, bool legal_style, Match& m) const {
        auto d = parse_dossier(p);
        if (!d) return kNone;
        const Numbers numbers = parse_document_numbers(*d, legal_style);
        if (numbers.values.empty()) {
            m.ids.push_back(OfficialId::dossier(d->id));
            return d->end;
        }
        add_kamerstukken(m, d->id, numbers.values);
        return numbers.end;
    }

    // After a keyword: one or more dossiers/papers separated by "," "en" ";".
    size_t parse_kamerstuk_list(size_t p, bool legal_style, Match& m) const {
        size_t end = parse_kamerstuk_body(p, legal_style, m);
        if (end == kNone) return kNone;
        while (true) {
            const auto sep = parse_separator(skip_ws(end));
            if (!sep || sep->second) break;
            const size_t q = skip_ws(sep->first);
            Match more;
            const size_t e = parse_kamerstuk_body(q, legal_style, more);
            if (e == kNone) break;
            m.ids.insert(m.ids.end(), more.ids.begin(), more.ids.end());
            end = e;
        }
        return skip_pages(end);
    }

    // ", p. 3", ", blz 53-69": part of the citation, but no part of the id.
    size_t skip_pages(size_t p) const {
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

    // ---- keyword forms ----------------------------------------------------

    std::optional<Match> try_keyword(size_t p) const {
        switch (to_lower(s_[p])) {
            case 'h':
                return try_handelingen(p, p, false);
            case 'a':
                return try_aanhangsel(p);
            case 'k':
                return try_kamerstuk(p);
            case 's':
                return try_relative(p);
            case 'd':
            case 'w':
                return try_dossier_word(p);
            case 'n':
                return try_number_then_dossier(p);
            default:
                return std::nullopt;
        }
    }

    std::optional<Match> try_aanhangsel(size_t p) const {
        size_t e = match_word(p, "aanhangsel");
        if (e == kNone) {
            e = match_word(p, "aanh");
            if (e == kNone || at(e) != '.') return std::nullopt;
            ++e;
        }
        size_t q = skip_ws(e);
        for (string_view w : {"van de", "bij de", "der"}) {
            if (size_t r = match_word(q, w); r != kNone) {
                q = skip_ws(r);
                break;
            }
        }
        return try_handelingen(p, q, true);
    }

    // "Handelingen II 2015/16, nr. 26, items 5 en 16[, blz. 3]"; "Hand." too.
    std::optional<Match> try_handelingen(size_t begin, size_t p, bool aanhangsel) const {
        size_t e = match_word(p, "handelingen");
        if (e == kNone) {
            e = match_word(p, "hand");
            if (e == kNone || at(e) != '.') return std::nullopt;
            ++e;
        }
        const Session session = parse_session(e);
        if (session.year.empty()) return std::nullopt;
        const size_t q = skip_comma(session.end);
        Match m;
        m.begin = begin;
        size_t nr = match_nr_word(q);
        // "Handelingen II 2014/15, 96, item 3" leaves out "nr.".
        if (nr == kNone && !aanhangsel && issue_before_item(q)) nr = q;
        if (nr == kNone) {
            // "Bijl. Handelingen II 1985/86, 19 200, nr. 3" cites a Kamerstuk.
            if (aanhangsel) return std::nullopt;
            m.end = parse_kamerstuk_list(q, true, m);
            if (m.end == kNone) return std::nullopt;
            return m;
        }
        if (session.chamber.empty()) return std::nullopt;
        m.end = parse_issues(nr, session, aanhangsel, m);
        if (m.end == kNone) return std::nullopt;
        m.end = skip_pages(m.end);
        return m;
    }

    bool issue_before_item(size_t p) const {
        const auto issue = parse_value(p, false);
        if (!issue) return false;
        const size_t q = skip_comma(issue->second);
        return match_word(q, "items") != kNone || match_word(q, "item") != kNone;
    }

    // "nr. 26, items 5 en 16 en nr. 27, item 8" after the session.
    size_t parse_issues(size_t nr_end, const Session& session, bool aanhangsel, Match& m) const {
        const bool items = !aanhangsel;
        size_t end = kNone;
        while (true) {
            auto issues = parse_list(skip_ws(nr_end), false);
            if (!issues) return end;
            end = issues->end;
            std::optional<NumberList> item_list;
            if (items && issues->values.size() == 1) {
                const size_t q = skip_comma(end);
                for (string_view w : {"items", "item", "agendapunten", "agendapunt"}) {
                    if (size_t e = match_word(q, w); e != kNone) {
                        item_list = parse_list(skip_ws(e), false);
                        break;
                    }
                }
            }
            if (item_list) {
                end = item_list->end;
                for (const string& item : item_list->values) {
                    m.ids.push_back(OfficialId::handelingen(session.chamber, session.year,
                                                            issues->values[0], item));
                }
            } else {
                for (const string& issue : issues->values) {
                    m.ids.push_back(
                        aanhangsel ? OfficialId::aanhangsel(session.chamber, session.year, issue)
                                   : OfficialId::handelingen(session.chamber, session.year, issue));
                }
            }
            // "... en nr. 27, item 8" continues in the same session.
            const auto sep = parse_separator(skip_ws(end));
            if (!sep || sep->second) return end;
            nr_end = match_nr_word(skip_ws(sep->first));
            if (nr_end == kNone) return end;
        }
    }

    // "Kamerstuk 34 300 V, nr. 30", "Kamerstukken II 2015/16, 34 300 V, nr. 30",
    // "Kamerstuk 30111-108", "kamerstuknummer 21501-07-1398", "Kamerstuk nr. 5".
    std::optional<Match> try_kamerstuk(size_t p) const {
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
        m.end = parse_kamerstuk_list(q, !session.year.empty(), m);
        if (m.end == kNone) return std::nullopt;
        return m;
    }

    // "stuk nr. 211", "stukken nrs. 5 en 6": papers of the dossier in hand.
    std::optional<Match> try_relative(size_t p) const {
        size_t e = match_word(p, "stukken");
        if (e == kNone) e = match_word(p, "stuk");
        if (e == kNone) return std::nullopt;
        return try_relative_numbers(p, skip_ws(e));
    }

    std::optional<Match> try_relative_numbers(size_t begin, size_t p) const {
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

    // " (31311)" or " (34 300 V)"; the returned end is the closing ')'.
    std::optional<Dossier> dossier_in_parentheses(size_t p) const {
        const size_t q = skip_ws(p);
        if (at(q) != '(') return std::nullopt;
        auto d = parse_dossier(skip_ws(q + 1));
        if (!d) return std::nullopt;
        const size_t close = skip_ws(d->end);
        if (at(close) != ')') return std::nullopt;
        d->end = close;
        return d;
    }

    // "Zij krijgt nr. 199 (31311)." in the Handelingen.
    std::optional<Match> try_number_then_dossier(size_t p) const {
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
    std::optional<Match> try_dossier_word(size_t p) const {
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

    // ---- bare forms -------------------------------------------------------

    // The word before p, lower-cased ("blz.", "tel.", "€").
    string previous_word(size_t p) const {
        size_t e = p;
        while (e > 0 && (s_[e - 1] == ' ' || s_[e - 1] == '\t' || s_[e - 1] == '(')) --e;
        size_t b = e;
        while (b > 0 && e - b < 24 && !space_len(b - 1) && s_[b - 1] != '(' && s_[b - 1] != '\n')
            --b;
        string word;
        for (size_t i = b; i < e; ++i) word += to_lower(s_[i]);
        while (!word.empty() && (word.back() == ':' || word.back() == ',')) word.pop_back();
        return word;
    }

    bool excluded_by_previous_word(size_t p) const {
        static constexpr std::array<string_view, 25> kWords = {
            "blz",  "blz.",     "bladzijde",      "p.",  "pp.",     "pag.",       "pagina", "tel",
            "tel.", "telefoon", "telefoonnummer", "fax", "postbus", "artikel",    "art.",   "lid",
            "isbn", "issn",     "\xE2\x82\xAC",   "eur", "euro",    "huisnummer", "stcrt.", "stb.",
            "trb."};
        const string word = previous_word(p);
        return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
    }

    std::optional<Match> try_bare(size_t p) const {
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
    bool titled_dossier_in_parentheses(size_t p, const Dossier& d) const {
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

    // ---- output -----------------------------------------------------------

    void emit(const Match& m, std::vector<Reference>& out) const {
        size_t end = m.end;
        while (end > m.begin && space_len(end - 1) == 1) --end;
        const string cited(s_.substr(m.begin, end - m.begin));
        for (const OfficialId& id : m.ids) {
            out.push_back(Reference{id.str(), id.kind(), cited, m.begin, end});
        }
    }

    string_view s_;
    string context_;
};

// "34300-V" or "34 300 V" as given in a ReferenceContext.
string normalise_context_dossier(string_view dossier) {
    if (dossier.empty()) return {};
    Scanner scanner(dossier, {});
    if (auto d = scanner.whole_dossier()) return d->id;
    return string(dossier);
}

string_view trim(string_view s) {
    while (!s.empty() &&
           (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

}  // namespace

std::string_view to_string(ReferenceType type) { return id_kind_name(type); }

std::vector<Reference> find_references(std::string_view text, const ReferenceContext& context) {
    Scanner scanner(text, normalise_context_dossier(context.dossier));
    return scanner.run();
}

std::vector<Reference> parse_citation(std::string_view citation) {
    const string_view text = trim(citation);
    if (text.empty()) return {};
    // Offsets refer to `citation`, of which `text` is the trimmed middle.
    const size_t offset = static_cast<size_t>(text.data() - citation.data());
    // A canonical id of any kind but a lone dossier (which the scanner reads
    // in more spellings: "34 300 V").
    if (auto id = OfficialId::parse(text); id && id->kind() != OfficialIdKind::kDossier) {
        return {Reference{id->str(), id->kind(), string(text), offset, offset + text.size()}};
    }
    Scanner scanner(text, {});
    // A lone dossier ("30111", "34 300 V") is a citation here, though not in
    // running text.
    if (auto d = scanner.whole_dossier()) {
        return {
            Reference{d->id, ReferenceType::kDossier, string(text), offset, offset + text.size()}};
    }
    std::vector<Reference> refs = scanner.run();
    for (Reference& ref : refs) {
        ref.begin += offset;
        ref.end += offset;
    }
    return refs;
}

std::string official_url(const Reference& reference) {
    const auto id = OfficialId::parse(reference.id);
    return id ? id->url() : std::string();
}

}  // namespace kamerzoek::corpus
