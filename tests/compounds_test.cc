// Splitting Dutch compounds into known parts.
#include "analysis/compounds.h"

#include <gtest/gtest.h>

#include <set>

#include "analysis/analyzer.h"
#include "corpus/document.h"

namespace kamerzoek {
namespace {

using Parts = std::vector<std::string>;

CompoundSplitter splitter_knowing(std::set<std::string> words) {
    return CompoundSplitter([words](const std::string& word) { return words.count(word) > 0; });
}

TEST(CompoundSplitter, SplitsACompoundOfTwoKnownWords) {
    const auto splitter = splitter_knowing({"terrorisme", "financiering"});
    EXPECT_EQ(splitter.split("terrorismefinanciering"), (Parts{"terrorisme", "financiering"}));
}

TEST(CompoundSplitter, RemovesTheLinkingS) {
    const auto splitter = splitter_knowing({"veiligheid", "beleid"});
    EXPECT_EQ(splitter.split("veiligheidsbeleid"), (Parts{"veiligheid", "beleid"}));
}

TEST(CompoundSplitter, RemovesTheLinkingEn) {
    const auto splitter = splitter_knowing({"boek", "winkel"});
    EXPECT_EQ(splitter.split("boekenwinkel"), (Parts{"boek", "winkel"}));
}

TEST(CompoundSplitter, SplitsThreeParts) {
    const auto splitter = splitter_knowing({"computer", "crisis", "teams"});
    EXPECT_EQ(splitter.split("computercrisisteams"), (Parts{"computer", "crisis", "teams"}));
}

TEST(CompoundSplitter, AsksAboutFewCandidatesForALongTokenThatIsNoCompound) {
    // Splitting recurses; without pruning a long token costs exponential
    // time (a one-word query of 1000 letters once took half a minute).
    std::size_t lookups = 0;
    const CompoundSplitter splitter([&lookups](const std::string& word) {
        ++lookups;
        return word == "aaa";
    });
    EXPECT_TRUE(splitter.split(std::string(60, 'a')).empty());
    EXPECT_LT(lookups, 20000u);
    EXPECT_TRUE(splitter.split(std::string(1000, 'b')).empty());
}

TEST(CompoundSplitter, LeavesAWordWithAnUnknownPartAlone) {
    const auto splitter = splitter_knowing({"terrorisme"});
    EXPECT_TRUE(splitter.split("terrorismefinanciering").empty());
}

TEST(CompoundSplitter, LeavesWordsWithDigitsAlone) {
    const auto splitter = splitter_knowing({"brief", "bijlage"});
    EXPECT_TRUE(splitter.split("brief1bijlage").empty());
    EXPECT_EQ(splitter.split("briefbijlage"), (Parts{"brief", "bijlage"}));
}

TEST(CompoundSplitter, RejectsPartsShorterThanTheMinimum) {
    const auto splitter = splitter_knowing({"over", "heden"});
    EXPECT_TRUE(CompoundSplitter([](const std::string& w) { return w == "heden" || w == "overh"; })
                    .split("overheden")
                    .empty());
    EXPECT_EQ(splitter.split("overheden"), (Parts{"over", "heden"}));
}

TEST(SeedLexicon, HoldsCommonPolicyWordsOnly) {
    EXPECT_TRUE(in_seed_lexicon("terrorisme"));
    EXPECT_TRUE(in_seed_lexicon("beleid"));
    EXPECT_FALSE(in_seed_lexicon("walvisachtigen"));
}

corpus::Document document_saying(const std::string& text) {
    corpus::Document document;
    document.id = "test";
    corpus::Passage passage;
    passage.text = text;
    document.passages.push_back(passage);
    return document;
}

TEST(AnalyzerCompoundParts, NeedsEveryPartToBeAWordOfItsOwn) {
    Analyzer analyzer;
    // "walvis" is in the document, "achtigen" is no word anywhere; "zee" is
    // shorter than a part may be.
    const auto document = document_saying("Walvisachtigen, de walvis, de Noordzee en de zee.");
    EXPECT_TRUE(analyzer.compound_parts("walvisachtigen", document).empty());
    EXPECT_TRUE(analyzer.compound_parts("noordzee", document).empty());
}

TEST(AnalyzerCompoundParts, DependsOnlyOnTheDocumentAndTheBuiltInLexicons) {
    Analyzer analyzer;
    // Neither "grutto" nor "nesten" is in the seed or the bilingual lexicon.
    const auto with_parts = document_saying("Gruttonesten: de grutto en haar nesten.");
    const auto without = document_saying("Gruttonesten zijn kwetsbaar.");
    EXPECT_EQ(analyzer.compound_parts("gruttonesten", with_parts), (Parts{"grutto", "nesten"}));
    EXPECT_TRUE(analyzer.compound_parts("gruttonesten", without).empty());
    // Asking again about the first document gives the same answer.
    EXPECT_EQ(analyzer.compound_parts("gruttonesten", with_parts), (Parts{"grutto", "nesten"}));
}

TEST(AnalyzerCompoundParts, SplitsOnWordsOfTheBilingualLexicon) {
    Analyzer analyzer;
    // "defensie" and "doeleinden" stand nowhere else in the document.
    const auto document = document_saying("Uitwisseling van gegevens voor defensiedoeleinden.");
    EXPECT_EQ(analyzer.compound_parts("defensiedoeleinden", document),
              (Parts{"defensie", "doeleinden"}));
}

}  // namespace
}  // namespace kamerzoek
