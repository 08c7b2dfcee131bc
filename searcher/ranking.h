// How passages are scored and ordered: BM25 with parameters measured on the
// judged queries of tests/relevance (docs/RANKING.md), a boost for matches in
// the title or section heading, and the per-document cap.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "searcher/glossary.h"
#include "searcher/query_builder.h"

namespace kamerzoek {

struct RankingParameters {
    // Chosen with `relevance_bench --sweep` (docs/RANKING.md): a low k1 suits
    // passages, where a word said once is as telling as a word said thrice.
    double k1 = 0.6;             // BM25 term frequency saturation
    double b = 0.5;              // BM25 length normalisation
    double field_boost = 0.3;    // weight of title/section matches against the text's
    QueryWeights query_weights;  // alternatives of a query word
    // Weight, again, of the title words when the title holds every word of
    // a query of two or more: a document named by the query is what its
    // searcher is after ("Advies Autoriteit Persoonsgegevens").
    double whole_title_boost = 1.0;
    // Matches Xapian checks before it may skip those that cannot reach the
    // page asked for: up to this many matching passages the totals are
    // exact, beyond it Xapian's estimates (docs/JSON.md). Skipping starts
    // after them, so a higher figure costs time on frequent words only.
    Xapian::doccount exact_count = 1000;
};

/// The parameters searches use; bench/relevance measures others.
const RankingParameters& default_ranking();

/// `query` as the root of a match that Xapian 1.4 may prune safely: an AND
/// (of the query, behind a scale of 1 so that Xapian keeps it whole, and
/// every document, unweighted, so scores do not change), which pruning
/// never rewrites. Why: Xapian 1.4 (1.4.22, and the 1.4 branch as it
/// stands) can call a freed sub-postlist of an OP_MAX, which the
/// QueryBuilder makes for a word and its translations, when pruning
/// rewrites the root (an OR whose sides both weigh too little becomes an
/// AND) and the new root runs out while it is positioned: the matcher
/// recalculates its maximum weight before it sees the end, and an OP_MAX
/// whose last two subqueries ran out in that step still points at one of
/// them (bench/section_format/xapian_max_crash.cc). Over several local
/// databases Xapian's merge may still recalculate the tree of one that ran
/// out, which best_of() guards against; remote shards match apart
/// (docs/PERFORMANCE.md, "Pruning").
Xapian::Query with_fixed_root(const Xapian::Query& query);

/// The best score among `group`'s, for a word and its translations: an
/// OP_MAX. Over several databases (a stub of local shards) the OP_MAX is
/// given a last subquery that never runs out, every document unweighted,
/// and filtered by the group's own matches: Xapian 1.4's merge recalculates
/// the tree of a database that has run out, where an OP_MAX whose last two
/// subqueries ran out together calls a freed one (see with_fixed_root()).
/// Scores are the same; the group's postings are read twice.
Xapian::Query best_of(const std::vector<Xapian::Query>& group, const Xapian::Database& db);

/// Ranked passages [offset, offset + limit) for `query`, at most
/// `per_document` per document (0: no cap); `decider`, when given, sees
/// every candidate (see MatchDeadline); `documents`, when given, counts the
/// passages it sees per document id (matching_totals()). Xapian checks
/// the first `parameters.exact_count` matches, then skips those that
/// cannot reach the page.
Xapian::MSet rank(const Xapian::Database& db, const BuiltQuery& query,
                  const RankingParameters& parameters, Xapian::doccount offset,
                  Xapian::doccount limit, unsigned per_document,
                  const Xapian::MatchDecider* decider = nullptr,
                  Xapian::ValueCountMatchSpy* documents = nullptr);

/// How many passages match, and in how many documents, from the spy rank()
/// was given: exact when the spy saw fewer matches than Xapian was asked to
/// check (it then saw them all), else Xapian's estimate of the passages and
/// the documents scaled from those seen.
struct MatchTotals {
    std::size_t passages = 0;
    std::size_t documents = 0;
};
MatchTotals matching_totals(const Xapian::MSet& mset, const Xapian::ValueCountMatchSpy& documents,
                            const RankingParameters& parameters);

/// "Did you mean": `text` with each free word that is a word of neither
/// language (not in the index, by itself or its stem, nor in the lexicon)
/// replaced by the closest word of the index or the lexicon; empty when
/// nothing was replaced.
std::string spelling_suggestion(const Xapian::Database& db, Analyzer& analyzer,
                                const Glossary& glossary, const std::string& text,
                                const BuiltQuery& query);

}  // namespace kamerzoek
