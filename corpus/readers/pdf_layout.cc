#include "corpus/readers/pdf_layout.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <string_view>

namespace kamerzoek::corpus::pdf {
namespace {

struct Word {
    std::string text;
    double x0, x1, top, bottom;
    double size;
    bool bold, italic;
    bool space_after;
    bool superscript = false;  // a footnote marker raised above the baseline
};

std::string to_std_string(const poppler::ustring& text) {
    const poppler::byte_array utf8 = text.to_utf8();
    return std::string(utf8.begin(), utf8.end());
}

std::string lower_ascii(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// "ABCDEF+Verdana-BoldItalic": the subset prefix says nothing of the face.
bool font_is_bold(const std::string& name) {
    const std::string n = lower_ascii(name);
    for (const char* mark : {"bold", "black", "heavy", "semibold", "demi"}) {
        if (n.find(mark) != std::string::npos) return true;
    }
    return false;
}

bool font_is_italic(const std::string& name) {
    const std::string n = lower_ascii(name);
    return n.find("italic") != std::string::npos || n.find("oblique") != std::string::npos;
}

// Footnote markers are one to three digits, or an asterisk.
bool is_marker_text(const std::string& text) {
    if (text.empty() || text.size() > 3) return false;
    if (text == "*") return true;
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

double baseline(const Word& w) { return w.bottom; }

// A small number set above the baseline of the (larger) word before it.
bool is_superscript_after(const Word& previous, const Word& word) {
    return is_marker_text(word.text) && word.size < 0.85 * previous.size &&
           baseline(word) < baseline(previous) - 0.12 * previous.size &&
           word.x0 >= previous.x1 - 1 && word.x0 - previous.x1 < previous.size;
}

// A footnote's own number, raised before its (larger) first word.
bool is_superscript_before(const Word& marker, const Word& word) {
    return is_marker_text(marker.text) && marker.size < 0.9 * word.size &&
           baseline(marker) < baseline(word) - 0.12 * word.size && word.x0 >= marker.x1 - 1 &&
           word.x0 - marker.x1 < 2 * word.size;
}

bool continues_line(const std::vector<Word>& line, const Word& word, bool typeset) {
    const Word& last = line.back();
    if (word.x0 < last.x1 - 1) return false;  // went back left: a new line
    const double size = std::max(last.size, word.size);
    if (word.x0 - last.x1 > 6 * size) return false;  // a gutter between columns
    if (std::abs(baseline(word) - baseline(last)) <= 0.35 * size) return true;
    if (!typeset) return false;
    if (is_superscript_after(last, word)) return true;
    // A word back on the baseline after a superscript marker.
    if (last.superscript && line.size() >= 2) {
        return std::abs(baseline(word) - baseline(line[line.size() - 2])) <= 0.35 * size;
    }
    return line.size() == 1 && is_superscript_before(last, word);
}

TextLine finish_line(std::vector<Word>& words, bool typeset) {
    TextLine line;
    if (typeset && words.size() >= 2 && is_superscript_before(words[0], words[1])) {
        words[0].superscript = true;
        line.leading_marker = words[0].text;
    }
    std::map<double, std::size_t> letters_at_size;
    bool first = true;
    bool all_bold = true;
    bool all_italic = true;
    const Word* previous = nullptr;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Word& w = words[i];
        if (first) {
            line.x0 = w.x0, line.x1 = w.x1, line.top = w.top, line.bottom = w.bottom;
            first = false;
        } else {
            line.x0 = std::min(line.x0, w.x0), line.x1 = std::max(line.x1, w.x1);
            line.top = std::min(line.top, w.top), line.bottom = std::max(line.bottom, w.bottom);
        }
        if (w.superscript) {
            if (i > 0) line.markers.push_back(w.text);
            previous = &w;
            continue;
        }
        if (previous && !line.text.empty() &&
            (previous->space_after || w.x0 - previous->x1 > 0.2 * w.size)) {
            line.text.push_back(' ');
        }
        line.text.append(w.text);
        letters_at_size[std::round(w.size * 2) / 2] += w.text.size();
        all_bold = all_bold && w.bold;
        all_italic = all_italic && w.italic;
        previous = &w;
    }
    std::size_t most = 0;
    for (const auto& [size, letters] : letters_at_size) {
        if (letters > most) most = letters, line.size = size;
    }
    line.bold = all_bold && !line.text.empty();
    line.italic = all_italic && !line.text.empty();
    return line;
}

// Typeset ligatures ("ﬁ", "ﬂ", "ﬀ", "ﬃ", "ﬄ", "ﬅ", "ﬆ", U+FB00 to U+FB06)
// folded to their letters, so that "deﬁnitie" is found as "definitie".
std::string fold_ligatures(std::string text) {
    static constexpr std::string_view kLetters[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
        if (i + 2 < text.size() && byte(i) == 0xEF && byte(i + 1) == 0xAC && byte(i + 2) <= 0x86) {
            out.append(kLetters[byte(i + 2) - 0x80]);
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

// Text layers put on scans by OCR size each word to its own box, so the
// words of one line differ in size and in baseline (a word without
// descenders sits higher). Typeset text keeps one size along a line.
bool is_typeset(const std::vector<Word>& words) {
    std::size_t neighbours = 0, differing = 0;
    for (std::size_t i = 1; i < words.size(); ++i) {
        const Word& a = words[i - 1];
        const Word& b = words[i];
        const double size = std::max(a.size, b.size);
        if (b.x0 < a.x1 - 1 || b.x0 - a.x1 > 2 * size) continue;
        if (std::abs(baseline(a) - baseline(b)) > 0.5 * size) continue;
        ++neighbours;
        if (std::abs(a.size - b.size) > 0.1 * size) ++differing;
    }
    return neighbours < 10 || differing * 5 < neighbours;
}

std::vector<Word> words_of(const poppler::page& page) {
    std::vector<Word> words;
    std::size_t rotated = 0;
    std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
    for (const poppler::text_box& box : boxes) rotated += box.rotation() != 0 ? 1 : 0;
    // Text turned on its side is margin furniture, unless it is the page.
    const bool skip_rotated = rotated * 2 < boxes.size();
    for (const poppler::text_box& box : boxes) {
        if (skip_rotated && box.rotation() != 0) continue;
        std::string text = fold_ligatures(to_std_string(box.text()));
        if (text.empty()) continue;
        const poppler::rectf r = box.bbox();
        const std::string font = box.has_font_info() ? box.get_font_name() : std::string();
        Word w{std::move(text),
               r.x(),
               r.right(),
               r.y(),
               r.bottom(),
               box.get_font_size(),
               font_is_bold(font),
               font_is_italic(font),
               box.has_space_after()};
        if (w.size <= 0) w.size = std::max(1.0, r.height());
        words.push_back(std::move(w));
    }
    return words;
}

// Whether `words[i]`, a footnote number, stands where it is set: raised
// after the word it marks, or before a footnote's first word.
bool marker_in_place(const std::vector<Word>& words, std::size_t i) {
    return (i + 1 < words.size() && is_superscript_before(words[i], words[i + 1])) ||
           (i > 0 && is_superscript_after(words[i - 1], words[i]));
}

// Poppler gives some footnote numbers after the rest of the page (a BNC
// fiche's notes 1 and 2 come after its page number), where they would open
// no footnote. Such a number goes back before the word it is set against:
// the nearest word below it whose baseline it is raised above.
void put_stray_markers_in_place(std::vector<Word>& words) {
    std::multimap<std::size_t, std::size_t> markers_before;  // word -> markers
    std::vector<bool> moved(words.size(), false);
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!is_marker_text(words[i].text) || marker_in_place(words, i)) continue;
        std::size_t target = words.size();
        double nearest = 0;
        for (std::size_t j = 0; j < words.size(); ++j) {
            const double drop = baseline(words[j]) - baseline(words[i]);
            if (j == i || !is_superscript_before(words[i], words[j]) || drop > words[j].size) {
                continue;
            }
            if (target == words.size() || drop < nearest) target = j, nearest = drop;
        }
        if (target == words.size()) continue;
        markers_before.emplace(target, i);
        moved[i] = true;
    }
    if (markers_before.empty()) return;
    std::vector<Word> ordered;
    ordered.reserve(words.size());
    for (std::size_t j = 0; j < words.size(); ++j) {
        const auto [first, last] = markers_before.equal_range(j);
        for (auto it = first; it != last; ++it) ordered.push_back(words[it->second]);
        if (!moved[j]) ordered.push_back(std::move(words[j]));
    }
    words = std::move(ordered);
}

}  // namespace

std::vector<LaidOutPage> lay_out_pages(const poppler::document& pdf) {
    std::vector<LaidOutPage> pages;
    for (int i = 0; i < pdf.pages(); ++i) {
        LaidOutPage laid_out;
        std::unique_ptr<poppler::page> page(pdf.create_page(i));
        if (page) {
            const poppler::rectf box = page->page_rect();
            laid_out.width = box.width();
            laid_out.height = box.height();
            std::vector<Word> words = words_of(*page);
            // Superscript footnote markers exist only in typeset text; in
            // OCR they would be numbers of the text taken for markers.
            const bool typeset = is_typeset(words);
            if (typeset) put_stray_markers_in_place(words);
            std::vector<Word> line;
            for (Word& word : words) {
                if (!line.empty() && !continues_line(line, word, typeset)) {
                    laid_out.lines.push_back(finish_line(line, typeset));
                    line.clear();
                }
                if (typeset && !line.empty() && is_superscript_after(line.back(), word)) {
                    word.superscript = true;
                }
                line.push_back(std::move(word));
            }
            if (!line.empty()) laid_out.lines.push_back(finish_line(line, typeset));
            std::erase_if(laid_out.lines, [](const TextLine& l) { return l.text.empty(); });
        }
        pages.push_back(std::move(laid_out));
    }
    return pages;
}

double body_font_size(const std::vector<LaidOutPage>& pages) {
    std::map<double, std::size_t> letters_at_size;
    for (const LaidOutPage& page : pages) {
        for (const TextLine& line : page.lines) letters_at_size[line.size] += line.text.size();
    }
    double body = 0;
    std::size_t most = 0;
    for (const auto& [size, letters] : letters_at_size) {
        if (letters > most) most = letters, body = size;
    }
    return body;
}

}  // namespace kamerzoek::corpus::pdf
