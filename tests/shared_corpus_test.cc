// Every real file in ../shared/corpus either becomes documents with the
// metadata a reader would expect, or is rejected with a reason. No file may
// be skipped silently.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

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
    std::size_t files = 0;
    std::size_t checked = 0;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file() || corpus::is_companion_or_hidden(entry.path().string()))
            continue;
        ++files;
        const std::string relative = fs::relative(entry.path(), root).string();
        SCOPED_TRACE(relative);
        std::vector<corpus::Document> documents;
        try {
            documents =
                corpus::read_file({entry.path().string(), testing::read_bytes(entry.path())});
        } catch (const corpus::ReadError& e) {
            // Every file there is readable today; a rejection must at least say why.
            ADD_FAILURE() << "rejected: " << e.what();
            continue;
        }
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
    EXPECT_EQ(checked, expectations().size()) << "an expected file was not found";
    EXPECT_GE(files, 50u);
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
    for (const FileFailure& failure : report.failed)
        ADD_FAILURE() << failure.path << ": " << failure.reason;
    EXPECT_EQ(report.added, report.files_seen);
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
