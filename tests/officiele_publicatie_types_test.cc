// Every type of official XML publication keeps its body text, under the
// kind it is: gazettes (Staatsblad, Staatscourant, BGR, Gemeenteblad,
// Provinciaal blad), moties and amendementen, and written questions with
// their answers. Real files from ../shared/corpus where there are some,
// fixtures of our own in tests/data/xml/types for the others.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "corpus/reader.h"
#include "kamerzoek/kamerzoek.h"
#include "tests/reader_test_support.h"
#include "tests/test_paths.h"

namespace kamerzoek::corpus {
namespace {

namespace fs = std::filesystem;
using ::kamerzoek::testing::fixture;
using ::kamerzoek::testing::load;
using ::kamerzoek::testing::shared_corpus_dir;

// Read as an index run reads it: with passages and references.
Document read_document(const fs::path& path) {
    std::vector<Document> documents = read_file(load(path));
    EXPECT_EQ(documents.size(), 1u) << path;
    return documents.empty() ? Document{} : std::move(documents.front());
}

Document read_shared(const std::string& relative) {
    return read_document(shared_corpus_dir() / relative);
}

Document read_fixture(const std::string& name) {
    return read_document(fixture("xml/types/" + name));
}

std::size_t text_bytes(const Document& document) {
    std::size_t bytes = 0;
    for (const Passage& passage : document.passages) bytes += passage.text.size();
    return bytes;
}

const Passage* passage_with(const Document& document, std::string_view needle) {
    for (const Passage& passage : document.passages) {
        if (passage.text.find(needle) != std::string::npos) return &passage;
    }
    return nullptr;
}

std::vector<std::string> sections(const Document& document) {
    std::vector<std::string> found;
    for (const Passage& passage : document.passages) {
        if (passage.is_footnote) continue;
        if (found.empty() || found.back() != passage.section) found.push_back(passage.section);
    }
    return found;
}

// ------------------------------------------------------------- gazettes

TEST(OfficielePublicatieTypes, KeepsTheBodyOfAStaatsbladDecreeOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_shared("officiele-publicaties-xml/stb.xml");
    EXPECT_EQ(document.id, "stb-2018-84");
    EXPECT_EQ(kind_name(document.kind), "staatsblad");
    EXPECT_TRUE(
        document.title.starts_with("Besluit van 9 maart 2018, houdende vaststelling van de "
                                   "bestanddelen van de beeldenaar"))
        << document.title;
    EXPECT_EQ(document.date, "2018-03-09");  // the day it was signed, not the day of issue
    EXPECT_GE(text_bytes(document), 2300u);  // of 2,472 in the file; headings become sections
    const Passage* in_force = passage_with(document,
                                           "Dit besluit treedt in werking met ingang "
                                           "van 29 maart 2018.");
    ASSERT_NE(in_force, nullptr);
    EXPECT_EQ(in_force->section, "Artikel 3");
    const Passage* member = passage_with(document, "1. De bestanddelen van de beeldenaar");
    ASSERT_NE(member, nullptr);
    EXPECT_EQ(member->section, "Artikel 1");
    EXPECT_NE(passage_with(document, "De Staatssecretaris van Financiën, M. Snel"), nullptr);
    EXPECT_NE(passage_with(document, "Gelet op artikel 4, tweede lid, van de Muntwet 2002;"),
              nullptr);
    // The masthead is not the text.
    EXPECT_EQ(passage_with(document, "van het Koninkrijk der Nederlanden"), nullptr);
}

TEST(OfficielePublicatieTypes, KeepsTheNoticeOfAStaatscourantOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_shared("officiele-publicaties-xml/stcrt.xml");
    EXPECT_EQ(document.id, "stcrt-2015-47076");
    EXPECT_EQ(kind_name(document.kind), "staatscourant");
    EXPECT_EQ(document.title, "Ter inzage: omgevingsvergunning");
    EXPECT_NE(passage_with(document,
                           "Dit ontwerpbesluit ligt vanaf 24 december 2015 zes weken ter "
                           "inzage in het gemeentehuis van Bergen."),
              nullptr);
    EXPECT_NE(passage_with(document, "Vennewatersweg 29, 1935 AS, Egmond-Binnen"), nullptr);
    // A date split over two elements on two lines is one number again.
    const std::vector<std::string> found = sections(document);
    EXPECT_NE(std::find(found.begin(), found.end(), "Bergen, 23 december 2015"), found.end());
}

TEST(OfficielePublicatieTypes, KeepsTheWholeRegulationOfABgrOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_shared("officiele-publicaties-xml/bgr.xml");
    EXPECT_EQ(document.id, "bgr-2024-715");
    EXPECT_EQ(kind_name(document.kind), "bladgemeenschappelijkeregeling");
    EXPECT_EQ(document.title,
              "Regeling mandatering bevoegdheden van het dagelijks bestuur en de "
              "voorzitter van Regio Achterhoek");
    // About 8,200 characters of text in the file; all of it, not a heading.
    EXPECT_GE(text_bytes(document), 7000u);
    EXPECT_GE(document.passages.size(), 10u);
    // Paragraphs in bold are its headings.
    const Passage* conditions =
        passage_with(document,
                     "De mandateringsregeling geldt niet, indien er sprake is van "
                     "overschrijding van kredieten.");
    ASSERT_NE(conditions, nullptr);
    EXPECT_EQ(conditions->section, "Artikel 2. Randvoorwaarden mandatering");
    // The table of mandates (kept in a note) is read row by row, not as a footnote.
    const Passage* row = passage_with(document, "het in ontvangst nemen van aangetekende stukken");
    ASSERT_NE(row, nullptr);
    EXPECT_FALSE(row->is_footnote);
    EXPECT_NE(row->text.find("DB | Secretaris | Bestuurssecretariaat"), std::string::npos)
        << row->text;
}

TEST(OfficielePublicatieTypes, KeepsTheNoticeOfAGemeenteblad) {
    const Document document = read_fixture("gmb-2024-216934.xml");
    EXPECT_EQ(document.id, "gmb-2024-216934");
    EXPECT_EQ(kind_name(document.kind), "gemeenteblad");
    EXPECT_EQ(document.title,
              "Kennisgeving melding incidentele festiviteit, Hogeweg 15 in Yerseke");
    const Passage* when = passage_with(document, "De festiviteit vindt plaats op zaterdag 1 juni");
    ASSERT_NE(when, nullptr);
    EXPECT_EQ(when->section, "Locatie en tijd");
    EXPECT_NE(passage_with(document, "Tegen deze melding staat geen bezwaar of beroep open."),
              nullptr);
}

TEST(OfficielePublicatieTypes, KeepsTheArticlesOfAProvinciaalBlad) {
    const Document document = read_fixture("prb-2023-9876.xml");
    EXPECT_EQ(document.id, "prb-2023-9876");
    EXPECT_EQ(kind_name(document.kind), "provinciaalblad");
    EXPECT_EQ(document.date, "2023-05-16");
    const Passage* member = passage_with(document, "1. Gedeputeerde Staten kunnen subsidie");
    ASSERT_NE(member, nullptr);
    EXPECT_EQ(member->section, "Artikel 2 Subsidiabele activiteiten");
    EXPECT_NE(member->text.find("2. Subsidie wordt niet verstrekt"), std::string::npos);
    EXPECT_NE(passage_with(document, "gelet op artikel 4:23 van de Algemene wet bestuursrecht"),
              nullptr);
}

// ------------------------------------------------------ Kamerstukken

TEST(OfficielePublicatieTypes, ReadsAMotieAsOneMotionSignedByItsMembersOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const Document document = read_shared(
        "repository-overheid/frbr/officielepublicaties/kst/32545/kst-32545-143/1/xml/"
        "kst-32545-143.xml");
    EXPECT_EQ(document.id, "kst-32545-143");
    EXPECT_EQ(kind_name(document.kind), "motie");
    EXPECT_EQ(document.date, "2021-07-06");
    EXPECT_EQ(document.chamber, "tk");
    EXPECT_EQ(document.vergaderjaar, "2020-2021");
    EXPECT_EQ(document.dossier, "32545");
    EXPECT_EQ(document.number, "143");
    const Passage* motion = passage_with(document, "verzoekt de regering, om een grensspaarsaldo");
    ASSERT_NE(motion, nullptr);
    EXPECT_TRUE(motion->text.starts_with("De Kamer, gehoord de beraadslaging, constaterende"))
        << motion->text;
    EXPECT_NE(motion->text.find("en gaat over tot de orde van de dag."), std::string::npos);
    EXPECT_EQ(motion->label, "kst-32545-143");
    EXPECT_EQ(motion->speaker, "Inge van Dijk, Grinwis");
    // The whole dictum is one passage: one hit for one motie.
    EXPECT_EQ(passage_with(document, "negatieve spaarrente hanteren"), motion);
}

TEST(OfficielePublicatieTypes, ReadsAnAmendementAsSuch) {
    const Document document = read_fixture("kst-34550-XVI-12.xml");
    EXPECT_EQ(kind_name(document.kind), "amendement");
    EXPECT_EQ(document.dossier, "34550-XVI");
    EXPECT_EQ(document.number, "12");
    EXPECT_EQ(document.date, "2016-11-03");
    EXPECT_NE(passage_with(document, "extra middelen beschikbaar komen voor de wijkverpleging"),
              nullptr);
}

// -------------------------------------------------- written questions

TEST(OfficielePublicatieTypes, ReadsAnAanhangselAsQuestionsAndAnswersEachApart) {
    const Document document = read_fixture("ah-tk-20152016-1802.xml");
    EXPECT_EQ(document.id, "ah-tk-20152016-1802");
    EXPECT_EQ(kind_name(document.kind), "aanhangsel");
    EXPECT_EQ(
        document.title,
        "Vragen van de leden J. Jansen en De Vries (beiden SP) aan de Minister van Veiligheid "
        "en Justitie over het bericht dat terugkeerders uit Syrië niet worden vervolgd");
    EXPECT_EQ(document.date, "2016-03-14");  // the answer's
    EXPECT_EQ(document.chamber, "tk");
    EXPECT_EQ(document.vergaderjaar, "2015-2016");
    EXPECT_EQ(document.number, "1802");
    const std::vector<std::string> expected{"",           "Vraag 1", "Antwoord 1", "Vraag 2",
                                            "Antwoord 2", "Vraag 3", "Antwoord 3"};
    EXPECT_EQ(sections(document), expected);
    const Passage* yes = passage_with(document, "Ja.");
    ASSERT_NE(yes, nullptr);
    EXPECT_EQ(yes->text, "Ja.");  // a one-word answer is not merged into the next question
    EXPECT_EQ(yes->section, "Antwoord 1");
    EXPECT_EQ(yes->speaker, "Minister Van der Steur");
    const Passage* asked = passage_with(document, "Hoeveel terugkeerders");
    ASSERT_NE(asked, nullptr);
    EXPECT_EQ(asked->section, "Vraag 2");
    EXPECT_EQ(asked->speaker, "J. Jansen, De Vries");
    EXPECT_EQ(asked->party, "SP");
    const Passage* answer = passage_with(document, "34 terugkeerders aangehouden");
    ASSERT_NE(answer, nullptr);
    EXPECT_EQ(answer->section, "Antwoord 2");
    EXPECT_EQ(answer->text.find("samenwerking met de gemeenten"), std::string::npos);
    // Both dates stay in the text of the descriptions.
    const Passage* description = passage_with(document, "(ingezonden 12 februari 2016)");
    ASSERT_NE(description, nullptr);
    EXPECT_NE(passage_with(document, "(ontvangen 14 maart 2016)"), nullptr);
    const Passage* note = passage_with(document, "NRC Handelsblad, 10 februari 2016.");
    ASSERT_NE(note, nullptr);
    EXPECT_TRUE(note->is_footnote);
}

TEST(OfficielePublicatieTypes, ReadsUnansweredKamervragenDatedByTheirQuestions) {
    const Document document = read_fixture("kv-tk-2016Z03104.xml");
    EXPECT_EQ(document.id, "kv-tk-2016Z03104");
    EXPECT_EQ(kind_name(document.kind), "kamervragen");
    EXPECT_EQ(document.date, "2016-02-22");
    EXPECT_TRUE(
        document.title.starts_with("Vragen van het lid Bakker (VVD) aan de Staatssecretaris"))
        << document.title;
    EXPECT_EQ(sections(document), (std::vector<std::string>{"", "Vraag 1", "Vraag 2"}));
    const Passage* second = passage_with(document, "kleine spaarders hiervan geen last");
    ASSERT_NE(second, nullptr);
    EXPECT_EQ(second->speaker, "Bakker");
    EXPECT_EQ(second->party, "VVD");
}

// ------------------------------------------------------------- kinds

TEST(DocumentKinds, EveryKindHasANameThatReadsBack) {
    for (int k = 0; k <= static_cast<int>(DocumentKind::kBladGemeenschappelijkeRegeling); ++k) {
        const auto kind = static_cast<DocumentKind>(k);
        EXPECT_EQ(kind_from_name(kind_name(kind)), kind) << kind_name(kind);
    }
    EXPECT_EQ(kind_from_name("no-such-kind"), DocumentKind::kOther);
}

TEST(DocumentKinds, KamerstukCoversEveryPaperPublishedAsAKamerstuk) {
    const std::vector<std::string_view> series = kinds_matched_by("kamerstuk");
    for (const std::string_view kind : {"kamerstuk", "kamerbrief", "motie", "amendement"}) {
        EXPECT_NE(std::find(series.begin(), series.end(), kind), series.end()) << kind;
    }
    EXPECT_EQ(std::find(series.begin(), series.end(), "bijlage"), series.end());
    EXPECT_EQ(kinds_matched_by("motie"), std::vector<std::string_view>{"motie"});
}

TEST(DocumentKinds, KindFiltersFindTheNewKindsInAnIndex) {
    const fs::path index =
        fs::temp_directory_path() / ("kamerzoek-kinds-" + std::to_string(::getpid()));
    fs::remove_all(index);
    {
        Indexer indexer(index.string());
        const IndexReport report = indexer.add_paths({fixture("xml/types").string()});
        EXPECT_TRUE(report.failed.empty());
    }
    Searcher searcher(index.string());
    const auto kinds_of = [&](const std::string& query) {
        std::vector<std::string> kinds;
        for (const Hit& hit : searcher.search(query, {}).hits) kinds.push_back(hit.kind);
        std::sort(kinds.begin(), kinds.end());
        kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
        return kinds;
    };
    EXPECT_EQ(kinds_of("kind:amendement wijkverpleging"), std::vector<std::string>{"amendement"});
    EXPECT_EQ(kinds_of("kind:kamerstuk wijkverpleging"), std::vector<std::string>{"amendement"});
    EXPECT_TRUE(kinds_of("kind:kamervragen wijkverpleging").empty());
    EXPECT_EQ(kinds_of("kind:aanhangsel terugkeerders"), std::vector<std::string>{"aanhangsel"});
    EXPECT_EQ(kinds_of("kind:kamervragen spaarders"), std::vector<std::string>{"kamervragen"});
    EXPECT_EQ(kinds_of("kind:gemeenteblad festiviteit"), std::vector<std::string>{"gemeenteblad"});
    EXPECT_EQ(kinds_of("kind:provinciaalblad natuurherstel"),
              std::vector<std::string>{"provinciaalblad"});
    fs::remove_all(index);
}

}  // namespace
}  // namespace kamerzoek::corpus
