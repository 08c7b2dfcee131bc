// Handelingen items, Kamerstukken (letters, moties, amendementen, other
// papers) and bijlagen.
#include <algorithm>
#include <cctype>

#include "corpus/readers/officiele_publicatie/body.h"
#include "corpus/readers/officiele_publicatie/head.h"
#include "corpus/readers/officiele_publicatie/types.h"

namespace kamerzoek::corpus::op {
namespace {

// ------------------------------------------------------------ Handelingen

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
            !is_skipped(child)) {
            items.push_back(child);
        }
    }
    return items;
}

// ------------------------------------------------------------ Kamerstukken

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

// The paper's own title names what it is: "MOTIE VAN HET LID ...",
// "GEWIJZIGDE MOTIE ...", "NADER GEWIJZIGD AMENDEMENT ...", "SUBAMENDEMENT".
bool title_names(std::string_view stuk_title, std::string_view what) {
    const std::string title = lower(stuk_title);
    for (const std::string_view lead : {"", "gewijzigde ", "gewijzigd ", "nader gewijzigde ",
                                        "nader gewijzigd ", "sub", "tweede nader gewijzigd "}) {
        if (title.starts_with(std::string(lead) + std::string(what))) return true;
    }
    return false;
}

DocumentKind paper_kind(pugi::xml_node paper, const std::string& stuk_title,
                        const Document& document) {
    if (named(paper, "bijlage")) return DocumentKind::kBijlage;
    if (title_names(stuk_title, "motie")) return DocumentKind::kMotie;
    if (title_names(stuk_title, "amendement") || paper.child("stuk").child("amendement"))
        return DocumentKind::kAmendement;
    if (reads_as_letter(paper, document)) return DocumentKind::kKamerbrief;
    return DocumentKind::kKamerstuk;
}

// "Inge van Dijk", "Grinwis": the names a motie is signed with (the last
// al-groep of its text), as one speaker line.
std::string signatories(pugi::xml_node text) {
    pugi::xml_node group;
    for (const pugi::xpath_node& n : text.select_nodes(".//al-groep")) group = n.node();
    std::string names;
    for (pugi::xml_node al : group.children("al")) {
        const std::string name = plain_text(al);
        if (name.empty()) continue;
        if (!names.empty()) names += ", ";
        names += name;
    }
    return names;
}

// A motie is read like one in the Handelingen: its text is one block,
// labelled with its id and spoken by those who signed it; its footnotes
// stay notes of their own.
void emit_motion_text(pugi::xml_node algemeen, const Sink& sink, const std::string& id) {
    std::vector<Block> blocks;
    Sink inner = sink;
    inner.blocks = &blocks;
    walk(algemeen, inner);
    Block motion;
    motion.role = Block::Role::kMotion;
    motion.label = id;
    motion.speaker = signatories(algemeen);
    std::vector<Block> notes;
    for (Block& block : blocks) {
        if (block.role == Block::Role::kFootnote) {
            notes.push_back(std::move(block));
            continue;
        }
        if (!motion.text.empty()) motion.text += ' ';
        motion.text += block.text;
        motion.linked_ids.insert(motion.linked_ids.end(), block.linked_ids.begin(),
                                 block.linked_ids.end());
    }
    if (!motion.text.empty()) sink.blocks->push_back(std::move(motion));
    for (Block& note : notes) sink.blocks->push_back(std::move(note));
}

std::string paper_title(pugi::xml_node paper, const std::string& stuk_title) {
    std::string title = stuk_title;
    if (title.empty()) title = plain_text(paper.child("kop").child("titel"));
    if (title.empty()) title = plain_text(paper.child("titel"));
    const std::string dossier_title = plain_text(paper.child("dossier").child("titel"));
    if (dossier_title.empty() || title.empty()) return title + dossier_title;
    return dossier_title + "; " + title;
}

}  // namespace

std::vector<Document> read_handelingen(pugi::xml_node handelingen, const Document& base) {
    const pugi::xml_node vergadering = handelingen.child("vergadering");
    const std::string sitting_date = date_of(vergadering.child("vergaderdatum"));
    const std::vector<pugi::xml_node> items = handelingen_items(handelingen);
    std::vector<Document> documents;
    for (const pugi::xml_node item : items) {
        Document document = base;
        document.kind = DocumentKind::kHandelingen;
        const std::string nr = plain_text(item.child("nr"));
        if (items.size() > 1 && !document.id.empty() && !nr.empty() &&
            !document.id.ends_with("-" + nr)) {
            document.id += "-" + nr;
        }
        document.number = nr;
        document.title = item_title(item, vergadering);
        document.date = sitting_date;
        Sink sink(&document.blocks);
        sink.group_entries = named(item, "handeling_bijlage");
        if (vergadering && item == items.front()) emit_entry(vergadering, sink, ", ");
        walk(item, sink);
        drop_repeated_blocks(document);
        documents.push_back(std::move(document));
    }
    return documents;
}

Document read_paper(pugi::xml_node paper, const Document& base) {
    Document document = base;
    const pugi::xml_node kop = paper.child("kamerstukkop");
    document.chamber = chamber_of(kop);
    document.vergaderjaar = normalise_vergaderjaar(head_line(kop, "vergaderjaar"));
    const pugi::xml_node dossier = paper.child("dossier");
    document.dossier = normalise_dossier(plain_text(dossier.child("dossiernummer")));
    const pugi::xml_node stuk = paper.child("stuk");
    document.number = strip_number_label(plain_text(stuk.child("stuknr")));
    const std::string stuk_title = plain_text(stuk.child("titel"));
    document.title = paper_title(paper, stuk_title);
    document.date = first_date(paper, {"datumtekst", "dagtekening", "datum"});
    document.parent_id = canonical_doc_id(paper.attribute("hoort-bij").value());
    const bool motie = !named(paper, "bijlage") && title_names(stuk_title, "motie");
    Sink sink(&document.blocks);
    for (pugi::xml_node child : paper.children()) {
        if (named(child, "kamerstukkop")) continue;
        if (!motie || child != stuk) {
            walk_child(child, sink, 0);
            continue;
        }
        for (pugi::xml_node part : stuk.children()) {
            if (named(part, "algemeen")) {
                emit_motion_text(part, sink, document.id);
            } else {
                walk_child(part, sink, 1);
            }
        }
    }
    document.kind = paper_kind(paper, stuk_title, document);
    return document;
}

}  // namespace kamerzoek::corpus::op
