#include "corpus/readers/pdf_memos.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

#include "corpus/extracted_text.h"

namespace kamerzoek::corpus::pdf {
namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& part : parts) {
        const std::string t = trim(part);
        if (t.empty()) continue;
        out.append(out.empty() ? "" : " ").append(t);
    }
    return out;
}

double center(const TextLine& line) { return (line.top + line.bottom) / 2; }

// Lines in the order they stand on the page, top to bottom.
std::vector<const TextLine*> by_top(const LaidOutPage& page) {
    std::vector<const TextLine*> lines;
    for (const TextLine& line : page.lines) lines.push_back(&line);
    std::stable_sort(lines.begin(), lines.end(),
                     [](const TextLine* a, const TextLine* b) { return a->top < b->top; });
    return lines;
}

// ---- e-mail headers ----

struct HeaderField {
    const TextLine* line;
    std::string label;  // lower case: "sent", "onderwerp"
    std::string value;  // what follows the colon on the line itself
};

// Outlook prints the same labels in English and Dutch.
std::optional<HeaderField> header_field(const TextLine& line, const LaidOutPage& page) {
    static const std::regex field(
        R"(^(from|sent|to|cc|bcc|subject|received|attachments|importance|van|verzonden|aan|onderwerp|bijlagen|datum|date)\s*:\s*(.*)$)",
        std::regex::icase);
    if (line.x0 > 0.3 * page.width || line.text.size() > 400) return std::nullopt;
    // OCR mangles labels ("ven:" for "Van:"); a short word and a colon at
    // the left margin is a field too, when real fields stand around it.
    static const std::regex mangled(R"(^([A-Za-z]{2,4})\s*:\s*(.*)$)");
    std::smatch m;
    if (std::regex_match(line.text, m, field)) {
        return HeaderField{&line, lower(m[1].str()), m[2].str()};
    }
    if (std::regex_match(line.text, m, mangled)) return HeaderField{&line, "", m[2].str()};
    return std::nullopt;
}

bool names_sender(const std::string& label) {
    return label == "from" || label == "sent" || label == "van" || label == "verzonden";
}

// "Werkgroep ... voorstel.docx", "ATTO00001 .txt": the attachments Outlook
// lists under the header.
bool is_attachment_name(const std::string& text) {
    static const std::regex name(R"(\.\s?(docx?|pdf|eml|msg|txt|xlsx?|pptx?|zip|png|jpe?g)\s*$)",
                                 std::regex::icase);
    return text.size() < 200 && std::regex_search(text, name);
}

struct HeaderBlock {
    double top = 0, bottom = 0;
    std::vector<HeaderField> fields;
};

// Runs of header fields set close together; a run with a sender or a date
// is a message's header.
std::vector<HeaderBlock> header_blocks(const LaidOutPage& page) {
    std::vector<HeaderBlock> blocks;
    HeaderBlock open;
    const auto close = [&] {
        const auto known = std::count_if(open.fields.begin(), open.fields.end(),
                                         [](const HeaderField& f) { return !f.label.empty(); });
        const bool is_header =
            known >= 2 && std::any_of(open.fields.begin(), open.fields.end(),
                                      [](const HeaderField& f) { return names_sender(f.label); });
        if (is_header) blocks.push_back(open);
        open = HeaderBlock{};
    };
    for (const TextLine* line : by_top(page)) {
        const std::optional<HeaderField> field = header_field(*line, page);
        if (!field) continue;
        // OCR loses some labels ("Aan:" read as noise), so the fields of one
        // header may stand a few lines apart.
        const double step = 6 * std::max(line->height(), 8.0);
        if (!open.fields.empty() && line->top - open.bottom > step) close();
        if (open.fields.empty()) open.top = line->top;
        open.bottom = std::max(open.bottom, line->bottom);
        open.fields.push_back(*field);
    }
    close();
    return blocks;
}

// A field's value: the rest of its own line and what OCR set as separate
// lines on the same row to its right.
std::string row_value(const HeaderField& field, const LaidOutPage& page) {
    std::vector<const TextLine*> row;
    for (const TextLine& line : page.lines) {
        if (&line == field.line || line.x0 <= field.line->x0) continue;
        if (std::abs(center(line) - center(*field.line)) <= 0.6 * field.line->height()) {
            row.push_back(&line);
        }
    }
    std::sort(row.begin(), row.end(),
              [](const TextLine* a, const TextLine* b) { return a->x0 < b->x0; });
    std::vector<std::string> parts{field.value};
    for (const TextLine* line : row) parts.push_back(line->text);
    return join(parts);
}

// A subject runs on below its label until the next field, on lines that
// are not addresses.
std::string subject_of(const HeaderBlock& block, std::size_t index, const LaidOutPage& page) {
    const HeaderField& field = block.fields[index];
    std::string subject = row_value(field, page);
    const double next_top =
        index + 1 < block.fields.size() ? block.fields[index + 1].line->top : block.bottom;
    for (const TextLine* line : by_top(page)) {
        const double below = line->top - field.line->top;
        if (below < 0.6 * field.line->height() || line->top >= next_top - 1) continue;
        if (line->text.find('@') != std::string::npos || header_field(*line, page)) continue;
        if (std::abs(center(*line) - center(*field.line)) <= 0.6 * field.line->height()) continue;
        subject = join({subject, line->text});
    }
    static const std::regex reply(R"(^((re|fw|fwd|antw|doorst|wg)\s*:\s*)+)", std::regex::icase);
    static const std::regex extension(R"(\.(pdf|docx?|eml|msg)$)", std::regex::icase);
    return std::regex_replace(std::regex_replace(subject, reply, ""), extension, "");
}

// "Wed 9/9/2020 12:45:19 PM" (Outlook's American print), "maandag 28
// september 2020 19:26", "28-9-2020".
std::string sent_date(const std::string& value) {
    static const std::regex american(R"(\b(\d{1,2})/(\d{1,2})/(\d{4})\b)");
    std::smatch m;
    if (std::regex_search(value, m, american)) {
        const int month = std::stoi(m[1].str());
        const int day = std::stoi(m[2].str());
        if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
            char iso[16];
            std::snprintf(iso, sizeof iso, "%s-%02d-%02d", m[3].str().c_str(), month, day);
            return iso;
        }
    }
    return parse_dutch_date(" " + lower(value) + " ");
}

MemoHead read_first_header(const HeaderBlock& block, const LaidOutPage& page) {
    MemoHead head;
    std::string received;
    for (std::size_t i = 0; i < block.fields.size(); ++i) {
        const HeaderField& field = block.fields[i];
        const bool subject = field.label == "subject" || field.label == "onderwerp";
        if (subject && head.subject.empty()) head.subject = subject_of(block, i, page);
        const bool sent = field.label == "sent" || field.label == "verzonden" ||
                          field.label == "datum" || field.label == "date";
        if (sent && head.date.empty()) head.date = sent_date(row_value(field, page));
        if (field.label == "received" && received.empty()) {
            received = sent_date(row_value(field, page));
        }
    }
    // The sender's time stamp is often redacted with the sender; the time
    // it was received is the next best.
    if (head.date.empty()) head.date = received;
    return head;
}

// A header ends with its last field, the lines a subject wraps onto, and
// the names of the attachments listed under it.
void remove_header_block(LaidOutPage& page, const HeaderBlock& block) {
    double bottom = block.bottom;
    const std::string& last = block.fields.back().label;
    bool subject_wraps = last == "subject" || last == "onderwerp";
    for (const TextLine* line : by_top(page)) {
        if (line->top <= bottom) continue;
        if (line->top > bottom + 1.5 * std::max(line->height(), 6.0)) break;
        if (subject_wraps || is_attachment_name(line->text)) {
            bottom = line->bottom;
            subject_wraps = false;
        }
    }
    std::erase_if(page.lines, [&](const TextLine& line) {
        const double c = center(line);
        return c >= block.top - 2 && c <= bottom + 1;
    });
}

// ---- a nota's head ----

std::optional<std::size_t> purpose_line(const LaidOutPage& page) {
    static const std::regex purpose(
        R"(^\((ter|voor)\s+(beslissing|informatie|advisering|advies|kennisname|kennisgeving|ondertekening|besluitvorming|akkoord|accordering|paraaf)\)\s*(.*)$)",
        std::regex::icase);
    for (std::size_t i = 0; i < page.lines.size(); ++i) {
        const TextLine& line = page.lines[i];
        if (line.top < 0.6 * page.height && line.x0 < 0.4 * page.width &&
            std::regex_match(line.text, purpose)) {
            return i;
        }
    }
    return std::nullopt;
}

bool says_nota_above(const LaidOutPage& page, const TextLine& purpose) {
    for (const TextLine& line : page.lines) {
        std::string squeezed;
        for (const char c : line.text) {
            if (c != ' ') squeezed.push_back(c);
        }
        if (line.top < purpose.top && lower(squeezed) == "nota") return true;
    }
    return false;
}

// The labelled values of the side column: "Datum" over "25" "September
// 2020", "Kenmerk" over its number.
void read_side_column(const std::vector<const TextLine*>& column, MemoHead& head) {
    static const std::regex label(
        R"(^(datum|kenmerk|ons kenmerk|uw kenmerk|zaaknummer|bijlage\(n\)|bijlagen?|contactpersoon|t|m|e)$)",
        std::regex::icase);
    for (std::size_t i = 0; i < column.size(); ++i) {
        const std::string name = lower(trim(column[i]->text));
        if (name != "datum" && name != "kenmerk" && name != "ons kenmerk") continue;
        std::vector<std::string> value;
        for (std::size_t j = i + 1; j < column.size() && value.size() < 2; ++j) {
            if (std::regex_match(trim(column[j]->text), label)) break;
            value.push_back(column[j]->text);
        }
        if (name == "datum" && head.date.empty()) {
            head.date = parse_dutch_date(" " + lower(join(value)) + " ");
        } else if (name != "datum" && head.kenmerk.empty() && !value.empty()) {
            head.kenmerk = trim(value.front());
        }
    }
}

}  // namespace

std::optional<MemoHead> take_email_headers(std::vector<LaidOutPage>& pages) {
    if (pages.empty()) return std::nullopt;
    const std::vector<HeaderBlock> first = header_blocks(pages.front());
    if (first.empty() || first.front().top > 0.4 * pages.front().height) return std::nullopt;
    const MemoHead head = read_first_header(first.front(), pages.front());
    // Above an printed e-mail's header stand only the printer's stamps: the
    // release's document number and the sender's logo.
    std::erase_if(pages.front().lines,
                  [&](const TextLine& line) { return line.bottom < first.front().top; });
    for (LaidOutPage& page : pages) {
        for (const HeaderBlock& block : header_blocks(page)) remove_header_block(page, block);
        // Attachments listed apart from the header ("voorstel.docx").
        std::erase_if(page.lines,
                      [](const TextLine& line) { return is_attachment_name(line.text); });
    }
    return head;
}

std::optional<MemoHead> take_nota_head(std::vector<LaidOutPage>& pages) {
    if (pages.empty()) return std::nullopt;
    LaidOutPage& page = pages.front();
    const std::optional<std::size_t> found = purpose_line(page);
    if (!found || !says_nota_above(page, page.lines[*found])) return std::nullopt;
    const TextLine* const purpose_line_ptr = &page.lines[*found];
    const TextLine purpose = *purpose_line_ptr;
    const double side_x = 0.7 * page.width;
    const auto in_side_column = [&](const TextLine& line) {
        return line.x0 >= side_x && line.top < purpose.top + 150;
    };

    static const std::regex purpose_words(R"(^\([^)]*\)\s*)");
    std::vector<std::string> subject{std::regex_replace(purpose.text, purpose_words, "")};
    double bottom = purpose.bottom;
    for (const TextLine* line : by_top(page)) {
        if (line == purpose_line_ptr || line->top < purpose.top - 1 || in_side_column(*line))
            continue;
        const bool same_row = std::abs(center(*line) - center(purpose)) <= 0.6 * purpose.height();
        if (!same_row && line->top - bottom > 2.5 * std::max(line->height(), 6.0)) break;
        subject.push_back(line->text);
        bottom = std::max(bottom, line->bottom);
    }

    MemoHead head;
    head.subject = join(subject);
    std::vector<const TextLine*> column;
    for (const TextLine* line : by_top(page)) {
        if (in_side_column(*line)) column.push_back(line);
    }
    read_side_column(column, head);
    std::erase_if(page.lines, [&](const TextLine& line) {
        return in_side_column(line) || center(line) <= bottom + 1;
    });
    return head;
}

}  // namespace kamerzoek::corpus::pdf
