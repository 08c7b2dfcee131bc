// The JSON form of results, shared by the command line, the library and the
// HTTP service (docs/JSON.md).
#include <nlohmann/json.hpp>

#include "kamerzoek/types.h"

namespace kamerzoek {
namespace {

nlohmann::json null_if_empty(const std::string& value) {
    return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

// Snippets in JSON are HTML-safe with <mark> around matches, ready for a page.
std::string html_snippet(const std::string& snippet) {
    std::string escaped;
    for (const char c : snippet) {
        switch (c) {
            case '&':
                escaped += "&amp;";
                break;
            case '<':
                escaped += "&lt;";
                break;
            case '>':
                escaped += "&gt;";
                break;
            default:
                escaped.push_back(c);
        }
    }
    return highlight(escaped, "<mark>", "</mark>");
}

nlohmann::json reference_json(const Reference& ref) {
    return {{"id", ref.id},
            {"type", ref.type},
            {"cited_as", ref.cited_as},
            {"url", null_if_empty(ref.url)},
            {"in_index", null_if_empty(ref.in_index)}};
}

nlohmann::json hit_json(const Hit& hit) {
    nlohmann::json refs = nlohmann::json::array();
    for (const Reference& ref : hit.refs) refs.push_back(reference_json(ref));
    return {{"rank", hit.rank},
            {"score", hit.score},
            {"doc_id", hit.doc_id},
            {"title", hit.title},
            {"kind", hit.kind},
            {"date", null_if_empty(hit.date)},
            {"lang", hit.lang},
            {"section", null_if_empty(hit.section)},
            {"passage", hit.passage},
            {"text", hit.text},
            {"snippet", html_snippet(hit.snippet)},
            {"speaker", null_if_empty(hit.speaker)},
            {"party", null_if_empty(hit.party)},
            {"parent_id", null_if_empty(hit.parent_id)},
            {"refs", refs},
            {"source", hit.source}};
}

nlohmann::json references_json(const std::vector<Reference>& refs) {
    nlohmann::json array = nlohmann::json::array();
    for (const Reference& ref : refs) array.push_back(reference_json(ref));
    return array;
}

nlohmann::json document_passage_json(const DocumentPassage& passage) {
    return {{"passage", passage.ordinal},
            {"section", null_if_empty(passage.section)},
            {"text", passage.text},
            {"lang", passage.lang},
            {"speaker", null_if_empty(passage.speaker)},
            {"party", null_if_empty(passage.party)},
            {"label", null_if_empty(passage.label)},
            {"footnote", passage.footnote},
            {"refs", references_json(passage.refs)}};
}

nlohmann::json citing_document_json(const CitingDocument& citing) {
    return {{"doc_id", citing.doc_id},       {"title", citing.title},
            {"kind", citing.kind},           {"date", null_if_empty(citing.date)},
            {"cited_ids", citing.cited_ids}, {"passages", citing.passages}};
}

nlohmann::json cites_group_json(const CitesGroup& group) {
    nlohmann::json passages = nlohmann::json::array();
    for (const Hit& hit : group.passages) passages.push_back(hit_json(hit));
    return {{"doc_id", group.doc_id},
            {"title", group.title},
            {"kind", group.kind},
            {"date", null_if_empty(group.date)},
            {"passages", passages}};
}

std::string dump(const nlohmann::json& document, int indent) {
    return document.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string highlight(const std::string& snippet, const std::string& begin,
                      const std::string& end) {
    std::string out;
    out.reserve(snippet.size() + 16);
    for (const char c : snippet) {
        if (c == kHighlightBegin) {
            out += begin;
        } else if (c == kHighlightEnd) {
            out += end;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string to_json(const SearchResults& results, int indent) {
    nlohmann::json hits = nlohmann::json::array();
    for (const Hit& hit : results.hits) hits.push_back(hit_json(hit));
    const nlohmann::json document{{"query", results.query},
                                  {"total", results.total},
                                  {"documents", results.documents},
                                  {"suggestion", null_if_empty(results.suggestion)},
                                  {"hits", hits}};
    return document.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_json(const DocumentView& document, int indent) {
    nlohmann::json passages = nlohmann::json::array();
    for (const DocumentPassage& passage : document.passages) {
        passages.push_back(document_passage_json(passage));
    }
    nlohmann::json cited_by = nlohmann::json::array();
    for (const CitingDocument& citing : document.cited_by) {
        cited_by.push_back(citing_document_json(citing));
    }
    const nlohmann::json json{{"doc_id", document.doc_id},
                              {"title", document.title},
                              {"kind", document.kind},
                              {"date", null_if_empty(document.date)},
                              {"lang", document.lang},
                              {"source", document.source},
                              {"parent_id", null_if_empty(document.parent_id)},
                              {"dossier", null_if_empty(document.dossier.value_or(""))},
                              {"annexes", document.annexes},
                              {"published", null_if_empty(document.published)},
                              {"kenmerk", null_if_empty(document.kenmerk)},
                              {"authors", document.authors},
                              {"alternates", document.alternates},
                              {"passages", passages},
                              {"cites", references_json(document.cites)},
                              {"cited_by", cited_by}};
    return dump(json, indent);
}

std::string to_json(const CitesResults& results, int indent) {
    nlohmann::json documents = nlohmann::json::array();
    for (const CitesGroup& group : results.documents) documents.push_back(cites_group_json(group));
    const nlohmann::json json{{"ref", results.ref},
                              {"looked_for", references_json(results.looked_for)},
                              {"text", null_if_empty(results.text)},
                              {"total", results.total},
                              {"documents", documents}};
    return dump(json, indent);
}

}  // namespace kamerzoek
