#include "corpus/extracted_text.h"

#include <gtest/gtest.h>

namespace kamerzoek::corpus {
namespace {

std::vector<std::string> no_vocabulary;

TEST(JoinHyphenated, RejoinsAWordSplitAtALineBreak) {
    EXPECT_EQ(join_hyphenated("samen", "werking", no_vocabulary), "samenwerking");
    EXPECT_EQ(join_hyphenated("Begrotingsbe", "handeling", no_vocabulary), "Begrotingsbehandeling");
}

TEST(JoinHyphenated, KeepsHyphensBeforeCapitalsAndBetweenClashingVowels) {
    EXPECT_EQ(join_hyphenated("anti", "ISIS", no_vocabulary), "anti-ISIS");
    EXPECT_EQ(join_hyphenated("EU", "landen", no_vocabulary), "EU-landen");
    EXPECT_EQ(join_hyphenated("re", "integratie", no_vocabulary), "re-integratie");
    EXPECT_EQ(join_hyphenated("co", "ouderschap", no_vocabulary), "co-ouderschap");
}

TEST(JoinHyphenated, FollowsTheSpellingUsedElsewhereInTheDocument) {
    const std::vector<std::string> vocabulary{"co-voorzitterschap"};
    EXPECT_EQ(join_hyphenated("co", "voorzitterschap", vocabulary), "co-voorzitterschap");
    const std::vector<std::string> closed{"covoorzitter"};
    EXPECT_EQ(join_hyphenated("co", "voorzitter", closed), "covoorzitter");
}

TEST(ParseDutchDate, ReadsADateline) {
    EXPECT_EQ(parse_dutch_date("Den Haag, 9 februari 2016"), "2016-02-09");
    EXPECT_EQ(parse_dutch_date("31 december 1999"), "1999-12-31");
    EXPECT_EQ(parse_dutch_date("in februari kwamen 2016 mensen"), "");
}

TEST(ParseExtractedText, RebuildsParagraphsHeadingsAndFootnotes) {
    const std::string text =
        " Den Haag, 3 maart 2020 \n\nDe internationale samen-\nwerking is belangrijk voor de\n"
        "re-integratie van terugkeerders, zie de brief1. \n\nUitkomsten \n\nDe tegoeden worden "
        "bevroren en de maatregel \n\nwordt verder geïntensiveerd. \n\n1 Kamerstuk 34 300 V, nr. "
        "30\n"
        " Het kabinet blijft zich inzetten. \n2\n";
    const ExtractedText parsed = parse_extracted_text(text);
    EXPECT_EQ(parsed.date, "2020-03-03");
    ASSERT_EQ(parsed.blocks.size(), 5u);
    EXPECT_EQ(parsed.blocks[0].text,
              "De internationale samenwerking is belangrijk voor de re-integratie van "
              "terugkeerders, zie de brief.");
    EXPECT_EQ(parsed.blocks[1].role, Block::Role::kHeading);
    EXPECT_EQ(parsed.blocks[1].text, "Uitkomsten");
    EXPECT_EQ(parsed.blocks[2].text,
              "De tegoeden worden bevroren en de maatregel wordt verder geïntensiveerd.");
    EXPECT_EQ(parsed.blocks[3].role, Block::Role::kFootnote);
    EXPECT_EQ(parsed.blocks[3].label, "1");
    EXPECT_EQ(parsed.blocks[3].text, "Kamerstuk 34 300 V, nr. 30");
    EXPECT_EQ(parsed.blocks[4].text, "Het kabinet blijft zich inzetten.");
}

TEST(ParseExtractedText, KeepsCharactersWhoseBytesLookLikeNoBreakSpaces) {
    // U+00AD (soft hyphen) and U+00B7 share their first byte with U+00A0.
    const ExtractedText parsed = parse_extracted_text(
        "\xC2\xAD"
        "een woord\xC2\xB7\n\xC2\xA0twee\xC2\xA0\n");
    ASSERT_EQ(parsed.blocks.size(), 1u);
    EXPECT_EQ(parsed.blocks[0].text,
              "\xC2\xAD"
              "een woord\xC2\xB7 twee");
}

}  // namespace
}  // namespace kamerzoek::corpus
