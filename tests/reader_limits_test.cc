// PDFs are parsed in a child process under a time and a memory limit: a
// hostile file is reported and skipped, and a stop request is heeded at once.
#include "corpus/reader_limits.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>
#include <vector>

#include "corpus/reader.h"
#include "corpus/readers/readers.h"
#include "tests/reader_test_support.h"
#include "tests/test_paths.h"

namespace kamerzoek::corpus {
namespace {

namespace fs = std::filesystem;
using kamerzoek::testing::fixture;
using kamerzoek::testing::load;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Sets process-wide limits for one test and puts the defaults back after.
class ReaderLimitsTest : public ::testing::Test {
  protected:
    void TearDown() override { set_reader_limits(ReaderLimits{}); }
};

std::string reason_for(const std::function<std::vector<Document>()>& read,
                       const ReaderLimits& limits) {
    try {
        read_in_child(read, limits);
    } catch (const ReadError& error) {
        return error.what();
    }
    return "";
}

TEST_F(ReaderLimitsTest, ASmallPdfThatExpandsToMegabytesTakesTooLongAndIsSkipped) {
    const SourceFile file = load(fixture("pdf/expanding-stream.pdf"));
    ASSERT_LT(file.bytes.size(), 16u * 1024);
    ReaderLimits limits;
    limits.time = std::chrono::seconds(2);
    set_reader_limits(limits);
    const auto start = Clock::now();
    try {
        read_file(file);
        FAIL() << "the PDF was read within 2 s; it should stall poppler for minutes";
    } catch (const ReadError& error) {
        EXPECT_STREQ(error.what(), "took longer than 2 s");
    }
    // Bounded by the limit, not by poppler.
    EXPECT_LT(seconds_since(start), 10.0);
}

TEST_F(ReaderLimitsTest, AReaderThatNeedsMoreMemoryThanItsLimitIsSkipped) {
    ReaderLimits limits;
    limits.memory_bytes = std::size_t{64} << 20;
    const std::string reason = reason_for(
        [] {
            std::vector<std::vector<char>> hoard;
            for (int i = 0; i < 64; ++i) hoard.emplace_back(std::size_t{16} << 20, 'x');
            return std::vector<Document>(hoard.size() > 1000 ? 1 : 0);
        },
        limits);
    EXPECT_EQ(reason, "needed more than 64 MB");
}

TEST_F(ReaderLimitsTest, TheChildsDocumentsAndErrorsComeBackWhole) {
    ReaderLimits limits;
    const std::vector<Document> documents = read_in_child(
        [] {
            Document d;
            d.id = "kst-35538-4";
            d.title = "Draagmoederschap — ‘wet- en regelgeving’";
            d.kind = DocumentKind::kKamerbrief;
            d.dossier = "35538";
            Block note;
            note.role = Block::Role::kFootnote;
            note.label = "1";
            note.text = "Bij hoogtechnologisch draagmoederschap";
            note.linked_ids = {"kst-32123-XVI-30"};
            d.blocks = {Block{}, note};
            return std::vector<Document>{d};
        },
        limits);
    ASSERT_EQ(documents.size(), 1u);
    EXPECT_EQ(documents[0].id, "kst-35538-4");
    EXPECT_EQ(documents[0].title, "Draagmoederschap — ‘wet- en regelgeving’");
    EXPECT_EQ(documents[0].kind, DocumentKind::kKamerbrief);
    EXPECT_EQ(documents[0].dossier, "35538");
    ASSERT_EQ(documents[0].blocks.size(), 2u);
    EXPECT_EQ(documents[0].blocks[1].role, Block::Role::kFootnote);
    EXPECT_EQ(documents[0].blocks[1].label, "1");
    EXPECT_EQ(documents[0].blocks[1].linked_ids, std::vector<std::string>{"kst-32123-XVI-30"});

    try {
        read_in_child([]() -> std::vector<Document> { throw ReadError("unclosed tag", 3, 14); },
                      limits);
        FAIL() << "the child's error was lost";
    } catch (const ReadError& error) {
        EXPECT_STREQ(error.what(), "unclosed tag");
        EXPECT_EQ(error.line(), 3);
        EXPECT_EQ(error.column(), 14);
    }
}

TEST_F(ReaderLimitsTest, AStopRequestEndsTheChildAtOnce) {
    ReaderLimits limits;
    const auto start = Clock::now();
    limits.stop_requested = [start] { return seconds_since(start) > 0.3; };
    const std::string reason = reason_for(
        [] {
            std::this_thread::sleep_for(std::chrono::seconds(30));
            return std::vector<Document>{};
        },
        limits);
    EXPECT_EQ(reason, "not read: the run was stopped");
    EXPECT_LT(seconds_since(start), 2.0);
}

TEST_F(ReaderLimitsTest, PdfsStillReadInTheChildAsBefore) {
    const std::vector<Document> documents = read_file(load(fixture("pdf/house-style-letter.pdf")));
    ASSERT_EQ(documents.size(), 1u);
    EXPECT_EQ(documents[0].title, "Toekomst van het erfrecht");
    EXPECT_FALSE(documents[0].passages.empty());
    try {
        read_file(load(fixture("pdf/blank-pages.pdf")));
        FAIL() << "a PDF without text was read";
    } catch (const ReadError& error) {
        EXPECT_STREQ(error.what(), "scanned PDF without a text layer (2 pages)");
    }
}

// The command line: SIGTERM while poppler is busy ends the run within a
// second.
class ReaderLimitsCli : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("kamerzoek-limits-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "docs");
        fs::copy_file(fixture("pdf/expanding-stream.pdf"), dir_ / "docs" / "slow.pdf");
        fs::copy_file(fixture("pdf/house-style-letter.pdf"), dir_ / "docs" / "letter.pdf");
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

TEST_F(ReaderLimitsCli, StopsWithinASecondOfSigtermWhilePopplerIsBusy) {
    const std::string db = (dir_ / "index").string();
    const std::string slow = (dir_ / "docs" / "slow.pdf").string();
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        const std::string err = (dir_ / "stderr.txt").string();
        std::freopen(err.c_str(), "w", stderr);
        ::execl(KAMERZOEK_CLI, KAMERZOEK_CLI, "index", "--db", db.c_str(), slow.c_str(),
                static_cast<char*>(nullptr));
        _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    const auto signalled = Clock::now();
    ::kill(child, SIGTERM);
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_LT(seconds_since(signalled), 1.0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 2);  // interrupted
}

}  // namespace
}  // namespace kamerzoek::corpus
