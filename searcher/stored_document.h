// What the index stores for a hit. What belongs to a whole document (title,
// kind, date, parent, source) is stored once, in a value of its first
// passage (schema::kSlotDocument); a hit on any passage reads it from there.
// What belongs to a passage is its data, a PassageRecord.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "indexer/passage_record.h"

namespace kamerzoek {

struct StoredDocument {
    std::string title;
    std::string kind;
    std::string date;
    std::string parent_id;
    std::string source;
    std::string dossier;                  // when the document itself says
    std::string published;                // date of publication, when known
    std::string kenmerk;                  // the sender's own reference
    std::vector<std::string> authors;     // indieners or ministry
    std::vector<std::string> alternates;  // paths of the other renditions
};

/// The fields stored for `doc_id`; all empty when it is not in `db`.
StoredDocument stored_document(const Xapian::Database& db, const std::string& doc_id);

/// The record stored with a passage (its Xapian data); empty fields when the
/// data is not a record this program reads, which an index of the current
/// format never holds.
PassageRecord stored_passage(const Xapian::Document& passage);

}  // namespace kamerzoek
