#include "searcher/stored_document.h"

#include "indexer/index_schema.h"

namespace kamerzoek {
namespace {

std::string member(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

StoredDocument from_doc_member(const nlohmann::json& doc) {
    return {member(doc, "title"),     member(doc, "kind"),   member(doc, "date"),
            member(doc, "parent_id"), member(doc, "source"), member(doc, "dossier")};
}

}  // namespace

StoredDocument stored_document(const Xapian::Database& db, const nlohmann::json& passage_data) {
    if (const auto doc = passage_data.find("doc"); doc != passage_data.end() && doc->is_object())
        return from_doc_member(*doc);
    const std::string term = schema::term(schema::kDocId, member(passage_data, "doc_id"));
    // Passages are added in reading order, so the first posting is normally
    // the first passage; the loop only guards against any other order.
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        const auto data = nlohmann::json::parse(db.get_document(*it).get_data(), nullptr, false);
        if (const auto doc = data.find("doc"); doc != data.end() && doc->is_object())
            return from_doc_member(*doc);
    }
    return {};
}

}  // namespace kamerzoek
