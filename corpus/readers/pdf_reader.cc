// PDF files: the text layer as poppler lays it out on the page, cleared of
// running headers and page numbers, then rebuilt into paragraphs by the
// shared extracted-text parser. Committee decision lists (besluitenlijsten)
// get their title from their form fields and one block per agenda item.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
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

bool is_page_number(const std::string& line) {
    static const std::regex pattern(
        R"(^(-\s*)?(pagina|page|blad)?\s*\d{1,4}(\s*(/|van|of)\s*\d{1,4})?(\s*-)?$)",
        std::regex::icase);
    const std::string t = collapse_spaces(line);
    return !t.empty() && t.size() <= 24 && std::regex_match(t, pattern);
}

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
            drop[i] = is_page_number(page[i]) || running.count(furniture_key(page[i])) > 0;
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
            if (!blank && is_page_number(line) && !text.empty()) {
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

std::size_t count_letters(const std::vector<Page>& pages) {
    std::size_t letters = 0;
    for (const Page& page : pages) {
        for (const std::string& line : page) {
            for (const char c : line)
                letters += std::isalnum(static_cast<unsigned char>(c)) ? 1 : 0;
        }
    }
    return letters;
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

// ---- metadata ----

// Word processors leave their temporary file names and template text in the
// info dictionary; only a title that reads like one is worth keeping.
std::string sensible_info_title(const poppler::document& pdf) {
    const std::string title = collapse_spaces(to_std_string(pdf.get_title()));
    static const std::regex junk(
        R"((^microsoft|\.(docx?|xml|rtf|odt|pdf)\b|tmp|^logo\b|^untitled|^document\d*$|~))",
        std::regex::icase);
    if (title.size() < 8 || title.size() > 250 || std::regex_search(title, junk)) return "";
    if (title.find(' ') == std::string::npos) return "";
    return title;
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

// A letter names its subject in an "Onderwerp" or "Betreft" line.
std::string letter_subject(const std::vector<Page>& pages) {
    static const std::regex subject(R"(^(Onderwerp|Betreft)\s*:?\s+(.{4,}))", std::regex::icase);
    if (pages.empty()) return "";
    for (const std::string& line : pages.front()) {
        std::smatch m;
        const std::string t = collapse_spaces(line);
        if (t.size() < 400 && std::regex_match(t, m, subject)) return m[2].str();
    }
    return "";
}

// "Den Haag, 9 februari 2016" or "Datum 9 februari 2016" on the first page,
// for when the parser's paragraphs hid the date line.
std::string dateline(const std::vector<Page>& pages) {
    static const std::regex line(R"(^(Den Haag|'s-Gravenhage|Datum)\s*[,:]?\s+(.+)$)");
    if (pages.empty()) return "";
    for (const std::string& raw : pages.front()) {
        std::smatch m;
        const std::string t = collapse_spaces(raw);
        if (t.size() > 200 || !std::regex_match(t, m, line)) continue;
        const std::string date = parse_dutch_date(m[2].str());
        if (!date.empty()) return date;
    }
    return "";
}

bool is_letter_to_the_kamer(const std::vector<Page>& pages) {
    static const std::regex address(
        R"(Aan de [Vv]oorzitter van de (Tweede|Eerste) Kamer|Geachte [Vv]oorzitter)");
    for (std::size_t p = 0; p < std::min<std::size_t>(pages.size(), 2); ++p) {
        for (const std::string& line : pages[p]) {
            if (std::regex_search(line, address)) return true;
        }
    }
    return false;
}

std::string first_heading(const std::vector<Block>& blocks) {
    for (const Block& block : blocks) {
        if (block.role == Block::Role::kHeading) return block.text;
    }
    return "";
}

class PdfReader final : public Reader {
  public:
    std::string_view name() const override { return "pdf"; }

    bool accepts(const SourceFile& file) const override {
        return std::string_view(file.bytes).substr(0, 5) == "%PDF-";
    }

    std::vector<Document> read(const SourceFile& file) const override {
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
        std::vector<Page> pages = extract_pages(*pdf);
        if (count_letters(pages) == 0) {
            throw ReadError("scanned PDF without a text layer (" + std::to_string(pages.size()) +
                            " pages)");
        }
        drop_furniture(pages);
        return {make_document(*pdf, pages)};
    }

  private:
    static Document make_document(const poppler::document& pdf, std::vector<Page>& pages) {
        const bool besluitenlijst = is_besluitenlijst(pages);
        ExtractedText extracted = parse_extracted_text(page_text(pages));
        Document document;
        document.date = extracted.date;
        if (besluitenlijst) {
            document.kind = DocumentKind::kBesluitenlijst;
            document.title = besluitenlijst_title(pages, extracted.date);
            document.blocks = merge_agenda_items(std::move(extracted.blocks));
        } else {
            document.kind =
                is_letter_to_the_kamer(pages) ? DocumentKind::kKamerbrief : DocumentKind::kOther;
            document.title = letter_subject(pages);
            if (document.title.empty()) document.title = sensible_info_title(pdf);
            if (document.title.empty()) document.title = first_heading(extracted.blocks);
            document.blocks = std::move(extracted.blocks);
        }
        if (document.date.empty()) document.date = dateline(pages);
        if (document.date.empty()) document.date = info_date(pdf);
        return document;
    }
};

}  // namespace

std::unique_ptr<Reader> make_pdf_reader() { return std::make_unique<PdfReader>(); }

}  // namespace kamerzoek::corpus
