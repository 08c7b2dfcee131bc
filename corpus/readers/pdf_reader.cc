// PDF files, read from poppler's words with their place on the page and
// their font (pdf_layout): a letter's letterhead and side column and a
// Kamerstuk's printed head become metadata (pdf_letterhead), page furniture
// goes (pdf_furniture), and the body is rebuilt into headings, paragraphs and
// footnotes (pdf_body). Text layers put on scans by OCR, which carry no
// typography, go through the shared extracted-text parser instead.
// Committee decision lists (besluitenlijsten) are forms: they are read from
// poppler's physical layout, their title from their form fields and one
// block per agenda item.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/extracted_text.h"
#include "corpus/reader_limits.h"
#include "corpus/readers/pdf_body.h"
#include "corpus/readers/pdf_furniture.h"
#include "corpus/readers/pdf_layout.h"
#include "corpus/readers/pdf_letterhead.h"
#include "corpus/readers/pdf_memos.h"
#include "corpus/readers/readers.h"

namespace kamerzoek::corpus {
namespace {

using Page = std::vector<std::string>;  // the lines of one page

std::string to_std_string(const poppler::ustring& text) {
    const poppler::byte_array utf8 = text.to_utf8();
    return std::string(utf8.begin(), utf8.end());
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim_view(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return std::string(s);
}

// The physical layout pads columns with runs of spaces; one space is what a
// reader sees between a form label and its value.
std::string collapse_spaces(std::string_view s) {
    std::string out;
    for (const char c : trim(s)) {
        const char d = is_space(c) ? ' ' : c;
        if (d == ' ' && !out.empty() && out.back() == ' ') continue;
        out.push_back(d);
    }
    return out;
}

std::size_t indent_of(std::string_view line) {
    std::size_t n = 0;
    while (n < line.size() && is_space(line[n])) ++n;
    return n;
}

// Poppler reports recoverable damage on stderr; a reader reports through
// ReadError and warnings instead.
void silence_poppler() {
    static const bool done = [] {
        poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
        return true;
    }();
    (void)done;
}

std::vector<Page> extract_pages(const poppler::document& pdf) {
    std::vector<Page> pages;
    for (int i = 0; i < pdf.pages(); ++i) {
        std::unique_ptr<poppler::page> page(pdf.create_page(i));
        Page lines;
        if (page) {
            // Physical layout keeps a form's label and value on one line,
            // where the reading-order mode tears them apart.
            const std::string text =
                to_std_string(page->text(poppler::rectf(), poppler::page::physical_layout));
            std::size_t start = 0;
            while (start <= text.size()) {
                std::size_t end = text.find('\n', start);
                if (end == std::string::npos) end = text.size();
                std::string line = text.substr(start, end - start);
                std::replace(line.begin(), line.end(), '\f', ' ');
                lines.push_back(std::move(line));
                start = end + 1;
            }
        }
        pages.push_back(std::move(lines));
    }
    return pages;
}

// ---- page furniture ----

// A line's shape with its numbers blanked, so "Pagina 2 van 5" on each page
// counts as the same line.
std::string furniture_key(const std::string& line) {
    std::string key;
    for (const char c : collapse_spaces(line)) {
        if (c >= '0' && c <= '9') {
            if (key.empty() || key.back() != '#') key.push_back('#');
        } else {
            key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
    }
    return key;
}

// Indexes of the first and last few non-blank lines: only there do running
// headers and footers live, so repeated body lines ("Besluit: Voor
// kennisgeving aangenomen.") are never taken for furniture.
std::vector<std::size_t> margin_lines(const Page& page, std::size_t depth) {
    std::vector<std::size_t> filled;
    for (std::size_t i = 0; i < page.size(); ++i) {
        if (!trim(page[i]).empty()) filled.push_back(i);
    }
    if (filled.size() <= 2 * depth) return filled;
    std::vector<std::size_t> margins(filled.begin(), filled.begin() + depth);
    margins.insert(margins.end(), filled.end() - depth, filled.end());
    return margins;
}

std::set<std::string> running_lines(const std::vector<Page>& pages) {
    std::map<std::string, int> pages_with;
    for (const Page& page : pages) {
        std::set<std::string> keys;
        for (const std::size_t i : margin_lines(page, 3)) keys.insert(furniture_key(page[i]));
        for (const std::string& key : keys) ++pages_with[key];
    }
    std::set<std::string> running;
    const int needed = std::max(2, static_cast<int>(pages.size() * 6 / 10 + 0.5));
    for (const auto& [key, count] : pages_with) {
        if (pages.size() >= 2 && count >= needed && key.size() > 1) running.insert(key);
    }
    return running;
}

void drop_furniture(std::vector<Page>& pages) {
    const std::set<std::string> running = running_lines(pages);
    for (Page& page : pages) {
        const std::vector<std::size_t> margins = margin_lines(page, 3);
        std::vector<bool> drop(page.size(), false);
        for (const std::size_t i : margins) {
            drop[i] = pdf::is_page_number(collapse_spaces(page[i])) ||
                      running.count(furniture_key(page[i])) > 0;
        }
        Page kept;
        for (std::size_t i = 0; i < page.size(); ++i) {
            if (!drop[i]) kept.push_back(page[i]);
        }
        page = std::move(kept);
    }
}

// ---- text for the parser ----

bool ends_with_number_hyphen(const std::string& line) {
    const std::string t = trim(line);
    return t.size() >= 2 && t.back() == '-' &&
           ((t[t.size() - 2] >= '0' && t[t.size() - 2] <= '9') || t[t.size() - 2] == ')');
}

bool starts_with_number(const std::string& line) {
    const std::string t = trim(line);
    return !t.empty() && ((t[0] >= '0' && t[0] <= '9') || t[0] == '(');
}

// A Kamerstuk id broken after one of its hyphens ("21501-07-" / "1398") is
// put back together here, so that no hyphen rule can split it with a space.
void join_broken_ids(Page& page) {
    for (std::size_t i = 0; i + 1 < page.size(); ++i) {
        if (!ends_with_number_hyphen(page[i]) || !starts_with_number(page[i + 1])) continue;
        const std::string tail = trim(page[i + 1]);
        const std::size_t cut = std::min(tail.find(' '), tail.size());
        page[i] = trim(page[i]) + tail.substr(0, cut);
        page[i + 1] = tail.substr(std::min(cut + 1, tail.size()));
        if (trim(page[i + 1]).empty()) page.erase(page.begin() + static_cast<long>(i) + 1);
    }
}

// Collapses the layout's column padding and runs of blank lines; pages are
// separated by form feeds as parse_extracted_text expects.
std::string page_text(std::vector<Page>& pages) {
    std::string text;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        join_broken_ids(pages[p]);
        if (p > 0) text.append("\f");
        bool blank = true;
        for (const std::string& raw : pages[p]) {
            const std::string line = collapse_spaces(raw);
            if (line.empty()) {
                if (!blank) text.append("\n");
                blank = true;
                continue;
            }
            // A bare number left inside a page is the tail of the line above
            // ("25 oktober" / "2016"), not a page number: keep it there.
            if (!blank && pdf::is_page_number(line) && !text.empty()) {
                text.back() = ' ';
                text.append(line).append("\n");
                continue;
            }
            text.append(line).append("\n");
            blank = false;
        }
    }
    return text;
}

// ---- committee decision lists ----

// A form line "3. Agendapunt: ..." split into its label and value. Parsed
// by hand: std::regex recurses per character and overflows the stack on the
// very long lines a damaged PDF can produce.
struct FormField {
    std::string_view label;
    std::string_view value;
};

std::optional<FormField> parse_field(std::string_view line) {
    static constexpr std::string_view kLabels[] = {
        "Agendapunt",       "Zaak",     "Besluit",          "Noot",
        "Volgcommissie(s)", "Griffier", "Activiteitnummer", "Voortouwcommissie",
        "Document"};
    std::size_t i = 0;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
    if (i > 0) {
        if (i >= line.size() || line[i] != '.') return std::nullopt;
        ++i;
        while (i < line.size() && is_space(line[i])) ++i;
    }
    const std::string_view rest = line.substr(i);
    for (const std::string_view label : kLabels) {
        if (rest.size() > label.size() && rest.substr(0, label.size()) == label &&
            rest[label.size()] == ':') {
            return FormField{label, trim_view(rest.substr(label.size() + 1))};
        }
    }
    return std::nullopt;
}

// A form field's value: the rest of its line and the continuation lines
// indented under it, up to a blank line or the next field.
std::optional<std::string> field_value(const std::vector<Page>& pages, std::string_view name) {
    for (const Page& page : pages) {
        for (std::size_t i = 0; i < page.size(); ++i) {
            const std::string line = trim(page[i]);
            const std::optional<FormField> field = parse_field(line);
            if (!field || field->label != name) continue;
            std::string value(field->value);
            const std::size_t column = indent_of(page[i]) + 4;
            for (std::size_t j = i + 1; j < page.size(); ++j) {
                const std::string next = trim(page[j]);
                if (next.empty() || indent_of(page[j]) < column || parse_field(next)) {
                    break;
                }
                value.append(" ").append(next);
            }
            return collapse_spaces(value);
        }
    }
    return std::nullopt;
}

bool is_besluitenlijst(const std::vector<Page>& pages) {
    const auto document = field_value(pages, "Document");
    return document && document->find("Besluitenlijst") != std::string::npos;
}

// "Besluitenlijst van de procedurevergadering van woensdag 26 oktober 2016"
// gives the kind of meeting and its date.
std::string besluitenlijst_title(const std::vector<Page>& pages, const std::string& fallback_date) {
    static const std::regex meeting(
        R"(Besluitenlijst van (de |het )?(.+?) van ((maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) )?(\d{1,2} \S+ \d{4}).*)",
        std::regex::icase);
    const std::string document = field_value(pages, "Document").value_or("");
    std::string what = "vergadering";
    std::string date = fallback_date;
    std::smatch m;
    if (document.size() < 300 && std::regex_match(document, m, meeting)) {
        what = m[2].str();
        const std::string parsed = parse_dutch_date(m[5].str());
        if (!parsed.empty()) date = parsed;
    }
    std::string title = "Besluitenlijst " + what;
    if (const auto committee = field_value(pages, "Voortouwcommissie")) {
        title.append(" ").append(*committee);
    }
    if (!date.empty()) title.append(" ").append(date);
    return title;
}

bool starts_item(const std::string& text) {
    const std::optional<FormField> field = parse_field(text);
    return field && field->label == "Agendapunt";
}

bool continues_item(const std::string& text) {
    const std::optional<FormField> field = parse_field(text);
    if (field) {
        return field->label == "Zaak" || field->label == "Besluit" || field->label == "Noot" ||
               field->label == "Volgcommissie(s)";
    }
    for (const std::string_view bullet : {"• ", "- ", "– "}) {
        if (text.rfind(bullet, 0) == 0) return true;
    }
    return false;
}

bool ends_sentence(const std::string& text) {
    const std::string t = trim(text);
    return !t.empty() && std::string_view(".:;!?)").find(t.back()) != std::string_view::npos;
}

// Gathers each agenda item (its "Agendapunt:", "Zaak:", "Besluit:" and
// "Noot:" parts, wherever blank lines or page breaks fell) into one block.
std::vector<Block> merge_agenda_items(std::vector<Block> blocks) {
    std::vector<Block> merged;
    bool in_item = false;
    for (Block& block : blocks) {
        const bool part = block.role != Block::Role::kFootnote;
        if (part && starts_item(block.text)) {
            block.role = Block::Role::kParagraph;
            merged.push_back(std::move(block));
            in_item = true;
        } else if (in_item && part && continues_item(block.text)) {
            merged.back().text.append("\n").append(block.text);
        } else if (in_item && block.role == Block::Role::kParagraph &&
                   !ends_sentence(merged.back().text)) {
            // A page break cut the item's last part in two.
            merged.back().text.append(" ").append(block.text);
        } else {
            in_item = false;
            merged.push_back(std::move(block));
        }
    }
    return merged;
}

// ---- titles, dates and kinds ----

// Placeholders of templates and word processors, greetings, dates and bare
// numbers are no title; a title says what the document is about.
bool is_real_title(const std::string& title) {
    static const std::regex junk(
        R"(^(microsoft|untitled|document properties|definitief|concept|draft|final|versie\b|inhoud|inhoudsopgave|contents|table of contents|toelichting invullen|hoi\b|hallo\b|beste\b|geachte\b|dag\b|groet|groeten|met vriendelijke groet|kind regards|dear\b|hi\b|hello\b|bijlage\s*\S{0,3}$|annex\s*\S{0,3}$|pagina\b|page\b|logo\b|tmp))",
        std::regex::icase);
    static const std::regex generic(
        R"(^(samenvatting|management ?samenvatting|management summary|executive summary|summary|inleiding|introductie|introduction|disclaimer|voorwoord|colofon|document ?beheer|versiebeheer|notitie|memo|nota|confidential)$)",
        std::regex::icase);
    static const std::regex file_name(R"(\.(docx?|xml|rtf|odt|pdf|xlsx?)\b|~)", std::regex::icase);
    const std::string t = collapse_spaces(title);
    // "1. Inleiding 3": a line of a table of contents; "(a) ...": a sub-item.
    static const std::regex contents_line(R"(^(\d+(\.\d+)*\.?\s.*\s\d{1,3}|\(?[a-z]\)\s.*)$)");
    static const std::regex numbering(R"(^\d+(\.\d+)*\.?\s+)");
    static const std::regex label(
        R"(^(zaaknummer|kenmerk|datum|onderwerp|subject|van|aan|from|to|sent|received)\s*:?$)",
        std::regex::icase);
    if (t.size() < 4 || t.size() > 400) return false;
    const std::string unnumbered = std::regex_replace(t, numbering, "");
    if (std::regex_match(unnumbered, generic) || std::regex_match(t, label)) return false;
    if (t.size() < 120 && std::regex_match(t, contents_line)) return false;
    std::size_t letters = 0;
    std::size_t visible = 0;
    for (const char c : t) {
        letters +=
            std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
        visible += c != ' ';
    }
    // "Wed 9/9/2020 12:45:19 PM" is a time stamp, not a title.
    if (letters < 3 || letters * 2 < visible) return false;
    if (std::regex_search(t, junk) || std::regex_search(t, file_name)) return false;
    if (t.size() < 40 && !parse_dutch_date(" " + t + " ").empty()) return false;
    return true;
}

// Word processors leave their temporary file names and template text in the
// info dictionary; only a title that reads like one is worth keeping.
std::string sensible_info_title(const poppler::document& pdf) {
    const std::string title = collapse_spaces(to_std_string(pdf.get_title()));
    if (title.find(' ') == std::string::npos || title.size() < 8) return "";
    return is_real_title(title) ? title : "";
}

std::string info_date(const poppler::document& pdf) {
    const time_t when = pdf.info_date_t("CreationDate");
    if (when <= 0) return "";
    std::tm utc{};
    gmtime_r(&when, &utc);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &utc);
    return buffer;
}

// "Den Haag, 9 februari 2016", "Datum 9 februari 2016" or a motion's
// "Voorgesteld 6 juli 2021" on the first page. A dateline standing on its
// own line is metadata, not text: it is taken off the page ("Datum" lines
// stay, as the letterhead they belong to is read from them).
std::string take_dateline(std::vector<pdf::LaidOutPage>& pages) {
    static const std::regex line(
        R"(^(Den Haag|'s-Gravenhage|’s-Gravenhage|Datum|Voorgesteld)\s*[,:]?\s+(.+)$)");
    if (pages.empty()) return "";
    std::vector<pdf::TextLine>& lines = pages.front().lines;
    for (auto it = lines.begin(); it != lines.end(); ++it) {
        std::smatch m;
        if (it->text.size() > 200 || !std::regex_match(it->text, m, line)) continue;
        const std::string date = parse_dutch_date(" " + m[2].str() + " ");
        if (date.empty()) continue;
        const bool whole_line = m[2].str().size() < 30;
        if (m[1].str() != "Datum" && whole_line) lines.erase(it);
        return date;
    }
    return "";
}

bool is_letter_to_the_kamer(const std::vector<pdf::LaidOutPage>& pages) {
    static const std::regex address(
        R"(Aan de [Vv]oorzitter van de (Tweede|Eerste) Kamer|Geachte [Vv]oorzitter)");
    for (std::size_t p = 0; p < std::min<std::size_t>(pages.size(), 2); ++p) {
        for (const pdf::TextLine& line : pages[p].lines) {
            if (line.text.size() < 300 && std::regex_search(line.text, address)) return true;
        }
    }
    return false;
}

// What a report's cover sets largest on its first page, when that is well
// above the body size: its title (up to three lines).
std::string cover_title(const std::vector<pdf::LaidOutPage>& pages, double body_size) {
    if (pages.empty()) return "";
    double largest = 0;
    for (const pdf::TextLine& line : pages.front().lines) {
        if (line.text.size() >= 4) largest = std::max(largest, line.size);
    }
    if (largest < 1.3 * body_size) return "";
    std::string title;
    const pdf::TextLine* previous = nullptr;
    int taken = 0;
    for (const pdf::TextLine& line : pages.front().lines) {
        const bool same_size = std::abs(line.size - largest) <= 0.05 * largest;
        if (previous && (!same_size || line.bold != previous->bold ||
                         line.top - previous->bottom > 0.8 * previous->height())) {
            break;
        }
        if (!same_size) continue;
        if (++taken > 3) break;
        title.append(title.empty() ? "" : " ").append(line.text);
        previous = &line;
    }
    return is_real_title(title) ? collapse_spaces(title) : "";
}

// A greeting on a line of its own ("Hoi", "Beste allen,"): it opens a
// message, it says nothing of its subject.
bool is_greeting(const std::string& line) {
    static const std::regex greeting(
        R"(^(hoi|hallo|beste|geachte|dag|hi|hello|dear)\b[^.?!]{0,40}$)", std::regex::icase);
    return line.size() < 60 && std::regex_match(line, greeting);
}

// Without fonts, a heading is only a short line standing alone; in OCR'd
// e-mails that is as often a question, a greeting or a time stamp. A line
// that asks, exclaims or has few letters is text; in an e-mail (`email`)
// every such line but a greeting is, and a greeting stays apart from the
// text it opens.
void demote_unlikely_headings(std::vector<Block>& blocks, bool email) {
    for (Block& block : blocks) {
        if (block.role != Block::Role::kHeading) continue;
        const std::string& t = block.text;
        const bool all = email && !is_greeting(t);
        std::size_t letters = 0;
        for (const char c : t) {
            letters += std::isalpha(static_cast<unsigned char>(c)) ||
                       static_cast<unsigned char>(c) >= 0x80;
        }
        const bool asks =
            !t.empty() && std::string_view("?!").find(t.back()) != std::string_view::npos;
        if (all || asks || letters * 2 < t.size()) block.role = Block::Role::kParagraph;
    }
}

// Before a report's first paragraph of text stand its forms: document
// control, versions, authors, contact details, set as tables. They say
// who made the report, not what it says, and are no passages.
void drop_leading_forms(std::vector<Block>& blocks) {
    const auto first_text = std::find_if(blocks.begin(), blocks.end(), [](const Block& block) {
        return block.role == Block::Role::kParagraph && !pdf::is_table(block);
    });
    blocks.erase(std::remove_if(blocks.begin(), first_text, pdf::is_table), first_text);
}

// A report's cover: a first page with little on it but the title set
// large (and perhaps a subtitle, a date, a small form with the client's
// name). The title is read from it; the rest is no passage.
bool is_cover_page(const std::vector<pdf::LaidOutPage>& pages) {
    if (pages.size() < 3) return false;
    std::size_t letters = 0;
    for (const pdf::TextLine& line : pages.front().lines) letters += line.text.size();
    return pages.front().lines.size() <= 20 && letters <= 800;
}

std::string first_real_heading(const std::vector<Block>& blocks) {
    for (const Block& block : blocks) {
        if (block.role == Block::Role::kHeading && is_real_title(block.text)) return block.text;
    }
    return "";
}

// The start of the first paragraph that reads like text, cut at a word.
std::string opening_words(const std::vector<Block>& blocks) {
    for (const Block& block : blocks) {
        if (block.role == Block::Role::kFootnote || !is_real_title(block.text.substr(0, 120)))
            continue;
        std::string text = collapse_spaces(block.text);
        if (text.size() <= 100) return text;
        const std::size_t cut = text.rfind(' ', 100);
        return text.substr(0, cut == std::string::npos ? 100 : cut) + " …";
    }
    return "";
}

std::size_t count_letters(const std::vector<pdf::LaidOutPage>& pages) {
    std::size_t letters = 0;
    for (const pdf::LaidOutPage& page : pages) {
        for (const pdf::TextLine& line : page.lines) {
            for (const char c : line.text)
                letters += std::isalnum(static_cast<unsigned char>(c)) ? 1 : 0;
        }
    }
    return letters;
}

// A decision list names itself in its "Document:" form field.
bool may_be_besluitenlijst(const std::vector<pdf::LaidOutPage>& pages) {
    for (std::size_t p = 0; p < std::min<std::size_t>(pages.size(), 2); ++p) {
        for (const pdf::TextLine& line : pages[p].lines) {
            if (line.text.find("Besluitenlijst") != std::string::npos) return true;
        }
    }
    return false;
}

// Lines as plain text for the extracted-text parser: a blank line where
// the page leaves a gap, a form feed between pages.
std::string plain_text(const std::vector<pdf::LaidOutPage>& pages) {
    std::string text;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        if (p > 0) text.append("\f");
        const pdf::TextLine* previous = nullptr;
        for (const pdf::TextLine& line : pages[p].lines) {
            if (previous && line.top - previous->bottom > 0.6 * previous->height()) {
                text.append("\n");
            }
            text.append(line.text).append("\n");
            previous = &line;
        }
    }
    return text;
}

// The head of an e-mail or a nota, taken off the pages, and which of the
// two it is.
std::optional<pdf::MemoHead> take_memo_head(std::vector<pdf::LaidOutPage>& pages,
                                            DocumentKind& kind) {
    if (auto mail = pdf::take_email_headers(pages)) {
        kind = DocumentKind::kEmail;
        return mail;
    }
    if (auto nota = pdf::take_nota_head(pages)) {
        kind = DocumentKind::kNota;
        return nota;
    }
    return std::nullopt;
}

class PdfReader final : public Reader {
  public:
    std::string_view name() const override { return "pdf"; }

    bool accepts(const SourceFile& file) const override {
        return std::string_view(file.bytes).substr(0, 5) == "%PDF-";
    }

    // Poppler cannot be interrupted, and one small hostile file can keep it
    // busy for minutes or make it allocate gigabytes: it runs in a child
    // process under the reader limits (corpus/reader_limits.h).
    std::vector<Document> read(const SourceFile& file) const override {
        const ReaderLimits limits = reader_limits();
        if (limits.time.count() <= 0) return read_here(file);
        return read_in_child([&] { return read_here(file); }, limits);
    }

  private:
    static std::vector<Document> read_here(const SourceFile& file) {
        // Indexing reads files on several threads; poppler's shared state
        // (its global parameters and font caches) is not documented as safe
        // for that, so one PDF is opened and read at a time.
        static std::mutex poppler_mutex;
        const std::lock_guard<std::mutex> lock(poppler_mutex);
        silence_poppler();
        std::unique_ptr<poppler::document> pdf(poppler::document::load_from_raw_data(
            file.bytes.data(), static_cast<int>(file.bytes.size())));
        if (!pdf) throw ReadError("PDF could not be opened: damaged or not a PDF");
        if (pdf->is_locked()) throw ReadError("PDF could not be opened: it is encrypted");
        std::vector<pdf::LaidOutPage> pages = pdf::lay_out_pages(*pdf);
        if (count_letters(pages) == 0) {
            throw ReadError("scanned PDF without a text layer (" + std::to_string(pages.size()) +
                            " pages)");
        }
        if (may_be_besluitenlijst(pages)) {
            std::vector<Page> form = extract_pages(*pdf);
            drop_furniture(form);
            if (is_besluitenlijst(form)) return {besluitenlijst_document(*pdf, form)};
        }
        return {laid_out_document(*pdf, pages)};
    }

    static Document besluitenlijst_document(const poppler::document& pdf,
                                            std::vector<Page>& pages) {
        ExtractedText extracted = parse_extracted_text(page_text(pages));
        Document document;
        document.kind = DocumentKind::kBesluitenlijst;
        document.date = extracted.date;
        document.title = besluitenlijst_title(pages, extracted.date);
        document.blocks = merge_agenda_items(std::move(extracted.blocks));
        if (document.date.empty()) document.date = info_date(pdf);
        return document;
    }

    static Document laid_out_document(const poppler::document& pdf,
                                      std::vector<pdf::LaidOutPage>& pages) {
        Document document;
        const double body_size = pdf::body_font_size(pages);
        const bool typography = pdf::has_typography(pages, body_size);
        const bool letter = is_letter_to_the_kamer(pages);
        const std::string date_on_first_page = take_dateline(pages);
        const std::optional<pdf::PrintedKamerstuk> paper = pdf::take_printed_kamerstuk(pages);
        const std::vector<std::string> furniture = pdf::drop_page_furniture(pages);
        DocumentKind memo_kind = DocumentKind::kOther;
        const std::optional<pdf::MemoHead> memo =
            paper ? std::nullopt : take_memo_head(pages, memo_kind);
        std::optional<pdf::Letterhead> head;
        if (!paper && !memo)
            head = pdf::take_letterhead(pages, typography ? body_size : 0, furniture);
        if (!paper) pdf::take_inner_letterheads(pages);
        std::string cover = paper || head || memo ? "" : cover_title(pages, body_size);
        if (!paper && !head && !memo && (typography || !cover.empty()) && is_cover_page(pages)) {
            if (cover.empty())
                cover = first_real_heading(pdf::body_blocks({pages.front()}, body_size));
            pages.front().lines.clear();
        }
        if (typography) {
            document.blocks = pdf::body_blocks(pages, body_size);
            drop_leading_forms(document.blocks);
        } else {
            ExtractedText extracted = parse_extracted_text(plain_text(pages));
            document.blocks = std::move(extracted.blocks);
            document.date = extracted.date;
            // E-mails are not divided into sections.
            demote_unlikely_headings(document.blocks, memo_kind == DocumentKind::kEmail);
        }
        document.kind = letter ? DocumentKind::kKamerbrief : DocumentKind::kOther;
        if (paper) {
            document.kind = DocumentKind::kKamerstuk;
            document.id = paper->id;
            document.dossier = paper->dossier;
            document.number = paper->number;
            document.vergaderjaar = paper->vergaderjaar;
            document.chamber = paper->chamber;
            if (is_real_title(paper->title)) document.title = paper->title;
        }
        if (head) {
            if (is_real_title(head->subject)) document.title = collapse_spaces(head->subject);
            if (!head->date.empty()) document.date = head->date;
            document.kenmerk = head->kenmerk;
        }
        if (memo) {
            document.kind = memo_kind;
            if (is_real_title(memo->subject)) document.title = collapse_spaces(memo->subject);
            if (!memo->date.empty()) document.date = memo->date;
            document.kenmerk = memo->kenmerk;
        }
        if (document.title.empty()) document.title = cover;
        if (document.title.empty()) document.title = first_real_heading(document.blocks);
        if (document.title.empty()) document.title = sensible_info_title(pdf);
        if (document.title.empty()) document.title = opening_words(document.blocks);
        if (document.date.empty()) document.date = date_on_first_page;
        if (document.date.empty()) document.date = info_date(pdf);
        return document;
    }
};

}  // namespace

std::unique_ptr<Reader> make_pdf_reader() { return std::make_unique<PdfReader>(); }

}  // namespace kamerzoek::corpus
