#include "corpus/readers/officiele_publicatie/text.h"

#include <cctype>
#include <cstring>

#include "corpus/encoding.h"

namespace kamerzoek::corpus::op {
namespace {

// Elements whose content is a unit of its own: separated from neighbours by
// a space when they occur inside running text, and never part of a
// paragraph when they occur in a container. Besides the parliamentary
// papers' elements, those of laws and gazettes (artikel, considerans.al,
// intitule, ...).
constexpr std::array<std::string_view, 52> kStructural = {"al",
                                                          "al-groep",
                                                          "lijst",
                                                          "li",
                                                          "tabel",
                                                          "table",
                                                          "tgroup",
                                                          "thead",
                                                          "tbody",
                                                          "tfoot",
                                                          "row",
                                                          "entry",
                                                          "kop",
                                                          "titel",
                                                          "tussenkop",
                                                          "divisie",
                                                          "tekst",
                                                          "spreekbeurt",
                                                          "motie",
                                                          "motie-info",
                                                          "p",
                                                          "alinea",
                                                          "brief",
                                                          "ondertekening",
                                                          "aanhef",
                                                          "slotformule",
                                                          "dagtekening",
                                                          "aan",
                                                          "stuk",
                                                          "algemeen",
                                                          "onderwerp",
                                                          "item-titel",
                                                          "paragraaf",
                                                          "hoofdstuk",
                                                          "lid",
                                                          "artikel",
                                                          "intitule",
                                                          "wij",
                                                          "considerans",
                                                          "considerans.al",
                                                          "afkondiging",
                                                          "slotformulering",
                                                          "gegeven",
                                                          "uitgifte",
                                                          "vraag",
                                                          "antwoord",
                                                          "kamervraagomschrijving",
                                                          "nota-toelichting",
                                                          "circulaire",
                                                          "regeling",
                                                          "zakelijke-mededeling",
                                                          "vrije-tekst"};

// Inline elements written as superscript or subscript belong to the word
// before them ("CO<sup>2</sup>", "m<sup>2</sup>").
constexpr std::array<std::string_view, 2> kGlued = {"sup", "inf"};

// Inline elements that are words of their own: a number label ("Artikel"
// "1"), a list item's number, the parts of a name ("M." "Snel"). Files
// written without white space between them ("<label>Artikel</label><nr>1")
// still read as separate words.
constexpr std::array<std::string_view, 10> kSeparateWords = {
    "label",      "nr",           "li.nr",   "lidnr",  "voornaam",
    "achternaam", "voorvoegsels", "functie", "plaats", "politiek"};

// Elements that carry no running text of their own.
constexpr std::array<std::string_view, 5> kSkipped = {"metadata", "meta", "colspec", "spanspec",
                                                      "illustratie"};

constexpr std::array<std::string_view, 5> kHeadings = {"kop", "titel", "tussenkop", "item-titel",
                                                       "kopje"};

// Markers left in raw text while rendering and resolved by finish_text():
// white space that contained a line break (possibly added by a
// pretty-printer), and the two edges of a superscript.
constexpr char kSoftSpace = '\x01';
constexpr char kGlueBefore = '\x02';
constexpr char kGlueAfter = '\x03';

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool is_marker(char c) {
    return c == ' ' || c == kSoftSpace || c == kGlueBefore || c == kGlueAfter;
}

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

void add_unique(std::vector<std::string>& list, const std::string& value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) {
        list.push_back(value);
    }
}

void append_flat_text(pugi::xml_node node, std::string& out) {
    // Iterative walk over all text below `node`.
    for (pugi::xml_node n = node.first_child(); n;) {
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
            out.push_back(' ');
            append_text(out, n.value());
        }
        if (n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n && n != node && !n.next_sibling()) n = n.parent();
        if (!n || n == node) break;
        n = n.next_sibling();
    }
}

bool no_space_after(char c) { return c == '(' || c == '[' || c == '{' || c == '/'; }
bool no_space_before(char c) { return std::strchr(")]},.;:!?%", c) != nullptr && c != '\0'; }
bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

// What a run of spaces and markers between `prev` and `next` stands for.
// A line break between two digits is a pretty-printer's, splitting one
// number written as two elements ("<nadruk>2</nadruk>\n<nadruk>3</nadruk>
// december").
std::string_view resolve_gap(std::string_view run, char prev, char next) {
    const bool hard = run.find(' ') != std::string_view::npos;
    const bool soft = run.find(kSoftSpace) != std::string_view::npos;
    if (hard) return " ";
    if (run.find(kGlueBefore) != std::string_view::npos) return "";
    if (run.find(kGlueAfter) != std::string_view::npos)
        return soft && is_word_char(next) ? " " : "";
    if (!soft) return "";
    if (is_digit(prev) && is_digit(next)) return "";
    return no_space_after(prev) || no_space_before(next) ? "" : " ";
}

}  // namespace

bool is_structural(pugi::xml_node node) { return named_any(node, kStructural); }
bool is_skipped(pugi::xml_node node) { return named_any(node, kSkipped); }
bool is_heading(pugi::xml_node node) { return named_any(node, kHeadings); }
bool is_table(pugi::xml_node node) { return named(node, "tabel") || named(node, "table"); }

bool is_table_note(pugi::xml_node node) {
    if (!named(node, "noot") || node.child("noot.nr") || node.attribute("nr")) return false;
    for (pugi::xml_node child : node.children()) {
        if (is_table(child)) return true;
    }
    return false;
}

void collect_link(pugi::xml_node node, Collected& collected) {
    if (named(node, "extref")) {
        add_unique(collected.linked_ids, canonical_doc_id(node.attribute("doc").value()));
    } else if (named(node, "dossierref")) {
        add_unique(collected.linked_ids, node.attribute("dossier").value());
    }
}

void append_text(std::string& out, std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_ascii_space(text[i])) {
            out.push_back(text[i++]);
            continue;
        }
        bool line_break = false;
        while (i < text.size() && is_ascii_space(text[i])) line_break |= text[i++] == '\n';
        out.push_back(line_break ? kSoftSpace : ' ');
    }
}

void render(pugi::xml_node node, std::string& out, Collected& collected, int depth) {
    if (depth > kMaxDepth) {
        append_flat_text(node, out);
        return;
    }
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            append_text(out, child.value());
            continue;
        }
        if (child.type() != pugi::node_element || is_skipped(child)) continue;
        if (named(child, "noot")) {
            // The marker is dropped from the running text, so it cannot glue
            // to the word before it; the note becomes a block of its own.
            collected.footnotes.push_back(footnote_block(child, depth + 1));
            continue;
        }
        if (named(child, "nootref")) continue;
        collect_link(child, collected);
        if (named_any(child, kGlued)) {
            out.push_back(kGlueBefore);
            render(child, out, collected, depth + 1);
            out.push_back(kGlueAfter);
        } else if (is_structural(child)) {
            out.push_back(' ');
            render(child, out, collected, depth + 1);
            out.push_back(' ');
        } else if (named_any(child, kSeparateWords)) {
            out.push_back(kSoftSpace);
            render(child, out, collected, depth + 1);
            out.push_back(kSoftSpace);
        } else {
            render(child, out, collected, depth + 1);
        }
    }
}

std::string finish_text(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    std::size_t i = 0;
    while (i < raw.size()) {
        if (!is_marker(raw[i])) {
            out.push_back(raw[i++]);
            continue;
        }
        const std::size_t start = i;
        while (i < raw.size() && is_marker(raw[i])) ++i;
        const char prev = out.empty() ? '\0' : out.back();
        const char next = i < raw.size() ? raw[i] : '\0';
        out += resolve_gap(raw.substr(start, i - start), prev, next);
    }
    return to_nfc(collapse_whitespace(out));
}

std::string render_text(pugi::xml_node node, Collected& collected) {
    std::string raw;
    render(node, raw, collected);
    return finish_text(raw);
}

std::string plain_text(pugi::xml_node node) {
    Collected ignored;
    return node ? render_text(node, ignored) : std::string();
}

Block footnote_block(pugi::xml_node noot, int depth) {
    Block block;
    block.role = Block::Role::kFootnote;
    block.label = plain_text(noot.child("noot.nr"));
    if (block.label.empty()) block.label = noot.attribute("nr").value();
    Collected collected;
    std::string raw;
    for (pugi::xml_node child : noot.children()) {
        if (named(child, "noot.nr")) continue;
        if (child.type() == pugi::node_pcdata) {
            append_text(raw, child.value());
            continue;
        }
        raw.push_back(' ');
        collect_link(child, collected);
        render(child, raw, collected, depth + 1);
    }
    block.text = finish_text(raw);
    block.linked_ids = std::move(collected.linked_ids);
    return block;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string date_of(pugi::xml_node node) {
    if (!node) return {};
    const std::string iso = parse_date(node.attribute("isodatum").value());
    if (!iso.empty()) return iso;
    if (const pugi::xml_node datum = find_descendant(node, "datum")) {
        const std::string stated = parse_date(datum.attribute("isodatum").value());
        if (!stated.empty()) return stated;
    }
    return parse_date(plain_text(node));
}

pugi::xml_node find_descendant(pugi::xml_node root, std::string_view name) {
    return root.find_node([name](pugi::xml_node n) { return named(n, name); });
}

}  // namespace kamerzoek::corpus::op
