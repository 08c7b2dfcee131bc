// The state behind a Searcher, shared by the files that implement its
// operations (searcher.cc: search; others: document lookups).
#pragma once

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <string>

#include "indexer/analyzer.h"
#include "kamerzoek/searcher.h"
#include "searcher/query_builder.h"

namespace kamerzoek {

struct Searcher::Impl {
    std::string dir;
    Xapian::Database db;
    Analyzer analyzer;

    explicit Impl(std::string index_dir);

    /// A reference as stored with a passage, with its URL and, when the
    /// cited document is indexed, its doc id.
    Reference reference_from(const nlohmann::json& ref);
    Hit hit_from(const Xapian::MSetIterator& it, const BuiltQuery& query);
    SearchResults run(const std::string& text, const SearchOptions& options);
};

/// A string member of stored passage data, or "" when absent.
std::string string_field(const nlohmann::json& data, const char* key);

}  // namespace kamerzoek
