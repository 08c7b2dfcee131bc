// Turning one passage into the Xapian document that represents it.
#pragma once

#include <xapian.h>

#include "corpus/document.h"
#include "indexer/analyzer.h"

namespace kamerzoek {

/// The terms, values and stored data of `passage` of `document` (see
/// indexer/index_schema.h for what each prefix and slot holds).
Xapian::Document make_passage_document(const corpus::Document& document,
                                       const corpus::Passage& passage, Analyzer& analyzer);

/// The unique id term of a passage: "Q<doc id>#<ordinal>".
std::string passage_id_term(const std::string& doc_id, int ordinal);

/// "2016-02-09" -> "20160209"; empty for anything else.
std::string compact_date(const std::string& iso_date);

/// Folded name as a boolean term value: "Van Bommel" -> "van_bommel".
std::string name_term(Analyzer& analyzer, const std::string& name);

}  // namespace kamerzoek
