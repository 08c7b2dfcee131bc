// References in the index and the results: Searcher::show, Searcher::cites,
// the ref:/dossier: filters, and the show and cites commands.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "kamerzoek/kamerzoek.h"
#include "tests/test_paths.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

// tests/data/cites: a motion indexed under its file name (so its id is the
// lower-case "kst-34300-v-30"), and two later letters that cite it as
// "Kamerstuk 34 300 V, nr. 30"; the March letter also cites a Handelingen item.
constexpr const char* kMotion = "kst-34300-v-30";
constexpr const char* kMarchLetter = "brief-bevriezen-tegoeden";
constexpr const char* kMayLetter = "brief-terrorismebestrijding";

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    return dir;
}

std::set<std::string> ids_of(const std::vector<Reference>& refs) {
    std::set<std::string> ids;
    for (const Reference& ref : refs) ids.insert(ref.id);
    return ids;
}

std::vector<std::string> doc_ids_of(const CitesResults& results) {
    std::vector<std::string> ids;
    for (const CitesGroup& group : results.documents) ids.push_back(group.doc_id);
    return ids;
}

class CitingFixtures : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        index_dir_ = new fs::path(fresh_dir("kamerzoek-cites"));
        Indexer indexer(index_dir_->string());
        const IndexReport report = indexer.add_paths({testing::fixture("cites").string()});
        indexer.commit();
        ASSERT_EQ(report.documents_indexed, 3u);
    }
    static void TearDownTestSuite() {
        fs::remove_all(*index_dir_);
        delete index_dir_;
    }

    static Searcher searcher() { return Searcher(index_dir_->string()); }

    static fs::path* index_dir_;
};

fs::path* CitingFixtures::index_dir_ = nullptr;

TEST_F(CitingFixtures, ShowGivesTheDocumentsPassagesInReadingOrder) {
    const DocumentView letter = searcher().show(kMarchLetter);
    EXPECT_EQ(letter.doc_id, kMarchLetter);
    EXPECT_EQ(letter.date, "2016-03-01");
    EXPECT_EQ(letter.lang, "nl");
    ASSERT_GE(letter.passages.size(), 2u);
    for (std::size_t i = 0; i < letter.passages.size(); ++i) {
        EXPECT_EQ(letter.passages[i].ordinal, static_cast<int>(i));
    }
    EXPECT_NE(letter.source.find("brief-bevriezen-tegoeden.txt"), std::string::npos);
}

TEST_F(CitingFixtures, ShowListsEveryDistinctIdTheDocumentCites) {
    const DocumentView letter = searcher().show(kMarchLetter);
    EXPECT_EQ(ids_of(letter.cites),
              (std::set<std::string>{"kst-34300-V-30", "h-tk-20152016-26-5"}));
    std::size_t refs_in_passages = 0;
    for (const DocumentPassage& passage : letter.passages) refs_in_passages += passage.refs.size();
    EXPECT_EQ(refs_in_passages, 2u);
}

TEST_F(CitingFixtures, ACitedDocumentIndexedUnderALowerCaseFileNameIdIsInIndex) {
    const DocumentView letter = searcher().show(kMarchLetter);
    for (const Reference& ref : letter.cites) {
        if (ref.id == "kst-34300-V-30") {
            EXPECT_EQ(ref.in_index, kMotion);
            EXPECT_EQ(ref.url, "https://zoek.officielebekendmakingen.nl/kst-34300-V-30");
        } else {
            EXPECT_EQ(ref.in_index, "") << ref.id;
        }
    }
}

TEST_F(CitingFixtures, ShowAcceptsTheCanonicalSpellingOfAFileNameId) {
    const DocumentView motion = searcher().show("kst-34300-V-30");
    EXPECT_EQ(motion.doc_id, kMotion);
    EXPECT_EQ(motion.dossier, "34300-V");
}

TEST_F(CitingFixtures, SearchCountsTheDocumentsItsPassagesAreIn) {
    SearchOptions every_passage;
    every_passage.limit = 100;
    every_passage.per_document = 0;
    const SearchResults all = searcher().search("tegoeden", every_passage);
    std::set<std::string> documents;
    for (const Hit& hit : all.hits) documents.insert(hit.doc_id);
    ASSERT_EQ(documents.size(), 3u);
    EXPECT_EQ(all.documents, documents.size());
    SearchOptions one_per_document;
    one_per_document.per_document = 1;
    const SearchResults capped = searcher().search("tegoeden", one_per_document);
    EXPECT_EQ(capped.documents, documents.size());
    EXPECT_EQ(capped.total, all.total);
    const auto json = nlohmann::json::parse(to_json(capped));
    EXPECT_EQ(json["documents"], documents.size());
    EXPECT_EQ(searcher().search("tegoeden motie", every_passage).documents, 3u);
    EXPECT_EQ(searcher().search("terrorisme", every_passage).documents, 1u);
}

TEST_F(CitingFixtures, ShowMatchesTheLettersBeforeTheNumberInAnyCase) {
    for (const char* typed : {"KST-34300-V-30", "Kst-34300-v-30", "KST-34300-v-30"}) {
        SCOPED_TRACE(typed);
        EXPECT_EQ(searcher().show(typed).doc_id, kMotion);
    }
}

TEST_F(CitingFixtures, ShowListsTheDocumentsThatCiteItNewestFirst) {
    const DocumentView motion = searcher().show(kMotion);
    ASSERT_EQ(motion.cited_by.size(), 2u);
    EXPECT_EQ(motion.cited_by[0].doc_id, kMayLetter);
    EXPECT_EQ(motion.cited_by[1].doc_id, kMarchLetter);
    for (const CitingDocument& citing : motion.cited_by) {
        EXPECT_EQ(citing.cited_ids, std::vector<std::string>{"kst-34300-V-30"});
        ASSERT_EQ(citing.passages.size(), 1u);
        const DocumentView document = searcher().show(citing.doc_id);
        const DocumentPassage& passage = document.passages.at(citing.passages[0]);
        EXPECT_NE(passage.text.find("34 300 V, nr. 30"), std::string::npos) << passage.text;
    }
    EXPECT_TRUE(searcher().show(kMayLetter).cited_by.empty());
}

TEST_F(CitingFixtures, ShowThrowsNotFoundForAnUnknownId) {
    EXPECT_THROW(searcher().show("kst-99999-1"), NotFound);
    EXPECT_THROW(searcher().show(""), NotFound);
}

TEST_F(CitingFixtures, CitesFindsTheSamePassagesWhateverFormTheReferenceTakes) {
    const std::vector<std::string> expected{kMayLetter, kMarchLetter};
    for (const char* ref : {"Kamerstuk 34 300 V, nr. 30", "kst-34300-V-30", "kst-34300-v-30",
                            "Kamerstukken II 2015/16, 34 300 V, nr. 30"}) {
        const CitesResults results = searcher().cites(ref);
        EXPECT_EQ(doc_ids_of(results), expected) << ref;
        EXPECT_EQ(results.total, 2u) << ref;
        ASSERT_EQ(results.looked_for.size(), 1u) << ref;
        EXPECT_EQ(results.looked_for[0].in_index, kMotion) << ref;
    }
}

TEST_F(CitingFixtures, CitesWithoutTextPutsTheNewestDocumentFirst) {
    const CitesResults results = searcher().cites("kst-34300-V-30");
    ASSERT_EQ(results.documents.size(), 2u);
    EXPECT_EQ(results.documents[0].date, "2016-05-12");
    EXPECT_EQ(results.documents[1].date, "2016-03-01");
    for (const CitesGroup& group : results.documents) {
        ASSERT_EQ(group.passages.size(), 1u);
        EXPECT_EQ(ids_of(group.passages[0].refs).count("kst-34300-V-30"), 1u);
        EXPECT_EQ(group.passages[0].refs[0].in_index, kMotion);
    }
}

TEST_F(CitingFixtures, CitesWithTextKeepsOnlyPassagesMatchingIt) {
    CitesOptions options;
    options.text = "terrorismebestrijding";
    const CitesResults results = searcher().cites("kst-34300-V-30", options);
    EXPECT_EQ(doc_ids_of(results), std::vector<std::string>{kMayLetter});
    ASSERT_EQ(results.documents.size(), 1u);
    EXPECT_GT(results.documents[0].passages.at(0).score, 0);
}

TEST_F(CitingFixtures, CitesHonoursTheLimit) {
    CitesOptions options;
    options.limit = 1;
    const CitesResults results = searcher().cites("kst-34300-V-30", options);
    EXPECT_EQ(doc_ids_of(results), std::vector<std::string>{kMayLetter});
    EXPECT_EQ(results.total, 2u);
}

TEST_F(CitingFixtures, CitesADossierFindsPassagesCitingAnyPaperOfIt) {
    for (const char* dossier : {"34300-V", "34300-v"}) {
        const CitesResults results = searcher().cites(dossier);
        EXPECT_EQ(doc_ids_of(results), (std::vector<std::string>{kMayLetter, kMarchLetter}))
            << dossier;
        ASSERT_EQ(results.looked_for.size(), 1u);
        EXPECT_EQ(results.looked_for[0].type, "dossier");
    }
}

TEST_F(CitingFixtures, CitesOfAHandelingenItemFindsOnlyThePassageCitingIt) {
    const CitesResults results = searcher().cites("Handelingen II 2015/16, nr. 26, item 5");
    ASSERT_EQ(doc_ids_of(results), std::vector<std::string>{kMarchLetter});
    EXPECT_NE(results.documents[0].passages.at(0).text.find("nr. 26, item 5"), std::string::npos);
    EXPECT_TRUE(searcher().cites("h-tk-20152016-26-16").documents.empty());
}

TEST_F(CitingFixtures, CitesThrowsNotFoundForSomethingThatIsNoCitation) {
    EXPECT_THROW(searcher().cites("bevriezen"), NotFound);
}

TEST_F(CitingFixtures, RefAndDossierFiltersCombineWithFreeText) {
    SearchOptions options;
    options.per_document = 0;
    const SearchResults tegoeden = searcher().search("tegoeden ref:kst-34300-V-30", options);
    std::set<std::string> docs;
    for (const Hit& hit : tegoeden.hits) docs.insert(hit.doc_id);
    EXPECT_EQ(docs, (std::set<std::string>{kMarchLetter, kMayLetter}));

    const SearchResults debate = searcher().search("financiering ref:h-tk-20152016-26-5", options);
    ASSERT_EQ(debate.hits.size(), 1u);
    EXPECT_EQ(debate.hits[0].doc_id, kMarchLetter);

    const SearchResults dossier =
        searcher().search("terrorismebestrijding dossier:34300-V", options);
    ASSERT_FALSE(dossier.hits.empty());
    for (const Hit& hit : dossier.hits) EXPECT_EQ(hit.doc_id, kMayLetter);
    EXPECT_TRUE(searcher().search("financiering dossier:34300-V", options).hits.empty());
}

TEST_F(CitingFixtures, DocumentJsonCarriesTheSchemaFields) {
    const auto json = nlohmann::json::parse(to_json(searcher().show(kMotion)));
    for (const char* field : {"doc_id", "title", "kind", "date", "lang", "source", "parent_id",
                              "dossier", "annexes", "passages", "cites", "cited_by"}) {
        EXPECT_TRUE(json.contains(field)) << field;
    }
    EXPECT_EQ(json["dossier"], "34300-V");
    EXPECT_TRUE(json["parent_id"].is_null());
    EXPECT_EQ(json["cited_by"].size(), 2u);
    EXPECT_EQ(json["cited_by"][0]["passages"].size(), 1u);
    const auto cites = nlohmann::json::parse(to_json(searcher().cites("34300-V")));
    EXPECT_EQ(cites["total"], 2);
    EXPECT_EQ(cites["documents"][0]["passages"][0]["refs"][0]["in_index"], kMotion);
}

// The real documents: the seed letter and two Handelingen items in XML.
class CitingCorpus : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        index_dir_ = new fs::path(fresh_dir("kamerzoek-cites-corpus"));
        const fs::path corpus = testing::shared_corpus_dir();
        if (!fs::is_directory(corpus)) return;
        Indexer indexer(index_dir_->string());
        report_ = new IndexReport(
            indexer.add_paths({(corpus / "seed").string(), (corpus / "handelingen-xml").string()}));
        indexer.commit();
    }
    static void TearDownTestSuite() {
        fs::remove_all(*index_dir_);
        delete index_dir_;
        delete report_;
    }
    void SetUp() override {
        REQUIRE_SHARED_CORPUS();
        ASSERT_NE(report_, nullptr);
        ASSERT_TRUE(report_->failed.empty())
            << report_->failed[0].path << ": " << report_->failed[0].reason;
    }

    static Searcher searcher() { return Searcher(index_dir_->string()); }

    static fs::path* index_dir_;
    static IndexReport* report_;
};

fs::path* CitingCorpus::index_dir_ = nullptr;
IndexReport* CitingCorpus::report_ = nullptr;

constexpr const char* kSeed = "kamerbrief-2016-02-09-ftf-conferentie";
constexpr const char* kDebate = "h-tk-20172018-61-10";

TEST_F(CitingCorpus, TheSeedLetterCitesExactlyItsFiveDocumentsOnSharedCorpus) {
    const DocumentView seed = searcher().show(kSeed);
    EXPECT_EQ(ids_of(seed.cites),
              (std::set<std::string>{"h-tk-20152016-26-5", "h-tk-20152016-26-16",
                                     "h-tk-20152016-27-8", "kst-34300-V-30", "kst-29754-336"}));
    EXPECT_EQ(seed.date, "2016-02-09");
}

TEST_F(CitingCorpus, CitesOfTheFirstHandelingenItemFindsTheSeedsFirstPassageOnSharedCorpus) {
    const CitesResults results = searcher().cites("Handelingen II 2015/16, nr. 26, item 5");
    ASSERT_EQ(doc_ids_of(results), std::vector<std::string>{kSeed});
    const std::vector<Hit>& passages = results.documents[0].passages;
    ASSERT_FALSE(passages.empty());
    const DocumentView seed = searcher().show(kSeed);
    int first_citing = -1;
    for (const DocumentPassage& passage : seed.passages) {
        if (first_citing < 0 && ids_of(passage.refs).count("h-tk-20152016-26-5"))
            first_citing = passage.ordinal;
    }
    EXPECT_EQ(passages[0].passage, first_citing);
    EXPECT_NE(passages[0].text.find("Handelingen II 2015/16, nr. 26"), std::string::npos);
}

TEST_F(CitingCorpus, RefAndDossierFiltersWorkOnTheSeedLetterOnSharedCorpus) {
    SearchOptions options;
    options.per_document = 0;
    for (const char* query : {"motie ref:h-tk-20152016-26-5", "motie ref:kst-34300-V-30",
                              "motie dossier:34300-V", "motie ref:kst-29754-336"}) {
        const SearchResults results = searcher().search(query, options);
        ASSERT_FALSE(results.hits.empty()) << query;
        for (const Hit& hit : results.hits) EXPECT_EQ(hit.doc_id, kSeed) << query;
    }
    EXPECT_TRUE(searcher().search("motie ref:kst-34300-V-31", options).hits.empty());
}

TEST_F(CitingCorpus, TheHandelingenXmlCitesTheKamerstukkenItLinksToOnSharedCorpus) {
    const DocumentView debate = searcher().show(kDebate);
    EXPECT_EQ(debate.kind, "handelingen");
    EXPECT_EQ(ids_of(debate.cites).count("kst-31311-199"), 1u);

    const CitesResults motion = searcher().cites("kst-31311-199");
    ASSERT_EQ(doc_ids_of(motion), std::vector<std::string>{kDebate});
    SearchOptions options;
    options.per_document = 0;
    const SearchResults filtered = searcher().search("motie ref:kst-31311-199", options);
    ASSERT_FALSE(filtered.hits.empty());
    for (const Hit& hit : filtered.hits) EXPECT_EQ(hit.doc_id, kDebate);
    const CitesResults dossier = searcher().cites("31311");
    EXPECT_EQ(doc_ids_of(dossier), std::vector<std::string>{kDebate});
    EXPECT_GE(dossier.total, motion.total);
}

// The commands as a user runs them.
using testing::CommandResult;

class CitesCli : public CitingFixtures {
  protected:
    static CommandResult run(const std::string& arguments) {
        return testing::run_kamerzoek(arguments + " --db " + index_dir_->string(),
                                      index_dir_->parent_path());
    }
};

TEST_F(CitesCli, ShowPrintsPassagesReferencesAndCitingDocuments) {
    const CommandResult show = run("show kst-34300-V-30");
    ASSERT_EQ(show.exit_code, 0) << show.err;
    EXPECT_NE(show.out.find("Cited by (2)"), std::string::npos) << show.out;
    EXPECT_NE(show.out.find(kMayLetter), std::string::npos) << show.out;
    const CommandResult letter = run("show " + std::string(kMarchLetter));
    EXPECT_NE(letter.out.find(
                  "→ kst-34300-V-30 (Kamerstuk 34 300 V, nr. 30) [in index as kst-34300-v-30]"),
              std::string::npos)
        << letter.out;
}

TEST_F(CitesCli, ShowJsonParsesAndNamesTheDocument) {
    const CommandResult show = run("show --json " + std::string(kMarchLetter));
    ASSERT_EQ(show.exit_code, 0) << show.err;
    const auto json = nlohmann::json::parse(show.out);
    EXPECT_EQ(json["doc_id"], kMarchLetter);
    EXPECT_EQ(json["cites"].size(), 2u);
}

TEST_F(CitesCli, ShowOfAnUnknownDocumentExitsWithTwoAndSaysSo) {
    const CommandResult show = run("show kst-99999-1");
    EXPECT_EQ(show.exit_code, 2);
    EXPECT_TRUE(show.out.empty());
    EXPECT_NE(show.err.find("no document \"kst-99999-1\""), std::string::npos) << show.err;
}

TEST_F(CitesCli, CitesPrintsPassagesGroupedByDocumentAndHonoursTheLimit) {
    const CommandResult cites = run("cites '34 300 V, nr. 30'");
    ASSERT_EQ(cites.exit_code, 0) << cites.err;
    EXPECT_NE(cites.out.find("2 of 2 passages citing"), std::string::npos) << cites.out;
    EXPECT_LT(cites.out.find(kMayLetter), cites.out.find(kMarchLetter)) << cites.out;
    const CommandResult limited = run("cites --json --limit 1 kst-34300-V-30");
    ASSERT_EQ(limited.exit_code, 0) << limited.err;
    const auto json = nlohmann::json::parse(limited.out);
    EXPECT_EQ(json["total"], 2);
    ASSERT_EQ(json["documents"].size(), 1u);
    EXPECT_EQ(json["documents"][0]["doc_id"], kMayLetter);
}

TEST_F(CitesCli, CitesOfSomethingThatIsNoCitationExitsWithTwo) {
    const CommandResult cites = run("cites bevriezen");
    EXPECT_EQ(cites.exit_code, 2);
    EXPECT_NE(cites.err.find("\"bevriezen\" is not a citation"), std::string::npos) << cites.err;
    EXPECT_EQ(run("cites").exit_code, 2);
}

TEST_F(CitesCli, CitesOfAnIdNobodyCitesSaysSoAndSucceeds) {
    const CommandResult cites = run("cites kst-29754-336");
    EXPECT_EQ(cites.exit_code, 0) << cites.err;
    EXPECT_NE(cites.out.find("No passage in the index cites"), std::string::npos) << cites.out;
}

}  // namespace
}  // namespace kamerzoek
