// Characters and words: spaces, dashes, word and number boundaries, keywords.
#include "corpus/citations/scanner.h"

namespace kamerzoek::corpus::citations {

size_t Scanner::space_len(size_t p) const {
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
size_t Scanner::dash_len(size_t p) const {
    if (p >= s_.size()) return 0;
    if (s_[p] == '-') return 1;
    if (byte(s_[p]) == 0xE2 && p + 2 < s_.size()) {
        const unsigned char b = byte(s_[p + 1]), c = byte(s_[p + 2]);
        if (b == 0x80 && c >= 0x90 && c <= 0x95) return 3;
        if (b == 0x88 && c == 0x92) return 3;
    }
    return 0;
}

size_t Scanner::skip_ws(size_t p) const {
    const size_t start = p;
    while (size_t n = space_len(p)) {
        p += n;
        if (p - start > kMaxGap) return start;
    }
    return p;
}

bool Scanner::has_newline(size_t from, size_t to) const {
    return s_.substr(from, to - from).find('\n') != string_view::npos;
}

size_t Scanner::digits_end(size_t p) const {
    while (p < s_.size() && is_digit(s_[p])) ++p;
    return p;
}

size_t Scanner::word_end(size_t p) const {
    while (p < s_.size() && is_letter(s_[p])) ++p;
    return p;
}

// Start of the UTF-8 character that ends just before p.
size_t Scanner::char_start_before(size_t p) const {
    size_t q = p - 1;
    while (q > 0 && (byte(s_[q]) & 0xC0) == 0x80 && p - q < 4) --q;
    return q;
}

// Punctuation and spaces outside ASCII (quotes, dashes, guillemets) end
// a word; accented letters do not.
bool Scanner::non_ascii_is_separator(size_t q) const {
    const unsigned char c = byte(s_[q]);
    if (c == 0xC2) return true;                                                  // U+0080-U+00BF
    if (c == 0xE2 && q + 1 < s_.size() && byte(s_[q + 1]) <= 0x81) return true;  // U+2000-
    return false;
}

// Letters glued to the left make it a different word; digits do not,
// because footnote markers are glued on ("15Kamerstukken").
bool Scanner::word_boundary_before(size_t p) const {
    if (p == 0) return true;
    const char c = s_[p - 1];
    if (byte(c) >= 0x80) return non_ascii_is_separator(char_start_before(p));
    return !is_letter(c) && c != '_' && c != '/' && c != '@' && c != '.';
}

// A number glued to letters, digits or the middle of a code ("978-90-",
// "NL:HR:", "1,5", "€") is not the start of a citation.
bool Scanner::number_boundary_before(size_t p) const {
    if (p == 0) return true;
    const char c = s_[p - 1];
    if (byte(c) >= 0x80) {
        const size_t q = char_start_before(p);
        if (s_.substr(q, p - q) == "\xE2\x82\xAC") return false;  // €
        if (dash_len(q) == p - q) return false;
        return non_ascii_is_separator(q);
    }
    // ")" glues a number to a code: the DOI "S0092-8674(20)31008-4".
    if (is_digit(c) || is_letter(c) || c == '-' || c == ')') return false;
    static constexpr string_view kGlue = "/.,:+=#_@&$%*";
    return kGlue.find(c) == string_view::npos;
}

// Matches an ASCII word case-insensitively (an upper-case pattern letter
// must match upper case). A line-break hyphen ("Kamer-\nstukken") or a
// soft hyphen may split the word. Returns the end, or kNone.
size_t Scanner::match_word(size_t p, string_view word, bool need_boundary) const {
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
size_t Scanner::split_len(size_t p) const {
    if (p + 1 < s_.size() && byte(s_[p]) == 0xC2 && byte(s_[p + 1]) == 0xAD) return 2;
    if (at(p) != '-') return 0;
    const size_t q = skip_ws(p + 1);
    return (q > p + 1 && is_letter(at(q)) && !is_upper(at(q))) ? q - p : 0;
}

// "nr", "nr.", "nrs.", "nummer(s)", "no." followed by the number.
size_t Scanner::match_nr_word(size_t p) const {
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

size_t Scanner::match_exact(size_t p, string_view text) const {
    if (s_.substr(p, text.size()) != text) return kNone;
    return p + text.size();
}

size_t Scanner::skip_comma(size_t p) const {
    size_t q = skip_ws(p);
    if (at(q) == ',') q = skip_ws(q + 1);
    return q;
}

// The word before p, lower-cased ("blz.", "tel.", "€").
string Scanner::previous_word(size_t p) const {
    size_t e = p;
    while (e > 0 && (s_[e - 1] == ' ' || s_[e - 1] == '\t' || s_[e - 1] == '(')) --e;
    size_t b = e;
    while (b > 0 && e - b < 24 && !space_len(b - 1) && s_[b - 1] != '(' && s_[b - 1] != '\n') --b;
    string word;
    for (size_t i = b; i < e; ++i) word += to_lower(s_[i]);
    while (!word.empty() && (word.back() == ':' || word.back() == ',')) word.pop_back();
    return word;
}

}  // namespace kamerzoek::corpus::citations
