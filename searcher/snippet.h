// Short extracts of a passage around the words a query matched.
#pragma once

#include <string>

#include "analysis/analyzer.h"
#include "indexer/passage_record.h"
#include "searcher/query_builder.h"

namespace kamerzoek {

/// The stretch of `text` (at most about `max_bytes`) with most query
/// matches, each match wrapped in kHighlightBegin/kHighlightEnd, with "…"
/// where text was cut. Matches are found by folded word or by stem, so they
/// keep the text's own spelling ("Tunesië" for a query "tunesie"); a
/// compound is marked whole when it holds a query word ("terrorismefinanciering"
/// for "financiering"), and glossary translations are marked like the words.
std::string make_snippet(const std::string& text, corpus::Language language,
                         const BuiltQuery& query, Analyzer& analyzer, std::size_t max_bytes = 240);

/// The same from the spans of the text's words as the index stores them
/// (PassageRecord::words), without breaking the text into words again.
std::string make_snippet(const std::string& text, const std::vector<WordSpan>& words,
                         corpus::Language language, const BuiltQuery& query, Analyzer& analyzer,
                         std::size_t max_bytes = 240);

}  // namespace kamerzoek
