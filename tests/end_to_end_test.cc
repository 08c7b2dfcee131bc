// The whole pipeline on the seed letter: file -> passages -> index -> hits.
#include <gtest/gtest.h>

#include <filesystem>

#include "kamerzoek/kamerzoek.h"
#include "tests/test_paths.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

class SeedLetter : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        index_dir_ = new fs::path(fs::temp_directory_path() /
                                  ("kamerzoek-seed-" + std::to_string(::getpid())));
        fs::remove_all(*index_dir_);
        const fs::path seed = testing::shared_corpus_dir() / "seed";
        if (!fs::is_directory(seed)) return;
        Indexer indexer(index_dir_->string());
        report_ = new IndexReport(indexer.add_paths({seed.string()}));
    }
    static void TearDownTestSuite() {
        fs::remove_all(*index_dir_);
        delete index_dir_;
        delete report_;
    }
    void SetUp() override {
        REQUIRE_SHARED_CORPUS();
        ASSERT_NE(report_, nullptr);
    }

    static SearchResults search(const std::string& query, std::size_t limit = 5) {
        Searcher searcher(index_dir_->string());
        SearchOptions options;
        options.limit = limit;
        options.per_document = 0;
        return searcher.search(query, options);
    }

    static fs::path* index_dir_;
    static IndexReport* report_;
};

fs::path* SeedLetter::index_dir_ = nullptr;
IndexReport* SeedLetter::report_ = nullptr;

TEST_F(SeedLetter, IndexesTheLetterAsOneDocumentOfManyPassagesOnSharedCorpus) {
    EXPECT_EQ(report_->documents_indexed, 1u);
    EXPECT_TRUE(report_->failed.empty());
    EXPECT_GE(report_->passages_indexed, 12u);
}

TEST_F(SeedLetter, RanksThePassageAboutFreezingIsisAssetsFirstOnSharedCorpus) {
    const SearchResults results = search("tegoeden ISIS bevriezen");
    ASSERT_FALSE(results.hits.empty());
    const Hit& top = results.hits.front();
    EXPECT_NE(top.text.find("tegoeden van actoren"), std::string::npos) << top.text;
    EXPECT_EQ(top.section, "Uitkomsten");
    EXPECT_EQ(top.lang, "nl");
    EXPECT_EQ(top.date, "2016-02-09");
    EXPECT_EQ(top.kind, "kamerbrief");
}

TEST_F(SeedLetter, FindsTunesieWithoutItsDiaeresisOnSharedCorpus) {
    const SearchResults results = search("Tunesie");
    ASSERT_FALSE(results.hits.empty());
    EXPECT_NE(results.hits.front().text.find("Tunesië"), std::string::npos);
    EXPECT_NE(results.hits.front().snippet.find(std::string(1, kHighlightBegin) + "Tunesië"),
              std::string::npos);
}

TEST_F(SeedLetter, FindsAWordThePdfSplitAcrossLinesOnSharedCorpus) {
    bool found_split_passage = false;
    for (const Hit& hit : search("samenwerking", 10).hits) {
        found_split_passage |= hit.text.starts_with("Terrorisme kent geen grenzen");
    }
    EXPECT_TRUE(found_split_passage);
    const SearchResults results = search("\"internationale samenwerking worden bestreden\"");
    ASSERT_EQ(results.hits.size(), 1u);
    EXPECT_EQ(results.hits.front().section, "Terrorisme");
}

TEST_F(SeedLetter, FindsTheSharePassageForAnEnglishQueryOnSharedCorpus) {
    const SearchResults results = search("foreign terrorist fighters knowledge hub");
    ASSERT_FALSE(results.hits.empty());
    EXPECT_TRUE(results.hits.front().text.starts_with("– Share:")) << results.hits.front().text;
}

TEST_F(SeedLetter, KeepsRealHyphensWhenRejoiningLinesOnSharedCorpus) {
    EXPECT_FALSE(search("\"re-integratie\"").hits.empty());
    EXPECT_FALSE(search("\"anti-ISIS\"").hits.empty());
    EXPECT_TRUE(search("reintegratie").hits.empty());
    EXPECT_TRUE(search("antiisis").hits.empty());
    EXPECT_FALSE(search("geintensiveerd").hits.empty());
}

TEST_F(SeedLetter, KeepsTheFootnoteAsItsOwnPassageOnSharedCorpus) {
    const SearchResults results = search("raadpleegbaar");
    ASSERT_EQ(results.hits.size(), 1u);
    EXPECT_EQ(results.hits.front().text, "Raadpleegbaar via www.tweedekamer.nl");
    EXPECT_EQ(search("brief1").hits.size(), 0u);
}

TEST_F(SeedLetter, CapsPassagesPerDocumentByDefaultOnSharedCorpus) {
    Searcher searcher(index_dir_->string());
    EXPECT_EQ(searcher.search("terrorisme").hits.size(), 2u);
}

TEST_F(SeedLetter, CountsOneDocumentForItsManyMatchingPassagesOnSharedCorpus) {
    const SearchResults results = search("terrorisme", 100);
    EXPECT_GT(results.total, 5u);
    EXPECT_EQ(results.total, results.hits.size());
    EXPECT_EQ(results.documents, 1u);
}

TEST_F(SeedLetter, ReportsTheCitationsOfAPassageOnSharedCorpus) {
    const SearchResults results = search("Begrotingsbehandeling moties Parijs");
    ASSERT_FALSE(results.hits.empty());
    std::vector<std::string> ids;
    for (const Reference& ref : results.hits.front().refs) ids.push_back(ref.id);
    EXPECT_NE(std::find(ids.begin(), ids.end(), "h-tk-20152016-26-16"), ids.end());
    EXPECT_NE(std::find(ids.begin(), ids.end(), "kst-34300-V-30"), ids.end());
}

TEST(Searcher, ExplainsAMissingIndex) {
    EXPECT_THROW(Searcher("/nonexistent/kamerzoek-index"), IndexError);
}

}  // namespace
}  // namespace kamerzoek
