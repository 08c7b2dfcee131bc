#include "corpus/passages.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace kamerzoek::corpus {
namespace {

// Words after which a full stop does not end a sentence.
bool is_abbreviation(std::string_view word) {
    static const std::unordered_set<std::string_view> abbreviations{
        "nr", "nrs", "dd", "jl",   "bijv", "o.a",  "vgl",  "art",   "blz",   "p",     "pp",   "mr",
        "dr", "drs", "ir", "prof", "ca",   "resp", "incl", "excl",  "e.a",   "etc",   "i.e",  "e.g",
        "no", "vs",  "st", "mw",   "dhr",  "mevr", "z.g",  "m.b.t", "t.a.v", "i.v.m", "n.a.v"};
    std::string lower(word);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.size() == 1 || abbreviations.count(lower) > 0;
}

// Byte offsets just after each sentence end in `text`.
std::vector<std::size_t> sentence_ends(std::string_view text) {
    std::vector<std::size_t> ends;
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        const char c = text[i];
        if ((c != '.' && c != '?' && c != '!') || text[i + 1] != ' ') continue;
        const char next = text[i + 2];
        if (!(std::isupper(static_cast<unsigned char>(next)) || next == '\xC2' || next == '\xE2' ||
              next == '(' || next == '\xC3')) {
            continue;
        }
        std::size_t word_start = i;
        while (word_start > 0 && text[word_start - 1] != ' ') --word_start;
        if (c == '.' && is_abbreviation(text.substr(word_start, i - word_start))) continue;
        ends.push_back(i + 1);
    }
    return ends;
}

// Where to end a piece of `text` starting at `start` so that it holds at
// most `max_bytes`: after the last space in the second half of that span,
// else at the last character boundary.
std::size_t cut_point(std::string_view text, std::size_t start, std::size_t max_bytes) {
    std::size_t cut = start + max_bytes;
    if (cut >= text.size()) return text.size();
    const std::size_t space = text.rfind(' ', cut);
    if (space != std::string_view::npos && space > start + max_bytes / 2) return space;
    while (cut > start && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return cut > start ? cut : start + max_bytes;
}

// `piece` in parts of at most `max_bytes` (see cut_point), appended to `out`.
void cut_to_size(std::string piece, std::size_t max_bytes, std::vector<std::string>& out) {
    if (piece.size() <= max_bytes) {
        out.push_back(std::move(piece));
        return;
    }
    for (std::size_t start = 0; start < piece.size();) {
        const std::size_t end = cut_point(piece, start, max_bytes);
        out.push_back(piece.substr(start, end - start));
        start = end;
        while (start < piece.size() && piece[start] == ' ') ++start;
    }
}

// Splits a long text at sentence ends into pieces of at most `max_chars`
// where possible; a single longer sentence stays whole up to `hard_max`.
std::vector<std::string> split_long(const std::string& text, std::size_t max_chars,
                                    std::size_t hard_max) {
    if (text.size() <= max_chars) return {text};
    std::vector<std::string> pieces;
    std::size_t start = 0;
    std::size_t last_end = 0;
    for (const std::size_t end : sentence_ends(text)) {
        if (end - start > max_chars && last_end > start) {
            pieces.push_back(text.substr(start, last_end - start));
            start = last_end + 1;  // skip the space
        }
        last_end = end;
    }
    if (text.size() - start > max_chars && last_end > start) {
        pieces.push_back(text.substr(start, last_end - start));
        start = last_end + 1;
    }
    if (start < text.size()) pieces.push_back(text.substr(start));
    std::vector<std::string> bounded;
    for (std::string& piece : pieces) cut_to_size(std::move(piece), hard_max, bounded);
    return bounded;
}

bool is_standalone(const Block& block) {
    return block.role == Block::Role::kFootnote || block.role == Block::Role::kMotion;
}

Passage passage_from(const Block& block, const std::string& section, std::string text) {
    Passage passage;
    passage.section = section;
    passage.text = std::move(text);
    passage.is_footnote = block.role == Block::Role::kFootnote;
    passage.label = block.label;
    passage.speaker = block.speaker;
    passage.party = block.party;
    passage.linked_ids = block.linked_ids;
    return passage;
}

// Whether two neighbouring passages may become one: same section, same
// speaker, and neither stands alone.
bool mergeable(const Passage& a, const Passage& b, const PassageLimits& limits) {
    return a.section == b.section && a.speaker == b.speaker && !a.is_footnote && !b.is_footnote &&
           a.label.empty() && b.label.empty() &&
           a.text.size() + b.text.size() < limits.max_chars + limits.max_chars / 4;
}

void merge_into(Passage& target, Passage&& source, bool append) {
    // Rows of a table (or lines of an address) are a line each; a fragment
    // joined to them keeps a line of its own instead of ending the last row.
    const bool lines =
        target.text.find('\n') != std::string::npos || source.text.find('\n') != std::string::npos;
    const char* const separator = lines ? "\n" : " ";
    target.text =
        append ? target.text + separator + source.text : source.text + separator + target.text;
    target.linked_ids.insert(target.linked_ids.end(), source.linked_ids.begin(),
                             source.linked_ids.end());
}

// An item label: digits ("12"), one letter ("c") or a roman numeral ("iv").
bool is_item_label(std::string_view label) {
    const auto all_of = [&](auto predicate) {
        return std::all_of(label.begin(), label.end(),
                           [&](char c) { return predicate(static_cast<unsigned char>(c)); });
    };
    if (label.empty() || label.size() > 4) return false;
    if (all_of([](unsigned char c) { return std::isdigit(c) != 0; })) return true;
    if (label.size() == 1) return std::isalpha(static_cast<unsigned char>(label[0])) != 0;
    return all_of([](unsigned char c) { return c == 'i' || c == 'v' || c == 'x'; }) ||
           all_of([](unsigned char c) { return c == 'I' || c == 'V' || c == 'X'; });
}

// "a. ", "1. ", "3°. ", "(c) ", "ii) ": the marker of an enumerated item.
bool starts_with_item_marker(std::string_view text) {
    std::size_t i = text.starts_with('(') ? 1 : 0;
    const std::size_t label_start = i;
    while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
    if (!is_item_label(text.substr(label_start, i - label_start))) return false;
    if (text.substr(i).starts_with("\xC2\xB0")) i += 2;  // "3°"
    if (i >= text.size() || (text[i] != '.' && text[i] != ')')) return false;
    ++i;
    if (i < text.size() && text[i] == '.') ++i;  // "3°." after the degree sign
    return i < text.size() && text[i] == ' ';
}

// Enumerated items (a law article's members "1.", "2.", its points "a.",
// "3°.") pack into passages of about `target_chars` with what introduces
// them: one item alone is too little to quote, and every passage costs a
// document in the index. Paragraphs and bullets stay passages of their own,
// as their writer meant them.
// Tiny fragments (a signature, a one-line remark) join the passage before
// them, or the one after when there is none to join.
std::vector<Passage> pack_passages(std::vector<Passage> passages, const PassageLimits& limits) {
    std::vector<Passage> packed;
    for (std::size_t i = 0; i < passages.size(); ++i) {
        Passage& current = passages[i];
        const bool tiny = current.text.size() < limits.min_chars;
        const bool list_room = !packed.empty() && starts_with_item_marker(current.text) &&
                               packed.back().text.size() < limits.target_chars &&
                               packed.back().text.size() + current.text.size() < limits.max_chars;
        if ((tiny || list_room) && !packed.empty() && mergeable(packed.back(), current, limits)) {
            merge_into(packed.back(), std::move(current), true);
        } else if (tiny && i + 1 < passages.size() && mergeable(current, passages[i + 1], limits)) {
            merge_into(passages[i + 1], std::move(current), false);
        } else {
            packed.push_back(std::move(current));
        }
    }
    return packed;
}

void number_and_place(std::vector<Passage>& passages) {
    std::size_t offset = 0;
    for (std::size_t i = 0; i < passages.size(); ++i) {
        passages[i].ordinal = static_cast<int>(i);
        passages[i].begin = offset;
        passages[i].end = offset + passages[i].text.size();
        offset = passages[i].end + 2;  // the blank line Document::text() puts between
    }
}

}  // namespace

void split_into_passages(Document& document, const PassageLimits& limits) {
    std::vector<Passage> passages;
    std::string section;
    for (std::size_t i = 0; i < document.blocks.size(); ++i) {
        const Block& block = document.blocks[i];
        if (block.text.empty()) continue;
        const bool last = i + 1 == document.blocks.size();
        if (block.role == Block::Role::kHeading && !last && block.text.size() <= limits.max_chars) {
            section = block.text;
            continue;
        }
        for (std::string& piece : split_long(block.text, limits.max_chars, limits.hard_max_chars)) {
            passages.push_back(passage_from(block, section, std::move(piece)));
        }
        if (is_standalone(block)) passages.back().label = block.label.empty() ? "-" : block.label;
    }
    passages = pack_passages(std::move(passages), limits);
    for (Passage& passage : passages) {
        if (passage.label == "-") passage.label.clear();
    }
    number_and_place(passages);
    document.passages = std::move(passages);
}

}  // namespace kamerzoek::corpus
