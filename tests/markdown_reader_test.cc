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
    return kamerzoek::testing::read_one(*make_markdown_reader(), path);
}

bool has_block(const Document& document, Block::Role role, const std::string& text) {
    for (const Block& block : document.blocks) {
        if (block.role == role && block.text == text) return true;
    }
    return false;
}

std::filesystem::path treaty(const std::string& name) {
    return shared_corpus_dir() / "treaties-sample" / name;
}

TEST(MarkdownReader, AcceptsMarkdownByExtensionOrByItsMetaLine) {
    const auto reader = make_markdown_reader();
    EXPECT_TRUE(reader->accepts(SourceFile{"wet.md", "tekst"}));
    EXPECT_TRUE(reader->accepts(SourceFile{"README.MARKDOWN", "tekst"}));
    EXPECT_TRUE(reader->accepts(
        SourceFile{"wet", "<meta http-equiv='Content-Type' content='text/html' />\n\n##Wet\n"}));
    EXPECT_FALSE(reader->accepts(SourceFile{"wet.txt", "## Wet\n"}));
    EXPECT_FALSE(reader->accepts(SourceFile{"page.html", "<meta charset=utf-8>\n<p>x</p>"}));
}

TEST(MarkdownReader, ReadsHeadingsWrittenWithoutASpace) {
    const Document law = read_one(fixture("markdown/wet-met-tabel.md"));
    EXPECT_EQ(law.title, "Wet op de proeftuinen");
    EXPECT_TRUE(has_block(law, Block::Role::kHeading, "Hoofdstuk 1. Algemene bepalingen"));
    EXPECT_TRUE(has_block(law, Block::Role::kHeading, "Artikel 1"));
    EXPECT_EQ(law.kind, DocumentKind::kOther);
    EXPECT_EQ(law.language, Language::kUnknown);
}

TEST(MarkdownReader, StripsInlineMarkupAndKeepsLinkTexts) {
    const Document law = read_one(fixture("markdown/wet-met-tabel.md"));
    EXPECT_TRUE(has_block(law, Block::Role::kParagraph,
                          "In deze wet wordt verstaan onder proeftuin: een gebied dat bij "
                          "besluit is aangewezen, zie artikel 2."));
}

TEST(MarkdownReader, KeepsTableCellsAndDropsTheAlignmentRow) {
    const Document law = read_one(fixture("markdown/wet-met-tabel.md"));
    EXPECT_TRUE(has_block(law, Block::Role::kParagraph, "Gebied | Oppervlakte"));
    EXPECT_TRUE(has_block(law, Block::Role::kParagraph, "Zeeland | 12 ha"));
    EXPECT_EQ(all_text(law).find(":---"), std::string::npos);
    EXPECT_EQ(all_text(law).find("........"), std::string::npos);
}

TEST(MarkdownReader, KeepsNumberedItemsAndDropsBullets) {
    const Document law = read_one(fixture("markdown/wet-met-tabel.md"));
    EXPECT_TRUE(
        has_block(law, Block::Role::kParagraph, "1. Onze Minister wijst de proeftuinen aan."));
    EXPECT_TRUE(has_block(law, Block::Role::kParagraph, "het eerste lid"));
}

TEST(MarkdownReader, RefusesAFileWithOnlyItsMetaLine) {
    EXPECT_THROW(make_markdown_reader()->read(load(fixture("markdown/leeg.md"))), ReadError);
}

TEST(MarkdownReader, TakesTheDutchTitleOverAnEnglishTreatyOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document treaty_text = read_one(treaty("en-BWBV0001792.md"));
    EXPECT_EQ(treaty_text.id, "BWBV0001792");
    EXPECT_EQ(
        treaty_text.title.rfind("Administratief Akkoord tussen het Koninkrijk der Nederlanden "
                                "en de Republiek Indonesië",
                                0),
        0u)
        << treaty_text.title;
    EXPECT_TRUE(has_block(treaty_text, Block::Role::kHeading, "Article I"));
    EXPECT_TRUE(has_block(treaty_text, Block::Role::kHeading, "The Netherlands Contribution"));
}

TEST(MarkdownReader, KeepsTheCellsOfATreatysTableOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document agreement = read_one(treaty("en-BWBV0005065.md"));
    EXPECT_EQ(agreement.id, "BWBV0005065");
    EXPECT_TRUE(
        has_block(agreement, Block::Role::kParagraph,
                  "Total grant assistance requiring counterpart deposit | $ 114,949,423.37"));
    EXPECT_TRUE(has_block(agreement, Block::Role::kHeading, "ANNEX"));
}

TEST(MarkdownReader, ReadsABilingualTreatyWithChaptersAndArticlesOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document wppt = read_one(treaty("en-nl-BWBV0004061.md"));
    EXPECT_EQ(wppt.id, "BWBV0004061");
    EXPECT_EQ(wppt.title,
              "Verdrag van de Wereldorganisatie voor de intellectuele eigendom inzake uitvoeringen "
              "en fonogrammen (WPPT) (1996)");
    EXPECT_TRUE(has_block(wppt, Block::Role::kHeading, "CHAPTER I"));
    EXPECT_TRUE(has_block(wppt, Block::Role::kHeading, "Relation to Other Conventions"));
    const std::string text = all_text(wppt);
    EXPECT_NE(text.find("International Convention for the Protection of Performers"),
              std::string::npos);
    EXPECT_EQ(text.find("README.md"), std::string::npos);
    EXPECT_EQ(text.find("##"), std::string::npos);
}

TEST(MarkdownReader, ReadsEverySampleTreatyWithATitleAndHeadingsOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    int files = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(shared_corpus_dir() / "treaties-sample")) {
        const Document document = read_one(entry.path());
        ++files;
        EXPECT_FALSE(document.title.empty()) << entry.path();
        EXPECT_EQ(document.id.rfind("BWBV", 0), 0u) << entry.path();
        int headings = 0;
        for (const Block& block : document.blocks) headings += block.role == Block::Role::kHeading;
        EXPECT_GE(headings, 2) << entry.path();
        EXPECT_EQ(all_text(document).find("<meta"), std::string::npos) << entry.path();
    }
    EXPECT_EQ(files, 16);
}

}  // namespace
}  // namespace kamerzoek::corpus
