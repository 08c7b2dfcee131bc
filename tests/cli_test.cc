// The kamerzoek command as a user runs it: exit codes, streams, messages.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/test_paths.h"

namespace {

namespace fs = std::filesystem;

using kamerzoek::testing::CommandResult;

class Cli : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("kamerzoek-cli-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "docs");
    }
    void TearDown() override { fs::remove_all(dir_); }

    CommandResult run(const std::string& arguments) {
        return kamerzoek::testing::run_kamerzoek(arguments, dir_);
    }

    void write(const std::string& name, const std::string& bytes) {
        std::ofstream(dir_ / "docs" / name, std::ios::binary) << bytes;
    }

    std::string db() const { return "--db " + (dir_ / "index").string(); }

    fs::path dir_;
};

TEST_F(Cli, KeepsTheLinesOfATablePassageAtTheHitsIndent) {
    // table.pdf is read as rows of cells, one line each.
    const CommandResult index =
        run("index " + db() + " " + kamerzoek::testing::fixture("pdf/table.pdf").string());
    ASSERT_EQ(index.exit_code, 0) << index.err;
    const CommandResult search = run("search " + db() + " schadelijk");
    ASSERT_EQ(search.exit_code, 0) << search.err;
    std::istringstream lines(search.out);
    int continued = 0;
    bool in_snippet = false;
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) {
            in_snippet = false;
            continue;
        }
        if (line.find(" · passage ") != std::string::npos) {
            in_snippet = true;
            continue;
        }
        if (!in_snippet) continue;
        EXPECT_TRUE(line.starts_with("   ")) << "a snippet line at the left edge: " << line;
        ++continued;
    }
    EXPECT_GT(continued, 0) << search.out;
}

TEST_F(Cli, IndexesTheBundledSampleAndPrintsJsonHits) {
    const CommandResult index =
        run("index " + db() + " " + (kamerzoek::testing::source_dir() / "sample").string());
    ASSERT_EQ(index.exit_code, 0) << index.err;
    const CommandResult search = run("search " + db() + " --json ransomware");
    ASSERT_EQ(search.exit_code, 0) << search.err;
    const auto json = nlohmann::json::parse(search.out);
    EXPECT_EQ(json["query"], "ransomware");
    ASSERT_GE(json["hits"].size(), 2u);
    for (const char* field : {"rank", "score", "doc_id", "title", "kind", "date", "lang", "section",
                              "passage", "text", "snippet", "refs", "source"}) {
        EXPECT_TRUE(json["hits"][0].contains(field)) << field;
    }
    bool english_annex = false;
    for (const auto& hit : json["hits"])
        english_annex |= hit["lang"] == "en" && hit["kind"] == "bijlage";
    EXPECT_TRUE(english_annex);
}

TEST_F(Cli, ReportsBadFilesByNameAndKeepsIndexingTheRest) {
    write("good.txt",
          "Den Haag, 1 april 2020\n\nDe minister schrijft over de energietransitie en de "
          "warmtepompen in de gebouwde omgeving.\n");
    write("empty.txt", "");
    // Bytes of no known format: a program's header would be skipped as one.
    constexpr char kGarbage[] = "\x01\x02\0\0\0\x03\xfe\xff\x01\x02\x03";
    write("binary.txt", std::string(kGarbage, sizeof kGarbage - 1));
    write("latin1.txt", "De co\xf6peratie en het ge\xefntensiveerde beleid\n");
    const CommandResult index = run("index " + db() + " " + (dir_ / "docs").string());
    EXPECT_EQ(index.exit_code, 1);
    EXPECT_NE(index.err.find("empty.txt: empty file"), std::string::npos) << index.err;
    EXPECT_NE(index.err.find("binary.txt: binary file"), std::string::npos) << index.err;
    const CommandResult search = run("search " + db() + " warmtepompen");
    EXPECT_EQ(search.exit_code, 0);
    EXPECT_NE(search.out.find("warmtepompen"), std::string::npos);
}

TEST_F(Cli, KeepsWhatWasIndexedWhenALaterRunFails) {
    write("good.txt", "De minister schrijft over de energietransitie en de warmtepompen.\n");
    ASSERT_EQ(run("index " + db() + " " + (dir_ / "docs").string()).exit_code, 0);
    fs::remove(dir_ / "docs" / "good.txt");
    write("bad.txt", "");
    EXPECT_EQ(run("index " + db() + " " + (dir_ / "docs" / "bad.txt").string()).exit_code, 1);
    EXPECT_NE(run("search " + db() + " warmtepompen").out.find("warmtepompen"), std::string::npos);
}

TEST_F(Cli, ExitsWithTwoOnUsageErrorsAndFiveOnAMissingIndex) {
    EXPECT_EQ(run("search").exit_code, 2);
    EXPECT_EQ(run("frobnicate").exit_code, 2);
    const CommandResult missing = run("search " + db() + " iets");
    EXPECT_EQ(missing.exit_code, 5);
    EXPECT_NE(missing.err.find("no index at"), std::string::npos) << missing.err;
}

TEST_F(Cli, AnswersMalformedQueriesWithoutCrashing) {
    write("good.txt", "De minister schrijft over de energietransitie en de warmtepompen.\n");
    ASSERT_EQ(run("index " + db() + " " + (dir_ / "docs").string()).exit_code, 0);
    for (const char* query :
         {"'\"warmtepompen'", "'(warmtepompen'", "AND", "'NOT'", "'title:'", "'\"'"}) {
        const CommandResult search = run("search " + db() + " " + query);
        EXPECT_TRUE(search.exit_code == 0 || search.exit_code == 2) << query;
        if (search.exit_code == 2) {
            EXPECT_NE(search.err.find("query"), std::string::npos) << search.err;
        }
    }
}

TEST_F(Cli, PrintsHelpForEachCommand) {
    for (const char* args : {"--help", "index --help", "search --help"}) {
        const CommandResult help = run(args);
        EXPECT_EQ(help.exit_code, 0) << args;
        EXPECT_NE(help.out.find("--db"), std::string::npos) << args;
    }
}

}  // namespace
