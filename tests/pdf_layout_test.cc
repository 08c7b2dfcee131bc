// How the PDF reader reads the layout of real papers: tables, covers,
// forms, datelines, letterheads on later pages, OCR'd pages and the fonts
// of headings.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "corpus/reader.h"
#include "corpus/readers/readers.h"
#include "tests/reader_test_support.h"
#include "tests/test_paths.h"

namespace kamerzoek::corpus {
namespace {

using kamerzoek::testing::all_text;
using kamerzoek::testing::fixture;
using kamerzoek::testing::load;
using kamerzoek::testing::shared_corpus_dir;

Document read_one(const std::filesystem::path& path) {
    return kamerzoek::testing::read_one(*make_pdf_reader(), path);
}

Document read_with_passages(const std::filesystem::path& path) {
    std::vector<Document> documents = read_file(load(path));
    EXPECT_EQ(documents.size(), 1u) << path;
    return documents.empty() ? Document{} : std::move(documents.front());
}

std::filesystem::path coronamelder(const std::string& name) {
    return shared_corpus_dir() / "annex-set-coronamelder" / name;
}

std::filesystem::path report() {
    return coronamelder("20200928 Duidingsrapportage Coronamelder.pdf");
}

std::filesystem::path woo(const std::string& prefix) {
    for (const auto& entry : std::filesystem::directory_iterator(shared_corpus_dir() / "woo-pdf")) {
        if (entry.path().filename().string().starts_with(prefix)) return entry.path();
    }
    ADD_FAILURE() << "no Woo PDF " << prefix;
    return {};
}

std::filesystem::path motie() {
    return shared_corpus_dir() / "repository-overheid" / "frbr" / "officielepublicaties" / "kst" /
           "32545" / "kst-32545-143" / "1" / "pdf" / "kst-32545-143.pdf";
}

std::vector<std::filesystem::path> pdfs_in(const std::string& folder) {
    std::vector<std::filesystem::path> found;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(shared_corpus_dir() / folder)) {
        if (entry.path().extension() == ".pdf") found.push_back(entry.path());
    }
    return found;
}

const Block* block_with(const Document& document, const std::string& words) {
    for (const Block& block : document.blocks) {
        if (block.text.find(words) != std::string::npos) return &block;
    }
    return nullptr;
}

// ---- fixtures ----

TEST(PdfLayout, KeepsATableAsRowsOfCellsNotFootnotesOrHeadings) {
    const Document document = read_one(fixture("pdf/table.pdf"));
    const Block* table = block_with(document, "Kamervragen");
    ASSERT_NE(table, nullptr) << all_text(document);
    EXPECT_EQ(table->role, Block::Role::kParagraph);
    EXPECT_NE(table->text.find("Effect | Score | Waardering\n"), std::string::npos) << table->text;
    EXPECT_NE(table->text.find("Kamervragen | 1 | Niet ernstig"), std::string::npos) << table->text;
    for (const Block& block : document.blocks) {
        EXPECT_NE(block.role, Block::Role::kFootnote) << block.text;
        EXPECT_NE(block.role, Block::Role::kHeading) << block.text;
    }
    // The sentence after the table is a paragraph of its own.
    const Block* after = block_with(document, "De normering is zo gekozen");
    ASSERT_NE(after, nullptr);
    EXPECT_TRUE(after->text.starts_with("De normering")) << after->text;
}

TEST(PdfLayout, AShortParagraphJoinedToATableKeepsALineOfItsOwn) {
    const Document document = read_with_passages(fixture("pdf/table.pdf"));
    bool found = false;
    for (const Passage& passage : document.passages) {
        if (passage.text.find("De normering is zo gekozen") == std::string::npos) continue;
        found = true;
        EXPECT_EQ(passage.text.find("Niet ernstig De normering"), std::string::npos)
            << passage.text;
    }
    EXPECT_TRUE(found);
}

TEST(PdfLayout, KeepsTheNumbersOfAnOcrTextLayer) {
    const std::string text = all_text(read_one(fixture("pdf/ocr-layer.pdf")));
    EXPECT_NE(text.find("uiterlijk vrijdag 11 september te tekenen"), std::string::npos) << text;
    EXPECT_NE(text.find("op 4 oktober, 18 oktober en 8 november"), std::string::npos) << text;
}

// ---- the CoronaMelder report and its annexes ----

TEST(PdfLayout, ReadsTheReportsTablesAsRowsOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_one(report());
    const Block* table = block_with(document, "Kabinetscrisis/bewindspersoon treedt af");
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->role, Block::Role::kParagraph);
    EXPECT_NE(table->text.find("Kabinetscrisis/bewindspersoon treedt af | 5 Catastrofaal\n"),
              std::string::npos)
        << table->text;
    for (const Block& block : document.blocks) {
        if (block.role == Block::Role::kFootnote) {
            EXPECT_EQ(block.text.find("Catastrofaal"), std::string::npos) << block.text;
            EXPECT_EQ(block.text.find("Instabiele omgeving"), std::string::npos) << block.text;
        }
        if (block.role == Block::Role::kHeading) {
            for (const char* cell : {"Effect", "Score Waardering", "Foutmodus", "Ernst"}) {
                EXPECT_NE(block.text, cell);
            }
        }
    }
}

TEST(PdfLayout, JoinsACellWrappedOverSeveralLinesOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document codereview =
        read_one(coronamelder("Bijlage I - Codereview Radically Open Security.pdf"));
    const std::string text = all_text(codereview);
    EXPECT_NE(text.find("NLC-007 Privacy issue The decoy traffic analysis is not in line with the "
                        "design and does not seem to be able to successfully mimic real traffic. | "
                        "Moderate\n"),
              std::string::npos)
        << text.substr(0, 6000);
    // A first cell wrapped too ("NLC-" over "025") is one cell of one row.
    const std::string report_text = all_text(read_one(report()));
    EXPECT_NE(report_text.find("NLC- ROS 025 | Old Diagnosis Keys Are Not Deleted | Uploaded "
                               "diagnosis keys are not deleted, only marked as published. | "
                               "Opgelost"),
              std::string::npos);
}

TEST(PdfLayout, KeepsTheReportsHeadingsApartFromTheirParagraphsOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_with_passages(report());
    bool found = false;
    for (const Passage& passage : document.passages) {
        EXPECT_FALSE(passage.text.starts_with("Verloop ziekte vaak langer dan gedacht"))
            << passage.text;
        if (passage.text.starts_with("Het verloop van COVID-19 duurt veelal langer")) {
            found = true;
            EXPECT_EQ(passage.section, "Verloop ziekte vaak langer dan gedacht");
        }
    }
    EXPECT_TRUE(found);
}

TEST(PdfLayout, LeavesTheReportsCoverAndContentsOutOfThePassagesOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_with_passages(report());
    EXPECT_EQ(document.title, "Duidingsrapportage CoronaMelder");
    for (const Passage& passage : document.passages) {
        EXPECT_EQ(passage.text.find("Stand van zaken, lanceringsadvies"), std::string::npos);
        EXPECT_EQ(passage.text.find("......"), std::string::npos) << passage.text;
    }
}

TEST(PdfLayout, DropsBijlageAsSplitPageFooterOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_one(coronamelder("Bijlage A - DPIA Coronamelder.pdf"));
    for (const Block& block : document.blocks) {
        EXPECT_EQ(block.text.find("| 75"), std::string::npos) << block.text;
        EXPECT_EQ(block.text.find("Gegevensbeschermingseffectbeoordeling | PIA"), std::string::npos)
            << block.text;
    }
}

TEST(PdfLayout, FoldsLigaturesEverywhereOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document codereview =
        read_with_passages(coronamelder("Bijlage I - Codereview Radically Open Security.pdf"));
    EXPECT_NE(all_text(codereview).find("Dutch COVID-19 Notification App"), std::string::npos);
    for (const std::filesystem::path& path : pdfs_in("annex-set-coronamelder")) {
        const Document document = read_with_passages(path);
        for (const char* ligature : {"\xEF\xAC\x80", "\xEF\xAC\x81", "\xEF\xAC\x82"}) {
            EXPECT_EQ(document.title.find(ligature), std::string::npos) << path;
            for (const Passage& passage : document.passages) {
                EXPECT_EQ(passage.section.find(ligature), std::string::npos)
                    << path << ": " << passage.section;
                EXPECT_EQ(passage.text.find(ligature), std::string::npos) << path;
            }
        }
    }
}

TEST(PdfLayout, LeavesBijlageKsCoverFormOutOfThePassagesOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document =
        read_with_passages(coronamelder("Bijlage K - Rapportage Penetratietest.pdf"));
    EXPECT_EQ(document.title, "Rapportage Penetratietest");
    ASSERT_FALSE(document.passages.empty());
    for (const Passage& passage : document.passages) {
        EXPECT_EQ(passage.text.find("Klantnaam:"), std::string::npos) << passage.text;
        EXPECT_EQ(passage.text.find("Projectnaam:"), std::string::npos) << passage.text;
    }
}

TEST(PdfLayout, ReadsANotesHeadAsMetadataOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document note =
        read_with_passages(coronamelder("Bijlage C - Juridische Analyse Landsadvocaat.pdf"));
    EXPECT_EQ(note.title,
              "Juridische analyse - advies Autoriteit Persoonsgegeven inzake de DPIA van de "
              "CoronaMelder");
    EXPECT_EQ(note.date, "2020-08-12");
    ASSERT_FALSE(note.passages.empty());
    EXPECT_TRUE(note.passages.front().text.starts_with("De Autoriteit Persoonsgegevens"))
        << note.passages.front().text;
    for (const Passage& passage : note.passages) {
        EXPECT_EQ(passage.text.find("zaaknr"), std::string::npos) << passage.text;
    }
}

TEST(PdfLayout, ReadsASubjectSetUnderItsLabelAsLetterheadOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document advice =
        read_with_passages(coronamelder("Bijlage B - Advies Autoriteit Persoonsgegevens.pdf"));
    EXPECT_EQ(advice.title, "Advies op voorafgaande raadpleging COVID19 notificatie-app");
    EXPECT_EQ(advice.kenmerk, "z2020-11824");
    ASSERT_FALSE(advice.passages.empty());
    EXPECT_TRUE(advice.passages.front().text.starts_with("De Autoriteit Persoonsgegevens heeft op"))
        << advice.passages.front().text;
}

// ---- a BNC fiche ----

TEST(PdfLayout, FindsFootnotesWhoseNumbersComeAfterThePageOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    // Poppler gives the numbers of the fiche's notes 1 and 2 after the page
    // number; the notes are notes all the same, and the paragraph they
    // interrupted goes on over the page.
    const Document fiche = read_with_passages(
        shared_corpus_dir() / "kamerbrief-pdf" /
        "fiche-5-herziening-verordening-en-richtlijn-markten-voor-financiele-instrumenten.pdf");
    const Block* first = block_with(fiche, "BNC-fiche Mededeling nieuw Actieplan");
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->role, Block::Role::kFootnote);
    EXPECT_EQ(first->label, "1");
    const Block* second = block_with(fiche, "Brokers zijn beleggingsondernemingen");
    ASSERT_NE(second, nullptr);
    EXPECT_EQ(second->role, Block::Role::kFootnote);
    EXPECT_EQ(second->label, "2");
    const Block* paragraph = block_with(fiche, "per activaklasse (aandelen,");
    ASSERT_NE(paragraph, nullptr);
    EXPECT_NE(paragraph->text.find("(aandelen, ETF"), std::string::npos) << paragraph->text;
}

// ---- a motion ----

TEST(PdfLayout, ReadsAMotionsDatelineAsItsDateOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_with_passages(motie());
    EXPECT_EQ(document.date, "2021-07-06");
    ASSERT_FALSE(document.passages.empty());
    EXPECT_TRUE(document.passages.front().text.starts_with("De Kamer,"))
        << document.passages.front().text;
    EXPECT_EQ(all_text(document).find("Voorgesteld"), std::string::npos);
}

// ---- Woo releases ----

TEST(PdfLayout, KeepsTheNumbersOfOcrdPagesOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const std::string nota = all_text(read_one(woo("171059")));
    EXPECT_NE(nota.find("uiterlijk vrijdag 11 september te tekenen"), std::string::npos) << nota;
    const std::string mail = all_text(read_one(woo("VWS-WOO-204737")));
    EXPECT_NE(mail.find("4 oktober, 18 oktober, 8 november, 22 november en 6 december"),
              std::string::npos)
        << mail;
    EXPECT_NE(mail.find("(ingezonden 25 september 2020)"), std::string::npos) << mail;
}

TEST(PdfLayout, TakesTheLetterheadOffALetterOnALaterPageOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_one(woo("171059"));
    const std::string text = all_text(document);
    for (const char* letterhead :
         {"Retouradres", "Bezoekadres", "Parnassusplein", "rijksoverheid.nl", "1742228-209922-PG",
          "Correspondentie", "Betreft"}) {
        EXPECT_EQ(text.find(letterhead), std::string::npos) << letterhead << " in\n" << text;
    }
    EXPECT_NE(text.find("Op 26 juni heb ik u opdracht gegeven"), std::string::npos);
}

TEST(PdfLayout, ReadsAnOcrdEmailThreadWithoutHeadingsOrHeaderNoiseOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_one(woo("VWS-WOO-204737"));
    // OCR's readings of "Van:" in the quoted messages' headers.
    static const std::regex mangled_label(R"((^|\s)(ven|ver):)");
    for (const Block& block : document.blocks) {
        EXPECT_NE(block.role, Block::Role::kHeading) << block.text;
        EXPECT_FALSE(std::regex_search(block.text, mangled_label)) << block.text;
    }
}

TEST(PdfLayout, LeavesAttachmentNamesOutOfAnEmailsTextOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_one(woo("VWS-WOO-183617"));
    ASSERT_FALSE(document.blocks.empty());
    EXPECT_EQ(all_text(document).find(".docx"), std::string::npos) << all_text(document);
    EXPECT_TRUE(document.blocks.front().text.starts_with("Hoi")) << document.blocks.front().text;
}

}  // namespace
}  // namespace kamerzoek::corpus
