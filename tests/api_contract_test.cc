// What the public API promises a caller: the error classes it can act on
// (and the exit codes the command line maps them to), the index format
// checked on opening, errors of the index itself ending a run with one
// message, the one JSON form of a run's report, and the runtime version.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "indexer/index_layout.h"
#include "indexer/index_schema.h"
#include "kamerzoek/kamerzoek.h"
#include "tests/test_paths.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

class ApiContract : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("kamerzoek-api-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(docs());
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path docs() const { return dir_ / "docs"; }
    std::string index() const { return (dir_ / "index").string(); }

    void write(const std::string& name, const std::string& text) const {
        std::ofstream(docs() / name, std::ios::binary) << text;
    }

    void index_a_letter() const {
        write("brief.txt",
              "Den Haag, 1 april 2020\n\nDe minister schrijft over de warmtepompen in de "
              "gebouwde omgeving.\n");
        Indexer indexer(index());
        ASSERT_TRUE(indexer.add_paths({docs().string()}).failed.empty());
    }

    // Overwrites one metadata entry of the live database, as another
    // version of kamerzoek would have written it.
    void set_metadata(std::string_view key, const std::string& value) const {
        Xapian::WritableDatabase db(layout::resolve_index_path(index()));
        db.set_metadata(std::string(key), value);
        db.commit();
    }

    testing::CommandResult run(const std::string& arguments) const {
        return testing::run_kamerzoek(arguments, dir_);
    }

    fs::path dir_;
};

TEST_F(ApiContract, AnIndexOfAnotherFormatIsRefusedUntilRebuilt) {
    index_a_letter();
    set_metadata(schema::kMetaFormat, "0");
    EXPECT_THROW(Searcher{index()}, FormatMismatch);
    EXPECT_THROW(Indexer{index()}, FormatMismatch);
    try {
        Searcher searcher(index());
    } catch (const FormatMismatch& e) {
        EXPECT_NE(std::string(e.what()).find("--full"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(index()), std::string::npos) << e.what();
    }
    const auto cli = run("search --db " + index() + " warmtepompen");
    EXPECT_EQ(cli.exit_code, 4) << cli.err;  // rebuild needed
    EXPECT_NE(cli.err.find("format 0"), std::string::npos) << cli.err;

    IndexOptions full;
    full.full_rebuild = true;
    Indexer(index(), full).add_paths({docs().string()});
    EXPECT_EQ(Searcher(index()).search("warmtepompen").hits.size(), 1u);
}

TEST_F(ApiContract, AnIndexOfAnotherAnalysisIsAnAnalysisMismatch) {
    index_a_letter();
    set_metadata(schema::kMetaAnalysis, "another analysis");
    EXPECT_THROW(Searcher{index()}, AnalysisMismatch);
    EXPECT_THROW(Indexer{index()}, AnalysisMismatch);
    EXPECT_EQ(run("index --db " + index() + " " + docs().string()).exit_code, 4);
}

TEST_F(ApiContract, ASecondWriterIsToldTheIndexIsLocked) {
    index_a_letter();
    Indexer first(index());
    EXPECT_THROW(Indexer{index()}, IndexLocked);
    const auto cli = run("index --db " + index() + " " + docs().string());
    EXPECT_EQ(cli.exit_code, 3) << cli.err;  // retry later
    EXPECT_NE(cli.err.find("locked"), std::string::npos) << cli.err;
}

TEST_F(ApiContract, NoIndexIsIndexMissing) {
    EXPECT_THROW(Searcher{index()}, IndexMissing);
    EXPECT_THROW(read_index_stats(index()), IndexMissing);
    EXPECT_EQ(run("stats --db " + index()).exit_code, 5);
}

TEST_F(ApiContract, TheLoadedLibraryKnowsItsVersion) {
    EXPECT_STREQ(version(), KAMERZOEK_VERSION_STRING);
    const auto cli = run("--version");
    EXPECT_NE(cli.out.find(KAMERZOEK_VERSION_STRING), std::string::npos) << cli.out;
}

// The report `index --json` prints is the one `stats` shows as the last
// run: same members, same values.
TEST_F(ApiContract, TheRunReportHasOneJsonFormOnSharedCorpus) {
    const fs::path corpus = testing::shared_corpus_dir() / "handelingen-xml";
    if (!fs::exists(corpus)) GTEST_SKIP() << corpus << " not found";
    const auto indexed = run("index --json --threads 1 --db " + index() + " " + corpus.string());
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
    const auto report = nlohmann::json::parse(indexed.out);
    EXPECT_EQ(report["outcome"], "ok");
    EXPECT_EQ(report["added"], 2);
    EXPECT_GT(report["passages"].get<int>(), 10);
    EXPECT_FALSE(report["finished_at"].is_null());

    const auto stats = run("stats --json --db " + index());
    ASSERT_EQ(stats.exit_code, 0) << stats.err;
    const auto last_run = nlohmann::json::parse(stats.out)["last_run"];
    std::set<std::string> printed, stored;
    for (const auto& [key, value] : report.items()) printed.insert(key);
    for (const auto& [key, value] : last_run.items()) stored.insert(key);
    EXPECT_EQ(printed, stored);
    for (const char* key : {"outcome", "added", "documents", "passages", "failed", "skipped",
                            "index_bytes", "finished_at", "full", "interrupted"})
        EXPECT_EQ(report[key], last_run[key]) << key;

    const IndexStats read = read_index_stats(index());
    ASSERT_TRUE(read.last_run.has_value());
    EXPECT_EQ(read.last_run->added, 2u);
    EXPECT_EQ(read.last_run->passages_indexed, report["passages"].get<std::size_t>());
}

// A disk that fills up mid-run (here: a file size limit, which makes each
// write fail as a full disk does; XAPIAN_FLUSH_THRESHOLD=1 makes Xapian write
// while files are being indexed, not only at commits) ends the run with one
// message naming the index, instead of blaming every remaining file or
// aborting, on one thread and on several.
TEST_F(ApiContract, AnIndexThatCannotBeWrittenEndsTheRunWithOneMessageOnSharedCorpus) {
    const fs::path corpus = testing::shared_corpus_dir() / "handelingen-xml-damaged";
    if (!fs::exists(corpus)) GTEST_SKIP() << corpus << " not found";
    for (const char* threads : {"1", "2"}) {
        fs::remove_all(index());
        const fs::path err = dir_ / "stderr.txt";
        const std::string command =
            "XAPIAN_FLUSH_THRESHOLD=1 sh -c \"trap '' XFSZ; ulimit -f 64; exec " +
            std::string(KAMERZOEK_CLI) + " index --threads " + threads + " --db " + index() + " " +
            corpus.string() + "\" >/dev/null 2>" + err.string();
        const int status = std::system(command.c_str());
        ASSERT_TRUE(WIFEXITED(status)) << "killed by a signal, threads " << threads;
        EXPECT_EQ(WEXITSTATUS(status), 2) << threads;
        const std::string messages = testing::read_bytes(err);
        EXPECT_EQ(messages.rfind("kamerzoek: ", 0), 0u) << messages;
        EXPECT_NE(messages.find("index " + index() + ": "), std::string::npos) << messages;
        EXPECT_NE(messages.find("File too large"), std::string::npos) << messages;
        EXPECT_EQ(std::count(messages.begin(), messages.end(), '\n'), 1) << messages;
    }
}

}  // namespace
}  // namespace kamerzoek
