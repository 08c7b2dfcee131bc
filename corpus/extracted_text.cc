#include "corpus/extracted_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <unordered_set>

namespace kamerzoek::corpus {
namespace {

// One physical line of extracted text.
struct Line {
    std::string text;          // trimmed
    bool starts_page = false;  // after a form feed, or indented (a page start in pdftotext output)
};

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

// Lower-case letters outside ASCII that Dutch text uses (ë, é, ï, ...) all
// start with 0xC3 in UTF-8 and lie in 0xA0..0xBF; upper-case ones below.
bool starts_with_lower_letter(std::string_view s) {
    if (s.empty()) return false;
    if (is_ascii_lower(s[0])) return true;
    return s.size() > 1 && static_cast<unsigned char>(s[0]) == 0xC3 &&
           static_cast<unsigned char>(s[1]) >= 0xA0;
}

bool starts_with_upper_or_digit(std::string_view s) {
    if (s.empty()) return false;
    if (is_ascii_upper(s[0]) || is_ascii_digit(s[0])) return true;
    return s.size() > 1 && static_cast<unsigned char>(s[0]) == 0xC3 &&
           static_cast<unsigned char>(s[1]) < 0xA0;
}

bool ends_sentence(std::string_view s) {
    if (s.empty()) return true;
    const std::string_view closers[] = {".", "!", "?", ":", ";", "»", "”", ")", "\""};
    return std::any_of(std::begin(closers), std::end(closers),
                       [&](std::string_view c) { return s.ends_with(c); });
}

// Trims ASCII white space and no-break spaces (U+00A0, two bytes in UTF-8:
// they must be matched as a pair, never byte by byte).
std::string trim(std::string_view s) {
    constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
    constexpr std::string_view kSpaces = " \t\r\v";
    while (!s.empty()) {
        if (kSpaces.find(s.front()) != std::string_view::npos) {
            s.remove_prefix(1);
        } else if (s.starts_with(kNoBreakSpace)) {
            s.remove_prefix(kNoBreakSpace.size());
        } else {
            break;
        }
    }
    while (!s.empty()) {
        if (kSpaces.find(s.back()) != std::string_view::npos) {
            s.remove_suffix(1);
        } else if (s.ends_with(kNoBreakSpace)) {
            s.remove_suffix(kNoBreakSpace.size());
        } else {
            break;
        }
    }
    return std::string(s);
}

std::string to_lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    bool next_starts_page = true;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view raw = text.substr(start, end - start);
        while (!raw.empty() && raw.front() == '\f') {
            next_starts_page = true;
            raw.remove_prefix(1);
        }
        Line line;
        line.text = trim(raw);
        // pdftotext indents the first line of each page by one space.
        line.starts_page = next_starts_page || (raw.size() > 1 && raw[0] == ' ' && raw[1] != ' ');
        next_starts_page = false;
        if (raw.find('\f') != std::string_view::npos) {
            line.text.erase(std::remove(line.text.begin(), line.text.end(), '\f'), line.text.end());
            next_starts_page = true;
        }
        lines.push_back(std::move(line));
        if (end == text.size()) break;
        start = end + 1;
    }
    return lines;
}

// Page numbers, "Pagina 2 van 5" and the running header of printed papers.
bool is_page_furniture(std::string_view line) {
    if (line.empty()) return false;
    if (line.size() <= 4 && std::all_of(line.begin(), line.end(), is_ascii_digit)) return true;
    const std::string lower = to_lower_ascii(line);
    if (lower.starts_with("pagina ") && lower.find(" van ") != std::string::npos &&
        lower.size() < 24) {
        return true;
    }
    return lower.starts_with("tweede kamer, vergaderjaar ") && lower.size() < 90 &&
           is_ascii_digit(lower.back());
}

constexpr std::array<std::string_view, 12> kMonths{"januari",   "februari", "maart",    "april",
                                                   "mei",       "juni",     "juli",     "augustus",
                                                   "september", "oktober",  "november", "december"};

// Collects the words of a text, lower-cased, to settle hyphenation doubts.
std::unordered_set<std::string> collect_vocabulary(const std::vector<Line>& lines) {
    std::unordered_set<std::string> words;
    for (const Line& line : lines) {
        std::string word;
        for (const char c : line.text) {
            if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' ||
                static_cast<unsigned char>(c) >= 0x80) {
                word.push_back(c);
            } else if (!word.empty()) {
                words.insert(to_lower_ascii(word));
                word.clear();
            }
        }
        if (!word.empty()) words.insert(to_lower_ascii(word));
    }
    return words;
}

// The numbers of footnotes whose marker is glued to a word ("brief1."):
// a lower-case letter or closing quote, one or two digits, then punctuation
// or a space.
std::set<int> glued_marker_numbers(const std::vector<Line>& lines) {
    std::set<int> numbers;
    for (const Line& line : lines) {
        const std::string& s = line.text;
        for (std::size_t i = 1; i < s.size(); ++i) {
            if (!is_ascii_digit(s[i]) || is_ascii_digit(s[i - 1])) continue;
            const bool after_word = is_ascii_lower(s[i - 1]) || s[i - 1] == ')' ||
                                    static_cast<unsigned char>(s[i - 1]) >= 0x80;
            if (!after_word) continue;
            std::size_t j = i;
            while (j < s.size() && is_ascii_digit(s[j]) && j - i < 3) ++j;
            if (j - i > 2 || (j < s.size() && is_ascii_digit(s[j]))) continue;
            if (j == s.size() || std::string_view(".,;: )").find(s[j]) != std::string_view::npos) {
                numbers.insert(std::stoi(s.substr(i, j - i)));
            }
        }
    }
    return numbers;
}

// "1 Raadpleegbaar via www.tweedekamer.nl" opens footnote 1.
int footnote_number(std::string_view line, const std::set<int>& markers) {
    std::size_t digits = 0;
    while (digits < line.size() && digits < 3 && is_ascii_digit(line[digits])) ++digits;
    if (digits == 0 || digits >= line.size() || line[digits] != ' ') return 0;
    const int number = std::stoi(std::string(line.substr(0, digits)));
    return markers.count(number) ? number : 0;
}

}  // namespace

std::string detach_footnote_markers(std::string_view text, const std::set<int>& footnotes) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (is_ascii_digit(c) && i > 0 && !out.empty() &&
            (is_ascii_lower(out.back()) || out.back() == ')' ||
             static_cast<unsigned char>(out.back()) >= 0x80)) {
            std::size_t j = i;
            while (j < text.size() && is_ascii_digit(text[j])) ++j;
            const bool at_word_end = j == text.size() || std::string_view(".,;: )").find(text[j]) !=
                                                             std::string_view::npos;
            if (j - i <= 2 && at_word_end &&
                footnotes.count(std::stoi(std::string(text.substr(i, j - i))))) {
                i = j - 1;
                continue;
            }
        }
        out.push_back(c);
    }
    return out;
}

namespace {

// The word fragment at the end of `s` (letters only) and at the start of `t`.
std::string_view last_word(std::string_view s) {
    std::size_t start = s.size();
    while (start > 0 && (std::isalpha(static_cast<unsigned char>(s[start - 1])) ||
                         static_cast<unsigned char>(s[start - 1]) >= 0x80)) {
        --start;
    }
    return s.substr(start);
}

std::string_view first_word(std::string_view s) {
    std::size_t end = 0;
    while (end < s.size() && (std::isalpha(static_cast<unsigned char>(s[end])) ||
                              static_cast<unsigned char>(s[end]) >= 0x80)) {
        ++end;
    }
    return s.substr(0, end);
}

}  // namespace

void append_wrapped_line(std::string& paragraph, std::string_view line,
                         const std::vector<std::string>& vocabulary) {
    if (paragraph.empty()) {
        paragraph.assign(line);
        return;
    }
    const bool broken_word =
        paragraph.size() > 1 && paragraph.back() == '-' &&
        std::isalpha(static_cast<unsigned char>(paragraph[paragraph.size() - 2]));
    if (broken_word && !line.empty() && !first_word(line).empty()) {
        const std::string_view head =
            last_word(std::string_view(paragraph).substr(0, paragraph.size() - 1));
        const std::string_view tail = first_word(line);
        const std::string joined = join_hyphenated(head, tail, vocabulary);
        paragraph.resize(paragraph.size() - 1 - head.size());
        paragraph.append(joined).append(line.substr(tail.size()));
        return;
    }
    paragraph.push_back(' ');
    paragraph.append(line);
}

namespace {

bool is_vowel(char c) {
    return std::string_view("aeiouy").find(std::tolower(c)) != std::string_view::npos;
}

// Dutch keeps the hyphen where two vowels would otherwise read as one sound
// ("re-integratie", "co-ouder", "zee-egel").
bool vowels_clash(char last, char first) {
    if (!is_vowel(last) || !is_vowel(first)) return false;
    const std::string pair{static_cast<char>(std::tolower(last)),
                           static_cast<char>(std::tolower(first))};
    static const std::unordered_set<std::string> digraphs{"aa", "ae", "ai", "au", "ee", "ei", "eu",
                                                          "ie", "oe", "oi", "oo", "ou", "ui", "uu",
                                                          "ea", "eo", "ia", "io", "oa"};
    return digraphs.count(pair) > 0;
}

// "– Share: ..." and "• ..." list items start a paragraph of their own.
bool starts_with_bullet(std::string_view line) {
    return line.starts_with("\xE2\x80\x93 ") || line.starts_with("\xE2\x80\xA2 ") ||
           line.starts_with("- ") || line.starts_with("\xE2\x80\x94 ");
}

struct RawParagraph {
    std::vector<std::string> lines;
    int footnote = 0;
};

// A paragraph cut by a blank line (or a page break) mid-sentence continues
// in the next one when that starts in lower case.
std::vector<RawParagraph> join_interrupted(std::vector<RawParagraph> paragraphs) {
    std::vector<RawParagraph> joined;
    for (RawParagraph& paragraph : paragraphs) {
        const bool continues = !joined.empty() && !joined.back().footnote && !paragraph.footnote &&
                               !ends_sentence(joined.back().lines.back()) &&
                               starts_with_lower_letter(paragraph.lines.front());
        if (continues) {
            auto& lines = joined.back().lines;
            lines.insert(lines.end(), paragraph.lines.begin(), paragraph.lines.end());
        } else {
            joined.push_back(std::move(paragraph));
        }
    }
    return joined;
}

bool looks_like_heading(const RawParagraph& paragraph, bool has_next) {
    if (paragraph.footnote || paragraph.lines.size() != 1 || !has_next) return false;
    const std::string& s = paragraph.lines.front();
    if (s.size() > 90 || !starts_with_upper_or_digit(s)) return false;
    if (std::string_view(".,;").find(s.back()) != std::string_view::npos) return false;
    return std::count(s.begin(), s.end(), ' ') < 12;
}

}  // namespace

std::string parse_dutch_date(std::string_view text) {
    const std::string lower = to_lower_ascii(text);
    for (std::size_t m = 0; m < kMonths.size(); ++m) {
        const std::size_t at = lower.find(std::string(" ") + std::string(kMonths[m]) + " ");
        if (at == std::string::npos) continue;
        std::size_t day_start = at;
        while (day_start > 0 && is_ascii_digit(lower[day_start - 1])) --day_start;
        const std::size_t year_start = at + kMonths[m].size() + 2;
        if (day_start == at || year_start + 4 > lower.size()) continue;
        const int day = std::stoi(lower.substr(day_start, at - day_start));
        const std::string year = lower.substr(year_start, 4);
        if (!std::all_of(year.begin(), year.end(), is_ascii_digit) || day < 1 || day > 31) continue;
        const auto two_digits = [](std::size_t n) {
            return (n < 10 ? "0" : "") + std::to_string(n);
        };
        return year + "-" + two_digits(m + 1) + "-" + two_digits(static_cast<std::size_t>(day));
    }
    return {};
}

std::string join_hyphenated(std::string_view head, std::string_view tail,
                            const std::vector<std::string>& vocabulary) {
    const std::string hyphenated = std::string(head) + "-" + std::string(tail);
    const std::string closed = std::string(head) + std::string(tail);
    if (head.empty() || tail.empty()) return hyphenated;
    // "wet-" + "en regelgeving": a suspended compound ("wet- en
    // regelgeving", "in- of uitvoer") keeps its hyphen and its space.
    if (tail == "en" || tail == "of") return std::string(head) + "- " + std::string(tail);
    // "anti-ISIS", "EU-landen", "G20-top": capitals on either side keep it.
    if (starts_with_upper_or_digit(tail) || is_ascii_upper(head.back())) return hyphenated;
    const auto known = [&](const std::string& word) {
        return std::binary_search(vocabulary.begin(), vocabulary.end(), to_lower_ascii(word));
    };
    if (known(hyphenated) && !known(closed)) return hyphenated;
    if (known(closed)) return closed;
    return vowels_clash(head.back(), tail.front()) ? hyphenated : closed;
}

std::vector<std::string> sorted_vocabulary(const std::vector<std::string>& lines) {
    std::vector<Line> as_lines;
    for (const std::string& line : lines) as_lines.push_back({line, false});
    const auto words = collect_vocabulary(as_lines);
    std::vector<std::string> vocabulary(words.begin(), words.end());
    std::sort(vocabulary.begin(), vocabulary.end());
    return vocabulary;
}

ExtractedText parse_extracted_text(std::string_view text) {
    ExtractedText result;
    std::vector<Line> lines = split_lines(text);
    const std::set<int> markers = glued_marker_numbers(lines);
    const auto vocabulary_set = collect_vocabulary(lines);
    std::vector<std::string> vocabulary(vocabulary_set.begin(), vocabulary_set.end());
    std::sort(vocabulary.begin(), vocabulary.end());

    // Group lines into raw paragraphs. A blank line ends one; so does a new
    // page after a finished sentence, and the start of a footnote.
    std::vector<RawParagraph> paragraphs;
    bool open = false;
    bool in_footnote = false;
    for (const Line& line : lines) {
        if (line.text.empty()) {
            open = false;
            continue;
        }
        if (is_page_furniture(line.text)) continue;
        if (result.date.empty() && paragraphs.empty() && line.text.size() < 60) {
            result.date = parse_dutch_date(" " + line.text + " ");
            if (!result.date.empty()) continue;
        }
        const int footnote = footnote_number(line.text, markers);
        const bool after_sentence = open && ends_sentence(paragraphs.back().lines.back());
        const bool page_break_ends = line.starts_page && (after_sentence || in_footnote);
        if (!open || footnote || page_break_ends || starts_with_bullet(line.text)) {
            paragraphs.push_back({});
            paragraphs.back().footnote = footnote;
            in_footnote = footnote != 0;
            open = true;
        }
        paragraphs.back().lines.push_back(line.text);
    }

    std::set<int> footnotes;
    for (const RawParagraph& p : paragraphs) {
        if (p.footnote) footnotes.insert(p.footnote);
    }

    paragraphs = join_interrupted(std::move(paragraphs));
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        const RawParagraph& raw = paragraphs[i];
        Block block;
        if (raw.footnote) {
            block.role = Block::Role::kFootnote;
            block.label = std::to_string(raw.footnote);
        } else if (looks_like_heading(raw, i + 1 < paragraphs.size())) {
            block.role = Block::Role::kHeading;
        }
        for (const std::string& line : raw.lines) append_wrapped_line(block.text, line, vocabulary);
        if (raw.footnote) block.text = trim(block.text.substr(block.label.size()));
        block.text = detach_footnote_markers(block.text, footnotes);
        result.blocks.push_back(std::move(block));
    }
    return result;
}

}  // namespace kamerzoek::corpus
