#include "searcher/stored_document.h"

#include <nlohmann/json.hpp>

#include "indexer/index_schema.h"

namespace kamerzoek {
namespace {

std::string member(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> strings(const nlohmann::json& object, const char* key) {
    std::vector<std::string> values;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_array()) return values;
    for (const auto& value : *it) {
        if (value.is_string()) values.push_back(value.get<std::string>());
    }
    return values;
}

}  // namespace

StoredDocument stored_document(const Xapian::Database& db, const std::string& doc_id) {
    const std::string term = schema::term(schema::kDocId, doc_id);
    // Passages are added in reading order, so the first posting is normally
    // the first passage; the loop only guards against any other order.
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        const std::string fields = db.get_document(*it).get_value(schema::kSlotDocument);
        if (fields.empty()) continue;
        const auto doc = nlohmann::json::parse(fields, nullptr, false);
        return {member(doc, "title"),      member(doc, "kind"),    member(doc, "date"),
                member(doc, "parent_id"),  member(doc, "source"),  member(doc, "dossier"),
                member(doc, "published"),  member(doc, "kenmerk"), strings(doc, "authors"),
                strings(doc, "alternates")};
    }
    return {};
}

PassageRecord stored_passage(const Xapian::Document& passage) {
    std::optional<PassageRecord> record = decode_passage_record(passage.get_data());
    return record ? std::move(*record) : PassageRecord();
}

}  // namespace kamerzoek
