// Turning a document's passages into the Xapian documents that represent them.
#pragma once

#include <xapian.h>

#include <functional>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "corpus/document.h"

namespace kamerzoek {

/// The terms, values and stored data of each passage of `document`, in
/// order (see indexer/index_schema.h for what each prefix and slot holds).
std::vector<Xapian::Document> make_passage_documents(const corpus::Document& document,
                                                     Analyzer& analyzer);

/// The same, one passage at a time, so that a document of many passages
/// never has them all in memory at once.
void for_each_passage_document(
    const corpus::Document& document, Analyzer& analyzer,
    const std::function<void(std::size_t index, const Xapian::Document& xdoc)>& visit);

/// The unique id term of a passage: "Q<doc id>#<ordinal>".
std::string passage_id_term(const std::string& doc_id, int ordinal);

/// "2016-02-09" -> "20160209"; empty for anything else.
std::string compact_date(const std::string& iso_date);

/// Folded name as a boolean term value: "Van Bommel" -> "van_bommel".
std::string name_term(Analyzer& analyzer, const std::string& name);

}  // namespace kamerzoek
