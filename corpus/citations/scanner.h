// The citation scanner behind find_references() and parse_citation(),
// shared by the files of corpus/citations/ (one per citation form).
//
// The scanner walks the text once. At the start of a word it tries the
// keyword forms ("Handelingen", "Aanhangsel", "Kamerstuk", "stuk nr.",
// "dossier", "wetsvoorstel", "nr. N (dossier)"); at the start of a number it
// tries the bare forms ("34 300 V, nr. 30", "30111-109", "(34556)"). Every
// attempt looks ahead a bounded number of tokens, so the whole pass is linear
// in the length of the text. The rules are described in docs/REFERENCES.md.
//
//   text.cc          characters, words, boundaries
//   numbers.cc       number lists, ranges, sessions, page numbers
//   dossiers.cc      dossier numbers with chapters, sub-dossiers, R-numbers
//   kamerstukken.cc  "Kamerstuk(ken) ...", "stuk nr.", "dossier ..."
//   handelingen.cc   "Handelingen ...", "Aanhangsel ..."
//   gazettes.cc      "Stb. 2020, 118", "Stcrt. 2015, 47076", "Trb. 1956, 75"
//   bare.cc          numbers without a keyword ("30111-109")
//   scanner.cc       the pass itself and its output
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/official_id.h"
#include "corpus/references.h"

namespace kamerzoek::corpus::citations {

using std::size_t;
using std::string;
using std::string_view;

inline constexpr size_t kNone = string_view::npos;
// Ranges such as "items 5 tot en met 8" are expanded up to this many ids.
inline constexpr int kMaxRange = 100;
// One citation yields at most this many ids: "items 1, 2, ..., 10000" would
// otherwise make 10,000 references that each carry the whole list as their
// cited text (memory quadratic in the list). The list ends there; the text
// after it is scanned as usual.
inline constexpr size_t kMaxIds = 100;
// Whitespace runs longer than this end a citation (a citation never spans a
// blank page or a table gap).
inline constexpr size_t kMaxGap = 64;
// Dossier numbers of the bare forms; five digits, below the 40000s that
// the Tweede Kamer has not reached.
inline constexpr int kMinDossier = 10000;
inline constexpr int kMaxDossier = 39999;
// The one dossier whose "-NN" is always a sub-dossier ("21501-20").
inline constexpr int kSplitDossier = 21501;

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
inline unsigned char byte(char c) { return static_cast<unsigned char>(c); }

inline int to_int(string_view digits) {
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

// Budget chapters (Roman numerals, some with a letter) and the funds that
// are numbered with a capital letter.
inline bool is_chapter(string_view token) {
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
    std::vector<Reference> run();
    std::optional<Dossier> whole_dossier() const;

  private:
    // ---- characters -------------------------------------------------------
    char at(size_t p) const { return p < s_.size() ? s_[p] : '\0'; }
    size_t space_len(size_t p) const;
    size_t dash_len(size_t p) const;
    size_t skip_ws(size_t p) const;
    bool has_newline(size_t from, size_t to) const;
    size_t digits_end(size_t p) const;
    size_t word_end(size_t p) const;
    size_t char_start_before(size_t p) const;
    bool non_ascii_is_separator(size_t q) const;
    bool word_boundary_before(size_t p) const;
    bool number_boundary_before(size_t p) const;

    // ---- words ------------------------------------------------------------
    size_t match_word(size_t p, string_view word, bool need_boundary = true) const;
    size_t split_len(size_t p) const;
    size_t match_nr_word(size_t p) const;

    // ---- numbers ----------------------------------------------------------
    std::optional<std::pair<string, size_t>> parse_value(size_t p, bool letters,
                                                         size_t max_digits = 4) const;
    // A single space then exactly three digits: the second half of "34 300".
    bool starts_group(size_t p) const { return group_gap(p) != 0; }
    size_t group_gap(size_t p) const;
    std::optional<std::pair<size_t, bool>> parse_separator(size_t p) const;
    std::optional<NumberList> parse_list(size_t p, bool letters) const;
    static bool append_range(std::vector<string>& values, const string& last);

    // ---- sessions ---------------------------------------------------------
    std::optional<std::pair<string, size_t>> parse_year(size_t p) const;
    std::optional<std::pair<string, size_t>> parse_chamber(size_t p) const;
    size_t match_exact(size_t p, string_view text) const;
    Session parse_session(size_t p) const;
    size_t skip_vergaderjaar(size_t p) const;
    size_t skip_comma(size_t p) const;

    // ---- dossiers ---------------------------------------------------------
    std::optional<Dossier> parse_dossier(size_t p) const;
    std::optional<Dossier> parse_keyword_dossier(size_t p) const;
    void parse_r_number(Dossier& d) const;
    bool parse_chapter(Dossier& d) const;
    static bool is_chapter_roman(string_view token);
    void parse_sub_dossier(Dossier& d) const;
    bool compact_number_at(size_t p) const;
    bool nr_word_follows(size_t p) const { return match_nr_word(skip_comma(p)) != kNone; }

    // ---- kamerstukken -----------------------------------------------------

    struct Numbers {
        std::vector<string> values;
        size_t end = kNone;
    };
    Numbers parse_document_numbers(const Dossier& d, bool legal_style) const;
    std::optional<std::pair<string, size_t>> parse_compact_number(size_t p) const;
    Numbers parse_spaced_letter(size_t p) const;
    static void add_kamerstukken(Match& m, const string& dossier,
                                 const std::vector<string>& numbers);
    size_t parse_kamerstuk_body(size_t p, bool legal_style, Match& m,
                                bool ek_letters = false) const;
    size_t parse_kamerstuk_list(size_t p, bool legal_style, Match& m,
                                bool ek_letters = false) const;
    size_t skip_pages(size_t p) const;

    // ---- keyword forms ----------------------------------------------------
    std::optional<Match> try_keyword(size_t p) const;
    std::optional<Match> try_aanhangsel(size_t p) const;
    std::optional<Match> try_handelingen(size_t begin, size_t p, bool aanhangsel) const;
    bool issue_before_item(size_t p) const;
    size_t parse_issues(size_t nr_end, const Session& session, bool aanhangsel, Match& m) const;
    std::optional<Match> try_kamerstuk(size_t p) const;
    std::optional<Match> try_relative(size_t p) const;
    std::optional<Match> try_relative_numbers(size_t begin, size_t p) const;
    std::optional<Dossier> dossier_in_parentheses(size_t p) const;
    std::optional<Match> try_number_then_dossier(size_t p) const;
    std::optional<Match> try_dossier_word(size_t p) const;
    std::optional<Match> try_gazette(size_t p) const;
    bool is_gazette_year(size_t p) const;
    size_t gazette_number_end(size_t p) const;
    string_view year_of_date_before(size_t p) const;

    // ---- bare forms -------------------------------------------------------
    string previous_word(size_t p) const;
    bool excluded_by_previous_word(size_t p) const;
    std::optional<Match> try_bare(size_t p) const;
    bool titled_dossier_in_parentheses(size_t p, const Dossier& d) const;

    // ---- output -----------------------------------------------------------
    void emit(const Match& m, std::vector<Reference>& out) const;
    string_view s_;
    string context_;
};

}  // namespace kamerzoek::corpus::citations
