// Citations of Handelingen items and Kamerstukken found in running text,
// normalised to the identifiers of officielebekendmakingen.nl.
//
// The identifier scheme is described in docs/REFERENCES.md.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/official_id.h"

namespace kamerzoek::corpus {

// What a citation cites is an official id (corpus/official_id.h): a
// Handelingen item, Kamerstuk, dossier, Staatsblad, ...
using ReferenceType = OfficialIdKind;

/// The kind's name ("handelingen", "kamerstuk", "dossier", "staatsblad", ...).
std::string_view to_string(ReferenceType type);

/// One identifier cited by a passage. A single citation ("items 5 en 16")
/// may yield several references that share `cited_as` and span.
struct Reference {
    std::string id;  // canonical id, e.g. "h-tk-20152016-26-5"
    ReferenceType type = ReferenceType::kKamerstuk;
    std::string cited_as;   // the exact text the citation was found as
    std::size_t begin = 0;  // byte span of `cited_as` in the searched text
    std::size_t end = 0;
};

/// What the text around a citation knows: lets "de motie op stuk nr. 211"
/// resolve against the dossier of the document in hand.
struct ReferenceContext {
    std::string dossier;  // e.g. "34300-V"; empty when unknown
};

/// All citations in `text` (UTF-8), in order of appearance.
std::vector<Reference> find_references(std::string_view text, const ReferenceContext& context = {});

/// Parses one citation in any supported form, or a canonical id, into its
/// canonical ids ("Handelingen II 2015/16, nr. 26, items 5 en 16" gives two).
/// Empty when nothing could be recognised.
std::vector<Reference> parse_citation(std::string_view citation);

/// https://zoek.officielebekendmakingen.nl/<id> where the id denotes a
/// published document (not for a bare dossier); empty otherwise
/// (OfficialId::url).
std::string official_url(const Reference& reference);

}  // namespace kamerzoek::corpus
