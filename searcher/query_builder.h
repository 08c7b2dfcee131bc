// Query text -> Xapian query, analysed exactly as the indexed text was.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "searcher/glossary.h"
#include "searcher/stopwords.h"

namespace kamerzoek {

struct BuiltQuery {
    Xapian::Query query;
    std::set<std::string> words;           // folded words the query looks for (for highlighting)
    std::set<std::string> stems;           // stems, without prefix
    std::set<std::string> part_words;      // folded words that may be found inside a compound
    std::vector<std::string> free_words;   // folded free-text words, in query order
    std::vector<std::string> field_terms;  // title and section terms of the free words
    corpus::Language language = corpus::Language::kUnknown;  // of the query, pinned or detected
};

/// How much the alternatives of a query word count against the word itself.
struct QueryWeights {
    double compound_part = 0.5;  // the word found as part of a compound
    double split_parts = 0.6;    // a compound query word's parts, near each other
    double translation = 0.5;    // a translation, times its own weight (glossary 1, lexicon less)
    double own_language = 0.4;   // added to passages in the query's language
    // A word found only through a translation scores about this for it
    // (times how sure the translation is), however frequent the
    // translation is in the index, but never more than the word as typed
    // would: a passage holding every word of the query in the other
    // language covers the query. 0: translations count by sureness only.
    // Chosen with relevance_bench --sweep-translation on
    // tests/relevance/crosslang.tsv (docs/RANKING.md): higher floors lift
    // it further but lower the Dutch queries of judgements.tsv.
    double translated_concept = 3;
    double sure_translation = 0.3;  // translations this sure or surer count in full
    // A translation never counts as much as the word as typed: an equally
    // good match in the query's own words comes first.
    double max_translation = 0.75;
};

class QueryBuilder {
  public:
    QueryBuilder(const Xapian::Database& db, Analyzer& analyzer, const Glossary& glossary,
                 QueryWeights weights = {});

    /// Parses `text` with Xapian's query parser after folding its words.
    /// `lang` "nl" or "en" stems with that language only; empty uses both,
    /// as one synonym per word. Throws QueryError.
    BuiltQuery build(const std::string& text, const std::string& lang);

    /// Folds the words of a query and leaves operators, field names and
    /// punctuation as they are ("Tunesië AND title:Brief" -> "tunesie AND title:brief").
    std::string fold_query_text(const std::string& text);

    /// The parts of a compound query word, judged against the seed lexicon
    /// and the words the index holds more than once.
    std::vector<std::string> split_query_word(const std::string& folded) const;

    /// The language of a query's folded words: its function words, else the
    /// words the lexicon (then the system's word lists) knows in one
    /// language only, else how often the index holds each word in passages
    /// of either language, else (a word nothing knows) a compound of known
    /// parts is Dutch and any other word goes by its ending.
    corpus::Language detect_language(const std::vector<std::string>& words) const;

  private:
    Xapian::Query parse(const std::string& folded, const std::string& original);
    Xapian::Query rewrite_leaves(const Xapian::Query& query, const std::string& lang,
                                 BuiltQuery& built);
    Xapian::Query free_word_query(const std::string& word, const std::string& lang,
                                  BuiltQuery& built);
    Xapian::Query stems_query(const std::string& word, const std::string& lang, BuiltQuery& built);
    Xapian::Query split_query(const std::vector<std::string>& parts, BuiltQuery& built);
    Xapian::Query translation_query(const Translation& translation, BuiltQuery& built);
    Xapian::Query translations_of(const std::string& word, const Xapian::Query& own,
                                  const Xapian::Query& stems, BuiltQuery& built);
    Xapian::doccount passages_holding(const std::string& word, corpus::Language language) const;
    corpus::Language word_language(const std::string& word) const;
    std::vector<Translation> compound_translations(const std::string& word) const;
    bool held_by_index(const Translation& translation) const;
    std::vector<std::string> cognates_of(const std::string& word) const;
    double translation_scale(const Xapian::Query& translated, double sureness) const;
    double term_weight(const Xapian::Query& query) const;
    Xapian::Query prefer_language(const Xapian::Query& query, corpus::Language language) const;
    std::vector<Xapian::Query> phrase_translations(const std::vector<std::string>& words,
                                                   BuiltQuery& built);

    const Xapian::Database& db_;
    BilingualStopper stopper_;  // before parser_, which points to it
    Xapian::QueryParser parser_;
    Analyzer& analyzer_;
    const Glossary& glossary_;
    QueryWeights weights_;
    corpus::Language language_ = corpus::Language::kUnknown;  // of the query being built
};

/// Operators whose subqueries can be rebuilt from the subqueries alone (no
/// window, factor or slot to carry over).
bool is_plain_combination(Xapian::Query::op op);

}  // namespace kamerzoek
