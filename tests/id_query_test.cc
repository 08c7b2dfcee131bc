// A bare official id, in any case or as it is printed, finds that
// publication first and then the passages citing it.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "kamerzoek/kamerzoek.h"
#include "tests/test_paths.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

// The motion in its repository layout, and a note (ODT) whose footnote
// cites it as "Kamerstukken II 2020/21, 32 545, nr. 143".
struct MotionAndCitingNote {
    fs::path notes = fs::temp_directory_path() / ("kamerzoek-idq-" + std::to_string(::getpid()));
    fs::path index = notes.string() + "-index";

    MotionAndCitingNote() {
        fs::remove_all(notes);
        fs::remove_all(index);
        fs::create_directories(notes);
        fs::copy_file(testing::fixture("odt/notitie-windparken.odt"), notes / "notitie.odt");
        Indexer(index.string())
            .add_paths(
                {(testing::shared_corpus_dir() / "repository-overheid").string(), notes.string()});
    }
    ~MotionAndCitingNote() {
        fs::remove_all(notes);
        fs::remove_all(index);
    }
};

// An id lookup scores a publication's own passages 2 and the passages citing
// it 1 (3 for both); a word search's BM25 scores are never these exactly.
bool scored_as_a_lookup(const Hit& hit) {
    return hit.score == 1.0 || hit.score == 2.0 || hit.score == 3.0;
}

TEST(IdQuery, ABareIdFindsThePublicationThenWhatCitesItOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const MotionAndCitingNote corpus;
    Searcher searcher(corpus.index.string());
    SearchOptions options;
    options.limit = 20;
    for (const std::string query :
         {"kst-32545-143", "KST-32545-143", " kst-32545-143 ", "Kamerstuk 32545-143",
          "32 545, nr. 143", "Kamerstukken II 2020/21, 32 545, nr. 143"}) {
        const SearchResults results = searcher.search(query, options);
        ASSERT_GE(results.hits.size(), 2u) << query;
        EXPECT_EQ(results.hits.front().doc_id, "kst-32545-143") << query;
        // Its own passages first, then the note's footnote that cites it.
        std::size_t first_citing = results.hits.size();
        for (std::size_t i = 0; i < results.hits.size(); ++i) {
            if (results.hits[i].doc_id != "kst-32545-143") {
                first_citing = std::min(first_citing, i);
            } else {
                EXPECT_LT(i, first_citing) << query << ": the motion after a citing passage";
            }
        }
        ASSERT_LT(first_citing, results.hits.size()) << query;
        EXPECT_EQ(results.hits[first_citing].doc_id, "notitie") << query;
        EXPECT_NE(results.hits[first_citing].text.find("32 545, nr. 143"), std::string::npos);
    }
}

TEST(IdQuery, NumbersAndWordsAroundAnIdStayAWordSearchOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const MotionAndCitingNote corpus;
    Searcher searcher(corpus.index.string());
    // A dossier number alone, or an id with words, is searched as words:
    // the motion's text matches, the citing note does not rank by id.
    const SearchResults words = searcher.search("kst-32545-143 spaarrente", {});
    ASSERT_FALSE(words.hits.empty());
    EXPECT_EQ(words.hits.front().doc_id, "kst-32545-143");
    EXPECT_NO_THROW(searcher.search("32545", {}));
    EXPECT_NO_THROW(searcher.search("2021", {}));
    // A citation among words is words too, not a lookup of the id alone.
    const SearchResults cited = searcher.search("spaarrente Kamerstuk 32545-143", {});
    ASSERT_FALSE(cited.hits.empty());
    EXPECT_FALSE(scored_as_a_lookup(cited.hits.front())) << cited.hits.front().doc_id;
    // An id the index holds nowhere finds nothing rather than anything.
    EXPECT_TRUE(searcher.search("kst-99999-1", {}).hits.empty());
}

TEST(IdQuery, ADossierFindsItsPapersThenWhatCitesThemOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const MotionAndCitingNote corpus;
    Searcher searcher(corpus.index.string());
    SearchOptions options;
    options.limit = 20;
    for (const std::string query : {"dossier 32545", "Kamerstuk 32 545", "dossier 32 545"}) {
        const SearchResults results = searcher.search(query, options);
        ASSERT_GE(results.hits.size(), 2u) << query;
        EXPECT_EQ(results.hits.front().doc_id, "kst-32545-143") << query;
        bool citing_note = false;
        for (const Hit& hit : results.hits) citing_note |= hit.doc_id == "notitie";
        EXPECT_TRUE(citing_note) << query;
    }
    // A bare number stays a word search: it is the motion's dossier, but
    // also a year, an amount or a page.
    for (const Hit& hit : searcher.search("32545", options).hits)
        EXPECT_FALSE(scored_as_a_lookup(hit)) << hit.doc_id;
}

TEST(IdQuery, ASittingFindsItsHandelingenItemsOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const fs::path index =
        fs::temp_directory_path() / ("kamerzoek-idq-sitting-" + std::to_string(::getpid()));
    fs::remove_all(index);
    Indexer(index.string())
        .add_paths({(testing::shared_corpus_dir() / "handelingen-xml").string(),
                    (testing::shared_corpus_dir() / "handelingen-xml-damaged").string()});
    Searcher searcher(index.string());
    SearchOptions options;
    options.limit = 50;
    options.per_document = 1;
    for (const std::string query : {"h-tk-20172018-70", "Handelingen II 2017/18, nr. 70"}) {
        const SearchResults results = searcher.search(query, options);
        EXPECT_GE(results.hits.size(), 5u) << query;
        for (const Hit& hit : results.hits)
            EXPECT_TRUE(hit.doc_id.starts_with("h-tk-20172018-70-")) << query << ": " << hit.doc_id;
    }
    // Sitting 7 is not the first digit of sitting 70.
    EXPECT_TRUE(searcher.search("h-tk-20172018-7", options).hits.empty());
    // One sitting, not the other one indexed beside it.
    const SearchResults other = searcher.search("Handelingen II 2017/18, nr. 61", options);
    ASSERT_FALSE(other.hits.empty());
    for (const Hit& hit : other.hits) EXPECT_TRUE(hit.doc_id.starts_with("h-tk-20172018-61-"));
    fs::remove_all(index);
}

TEST(IdQuery, CountsAPassageCitingTwoItemsOfTheSittingOnceOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    // The seed letter cites "Handelingen II 2015/16, nr. 26, items 5 en 16"
    // in one passage: one passage, one document, though two ids match (and
    // Xapian estimates 2 once the index holds a few more documents).
    const fs::path index =
        fs::temp_directory_path() / ("kamerzoek-idq-count-" + std::to_string(::getpid()));
    fs::remove_all(index);
    Indexer(index.string())
        .add_paths({(testing::shared_corpus_dir() / "seed").string(),
                    (testing::shared_corpus_dir() / "parlamint").string()});
    Searcher searcher(index.string());
    const SearchOptions options;  // two passages per document: Xapian collapses
    for (const std::string query :
         {"h-tk-20152016-26", "ref:h-tk-20152016-26-5 OR ref:h-tk-20152016-26-16"}) {
        const SearchResults results = searcher.search(query, options);
        ASSERT_EQ(results.hits.size(), 1u) << query;
        EXPECT_EQ(results.total, 1u) << query;
        EXPECT_EQ(results.documents, 1u) << query;
    }
    fs::remove_all(index);
}

}  // namespace
}  // namespace kamerzoek
