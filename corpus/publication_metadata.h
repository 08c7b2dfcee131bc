// What a publication's metadata says, whichever file it comes from: the
// <metadata> of an official XML, a metadata.xml or metadata_owms.xml beside
// a rendition, or a PLOOI manifest.xml. One home for reading those records
// and for filling a Document from them, so every reader's documents get
// the same fields.
#pragma once

#include <initializer_list>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/document.h"
#include "corpus/reader.h"

namespace kamerzoek::corpus {

/// Metadata as name -> value, names folded to lower case ("dc.type"); a
/// name may repeat (two indieners, three DC.type), first stated first.
using Metadata = std::multimap<std::string, std::string>;

/// Both forms in use: <meta name="DC.type" content="Kamerstuk"/> (also as
/// <metadata name=...>) and element form <dcterms:identifier>...</...>.
void collect_metadata(pugi::xml_node root, Metadata& metadata);

/// The first value of the first name present, or "".
std::string meta(const Metadata& metadata, std::initializer_list<std::string_view> names);

/// Every value of `name`, in order, without repeats.
std::vector<std::string> meta_all(const Metadata& metadata, std::string_view name);

/// The metadata of the companion files that describe publication `id`
/// (all of them when `id` is ""), most authoritative first. A file that is
/// not XML is noted in `warnings`.
Metadata companion_metadata(const std::vector<CompanionFile>& files, const std::string& id,
                            std::vector<std::string>& warnings);

/// The official id the metadata states (DC.identifier, or the last official
/// id in a URL it gives), or "".
std::string metadata_id(const Metadata& metadata);

/// metadata_id(), else another identifier a publisher gives its record
/// ("plooicb-2011-5424").
std::string publication_id(const Metadata& metadata);

DocumentKind kind_from_metadata(const Metadata& metadata);

/// The title the metadata gives (OVERHEIDop.documenttitel, DC.title), or "".
std::string metadata_title(const Metadata& metadata);

/// Fills what the document does not state from its metadata.
void apply_metadata(Document& document, const Metadata& metadata);

/// Sets every field the metadata states, replacing what a reader guessed
/// from a rendition's text (a PDF's first line, a file name).
void override_from_metadata(Document& document, const Metadata& metadata);

/// Whether the id has the form of an official publication's
/// ("kst-32545-143", "h-tk-20172018-61-10", "blg-1007826").
bool looks_like_official_id(std::string_view id);

/// "kst-34775-V-48.xml#p12" -> "kst-34775-V-48".
std::string canonical_doc_id(std::string_view doc);

/// "Donderdag 5 april 2018", "Den Haag, 9 februari 2016", "2018-04-05" -> ISO.
std::string parse_date(std::string_view text);

/// "2015–2016", "2015/16", "20152016", "Vergaderjaar 2015-2016" -> "2015-2016".
std::string normalise_vergaderjaar(std::string_view text);

/// What kind of metadata record the bytes are ("metadata record
/// (metadata_gegevens)", "search-API answer (searchRetrieveResponse)"), or
/// "" when they are not one: judged from the root element.
std::string metadata_record_kind(std::string_view bytes);

/// "tk", "ek" or "vv" for a chamber's name or code, else "".
std::string chamber_code(std::string_view text);

}  // namespace kamerzoek::corpus
