// Incremental and full reindexing: what each run reports, what searchers
// see meanwhile, and that interrupted runs converge on a clean index.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <xapian.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "indexer/index_schema.h"
#include "kamerzoek/kamerzoek.h"
#include "tests/test_paths.h"

extern char** environ;

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

const std::array<const char*, 8> kTopics = {"windmolens",  "zonnepanelen", "waterstof",
                                            "kernenergie", "warmtenet",    "getijden",
                                            "geothermie",  "biomassa"};

std::string letter(int number) {
    return "Den Haag, " + std::to_string(1 + number % 28) +
           " maart 2021\n\nGeachte Voorzitter,\n\nDe minister schrijft in brief " +
           std::to_string(number) + " over " + kTopics[number % kTopics.size()] + " en " +
           kTopics[(number * 3 + 1) % kTopics.size()] + ". Het kabinet wil de " +
           kTopics[(number / 3) % kTopics.size()] + " in de provincie nummer " +
           std::to_string(number % 12) +
           " versneld uitbreiden.\n\nIn het tweede deel gaat het over de netcapaciteit en de "
           "vergunningen "
           "voor project " +
           std::to_string(number) + ", die de gemeenten moeten afgeven.\n";
}

using testing::CommandResult;
using testing::read_bytes;

// Passages per document id, straight from the index.
std::map<std::string, Xapian::doccount> passages_by_document(const fs::path& index) {
    Xapian::Database db(index.string());
    std::map<std::string, Xapian::doccount> counts;
    const std::string prefix(schema::kDocId);
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
        counts[(*term).substr(prefix.size())] = term.get_termfreq();
    }
    return counts;
}

class Reindex : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("kamerzoek-reindex-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(corpus());
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path corpus() const { return dir_ / "corpus"; }
    fs::path index() const { return dir_ / "index"; }

    void write(const std::string& name, const std::string& text) {
        std::ofstream(corpus() / name, std::ios::binary) << text;
    }

    void write_letters(int count) {
        for (int i = 0; i < count; ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "brief-%04d.txt", i);
            write(name, letter(i));
        }
    }

    IndexReport index_corpus(IndexOptions options = {}) {
        Indexer indexer(index().string(), options);
        return indexer.add_paths({corpus().string()});
    }

    std::set<std::string> documents_matching(const std::string& query) {
        Searcher searcher(index().string());
        SearchOptions options;
        options.limit = 100;
        std::set<std::string> ids;
        for (const Hit& hit : searcher.search(query, options).hits) ids.insert(hit.doc_id);
        return ids;
    }

    // Top hits as "doc#passage score" (scores rounded: ties may order differently).
    std::multiset<std::string> top_hits(const fs::path& index_dir, const std::string& query) {
        Searcher searcher(index_dir.string());
        SearchOptions options;
        options.limit = 10;
        std::multiset<std::string> hits;
        for (const Hit& hit : searcher.search(query, options).hits) {
            hits.insert(hit.doc_id + "#" + std::to_string(hit.passage) + " " +
                        std::to_string(std::lround(hit.score * 1000)));
        }
        return hits;
    }

    std::string cli_command(const std::string& arguments) const {
        return std::string(KAMERZOEK_CLI) + " " + arguments + " --db " + index().string();
    }

    CommandResult run(const std::string& arguments) {
        return testing::run_kamerzoek(arguments + " --db " + index().string(), dir_);
    }

    // Starts `kamerzoek index` in the background; stderr goes to a file.
    pid_t spawn_index(const std::string& extra) {
        const std::string command = "exec " +
                                    cli_command("index " + extra + " " + corpus().string()) +
                                    " 2>" + (dir_ / "child-stderr.txt").string() + " >/dev/null";
        const char* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
        pid_t pid = -1;
        EXPECT_EQ(::posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char* const*>(argv),
                                environ),
                  0);
        return pid;
    }

    // Waits until the running index has committed at least `files` files.
    bool wait_for_committed_files(pid_t child, std::size_t files) {
        for (int i = 0; i < 4000; ++i) {
            int status = 0;
            if (::waitpid(child, &status, WNOHANG) == child) return false;  // finished too soon
            try {
                if (read_index_stats(index().string()).files >= files) return true;
            } catch (const IndexError&) {
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return false;
    }

    int wait_for_exit(pid_t child) {
        int status = 0;
        ::waitpid(child, &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    }

    fs::path dir_;
};

TEST_F(Reindex, ReportsAddedChangedRemovedAndUnchangedFilesAndSearchesFollow) {
    write("wind.txt", "Den Haag, 1 maart 2021\n\nDe minister schrijft over windmolens op zee.\n");
    write("zon.txt",
          "Den Haag, 2 maart 2021\n\nDe minister schrijft over zonnepanelen op daken.\n");
    write("water.txt",
          "Den Haag, 3 maart 2021\n\nDe minister schrijft over waterstof in de industrie.\n");
    IndexReport first = index_corpus();
    EXPECT_EQ(first.added, 3u);
    EXPECT_TRUE(first.failed.empty());
    EXPECT_EQ(documents_matching("zonnepanelen"), std::set<std::string>{"zon"});

    IndexReport again = index_corpus();
    EXPECT_EQ(again.unchanged, 3u);
    EXPECT_EQ(again.added + again.updated + again.removed, 0u);

    write(
        "zon.txt",
        "Den Haag, 2 maart 2021\n\nDe minister schrijft nu over getijdencentrales aan de kust.\n");
    fs::remove(corpus() / "water.txt");
    fs::rename(corpus() / "wind.txt", corpus() / "molens.txt");
    write("leeg.txt", "");
    write("reus.txt", "");
    fs::resize_file(corpus() / "reus.txt", 600ull << 20);  // sparse: too large to read
    IndexReport mutated = index_corpus();
    EXPECT_EQ(mutated.added, 1u);    // molens
    EXPECT_EQ(mutated.updated, 1u);  // zon
    EXPECT_EQ(mutated.removed, 2u);  // wind, water
    EXPECT_EQ(mutated.unchanged, 0u);
    ASSERT_EQ(mutated.failed.size(), 2u);
    EXPECT_NE(mutated.failed[0].path.find("leeg.txt"), std::string::npos);
    EXPECT_NE(mutated.failed[1].reason.find("too large"), std::string::npos)
        << mutated.failed[1].reason;
    EXPECT_TRUE(documents_matching("zonnepanelen").empty());
    EXPECT_EQ(documents_matching("getijdencentrales"), std::set<std::string>{"zon"});
    EXPECT_TRUE(documents_matching("waterstof industrie").count("water") == 0);
    EXPECT_TRUE(documents_matching(kTopics[0]).count("molens"));
    EXPECT_FALSE(documents_matching(kTopics[0]).count("wind"));
}

// A changed file's passages take over the slots its old passages had; what
// it no longer says must be gone, and the result must be what a fresh index
// of the new text gives.
TEST_F(Reindex, AChangedFileGivesWhatAFreshIndexOfItGives) {
    const auto paragraph = [](const std::string& topic) {
        return "Het kabinet informeert de Kamer uitvoerig over " + topic +
               ", over de planning van de uitvoering, over de kosten voor huishoudens en "
               "bedrijven en over de afspraken met provincies en gemeenten.\n\n";
    };
    const std::string head = "Den Haag, 2 maart 2021\n\n";
    write("energie.txt", head + paragraph("windmolens") + paragraph("zonnepanelen") +
                             paragraph("kernenergie") + paragraph("biomassa"));
    write("andere.txt", head + paragraph("warmtenetten"));
    index_corpus();
    ASSERT_EQ(passages_by_document(index()).at("energie"), 4u);

    write("energie.txt", head + paragraph("getijdencentrales") + paragraph("zonnepanelen") +
                             paragraph("geothermie"));
    EXPECT_EQ(index_corpus().updated, 1u);
    EXPECT_EQ(passages_by_document(index()).at("energie"), 3u);
    EXPECT_TRUE(documents_matching("windmolens").empty());
    EXPECT_TRUE(documents_matching("biomassa").empty());
    EXPECT_EQ(documents_matching("getijdencentrales"), std::set<std::string>{"energie"});
    EXPECT_EQ(documents_matching("warmtenetten"), std::set<std::string>{"andere"});

    const fs::path fresh = dir_ / "fresh";
    Indexer(fresh.string()).add_paths({corpus().string()});
    EXPECT_EQ(passages_by_document(index()), passages_by_document(fresh));
    Searcher changed(index().string()), clean(fresh.string());
    EXPECT_EQ(changed.passage_count(), clean.passage_count());
    for (const std::string query : {"zonnepanelen", "geothermie kosten", "provincies gemeenten",
                                    "\"planning van de uitvoering\""}) {
        EXPECT_EQ(top_hits(index(), query), top_hits(fresh, query)) << query;
    }
    const DocumentView view = changed.show("energie");
    ASSERT_EQ(view.passages.size(), 3u);
    EXPECT_NE(view.passages[0].text.find("getijdencentrales"), std::string::npos);
    EXPECT_NE(view.passages[2].text.find("geothermie"), std::string::npos);
}

// A passage whose text did not change is left alone only when its terms did
// not either: a word added elsewhere in the document can make one of its
// compounds splittable ("havenbeveiliging" once "haven" and "beveiliging"
// are words of the document).
TEST_F(Reindex, AnUnchangedPassageIsRewrittenWhenItsDocumentsWordsSplitItsCompounds) {
    const std::string head = "Den Haag, 2 maart 2021\n\n";
    const std::string first =
        "De havenbeveiliging in Rotterdam is de komende jaren een belangrijk onderwerp voor het "
        "kabinet en voor de gemeente, die samen de kosten dragen.\n\n";
    write("haven.txt", head + first +
                           "Het kabinet bericht de Kamer in het voorjaar over de voortgang van "
                           "de plannen en over de afspraken met de gemeente.\n\n");
    index_corpus();
    write("haven.txt", head + first +
                           "Het kabinet bericht de Kamer in het voorjaar over de voortgang van "
                           "de plannen, over de haven en over de beveiliging van de kades.\n\n");
    EXPECT_EQ(index_corpus().updated, 1u);

    const fs::path fresh = dir_ / "fresh";
    Indexer(fresh.string()).add_paths({corpus().string()});
    for (const std::string query : {"beveiliging", "haven", "havenbeveiliging"}) {
        EXPECT_EQ(top_hits(index(), query), top_hits(fresh, query)) << query;
    }
    // The first passage now matches "beveiliging" through its compound.
    SearchOptions options;
    options.per_document = 0;
    std::set<int> passages;
    for (const Hit& hit : Searcher(index().string()).search("beveiliging", options).hits)
        passages.insert(hit.passage);
    EXPECT_TRUE(passages.count(0)) << "the compound's passage was left with its old terms";
}

TEST_F(Reindex, KeepsThePreviousVersionWhenAChangedFileNoLongerParses) {
    write("zon.txt",
          "Den Haag, 2 maart 2021\n\nDe minister schrijft over zonnepanelen op daken.\n");
    ASSERT_EQ(index_corpus().added, 1u);
    // Bytes of no known format: a program's header would be skipped as one.
    constexpr char kGarbage[] = "\x01\x02\0\0\0\x03\xfe\xff\x01\x02\x03";
    write("zon.txt", std::string(kGarbage, sizeof kGarbage - 1));
    const IndexReport broken = index_corpus();
    ASSERT_EQ(broken.failed.size(), 1u);
    EXPECT_NE(broken.failed[0].reason.find("binary"), std::string::npos);
    EXPECT_EQ(broken.updated, 0u);
    EXPECT_EQ(documents_matching("zonnepanelen"), std::set<std::string>{"zon"});
    // Still failing next time: reported again, not forgotten.
    EXPECT_EQ(index_corpus().failed.size(), 1u);
}

TEST_F(Reindex, AFailedFileIsReportedEachRunButReadAgainOnlyOnceItChanges) {
    constexpr char kGarbage[] = "\x01\x02\0\0\0\x03\xfe\xff\x01\x02\x03";
    write("kapot.txt", std::string(kGarbage, sizeof kGarbage - 1));
    write_letters(1);
    const IndexReport first = index_corpus();
    ASSERT_EQ(first.failed.size(), 1u);
    EXPECT_EQ(first.failed[0].reason.find("not read again"), std::string::npos);

    const IndexReport unchanged = index_corpus();
    ASSERT_EQ(unchanged.failed.size(), 1u);
    EXPECT_NE(unchanged.failed[0].reason.find("binary"), std::string::npos);
    EXPECT_NE(unchanged.failed[0].reason.find("not read again"), std::string::npos)
        << unchanged.failed[0].reason;

    IndexOptions retry;
    retry.retry_failed = true;
    const IndexReport retried = index_corpus(retry);
    ASSERT_EQ(retried.failed.size(), 1u);
    EXPECT_EQ(retried.failed[0].reason.find("not read again"), std::string::npos);

    write("kapot.txt", "Den Haag, 3 maart 2021\n\nDe minister schrijft over getijdenenergie.\n");
    const IndexReport repaired = index_corpus();
    EXPECT_TRUE(repaired.failed.empty());
    EXPECT_EQ(repaired.added, 1u);
    EXPECT_EQ(documents_matching("getijdenenergie"), std::set<std::string>{"kapot"});

    // Broken again, then gone: the failure is forgotten with the file.
    write("kapot.txt", std::string(kGarbage, sizeof kGarbage - 1));
    EXPECT_EQ(index_corpus().failed.size(), 1u);
    fs::remove(corpus() / "kapot.txt");
    const IndexReport gone = index_corpus();
    EXPECT_TRUE(gone.failed.empty());
    EXPECT_EQ(gone.removed, 1u);
    EXPECT_TRUE(documents_matching("getijdenenergie").empty());
}

TEST_F(Reindex, AFileOverTheSizeLimitIsReportedWithTheLimitAndTheRestIsIndexed) {
    write_letters(2);
    write("groot.txt", letter(7) + std::string(4096, 'x'));
    IndexOptions options;
    options.max_file_bytes = 2048;
    const IndexReport report = index_corpus(options);
    EXPECT_EQ(report.added, 2u);
    ASSERT_EQ(report.failed.size(), 1u);
    EXPECT_NE(report.failed[0].path.find("groot.txt"), std::string::npos);
    EXPECT_NE(report.failed[0].reason.find("--max-file-size"), std::string::npos)
        << report.failed[0].reason;
    // Raising the limit reads it: the size limit is not a failure of the file.
    options.max_file_bytes = 1 << 20;
    const IndexReport raised = index_corpus(options);
    EXPECT_TRUE(raised.failed.empty());
    EXPECT_EQ(raised.added, 1u);
}

TEST_F(Reindex, LeavesDocumentsOfPathsNotGivenInThisRunAlone) {
    fs::create_directories(corpus() / "a");
    fs::create_directories(corpus() / "b");
    write("a/een.txt", letter(1));
    write("b/twee.txt", letter(2));
    Indexer(index().string()).add_paths({(corpus() / "a").string(), (corpus() / "b").string()});
    fs::remove(corpus() / "b" / "twee.txt");
    const IndexReport only_a = Indexer(index().string()).add_paths({(corpus() / "a").string()});
    EXPECT_EQ(only_a.removed, 0u);
    EXPECT_EQ(passages_by_document(index()).count("twee"), 1u);
    const IndexReport only_b = Indexer(index().string()).add_paths({(corpus() / "b").string()});
    EXPECT_EQ(only_b.removed, 1u);
    EXPECT_EQ(passages_by_document(index()).count("twee"), 0u);
}

TEST_F(Reindex, ConvergesAfterAKilledRunOnWhatACleanFullIndexGives) {
    write_letters(400);
    const pid_t child = spawn_index("--commit-every 10");
    ASSERT_TRUE(wait_for_committed_files(child, 30)) << "the run ended before it could be killed";
    ::kill(child, SIGKILL);
    wait_for_exit(child);
    const std::size_t committed = read_index_stats(index().string()).files;
    EXPECT_LT(committed, 400u);
    Searcher survivor(index().string());
    EXPECT_GT(survivor.passage_count(), 0u);
    EXPECT_NO_THROW(survivor.search(kTopics[1]));

    const CommandResult rerun = run("index --json " + corpus().string());
    ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
    const auto summary = nlohmann::json::parse(rerun.out);
    EXPECT_EQ(summary["added"].get<std::size_t>() + summary["unchanged"].get<std::size_t>(), 400u);
    EXPECT_GE(summary["unchanged"].get<std::size_t>(), committed);

    const fs::path clean = dir_ / "clean";
    Indexer(clean.string()).add_paths({corpus().string()});
    EXPECT_EQ(passages_by_document(index()), passages_by_document(clean));
    for (const std::string query : {"windmolens provincie", "\"netcapaciteit en de vergunningen\"",
                                    "project 17", "biomassa OR geothermie", "kernenergie"}) {
        EXPECT_EQ(top_hits(index(), query), top_hits(clean, query)) << query;
    }
}

TEST_F(Reindex, StopsCleanlyOnSigtermAndTheNextRunContinues) {
    write_letters(300);
    const pid_t child = spawn_index("--commit-every 10");
    ASSERT_TRUE(wait_for_committed_files(child, 20)) << "the run ended before it could be stopped";
    ::kill(child, SIGTERM);
    EXPECT_EQ(wait_for_exit(child), 2);
    EXPECT_NE(read_bytes(dir_ / "child-stderr.txt").find("interrupted"), std::string::npos);
    const CommandResult stats = run("stats --json");
    ASSERT_EQ(stats.exit_code, 0) << stats.err;
    const auto before = nlohmann::json::parse(stats.out);
    EXPECT_EQ(before["last_run"]["outcome"], "interrupted");
    const std::size_t done = before["files"];
    EXPECT_LT(done, 300u);

    const CommandResult rerun = run("index --json " + corpus().string());
    ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
    const auto summary = nlohmann::json::parse(rerun.out);
    EXPECT_EQ(summary["unchanged"], done);
    EXPECT_EQ(summary["added"].get<std::size_t>(), 300u - done);
    const auto after = nlohmann::json::parse(run("stats --json").out);
    EXPECT_EQ(after["documents"], 300);
    EXPECT_EQ(after["files"], 300);
    EXPECT_EQ(after["kinds"].size(), 1u);
    EXPECT_GT(after["languages"]["nl"].get<int>(), 0);
    EXPECT_EQ(after["last_run"]["outcome"], "ok");
}

TEST_F(Reindex, SearchersKeepAnsweringDuringIncrementalAndFullRuns) {
    write_letters(150);
    index_corpus();
    std::atomic<bool> done{false};
    std::atomic<int> searches{0}, failures{0}, ready{0};
    std::vector<std::thread> readers;
    for (int t = 0; t < 3; ++t) {
        readers.emplace_back([&, t] {
            Searcher searcher(index().string());
            // A first search loads the word lists once; what is measured is
            // answering while the index changes, not that load.
            searcher.search(kTopics[t]);
            ++ready;
            while (!done) {
                try {
                    if (searcher.search(kTopics[t]).hits.empty()) ++failures;
                    ++searches;
                } catch (const std::exception& e) {
                    ++failures;
                    ADD_FAILURE() << e.what();
                }
            }
        });
    }
    while (ready < 3) std::this_thread::yield();
    for (int i = 0; i < 150; i += 2)
        write("brief-" + std::to_string(1000 + i) + ".txt", letter(i) + "Aangevuld.\n");
    IndexOptions incremental;
    incremental.files_per_commit = 5;
    EXPECT_EQ(index_corpus(incremental).added, 75u);
    IndexOptions full;
    full.full_rebuild = true;
    EXPECT_EQ(index_corpus(full).added, 225u);
    done = true;
    for (std::thread& reader : readers) reader.join();
    EXPECT_EQ(failures, 0);
    EXPECT_GT(searches, 3);
    EXPECT_EQ(Searcher(index().string()).search(kTopics[0]).total > 0, true);
}

TEST_F(Reindex, ASecondWriterExitsWithThreeNamingTheProcessThatHoldsTheLock) {
    write("zon.txt", letter(3));
    Indexer holder(index().string());
    const CommandResult second = run("index " + corpus().string());
    EXPECT_EQ(second.exit_code, 3);  // try again later
    EXPECT_NE(second.err.find("locked by process " + std::to_string(::getpid())), std::string::npos)
        << second.err;
    EXPECT_THROW(Indexer{index().string()}, IndexLocked);
}

TEST_F(Reindex, AnAnalysisChangeAsksForAFullRebuildWhichReplacesTheIndex) {
    write("zon.txt", letter(3));
    index_corpus();
    {
        Xapian::WritableDatabase db(index().string());
        db.set_metadata(std::string(schema::kMetaAnalysis), "kamerzoek-analysis/0");
        db.commit();
    }
    const CommandResult refused = run("index " + corpus().string());
    EXPECT_EQ(refused.exit_code, 4);  // rebuild needed
    EXPECT_NE(refused.err.find("--full"), std::string::npos) << refused.err;
    const CommandResult rebuilt = run("index --full --json " + corpus().string());
    ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
    EXPECT_EQ(nlohmann::json::parse(rebuilt.out)["added"], 1);
    EXPECT_EQ(documents_matching(kTopics[3]), std::set<std::string>{"zon"});
    EXPECT_EQ(run("index " + corpus().string()).exit_code, 0);
    // Only the live generation remains.
    std::size_t generations = 0;
    for (const auto& entry : fs::directory_iterator(index())) generations += entry.is_directory();
    EXPECT_EQ(generations, 1u);
}

TEST_F(Reindex, AnIndexThatIsItselfADatabaseIsUpdatedInPlaceAndMovedByAFullRebuild) {
    write("zon.txt", letter(3));
    {
        Xapian::WritableDatabase legacy(index().string(), Xapian::DB_CREATE_OR_OPEN);
        legacy.commit();
    }
    EXPECT_EQ(index_corpus().added, 1u);
    EXPECT_TRUE(fs::exists(index() / "iamglass"));
    IndexOptions full;
    full.full_rebuild = true;
    EXPECT_EQ(index_corpus(full).added, 1u);
    EXPECT_FALSE(fs::exists(index() / "iamglass"));
    EXPECT_EQ(documents_matching(kTopics[3]), std::set<std::string>{"zon"});
}

}  // namespace
}  // namespace kamerzoek
