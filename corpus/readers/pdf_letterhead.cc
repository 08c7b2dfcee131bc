#include "corpus/readers/pdf_letterhead.h"

#include <algorithm>
#include <regex>

#include "corpus/extracted_text.h"
#include "corpus/references.h"

namespace kamerzoek::corpus::pdf {
namespace {

// Regexes here only ever see one line, cut to a bounded length: std::regex
// recurses per character.
constexpr std::size_t kMaxLabelledLine = 300;

std::string trim(std::string s) {
    const auto not_space = [](unsigned char c) { return !std::isspace(c); };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
    s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
    return s;
}

struct LabelledValue {
    std::string label;  // as written, lower case: "onderwerp", "ons kenmerk"
    std::string value;  // may be empty when the value is on the next line
};

// "Onderwerp Draagmoederschap", "Datum: 1 maart 2011", "Ons kenmerk".
std::optional<LabelledValue> labelled(const std::string& line) {
    static const std::regex pattern(
        R"(^(onderwerp|betreft|inzake|datum|ons kenmerk|uw kenmerk|kenmerk|zaaknr\.?|zaaknummer|uw brief(?: van)?|bijlagen?|bijlage\(n\)|subject|date)\b\s*:?\s*(.*)$)",
        std::regex::icase);
    if (line.size() > kMaxLabelledLine) return std::nullopt;
    std::smatch m;
    if (!std::regex_match(line, m, pattern)) return std::nullopt;
    std::string label = m[1].str();
    for (char& c : label) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return LabelledValue{label, trim(m[2].str())};
}

bool is_subject_label(const std::string& label) {
    return label == "onderwerp" || label == "betreft" || label == "subject" || label == "inzake";
}

// Labelled lines in the top half of a page.
std::size_t labels_on_top(const LaidOutPage& page) {
    return std::count_if(page.lines.begin(), page.lines.end(), [&](const TextLine& line) {
        return line.top < 0.5 * page.height && labelled(line.text).has_value();
    });
}

// A line of the right-hand column letters carry beside their first lines:
// set smaller than the body, starting right of the page's middle.
bool in_side_column(const TextLine& line, const LaidOutPage& page, double body_size) {
    return line.x0 > 0.55 * page.width && line.size < 0.85 * body_size;
}

// The parts of a line such as "Ministerie van Buitenlandse Zaken | Kenmerk X".
std::vector<std::string> parts_of(const std::string& line) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= line.size()) {
        std::size_t bar = line.find('|', start);
        if (bar == std::string::npos) bar = line.size();
        const std::string part = trim(line.substr(start, bar - start));
        if (!part.empty()) parts.push_back(part);
        start = bar + 1;
    }
    return parts;
}

void read_fields(const std::vector<std::string>& lines, Letterhead& head) {
    static const std::regex dateline(R"(^(Den Haag|'s-Gravenhage|’s-Gravenhage)\s*,?\s+(.+)$)");
    for (std::size_t i = 0; i < lines.size(); ++i) {
        for (const std::string& part : parts_of(lines[i])) {
            if (part.size() > kMaxLabelledLine) continue;
            std::smatch m;
            if (head.date.empty() && std::regex_match(part, m, dateline)) {
                head.date = parse_dutch_date(" " + m[2].str() + " ");
            }
            const std::optional<LabelledValue> field = labelled(part);
            if (!field) continue;
            std::string value = field->value;
            if (value.empty() && i + 1 < lines.size() && !labelled(lines[i + 1])) {
                value = trim(lines[i + 1]);
            }
            if (value.empty()) continue;
            if (is_subject_label(field->label) && head.subject.empty()) head.subject = value;
            const bool own_reference = field->label == "ons kenmerk" || field->label == "kenmerk";
            if (own_reference && head.kenmerk.empty()) head.kenmerk = value;
            if ((field->label == "datum" || field->label == "date") && head.date.empty()) {
                head.date = parse_dutch_date(" " + value + " ");
            }
        }
    }
}

// The index of the subject line in the top part of the first page.
std::optional<std::size_t> subject_line(const LaidOutPage& page) {
    for (std::size_t i = 0; i < page.lines.size(); ++i) {
        const TextLine& line = page.lines[i];
        if (line.top > 0.5 * page.height) continue;
        const auto field = labelled(line.text);
        if (!field || !is_subject_label(field->label)) continue;
        const bool has_value = !field->value.empty() ||
                               (i + 1 < page.lines.size() && !labelled(page.lines[i + 1].text));
        // "inzake" also continues a sentence; a note's head has more labels.
        if (field->label == "inzake" && labels_on_top(page) < 3) continue;
        if (has_value) return i;
    }
    return std::nullopt;
}

// A value wrapped onto the next line stands indented under it, right of
// the label.
bool continues_value(const TextLine& labelled_line, const TextLine& line) {
    return line.x0 > labelled_line.x0 + 2 * labelled_line.size &&
           line.top - labelled_line.bottom < labelled_line.height();
}

// How far down the letterhead reaches: to the subject line and the labelled
// lines (Datum, kenmerk, bijlagen) set just below it.
double letterhead_bottom(const LaidOutPage& page, std::size_t subject) {
    double bottom = page.lines[subject].bottom;
    const double step = 1.8 * std::max(page.lines[subject].height(), 1.0);
    std::vector<const TextLine*> below;
    for (const TextLine& line : page.lines) {
        if (line.top >= bottom - 1) below.push_back(&line);
    }
    std::sort(below.begin(), below.end(),
              [](const TextLine* a, const TextLine* b) { return a->top < b->top; });
    const TextLine& subject_line = page.lines[subject];
    // A label set alone ("Onderwerp") has its value on the line below.
    const auto subject_field = labelled(subject_line.text);
    if (subject_field && subject_field->value.empty()) {
        for (const TextLine* line : below) {
            if (line->top <= subject_line.top + 0.5 * subject_line.height()) continue;
            if (line->top - bottom <= step) bottom = std::max(bottom, line->bottom);
            break;
        }
    }
    for (const TextLine* line : below) {
        if (line->top - bottom > step) break;
        const auto field = labelled(line->text);
        if (!field && continues_value(subject_line, *line)) {
            bottom = std::max(bottom, line->bottom);
            continue;
        }
        if (!field) break;
        bottom = std::max(bottom, line->bottom);
        // The value of a label set alone sits on the next line.
        if (field->value.empty()) bottom += line->height() * 1.3;
    }
    return bottom;
}

std::string normalise_spaces(const std::string& s) {
    std::string out;
    for (const char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return trim(out);
}

// ---- printed Kamerstukken ----

// "Tweede Kamer, vergaderjaar 2019–2020, 35 538, nr. 4" (the dash may be an
// en dash).
struct Footer {
    std::string chamber, from, to, dossier, number;
};

std::optional<Footer> paper_footer(const std::string& line) {
    static const std::regex pattern(
        R"((Tweede|Eerste) Kamer, vergaderjaar (\d{4})\s*(?:–|-|/)\s*(\d{2,4}), ([0-9 ]{5,7}(?: [A-Z]{1,6}| \(R\d+\))?), (?:nr\. )?([0-9]{1,4}|[A-Z]{1,3}))");
    if (line.size() > kMaxLabelledLine) return std::nullopt;
    std::smatch m;
    if (!std::regex_search(line, m, pattern)) return std::nullopt;
    return Footer{m[1].str() == "Tweede" ? "tk" : "ek", m[2].str(), m[3].str(), m[4].str(),
                  m[5].str()};
}

bool is_print_furniture(const std::string& line) {
    static const std::regex pattern(
        R"(^(kst-[0-9A-Za-z-]+|ISSN \d{4} ?- ?\d{3}[0-9X]|(’|')s-Gravenhage \d{4}|(Tweede|Eerste) Kamer der Staten-Generaal|Vergaderjaar \d{4}\s*(–|-)\s*\d{4})$)");
    return line.size() < 80 && std::regex_match(line, pattern);
}

std::string canonical_id(const std::vector<LaidOutPage>& pages, const Footer* footer) {
    static const std::regex printed_id(R"(^kst-[0-9A-Za-z-]+$)");
    for (const LaidOutPage& page : pages) {
        for (const TextLine& line : page.lines) {
            if (line.text.size() > 60 || !std::regex_match(line.text, printed_id)) continue;
            const std::vector<Reference> parsed = parse_citation(line.text);
            if (!parsed.empty() && parsed.front().type == ReferenceType::kKamerstuk) {
                return parsed.front().id;
            }
        }
    }
    if (!footer) return "";
    const std::string citation = std::string("Kamerstukken ") +
                                 (footer->chamber == "tk" ? "II" : "I") + " " + footer->from + "/" +
                                 footer->to.substr(footer->to.size() - 2) + ", " + footer->dossier +
                                 ", nr. " + footer->number;
    const std::vector<Reference> parsed = parse_citation(citation);
    return parsed.empty() || parsed.front().type != ReferenceType::kKamerstuk ? ""
                                                                              : parsed.front().id;
}

// The head of the first page: "35 538" beside the dossier's title, "Nr. 4"
// beside the paper's title. Returns the index of the first body line.
std::size_t read_printed_head(const LaidOutPage& page, PrintedKamerstuk& paper) {
    static const std::regex dossier_line(R"(^\d{2} ?\d{3}(?: [A-Z]{1,6}| \(R\d+\))?$)");
    static const std::regex number_line(R"(^Nr\. [0-9A-Z]{1,4}$)");
    std::size_t i = 0;
    const std::size_t n = page.lines.size();
    while (i < n && !(page.lines[i].text.size() < 20 &&
                      std::regex_match(page.lines[i].text, dossier_line))) {
        ++i;
    }
    if (i == n || page.lines[i].top > 0.5 * page.height) return 0;
    std::string dossier_title;
    for (++i; i < n && !std::regex_match(page.lines[i].text, number_line); ++i) {
        dossier_title.append(" ").append(page.lines[i].text);
    }
    if (i == n) return 0;
    const TextLine& number = page.lines[i];
    std::string paper_title;
    for (++i; i < n && page.lines[i].bold == number.bold && page.lines[i].size == number.size &&
              page.lines[i].top < number.top + 6 * number.height();
         ++i) {
        paper_title.append(" ").append(page.lines[i].text);
    }
    dossier_title = normalise_spaces(dossier_title);
    paper_title = normalise_spaces(paper_title);
    paper.title = dossier_title;
    if (!paper_title.empty())
        paper.title.append(paper.title.empty() ? "" : "; ").append(paper_title);
    return i;
}

}  // namespace

std::optional<Letterhead> take_letterhead(std::vector<LaidOutPage>& pages, double body_size,
                                          const std::vector<std::string>& furniture) {
    if (pages.empty()) return std::nullopt;
    LaidOutPage& first = pages.front();
    const std::optional<std::size_t> subject = subject_line(first);
    if (!subject) return std::nullopt;
    const double bottom = letterhead_bottom(first, *subject);
    // The subject's value as wrapped onto the lines under it.
    std::vector<std::string> subject_wraps;
    const TextLine subject_text = first.lines[*subject];
    for (const TextLine& line : first.lines) {
        if (line.top > subject_text.top && line.top < bottom && !labelled(line.text) &&
            continues_value(subject_text, line)) {
            subject_wraps.push_back(line.text);
        }
    }
    std::vector<std::string> head_lines;
    std::vector<std::string> side_lines;
    std::erase_if(first.lines, [&](const TextLine& line) {
        if (line.top >= bottom - 1 || in_side_column(line, first, body_size)) return false;
        head_lines.push_back(line.text);
        return true;
    });
    for (LaidOutPage& page : pages) {
        std::erase_if(page.lines, [&](const TextLine& line) {
            if (!in_side_column(line, page, body_size)) return false;
            side_lines.push_back(line.text);
            return true;
        });
    }
    Letterhead head;
    head_lines.insert(head_lines.end(), side_lines.begin(), side_lines.end());
    head_lines.insert(head_lines.end(), furniture.begin(), furniture.end());
    read_fields(head_lines, head);
    for (const std::string& wrapped : subject_wraps) head.subject.append(" ").append(wrapped);
    return head;
}

void take_inner_letterheads(std::vector<LaidOutPage>& pages) {
    for (std::size_t p = 1; p < pages.size(); ++p) {
        LaidOutPage& page = pages[p];
        const std::optional<std::size_t> subject = subject_line(page);
        if (!subject) continue;
        const std::size_t labels =
            std::count_if(page.lines.begin(), page.lines.end(), [&](const TextLine& line) {
                return line.top < 0.6 * page.height && labelled(line.text).has_value();
            });
        if (labels < 2) continue;
        const double bottom = letterhead_bottom(page, *subject);
        // The body's column ends left of where the side column starts.
        double body_right = 0;
        for (const TextLine& line : page.lines) {
            if (line.top > bottom && line.x0 < 0.4 * page.width) {
                body_right = std::max(body_right, line.x1);
            }
        }
        std::erase_if(page.lines, [&](const TextLine& line) {
            const bool beside = line.x0 > 0.55 * page.width && line.x0 >= body_right - 1;
            return line.top < bottom - 1 || beside;
        });
    }
}

std::optional<PrintedKamerstuk> take_printed_kamerstuk(std::vector<LaidOutPage>& pages) {
    if (pages.empty()) return std::nullopt;
    std::optional<Footer> footer;
    for (const LaidOutPage& page : pages) {
        for (const TextLine& line : page.lines) {
            if (!footer) footer = paper_footer(line.text);
        }
    }
    PrintedKamerstuk paper;
    paper.id = canonical_id(pages, footer ? &*footer : nullptr);
    if (paper.id.empty()) return std::nullopt;
    if (footer) {
        paper.chamber = footer->chamber;
        paper.vergaderjaar = footer->from + "-" +
                             (footer->to.size() == 2 ? footer->from.substr(0, 2) : "") + footer->to;
        paper.number = footer->number;
        std::string dossier = footer->dossier;
        dossier.erase(std::remove(dossier.begin(), dossier.end(), ' '), dossier.end());
        paper.dossier = dossier;
    }
    // The dossier as the id spells it ("kst-32123-XVI-30" -> "32123-XVI").
    const std::size_t last = paper.id.rfind('-');
    if (paper.id.starts_with("kst-") && last > 4) paper.dossier = paper.id.substr(4, last - 4);
    if (paper.number.empty() && last != std::string::npos) paper.number = paper.id.substr(last + 1);

    const std::size_t body_start = read_printed_head(pages.front(), paper);
    std::vector<TextLine>& first = pages.front().lines;
    first.erase(first.begin(), first.begin() + static_cast<long>(body_start));
    for (LaidOutPage& page : pages) {
        std::erase_if(page.lines, [&](const TextLine& line) {
            const bool in_margin = line.top < 0.15 * page.height || line.top > 0.8 * page.height;
            return in_margin && (is_print_furniture(line.text) || paper_footer(line.text));
        });
    }
    return paper;
}

}  // namespace kamerzoek::corpus::pdf
