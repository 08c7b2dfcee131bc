// Every real file in ../shared/corpus either becomes documents with the
// metadata a reader would expect, is read as a rendition or metadata of
// another file's publication, or is rejected or skipped with a reason. No
// file may be left out silently.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "corpus/publication.h"
#include "corpus/reader.h"
#include "kamerzoek/kamerzoek.h"
#include "tests/test_paths.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

struct Expected {
    std::string id;
    std::string kind;
    std::string title_start;
    std::string date;
    std::string language;
    std::string a_speaker;  // "" when the document has no speech turns
};

// Read by hand from the files themselves.
const std::map<std::string, Expected>& expectations() {
    static const std::map<std::string, Expected> expected{
        {"seed/kamerbrief-2016-02-09-ftf-conferentie.txt",
         {"kamerbrief-2016-02-09-ftf-conferentie", "kamerbrief", "Met deze Kamerbrief informeert",
          "2016-02-09", "nl", ""}},
        {"handelingen-xml/h-tk-20172018-50-1.xml",
         {"h-tk-20172018-50-1", "handelingen", "Opening van de 50e vergadering", "2018-02-08", "nl",
          ""}},
        {"handelingen-xml/h-tk-20172018-61-10.xml",
         {"h-tk-20172018-61-10", "handelingen", "Ondernemen en Bedrijfsfinanciering", "", "nl",
          "Wörsdörfer"}},
        {"handelingen-xml-damaged/h-tk-20172018-70-3.xml",
         {"h-tk-20172018-70-3", "handelingen", "Wlz / Pgb / Toegang tot de Wlz voor ggz-cliënten",
          "2018-04-05", "nl", "Agema"}},
        {"handelingen-xml-damaged/h-tk-20172018-70-14.xml",
         {"h-tk-20172018-70-14", "handelingen", "Ingekomen stukken", "2018-04-05", "nl", ""}},
        {"officiele-publicaties-xml/stb.xml",
         {"stb-2018-84", "staatsblad", "Besluit van 9 maart 2018, houdende vaststelling",
          "2018-03-09", "nl", ""}},
        {"officiele-publicaties-xml/stcrt.xml",
         {"stcrt-2015-47076", "staatscourant", "Ter inzage: omgevingsvergunning", "2015-12-23",
          "nl", ""}},
        {"officiele-publicaties-xml/bgr.xml",
         {"bgr-2024-715", "bladgemeenschappelijkeregeling",
          "Regeling mandatering bevoegdheden van het dagelijks bestuur", "2024-05-08", "nl", ""}},
        // One publication in six files: the XML is read, metadata.xml titles and dates it.
        {"repository-overheid/frbr/officielepublicaties/kst/32545/kst-32545-143/1/xml/"
         "kst-32545-143.xml",
         {"kst-32545-143", "motie", "Motie van de leden Inge van Dijk en Grinwis", "2021-07-06",
          "nl", ""}},
        {"besluitenlijsten-pdf/besluitenlijst_example2.pdf",
         {"besluitenlijst-example2", "besluitenlijst",
          "Besluitenlijst procedurevergadering vaste commissie voor Financiën", "2016-10-28", "nl",
          ""}},
        {"tweedekamer-html/2015D04817.html",
         {"2015d04817", "kamerstuk", "Wijziging van de Auteurswet", "2015-02-10", "nl", ""}},
        {"parlamint/nl/ParlaMint-NL_2019-05-16-tweedekamer-11.xml",
         {"parlamint-nl_2019-05-16-tweedekamer-11", "debate", "Verslag van de vergadering",
          "2019-05-16", "nl", "Cem Laçin"}},
        {"parlamint/gb/ParlaMint-GB_2017-09-07-commons.xml",
         {"parlamint-gb_2017-09-07-commons", "debate", "Minutes of the House of Commons",
          "2017-09-07", "en", "David Davis"}},
        {"parlamint/nl-en/ParlaMint-NL-en_2022-07-12-eerstekamer-3.ana.xml",
         {"parlamint-nl-en_2022-07-12-eerstekamer-3.ana", "debate", "Report of the meeting",
          "2022-07-12", "en", "Jan Anthonie Bruijn"}},
        {"treaties-sample/en-BWBV0001069.md",
         {"bwbv0001069", "other", "Overeenkomst inzake de instandhouding van kleine walvisachtigen",
          "", "en", ""}},
        {"europarl-nl-en/test2006.nl", {"test2006-nl", "other", "Ik hoop absoluut", "", "nl", ""}},
        {"europarl-nl-en/test2006.en",
         {"test2006-en", "other", "I hope with all my heart", "", "en", ""}},
        // A PDF whose PLOOI manifest names it.
        {"kamerbrief-pdf/plooicb-2011-5424/1/pdf/20110301-5687928a-draagmoederschap.pdf",
         {"plooicb-2011-5424", "kamerbrief", "Brief Tweede Kamer: Draagmoederschap", "2011-03-01",
          "nl", ""}},
        {"annex-set-coronamelder/Bijlage B - Advies Autoriteit Persoonsgegevens.pdf",
         {"bijlage-b-advies-autoriteit-persoonsgegevens", "bijlage",
          "Bijlage B - Advies Autoriteit Persoonsgegevens", "2020-08-06", "nl", ""}},
        // Woo releases: e-mails titled by their subject, notas by theirs.
        {"woo-pdf/VWS-WOO-195461-FW_Noodverordening_regio_Haaglanden_20_september_2020.pdf",
         {"vws-woo-195461-fw-noodverordening-regio-haaglanden-20-september-2020", "email",
          "Noodverordening regio Haaglanden", "2020-09-21", "nl", ""}},
        {"woo-pdf/VWS-WOO-171436-Oplegnota_2020-09-29_13_49_19.docx.pdf",
         {"vws-woo-171436-oplegnota-2020-09-29-13-49-19-docx", "nota",
          "het bericht 'Dierenbeschermers willen verbod op reptielenbeurs", "2020-09-25", "nl",
          ""}},
    };
    return expected;
}

// Files that cannot be read, and the reason that must be given.
const std::map<std::string, std::string>& expected_rejections() {
    static const std::map<std::string, std::string> expected{
        {"repository-overheid/frbr/officielepublicaties/blg/onopgemaakt/blg-1007826/1/pdf/"
         "blg-1007826.pdf",
         "scanned PDF without a text layer"},
    };
    return expected;
}

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

void expect_document(const corpus::Document& document, const Expected& expected) {
    EXPECT_EQ(lower(document.id), lower(expected.id));
    EXPECT_EQ(corpus::kind_name(document.kind), expected.kind);
    EXPECT_TRUE(document.title.starts_with(expected.title_start)) << document.title;
    EXPECT_EQ(document.date, expected.date);
    EXPECT_EQ(corpus::language_code(document.language), expected.language);
    if (expected.a_speaker.empty()) return;
    bool found = false;
    for (const corpus::Passage& passage : document.passages)
        found |= passage.speaker == expected.a_speaker;
    EXPECT_TRUE(found) << "no passage spoken by " << expected.a_speaker;
}

TEST(SharedCorpus, ReadsEveryFileOrRejectsItWithAReasonOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const fs::path root = testing::shared_corpus_dir();
    std::vector<std::string> paths;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file() && !corpus::is_hidden_or_backup(entry.path().string()))
            paths.push_back(entry.path().string());
    }
    const corpus::PublicationSet set = corpus::group_publications(paths);
    std::size_t accounted = set.skipped.size();
    for (const corpus::SkippedFile& skipped : set.skipped)
        EXPECT_FALSE(skipped.reason.empty()) << skipped.path;
    std::size_t checked = 0;
    std::size_t rejected = 0;
    for (const corpus::Publication& publication : set.publications) {
        accounted += 1 + publication.alternates.size() + publication.metadata.size();
        const std::string relative = fs::relative(publication.path, root).string();
        SCOPED_TRACE(relative);
        std::vector<corpus::Document> documents;
        const std::string parent =
            publication.annex_of.empty() ? "" : corpus::id_from_path(publication.annex_of);
        try {
            documents = corpus::read_file(
                corpus::source_file_of(publication, testing::read_bytes(publication.path), parent));
        } catch (const corpus::NotAPublication& e) {
            EXPECT_FALSE(std::string(e.what()).empty());
            continue;
        } catch (const corpus::ReadError& e) {
            const auto expected = expected_rejections().find(relative);
            if (expected == expected_rejections().end()) {
                ADD_FAILURE() << "rejected: " << e.what();
            } else {
                ++rejected;
                EXPECT_NE(std::string(e.what()).find(expected->second), std::string::npos)
                    << e.what();
            }
            continue;
        }
        EXPECT_FALSE(expected_rejections().count(relative)) << "read, but expected a rejection";
        ASSERT_FALSE(documents.empty());
        for (const corpus::Document& document : documents) {
            EXPECT_FALSE(document.id.empty());
            EXPECT_FALSE(document.title.empty());
            EXPECT_FALSE(document.passages.empty());
        }
        if (const auto it = expectations().find(relative); it != expectations().end()) {
            ++checked;
            expect_document(documents.front(), it->second);
        }
    }
    // Metadata files attached to several candidates count once per candidate.
    EXPECT_GE(accounted, paths.size()) << "a file was left out silently";
    EXPECT_EQ(checked, expectations().size()) << "an expected file was not found";
    EXPECT_EQ(rejected, expected_rejections().size()) << "an expected rejection was not seen";
    EXPECT_GE(paths.size(), 50u);
}

TEST(SharedCorpus, IndexesTheWholeCorpusWithoutLosingAFileOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const fs::path index =
        fs::temp_directory_path() / ("kamerzoek-shared-" + std::to_string(::getpid()));
    fs::remove_all(index);
    IndexReport report;
    {
        Indexer indexer(index.string());
        report = indexer.add_paths({testing::shared_corpus_dir().string()});
    }
    std::size_t expected_failures = 0;
    for (const FileFailure& failure : report.failed) {
        const std::string relative =
            fs::relative(failure.path, testing::shared_corpus_dir()).string();
        if (expected_rejections().count(relative)) {
            ++expected_failures;
        } else {
            ADD_FAILURE() << failure.path << ": " << failure.reason;
        }
    }
    EXPECT_EQ(expected_failures, expected_rejections().size());
    // Every publication is added, rejected as expected, or skipped with a
    // note (a metadata record under an ordinary name).
    std::size_t skipped_when_read = 0;
    for (const SkippedFile& skipped : report.skipped) {
        EXPECT_FALSE(skipped.reason.empty()) << skipped.path;
        skipped_when_read += skipped.path.ends_with("opmeta1.xml");
    }
    EXPECT_EQ(report.added + expected_failures + skipped_when_read, report.files_seen);
    // The damaged Handelingen were repaired, and say so.
    EXPECT_GE(report.repaired.size(), 14u);
    Searcher searcher(index.string());
    SearchOptions options;
    options.limit = 3;
    const SearchResults repaired = searcher.search("\"ggz-cliënten\"", options);
    ASSERT_FALSE(repaired.hits.empty());
    EXPECT_EQ(repaired.hits.front().kind, "handelingen");
    const SearchResults english =
        searcher.search("\"continued UK membership of the EEA\"", options);
    ASSERT_FALSE(english.hits.empty());
    EXPECT_EQ(english.hits.front().doc_id, "parlamint-gb_2017-09-07-commons");
    fs::remove_all(index);
}

TEST(SharedCorpus, RanksBodyTextOfTheDraagmoederschapLetterFirstOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const fs::path index =
        fs::temp_directory_path() / ("kamerzoek-letter-" + std::to_string(::getpid()));
    fs::remove_all(index);
    {
        Indexer indexer(index.string());
        const IndexReport report = indexer.add_paths(
            {(testing::shared_corpus_dir() / "kamerbrief-pdf" / "plooicb-2011-5424" / "1" / "pdf")
                 .string()});
        ASSERT_EQ(report.added, 1u);
    }
    Searcher searcher(index.string());
    const SearchResults results = searcher.search("draagmoederschap", SearchOptions{});
    ASSERT_FALSE(results.hits.empty());
    const Hit& first = results.hits.front();
    EXPECT_EQ(first.title, "Draagmoederschap");
    EXPECT_EQ(first.kind, "kamerbrief");
    EXPECT_EQ(first.text.find("Retouradres"), std::string::npos) << first.text;
    EXPECT_EQ(first.text.find("Directoraat-Generaal"), std::string::npos) << first.text;
    EXPECT_GT(first.text.size(), 200u) << first.text;
    fs::remove_all(index);
}

}  // namespace
}  // namespace kamerzoek
