// The query language on a small index of our own letters: function words,
// compounds, the glossary, spelling suggestions and filters.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "analysis/analyzer.h"
#include "analysis/lexicon.h"
#include "indexer/index_schema.h"
#include "kamerzoek/kamerzoek.h"
#include "searcher/field_processors.h"
#include "searcher/glossary.h"
#include "searcher/query_builder.h"
#include "searcher/word_lists.h"
#include "tests/test_paths.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

class QueryLanguage : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        index_dir_ = new fs::path(fs::temp_directory_path() /
                                  ("kamerzoek-query-" + std::to_string(::getpid())));
        fs::remove_all(*index_dir_);
        Indexer indexer(index_dir_->string());
        indexer.add_paths({testing::fixture("query").string()});
        indexer.commit();
    }
    static void TearDownTestSuite() {
        fs::remove_all(*index_dir_);
        delete index_dir_;
    }

    static SearchResults search(const std::string& query) {
        Searcher searcher(index_dir_->string());
        SearchOptions options;
        options.per_document = 0;
        return searcher.search(query, options);
    }

    static std::string top_text(const std::string& query) {
        const SearchResults results = search(query);
        return results.hits.empty() ? std::string() : results.hits.front().text;
    }

    static fs::path* index_dir_;
};

fs::path* QueryLanguage::index_dir_ = nullptr;

TEST_F(QueryLanguage, RanksOnContentWordsNotOnFunctionWords) {
    EXPECT_TRUE(top_text("de motie van het lid").starts_with("Met deze brief geef ik uitvoering"));
}

TEST_F(QueryLanguage, KeepsFunctionWordsInsidePhrases) {
    EXPECT_EQ(search("\"motie van het lid\"").hits.size(), 1u);
    EXPECT_TRUE(search("\"motie het lid\"").hits.empty());
}

TEST_F(QueryLanguage, SearchesForFunctionWordsWhenThereIsNothingElse) {
    EXPECT_FALSE(search("van het").hits.empty());
}

TEST_F(QueryLanguage, FindsACompoundFromItsParts) {
    const SearchResults results = search("financiering terrorisme");
    ASSERT_FALSE(results.hits.empty());
    EXPECT_NE(results.hits.front().text.find("terrorismefinanciering"), std::string::npos);
    EXPECT_NE(results.hits.front().snippet.find(std::string(1, kHighlightBegin) +
                                                "terrorismefinanciering"),
              std::string::npos);
}

TEST_F(QueryLanguage, FindsTheWordsOfACompoundQueryNearEachOther) {
    bool found = false;
    for (const Hit& hit : search("terrorismebestrijding").hits) {
        found |= hit.text.find("bestrijding van terrorisme") != std::string::npos;
    }
    EXPECT_TRUE(found);
}

TEST_F(QueryLanguage, FindsDutchTextForAnEnglishGlossaryTerm) {
    EXPECT_NE(top_text("terrorist financing").find("terrorismefinanciering"), std::string::npos);
    EXPECT_NE(top_text("motion").find("motie van het lid"), std::string::npos);
}

TEST_F(QueryLanguage, SuggestsTheIndexedSpellingOfAMisspeltWord) {
    EXPECT_EQ(search("terorisme").suggestion, "terrorisme");
    EXPECT_EQ(search("motie vluchtelingne").suggestion, "motie vluchtelingen");
    EXPECT_EQ(search("terrorisme").suggestion, "");
}

TEST_F(QueryLanguage, FiltersByParliamentaryYear) {
    const SearchResults results = search("brief vergaderjaar:2015-2016");
    ASSERT_FALSE(results.hits.empty());
    for (const Hit& hit : results.hits) EXPECT_EQ(hit.date, "2016-03-01");
    EXPECT_THROW(search("brief vergaderjaar:2015-2017"), QueryError);
}

TEST_F(QueryLanguage, FiltersByDateRangeAndYear) {
    for (const Hit& hit : search("brief date:2017-01-01..2017-12-31").hits) {
        EXPECT_EQ(hit.date, "2017-10-02");
    }
    EXPECT_FALSE(search("brief date:2017-01-01..2017-12-31").hits.empty());
    EXPECT_TRUE(search("terrorisme year:2017").hits.empty());
}

TEST_F(QueryLanguage, StillAnswersMalformedQueries) {
    EXPECT_FALSE(search("\"motie van het lid").hits.empty());
    EXPECT_FALSE(search("(terrorisme AND").hits.empty());
    EXPECT_NO_THROW(search("AND"));
}

TEST(Vergaderjaar, StartsOnTheThirdTuesdayOfSeptember) {
    EXPECT_EQ(third_tuesday_of_september(2015), "20150915");
    EXPECT_EQ(third_tuesday_of_september(2017), "20170919");
    EXPECT_EQ(third_tuesday_of_september(2021), "20210921");
}

TEST(NameFilter, MatchesANameByAnyRunOfItsWords) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const char* name : {"van_bommel", "roemer", "van_der_molen"}) {
        Xapian::Document document;
        document.add_boolean_term(schema::term(schema::kSpeaker, name));
        db.add_document(document);
    }
    Analyzer analyzer;
    NameFieldProcessor speaker(db, std::string(schema::kSpeaker), analyzer);
    const auto count = [&](const std::string& value) {
        Xapian::Enquire enquire(db);
        enquire.set_query(speaker(value));
        return enquire.get_mset(0, 10).size();
    };
    EXPECT_EQ(count("Van Bommel"), 1u);
    EXPECT_EQ(count("bommel"), 1u);
    EXPECT_EQ(count("van"), 2u);
    EXPECT_EQ(count("der molen"), 1u);
    EXPECT_EQ(count("molen van"), 0u);
}

TEST(Glossary, TranslatesWordsAndTermsBothWays) {
    Analyzer analyzer;
    const Glossary& glossary = Glossary::builtin();
    const auto translates_to = [&](const std::vector<std::string>& words,
                                   const std::vector<std::string>& expected) {
        for (const Translation& translation : glossary.translate(words, analyzer)) {
            if (translation.words == expected) return true;
        }
        return false;
    };
    EXPECT_TRUE(translates_to({"moties"}, {"motions"}));
    EXPECT_TRUE(translates_to({"motion"}, {"motie"}));
    EXPECT_TRUE(translates_to({"asset", "freezing"}, {"tegoeden", "bevriezen"}));
    EXPECT_TRUE(glossary.translate({"xqzvw"}, analyzer).empty());
}

TEST(Glossary, TranslatesWordsTheGlossaryLacksWithTheLexiconAtLowerWeight) {
    Analyzer analyzer;
    const Glossary& glossary = Glossary::builtin();
    const auto weight_of = [&](const std::string& word, const std::string& expected,
                               corpus::Language from) {
        for (const Translation& translation : glossary.translate({word}, analyzer, from)) {
            if (translation.words == std::vector<std::string>{expected}) return translation.weight;
        }
        return 0.0;
    };
    EXPECT_GT(weight_of("walvis", "whale", corpus::Language::kDutch), 0.0);
    EXPECT_LT(weight_of("walvis", "whale", corpus::Language::kDutch), 1.0);
    EXPECT_GT(weight_of("passport", "paspoort", corpus::Language::kEnglish), 0.0);
    // Curated terms keep the glossary's own translation at full weight.
    EXPECT_EQ(weight_of("moties", "motions", corpus::Language::kDutch), 1.0);
    // Translated from the language asked for only: "rente" is no English "rent".
    EXPECT_EQ(weight_of("rente", "huur", corpus::Language::kDutch), 0.0);
    // Function words are never expanded.
    EXPECT_TRUE(glossary.translate({"the"}, analyzer, corpus::Language::kEnglish).empty());
    EXPECT_TRUE(glossary.knows("walvis", corpus::Language::kDutch));
    EXPECT_FALSE(glossary.knows("walvis", corpus::Language::kEnglish));
}

TEST(Glossary, TakesGluedDictionaryGlossesApartAndDropsAbbreviations) {
    if (lexicon_words(corpus::Language::kEnglish).empty()) {
        GTEST_SKIP() << "built without FreeDict (dict-freedict-nld-eng)";
    }
    Analyzer analyzer;
    const Glossary& glossary = Glossary::builtin();
    // FreeDict writes "afkrabben: scrape, scrapeoff, scratchoff".
    std::vector<std::vector<std::string>> translations;
    for (const Translation& translation :
         glossary.translate({"afkrabben"}, analyzer, corpus::Language::kDutch)) {
        translations.push_back(translation.words);
    }
    const auto has = [&](const std::vector<std::string>& words) {
        return std::find(translations.begin(), translations.end(), words) != translations.end();
    };
    EXPECT_TRUE(has({"scrape", "off"}));
    EXPECT_FALSE(has({"scrapeoff"}));
    EXPECT_FALSE(glossary.knows("scrapeoff", corpus::Language::kEnglish));
    // "h-bom" is no word a translation can be made of.
    EXPECT_FALSE(glossary.knows("h", corpus::Language::kDutch));
}

TEST(WordLists, KnowsTheWordsOfEitherLanguage) {
    if (!is_dictionary_word("house")) GTEST_SKIP() << "built without wbritish";
    EXPECT_TRUE(is_dictionary_word("airborne", corpus::Language::kEnglish));
    EXPECT_FALSE(is_dictionary_word("airborne", corpus::Language::kDutch));
    EXPECT_FALSE(is_dictionary_word("xqzvw"));
    EXPECT_FALSE(is_dictionary_word(""));
    EXPECT_EQ(language_by_ending("surrogacy"), corpus::Language::kEnglish);
    EXPECT_EQ(language_by_ending("bevriezen"), corpus::Language::kDutch);
    EXPECT_EQ(language_by_ending("kat"), corpus::Language::kUnknown);
}

}  // namespace
}  // namespace kamerzoek
