// The readers of official XML publications and of ParlaMint TEI.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "corpus/readers/readers.h"
#include "tests/reader_test_support.h"
#include "tests/test_paths.h"

namespace kamerzoek::corpus {
namespace {

using ::kamerzoek::testing::fixture;
using ::kamerzoek::testing::shared_corpus_dir;
namespace fs = std::filesystem;

using ::kamerzoek::testing::load;

const Reader& op_reader() {
    static const auto reader = make_officiele_publicatie_reader();
    return *reader;
}

const Reader& tei_reader() {
    static const auto reader = make_parlamint_reader();
    return *reader;
}

Document read_one(const Reader& reader, const SourceFile& file) {
    std::vector<Document> documents = reader.read(file);
    EXPECT_EQ(documents.size(), 1u) << file.path;
    return documents.empty() ? Document{} : documents.front();
}

Document read_xml(std::string bytes, std::string path = "/nowhere/h-tk-20172018-70-99.xml") {
    return read_one(op_reader(), SourceFile{std::move(path), std::move(bytes)});
}

std::string all_text(const Document& document) {
    std::string text = document.title + "\n";
    for (const Block& block : document.blocks) text += block.text + "\n";
    return text;
}

const Block* find_block(const Document& document, std::string_view needle) {
    for (const Block& block : document.blocks) {
        if (block.text.find(needle) != std::string::npos) return &block;
    }
    return nullptr;
}

bool has_warning(const Document& document, std::string_view word) {
    return std::any_of(document.warnings.begin(), document.warnings.end(),
                       [&](const std::string& w) { return w.find(word) != std::string::npos; });
}

std::vector<fs::path> xml_files(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() == ".xml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Handelingen items of the same sitting wrapped in the official envelope.
std::string handelingen(std::string_view items) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<officiele-publicatie>\n<handelingen>\n" +
           std::string(items) + "\n</handelingen>\n</officiele-publicatie>\n";
}

std::string item_with_paragraph(std::string_view al) {
    return handelingen("<agendapunt><nr>99</nr><item-titel>Test</item-titel><tekst><al-groep><al>" +
                       std::string(al) + "</al></al-groep></tekst></agendapunt>");
}

std::string paragraph_text(std::string_view al) {
    const Document document = read_xml(item_with_paragraph(al));
    return document.blocks.size() >= 2 ? document.blocks[1].text : "";
}

// ------------------------------------------------------------ sniffing

TEST(OfficielePublicatieReader, AcceptsPublicationsByContentNotByName) {
    EXPECT_TRUE(
        op_reader().accepts({"stuk.txt", "<?xml version=\"1.0\"?>\n<officiele-publicatie>"}));
    EXPECT_TRUE(op_reader().accepts({"x", "\xEF\xBB\xBF<!-- c --><kamerstuk><stuk/>"}));
    EXPECT_TRUE(op_reader().accepts({"x", "ï»¿\n<?xml version=\"1.0\"?>\n<handelingen>"}));
    EXPECT_TRUE(op_reader().accepts({"x", "<bijlage id=\"b1\">"}));
    EXPECT_FALSE(op_reader().accepts({"h-tk-20172018-61-10.xml", "Handelingen als platte tekst"}));
    EXPECT_FALSE(op_reader().accepts({"a.xml", "<?xml version=\"1.0\"?><metadata_gegevens/>"}));
    EXPECT_FALSE(op_reader().accepts({"a.xml", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">"}));
}

// ------------------------------------------------- the pristine items

TEST(OfficielePublicatieReader, ReadsTheOpeningItemWithItsSittingDateOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document =
        read_one(op_reader(), load(shared_corpus_dir() / "handelingen-xml/h-tk-20172018-50-1.xml"));
    EXPECT_EQ(document.id, "h-tk-20172018-50-1");
    EXPECT_EQ(document.kind, DocumentKind::kHandelingen);
    EXPECT_EQ(document.title, "Opening van de 50e vergadering");
    EXPECT_EQ(document.date, "2018-02-08");
    EXPECT_EQ(document.chamber, "tk");
    EXPECT_EQ(document.vergaderjaar, "2017-2018");
    EXPECT_EQ(document.number, "1");
    EXPECT_TRUE(document.warnings.empty());
    ASSERT_EQ(document.blocks.size(), 5u);
    EXPECT_EQ(document.blocks[0].text,
              "50e vergadering, Donderdag 8 februari 2018, Aanvang 10:15 uur");
    EXPECT_EQ(document.blocks[1].text, "Voorzitter: Arib");
    EXPECT_NE(all_text(document).find("minister van Financiën"), std::string::npos);
}

TEST(OfficielePublicatieReader, ReadsSpeakerAndPartyOfEachSpeechTurnOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_one(
        op_reader(), load(shared_corpus_dir() / "handelingen-xml/h-tk-20172018-61-10.xml"));
    EXPECT_EQ(document.id, "h-tk-20172018-61-10");
    EXPECT_EQ(document.title, "Ondernemen en Bedrijfsfinanciering");
    EXPECT_EQ(document.date, "");  // the item itself does not say; no metadata.xml beside it
    const Block* first = find_block(document, "Veel mkb-ondernemers hebben grote moeite");
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->role, Block::Role::kSpeech);
    EXPECT_EQ(first->speaker, "Wörsdörfer");
    EXPECT_EQ(first->party, "VVD");
    const Block* d66 =
        find_block(document, "Wij hebben in het algemeen overleg uitgebreid gesproken");
    ASSERT_NE(d66, nullptr);
    EXPECT_EQ(d66->speaker, "Paternotte");
    EXPECT_EQ(d66->party, "D66");
    const Block* chair = find_block(document, "We zijn gewaarschuwd.");
    ASSERT_NE(chair, nullptr);
    EXPECT_EQ(chair->speaker, "De voorzitter");
    EXPECT_EQ(chair->party, "");
}

TEST(OfficielePublicatieReader, ReadsMotionsWithTheirIdAndLinkedKamerstukOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_one(
        op_reader(), load(shared_corpus_dir() / "handelingen-xml/h-tk-20172018-61-10.xml"));
    std::vector<const Block*> motions;
    for (const Block& block : document.blocks) {
        if (block.role == Block::Role::kMotion) motions.push_back(&block);
    }
    ASSERT_EQ(motions.size(), 6u);
    EXPECT_EQ(motions[0]->label, "M-31311-199");
    EXPECT_EQ(motions[0]->linked_ids, std::vector<std::string>{"kst-31311-199"});
    EXPECT_EQ(motions[0]->speaker, "Wörsdörfer");
    EXPECT_TRUE(motions[0]->text.starts_with("Motie De Kamer, gehoord de beraadslaging,"));
    EXPECT_TRUE(motions[0]->text.ends_with("en gaat over tot de orde van de dag."));
    // The chair's words after the motion are the chair's speech turn.
    const Block* info = find_block(document, "Zij krijgt nr. 199 (31311).");
    ASSERT_NE(info, nullptr);
    EXPECT_EQ(info->speaker, "De voorzitter");
    EXPECT_EQ(info->linked_ids, std::vector<std::string>{"kst-31311-199"});
}

TEST(OfficielePublicatieReader, ReadsEveryPristineItemWithoutWarningsOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    for (const fs::path& path : xml_files(shared_corpus_dir() / "handelingen-xml")) {
        const SourceFile file = load(path);
        ASSERT_TRUE(op_reader().accepts(file)) << path;
        const Document document = read_one(op_reader(), file);
        EXPECT_EQ(document.id, path.stem().string());
        EXPECT_EQ(document.kind, DocumentKind::kHandelingen);
        EXPECT_FALSE(document.blocks.empty()) << path;
        EXPECT_TRUE(document.warnings.empty()) << path;
        EXPECT_EQ(all_text(document).find('\r'), std::string::npos) << path;
    }
}

// -------------------------------------------------- the damaged items

TEST(OfficielePublicatieReader, RepairsEveryDamagedItemAndSaysSoOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const auto files = xml_files(shared_corpus_dir() / "handelingen-xml-damaged");
    ASSERT_EQ(files.size(), 14u);
    for (const fs::path& path : files) {
        const SourceFile file = load(path);
        ASSERT_TRUE(op_reader().accepts(file)) << path;
        const Document document = read_one(op_reader(), file);
        EXPECT_EQ(document.id, path.stem().string());
        EXPECT_EQ(document.kind, DocumentKind::kHandelingen);
        EXPECT_EQ(document.chamber, "tk");
        EXPECT_EQ(document.vergaderjaar, "2017-2018");
        EXPECT_FALSE(document.blocks.empty()) << path;
        EXPECT_TRUE(has_warning(document, "repaired double-encoded UTF-8")) << path;
        EXPECT_TRUE(has_warning(document, "byte-order mark")) << path;
        const std::string text = all_text(document);
        for (const std::string_view damage : {"Ã", "Â", "â€", "ï»¿", "\uFEFF"}) {
            EXPECT_EQ(text.find(damage), std::string::npos) << path << " still has " << damage;
        }
    }
}

TEST(OfficielePublicatieReader, ReadsTheTitlesOfTheDamagedItemsOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"h-tk-20172018-70-1", "Opening van de 70e vergadering"},
        {"h-tk-20172018-70-2", "Mededelingen"},
        {"h-tk-20172018-70-3", "Wlz / Pgb / Toegang tot de Wlz voor ggz-cliënten"},
        {"h-tk-20172018-70-10", "125 miljoen euro voor woningcorporatie Humanitas"},
        {"h-tk-20172018-70-12", "Nederlandse economie na de brexit"},
        {"h-tk-20172018-70-13", "Sluiting"},
        {"h-tk-20172018-70-14", "Ingekomen stukken"},
    };
    for (const auto& [id, title] : expected) {
        const Document document = read_one(
            op_reader(), load(shared_corpus_dir() / "handelingen-xml-damaged" / (id + ".xml")));
        EXPECT_EQ(document.title, title) << id;
    }
}

TEST(OfficielePublicatieReader, ReadsTheDamagedOpeningItemOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_one(
        op_reader(), load(shared_corpus_dir() / "handelingen-xml-damaged/h-tk-20172018-70-1.xml"));
    EXPECT_EQ(document.date, "2018-04-05");
    ASSERT_GE(document.blocks.size(), 2u);
    EXPECT_EQ(document.blocks[0].text,
              "70e vergadering, Donderdag 5 april 2018, Aanvang 10:15 uur");
    EXPECT_EQ(document.blocks[1].text, "Voorzitter: Martin Bosma");
    EXPECT_NE(all_text(document).find("Yeşilgöz-Zegerius"), std::string::npos);
}

TEST(OfficielePublicatieReader, RepairsDoubleEncodedWordsInSpeechesOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_one(
        op_reader(), load(shared_corpus_dir() / "handelingen-xml-damaged/h-tk-20172018-70-3.xml"));
    const std::string text = all_text(document);
    EXPECT_NE(text.find("cliënten"), std::string::npos);
    EXPECT_EQ(text.find("cliÃ«nten"), std::string::npos);
    const Block* motion = nullptr;
    for (const Block& block : document.blocks) {
        if (block.role == Block::Role::kMotion && block.label == "M-34104-210") motion = &block;
    }
    ASSERT_NE(motion, nullptr);
    EXPECT_EQ(motion->linked_ids, std::vector<std::string>{"kst-34104-210"});
}

TEST(OfficielePublicatieReader, RemovesSpaceAPrettyPrinterPutAroundInlineElementsOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const fs::path dir = shared_corpus_dir() / "handelingen-xml-damaged";
    const Document votes = read_one(op_reader(), load(dir / "h-tk-20172018-70-6.xml"));
    const Block* item = find_block(votes, "de motie-Wassenberg over een reductie");
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->text,
              "- de motie-Wassenberg over een reductie van het aantal gehouden dieren "
              "(21501-08, nr. 719);");
    EXPECT_EQ(item->linked_ids, std::vector<std::string>{"kst-21501-08-719"});
    const std::string brexit =
        all_text(read_one(op_reader(), load(dir / "h-tk-20172018-70-12.xml")));
    EXPECT_NE(brexit.find("stijging van de CO2-uitstoot door de industrie"), std::string::npos);
    EXPECT_NE(brexit.find("zorgen over — en niet alleen ik"), std::string::npos);
    const std::string housing =
        all_text(read_one(op_reader(), load(dir / "h-tk-20172018-70-9.xml")));
    EXPECT_NE(housing.find("groter dan 70m2 een flinke toevoeging"), std::string::npos);
}

TEST(OfficielePublicatieReader, KeepsBareKamerstukIdsInTheListOfIncomingPapersOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_one(
        op_reader(), load(shared_corpus_dir() / "handelingen-xml-damaged/h-tk-20172018-70-14.xml"));
    EXPECT_EQ(document.id, "h-tk-20172018-70-14");
    const Block* entry = find_block(document, "- 30111-109");
    ASSERT_NE(entry, nullptr);
    EXPECT_EQ(entry->role, Block::Role::kParagraph);
    const Block* first = find_block(document, "Aanvulling geannoteerde agenda Raad Algemene Zaken");
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(
        first->text,
        "Aanvulling geannoteerde agenda Raad Algemene Zaken van 20 maart 2018 - 21501-02-1855; "
        "minister van Buitenlandse Zaken, S.A. Blok - 15 maart 2018; Rondgezonden en "
        "gepubliceerd.");
    EXPECT_NE(find_block(document, "minister van Financiën, W.B. Hoekstra"), nullptr);
    // The re-saved list holds every entry twice; one is kept.
    EXPECT_TRUE(has_warning(document, "repeated entries"));
    EXPECT_EQ(std::count_if(document.blocks.begin(), document.blocks.end(),
                            [&](const Block& b) { return b.text == first->text; }),
              1);
}

// ------------------------------------------- papers, with fixtures

TEST(OfficielePublicatieReader, ReadsAKamerbriefWithTheMetadataXmlBesideIt) {
    const Document document =
        read_one(op_reader(), load(fixture("xml/kamerbrief/kst-29754-372.xml")));
    EXPECT_EQ(document.id, "kst-29754-372");
    EXPECT_EQ(document.kind, DocumentKind::kKamerbrief);
    EXPECT_EQ(document.title,
              "Terrorismebestrijding; BRIEF VAN DE MINISTER VAN VEILIGHEID EN JUSTITIE");
    EXPECT_EQ(document.date, "2016-02-09");         // the letter's own date wins
    EXPECT_EQ(document.vergaderjaar, "2015-2016");  // from metadata.xml
    EXPECT_EQ(document.chamber, "tk");
    EXPECT_EQ(document.dossier, "29754");
    EXPECT_EQ(document.number, "372");
    const Block* opening = find_block(document, "Hierbij informeer ik uw Kamer");
    ASSERT_NE(opening, nullptr);
    EXPECT_EQ(opening->text,
              "Hierbij informeer ik uw Kamer over de uitkomsten van de conferentie over foreign "
              "terrorist fighters van 1 en 2 februari 2016.");
    const Block* note = find_block(document, "Zie ook Kamerstuk");
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(note->role, Block::Role::kFootnote);
    EXPECT_EQ(note->label, "1");
    EXPECT_EQ(note->linked_ids, std::vector<std::string>{"kst-29754-357"});
    const Block* europe = find_block(document, "De samenwerking met partners & de uitwisseling");
    ASSERT_NE(europe, nullptr);
    EXPECT_EQ(europe->linked_ids, std::vector<std::string>{"21501-20"});
    EXPECT_NE(find_block(document, "G.A. van der Steur"), nullptr);
}

TEST(OfficielePublicatieReader, ReadsAKamerstukWithATableFootnotesAndUnknownElements) {
    const Document document = read_one(op_reader(), load(fixture("xml/kst-34300-V-7.xml")));
    EXPECT_EQ(document.id, "kst-34300-V-7");
    EXPECT_EQ(document.kind, DocumentKind::kKamerstuk);
    EXPECT_EQ(document.dossier, "34300-V");
    EXPECT_EQ(document.number, "7");
    EXPECT_EQ(document.vergaderjaar, "2015-2016");
    EXPECT_EQ(document.chamber, "tk");
    EXPECT_EQ(document.date, "2015-11-03");
    // The footnote reference leaves no trace in the running text.
    EXPECT_NE(find_block(document, "over de begroting."), nullptr);
    const Block* question = find_block(document, "Hoeveel bedraagt");
    ASSERT_NE(question, nullptr);
    EXPECT_EQ(question->text,
              "Hoeveel bedraagt de bijdrage aan het Global Counterterrorism Forum (GCTF)?");
    const Block* note = find_block(document, "Zie de begroting");
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(note->role, Block::Role::kFootnote);
    EXPECT_EQ(note->label, "2");
    EXPECT_EQ(note->linked_ids, std::vector<std::string>{"kst-34300-V-2"});
    // Elements the reader does not know keep their text.
    EXPECT_NE(find_block(document, "Deze vraag is ook gesteld bij het jaarverslag."), nullptr);
    EXPECT_NE(find_block(document, "Het verschil tussen de râmingen is klein."), nullptr);
    // A CALS table: a heading for its title, a block per row, cells apart.
    const Block* title = find_block(document, "Bijdragen 2016");
    ASSERT_NE(title, nullptr);
    EXPECT_EQ(title->role, Block::Role::kHeading);
    EXPECT_NE(find_block(document, "Organisatie | Bijdrage"), nullptr);
    EXPECT_NE(find_block(document, "GCTF | 1.250"), nullptr);
    EXPECT_NE(find_block(document, "Een ander verschil: de 1raming wijkt af."), nullptr);
}

TEST(OfficielePublicatieReader, ReadsABijlageWithItsParentFromMetadata) {
    const Document document = read_one(op_reader(), load(fixture("xml/blg-812345.xml")));
    EXPECT_EQ(document.id, "blg-812345");
    EXPECT_EQ(document.kind, DocumentKind::kBijlage);
    EXPECT_EQ(document.parent_id, "kst-29754-372");
    EXPECT_EQ(document.title,
              "Verslag van de internationale conferentie foreign terrorist fighters");
    EXPECT_EQ(document.date, "2016-02-10");
    EXPECT_EQ(document.dossier, "29754");
    const Block* item = find_block(document, "aandacht voor terugkeerders");
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->text, "– aandacht voor terugkeerders.");
}

TEST(OfficielePublicatieReader, FillsWhatAnItemLacksFromItsMetadataFile) {
    const Document document = read_one(op_reader(), load(fixture("xml/h-ek-20152016-20-4.xml")));
    EXPECT_EQ(document.id, "h-ek-20152016-20-4");
    EXPECT_EQ(document.chamber, "ek");
    EXPECT_EQ(document.date, "2016-02-16");
    EXPECT_EQ(document.vergaderjaar, "2015-2016");
    EXPECT_EQ(document.dossier, "34588");
    const Block* speech = find_block(document, "Voorzitter. De motie-Knip");
    ASSERT_NE(speech, nullptr);
    EXPECT_EQ(speech->speaker, "Knip");
    EXPECT_EQ(speech->party, "VVD");
    EXPECT_EQ(speech->text,
              "Voorzitter. De motie-Knip (34588, letter D) is nog niet uitgevoerd – ook niet na "
              "het debat van 9 februari 2016.");
    EXPECT_EQ(speech->linked_ids, std::vector<std::string>{"kst-34588-D"});
}

TEST(OfficielePublicatieReader, IgnoresAMetadataFileOfAnotherPublication) {
    // kamerbrief/metadata.xml describes kst-29754-372, not this item.
    const std::string bytes = item_with_paragraph("Tekst.");
    const Document document = read_one(
        op_reader(), SourceFile{fixture("xml/kamerbrief/h-tk-20172018-70-99.xml").string(), bytes});
    EXPECT_EQ(document.id, "h-tk-20172018-70-99");
    EXPECT_EQ(document.dossier, "");
    EXPECT_EQ(document.kind, DocumentKind::kHandelingen);
}

// ---------------------------------------------------- text and markup

TEST(OfficielePublicatieReader, JoinsInlineMarkupWithoutAddedSpaces) {
    EXPECT_EQ(paragraph_text("De samen<nadruk type=\"vet\">werking</nadruk> is goed."),
              "De samenwerking is goed.");
    EXPECT_EQ(
        paragraph_text("de <nadruk>motie</nadruk>-Knip en <nadruk>a</nadruk> <nadruk>b</nadruk>"),
        "de motie-Knip en a b");
    EXPECT_EQ(paragraph_text("CO<sup>2</sup>-uitstoot en H<inf>2</inf>O"), "CO2-uitstoot en H2O");
}

TEST(OfficielePublicatieReader, DropsFootnoteMarkersWithoutGluingWords) {
    const Document document = read_xml(item_with_paragraph(
        "zie de brief<noot id=\"n1\" type=\"voet\"><noot.nr>1</noot.nr><noot.al>Kamerstuk 29754, "
        "nr. 357</noot.al></noot>. Verder<nootref refid=\"n1\"/> niets."));
    ASSERT_EQ(document.blocks.size(), 3u);
    EXPECT_EQ(document.blocks[1].text, "zie de brief. Verder niets.");
    EXPECT_EQ(document.blocks[2].role, Block::Role::kFootnote);
    EXPECT_EQ(document.blocks[2].label, "1");
    EXPECT_EQ(document.blocks[2].text, "Kamerstuk 29754, nr. 357");
}

TEST(OfficielePublicatieReader, DecodesCharacterEntities) {
    EXPECT_EQ(
        paragraph_text("Financi&#235;n &amp; co&#x00F6;rdinatie &#8211; 9&#160;mei &lt;x&gt;"),
        "Financiën & coördinatie – 9 mei <x>");
    EXPECT_EQ(paragraph_text("caf&eacute;&nbsp;en&hellip;"), "café en…");
}

TEST(OfficielePublicatieReader, SeparatesBlockElementsAndCollapsesWhitespace) {
    const Document document = read_xml(handelingen(
        "<agendapunt><nr>99</nr><item-titel>\r\n  Test\r\n</item-titel><tekst><al-groep>"
        "<al>een</al><al>twee\t\t drie</al></al-groep><lijst><li><li.nr>a.</li.nr><al>vier"
        "</al></li></lijst></tekst></agendapunt>"));
    ASSERT_EQ(document.blocks.size(), 4u);
    EXPECT_EQ(document.title, "Test");
    EXPECT_EQ(document.blocks[0].role, Block::Role::kHeading);
    EXPECT_EQ(document.blocks[1].text, "een");
    EXPECT_EQ(document.blocks[2].text, "twee drie");
    EXPECT_EQ(document.blocks[3].text, "a. vier");
}

TEST(OfficielePublicatieReader, ReadsAWholeSittingAsOneDocumentPerItem) {
    const std::vector<Document> documents = op_reader().read(SourceFile{
        "/nowhere/h-tk-20172018-70.xml",
        handelingen(
            "<vergadering><vergadering-nummer>70e vergadering</vergadering-nummer>"
            "<vergaderdatum>Donderdag 5 april 2018</vergaderdatum></vergadering>"
            "<opening><nr>1</nr><tekst><al-groep><al>Voorzitter: Martin Bosma</al></al-groep>"
            "</tekst></opening><agendapunt><nr>2</nr><item-titel>Mededelingen</item-titel>"
            "<tekst><al-groep><al>Geen afmeldingen.</al></al-groep></tekst></agendapunt>")});
    ASSERT_EQ(documents.size(), 2u);
    EXPECT_EQ(documents[0].id, "h-tk-20172018-70-1");
    EXPECT_EQ(documents[0].title, "Opening van de 70e vergadering");
    EXPECT_EQ(documents[1].id, "h-tk-20172018-70-2");
    EXPECT_EQ(documents[1].title, "Mededelingen");
    EXPECT_EQ(documents[1].date, "2018-04-05");
}

// ---------------------------------------------------- broken input

TEST(OfficielePublicatieReader, RepairsAStrayEndTagAndWarns) {
    const Document document =
        read_xml(item_with_paragraph("een <nadruk>losse</nadruk></nadruk> tag"));
    EXPECT_TRUE(has_warning(document, "not well-formed"));
    EXPECT_NE(find_block(document, "een losse tag"), nullptr);
}

TEST(OfficielePublicatieReader, ReadsATruncatedItemUpToWhereItBreaksOffAndWarns) {
    std::string bytes = item_with_paragraph("Eerste alinea.</al><al>Tweede alinea die afbreekt");
    bytes.resize(bytes.find("afbreekt") + 8);
    const Document document = read_xml(bytes);
    EXPECT_TRUE(has_warning(document, "cut short"));
    EXPECT_NE(find_block(document, "Eerste alinea."), nullptr);
    EXPECT_NE(find_block(document, "Tweede alinea die afbreekt"), nullptr);
}

TEST(OfficielePublicatieReader, RefusesXmlTruncatedBeforeAnyTextNamingLineAndColumn) {
    const std::string bytes =
        "<?xml version=\"1.0\"?>\n<officiele-publicatie>\n  <metadata>\n    <meta name=\"DC.type\" "
        "con";
    try {
        op_reader().read(SourceFile{"kst-1-2.xml", bytes});
        FAIL() << "expected a ReadError";
    } catch (const ReadError& error) {
        EXPECT_EQ(error.line(), 4);
        EXPECT_GT(error.column(), 0);
        EXPECT_NE(std::string(error.what()).find("not well-formed"), std::string::npos);
    }
}

TEST(OfficielePublicatieReader, RefusesMangledXmlNamingLineAndColumn) {
    const std::string bytes = "<officiele-publicatie>\n<handelingen>\n</officiele-publicatie>\n";
    try {
        op_reader().read(SourceFile{"h-tk-1.xml", bytes});
        FAIL() << "expected a ReadError";
    } catch (const ReadError& error) {
        EXPECT_EQ(error.line(), 3);
        EXPECT_GT(error.column(), 0);
    }
}

TEST(OfficielePublicatieReader, RefusesEmptyAndBinaryFiles) {
    EXPECT_THROW(op_reader().read(SourceFile{"a.xml", ""}), ReadError);
    EXPECT_THROW(
        op_reader().read(SourceFile{"a.xml", std::string("<kamerstuk>\0\0\0\x01\x02", 16)}),
        ReadError);
}

std::string repeated(std::string_view text, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += text;
    return out;
}

TEST(OfficielePublicatieReader, ReadsDeeplyNestedMarkupWithoutExhaustingTheStack) {
    constexpr int kDepth = 20000;
    const Document notes = read_xml(item_with_paragraph(
        repeated("<noot><noot.nr>1</noot.nr>a ", kDepth) + "x" + repeated("</noot>", kDepth)));
    EXPECT_FALSE(notes.blocks.empty());
    const Document turns = read_xml(handelingen(
        "<agendapunt><nr>1</nr>" + repeated("<spreekbeurt><spreker>A</spreker>", kDepth) + "diep" +
        repeated("</spreekbeurt>", kDepth) + "</agendapunt>"));
    EXPECT_NE(all_text(turns).find("diep"), std::string::npos);
    const Document tables =
        read_xml(item_with_paragraph(repeated("<tabel><tgroup><tbody><row><entry>c", 2000) + "x" +
                                     repeated("</entry></row></tbody></tgroup></tabel>", 2000)));
    EXPECT_NE(all_text(tables).find("x"), std::string::npos);
}

// ------------------------------------------------------------ ParlaMint

struct SittingExpectation {
    std::string path;
    std::string id;
    std::string date;
    std::string chamber;
    Language language;
    std::string title;
    std::string first_speaker;
};

TEST(ParlaMintReader, ReadsEverySampleSittingOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const std::vector<SittingExpectation> expected = {
        {"nl/ParlaMint-NL_2017-01-26-tweedekamer-4.xml", "parlamint-nl_2017-01-26-tweedekamer-4",
         "2017-01-26", "tk", Language::kDutch,
         "Verslag van de vergadering van de Tweede Kamer, Meeting 45, Session 4 (2017-01-26)",
         "Khadija Arib"},
        {"nl/ParlaMint-NL_2019-05-16-tweedekamer-11.xml", "parlamint-nl_2019-05-16-tweedekamer-11",
         "2019-05-16", "tk", Language::kDutch,
         "Verslag van de vergadering van de Tweede Kamer, Meeting 83, Session 11 (2019-05-16)",
         "Khadija Arib"},
        {"nl/ParlaMint-NL_2022-07-12-eerstekamer-3.xml", "parlamint-nl_2022-07-12-eerstekamer-3",
         "2022-07-12", "ek", Language::kDutch,
         "Verslag van de vergadering van de Eerste Kamer, Meeting 38, Session 3 (2022-07-12)",
         "Jan Anthonie Bruijn"},
        {"gb/ParlaMint-GB_2017-09-07-commons.xml", "parlamint-gb_2017-09-07-commons", "2017-09-07",
         "commons", Language::kEnglish, "Minutes of the House of Commons, Daily Session 2017-09-07",
         "Stephen Kinnock"},
        {"gb/ParlaMint-GB_2020-02-12-lords.xml", "parlamint-gb_2020-02-12-lords", "2020-02-12",
         "lords", Language::kEnglish, "Minutes of the House of Lords, Daily Session 2020-02-12",
         "Peter Fowler"},
        {"gb/ParlaMint-GB_2022-07-21-commons.xml", "parlamint-gb_2022-07-21-commons", "2022-07-21",
         "commons", Language::kEnglish, "Minutes of the House of Commons, Daily Session 2022-07-21",
         "Lindsay Hoyle"},
        {"nl-en/ParlaMint-NL-en_2022-07-12-eerstekamer-3.ana.xml",
         "parlamint-nl-en_2022-07-12-eerstekamer-3.ana", "2022-07-12", "ek", Language::kEnglish,
         "Report of the meeting of the Dutch Upper House, Meeting 38, Session 3 (2022-07-12)",
         "Jan Anthonie Bruijn"},
    };
    for (const SittingExpectation& e : expected) {
        const SourceFile file = load(shared_corpus_dir() / "parlamint" / e.path);
        ASSERT_TRUE(tei_reader().accepts(file)) << e.path;
        EXPECT_FALSE(op_reader().accepts(file)) << e.path;
        const Document document = read_one(tei_reader(), file);
        EXPECT_EQ(document.id, e.id);
        EXPECT_EQ(document.kind, DocumentKind::kDebate);
        EXPECT_EQ(document.date, e.date) << e.path;
        EXPECT_EQ(document.chamber, e.chamber) << e.path;
        EXPECT_EQ(document.language, e.language) << e.path;
        EXPECT_EQ(document.title, e.title) << e.path;
        ASSERT_GE(document.blocks.size(), 2u) << e.path;
        EXPECT_EQ(document.blocks[0].role, Block::Role::kHeading) << e.path;
        EXPECT_EQ(document.blocks[1].role, Block::Role::kSpeech) << e.path;
        EXPECT_EQ(document.blocks[1].speaker, e.first_speaker) << e.path;
        EXPECT_EQ(all_text(document).find("SAMPLING"), std::string::npos) << e.path;
    }
}

TEST(ParlaMintReader, TakesThePartyFromTheSpeakerLabelOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_one(
        tei_reader(),
        load(shared_corpus_dir() / "parlamint/nl/ParlaMint-NL_2017-01-26-tweedekamer-4.xml"));
    const Block* speech = find_block(document, "Drie partijen, dwars door de coalitie");
    ASSERT_NE(speech, nullptr);
    EXPECT_EQ(speech->speaker, "Lea Bouwmeester");
    EXPECT_EQ(speech->party, "PvdA");
    // Notes are stage directions, not speech.
    EXPECT_EQ(find_block(document, "De algemene beraadslaging wordt hervat."), nullptr);
    EXPECT_EQ(document.blocks[0].text, "Verbod op winstuitkering door zorgverzekeraars");
}

TEST(ParlaMintReader, RebuildsTextFromTokensOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_one(
        tei_reader(), load(shared_corpus_dir() /
                           "parlamint/nl-en/ParlaMint-NL-en_2022-07-12-eerstekamer-3.ana.xml"));
    ASSERT_GE(document.blocks.size(), 3u);
    EXPECT_EQ(
        document.blocks[1].text,
        "I would like to welcome the Secretary of State for Justice and Security to the Upper "
        "Chamber, which is not an unknown area for him. It's nice for him to be able to come "
        "here again just before the recess.");
    EXPECT_EQ(document.blocks[2].text, "I give the floor to Mr Van Hattem.");
}

TEST(ParlaMintReader, ResolvesSpeakersAndPartiesFromTheListPerson) {
    const Document document = read_one(tei_reader(), load(fixture("xml/parlamint-listperson.xml")));
    EXPECT_EQ(document.id, "parlamint-nl_2018-04-05-tweedekamer-70");
    EXPECT_EQ(document.title,
              "Verslag van de vergadering van de Tweede Kamer, Meeting 70 (2018-04-05)");
    EXPECT_EQ(document.chamber, "tk");
    EXPECT_EQ(document.date, "2018-04-05");
    ASSERT_EQ(document.blocks.size(), 4u);
    EXPECT_EQ(document.blocks[1].speaker, "Cem Laçin");
    EXPECT_EQ(document.blocks[1].party, "SP");
    EXPECT_EQ(document.blocks[2].text, "En dit de tweede, met Chemours erin.");
    // Not in the listPerson: the id is spelled out; incidents are left out.
    EXPECT_EQ(document.blocks[3].speaker, "Rutte Mark");
    EXPECT_EQ(document.blocks[3].party, "");
    EXPECT_EQ(find_block(document, "Applaus"), nullptr);
}

TEST(ParlaMintReader, AcceptsOnlyTeiDocuments) {
    EXPECT_TRUE(tei_reader().accepts(
        {"x.xml",
         "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"a\">"}));
    EXPECT_FALSE(
        tei_reader().accepts({"x.xml", "<?xml version=\"1.0\"?>\n<officiele-publicatie>"}));
    EXPECT_FALSE(tei_reader().accepts({"x.xml", "<TEI>zonder namespace</TEI>"}));
}

TEST(ParlaMintReader, RefusesBrokenTeiNamingLineAndColumn) {
    const std::string bytes =
        "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<teiHeader>\n<oops";
    try {
        tei_reader().read(SourceFile{"x.xml", bytes});
        FAIL() << "expected a ReadError";
    } catch (const ReadError& error) {
        EXPECT_EQ(error.line(), 4);
    }
}

}  // namespace
}  // namespace kamerzoek::corpus
