#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "corpus/reader.h"
#include "corpus/readers/readers.h"
#include "tests/reader_test_support.h"
#include "tests/test_paths.h"

namespace kamerzoek::corpus {
namespace {

using kamerzoek::testing::fixture;
using kamerzoek::testing::shared_corpus_dir;

using kamerzoek::testing::all_text;
using kamerzoek::testing::load;

Document read_one(const std::filesystem::path& path) {
    return kamerzoek::testing::read_one(*make_html_reader(), path);
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::filesystem::path tweedekamer_page(const std::string& name) {
    return shared_corpus_dir() / "tweedekamer-html" / name;
}

TEST(HtmlReader, AcceptsPagesByTheirContent) {
    const auto reader = make_html_reader();
    EXPECT_TRUE(reader->accepts(SourceFile{"page.txt", "\n  <!DOCTYPE HTML>\n<html>"}));
    EXPECT_TRUE(reader->accepts(SourceFile{"page", "<HTML><BODY>x</BODY></HTML>"}));
    EXPECT_FALSE(reader->accepts(SourceFile{"page.html", "Den Haag, 9 februari 2016"}));
    EXPECT_FALSE(
        reader->accepts(SourceFile{"x.xml", "<?xml version=\"1.0\"?><officiele-publicatie/>"}));
}

TEST(HtmlReader, TakesTheTitleFromTheTitleElementWithoutTheSiteName) {
    const Document page = read_one(fixture("html/kamerbrief-page.html"));
    EXPECT_EQ(page.title, "Kabinetsreactie op het advies over de Kieswet");
}

TEST(HtmlReader, ReadsTheLetterPagesDateNumberAndKind) {
    const Document page = read_one(fixture("html/kamerbrief-page.html"));
    EXPECT_EQ(page.kind, DocumentKind::kKamerbrief);
    EXPECT_EQ(page.date, "2019-03-04");
    EXPECT_EQ(page.dossier, "35165");
    EXPECT_EQ(page.number, "12");
}

TEST(HtmlReader, KeepsHeadingsParagraphsListItemsAndTableRows) {
    const Document page = read_one(fixture("html/kamerbrief-page.html"));
    ASSERT_FALSE(page.blocks.empty());
    EXPECT_EQ(page.blocks.front().role, Block::Role::kHeading);
    EXPECT_EQ(page.blocks.front().text, "Brief regering");
    const std::string text = all_text(page);
    EXPECT_TRUE(
        contains(text, "de kabinetsreactie aan op het advies over de wijziging van de Kieswet."));
    EXPECT_TRUE(contains(text, "De wet treedt in 2021 in werking."));
    EXPECT_TRUE(contains(text, "VVD | 33"));
}

TEST(HtmlReader, LeavesOutNavigationCookiesScriptsAndFooter) {
    const std::string text = all_text(read_one(fixture("html/kamerbrief-page.html")));
    for (const char* noise : {"Kamerleden", "cookies", "tracking", "Colofon", "Uw privacy",
                              "Download het kamerstuk", "color: red", "Home"}) {
        EXPECT_FALSE(contains(text, noise)) << noise << " in\n" << text;
    }
}

TEST(HtmlReader, RefusesAPageThatIsOnlyNavigation) {
    EXPECT_THROW(make_html_reader()->read(load(fixture("html/navigation-only.html"))), ReadError);
}

TEST(HtmlReader, FallsBackToTheBodyWithoutItsLinkListsWhenThereIsNoContainer) {
    const Document page = read_one(fixture("html/no-container.html"));
    EXPECT_EQ(page.title, "Verslag van een werkbezoek");
    const std::string text = all_text(page);
    EXPECT_TRUE(contains(text, "Oosterscheldekering"));
    EXPECT_FALSE(contains(text, "Drie"));
}

TEST(HtmlReader, TakesThePageTitleNotTheWrongMetaTitleOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document motion = read_one(tweedekamer_page("2015D04817.html"));
    EXPECT_EQ(motion.title,
              "Wijziging van de Auteurswet en de Wet op de naburige rechten in verband met de "
              "versterking van de positie van de auteur en de uitvoerende kunstenaar bij "
              "overeenkomsten betreffende het auteursrecht en het naburig recht (Wet "
              "auteurscontractenrecht)");
    const Document votes = read_one(tweedekamer_page("2015P02267.html"));
    EXPECT_EQ(votes.title, "Moties ingediend bij Wet auteurscontractenrecht");
    EXPECT_FALSE(contains(motion.title + votes.title, "windenergie"));
    EXPECT_FALSE(contains(votes.title, "bedrijfslichamen"));
}

TEST(HtmlReader, ReadsTheMotionPageMetadataOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document motion = read_one(tweedekamer_page("2015D04817.html"));
    EXPECT_EQ(motion.id, "2015D04817");
    EXPECT_EQ(motion.date, "2015-02-10");
    EXPECT_EQ(motion.kind, DocumentKind::kKamerstuk);
    EXPECT_EQ(motion.dossier, "33308");
    EXPECT_EQ(motion.number, "13");
}

TEST(HtmlReader, KeepsTheMotionAndItsVoteOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const std::string text = all_text(read_one(tweedekamer_page("2015D04817.html")));
    EXPECT_TRUE(contains(text,
                         "Motie van het lid Helder over bewerkstelligen dat de "
                         "geschillencommissie er daadwerkelijk komt"));
    EXPECT_TRUE(contains(text, "Besluit: Verworpen."));
    EXPECT_TRUE(contains(text, "Indiener: Lilian Helder, Kamerlid PVV"));
}

TEST(HtmlReader, ListsEveryMotionOfTheVotePageOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document votes = read_one(tweedekamer_page("2015P02267.html"));
    EXPECT_EQ(votes.id, "2015P02267");
    EXPECT_EQ(votes.date, "2015-02-12");
    int motions = 0;
    for (const Block& block : votes.blocks) {
        if (block.role == Block::Role::kHeading && contains(block.text, "otie van het lid")) {
            ++motions;
        }
    }
    EXPECT_EQ(motions, 4);
}

TEST(HtmlReader, LeavesOutTheSitesNavigationOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    for (const char* name : {"2015D04817.html", "2015P02267.html"}) {
        const std::string text = all_text(read_one(tweedekamer_page(name)));
        for (const char* noise : {"Colofon", "Disclaimer", "Uw privacy", "Deel dit via", "Facebook",
                                  "LinkedIn", "Direct naar het begin", "cookie", "Kamerleden\n",
                                  "lees de pagina voor", "bekijk de stemverhoudingen"}) {
            EXPECT_FALSE(contains(text, noise)) << noise << " in " << name;
        }
    }
}

}  // namespace
}  // namespace kamerzoek::corpus
