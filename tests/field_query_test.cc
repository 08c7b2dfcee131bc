// Words of titles and section headings: found as free words and through
// title: and section:, bare or quoted; and how many passages match.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "kamerzoek/kamerzoek.h"
#include "tests/test_paths.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

SearchResults search_in(const fs::path& index, const std::string& query,
                        unsigned per_document = 0) {
    Searcher searcher(index.string());
    SearchOptions options;
    options.per_document = per_document;
    return searcher.search(query, options);
}

class FieldWords : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        index_dir_ = new fs::path(fs::temp_directory_path() /
                                  ("kamerzoek-fields-" + std::to_string(::getpid())));
        fs::remove_all(*index_dir_);
        Indexer indexer(index_dir_->string());
        indexer.add_paths({testing::fixture("fields").string()});
        indexer.commit();
    }
    static void TearDownTestSuite() {
        fs::remove_all(*index_dir_);
        delete index_dir_;
    }
    static SearchResults search(const std::string& query, unsigned per_document = 0) {
        return search_in(*index_dir_, query, per_document);
    }
    static fs::path* index_dir_;
};

fs::path* FieldWords::index_dir_ = nullptr;

TEST_F(FieldWords, FindsAWordThatOnlyTheTitleHolds) {
    const SearchResults results = search("penetratietest");
    ASSERT_FALSE(results.hits.empty());
    EXPECT_EQ(results.hits.front().title, "Rapportage Penetratietest gemeentelijke systemen");
}

TEST_F(FieldWords, FindsAWordThatOnlyASectionHeadingHolds) {
    const SearchResults results = search("subdelegatie");
    ASSERT_FALSE(results.hits.empty());
    EXPECT_EQ(results.hits.front().section, "4. Subdelegatie");
}

TEST_F(FieldWords, TitleFilterTakesABareWord) {
    EXPECT_FALSE(search("title:penetratietest").hits.empty());
    EXPECT_FALSE(search("title:Penetratietest").hits.empty());
    EXPECT_TRUE(search("title:subdelegatie").hits.empty());
}

TEST_F(FieldWords, TitleAndSectionFiltersTakeAPhrase) {
    EXPECT_FALSE(search("title:\"Rapportage Penetratietest\"").hits.empty());
    const SearchResults section = search("section:\"4. Subdelegatie\"");
    ASSERT_FALSE(section.hits.empty());
    for (const Hit& hit : section.hits) EXPECT_EQ(hit.section, "4. Subdelegatie");
    EXPECT_TRUE(search("title:\"Rapportage Subdelegatie\"").hits.empty());
}

TEST_F(FieldWords, TotalCountsMatchingPassagesBeforeThePerDocumentCap) {
    const SearchResults uncapped = search("maatregelen");
    ASSERT_GE(uncapped.hits.size(), 2u);
    const SearchResults capped = search("maatregelen", 1);
    EXPECT_EQ(capped.hits.size(), 1u);
    EXPECT_EQ(capped.total, uncapped.hits.size());
}

TEST(FieldWordsOnShared, FindsALawNamedOnlyInTitleAndHeadingOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const fs::path index =
        fs::temp_directory_path() / ("kamerzoek-fields-html-" + std::to_string(::getpid()));
    fs::remove_all(index);
    {
        Indexer indexer(index.string());
        indexer.add_paths({(testing::shared_corpus_dir() / "tweedekamer-html").string()});
        indexer.commit();
    }
    const SearchResults results = search_in(index, "auteurscontractenrecht");
    fs::remove_all(index);
    bool motions = false;
    for (const Hit& hit : results.hits) motions |= hit.doc_id == "2015P02267";
    EXPECT_TRUE(motions) << results.hits.size() << " hits";
}

}  // namespace
}  // namespace kamerzoek
