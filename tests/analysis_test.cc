// The one text analysis: function words and the terms of a word, shared by
// the indexer and the query builder.
#include <gtest/gtest.h>

#include "analysis/analyzer.h"
#include "analysis/function_words.h"

namespace kamerzoek {
namespace {

using corpus::Language;

TEST(FunctionWords, StopwordsBelongToTheirLanguage) {
    EXPECT_TRUE(is_stopword("het", Language::kDutch));
    EXPECT_FALSE(is_stopword("het", Language::kEnglish));
    EXPECT_TRUE(is_stopword("the", Language::kEnglish));
    EXPECT_FALSE(is_stopword("the", Language::kUnknown));
    EXPECT_FALSE(is_stopword("terrorisme", Language::kDutch));
}

TEST(FunctionWords, MarkersThatAreNoStopwordsStayInQueries) {
    // "zoals" tells Dutch text apart but is kept in a query.
    EXPECT_TRUE(is_language_marker("zoals", Language::kDutch));
    EXPECT_FALSE(is_stopword("zoals", Language::kDutch));
    EXPECT_TRUE(is_language_marker("whether", Language::kEnglish));
    // "in" is common in both languages: a stopword of both, a marker of neither.
    EXPECT_FALSE(is_language_marker("in", Language::kDutch));
    EXPECT_FALSE(is_language_marker("in", Language::kEnglish));
}

TEST(FunctionWords, QueryLanguageFollowsItsStopwords) {
    EXPECT_EQ(query_language({"de", "motie", "van"}), Language::kDutch);
    EXPECT_EQ(query_language({"the", "motion", "of"}), Language::kEnglish);
    EXPECT_EQ(query_language({"motie"}), Language::kUnknown);
}

TEST(WordTerms, GivesTheStemsOfTheLanguagesAskedFor) {
    Analyzer analyzer;
    const Analyzer::WordTerms dutch = analyzer.word_terms("financieringen", Language::kDutch);
    EXPECT_EQ(dutch.dutch_stem, "Zfinancier");
    EXPECT_TRUE(dutch.english_stem.empty());
    const Analyzer::WordTerms english = analyzer.word_terms("motions", Language::kEnglish);
    EXPECT_TRUE(english.dutch_stem.empty());
    EXPECT_EQ(english.english_stem, "Zmotion");
    const Analyzer::WordTerms both = analyzer.word_terms("motions", Language::kUnknown);
    EXPECT_FALSE(both.dutch_stem.empty());
    EXPECT_EQ(both.english_stem, "Zmotion");
    EXPECT_EQ(analyzer.compound_part_term("financiering"), "XPfinancier");
}

TEST(WordTerms, ADutchPluralWithAVoicedFinalConsonantSharesItsSingularsStem) {
    // huis/huizen, brief/brieven, positief/positieve: Dutch writes z and v
    // where the singular has s and f, and Snowball keeps them.
    Analyzer analyzer;
    const auto dutch_stem = [&](const std::string& word) {
        return analyzer.word_terms(word, Language::kDutch).dutch_stem;
    };
    EXPECT_EQ(dutch_stem("ziekenhuizen"), dutch_stem("ziekenhuis"));
    EXPECT_EQ(dutch_stem("brieven"), dutch_stem("brief"));
    EXPECT_EQ(dutch_stem("positieve"), dutch_stem("positief"));
    EXPECT_EQ(analyzer.compound_part_term("huizen"), analyzer.compound_part_term("huis"));
    EXPECT_NE(dutch_stem("reizen"), dutch_stem("rijzen"));
}

}  // namespace
}  // namespace kamerzoek
