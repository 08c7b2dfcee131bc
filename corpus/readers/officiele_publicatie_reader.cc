// The official XML of officielebekendmakingen.nl (op-xsd, root
// `officiele-publicatie`): Handelingen items, Kamerstukken and Kamerbrieven,
// bijlagen (the metadata.xml beside them arrives through SourceFile and is
// read by corpus/publication_metadata.cc).
//
// Text is rebuilt from the elements: inline markup (nadruk, extref, sup)
// joins without spaces, block elements (al, li, entry) are separated, white
// space is collapsed. Files re-saved by other tools are repaired on the way:
// encoding damage by decode_text(), and white space that a pretty-printer put
// around inline elements ("( <extref>21501-08</extref> , nr.") is removed
// again where punctuation shows it cannot have been there.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <sstream>

#include "corpus/encoding.h"
#include "corpus/publication_metadata.h"
#include "corpus/readers/readers.h"

namespace kamerzoek::corpus {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- names

bool named(pugi::xml_node node, std::string_view name) { return name == node.name(); }

template <std::size_t N>
bool named_any(pugi::xml_node node, const std::array<std::string_view, N>& names) {
    return std::find(names.begin(), names.end(), std::string_view(node.name())) != names.end();
}

constexpr std::array<std::string_view, 5> kRootNames = {"officiele-publicatie", "handelingen",
                                                        "kamerstuk", "bijlage", "kamerwrk"};

// Elements whose content is a unit of its own: separated from neighbours by
// a space when they occur inside running text, and never part of a
// paragraph when they occur in a container.
constexpr std::array<std::string_view, 34> kStructural = {
    "al",       "al-groep",      "lijst",       "li",          "tabel",       "tgroup", "thead",
    "tbody",    "tfoot",         "row",         "entry",       "kop",         "titel",  "tussenkop",
    "divisie",  "tekst",         "spreekbeurt", "motie",       "motie-info",  "p",      "alinea",
    "brief",    "ondertekening", "aanhef",      "slotformule", "dagtekening", "aan",    "stuk",
    "algemeen", "onderwerp",     "item-titel",  "paragraaf",   "hoofdstuk",   "lid"};

// Inline elements written as superscript or subscript belong to the word
// before them ("CO<sup>2</sup>", "m<sup>2</sup>").
constexpr std::array<std::string_view, 2> kGlued = {"sup", "inf"};

// Elements that carry no running text of their own.
constexpr std::array<std::string_view, 4> kSkipped = {"metadata", "meta", "colspec", "spanspec"};

constexpr std::array<std::string_view, 5> kHeadings = {"kop", "titel", "tussenkop", "item-titel",
                                                       "kopje"};

bool is_structural(pugi::xml_node node) { return named_any(node, kStructural); }

// -------------------------------------------------------- text rendering

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

// Explicit links found while rendering, and footnotes lifted out of the text.
struct Collected {
    std::vector<std::string> linked_ids;
    std::vector<Block> footnotes;
};

void add_unique(std::vector<std::string>& list, const std::string& value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) {
        list.push_back(value);
    }
}

void collect_link(pugi::xml_node node, Collected& collected) {
    if (named(node, "extref")) {
        add_unique(collected.linked_ids, canonical_doc_id(node.attribute("doc").value()));
    } else if (named(node, "dossierref")) {
        add_unique(collected.linked_ids, node.attribute("dossier").value());
    }
}

std::string finish_text(std::string_view raw);
Block footnote_block(pugi::xml_node noot, int depth);

// Maximum element depth followed; deeper content is read as flat text so
// that a pathological file cannot exhaust the stack.
constexpr int kMaxDepth = 200;

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

void render(pugi::xml_node node, std::string& out, Collected& collected, int depth = 0) {
    if (depth > kMaxDepth) {
        append_flat_text(node, out);
        return;
    }
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            append_text(out, child.value());
            continue;
        }
        if (child.type() != pugi::node_element || named_any(child, kSkipped)) continue;
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
        } else {
            render(child, out, collected, depth + 1);
        }
    }
}

bool no_space_after(char c) { return c == '(' || c == '[' || c == '{' || c == '/'; }
bool no_space_before(char c) { return std::strchr(")]},.;:!?%", c) != nullptr && c != '\0'; }
bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

// What a run of spaces and markers between `prev` and `next` stands for.
std::string_view resolve_gap(std::string_view run, char prev, char next) {
    const bool hard = run.find(' ') != std::string_view::npos;
    const bool soft = run.find(kSoftSpace) != std::string_view::npos;
    if (hard) return " ";
    if (run.find(kGlueBefore) != std::string_view::npos) return "";
    if (run.find(kGlueAfter) != std::string_view::npos)
        return soft && is_word_char(next) ? " " : "";
    if (!soft) return "";
    return no_space_after(prev) || no_space_before(next) ? "" : " ";
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

// `depth` carries on from the text the note sits in: notes nested in notes
// must not recurse without bound.
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

// ------------------------------------------------------ ids and files

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::optional<std::string> read_small_file(const fs::path& path) {
    std::error_code error;
    if (!fs::is_regular_file(path, error) || fs::file_size(path, error) > (8u << 20)) return {};
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = text.find(separator, start);
        parts.emplace_back(text.substr(start, end - start));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

// What an official id says by itself: h-tk-20172018-61-10 is an item of
// the Tweede Kamer in 2017-2018; kst-34775-V-48 is number 48 in 34775-V.
void fill_from_id(Document& document) {
    const std::vector<std::string> parts = split(document.id, '-');
    if (parts.size() >= 3 && (parts[0] == "h" || parts[0] == "ah")) {
        if (document.chamber.empty()) document.chamber = parts[1];
        if (document.vergaderjaar.empty()) document.vergaderjaar = normalise_vergaderjaar(parts[2]);
    } else if (parts.size() >= 3 && parts[0] == "kst") {
        std::string dossier = parts[1];
        for (std::size_t i = 2; i + 1 < parts.size(); ++i) dossier += "-" + parts[i];
        if (document.dossier.empty()) document.dossier = dossier;
        if (document.number.empty()) document.number = parts.back();
    }
}

// ----------------------------------------------------------- structure

// Where blocks go, and the speaker they are attributed to.
struct Sink {
    std::vector<Block>* blocks;
    Block::Role role = Block::Role::kParagraph;
    std::string speaker;
    std::string party;
    bool group_entries = false;  // lists of papers: an al-groep is one entry
};

void push_block(const Sink& sink, Block::Role role, std::string text, Collected collected,
                std::string label = {}) {
    if (!text.empty()) {
        Block block;
        block.role = role;
        block.text = std::move(text);
        block.label = std::move(label);
        if (role == Block::Role::kSpeech || role == Block::Role::kMotion) {
            block.speaker = sink.speaker;
            block.party = sink.party;
        }
        block.linked_ids = std::move(collected.linked_ids);
        sink.blocks->push_back(std::move(block));
    }
    for (Block& footnote : collected.footnotes) sink.blocks->push_back(std::move(footnote));
}

void emit(pugi::xml_node node, const Sink& sink, Block::Role role) {
    Collected collected;
    collect_link(node, collected);
    std::string text = render_text(node, collected);
    push_block(sink, role, std::move(text), std::move(collected));
}

// No structural element anywhere below: the element is one paragraph.
bool is_leaf(pugi::xml_node node) {
    for (pugi::xml_node n = node.first_child(); n;) {
        if (n.type() == pugi::node_element && (is_structural(n) || named(n, "spreker")))
            return false;
        // A footnote's paragraphs are lifted out of the running text.
        if (n.first_child() && !named(n, "noot")) {
            n = n.first_child();
            continue;
        }
        while (n && n != node && !n.next_sibling()) n = n.parent();
        if (!n || n == node) break;
        n = n.next_sibling();
    }
    return true;
}

void walk(pugi::xml_node node, const Sink& sink, int depth = 0);
void walk_child(pugi::xml_node child, const Sink& sink, int depth);

// "De heer Wörsdörfer (VVD):" -> speaker "Wörsdörfer", party "VVD"; the
// chair ("De voorzitter") keeps its article, as it is a role, not a name.
void read_speaker(pugi::xml_node spreker, Sink& sink) {
    std::string name = plain_text(spreker.child("naam"));
    if (name.empty()) name = plain_text(spreker.child("achternaam"));
    const std::string prefix = plain_text(spreker.child("voorvoegsels"));
    if (!name.empty() && std::islower(static_cast<unsigned char>(name[0]))) {
        name = prefix.empty() ? name : prefix + " " + name;
    }
    if (name.empty()) name = plain_text(spreker);
    while (!name.empty() && (name.back() == ':' || name.back() == ' ')) name.pop_back();
    sink.speaker = name;
    sink.party = plain_text(spreker.child("politiek"));
}

void emit_speech(pugi::xml_node spreekbeurt, const Sink& outer, int depth) {
    Sink sink = outer;
    sink.role = Block::Role::kSpeech;
    read_speaker(spreekbeurt.child("spreker"), sink);
    for (pugi::xml_node child : spreekbeurt.children()) {
        if (!named(child, "spreker")) walk_child(child, sink, depth + 1);
    }
}

// The links anywhere below `node`, except inside motions nested in it (they
// have their own).
void collect_links_below(pugi::xml_node node, Collected& collected) {
    for (pugi::xml_node n = node.first_child(); n;) {
        collect_link(n, collected);
        const bool descend = n.first_child() && !named(n, "motie");
        if (descend) {
            n = n.first_child();
            continue;
        }
        while (n && n != node && !n.next_sibling()) n = n.parent();
        if (!n || n == node) break;
        n = n.next_sibling();
    }
}

// A motion is one block labelled with its id, linked to the Kamerstuk it
// became (the extref in its motie-info); the chair's words in motie-info
// are a speech turn of their own.
void emit_motion(pugi::xml_node motie, const Sink& outer, int depth) {
    Collected collected;
    std::string raw;
    for (pugi::xml_node child : motie.children()) {
        if (named(child, "motie-info")) continue;
        raw.push_back(' ');
        if (child.type() == pugi::node_pcdata) append_text(raw, child.value());
        collect_link(child, collected);
        if (child.type() == pugi::node_element) render(child, raw, collected);
    }
    for (pugi::xml_node info : motie.children("motie-info")) collect_links_below(info, collected);
    push_block(outer, Block::Role::kMotion, finish_text(raw), std::move(collected),
               motie.attribute("id").value());
    for (pugi::xml_node info : motie.children("motie-info")) emit_speech(info, outer, depth);
}

// The rows of a CALS table (tgroup, thead/tbody/tfoot, row), not those of
// tables nested in its cells: those are read as the cell's text.
void collect_rows(pugi::xml_node node, std::vector<pugi::xml_node>& rows, int depth = 0) {
    static constexpr std::array<std::string_view, 4> kGroups = {"tgroup", "thead", "tbody",
                                                                "tfoot"};
    for (pugi::xml_node child : node.children()) {
        if (named(child, "row")) rows.push_back(child);
        if (named_any(child, kGroups) && depth < kMaxDepth) collect_rows(child, rows, depth + 1);
    }
}

void emit_table(pugi::xml_node tabel, const Sink& sink) {
    for (pugi::xml_node child : tabel.children()) {
        if (named_any(child, kHeadings)) emit(child, sink, Block::Role::kHeading);
    }
    std::vector<pugi::xml_node> rows;
    collect_rows(tabel, rows);
    for (const pugi::xml_node row : rows) {
        Collected collected;
        std::string text;
        for (pugi::xml_node entry : row.children("entry")) {
            std::string cell = render_text(entry, collected);
            if (cell.empty()) continue;
            if (!text.empty()) text += " | ";
            text += cell;
        }
        push_block(sink, sink.role, std::move(text), std::move(collected));
    }
}

// One entry of a list of papers: its lines joined, so the paper's title and
// its id ("... - 30111-109") stay together.
void emit_entry(pugi::xml_node group, const Sink& sink, std::string_view separator = "; ") {
    Collected collected;
    std::string text;
    for (pugi::xml_node al : group.children()) {
        std::string line =
            al.type() == pugi::node_element ? render_text(al, collected) : finish_text(al.value());
        if (line.empty()) continue;
        if (!text.empty()) text += separator;
        text += line;
    }
    push_block(sink, Block::Role::kParagraph, std::move(text), std::move(collected));
}

void walk_child(pugi::xml_node child, const Sink& sink, int depth) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        push_block(sink, sink.role, finish_text(child.value()), {});
        return;
    }
    if (child.type() != pugi::node_element || named_any(child, kSkipped)) return;
    // Numbers and the sitting are read as the document's metadata.
    if (named(child, "nr") || named(child, "vergadering") || named(child, "dossiernummer") ||
        named(child, "stuknr")) {
        return;
    }
    // Past the depth limit everything is read as one paragraph, flat.
    if (depth > kMaxDepth) return emit(child, sink, sink.role);
    if (named(child, "spreekbeurt")) return emit_speech(child, sink, depth);
    if (named(child, "motie")) return emit_motion(child, sink, depth);
    if (named(child, "tabel")) return emit_table(child, sink);
    if (named(child, "noot"))
        return push_block(sink, sink.role, {}, Collected{{}, {footnote_block(child, depth)}});
    if (named_any(child, kHeadings)) return emit(child, sink, Block::Role::kHeading);
    if (sink.group_entries && named(child, "al-groep")) return emit_entry(child, sink);
    // A list item is one paragraph with its number, whatever it holds.
    if (named(child, "li") || is_leaf(child)) {
        return emit(child, sink, sink.role);
    }
    walk(child, sink, depth + 1);
}

void walk(pugi::xml_node node, const Sink& sink, int depth) {
    for (pugi::xml_node child : node.children()) walk_child(child, sink, depth);
}

// ------------------------------------------------------------- parsing

// Named character entities of HTML that turn up in hand-edited files; XML
// knows only the five it predefines.
void replace_html_entities(std::string& text) {
    static const std::map<std::string, std::string, std::less<>> kEntities = {
        {"nbsp", "\u00A0"}, {"eacute", "é"},   {"euml", "ë"},   {"iuml", "ï"},   {"ouml", "ö"},
        {"uuml", "ü"},      {"auml", "ä"},     {"egrave", "è"}, {"agrave", "à"}, {"ccedil", "ç"},
        {"ndash", "–"},     {"mdash", "—"},    {"lsquo", "‘"},  {"rsquo", "’"},  {"ldquo", "“"},
        {"rdquo", "”"},     {"hellip", "…"},   {"euro", "€"},   {"sect", "§"},   {"deg", "°"},
        {"copy", "©"},      {"shy", "\u00AD"}, {"bull", "•"},   {"ecirc", "ê"},  {"oacute", "ó"}};
    if (text.find('&') == std::string::npos) return;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '&') {
            const std::size_t semi = text.find(';', i);
            if (semi != std::string::npos && semi - i <= 8) {
                const auto it = kEntities.find(std::string_view(text).substr(i + 1, semi - i - 1));
                if (it != kEntities.end()) {
                    out += it->second;
                    i = semi;
                    continue;
                }
            }
        }
        out.push_back(text[i]);
    }
    text = std::move(out);
}

// Text before the first tag (a byte-order mark saved as text that could
// not be repaired, stray characters) is blanked, keeping line numbers.
void blank_text_before_markup(std::string& text, std::vector<std::string>& warnings) {
    const std::size_t first = text.find('<');
    const std::size_t end = first == std::string::npos ? text.size() : first;
    bool blanked = false;
    for (std::size_t i = 0; i < end; ++i) {
        if (is_ascii_space(text[i])) continue;
        text[i] = ' ';
        blanked = true;
    }
    if (blanked) warnings.push_back("removed text before the XML declaration");
}

struct ParseFailure {
    std::string description;
    int line = 0;
    int column = 0;
};

constexpr unsigned kParseFlags = pugi::parse_default | pugi::parse_ws_pcdata;

// Makes one local repair at a parse error; false when there is none to make
// (the input ends inside an element: it is truncated).
bool repair_at(std::string& text, const pugi::xml_parse_result& result) {
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0));
    if (offset >= text.size()) return false;
    if (result.status == pugi::status_end_element_mismatch ||
        result.status == pugi::status_bad_end_element) {
        const std::size_t tag = text.rfind("</", offset);
        if (tag == std::string::npos || offset - tag > 2) return false;
        // A stray end tag: dropping it lets the parser close what is open.
        const std::size_t close = text.find('>', tag);
        text.erase(tag, close == std::string::npos ? std::string::npos : close - tag + 1);
        return true;
    }
    const std::size_t open = text.rfind('<', offset);
    if (open == std::string::npos) return false;
    text.replace(open, 1, "&lt;");  // a '<' that does not start markup
    return true;
}

// Parses leniently: a document pugixml rejects is repaired step by step
// (stray end tags dropped, stray '<' escaped), and a truncated one is read
// up to where it breaks off. Returns the first error, if there was one.
std::optional<ParseFailure> parse_xml(std::string text, pugi::xml_document& document,
                                      std::vector<std::string>& warnings) {
    pugi::xml_parse_result result =
        document.load_buffer(text.data(), text.size(), kParseFlags, pugi::encoding_utf8);
    if (result) return {};
    ParseFailure failure{result.description()};
    std::tie(failure.line, failure.column) =
        line_and_column(text, static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)));
    for (int attempt = 0; attempt < 64 && !result && repair_at(text, result); ++attempt) {
        result = document.load_buffer(text.data(), text.size(), kParseFlags, pugi::encoding_utf8);
    }
    const std::string where =
        " at line " + std::to_string(failure.line) + ", column " + std::to_string(failure.column);
    if (result) {
        warnings.push_back("repaired XML that is not well-formed (" + failure.description + where +
                           ")");
    } else if (document.document_element()) {
        warnings.push_back("XML is cut short or broken (" + failure.description + where +
                           "); read what came before");
    }
    return failure;
}

// --------------------------------------------------------- documents

struct FileContext {
    std::string path;
    std::string id;
    Metadata metadata;
    std::vector<std::string> warnings;
};

Document new_document(const FileContext& context, DocumentKind kind) {
    Document document;
    document.id = context.id;
    document.kind = kind;
    document.source_path = context.path;
    document.warnings = context.warnings;
    return document;
}

// Repeated entries (a list saved twice over) are dropped.
void drop_repeated_blocks(Document& document) {
    const auto end = std::unique(
        document.blocks.begin(), document.blocks.end(), [](const Block& a, const Block& b) {
            return a.role == b.role && a.text == b.text && a.role == Block::Role::kParagraph;
        });
    const auto dropped = document.blocks.end() - end;
    if (dropped == 0) return;
    document.blocks.erase(end, document.blocks.end());
    document.warnings.push_back("dropped " + std::to_string(dropped) + " repeated entries");
}

std::string item_title(pugi::xml_node item, pugi::xml_node vergadering) {
    std::string title = plain_text(item.child("item-titel"));
    if (title.empty()) title = plain_text(item.child("kop").child("titel"));
    if (title.empty() && named(item, "opening")) {
        const std::string sitting = plain_text(vergadering.child("vergadering-nummer"));
        title = sitting.empty() ? "Opening" : "Opening van de " + sitting;
    }
    if (title.empty()) {
        const std::string nr = plain_text(item.child("nr"));
        title = nr.empty() ? "Handelingen" : "Handelingen, item " + nr;
    }
    return title;
}

std::vector<pugi::xml_node> handelingen_items(pugi::xml_node handelingen) {
    std::vector<pugi::xml_node> items;
    for (pugi::xml_node child : handelingen.children()) {
        if (child.type() == pugi::node_element && !named(child, "vergadering") &&
            !named_any(child, kSkipped)) {
            items.push_back(child);
        }
    }
    return items;
}

// One document per item (agendapunt, opening, list of papers). A file
// usually holds one item; for a whole sitting the items get "-<nr>" ids.
std::vector<Document> read_handelingen(pugi::xml_node handelingen, const FileContext& context) {
    const pugi::xml_node vergadering = handelingen.child("vergadering");
    const std::string sitting_date = parse_date(plain_text(vergadering.child("vergaderdatum")));
    const std::vector<pugi::xml_node> items = handelingen_items(handelingen);
    std::vector<Document> documents;
    for (const pugi::xml_node item : items) {
        Document document = new_document(context, DocumentKind::kHandelingen);
        const std::string nr = plain_text(item.child("nr"));
        if (items.size() > 1 && !document.id.empty() && !nr.empty() &&
            !document.id.ends_with("-" + nr)) {
            document.id += "-" + nr;
        }
        document.number = nr;
        document.title = item_title(item, vergadering);
        document.date = sitting_date;
        Sink sink;
        sink.blocks = &document.blocks;
        sink.group_entries = named(item, "handeling_bijlage");
        if (vergadering && item == items.front()) emit_entry(vergadering, sink, ", ");
        walk(item, sink);
        drop_repeated_blocks(document);
        documents.push_back(std::move(document));
    }
    return documents;
}

// Only the opening item of a sitting (h-tk-20172018-70-1) states its date;
// the other items of the sitting take it from that file when it lies beside
// them. Empty when it is not there or says no date.
std::string sitting_date_from_opening_item(const std::string& path, const std::string& id) {
    const std::size_t last_dash = id.rfind('-');
    if (!id.starts_with("h-") || last_dash == std::string::npos || id.ends_with("-1")) return {};
    const fs::path opening = fs::path(path).parent_path() / (id.substr(0, last_dash) + "-1.xml");
    const std::optional<std::string> bytes = read_small_file(opening);
    if (!bytes) return {};
    try {
        const DecodedText decoded = decode_text(*bytes);
        pugi::xml_document xml;
        if (!xml.load_buffer(decoded.utf8.data(), decoded.utf8.size())) return {};
        return parse_date(plain_text(xml.select_node("//vergaderdatum").node()));
    } catch (const ReadError&) {
        return {};
    }
}

void date_from_sitting(Document& document, const std::string& path) {
    if (document.kind != DocumentKind::kHandelingen || !document.date.empty()) return;
    document.date = sitting_date_from_opening_item(path, document.id);
}

// "34 300 V" / "34300 V" / "34300-V" -> "34300-V".
std::string normalise_dossier(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == '-') {
            const bool digit_before =
                !out.empty() && std::isdigit(static_cast<unsigned char>(out.back()));
            const bool digit_after =
                i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]));
            if (c == ' ' && digit_before && digit_after) continue;  // thousands gap
            if (!out.empty() && out.back() != '-') out.push_back('-');
            continue;
        }
        out.push_back(c);
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::string strip_number_label(std::string text) {
    for (const std::string_view label : {"Nr. ", "nr. ", "Nr.", "nr."}) {
        if (text.starts_with(label)) return text.substr(label.size());
    }
    return text;
}

bool reads_as_letter(pugi::xml_node root, const Document& document) {
    if (root.find_node([](pugi::xml_node n) {
            return named(n, "brief") || named(n, "ondertekening") || named(n, "aanhef");
        })) {
        return true;
    }
    if (lower(document.title).find("brief") != std::string::npos) return true;
    return std::any_of(document.blocks.begin(), document.blocks.end(), [](const Block& block) {
        return block.role == Block::Role::kParagraph && block.text.starts_with("Hierbij");
    });
}

std::string dated_text(pugi::xml_node root) {
    for (const char* name : {"datumtekst", "dagtekening", "datum"}) {
        const pugi::xml_node node =
            root.find_node([name](pugi::xml_node n) { return named(n, name); });
        const std::string date = parse_date(plain_text(node));
        if (!date.empty()) return date;
    }
    return {};
}

std::string chamber_of(pugi::xml_node kop) {
    const std::string number = kop.child("kamer").attribute("nummer").value();
    if (number == "2") return "tk";
    if (number == "1") return "ek";
    return chamber_code(plain_text(kop.child("kamer")));
}

// A Kamerstuk, Kamerbrief or bijlage: the head gives dossier, number and
// year; the rest is read as headings, paragraphs, tables and footnotes.
Document read_paper(pugi::xml_node root, const FileContext& context) {
    Document document = new_document(
        context, named(root, "bijlage") ? DocumentKind::kBijlage : DocumentKind::kKamerstuk);
    const pugi::xml_node kop = root.child("kamerstukkop");
    document.chamber = chamber_of(kop);
    document.vergaderjaar = normalise_vergaderjaar(plain_text(kop.child("vergaderjaar")));
    const pugi::xml_node dossier = root.child("dossier");
    document.dossier = normalise_dossier(plain_text(dossier.child("dossiernummer")));
    const pugi::xml_node stuk = root.child("stuk");
    document.number = strip_number_label(plain_text(stuk.child("stuknr")));
    std::string title = plain_text(stuk.child("titel"));
    if (title.empty()) title = plain_text(root.child("kop").child("titel"));
    if (title.empty()) title = plain_text(root.child("titel"));
    const std::string dossier_title = plain_text(dossier.child("titel"));
    document.title = dossier_title.empty() || title.empty() ? title + dossier_title
                                                            : dossier_title + "; " + title;
    document.date = dated_text(root);
    document.parent_id = canonical_doc_id(root.attribute("hoort-bij").value());
    Sink sink;
    sink.blocks = &document.blocks;
    for (pugi::xml_node child : root.children()) {
        if (!named(child, "kamerstukkop")) walk_child(child, sink, 0);
    }
    if (document.kind == DocumentKind::kKamerstuk && reads_as_letter(root, document)) {
        document.kind = DocumentKind::kKamerbrief;
    }
    return document;
}

// The publication's own element below officiele-publicatie.
pugi::xml_node content_root(pugi::xml_node root) {
    if (!named(root, "officiele-publicatie")) return root;
    for (pugi::xml_node child : root.children()) {
        if (child.type() == pugi::node_element && !named_any(child, kSkipped)) return child;
    }
    return {};
}

std::string file_stem(const std::string& path) { return fs::path(path).stem().string(); }

FileContext file_context(const SourceFile& file, pugi::xml_node root,
                         std::vector<std::string> warnings) {
    FileContext context{file.path, {}, {}, std::move(warnings)};
    collect_metadata(root.child("metadata"), context.metadata);
    // Ids keep their case: the official ones have capitals ("kst-34300-V-7").
    const std::string stem = file_stem(file.path);
    context.id = metadata_id(context.metadata);
    if (context.id.empty() && looks_like_official_id(lower(stem))) context.id = stem;
    Metadata companion = companion_metadata(file.metadata, context.id, context.warnings);
    if (context.id.empty()) context.id = metadata_id(companion);
    context.metadata.merge(companion);
    return context;
}

void finish(Document& document, const FileContext& context) {
    apply_metadata(document, context.metadata);
    fill_from_id(document);
    const DocumentKind stated = kind_from_metadata(context.metadata);
    if (stated == DocumentKind::kKamerbrief && document.kind == DocumentKind::kKamerstuk) {
        document.kind = stated;
    } else if (stated == DocumentKind::kBijlage) {
        document.kind = stated;
    }
    if (document.title.empty() && !document.blocks.empty()) {
        document.title = document.blocks.front().text.substr(0, 120);
    }
}

bool has_text(const std::vector<Document>& documents) {
    return std::any_of(documents.begin(), documents.end(),
                       [](const Document& d) { return !d.blocks.empty(); });
}

// ------------------------------------------------------------- sniffing

// The name of the first element, skipping the declaration, comments,
// doctype and byte-order marks (also when saved as text).
std::string root_element_name(std::string_view head) {
    for (;;) {
        const std::size_t lt = head.find('<');
        if (lt == std::string_view::npos || lt + 1 >= head.size()) return {};
        head.remove_prefix(lt);
        const char next = head[1];
        if (next == '?' || next == '!') {
            const std::string_view close = head.starts_with("<!--") ? "-->" : ">";
            const std::size_t end = head.find(close);
            if (end == std::string_view::npos) return {};
            head.remove_prefix(end + close.size());
            continue;
        }
        std::size_t end = 1;
        while (end < head.size() && !is_ascii_space(head[end]) && head[end] != '>' &&
               head[end] != '/') {
            ++end;
        }
        return std::string(head.substr(1, end - 1));
    }
}

class OfficielePublicatieReader final : public Reader {
  public:
    std::string_view name() const override { return "officiele-publicatie"; }

    bool accepts(const SourceFile& file) const override {
        const std::string root = root_element_name(std::string_view(file.bytes).substr(0, 8192));
        return std::find(kRootNames.begin(), kRootNames.end(), root) != kRootNames.end();
    }

    std::vector<Document> read(const SourceFile& file) const override {
        DecodedText decoded = decode_text(file.bytes);
        std::vector<std::string> warnings = decoded.repairs;
        blank_text_before_markup(decoded.utf8, warnings);
        replace_html_entities(decoded.utf8);
        pugi::xml_document xml;
        const std::optional<ParseFailure> failure =
            parse_xml(std::move(decoded.utf8), xml, warnings);
        const pugi::xml_node root = xml.document_element();
        const FileContext context = file_context(file, root, std::move(warnings));
        std::vector<Document> documents = read_root(root, context);
        for (Document& document : documents) {
            finish(document, context);
            date_from_sitting(document, file.path);
        }
        if (!has_text(documents)) {
            if (failure)
                throw ReadError("not well-formed XML: " + failure->description, failure->line,
                                failure->column);
            throw ReadError("no text found in the publication");
        }
        return documents;
    }

  private:
    static std::vector<Document> read_root(pugi::xml_node root, const FileContext& context) {
        const pugi::xml_node content = content_root(root);
        if (!content) return {};
        if (named(content, "handelingen")) return read_handelingen(content, context);
        return {read_paper(content, context)};
    }
};

}  // namespace

std::unique_ptr<Reader> make_officiele_publicatie_reader() {
    return std::make_unique<OfficielePublicatieReader>();
}

}  // namespace kamerzoek::corpus
