#include "searcher/ranking.h"

#include <algorithm>

#include "indexer/index_schema.h"
#include "indexer/spelling.h"

namespace kamerzoek {
namespace {

// Title and section words are indexed without within-document frequencies
// that mean anything; BM25's length normalisation is off for them by
// scoring them through a separate, scaled subquery.
Xapian::Query with_field_boost(const BuiltQuery& query, double boost) {
    if (query.field_terms.empty() || boost <= 0) return query.query;
    const Xapian::Query fields(Xapian::Query::OP_OR, query.field_terms.begin(),
                               query.field_terms.end());
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query.query,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, fields, boost));
}

bool unknown_to_index(const Xapian::Database& db, const std::string& word) {
    return db.get_termfreq(word) == 0;
}

}  // namespace

const RankingParameters& default_ranking() {
    static const RankingParameters parameters;
    return parameters;
}

Xapian::MSet rank(const Xapian::Database& db, const BuiltQuery& query,
                  const RankingParameters& parameters, Xapian::doccount offset,
                  Xapian::doccount limit, unsigned per_document,
                  const Xapian::MatchDecider* decider) {
    Xapian::Enquire enquire(db);
    enquire.set_query(with_field_boost(query, parameters.field_boost));
    // k2, k3 and min_normlen as Xapian's defaults; only k1 and b are measured.
    enquire.set_weighting_scheme(Xapian::BM25Weight(parameters.k1, 0, 1, parameters.b, 0.5));
    if (per_document > 0) enquire.set_collapse_key(schema::kSlotDocId, per_document);
    return enquire.get_mset(offset, limit, nullptr, decider);
}

std::string spelling_suggestion(const Xapian::Database& db, Analyzer& analyzer,
                                const std::string& text, const BuiltQuery& query) {
    std::string suggestion;
    std::size_t copied = 0;
    bool replaced = false;
    for (const Analyzer::Token& token : analyzer.tokenize(text)) {
        const bool free_word = std::find(query.free_words.begin(), query.free_words.end(),
                                         token.folded) != query.free_words.end();
        std::string correction;
        if (free_word && unknown_to_index(db, token.folded)) {
            correction = closest_indexed_word(db, token.folded);
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
