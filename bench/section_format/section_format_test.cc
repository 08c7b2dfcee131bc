// The section-format experiment's own checks: the stored record, the
// grouping specs, and passages ranked inside a section document.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "bench/section_format/section_builder.h"
#include "bench/section_format/section_searcher.h"
#include "bench/section_format/section_store.h"

namespace kamerzoek::sections {
namespace {

namespace fs = std::filesystem;

TEST(SectionStore, RoundTripsPassagesAndTheirTexts) {
    StoredPassage first;
    first.ordinal = 3;
    first.lang = "nl";
    first.begin = 1;
    first.end = 12;
    first.length = 30;
    first.section = "Artikel 1";
    first.refs = {"kst-34300-V-30", "h-tk-20152016-26-5"};
    StoredPassage second;
    second.ordinal = 4;
    second.lang = "en";
    second.begin = 113;
    second.end = 120;
    second.footnote = true;
    const std::string record =
        encode_section("doc-1", {first, second}, {"Eerste\nregel.", "Second one."});
    const StoredSection section = decode_section(record);
    ASSERT_EQ(section.passages.size(), 2u);
    EXPECT_EQ(section.doc_id, "doc-1");
    EXPECT_EQ(section.passages[0].text, "Eerste\nregel.");
    EXPECT_EQ(section.passages[0].refs, first.refs);
    EXPECT_EQ(section.passages[0].length, 30u);
    EXPECT_EQ(section.passages[0].section, "Artikel 1");
    EXPECT_EQ(section.passages[1].text, "Second one.");
    EXPECT_EQ(section.passages[1].begin, 113u);
    EXPECT_TRUE(section.passages[1].footnote);
}

TEST(SectionStore, RefusesATruncatedRecord) {
    const std::string record = encode_section("doc-1", {StoredPassage{}}, {"Some text."});
    EXPECT_THROW(decode_section(record.substr(0, record.size() - 4)), std::runtime_error);
}

TEST(SectionGrouping, ParsesHeadingAndRunSpecs) {
    EXPECT_TRUE(Grouping::parse("heading").by_heading);
    EXPECT_EQ(Grouping::parse("heading:16").max_passages, 16u);
    const Grouping run = Grouping::parse("run:8");
    EXPECT_FALSE(run.by_heading);
    EXPECT_EQ(run.max_passages, 8u);
    EXPECT_THROW(Grouping::parse("run"), std::runtime_error);
    EXPECT_THROW(Grouping::parse("chapter:3"), std::runtime_error);
}

class SectionSearchTest : public ::testing::Test {
  protected:
    void SetUp() override {
        fs::create_directories(dir_ / "corpus");
        std::ofstream(dir_ / "corpus" / "regels.md")
            << "# Belastingen\n\n"
               "De gemeente heft jaarlijks een belasting op het houden van honden binnen de "
               "bebouwde kom, te betalen door iedere houder.\n\n"
               "# Evenementen\n\n"
               "Een vergunning voor evenementen op de openbare weg wordt door de burgemeester "
               "verleend na advies van de politie en de brandweer.\n\n"
               "The municipality levies an annual tax on keeping dogs within the built-up area, "
               "payable by every keeper of a dog in the town.\n";
        BuildOptions options;
        options.grouping = Grouping::parse("run:8");
        const BuildReport report =
            build_section_index({(dir_ / "corpus").string()}, dir_ / "db", options);
        ASSERT_EQ(report.failed, 0u);
        ASSERT_EQ(report.sections, 1u);  // all passages in one Xapian document
        ASSERT_GE(report.passages, 3u);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::vector<SectionHit> search(const std::string& query) {
        SectionSearcher searcher((dir_ / "db" / "index").string());
        SectionSearchOptions options;
        options.per_document = 0;
        return searcher.search(query, options);
    }

    fs::path dir_ =
        fs::temp_directory_path() / ("section-format-test-" + std::to_string(::getpid()));
};

TEST_F(SectionSearchTest, RanksThePassageHoldingTheQueryWordsFirst) {
    const std::vector<SectionHit> hits = search("vergunning evenementen");
    ASSERT_FALSE(hits.empty());
    EXPECT_NE(hits.front().text.find("vergunning voor evenementen"), std::string::npos);
    for (std::size_t i = 1; i < hits.size(); ++i) EXPECT_LT(hits[i].score, hits.front().score);
}

TEST_F(SectionSearchTest, FindsAStemThroughTheWordsOfThePassage) {
    // "honden" is indexed as a word with positions; the query's "hond" only
    // as the stem, which has none. (Its translation "dog" finds the English
    // passage too, lower.)
    const std::vector<SectionHit> hits = search("hond");
    ASSERT_FALSE(hits.empty());
    EXPECT_NE(hits.front().text.find("honden"), std::string::npos);
    EXPECT_EQ(hits.front().lang, "nl");
}

TEST_F(SectionSearchTest, ChecksTheLanguageFilterPerPassage) {
    const std::vector<SectionHit> hits = search("lang:en dogs");
    ASSERT_FALSE(hits.empty());
    for (const SectionHit& hit : hits) EXPECT_EQ(hit.lang, "en");
}

TEST_F(SectionSearchTest, KeepsPhrasesInsideOnePassage) {
    // "houder" ends one passage's text; no phrase reaches into the next one.
    EXPECT_TRUE(search("\"houder een vergunning\"").empty());
    EXPECT_EQ(search("\"vergunning voor evenementen\"").size(), 1u);
}

}  // namespace
}  // namespace kamerzoek::sections
