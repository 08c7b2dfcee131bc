// Laws and treaties as Markdown (wetten.overheid.nl converted): a leading
// `<meta ...>` line, headings often written "##Title" without a space,
// tables, lists and a little inline markup. One pass over the lines, no
// regular expressions: the bulk collection is large.
#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/encoding.h"
#include "corpus/readers/readers.h"

namespace kamerzoek::corpus {
namespace {

bool is_blank_char(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_blank_char(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_blank_char(s.back())) s.remove_suffix(1);
    return s;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) !=
            suffix[i]) {
            return false;
        }
    }
    return true;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    }
    return true;
}

// Runs of spaces become one; the source pads "Article  I" and line ends.
void append_tidy(std::string& out, std::string_view text) {
    for (const char c : text) {
        const bool space = is_blank_char(c) || c == '\n';
        if (space) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
}

void trim_back(std::string& s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
}

// ---- inline markup ----

// The index of the `]` closing a link text opened at `open`, or npos.
// Link texts are short; the search stops after a few hundred bytes so that a
// line of stray brackets costs linear time, not quadratic.
std::size_t closing_bracket(std::string_view s, std::size_t open) {
    int depth = 0;
    const std::size_t end = std::min(s.size(), open + 500);
    for (std::size_t i = open; i < end; ++i) {
        if (s[i] == '[') ++depth;
        if (s[i] == ']' && --depth == 0) return i;
    }
    return std::string_view::npos;
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); }

// A single "_" or "*" marks emphasis only at a word's edge: "_gebied_"
// loses them, "art_1" and "5 * 3" keep theirs.
bool is_single_emphasis(std::string_view s, std::size_t i) {
    const bool word_before = i > 0 && is_word_char(s[i - 1]);
    const bool word_after = i + 1 < s.size() && is_word_char(s[i + 1]);
    return word_before != word_after;
}

// Keeps link and image texts, drops their targets and the emphasis marks
// "**", "__", "`" and single "_"/"*" at a word's edge.
std::string strip_inline(std::string_view s, int depth = 0) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if ((c == '*' || c == '_') && i + 1 < s.size() && s[i + 1] == c) {
            ++i;
            continue;
        }
        if (c == '`') continue;
        if ((c == '*' || c == '_') && is_single_emphasis(s, i)) continue;
        if (c == '!' && i + 1 < s.size() && s[i + 1] == '[') continue;
        if (c == '[') {
            const std::size_t close = closing_bracket(s, i);
            if (depth < 8 && close != std::string_view::npos && close + 1 < s.size() &&
                s[close + 1] == '(') {
                // Targets are paths of a few hundred bytes at most.
                const std::size_t end = s.substr(0, close + 2 + 2000).find(')', close + 2);
                if (end != std::string_view::npos) {
                    out.append(strip_inline(s.substr(i + 1, close - i - 1), depth + 1));
                    i = end;
                    continue;
                }
            }
        }
        out.push_back(c);
    }
    return out;
}

std::string clean(std::string_view s) {
    std::string out;
    append_tidy(out, strip_inline(s));
    trim_back(out);
    while (!out.empty() && out.front() == ' ') out.erase(out.begin());
    return out;
}

// ---- line kinds ----

// The heading's level (1..6) and its text, or level 0.
int heading_level(std::string_view line, std::string_view* text) {
    int level = 0;
    while (level < static_cast<int>(line.size()) && line[level] == '#') ++level;
    if (level == 0 || level > 6) return 0;
    std::string_view rest = line.substr(level);
    while (!rest.empty() && rest.back() == '#') rest.remove_suffix(1);  // closing hashes
    rest = trim(rest);
    if (rest.empty()) return 0;
    *text = rest;
    return level;
}

bool is_table_row(std::string_view line) { return line.size() >= 2 && line.front() == '|'; }

bool is_separator_cell(std::string_view cell) {
    cell = trim(cell);
    if (cell.empty()) return true;
    for (const char c : cell) {
        if (c != '-' && c != ':' && c != ' ') return false;
    }
    return true;
}

// Dot leaders ("Total ........ | $ 83,116") only lead the eye to the next
// cell.
std::string without_leaders(std::string_view cell) {
    std::string out;
    std::size_t dots = 0;
    for (const char c : cell) {
        if (c == '.') {
            ++dots;
            continue;
        }
        out.append(dots >= 4 ? std::string(" ") : std::string(dots, '.'));
        dots = 0;
        out.push_back(c);
    }
    if (dots < 4) out.append(dots, '.');
    return out;
}

// Cells joined by " | "; the alignment row and dash-only cells carry no
// text and are dropped.
std::string table_row_text(std::string_view line) {
    line = trim(line);
    line.remove_prefix(1);
    if (!line.empty() && line.back() == '|') line.remove_suffix(1);
    std::string row;
    std::size_t start = 0;
    while (start <= line.size()) {
        std::size_t end = line.find('|', start);
        if (end == std::string_view::npos) end = line.size();
        const std::string_view cell = line.substr(start, end - start);
        if (!is_separator_cell(cell)) {
            const std::string text = clean(without_leaders(cell));
            if (!text.empty()) {
                if (!row.empty()) row.append(" | ");
                row.append(text);
            }
        }
        start = end + 1;
    }
    return row;
}

// "1.", "a)", "-", "*", "–" and friends open a list item.
bool is_list_item(std::string_view line) {
    if (line.empty()) return false;
    if (starts_with(line, "- ") || starts_with(line, "* ") || starts_with(line, "+ ")) return true;
    if (starts_with(line, "– ") || starts_with(line, "— ") || starts_with(line, "• ")) {
        return true;
    }
    std::size_t i = 0;
    while (i < line.size() && i < 4 && std::isalnum(static_cast<unsigned char>(line[i]))) ++i;
    return i > 0 && i + 1 < line.size() && (line[i] == '.' || line[i] == ')') &&
           line[i + 1] == ' ' && (std::isdigit(static_cast<unsigned char>(line[0])) || i == 1);
}

// Bullets are layout; numbers ("1.", "a)") are cited and stay.
std::string_view without_bullet(std::string_view line) {
    for (const std::string_view bullet : {"- ", "* ", "+ ", "– ", "— ", "• "}) {
        if (starts_with(line, bullet)) return trim(line.substr(bullet.size()));
    }
    return line;
}

// The meta line of these files states the charset only; a title or an
// identifier in it would be taken.
std::string meta_content(std::string_view line, std::string_view name) {
    const std::string key = "name='" + std::string(name) + "'";
    const std::string key2 = "name=\"" + std::string(name) + "\"";
    if (line.find(key) == std::string_view::npos && line.find(key2) == std::string_view::npos) {
        return "";
    }
    std::size_t at = line.find("content=");
    if (at == std::string_view::npos || at + 9 >= line.size()) return "";
    const char quote = line[at + 8];
    const std::size_t end = line.find(quote, at + 9);
    if (end == std::string_view::npos) return "";
    return clean(line.substr(at + 9, end - at - 9));
}

// BWB ids ("BWBV0001792", "BWBR0001822") name laws and treaties for good.
std::string bwb_id(std::string_view text) {
    for (std::size_t at = text.find("BWB"); at != std::string_view::npos;
         at = text.find("BWB", at + 1)) {
        if (at + 11 > text.size()) break;
        bool digits = std::isupper(static_cast<unsigned char>(text[at + 3])) != 0;
        for (std::size_t i = at + 4; i < at + 11 && digits; ++i) {
            digits = std::isdigit(static_cast<unsigned char>(text[i])) != 0;
        }
        if (digits) return std::string(text.substr(at, 11));
    }
    return "";
}

// ---- assembling blocks ----

class BlockBuilder {
  public:
    void heading(int level, std::string text) {
        flush();
        if (text.empty()) return;
        if (title_.empty() || (level < title_level_ && !saw_body_)) {
            title_ = text;
            title_level_ = level;
        }
        add(Block::Role::kHeading, std::move(text));
    }

    // Lines of one paragraph are joined with spaces.
    void line(std::string_view text) {
        if (!pending_.empty()) pending_.push_back(' ');
        pending_.append(text);
    }

    void row(std::string text) {
        flush();
        add(Block::Role::kParagraph, std::move(text));
    }

    void flush() {
        if (pending_.empty()) return;
        std::string text = clean(pending_);
        pending_.clear();
        add(Block::Role::kParagraph, std::move(text));
    }

    std::vector<Block> take() {
        flush();
        return std::move(blocks_);
    }
    const std::string& title() const { return title_; }

  private:
    void add(Block::Role role, std::string text) {
        if (text.empty()) return;
        if (role == Block::Role::kParagraph) saw_body_ = true;
        Block block;
        block.role = role;
        block.text = std::move(text);
        blocks_.push_back(std::move(block));
    }

    std::string pending_;
    std::vector<Block> blocks_;
    std::string title_;
    int title_level_ = 7;
    bool saw_body_ = false;
};

struct ParsedMarkdown {
    std::vector<Block> blocks;
    std::string title;
    std::string meta_title;
    std::string meta_id;
};

void parse_line(std::string_view raw, BlockBuilder& builder, ParsedMarkdown& parsed) {
    const std::string_view line = trim(raw);
    std::string_view heading_text;
    if (line.empty()) return builder.flush();
    if (starts_with_ci(line, "<meta")) {
        if (parsed.meta_title.empty()) parsed.meta_title = meta_content(line, "dcterms.title");
        if (parsed.meta_title.empty()) parsed.meta_title = meta_content(line, "title");
        if (parsed.meta_id.empty()) parsed.meta_id = bwb_id(line);
        return;
    }
    if (const int level = heading_level(line, &heading_text)) {
        return builder.heading(level, clean(heading_text));
    }
    if (is_table_row(line)) {
        std::string row = table_row_text(line);
        if (!row.empty()) builder.row(std::move(row));
        return;
    }
    if (is_list_item(line)) {
        builder.flush();
        return builder.line(without_bullet(line));
    }
    builder.line(line);
}

ParsedMarkdown parse_markdown(std::string_view text) {
    ParsedMarkdown parsed;
    BlockBuilder builder;
    if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        parse_line(text.substr(start, end - start), builder, parsed);
        start = end + 1;
    }
    parsed.blocks = builder.take();
    parsed.title = builder.title();
    return parsed;
}

bool has_markdown_extension(std::string_view path) {
    return ends_with_ci(path, ".md") || ends_with_ci(path, ".markdown");
}

// A "<meta" first line followed, within the next lines, by a heading.
bool looks_like_meta_markdown(std::string_view bytes) {
    if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (!starts_with_ci(bytes, "<meta")) return false;
    const std::string_view head = bytes.substr(0, 4096);
    const std::size_t first_end = head.find('\n');
    if (first_end == std::string_view::npos) return false;
    const std::string_view rest = head.substr(first_end);
    return rest.find("\n#") != std::string_view::npos;
}

// Valid UTF-8 is used as it is (the common, fast case); anything else goes
// through the shared decoder.
std::string utf8_text(const std::string& bytes) {
    if (is_valid_utf8(bytes)) return bytes;
    return decode_text(bytes).utf8;
}

class MarkdownReader final : public Reader {
  public:
    std::string_view name() const override { return "markdown"; }

    bool accepts(const SourceFile& file) const override {
        return has_markdown_extension(file.path) || looks_like_meta_markdown(file.bytes);
    }

    std::vector<Document> read(const SourceFile& file) const override {
        ParsedMarkdown parsed = parse_markdown(utf8_text(file.bytes));
        Document document;
        document.title = parsed.meta_title.empty() ? parsed.title : parsed.meta_title;
        document.id = parsed.meta_id.empty()
                          ? bwb_id(std::filesystem::path(file.path).filename().string())
                          : parsed.meta_id;
        document.blocks = std::move(parsed.blocks);
        if (document.blocks.empty()) throw ReadError("Markdown file without text");
        return {std::move(document)};
    }
};

}  // namespace

std::unique_ptr<Reader> make_markdown_reader() { return std::make_unique<MarkdownReader>(); }

}  // namespace kamerzoek::corpus
