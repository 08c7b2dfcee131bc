#include "bench/section_format/section_searcher.h"

#include <algorithm>
#include <map>

#include "bench/section_format/passage_scorer.h"
#include "bench/section_format/section_store.h"
#include "indexer/index_schema.h"
#include "searcher/glossary.h"
#include "searcher/query_builder.h"
#include "searcher/query_limits.h"
#include "searcher/ranking.h"
#include "searcher/snippet.h"

namespace kamerzoek::sections {
namespace {

// As rank() in searcher/ranking.cc: title and section words as a scaled
// optional part.
Xapian::Query with_field_boost(const BuiltQuery& query, double boost) {
    if (query.field_terms.empty() || boost <= 0) return query.query;
    const Xapian::Query fields(Xapian::Query::OP_OR, query.field_terms.begin(),
                               query.field_terms.end());
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query.query,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, fields, boost));
}

struct Candidate {
    double score;
    std::size_t section;  // rank of its section
    std::size_t passage;  // index in the section
};

}  // namespace

SectionSearcher::SectionSearcher(const std::string& index) : db_(index) {}

std::vector<SectionHit> SectionSearcher::search(const std::string& text,
                                                const SectionSearchOptions& options) {
    ++stats_.queries;
    const RankingParameters& ranking = default_ranking();
    QueryBuilder builder(db_, analyzer_, Glossary::builtin(), ranking.query_weights);
    const BuiltQuery query = builder.build(text, "");
    const Xapian::Query full = with_field_boost(query, ranking.field_boost);

    Xapian::Enquire enquire(db_);
    enquire.set_query(with_fixed_root(full));
    enquire.set_weighting_scheme(Xapian::BM25Weight(ranking.k1, 0, 1, ranking.b, 0.5));
    Xapian::ValueCountMatchSpy documents(schema::kSlotDocId);
    if (options.extras) enquire.add_matchspy(&documents);
    // The Searcher's time limit, with its default of 10 s.
    const MatchDeadline deadline(std::chrono::duration<double>(10), nullptr);
    // Pruned as the Searcher's match (ranking.h, with_fixed_root()).
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(options.sections),
                                               ranking.exact_count, nullptr, &deadline);

    const QueryNode tree = compile(full);
    PassageScorer scorer(db_, analyzer_, tree, query.part_words,
                         {ranking.k1, ranking.b, ranking.query_weights.own_language});
    std::vector<std::string> records;
    records.reserve(mset.size());  // the sections' passages point into these
    std::vector<StoredSection> sections;
    std::vector<Candidate> candidates;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        records.push_back(it.get_document().get_data());
        sections.push_back(decode_section(records.back()));
        const std::vector<PassageScore> scores = scorer.score(*it, sections.back());
        bool any = false;
        for (std::size_t p = 0; p < scores.size(); ++p) {
            if (!scores[p].matched) continue;
            any = true;
            candidates.push_back({scores[p].score + options.section_share * it.get_weight(),
                                  sections.size() - 1, p});
        }
        if (!any) ++stats_.sections_without_passage;
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });

    std::vector<SectionHit> hits;
    std::map<std::string, unsigned> per_document;
    for (const Candidate& c : candidates) {
        if (hits.size() == options.limit) break;
        const StoredSection& section = sections[c.section];
        if (options.per_document > 0 && ++per_document[section.doc_id] > options.per_document)
            continue;
        const StoredPassage& passage = section.passages[c.passage];
        SectionHit hit{section.doc_id, passage.ordinal, passage.lang, std::string(passage.text), {},
                       c.score};
        if (options.snippets)
            hit.snippet =
                make_snippet(hit.text, corpus::language_from_code(hit.lang), query, analyzer_);
        hits.push_back(std::move(hit));
    }
    if (options.extras) spelling_suggestion(db_, analyzer_, Glossary::builtin(), text, query);
    return hits;
}

}  // namespace kamerzoek::sections
