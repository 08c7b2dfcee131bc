// Queries on a section-format index: the real QueryBuilder makes the query,
// Xapian ranks sections with the engine's BM25, and the passages of the top
// sections are scored from their term positions (passage_scorer.h) and
// ranked as one list.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "analysis/analyzer.h"

namespace kamerzoek::sections {

struct SectionSearchOptions {
    std::size_t limit = 10;
    unsigned per_document = 2;  // passages per document (0: no cap)
    std::size_t sections = 20;  // top sections whose passages are scored
    bool snippets = true;       // make_snippet() for each hit, as today
    bool extras = true;         // count documents and suggest spellings, as Searcher does
    double section_share = 0;   // weight of the section's own score in a passage's
};

struct SectionHit {
    std::string doc_id;
    int passage = 0;
    std::string lang;
    std::string text;
    std::string snippet;
    double score = 0;
};

struct SectionSearchStats {
    std::size_t queries = 0;
    std::size_t sections_without_passage = 0;  // matched as a section, no passage matched
};

class SectionSearcher {
  public:
    explicit SectionSearcher(const std::string& index);

    /// Throws kamerzoek::QueryError for a query that cannot be parsed.
    std::vector<SectionHit> search(const std::string& text, const SectionSearchOptions& options);

    const SectionSearchStats& stats() const { return stats_; }

  private:
    Xapian::Database db_;
    Analyzer analyzer_;
    SectionSearchStats stats_;
};

}  // namespace kamerzoek::sections
