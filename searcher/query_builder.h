// Query text -> Xapian query, analysed exactly as the indexed text was.
#pragma once

#include <xapian.h>

#include <set>
#include <string>

#include "indexer/analyzer.h"

namespace kamerzoek {

struct BuiltQuery {
    Xapian::Query query;
    std::set<std::string> words;  // folded words the query looks for (for highlighting)
    std::set<std::string> stems;  // stems, without prefix
};

class QueryBuilder {
public:
    QueryBuilder(const Xapian::Database& db, Analyzer& analyzer);

    /// Parses `text` with Xapian's query parser after folding its words.
    /// `lang` "nl" or "en" stems with that language only; empty uses both,
    /// as one synonym per word. Throws QueryError.
    BuiltQuery build(const std::string& text, const std::string& lang);

    /// Folds the words of a query and leaves operators, field names and
    /// punctuation as they are ("Tunesië AND title:Brief" -> "tunesie AND title:brief").
    std::string fold_query_text(const std::string& text);

private:
    Xapian::Query stem_leaves(const Xapian::Query& query, const std::string& lang, BuiltQuery& built);

    Xapian::QueryParser parser_;
    Analyzer& analyzer_;
};

}  // namespace kamerzoek
