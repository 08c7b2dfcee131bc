// Pruning in rank(): after checking RankingParameters::exact_count matches,
// Xapian skips those that cannot reach the page. It must return what
// checking every match returns, and never reach the Xapian 1.4 OP_MAX crash
// that pruning can (searcher/ranking.cc, with_fixed_root()).
#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"
#include "kamerzoek/kamerzoek.h"
#include "searcher/glossary.h"
#include "searcher/query_builder.h"
#include "searcher/ranking.h"
#include "tests/test_paths.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

fs::path scratch_dir(const std::string& name) {
    const fs::path dir =
        fs::temp_directory_path() / ("kamerzoek-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// Every match checked: nothing skipped.
RankingParameters exhaustive(const Xapian::Database& db) {
    RankingParameters parameters = default_ranking();
    parameters.exact_count = db.get_doccount();
    return parameters;
}

RankingParameters pruned_from_the_start() {
    RankingParameters parameters = default_ranking();
    parameters.exact_count = 0;
    return parameters;
}

using Ranking = std::vector<std::pair<Xapian::docid, double>>;

Ranking ranking(const Xapian::Database& db, const BuiltQuery& query,
                const RankingParameters& parameters, Xapian::doccount limit) {
    Ranking out;
    const Xapian::MSet mset = rank(db, query, parameters, 0, limit, 0);
    for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_weight());
    return out;
}

// Documents of equal length, each term once, so that BM25's bound of a term
// is what a document holding it scores. Documents 1 and 2 hold a, b and e,
// 3 to 10 only e: with one hit asked for, the second document found lifts
// the minimum weight above the bound of (a MAX b) and of e, and Xapian turns
// the OR into an AND positioned past document 2, where a and b run out
// together (bench/section_format/xapian_max_crash.cc).
Xapian::Database max_crash_index(const fs::path& dir) {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (Xapian::docid id = 1; id <= 100; ++id) {
        Xapian::Document doc;
        doc.add_term(id <= 2 ? "a" : "x");
        doc.add_term(id <= 2 ? "b" : "y");
        doc.add_term(id <= 10 ? "e" : "z");
        db.add_document(doc);
    }
    db.commit();
    return db;
}

TEST(RankingPruning, OpMaxWhoseSubqueriesRunOutTogetherDoesNotCrash) {
    const fs::path dir = scratch_dir("max-crash");
    const Xapian::Database db = max_crash_index(dir);
    BuiltQuery query;
    query.query =
        Xapian::Query(Xapian::Query::OP_OR,
                      Xapian::Query(Xapian::Query::OP_MAX, Xapian::Query("a"), Xapian::Query("b")),
                      Xapian::Query("e"));
    // In a child: the crash is a failed expectation, not the end of the run.
    EXPECT_EXIT(
        {
            rank(db, query, pruned_from_the_start(), 0, 1, 0);
            std::exit(0);
        },
        ::testing::ExitedWithCode(0), "");
    EXPECT_EQ(ranking(db, query, pruned_from_the_start(), 1),
              ranking(db, query, exhaustive(db), 1));
    fs::remove_all(dir);
}

// 300 documents: every tenth holds "rare", the others "common".
Xapian::Database counting_index(const fs::path& dir) {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (Xapian::docid id = 1; id <= 300; ++id) {
        Xapian::Document doc;
        doc.add_term(id % 10 == 0 ? "rare" : "common");
        doc.add_term("other");
        db.add_document(doc);
    }
    db.commit();
    return db;
}

TEST(RankingPruning, TotalsAreExactUpToTheExactCountAndEstimatedBeyond) {
    const fs::path dir = scratch_dir("counting");
    const Xapian::Database db = counting_index(dir);
    BuiltQuery query;
    query.query =
        Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("rare"), Xapian::Query("common"));
    RankingParameters parameters = default_ranking();
    parameters.exact_count = 400;  // more than match: every match checked
    Xapian::MSet mset = rank(db, query, parameters, 0, 10, 0);
    EXPECT_EQ(mset.get_uncollapsed_matches_lower_bound(), 300u);
    EXPECT_EQ(mset.get_uncollapsed_matches_upper_bound(), 300u);

    // Once 100 are checked the ten best hold "rare": the documents with
    // "common" are skipped, and the total is only an estimate.
    parameters.exact_count = 100;
    mset = rank(db, query, parameters, 0, 10, 0);
    EXPECT_LT(mset.get_uncollapsed_matches_lower_bound(),
              mset.get_uncollapsed_matches_upper_bound());
    EXPECT_EQ(ranking(db, query, parameters, 10), ranking(db, query, exhaustive(db), 10));
    fs::remove_all(dir);
}

// Treaties in English and Dutch, where these queries reached the crash
// before the root of the match was fixed; pruned from the first match,
// they rank exactly as when every match is checked.
TEST(RankingPruning, PrunedRankingIsTheExhaustiveOneOnSharedCorpus) {
    const fs::path treaties = testing::shared_corpus_dir() / "treaties-sample";
    if (!fs::exists(treaties)) GTEST_SKIP() << treaties << " is not there";
    const fs::path dir = scratch_dir("pruning-treaties");
    {
        Indexer indexer(dir.string());
        indexer.add_paths({treaties.string()});
        indexer.commit();
    }
    const Xapian::Database db(dir.string());
    Analyzer analyzer;
    for (const std::string text :
         {"avoidance of double taxation", "aanvraag om subsidie voor onderwijs",
          "social security of migrant workers", "exchange of information"}) {
        QueryBuilder builder(db, analyzer, Glossary::builtin(), default_ranking().query_weights);
        const BuiltQuery query = builder.build(text, "");
        EXPECT_EXIT(
            {
                rank(db, query, pruned_from_the_start(), 0, 10, 2);
                std::exit(0);
            },
            ::testing::ExitedWithCode(0), "")
            << text;
        EXPECT_EQ(ranking(db, query, pruned_from_the_start(), 10),
                  ranking(db, query, exhaustive(db), 10))
            << text;
    }
    fs::remove_all(dir);
}

}  // namespace
}  // namespace kamerzoek
