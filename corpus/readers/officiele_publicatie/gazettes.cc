// The gazettes: Staatsblad (laws, decrees), Staatscourant (regulations,
// notices), Tractatenblad (treaties), and the gazettes of municipalities,
// provinces, water boards and joint arrangements. Their bodies differ
// (wet-besluit with aanhef, artikelen and wetsluiting; regeling;
// zakelijke-mededeling; vrije-tekst), but all are read by the one walk;
// what differs is where the title and the date are.
#include <array>
#include <utility>

#include "corpus/publication_metadata.h"
#include "corpus/readers/officiele_publicatie/body.h"
#include "corpus/readers/officiele_publicatie/head.h"
#include "corpus/readers/officiele_publicatie/types.h"

namespace kamerzoek::corpus::op {
namespace {

constexpr std::array<std::pair<std::string_view, DocumentKind>, 7> kGazettes{{
    {"staatsblad", DocumentKind::kStaatsblad},
    {"staatscourant", DocumentKind::kStaatscourant},
    {"tractatenblad", DocumentKind::kTractatenblad},
    {"gemeenteblad", DocumentKind::kGemeenteblad},
    {"provinciaalblad", DocumentKind::kProvinciaalblad},
    {"waterschapsblad", DocumentKind::kWaterschapsblad},
    {"bladgemeenschappelijkeregeling", DocumentKind::kBladGemeenschappelijkeRegeling},
}};

DocumentKind gazette_kind(pugi::xml_node node) {
    for (const auto& [name, kind] : kGazettes) {
        if (named(node, name)) return kind;
    }
    return DocumentKind::kOther;
}

// A law or decree is titled by its intitulé ("Besluit van 9 maart 2018,
// houdende ..."); a regulation or notice by its own heading.
std::string gazette_title(pugi::xml_node gazette) {
    std::string title = plain_text(find_descendant(gazette, "intitule"));
    if (title.empty()) title = plain_text(gazette.child("kop").child("titel"));
    if (title.empty()) title = plain_text(find_descendant(gazette, "titel"));
    return title;
}

// The date it was signed ("Wassenaar, 9 maart 2018"), else the date of
// issue ("Uitgegeven de zevenentwintigste maart 2018").
std::string gazette_date(pugi::xml_node gazette) {
    if (const pugi::xml_node gegeven = find_descendant(gazette, "gegeven")) {
        const std::string signed_on = first_date(gegeven, {"dagtekening", "datum"});
        if (!signed_on.empty()) return signed_on;
    }
    return first_date(gazette, {"dagtekening", "uitgifte"});
}

// "Bergen, 23 december 2015": a place, a comma and nothing but a date.
bool is_dateline(std::string_view text) {
    const std::size_t comma = text.find(',');
    if (comma == std::string_view::npos || comma == 0 || text.size() > 60) return false;
    if (text.substr(0, comma).find_first_of("0123456789") != std::string_view::npos) return false;
    const std::string_view rest = text.substr(comma + 1);
    return !parse_date(rest).empty() && rest.size() <= 22;
}

// Gazettes without a signing or issue date (those written in word
// processors): the day the regulation was adopted ("Aldus vastgesteld in
// de vergadering van het dagelijks bestuur op 8 mei 2024"), else a
// notice's dateline.
std::string closing_date(const std::vector<Block>& blocks) {
    for (const Block& block : blocks) {
        const std::string folded = lower(block.text);
        if (folded.starts_with("aldus vastgesteld") || folded.starts_with("aldus besloten") ||
            folded.starts_with("vastgesteld in de vergadering")) {
            if (std::string date = parse_date(block.text); !date.empty()) return date;
        }
    }
    for (const Block& block : blocks) {
        if (is_dateline(block.text)) return parse_date(block.text);
    }
    return {};
}

}  // namespace

bool is_gazette(pugi::xml_node node) { return gazette_kind(node) != DocumentKind::kOther; }

Document read_gazette(pugi::xml_node gazette, const Document& base) {
    Document document = base;
    document.kind = gazette_kind(gazette);
    document.title = gazette_title(gazette);
    document.date = gazette_date(gazette);
    Sink sink(&document.blocks);
    walk(gazette, sink);
    if (document.date.empty()) document.date = closing_date(document.blocks);
    return document;
}

}  // namespace kamerzoek::corpus::op
