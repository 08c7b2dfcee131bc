#include "searcher/ranking.h"

#include <algorithm>
#include <string>
#include <vector>

#include "indexer/index_schema.h"
#include "indexer/spelling.h"
#include "searcher/word_lists.h"

namespace kamerzoek {
namespace {

// Every document. Not Xapian::Query::MatchAll: that is one static object,
// and Xapian 1.4 counts its references without atomics, so copying it from
// the searches of several threads at once corrupts its count.
Xapian::Query every_document() { return Xapian::Query(std::string()); }

// Title and section words are indexed without within-document frequencies
// that mean anything; BM25's length normalisation is off for them by
// scoring them through a separate, scaled subquery.
Xapian::Query with_field_boost(const BuiltQuery& query, const RankingParameters& parameters) {
    if (query.field_terms.empty() || parameters.field_boost <= 0) return query.query;
    Xapian::Query fields(
        Xapian::Query::OP_SCALE_WEIGHT,
        Xapian::Query(Xapian::Query::OP_OR, query.field_terms.begin(), query.field_terms.end()),
        parameters.field_boost);
    std::vector<std::string> title_terms;
    for (const std::string& term : query.field_terms) {
        if (term.starts_with(schema::kTitleWord)) title_terms.push_back(term);
    }
    if (title_terms.size() >= 2 && parameters.whole_title_boost > 0) {
        const Xapian::Query whole_title(Xapian::Query::OP_AND, title_terms.begin(),
                                        title_terms.end());
        fields = Xapian::Query(Xapian::Query::OP_OR, fields,
                               Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, whole_title,
                                             parameters.whole_title_boost));
    }
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query.query, fields);
}

// A word of either language is never "corrected" into another: it is
// valid when the index holds it or its stem, or the lexicon or the
// system's word lists know it.
bool is_valid_word(const Xapian::Database& db, Analyzer& analyzer, const Glossary& glossary,
                   const std::string& word) {
    if (db.term_exists(word)) return true;
    if (glossary.knows(word, corpus::Language::kDutch) ||
        glossary.knows(word, corpus::Language::kEnglish)) {
        return true;
    }
    if (is_dictionary_word(word)) return true;
    const Analyzer::WordTerms terms = analyzer.word_terms(word, corpus::Language::kUnknown);
    return db.term_exists(terms.dutch_stem) || db.term_exists(terms.english_stem);
}

// The closest word of the index or, nearer still, of the lexicon (either
// language: a misspelt English word may have only Dutch passages).
std::string closest_word(const Xapian::Database& db, const Glossary& glossary,
                         const std::string& word) {
    std::string best = closest_indexed_word(db, word);
    const std::string known = glossary.closest_word(word);
    if (!known.empty() && (best.empty() || edit_distance(known, word) < edit_distance(best, word)))
        best = known;
    return best;
}

}  // namespace

const RankingParameters& default_ranking() {
    static const RankingParameters parameters;
    return parameters;
}

Xapian::Query with_fixed_root(const Xapian::Query& query) {
    return Xapian::Query(Xapian::Query::OP_FILTER,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, 1.0),
                         every_document());
}

Xapian::Query best_of(const std::vector<Xapian::Query>& group, const Xapian::Database& db) {
    if (db.size() <= 1) return Xapian::Query(Xapian::Query::OP_MAX, group.begin(), group.end());
    std::vector<Xapian::Query> never_empty = group;
    never_empty.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, every_document(), 0.0);
    return Xapian::Query(
        Xapian::Query::OP_FILTER,
        Xapian::Query(Xapian::Query::OP_MAX, never_empty.begin(), never_empty.end()),
        Xapian::Query(Xapian::Query::OP_OR, group.begin(), group.end()));
}

Xapian::MSet rank(const Xapian::Database& db, const BuiltQuery& query,
                  const RankingParameters& parameters, Xapian::doccount offset,
                  Xapian::doccount limit, unsigned per_document,
                  const Xapian::MatchDecider* decider, Xapian::ValueCountMatchSpy* documents) {
    Xapian::Enquire enquire(db);
    enquire.set_query(with_fixed_root(with_field_boost(query, parameters)));
    // k2, k3 and min_normlen as Xapian's defaults; only k1 and b are measured.
    enquire.set_weighting_scheme(Xapian::BM25Weight(parameters.k1, 0, 1, parameters.b, 0.5));
    if (per_document > 0) enquire.set_collapse_key(schema::kSlotDocId, per_document);
    if (documents) enquire.add_matchspy(documents);
    return enquire.get_mset(offset, limit, parameters.exact_count, nullptr, decider);
}

MatchTotals matching_totals(const Xapian::MSet& mset, const Xapian::ValueCountMatchSpy& documents,
                            const RankingParameters& parameters) {
    std::size_t distinct = 0;
    for (auto it = documents.values_begin(); it != documents.values_end(); ++it) ++distinct;
    const Xapian::doccount seen = documents.get_total();
    // Xapian's estimate may exceed what it saw even when it saw everything
    // (an OR of filter terms in one passage counts 2).
    if (seen < parameters.exact_count) return {seen, distinct};
    const std::size_t passages = std::max(mset.get_uncollapsed_matches_estimated(), seen);
    const double per_passage = static_cast<double>(distinct) / seen;
    return {passages, std::max(distinct, static_cast<std::size_t>(per_passage * passages + 0.5))};
}

std::string spelling_suggestion(const Xapian::Database& db, Analyzer& analyzer,
                                const Glossary& glossary, const std::string& text,
                                const BuiltQuery& query) {
    std::string suggestion;
    std::size_t copied = 0;
    bool replaced = false;
    for (const Analyzer::Token& token : analyzer.tokenize(text)) {
        const bool free_word = std::find(query.free_words.begin(), query.free_words.end(),
                                         token.folded) != query.free_words.end();
        std::string correction;
        if (free_word && !is_valid_word(db, analyzer, glossary, token.folded)) {
            correction = closest_word(db, glossary, token.folded);
        }
        if (correction.empty()) continue;
        suggestion.append(text, copied, token.begin - copied).append(correction);
        copied = token.end;
        replaced = true;
    }
    if (!replaced) return {};
    return suggestion.append(text, copied);
}

}  // namespace kamerzoek
