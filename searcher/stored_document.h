// What belongs to a whole document (title, kind, date, parent, source) is
// stored once, under "doc" in the data of its first passage; a hit on any
// other passage reads it from there.
#pragma once

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <string>

namespace kamerzoek {

struct StoredDocument {
    std::string title;
    std::string kind;
    std::string date;
    std::string parent_id;
    std::string source;
    std::string dossier;  // when the document itself says
};

/// The document fields for the passage whose stored data is `passage_data`:
/// its own "doc" member when it is the first passage, else its document's
/// first passage's.
StoredDocument stored_document(const Xapian::Database& db, const nlohmann::json& passage_data);

}  // namespace kamerzoek
