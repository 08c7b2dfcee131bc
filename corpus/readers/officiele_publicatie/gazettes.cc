// The gazettes: Staatsblad (laws, decrees), Staatscourant (regulations,
// notices), Tractatenblad (treaties), and the gazettes of municipalities,
// provinces, water boards and joint arrangements. Their bodies differ
// (wet-besluit with aanhef, artikelen and wetsluiting; regeling;
// zakelijke-mededeling; vrije-tekst), but all are read by the one walk;
// what differs is where the title and the date are.
#include <array>
#include <utility>

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

}  // namespace

bool is_gazette(pugi::xml_node node) { return gazette_kind(node) != DocumentKind::kOther; }

Document read_gazette(pugi::xml_node gazette, const Document& base) {
    Document document = base;
    document.kind = gazette_kind(gazette);
    document.title = gazette_title(gazette);
    document.date = gazette_date(gazette);
    Sink sink(&document.blocks);
    walk(gazette, sink);
    return document;
}

}  // namespace kamerzoek::corpus::op
