#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <regex>
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
    return kamerzoek::testing::read_one(*make_pdf_reader(), path);
}

bool has_bare_number_block(const Document& document) {
    static const std::regex bare(R"(\s*\d{1,3}\s*)");
    for (const Block& block : document.blocks) {
        if (std::regex_match(block.text, bare)) return true;
    }
    return false;
}

std::filesystem::path besluitenlijst(int n) {
    return shared_corpus_dir() / "besluitenlijsten-pdf" /
           ("besluitenlijst_example" + std::to_string(n) + ".pdf");
}

TEST(PdfReader, AcceptsOnlyBytesThatStartAsAPdf) {
    const auto reader = make_pdf_reader();
    EXPECT_TRUE(reader->accepts(SourceFile{"x.bin", "%PDF-1.7\n..."}));
    EXPECT_FALSE(reader->accepts(SourceFile{"brief.pdf", "Den Haag, 9 februari 2016"}));
    EXPECT_FALSE(reader->accepts(SourceFile{"brief.pdf", ""}));
}

TEST(PdfReader, ReadsALetterWithItsSubjectDateAndKind) {
    const Document letter = read_one(fixture("pdf/kamerbrief.pdf"));
    EXPECT_EQ(letter.kind, DocumentKind::kKamerbrief);
    EXPECT_EQ(letter.title, "Conferentie over terugkerende strijders");
    EXPECT_EQ(letter.date, "2016-02-09");
}

TEST(PdfReader, RejoinsWordsHyphenatedAtALineBreak) {
    const std::string text = all_text(read_one(fixture("pdf/kamerbrief.pdf")));
    EXPECT_NE(text.find("internationale samenwerking tegen"), std::string::npos) << text;
    EXPECT_NE(text.find("radicalisering"), std::string::npos) << text;
}

TEST(PdfReader, KeepsTheFootnoteApartFromTheText) {
    const Document letter = read_one(fixture("pdf/kamerbrief.pdf"));
    bool found = false;
    for (const Block& block : letter.blocks) {
        if (block.role == Block::Role::kFootnote) {
            found = true;
            EXPECT_EQ(block.label, "1");
            EXPECT_NE(block.text.find("29754"), std::string::npos);
        }
    }
    EXPECT_TRUE(found);
}

TEST(PdfReader, DropsTheRunningHeaderAndPageNumbers) {
    const Document letter = read_one(fixture("pdf/kamerbrief.pdf"));
    EXPECT_EQ(all_text(letter).find("Kenmerk BZ-2016-0042"), std::string::npos);
    EXPECT_FALSE(has_bare_number_block(letter));
    EXPECT_NE(all_text(letter).find("A.G. Koenders"), std::string::npos);
}

TEST(PdfReader, RejectsADamagedPdfWithAClearReason) {
    try {
        make_pdf_reader()->read(load(fixture("pdf/corrupt.pdf")));
        FAIL() << "a damaged PDF was read";
    } catch (const ReadError& error) {
        EXPECT_NE(std::string(error.what()).find("PDF could not be opened"), std::string::npos);
    }
}

TEST(PdfReader, RejectsAPdfWithoutATextLayerNamingItsPages) {
    try {
        make_pdf_reader()->read(load(fixture("pdf/blank-pages.pdf")));
        FAIL() << "a PDF without text was read";
    } catch (const ReadError& error) {
        EXPECT_STREQ(error.what(), "scanned PDF without a text layer (2 pages)");
    }
}

TEST(PdfReader, ReadsTheLongestDecisionListOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document list = read_one(besluitenlijst(2));
    EXPECT_EQ(list.kind, DocumentKind::kBesluitenlijst);
    EXPECT_EQ(list.title,
              "Besluitenlijst procedurevergadering vaste commissie voor Financiën 2016-10-26");
    EXPECT_EQ(list.date, "2016-10-28");
    const std::string text = all_text(list);
    EXPECT_NE(text.find("34417-(R2068)-7"), std::string::npos);
    EXPECT_NE(text.find("21501-07-1398"), std::string::npos);
    EXPECT_NE(text.find("33532-64"), std::string::npos);
    EXPECT_FALSE(has_bare_number_block(list));
}

TEST(PdfReader, GivesEachAgendaItemABlockOfItsOwnOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document list = read_one(besluitenlijst(2));
    int items = 0;
    for (const Block& block : list.blocks) {
        if (block.text.find("Agendapunt:") == std::string::npos) continue;
        ++items;
        EXPECT_EQ(block.text.find("Agendapunt:", block.text.find("Agendapunt:") + 1),
                  std::string::npos)
            << "two items in one block: " << block.text;
    }
    EXPECT_GE(items, 40);
    for (const Block& block : list.blocks) {
        if (block.text.find("34417-(R2068)-7") != std::string::npos) {
            EXPECT_NE(block.text.find("3. Agendapunt:"), std::string::npos);
            EXPECT_NE(block.text.find("Besluit: Betrekken"), std::string::npos);
        }
    }
}

TEST(PdfReader, ReadsADecisionListOfTwoThousandNineOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document list = read_one(besluitenlijst(1));
    EXPECT_EQ(list.kind, DocumentKind::kBesluitenlijst);
    EXPECT_EQ(list.title,
              "Besluitenlijst procedurevergadering vaste commissie voor Binnenlandse Zaken en "
              "Koninkrijksrelaties 2009-04-02");
    EXPECT_EQ(list.date, "2009-04-03");
    const std::string text = all_text(list);
    EXPECT_NE(text.find("30569-8"), std::string::npos);
    EXPECT_NE(text.find("31866-1"), std::string::npos);
    EXPECT_FALSE(has_bare_number_block(list));
}

TEST(PdfReader, ReadsAnEmailProcedureOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document list = read_one(besluitenlijst(3));
    EXPECT_EQ(list.kind, DocumentKind::kBesluitenlijst);
    EXPECT_EQ(list.title,
              "Besluitenlijst e-mailprocedure vaste commissie voor Binnenlandse Zaken 2015-03-26");
    EXPECT_EQ(list.date, "2015-03-27");
    EXPECT_NE(all_text(list).find("2015Z05561"), std::string::npos);
}

TEST(PdfReader, ReadsAnExtraMeetingOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document list = read_one(besluitenlijst(4));
    EXPECT_EQ(list.kind, DocumentKind::kBesluitenlijst);
    EXPECT_EQ(list.title,
              "Besluitenlijst extra procedurevergadering vaste commissie voor Buitenlandse Zaken "
              "2011-03-08");
    EXPECT_EQ(list.date, "2011-03-08");
    const std::string text = all_text(list);
    EXPECT_NE(text.find("Situatie drie Nederlandse militairen in Libië"), std::string::npos);
    EXPECT_NE(text.find("2011A00915"), std::string::npos);
}

TEST(PdfReader, NeverTakesWordProcessorNamesForTitlesOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    for (int n = 1; n <= 4; ++n) {
        const Document list = read_one(besluitenlijst(n));
        EXPECT_EQ(list.title.find("Microsoft"), std::string::npos) << list.title;
        EXPECT_EQ(list.title.find("Logo"), std::string::npos) << list.title;
    }
}

}  // namespace
}  // namespace kamerzoek::corpus
