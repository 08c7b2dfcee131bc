// How a run protects the index folder: the writer lock is no way to write
// elsewhere, and what a killed run left behind is cleared by the next.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "kamerzoek/kamerzoek.h"
#include "tests/test_paths.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

class IndexSafety : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("kamerzoek-safety-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "papers");
        std::ofstream(dir_ / "papers/brief.txt")
            << "Den Haag, 3 maart 2021\n\nGeachte Voorzitter,\n\nHierbij over de windparken.\n";
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string index() const { return (dir_ / "index").string(); }

    IndexReport index_papers() {
        IndexOptions options;
        options.threads = 1;
        Indexer indexer(index(), options);
        return indexer.add_paths({(dir_ / "papers").string()});
    }

    fs::path dir_;
};

TEST_F(IndexSafety, ALinkPlantedAsTheLockFileIsRefusedAndItsTargetLeftAlone) {
    const fs::path victim = dir_ / "victim.txt";
    std::ofstream(victim) << "precious\n";
    fs::create_directories(index());
    fs::create_symlink(victim, fs::path(index()) / "writer.lock");
    try {
        index_papers();
        ADD_FAILURE() << "the run took a symbolic link as its lock";
    } catch (const IndexError& e) {
        EXPECT_NE(std::string(e.what()).find("writer.lock is a symbolic link"), std::string::npos)
            << e.what();
    }
    EXPECT_EQ(testing::read_bytes(victim), "precious\n");
}

TEST_F(IndexSafety, ALockFileThatIsNoRegularFileIsRefused) {
    fs::create_directories(index());
    ASSERT_EQ(::mkfifo((fs::path(index()) / "writer.lock").c_str(), 0644), 0);
    try {
        index_papers();  // must neither block on the FIFO nor take it as a lock
        ADD_FAILURE() << "the run took a FIFO as its lock";
    } catch (const IndexError& e) {
        EXPECT_NE(std::string(e.what()).find("is not a regular file"), std::string::npos)
            << e.what();
    }
}

TEST_F(IndexSafety, GenerationsLeftByARunKilledAtTheSwapAreRemovedByTheNextRun) {
    ASSERT_EQ(index_papers().added, 1u);
    const fs::path orphan = fs::path(index()) / "gen-7";
    fs::create_directories(orphan);
    std::ofstream(orphan / "postlist.glass") << std::string(4096, 'x');
    std::ofstream(fs::path(index()) / "XAPIANDB.new") << "glass gen-7\n";

    EXPECT_EQ(index_papers().unchanged, 1u);
    EXPECT_FALSE(fs::exists(orphan));
    EXPECT_FALSE(fs::exists(fs::path(index()) / "XAPIANDB.new"));
    EXPECT_EQ(Searcher(index()).search("windparken").hits.size(), 1u);
}

}  // namespace
}  // namespace kamerzoek
