#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <string>

#include "corpus/extracted_text.h"
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

// ---- letters in the government's house style ----

std::filesystem::path draagmoederschap_letter() {
    return shared_corpus_dir() / "kamerbrief-pdf" / "plooicb-2011-5424" / "1" / "pdf" /
           "20110301-5687928a-draagmoederschap.pdf";
}

std::filesystem::path coronamelder(const std::string& name) {
    return shared_corpus_dir() / "annex-set-coronamelder" / name;
}

const Block* block_with(const Document& document, const std::string& words) {
    for (const Block& block : document.blocks) {
        if (block.text.find(words) != std::string::npos) return &block;
    }
    return nullptr;
}

TEST(PdfReader, ReadsTheLetterheadAndSideColumnAsMetadata) {
    const Document letter = read_one(fixture("pdf/house-style-letter.pdf"));
    EXPECT_EQ(letter.kind, DocumentKind::kKamerbrief);
    EXPECT_EQ(letter.title, "Toekomst van het erfrecht");
    EXPECT_EQ(letter.date, "2024-03-04");
    const std::string text = all_text(letter);
    for (const char* furniture : {"Retouradres", "Voorzitter", "Postbus", "Directoraat-Generaal",
                                  "Turfmarkt", "Ons kenmerk", "Onderwerp", "Datum", "Pagina"}) {
        EXPECT_EQ(text.find(furniture), std::string::npos) << furniture << " in\n" << text;
    }
    ASSERT_FALSE(letter.blocks.empty());
    EXPECT_TRUE(letter.blocks.front().text.starts_with("Met deze brief informeer ik"));
}

TEST(PdfReader, KeepsTheHyphenOfASuspendedCompoundAtALineBreak) {
    const std::string text = all_text(read_one(fixture("pdf/house-style-letter.pdf")));
    EXPECT_NE(text.find("Het kabinet wil de wet- en regelgeving moderniseren."), std::string::npos)
        << text;
    EXPECT_EQ(text.find("weten regelgeving"), std::string::npos) << text;
}

TEST(PdfReader, MakesABoldLineAHeadingAndASuperscriptAFootnoteMarker) {
    const Document letter = read_one(fixture("pdf/house-style-letter.pdf"));
    const Block* heading = block_with(letter, "Erfopvolging");
    ASSERT_NE(heading, nullptr);
    EXPECT_EQ(heading->role, Block::Role::kHeading);
    EXPECT_EQ(heading->text, "Erfopvolging");
    const Block* note = block_with(letter, "33 836, nr. 80");
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(note->role, Block::Role::kFootnote);
    EXPECT_EQ(note->label, "1");
    EXPECT_EQ(note->text, "Kamerstukken II 2023/24, 33 836, nr. 80.");
    // The sentence cut by the page break is whole, and its marker is gone.
    const Block* sentence = block_with(letter, "naar draagmoederschap bleek dat");
    ASSERT_NE(sentence, nullptr) << all_text(letter);
    EXPECT_NE(sentence->text.find("vraag wie erfgenaam is van het kind."), std::string::npos);
}

TEST(PdfReader, KnowsAPrintedKamerstukByItsOwnId) {
    const Document paper = read_one(fixture("pdf/printed-kamerstuk.pdf"));
    EXPECT_EQ(paper.id, "kst-36123-7");
    EXPECT_EQ(paper.kind, DocumentKind::kKamerstuk);
    EXPECT_EQ(paper.dossier, "36123");
    EXPECT_EQ(paper.number, "7");
    EXPECT_EQ(paper.vergaderjaar, "2023-2024");
    EXPECT_EQ(paper.title,
              "Regels over het bewaren van archieven; BRIEF VAN DE MINISTER VAN ONDERWIJS");
    const std::string text = all_text(paper);
    EXPECT_EQ(text.find("36 123"), std::string::npos) << text;
    EXPECT_EQ(text.find("kst-36123-7"), std::string::npos) << text;
    EXPECT_EQ(text.find("ISSN"), std::string::npos) << text;
}

TEST(PdfReader, ReadsTheDraagmoederschapLetterheadAsMetadataOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document letter = read_one(draagmoederschap_letter());
    EXPECT_EQ(letter.kind, DocumentKind::kKamerbrief);
    EXPECT_EQ(letter.title, "Draagmoederschap");
    EXPECT_EQ(letter.date, "2011-03-01");
    const std::string text = all_text(letter);
    for (const char* furniture :
         {"Retouradres", "Staten-Generaal", "Directoraat-Generaal", "Sancties", "Schedeldoekshaven",
          "rijksoverheid.nl", "5687928", "Onderwerp", "Pagina"}) {
        EXPECT_EQ(text.find(furniture), std::string::npos) << furniture;
    }
    ASSERT_FALSE(letter.blocks.empty());
    EXPECT_TRUE(letter.blocks.front().text.starts_with(
        "Draagmoederschap is een complex onderwerp waar de samenleving"))
        << letter.blocks.front().text;
}

TEST(PdfReader, GivesTheDraagmoederschapLetterItsHeadingsOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document letter = read_one(draagmoederschap_letter());
    std::vector<std::string> headings;
    for (const Block& block : letter.blocks) {
        if (block.role == Block::Role::kHeading) headings.push_back(block.text);
    }
    const std::vector<std::string> expected{"Rapport",
                                            "Vraagstukken rond het draagmoederschap",
                                            "Vrijwilligheid",
                                            "Belangen",
                                            "Draagmoederschap of adoptie?",
                                            "Handhaafbaarheid van normen en regels"};
    EXPECT_EQ(headings, expected);
    const Block* after = block_with(letter, "In het rapport wordt eerst de situatie");
    ASSERT_NE(after, nullptr);
    EXPECT_TRUE(after->text.starts_with("In het rapport")) << after->text;
}

TEST(PdfReader, JoinsTheDraagmoederschapLetterAcrossPagesAndFootnotesOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document letter = read_one(draagmoederschap_letter());
    const std::string text = all_text(letter);
    EXPECT_NE(text.find("wet- en regelgeving"), std::string::npos);
    EXPECT_EQ(text.find("weten regelgeving"), std::string::npos);
    EXPECT_EQ(text.find("draagmoederschap.1"), std::string::npos);
    EXPECT_NE(text.find("ideëel hoogtechnologisch draagmoederschap. Het VUmc"), std::string::npos);
    // Page 1 to 2, and page 2 to 3 across the footnote between them.
    EXPECT_NE(text.find("tien gevallen in aanraking te komen"), std::string::npos);
    EXPECT_NE(text.find("vanuit het belang van het kind wordt benaderd"), std::string::npos);
    const Block* note = block_with(letter, "Bij hoogtechnologisch draagmoederschap");
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(note->role, Block::Role::kFootnote);
    EXPECT_EQ(note->label, "1");
    EXPECT_NE(note->text.find("De draagmoeder is dan de genetische moeder."), std::string::npos);
}

TEST(PdfReader, PassageZeroOfTheDraagmoederschapLetterIsBodyTextOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const std::vector<Document> documents = read_file(load(draagmoederschap_letter()));
    ASSERT_EQ(documents.size(), 1u);
    ASSERT_FALSE(documents.front().passages.empty());
    const Passage& first = documents.front().passages.front();
    EXPECT_TRUE(first.text.starts_with("Draagmoederschap is een complex onderwerp")) << first.text;
    for (const Passage& passage : documents.front().passages) {
        if (passage.text.starts_with("De vrijwillige en geïnformeerde")) {
            EXPECT_EQ(passage.section, "Vrijwilligheid");
        }
        EXPECT_FALSE(passage.text.starts_with("Vrijwilligheid")) << passage.text;
    }
}

TEST(PdfReader, KnowsBijlageDByItsPrintedKamerstukIdOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document paper = read_one(coronamelder("Bijlage D - Advies Raad van State.pdf"));
    EXPECT_EQ(paper.id, "kst-35538-4");
    EXPECT_EQ(paper.kind, DocumentKind::kKamerstuk);
    EXPECT_EQ(paper.dossier, "35538");
    EXPECT_EQ(paper.vergaderjaar, "2019-2020");
    EXPECT_TRUE(
        paper.title.starts_with("Tijdelijke bepalingen in verband met de inzet van een "
                                "notificatieapplicatie"))
        << paper.title;
    EXPECT_NE(paper.title.find("ADVIES AFDELING ADVISERING RAAD VAN STATE EN NADER RAPPORT"),
              std::string::npos)
        << paper.title;
    const std::string text = all_text(paper);
    EXPECT_EQ(text.find("kst-35538-4"), std::string::npos);
    EXPECT_EQ(text.find("35 538, nr. 4"), std::string::npos);
    EXPECT_EQ(text.find("ISSN"), std::string::npos);
    const Block* note = block_with(paper, "De oorspronkelijke tekst van het voorstel van wet");
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(note->role, Block::Role::kFootnote);
    EXPECT_EQ(note->label, "1");
    const std::vector<Document> read =
        read_file(load(coronamelder("Bijlage D - Advies Raad van State.pdf")));
    for (const Passage& passage : read.front().passages) {
        for (const Reference& reference : passage.references) {
            EXPECT_NE(reference.id, "kst-35538-4") << "cites itself: " << passage.text;
        }
    }
}

TEST(PdfReader, GivesReportsAndWooPdfsRealTitlesOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const std::map<std::string, std::string> expected{
        {"kamerbrief-pdf/fiche-5-herziening-verordening-en-richtlijn-markten-voor-financiele-"
         "instrumenten.pdf",
         "Fiche 5: Herziening verordening en richtlijn markten voor financiële instrumenten"},
        {"annex-set-coronamelder/20200928 Duidingsrapportage Coronamelder.pdf",
         "Duidingsrapportage CoronaMelder"},
        {"annex-set-coronamelder/Bijlage E - Second Opinion CoronaMelder App v2a.pdf",
         "Second Opinion DPIA CoronaMelder App"},
        {"annex-set-coronamelder/Bijlage K - Rapportage Penetratietest.pdf",
         "Rapportage Penetratietest"},
    };
    for (const auto& [file, title] : expected) {
        EXPECT_EQ(read_one(shared_corpus_dir() / file).title, title) << file;
    }
    static const std::regex junk(
        R"(^(Definitief|Document Properties|Toelichting invullen.*|Hoi|Groeten.*|Inhoud|Samenvatting|\d.*\d)$)");
    for (const char* folder : {"kamerbrief-pdf", "annex-set-coronamelder", "woo-pdf"}) {
        for (const auto& entry :
             std::filesystem::recursive_directory_iterator(shared_corpus_dir() / folder)) {
            if (entry.path().extension() != ".pdf") continue;
            const Document document = read_one(entry.path());
            EXPECT_FALSE(document.title.empty()) << entry.path();
            EXPECT_FALSE(std::regex_match(document.title, junk))
                << entry.path() << ": " << document.title;
            EXPECT_TRUE(parse_dutch_date(" " + document.title + " ").empty() ||
                        document.title.size() > 40)
                << entry.path() << ": " << document.title;
        }
    }
}

TEST(PdfReader, KeepsTheHeadingsOfAFicheApartOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document fiche = read_one(
        shared_corpus_dir() / "kamerbrief-pdf" /
        "fiche-5-herziening-verordening-en-richtlijn-markten-voor-financiele-instrumenten.pdf");
    const Block* general = block_with(fiche, "Algemene gegevens");
    ASSERT_NE(general, nullptr);
    EXPECT_EQ(general->role, Block::Role::kHeading);
    EXPECT_EQ(general->text, "1. Algemene gegevens");
    EXPECT_EQ(all_text(fiche).find("Pagina 1 van 15"), std::string::npos);
    bool footnote = false;
    for (const Block& block : fiche.blocks) footnote |= block.role == Block::Role::kFootnote;
    EXPECT_TRUE(footnote);
}

}  // namespace
}  // namespace kamerzoek::corpus
