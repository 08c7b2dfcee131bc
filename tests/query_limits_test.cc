// Cost bounds of a search (searcher/query_limits.h) and filters with
// impossible values: each is refused with an error that says what was
// wrong, rather than run for minutes or match nothing in silence.
#include "searcher/query_limits.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "kamerzoek/kamerzoek.h"
#include "searcher/shard_query.h"
#include "tests/test_paths.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

// The query fixtures, and a text of more distinct "zzq" words than one
// wildcard may stand for.
class QueryLimitsOnFixtures : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        root_ = new fs::path(fs::temp_directory_path() /
                             ("kamerzoek-limits-" + std::to_string(::getpid())));
        fs::remove_all(*root_);
        fs::create_directories(*root_ / "words");
        std::ofstream words(*root_ / "words" / "many-words.txt");
        words << "Den Haag, 1 maart 2016\n\nDe woorden van deze lijst:";
        for (int i = 0; i < 1100; ++i) words << " zzq" << i;
        words << ".\n";
        words.close();
        Indexer indexer((*root_ / "index").string());
        const IndexReport report =
            indexer.add_paths({testing::fixture("query").string(), (*root_ / "words").string()});
        EXPECT_TRUE(report.failed.empty());
        indexer.commit();
    }
    static void TearDownTestSuite() {
        fs::remove_all(*root_);
        delete root_;
    }

    static SearchResults search(const std::string& query, SearchOptions options = {}) {
        Searcher searcher((*root_ / "index").string());
        return searcher.search(query, options);
    }

    // The message of the QueryError `query` raises ("" when it raises none).
    template <typename ErrorType = QueryError>
    static std::string refusal(const std::string& query, SearchOptions options = {}) {
        try {
            search(query, options);
        } catch (const ErrorType& e) {
            return e.what();
        }
        return {};
    }

    static fs::path* root_;
};

fs::path* QueryLimitsOnFixtures::root_ = nullptr;

std::string repeated(const std::string& piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

TEST_F(QueryLimitsOnFixtures, RefusesAQueryOfAMegabyte) {
    const std::string message = refusal<QueryTooExpensive>(repeated("terrorisme ", 100000));
    EXPECT_NE(message.find("query too expensive"), std::string::npos) << message;
    EXPECT_NE(message.find("bytes"), std::string::npos) << message;
}

TEST_F(QueryLimitsOnFixtures, RefusesThousandsOfAlternatives) {
    std::string query = "w0";
    for (int i = 1; i < 300; ++i) query += " OR w" + std::to_string(i);
    const std::string message = refusal<QueryTooExpensive>(query);
    EXPECT_NE(message.find("words"), std::string::npos) << message;
}

TEST_F(QueryLimitsOnFixtures, RefusesManyWildcardsInOneQuery) {
    // Within the service's 1 KB: "+a*" two hundred times.
    const std::string message = refusal<QueryTooExpensive>(repeated("+a* ", 200));
    EXPECT_FALSE(message.empty());
}

TEST_F(QueryLimitsOnFixtures, RefusesAWildcardThatMatchesTooManyWords) {
    const std::string message = refusal<QueryTooExpensive>("zzq*");
    EXPECT_NE(message.find("wildcard"), std::string::npos) << message;
    // A narrower one is fine.
    EXPECT_FALSE(search("zzq109*").hits.empty());
}

TEST_F(QueryLimitsOnFixtures, RefusesDeeplyNestedBrackets) {
    const std::string message =
        refusal<QueryTooExpensive>(repeated("(", 300) + "terrorisme" + repeated(")", 300));
    EXPECT_NE(message.find("brackets"), std::string::npos) << message;
    EXPECT_FALSE(search("((terrorisme OR motie) AND brief)").hits.empty());
}

TEST_F(QueryLimitsOnFixtures, RefusesAWordLongerThanAnyWord) {
    EXPECT_FALSE(refusal<QueryTooExpensive>(std::string(3000, 'a')).empty());
}

TEST_F(QueryLimitsOnFixtures, StopsAMatchPastItsTimeLimit) {
    SearchOptions options;
    options.time_limit_seconds = 1e-9;
    const std::string message = refusal<QueryTooExpensive>("terrorisme OR brief", options);
    EXPECT_NE(message.find("longer than"), std::string::npos) << message;
    options.time_limit_seconds = 0;  // no limit
    EXPECT_FALSE(search("terrorisme OR brief", options).hits.empty());
}

TEST_F(QueryLimitsOnFixtures, StopsAMatchNobodyWaitsForAnyMore) {
    SearchOptions options;
    options.cancelled = [] { return true; };
    EXPECT_FALSE(refusal<QueryTooExpensive>("terrorisme OR brief", options).empty());
}

TEST_F(QueryLimitsOnFixtures, RefusesAnOffsetXapianWouldHaveToCollect) {
    SearchOptions options;
    options.offset = 2'000'000'000;
    EXPECT_FALSE(refusal<QueryTooExpensive>("brief", options).empty());
}

TEST_F(QueryLimitsOnFixtures, ImpossibleFilterValuesAreErrorsNamingTheFilter) {
    const std::pair<const char*, const char*> cases[] = {
        {"brief date:9999-99-99..", "date:9999-99-99.."},
        {"brief date:2016-02-30..2016-03-01", "2016-02-30"},
        {"brief date:-1..-1", "date:-1..-1"},
        {"brief date:2017..2016", "ends before it begins"},
        {"brief year:abc", "year:abc"},
        {"brief year:-1", "year:-1"},
        {"brief lang:xx", "lang:xx"},
        {"brief kind:nonsense", "kind:nonsense"},
        {"brief 2015..2016", "needs a filter"},
    };
    for (const auto& [query, named] : cases) {
        const std::string message = refusal(query);
        EXPECT_NE(message.find(named), std::string::npos) << query << ": " << message;
        EXPECT_EQ(message.find("Unknown range"), std::string::npos) << message;
    }
}

TEST_F(QueryLimitsOnFixtures, DateRangesTakeDaysMonthsAndYears) {
    for (const char* query :
         {"brief date:2017-01-01..2017-12-31", "brief date:2017..2017", "brief date:2017-10..",
          "brief date:20171001..20171031", "brief date:..2017-10-02"}) {
        const SearchResults results = search(query);
        EXPECT_FALSE(results.hits.empty()) << query;
        for (const Hit& hit : results.hits) EXPECT_LE(hit.date, "2017-10-02") << query;
    }
    for (const Hit& hit : search("brief date:2017..").hits) EXPECT_GE(hit.date, "2017") << hit.date;
    EXPECT_TRUE(search("brief date:2018..2019").hits.empty());
    EXPECT_FALSE(search("brief lang:nl kind:kamerbrief year:2017").hits.empty());
}

TEST(ShardWildcards, AreBoundLikeXapiansOwnExpansion) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document doc;
    for (const char* word : {"aap", "aal", "aar", "abc"}) doc.add_term(word);
    db.add_document(doc);
    const Xapian::Query wildcard(Xapian::Query::OP_WILDCARD, "aa");
    EXPECT_THROW(expand_wildcards(wildcard, db, 2), QueryTooExpensive);
    EXPECT_EQ(expand_wildcards(wildcard, db, 3).get_num_subqueries(), 3u);
}

TEST(QueryText, LimitsAreMeasuredOnTheTextAlone) {
    const QueryLimits& limits = default_query_limits();
    EXPECT_NO_THROW(check_query_text("(financiering OR \"(((\") AND terrorisme*", limits));
    EXPECT_THROW(check_query_text(std::string(limits.max_bytes + 1, ' '), limits),
                 QueryTooExpensive);
}

}  // namespace
}  // namespace kamerzoek
