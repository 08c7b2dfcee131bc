#include "corpus/readers/officiele_publicatie/body.h"

#include <cctype>

namespace kamerzoek::corpus::op {
namespace {

// No structural element anywhere below: the element is one paragraph.
bool is_leaf(pugi::xml_node node) {
    for (pugi::xml_node n = node.first_child(); n;) {
        if (n.type() == pugi::node_element && (is_structural(n) || named(n, "spreker")))
            return false;
        // A footnote's paragraphs are lifted out of the running text; a
        // table kept in a note is body text.
        if (n.first_child() && (!named(n, "noot") || is_table_note(n))) {
            n = n.first_child();
            continue;
        }
        while (n && n != node && !n.next_sibling()) n = n.parent();
        if (!n || n == node) break;
        n = n.next_sibling();
    }
    return true;
}

bool is_blank(pugi::xml_node node) {
    if (node.type() != pugi::node_pcdata) return false;
    for (const char* c = node.value(); *c != '\0'; ++c) {
        if (!std::isspace(static_cast<unsigned char>(*c))) return false;
    }
    return true;
}

// Gazettes written in a word processor mark their headings as a paragraph
// in bold and nothing else (<al><nadruk type="vet">Artikel 2.
// Randvoorwaarden</nadruk></al>); those are read as headings. Long bold
// text is emphasis, not a heading.
bool is_bold_heading(pugi::xml_node al) {
    constexpr std::size_t kMaxHeading = 160;
    if (!named(al, "al")) return false;
    pugi::xml_node bold;
    for (pugi::xml_node child : al.children()) {
        if (is_blank(child)) continue;
        if (bold || !named(child, "nadruk") ||
            std::string_view(child.attribute("type").value()) != "vet")
            return false;
        bold = child;
    }
    if (!bold) return false;
    const std::string text = plain_text(bold);
    return !text.empty() && text.size() <= kMaxHeading;
}

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

// Each row is a paragraph, its cells joined by " | ".
void emit_table(pugi::xml_node tabel, const Sink& sink) {
    for (pugi::xml_node child : tabel.children()) {
        if (is_heading(child)) emit(child, sink, Block::Role::kHeading);
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

// Numbers, the sitting and a paper's dateline ("Voorgesteld 6 juli 2021",
// its date) are read as the document's metadata.
bool is_read_as_metadata(pugi::xml_node node) {
    return named(node, "nr") || named(node, "vergadering") || named(node, "dossiernummer") ||
           named(node, "stuknr") || named(node, "datumtekst");
}

}  // namespace

void push_block(const Sink& sink, Block::Role role, std::string text, Collected collected,
                std::string label) {
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

void emit_entry(pugi::xml_node group, const Sink& sink, std::string_view separator) {
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
    if (child.type() != pugi::node_element || is_skipped(child) || is_read_as_metadata(child))
        return;
    // Past the depth limit everything is read as one paragraph, flat.
    if (depth > kMaxDepth) return emit(child, sink, sink.role);
    if (named(child, "spreekbeurt")) return emit_speech(child, sink, depth);
    if (named(child, "motie")) return emit_motion(child, sink, depth);
    if (is_table(child)) return emit_table(child, sink);
    if (is_table_note(child)) return walk(child, sink, depth + 1);
    if (named(child, "noot"))
        return push_block(sink, sink.role, {}, Collected{{}, {footnote_block(child, depth)}});
    if (is_heading(child) || is_bold_heading(child))
        return emit(child, sink, Block::Role::kHeading);
    if (sink.group_entries && named(child, "al-groep")) return emit_entry(child, sink);
    // A list item, and a law article's member, is one paragraph with its
    // number, whatever it holds.
    if (named(child, "li") || named(child, "lid") || is_leaf(child)) {
        return emit(child, sink, sink.role);
    }
    walk(child, sink, depth + 1);
}

void walk(pugi::xml_node node, const Sink& sink, int depth) {
    for (pugi::xml_node child : node.children()) walk_child(child, sink, depth);
}

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

}  // namespace kamerzoek::corpus::op
