#include "corpus/readers/pdf_body.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/extracted_text.h"

namespace kamerzoek::corpus::pdf {
namespace {

bool is_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Set apart from the body: bold, italic or larger. Headings are, and so is
// emphasised text; what tells them apart is length and punctuation.
bool is_emphasised(const TextLine& line, double body_size) {
    return line.bold || line.italic || line.size > 1.06 * body_size;
}

bool is_smaller_than_body(const TextLine& line, double body_size) {
    return line.size < 0.92 * body_size && line.size >= 0.35 * body_size;
}

// "d.d.", "o.a.", "nr.": a full stop that ends a word, not a sentence.
bool ends_with_abbreviation(std::string_view s) {
    const std::size_t space = s.rfind(' ');
    const std::string_view word = space == std::string_view::npos ? s : s.substr(space + 1);
    if (word.size() >= 3 && word.substr(0, word.size() - 1).find('.') != std::string_view::npos &&
        std::islower(static_cast<unsigned char>(word.front()))) {
        return true;
    }
    for (const std::string_view abbreviation :
         {"nr.",   "jl.", "bijv.", "art.", "blz.", "vgl.",   "zgn.",
          "resp.", "ca.", "mr.",   "dr.",  "drs.", "prof.",  "ir.",
          "no.",   "p.",  "pp.",   "e.a.", "e.d.", "m.b.t.", "t.a.v."}) {
        if (word == abbreviation) return true;
    }
    return false;
}

bool ends_sentence(std::string_view s) {
    if (ends_with_abbreviation(s)) return false;
    while (!s.empty() && std::string_view(")\"'»").find(s.back()) != std::string_view::npos) {
        s.remove_suffix(1);
    }
    for (const std::string_view closer : {"\xE2\x80\x9D", "\xE2\x80\x99"}) {  // ” ’
        if (s.ends_with(closer)) s.remove_suffix(closer.size());
    }
    return !s.empty() && std::string_view(".!?:;").find(s.back()) != std::string_view::npos;
}

bool starts_with_bullet(std::string_view s) {
    for (const std::string_view bullet : {"\xE2\x80\xA2", "\xE2\x80\x93 ", "\xE2\x80\x94 ", "- ",
                                          "\xEF\x82\xB7", "\xE2\x96\xAA", "\xC2\xB7 ", "o "}) {
        if (s.starts_with(bullet)) return true;
    }
    return false;
}

// "1.", "2.3", "a)", "(b)", "IV.": the numbering that opens a heading.
bool starts_numbered(std::string_view s) {
    std::size_t i = 0;
    if (i < s.size() && s[i] == '(') ++i;
    const std::size_t start = i;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
    if (i == start) {
        while (i < s.size() && i - start < 4 &&
               std::string_view("abcdefghijIVXL").find(s[i]) != std::string_view::npos) {
            ++i;
        }
        if (i == start || i >= s.size() || (s[i] != ')' && s[i] != '.')) return false;
        ++i;
    }
    return i < s.size() && s[i] == ' ';
}

// ---- tables ----

// "•", "-", "o", "": a bullet on its own.
bool is_list_marker(std::string_view s) {
    return s.size() <= 3 && std::none_of(s.begin(), s.end(), [](unsigned char c) {
               return std::isdigit(c) || (std::isalpha(c) && c != 'o');
           });
}

// Lines that stand on one row of the page, left to right.
using Row = std::vector<std::size_t>;

std::vector<Row> rows_of(const LaidOutPage& page, const std::vector<std::size_t>& lines) {
    std::vector<std::size_t> by_top = lines;
    std::stable_sort(by_top.begin(), by_top.end(), [&](std::size_t a, std::size_t b) {
        return page.lines[a].top < page.lines[b].top;
    });
    std::vector<Row> rows;
    for (const std::size_t i : by_top) {
        const TextLine& line = page.lines[i];
        if (!rows.empty() && std::abs(line.top - page.lines[rows.back().front()].top) <=
                                 0.3 * std::max(line.size, 1.0)) {
            rows.back().push_back(i);
        } else {
            rows.push_back({i});
        }
    }
    for (Row& row : rows) {
        std::sort(row.begin(), row.end(), [&](std::size_t a, std::size_t b) {
            return page.lines[a].x0 < page.lines[b].x0;
        });
    }
    return rows;
}

// Cells side by side with a gutter between them. Two columns of running
// text stand side by side too, but their lines fill the columns: a row of
// two is a table row only when one cell is short.
bool is_table_row(const LaidOutPage& page, const Row& row) {
    std::size_t cells = 0;
    double narrowest = page.width;
    for (std::size_t k = 0; k < row.size(); ++k) {
        const TextLine& cell = page.lines[row[k]];
        if (k > 0 && cell.x0 < page.lines[row[k - 1]].x1 + 0.5 * cell.size) return false;
        // The bullet or number of a list item, set apart from its text.
        if (k == 0 && (is_list_marker(cell.text) || starts_numbered(cell.text + " "))) continue;
        ++cells;
        narrowest = std::min(narrowest, cell.x1 - cell.x0);
    }
    return cells >= 3 || (cells == 2 && narrowest < 0.25 * page.width);
}

struct Table {
    std::vector<std::size_t> lines;  // the page's lines in the table
    std::string text;                // a row per line, cells between " | "
};

// A cell of a later column wraps onto lines of its own below the last
// row ("Brenno de Winter" / "Ed Lute"): lines that start where such a cell
// starts, straight below the table, are still the table. Lines at the first
// column's edge are the text that follows it.
double extend_down(const LaidOutPage& page, double top, double bottom, double x0) {
    std::vector<double> columns;
    for (const TextLine& line : page.lines) {
        const double middle = (line.top + line.bottom) / 2;
        if (middle >= top && middle <= bottom && line.x0 > x0 + line.size) {
            columns.push_back(line.x0);
        }
    }
    std::vector<const TextLine*> below;
    for (const TextLine& line : page.lines) {
        if (line.top > bottom - 1) below.push_back(&line);
    }
    std::sort(below.begin(), below.end(),
              [](const TextLine* a, const TextLine* b) { return a->top < b->top; });
    for (const TextLine* line : below) {
        if (line->top - bottom > line->height()) break;
        const bool in_column = std::any_of(columns.begin(), columns.end(),
                                           [&](double x) { return std::abs(line->x0 - x) <= 2; });
        if (!in_column) break;
        bottom = std::max(bottom, line->bottom);
    }
    return bottom;
}

// A table's text: a row per line, cells between " | ". A row starts
// where a line stands in the first column; the lines of a cell wrapped
// below it join that cell, so that each cell reads as one sentence.
std::string table_text(const LaidOutPage& page, const std::vector<std::size_t>& lines,
                       double first_column, const std::vector<std::string>& vocabulary) {
    struct Cell {
        double x0, x1;
        std::string text;
    };
    const std::vector<Row> lines_by_row = rows_of(page, lines);
    // Rows are set further apart than the lines of one cell, unless every
    // row is one line.
    double leading = page.height, widest = 0;
    for (std::size_t r = 1; r < lines_by_row.size(); ++r) {
        const double step =
            page.lines[lines_by_row[r].front()].top - page.lines[lines_by_row[r - 1].front()].top;
        leading = std::min(leading, step), widest = std::max(widest, step);
    }
    const bool one_line_rows = widest <= 1.15 * leading;
    std::vector<std::vector<Cell>> rows;
    for (std::size_t r = 0; r < lines_by_row.size(); ++r) {
        const Row& row = lines_by_row[r];
        const TextLine& leftmost = page.lines[row.front()];
        const bool apart =
            r == 0 || one_line_rows ||
            leftmost.top - page.lines[lines_by_row[r - 1].front()].top > 1.15 * leading;
        if (rows.empty() || (leftmost.x0 <= first_column + leftmost.size && apart)) {
            rows.emplace_back();
        }
        std::vector<Cell>& cells = rows.back();
        const bool opens_row = cells.empty();
        for (const std::size_t i : row) {
            const TextLine& line = page.lines[i];
            // The cell this line wraps: the one in its column, or the one
            // it starts under (poppler may have run two cells into one line).
            auto column = std::find_if(cells.begin(), cells.end(), [&](const Cell& cell) {
                return std::abs(cell.x0 - line.x0) <= line.size;
            });
            if (column == cells.end()) {
                column = std::find_if(cells.begin(), cells.end(), [&](const Cell& cell) {
                    return cell.x0 < line.x0 && line.x0 < cell.x1;
                });
            }
            if (!opens_row && column != cells.end()) {
                append_wrapped_line(column->text, line.text, vocabulary);
                column->x1 = std::max(column->x1, line.x1);
            } else {
                cells.push_back({line.x0, line.x1, line.text});
            }
        }
        std::stable_sort(cells.begin(), cells.end(),
                         [](const Cell& a, const Cell& b) { return a.x0 < b.x0; });
    }
    std::string text;
    for (const std::vector<Cell>& cells : rows) {
        text.append(text.empty() ? "" : "\n");
        for (std::size_t k = 0; k < cells.size(); ++k) {
            text.append(k == 0 ? "" : " | ").append(cells[k].text);
        }
    }
    return text;
}

// Three or more table rows close together make a table; every line
// within its bounds belongs to it (a cell wrapped onto a line of its own).
std::vector<Table> find_tables(const LaidOutPage& page,
                               const std::vector<std::string>& vocabulary) {
    std::vector<std::size_t> all(page.lines.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    std::vector<std::vector<const Row*>> runs;
    const std::vector<Row> rows = rows_of(page, all);
    double run_top = 0, run_bottom = 0, run_x0 = 0;
    for (const Row& row : rows) {
        if (!is_table_row(page, row)) continue;
        const TextLine& first = page.lines[row.front()];
        // Rows stand apart by the lines a long cell wraps onto.
        const bool close =
            !runs.empty() &&
            first.top - extend_down(page, run_top, run_bottom, run_x0) <= 4 * first.height();
        if (!close) {
            runs.emplace_back();
            run_top = first.top, run_bottom = first.bottom, run_x0 = first.x0;
        }
        runs.back().push_back(&row);
        for (const std::size_t i : row) {
            run_bottom = std::max(run_bottom, page.lines[i].bottom);
            run_x0 = std::min(run_x0, page.lines[i].x0);
        }
    }
    std::vector<Table> tables;
    for (const auto& run : runs) {
        // Three rows, or two of which one has three cells (a header over a
        // row): two columns of text never have three.
        const bool wide =
            std::any_of(run.begin(), run.end(), [](const Row* row) { return row->size() >= 3; });
        if (run.size() < 3 && !(run.size() == 2 && wide)) continue;
        double top = page.height, bottom = 0, x0 = page.width, x1 = 0;
        for (const Row* row : run) {
            for (const std::size_t i : *row) {
                const TextLine& line = page.lines[i];
                top = std::min(top, line.top), bottom = std::max(bottom, line.bottom);
                x0 = std::min(x0, line.x0), x1 = std::max(x1, line.x1);
            }
        }
        bottom = extend_down(page, top, bottom, x0);
        Table table;
        for (std::size_t i = 0; i < page.lines.size(); ++i) {
            const TextLine& line = page.lines[i];
            const double middle = (line.top + line.bottom) / 2;
            if (middle >= top && middle <= bottom && line.x0 < x1 && line.x1 > x0) {
                table.lines.push_back(i);
            }
        }
        table.text = table_text(page, table.lines, x0, vocabulary);
        tables.push_back(std::move(table));
    }
    return tables;
}

// "12 Zie Kamerstuk ..." opens footnote 12 in text layers without fonts.
std::string number_before_text(std::string_view text) {
    std::size_t digits = 0;
    while (digits < text.size() && digits < 3 && text[digits] >= '0' && text[digits] <= '9') {
        ++digits;
    }
    if (digits == 0 || digits >= text.size() || text[digits] != ' ') return "";
    return std::string(text.substr(0, digits));
}

// The footnote label a line opens with, or "".
std::string footnote_label(const TextLine& line) {
    if (!line.leading_marker.empty()) return line.leading_marker;
    return number_before_text(line.text);
}

// Which lines of a page are footnotes, and the label of each footnote's
// first line. Footnotes are set smaller than the body and below all of it.
struct PageFootnotes {
    std::vector<bool> is_footnote;
    std::vector<std::string> opens;  // label where a footnote starts
};

PageFootnotes find_footnotes(const LaidOutPage& page, double body_size,
                             const std::vector<bool>& in_table) {
    const std::size_t n = page.lines.size();
    PageFootnotes notes{std::vector<bool>(n, false), std::vector<std::string>(n)};
    double lowest_body = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const TextLine& line = page.lines[i];
        if (in_table[i] || !is_smaller_than_body(line, body_size)) {
            lowest_body = std::max(lowest_body, line.top);
        }
    }
    std::string pending_label;  // a marker set on a line of its own
    bool in_notes = false;
    for (std::size_t i = 0; i < n; ++i) {
        const TextLine& line = page.lines[i];
        const bool small = is_smaller_than_body(line, body_size);
        const bool low = line.top > 0.45 * page.height && line.top > lowest_body;
        if (!small || !low || in_table[i]) {
            continue;
        }
        if (is_digits(line.text) && line.text.size() <= 3) {
            pending_label = line.text;
            notes.is_footnote[i] = true;
            in_notes = true;
            continue;
        }
        std::string label = pending_label.empty() ? footnote_label(line) : pending_label;
        pending_label.clear();
        if (label.empty() && !in_notes) continue;
        notes.is_footnote[i] = true;
        notes.opens[i] = label;
        in_notes = true;
    }
    return notes;
}

// Where the column a line belongs to ends on the right.
double column_right(const LaidOutPage& page, const TextLine& line) {
    double right = line.x1;
    for (const TextLine& other : page.lines) {
        if (std::abs(other.x0 - line.x0) < 4 * line.size &&
            std::abs(other.size - line.size) < 0.15 * line.size) {
            right = std::max(right, other.x1);
        }
    }
    return right;
}

double first_word_width(const TextLine& line) {
    const std::size_t space = line.text.find(' ');
    const std::size_t letters = space == std::string::npos ? line.text.size() : space;
    return 0.5 * line.size * static_cast<double>(letters);
}

struct OpenParagraph {
    std::vector<std::string> lines;
    bool emphasised = false;
    const TextLine* last = nullptr;
    const LaidOutPage* page = nullptr;
};

// Whether `line` starts a new paragraph after the open one on the same page.
bool breaks_paragraph(const OpenParagraph& open, const TextLine& line, double body_size) {
    const TextLine& prev = *open.last;
    const bool emphasised = is_emphasised(line, body_size);
    if (open.emphasised && !emphasised) return true;  // the end of a heading
    if (open.emphasised &&
        (starts_numbered(line.text) || line.bold != prev.bold || line.italic != prev.italic)) {
        return true;  // headings of two levels set one under the other
    }
    const bool sentence_done = ends_sentence(prev.text);
    if (line.top < prev.top - 0.5 * prev.height()) return sentence_done;  // a new column
    if (line.top - prev.bottom > 0.45 * prev.height()) return true;       // a blank line
    if (std::abs(line.size - prev.size) > 0.06 * prev.size) return true;
    if (starts_with_bullet(line.text)) return true;
    if (!sentence_done) return false;
    if (emphasised && !open.emphasised) return true;
    if (line.x0 > prev.x0 + 1.5 * prev.size) return true;  // an indented first line
    // The last line of a paragraph stops short of the column's edge: the
    // next line's first word would have fitted.
    return prev.x1 < column_right(*open.page, prev) - first_word_width(line) - 0.3 * prev.size;
}

class BlockBuilder {
  public:
    BlockBuilder(const std::vector<std::string>& vocabulary, double body_size)
        : vocabulary_(vocabulary), body_size_(body_size) {}

    void add_page(const LaidOutPage& page) {
        const std::vector<Table> tables = find_tables(page, vocabulary_);
        // Where each table starts in reading order, and which lines it holds.
        std::vector<const Table*> opens(page.lines.size(), nullptr);
        std::vector<bool> in_table(page.lines.size(), false);
        for (const Table& table : tables) {
            opens[*std::min_element(table.lines.begin(), table.lines.end())] = &table;
            for (const std::size_t i : table.lines) in_table[i] = true;
        }
        const PageFootnotes notes = find_footnotes(page, body_size_, in_table);
        for (std::size_t i = 0; i < page.lines.size(); ++i) {
            if (opens[i]) add_table(*opens[i]);
            if (notes.is_footnote[i] || in_table[i]) continue;
            add_line(page, page.lines[i]);
        }
        if (open_.last && ends_sentence(open_.last->text)) close();
        add_footnotes(page, notes);
        if (!open_.last) flush_footnotes();
    }

    std::vector<Block> finish() {
        close();
        flush_footnotes();
        const std::set<int> labels = footnote_numbers();
        for (Block& block : blocks_) {
            if (block.role != Block::Role::kFootnote) {
                block.text = detach_footnote_markers(block.text, labels);
            }
        }
        return std::move(blocks_);
    }

  private:
    // A table is a paragraph of its own, whatever its cells' fonts: rows
    // are not footnotes, nor bold header cells headings.
    void add_table(const Table& table) {
        close();
        Block block;
        block.text = table.text;
        blocks_.push_back(std::move(block));
    }

    void add_line(const LaidOutPage& page, const TextLine& line) {
        if (open_.last) {
            const bool breaks = open_.page != &page
                                    ? ends_sentence(open_.last->text) || open_.emphasised ||
                                          is_emphasised(line, body_size_) ||
                                          starts_with_bullet(line.text)
                                    : breaks_paragraph(open_, line, body_size_);
            if (breaks) close();
        }
        if (!open_.last) open_.emphasised = is_emphasised(line, body_size_);
        open_.lines.push_back(line.text);
        open_.last = &line;
        open_.page = &page;
    }

    void add_footnotes(const LaidOutPage& page, const PageFootnotes& notes) {
        for (std::size_t i = 0; i < page.lines.size(); ++i) {
            if (!notes.is_footnote[i]) continue;
            const TextLine& line = page.lines[i];
            if (is_digits(line.text) && line.text.size() <= 3) continue;  // a marker alone
            if (!notes.opens[i].empty() || pending_notes_.empty()) {
                Block note;
                note.role = Block::Role::kFootnote;
                note.label = notes.opens[i];
                std::string text = line.text;
                if (line.leading_marker.empty() && !note.label.empty() &&
                    text.starts_with(note.label + " ")) {
                    text.erase(0, note.label.size() + 1);
                }
                note.text = text;
                pending_notes_.push_back(std::move(note));
            } else {
                append_wrapped_line(pending_notes_.back().text, line.text, vocabulary_);
            }
        }
    }

    static bool is_heading(const OpenParagraph& paragraph, const std::string& text) {
        if (!paragraph.emphasised || paragraph.lines.size() > 3 || text.size() > 160) return false;
        if (std::string_view(".,;").find(text.back()) != std::string_view::npos) return false;
        return std::any_of(text.begin(), text.end(),
                           [](unsigned char c) { return std::isalpha(c) || c >= 0x80; });
    }

    void close() {
        if (!open_.last) return;
        Block block;
        for (const std::string& line : open_.lines)
            append_wrapped_line(block.text, line, vocabulary_);
        if (is_heading(open_, block.text)) block.role = Block::Role::kHeading;
        // A bullet or rule on a line of its own says nothing.
        const bool has_text =
            std::any_of(block.text.begin(), block.text.end(),
                        [](unsigned char c) { return std::isalnum(c) || c >= 0xC3; });
        if (has_text) blocks_.push_back(std::move(block));
        open_ = OpenParagraph{};
        flush_footnotes();
    }

    void flush_footnotes() {
        for (Block& note : pending_notes_) blocks_.push_back(std::move(note));
        pending_notes_.clear();
    }

    std::set<int> footnote_numbers() const {
        std::set<int> numbers;
        for (const Block& block : blocks_) {
            if (block.role == Block::Role::kFootnote && is_digits(block.label)) {
                numbers.insert(std::stoi(block.label));
            }
        }
        return numbers;
    }

    const std::vector<std::string>& vocabulary_;
    double body_size_;
    OpenParagraph open_;
    std::vector<Block> pending_notes_;
    std::vector<Block> blocks_;
};

}  // namespace

bool is_table(const Block& block) {
    return block.role == Block::Role::kParagraph && block.text.find('\n') != std::string::npos &&
           block.text.find(" | ") != std::string::npos;
}

bool has_typography(const std::vector<LaidOutPage>& pages, double body_size) {
    for (const LaidOutPage& page : pages) {
        for (const TextLine& line : page.lines) {
            if (line.text.size() >= 3 && (line.bold || line.italic)) return true;
        }
    }
    (void)body_size;
    return false;
}

std::vector<Block> body_blocks(const std::vector<LaidOutPage>& pages, double body_size) {
    std::vector<std::string> all_lines;
    for (const LaidOutPage& page : pages) {
        for (const TextLine& line : page.lines) all_lines.push_back(line.text);
    }
    const std::vector<std::string> vocabulary = sorted_vocabulary(all_lines);
    BlockBuilder builder(vocabulary, body_size);
    for (const LaidOutPage& page : pages) builder.add_page(page);
    return builder.finish();
}

}  // namespace kamerzoek::corpus::pdf
