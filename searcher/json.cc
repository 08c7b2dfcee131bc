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
            case '&': escaped += "&amp;"; break;
            case '<': escaped += "&lt;"; break;
            case '>': escaped += "&gt;"; break;
            default: escaped.push_back(c);
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

}  // namespace

std::string highlight(const std::string& snippet, const std::string& begin, const std::string& end) {
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
                                  {"suggestion", null_if_empty(results.suggestion)},
                                  {"hits", hits}};
    return document.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace kamerzoek
