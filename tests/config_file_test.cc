// `kamerzoek --config FILE COMMAND`, as the packaged services run it: a TOML
// file with a section per command whose keys are its long options.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/test_paths.h"

namespace {

namespace fs = std::filesystem;

using kamerzoek::testing::CommandResult;

class ConfigFile : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("kamerzoek-config-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    CommandResult run(const std::string& arguments) {
        return kamerzoek::testing::run_kamerzoek(arguments, dir_);
    }

    std::string write_config(const std::string& name, const std::string& text) {
        const fs::path path = dir_ / name;
        std::ofstream(path) << text;
        return path.string();
    }

    std::string index_dir() const { return (dir_ / "index").string(); }

    fs::path dir_;
};

TEST_F(ConfigFile, IndexTakesItsDatabaseAndPathsFromTheIndexSection) {
    const std::string sample = (kamerzoek::testing::source_dir() / "sample").string();
    const std::string config =
        write_config("index.conf", "# as /etc/kamerzoek/index.conf\n[index]\ndb = \"" +
                                       index_dir() + "\"\nPATH = [\"" + sample + "\"]\n");
    const CommandResult index = run("--config " + config + " index --json");
    ASSERT_EQ(index.exit_code, 0) << index.err;
    EXPECT_GT(nlohmann::json::parse(index.out)["added"].get<int>(), 0);

    const CommandResult search = run("search --db " + index_dir() + " --json ransomware");
    ASSERT_EQ(search.exit_code, 0) << search.err;
    EXPECT_FALSE(nlohmann::json::parse(search.out)["hits"].empty());
}

TEST_F(ConfigFile, TheCommandLineWinsOverTheFile) {
    const std::string sample = (kamerzoek::testing::source_dir() / "sample").string();
    const std::string config =
        write_config("index.conf", "[index]\ndb = \"" + (dir_ / "elsewhere").string() +
                                       "\"\nPATH = [\"" + (dir_ / "missing").string() + "\"]\n");
    const CommandResult index =
        run("--config " + config + " index --db " + index_dir() + " " + sample);
    ASSERT_EQ(index.exit_code, 0) << index.err;
    EXPECT_FALSE(fs::exists(dir_ / "elsewhere"));
    EXPECT_TRUE(fs::exists(dir_ / "index"));
}

TEST_F(ConfigFile, AMissingOrMistypedFileIsAUsageErrorNamingIt) {
    const CommandResult missing = run("--config " + (dir_ / "nope.conf").string() + " stats");
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("nope.conf"), std::string::npos) << missing.err;

    const std::string config = write_config("typo.conf", "[index]\nthreadz = 2\nPATH = [\"x\"]\n");
    const CommandResult typo = run("--config " + config + " index --db " + index_dir());
    EXPECT_EQ(typo.exit_code, 2);
    EXPECT_NE(typo.err.find("threadz"), std::string::npos) << typo.err;
}

}  // namespace
