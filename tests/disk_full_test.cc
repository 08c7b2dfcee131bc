// An index on a disk that fills up: the run ends with one clear error (exit
// 2), and once there is room again the next run carries on from the last
// good commit. Needs a small tmpfs (20 MB), which only root may mount;
// elsewhere the tests are skipped, saying why.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "tests/test_paths.h"

namespace {

namespace fs = std::filesystem;

using kamerzoek::testing::CommandResult;

class DiskFull : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("kamerzoek-diskfull-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(disk());
        fs::create_directories(papers());
        if (::mount("tmpfs", disk().c_str(), "tmpfs", 0, "size=20m") != 0) {
            mount_error_ = std::strerror(errno);
        } else {
            mounted_ = true;
        }
    }
    void TearDown() override {
        if (mounted_) ::umount2(disk().c_str(), MNT_DETACH);
        fs::remove_all(dir_);
    }

    fs::path disk() const { return dir_ / "disk"; }
    fs::path papers() const { return dir_ / "papers"; }
    std::string index() const { return (disk() / "index").string(); }

    // Takes all the free space but `spare_kb`, as other programs would.
    void fill_disk(std::size_t spare_kb) {
        std::ofstream filler(disk() / "filler", std::ios::binary);
        const std::string block(64 * 1024, 'x');
        while (fs::space(disk()).available > spare_kb * 1024 + block.size() && filler)
            filler.write(block.data(), block.size());
    }

    // Letters full of words of their own, so that the index grows fast.
    void write_letters(int first, int count) {
        std::mt19937 random(first);
        std::uniform_int_distribution<int> letter('a', 'z');
        for (int number = first; number < first + count; ++number) {
            std::string text = "Den Haag, 3 maart 2021\n\nGeachte Voorzitter,\n\nWindparken.";
            for (int word = 0; word < 600; ++word) {
                text += word % 12 == 0 ? ".\n\n" : " ";
                for (int i = 0; i < 9; ++i) text.push_back(static_cast<char>(letter(random)));
            }
            std::ofstream(papers() / ("brief-" + std::to_string(number) + ".txt")) << text << ".\n";
        }
    }

    CommandResult kamerzoek(const std::string& arguments) {
        return kamerzoek::testing::run_kamerzoek(arguments, dir_);
    }

    CommandResult index_papers() {
        return kamerzoek("index --threads 1 --commit-every 50 --db " + index() + " " +
                         papers().string());
    }

    fs::path dir_;
    bool mounted_ = false;
    std::string mount_error_;
};

#define REQUIRE_SMALL_DISK()                                                                  \
    do {                                                                                      \
        if (!mounted_) GTEST_SKIP() << "cannot mount a 20 MB tmpfs (" << mount_error_ << ")"; \
    } while (0)

TEST_F(DiskFull, AFirstRunOnAFullDiskEndsWithOneClearErrorAndExitTwo) {
    REQUIRE_SMALL_DISK();
    write_letters(0, 300);
    fill_disk(2048);
    for (const char* threads : {"1", "2"}) {
        const CommandResult result = kamerzoek("index --threads " + std::string(threads) +
                                               " --db " + index() + " " + papers().string());
        EXPECT_EQ(result.exit_code, 2) << result.err;
        EXPECT_NE(result.err.find("No space left on device"), std::string::npos) << result.err;
        // One message, not one per file.
        EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
        fs::remove_all(index());
    }
}

// The failed commit's new blocks must not stay on the disk: else the index
// holds the space it could not use, and every later run fails for want of it.
TEST_F(DiskFull, AnIncrementalRunRecoversAfterACommitFailedForLackOfSpace) {
    REQUIRE_SMALL_DISK();
    write_letters(0, 20);
    const CommandResult first = index_papers();
    ASSERT_EQ(first.exit_code, 0) << first.err;
    const auto used_before = fs::space(disk()).capacity - fs::space(disk()).available;

    write_letters(20, 380);  // more than 20 MB of index
    const CommandResult full = kamerzoek("index --threads 1 --commit-every 1000 --db " + index() +
                                         " " + papers().string());
    EXPECT_EQ(full.exit_code, 2) << full.err;
    EXPECT_NE(full.err.find("No space left on device"), std::string::npos) << full.err;
    const auto used_after = fs::space(disk()).capacity - fs::space(disk()).available;
    EXPECT_LT(used_after, used_before + (1u << 20)) << "the failed commit kept its space";
    const CommandResult during = kamerzoek("search --db " + index() + " --json windparken");
    EXPECT_EQ(during.exit_code, 0) << during.err;

    for (int number = 120; number < 400; ++number)
        fs::remove(papers() / ("brief-" + std::to_string(number) + ".txt"));
    const CommandResult next = index_papers();
    ASSERT_EQ(next.exit_code, 0) << next.err;
    const CommandResult again = kamerzoek("index --json --db " + index() + " " + papers().string());
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(nlohmann::json::parse(again.out)["unchanged"], 120);
    const CommandResult stats = kamerzoek("stats --json --db " + index());
    ASSERT_EQ(stats.exit_code, 0) << stats.err;
    EXPECT_EQ(nlohmann::json::parse(stats.out)["files"], 120);
}

}  // namespace
