// Which files a run reads: formats that are no publications, --exclude and
// .kamerzoekignore, and a walk that is safe by default (links, special
// files, the index's own folder, odd file names).
#include "indexer/file_walk.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "corpus/file_format.h"
#include "indexer/file_state.h"
#include "indexer/ignore_rules.h"
#include "kamerzoek/kamerzoek.h"
#include "tests/test_paths.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

const char* const kLetter =
    "Den Haag, 3 maart 2021\n\nGeachte Voorzitter,\n\nHierbij informeer ik uw Kamer over de "
    "voortgang van de windparken op zee en de aansluiting op het hoogspanningsnet.\n";

class FileWalk : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("kamerzoek-walk-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(papers());
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path papers() const { return dir_ / "papers"; }
    fs::path index() const { return dir_ / "index"; }

    fs::path write(const std::string& relative, const std::string& text) {
        const fs::path path = papers() / relative;
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

    IndexReport run(IndexOptions options = {}, std::vector<std::string> paths = {}) {
        if (paths.empty()) paths = {papers().string()};
        options.threads = 1;
        Indexer indexer(index().string(), options);
        return indexer.add_paths(paths);
    }

    static std::vector<std::string> sources(const std::string& index_dir,
                                            const std::string& query) {
        Searcher searcher(index_dir);
        SearchOptions options;
        options.limit = 100;
        std::vector<std::string> found;
        for (const Hit& hit : searcher.search(query, options).hits) found.push_back(hit.source);
        std::sort(found.begin(), found.end());
        found.erase(std::unique(found.begin(), found.end()), found.end());
        return found;
    }

    static std::string reason_for(const IndexReport& report, const fs::path& path) {
        for (const SkippedFile& skipped : report.skipped)
            if (skipped.path == path.string()) return skipped.reason;
        return "";
    }

    fs::path dir_;
};

TEST(FileFormat, NamesFormatsNoReaderHandlesByNameAndContent) {
    EXPECT_EQ(corpus::unsupported_format_by_name("/a/tabel.CSV"), "CSV table");
    EXPECT_EQ(corpus::unsupported_format_by_name("/a/x.ndjson"), "JSON Lines records");
    EXPECT_EQ(corpus::unsupported_format_by_name("/a/run.py"), "Python source");
    EXPECT_EQ(corpus::unsupported_format_by_name("/a/begroting.xlsx"), "spreadsheet");
    EXPECT_EQ(corpus::unsupported_format_by_name("/a/brief.txt"), "");
    EXPECT_EQ(corpus::unsupported_format_by_name("/a/brief.md"), "");
    EXPECT_EQ(corpus::unsupported_format_by_name("/a/brief.pdf"), "");

    EXPECT_EQ(corpus::unsupported_format_by_content(std::string("\x89PNG\r\n\x1a\n\0\0", 10)),
              "PNG image");
    EXPECT_EQ(corpus::unsupported_format_by_content(std::string("PK\x03\x04\x14\0\0\0xl/", 12)),
              "spreadsheet (XLSX)");
    EXPECT_EQ(corpus::unsupported_format_by_content("{\"a\": 1}\n{\"a\": 2}\n\n{\"b\": [3]}\n"),
              "JSON Lines records");
    EXPECT_EQ(corpus::unsupported_format_by_content("  [1, 2, {\"x\": null}]\n"), "JSON data");
    // Prose that quotes one line of JSON, or that has commas, stays text.
    EXPECT_EQ(
        corpus::unsupported_format_by_content("De API geeft:\n{\"a\": 1}\nen verder niets.\n"), "");
    EXPECT_EQ(corpus::unsupported_format_by_content("{\"a\": 1}\n"), "JSON data");
    EXPECT_EQ(corpus::unsupported_format_by_content("naam,partij\nJansen,VVD\n"), "");
    EXPECT_EQ(corpus::unsupported_format_by_content("[1] Zie de brief van 3 maart.\n"), "");
}

TEST_F(FileWalk, FilesOfFormatsNoReaderHandlesAreSkippedWithANoteAndDoNotFailTheRun) {
    write("brief.txt", kLetter);
    write("notities.md", "# Windparken\n\nDe voortgang van de windparken op zee.\n");
    const fs::path csv = write("stemmingen.csv", "motie,voor,tegen\n1,76,74\n");
    const fs::path jsonl = write("export.jsonl", "{\"id\": 1}\n{\"id\": 2}\n");
    const fs::path code = write("scripts/fetch.py", "import sys\nprint('windparken')\n");
    const fs::path sheet = write("begroting.xlsx", std::string("PK\x03\x04\x14\0\0\0xl/", 12));
    const fs::path png = write("logo", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    const fs::path records =
        write("records.txt", "{\"id\": 1, \"t\": \"windparken\"}\n{\"id\": 2}\n");

    const IndexReport report = run();
    EXPECT_TRUE(report.failed.empty())
        << report.failed.front().path << ": " << report.failed.front().reason;
    EXPECT_EQ(report.added, 2u);
    EXPECT_EQ(reason_for(report, csv), "unsupported format: CSV table");
    EXPECT_EQ(reason_for(report, jsonl), "unsupported format: JSON Lines records");
    EXPECT_EQ(reason_for(report, code), "unsupported format: Python source");
    EXPECT_EQ(reason_for(report, sheet), "unsupported format: spreadsheet");
    EXPECT_EQ(reason_for(report, png), "unsupported format: PNG image");
    EXPECT_EQ(reason_for(report, records), "unsupported format: JSON Lines records");
    EXPECT_EQ(sources(index().string(), "windparken"),
              (std::vector<std::string>{(papers() / "brief.txt").string(),
                                        (papers() / "notities.md").string()}));
}

TEST_F(FileWalk, TheCommandLineExitsZeroWhenFilesAreOnlySkipped) {
    write("brief.txt", kLetter);
    write("stemmingen.csv", "motie,voor,tegen\n1,76,74\n");
    write("kapot.pdf", "%PDF-1.4\nniet echt\n");
    const testing::CommandResult broken =
        testing::run_kamerzoek("index --db " + index().string() + " " + papers().string(), dir_);
    EXPECT_EQ(broken.exit_code, 1) << broken.err;  // a broken file still fails the run
    EXPECT_NE(broken.err.find("stemmingen.csv: skipped: unsupported format: CSV table"),
              std::string::npos)
        << broken.err;
    fs::remove(papers() / "kapot.pdf");
    const testing::CommandResult skipped =
        testing::run_kamerzoek("index --db " + index().string() + " " + papers().string(), dir_);
    EXPECT_EQ(skipped.exit_code, 0) << skipped.err;
}

TEST(IgnoreRules, FollowGitignoreSyntax) {
    IgnoreRules rules;
    rules.add_file_text(
        "# comment\n\n*.tmp\n!keep.tmp\nconcept/\n/top.txt\ndocs/**/draft.md\narchief/**\n"
        "\\#hash.txt\n",
        "");
    EXPECT_TRUE(rules.ignores("a.tmp", false));
    EXPECT_TRUE(rules.ignores("x/y/a.tmp", false));
    EXPECT_FALSE(rules.ignores("x/keep.tmp", false));
    EXPECT_TRUE(rules.ignores("x/concept", true));
    EXPECT_FALSE(rules.ignores("x/concept", false));  // a file of that name is no folder
    EXPECT_TRUE(rules.ignores("top.txt", false));
    EXPECT_FALSE(rules.ignores("x/top.txt", false));  // anchored to its folder
    EXPECT_TRUE(rules.ignores("docs/draft.md", false));
    EXPECT_TRUE(rules.ignores("docs/a/b/draft.md", false));
    EXPECT_FALSE(rules.ignores("other/draft.md", false));
    EXPECT_FALSE(rules.ignores("archief", true));
    EXPECT_TRUE(rules.ignores("archief/2019/brief.txt", false));
    EXPECT_TRUE(rules.ignores("#hash.txt", false));
    EXPECT_FALSE(rules.ignores("comment", false));
    EXPECT_FALSE(rules.ignores("a.tmpx", false));

    IgnoreRules nested;
    nested.add_file_text("/local.txt\n*.bak\n", "sub/dir");
    EXPECT_TRUE(nested.ignores("sub/dir/local.txt", false));
    EXPECT_TRUE(nested.ignores("sub/dir/x/a.bak", false));
    EXPECT_FALSE(nested.ignores("local.txt", false));  // outside its folder
    EXPECT_FALSE(nested.ignores("sub/a.bak", false));
}

TEST_F(FileWalk, ExcludeAndIgnoreFilesLeaveFilesOutAndRemoveWhatWasIndexed) {
    write("brief.txt", kLetter);
    write("concept/brief-concept.txt", kLetter);
    write("tmp/werk.tmp.txt", kLetter);
    write("jaar/2020/brief-2020.txt", kLetter);
    write("jaar/2020/geheim.txt", kLetter);
    write("jaar/2020/open.txt", kLetter);
    ASSERT_EQ(run().added, 6u);

    write("jaar/.kamerzoekignore", "# per folder\n2020/*.txt\n!2020/open.txt\n");
    IndexOptions options;
    options.exclude = {"concept/", "*.tmp.txt"};
    const IndexReport report = run(options);
    EXPECT_TRUE(report.failed.empty());
    EXPECT_EQ(report.removed, 4u);
    EXPECT_EQ(report.excluded, 4u);  // concept/, werk.tmp.txt, brief-2020.txt, geheim.txt
    EXPECT_EQ(sources(index().string(), "windparken"),
              (std::vector<std::string>{(papers() / "brief.txt").string(),
                                        (papers() / "jaar/2020/open.txt").string()}));
}

TEST_F(FileWalk, ExcludeIsReadFromTheConfigFile) {
    write("brief.txt", kLetter);
    write("concept/brief-concept.txt", kLetter);
    const fs::path config = dir_ / "index.conf";
    std::ofstream(config) << "[index]\ndb = \"" << index().string() << "\"\nPATH = [\""
                          << papers().string() << "\"]\nexclude = [\"*.tmp\", \"concept/**\"]\n";
    const testing::CommandResult result =
        testing::run_kamerzoek("--config " + config.string() + " index --json", dir_);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto summary = nlohmann::json::parse(result.out);
    EXPECT_EQ(summary["added"], 1);
    EXPECT_EQ(summary["excluded"], 1);
}

TEST_F(FileWalk, ThePackagedConfigExampleLeavesOutTemporaryFilesAndDrafts) {
    write("brief.txt", kLetter);
    write("werk.tmp", kLetter);
    write("concept/brief-concept.txt", kLetter);
    std::string example =
        testing::read_bytes(testing::source_dir() / "packaging/config/index.conf.in");
    auto set_line = [&example](const std::string& key, const std::string& value) {
        const std::size_t start = example.find("\n" + key + " = ");
        ASSERT_NE(start, std::string::npos) << key;
        example.replace(start + 1, example.find('\n', start + 1) - start - 1, key + " = " + value);
    };
    set_line("db", "\"" + index().string() + "\"");
    set_line("PATH", "[\"" + papers().string() + "\"]");
    const fs::path config = dir_ / "index.conf";
    std::ofstream(config) << example;
    const testing::CommandResult result =
        testing::run_kamerzoek("--config " + config.string() + " index --json", dir_);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto summary = nlohmann::json::parse(result.out);
    EXPECT_EQ(summary["added"], 1);
    EXPECT_EQ(summary["excluded"], 2);
}

TEST_F(FileWalk, LinksOutOfTheIndexedFoldersAreNotFollowed) {
    write("brief.txt", kLetter);
    fs::create_symlink("/etc/passwd", papers() / "passwd-link.txt");
    fs::create_directories(dir_ / "elsewhere");
    std::ofstream(dir_ / "elsewhere/brief-buiten.txt") << kLetter;
    fs::create_directory_symlink(dir_ / "elsewhere", papers() / "buiten");

    for (const bool follow : {false, true}) {
        IndexOptions options;
        options.follow_symlinks = follow;
        const IndexReport report = run(options);
        EXPECT_NE(
            reason_for(report, papers() / "passwd-link.txt").find("symbolic link to /etc/passwd"),
            std::string::npos);
        EXPECT_NE(reason_for(report, papers() / "buiten").find("not followed"), std::string::npos);
        EXPECT_TRUE(sources(index().string(), "root").empty());
        EXPECT_EQ(sources(index().string(), "windparken"),
                  std::vector<std::string>{(papers() / "brief.txt").string()});
    }
}

TEST_F(FileWalk, FollowedLinksStayInsideAndLoopsAreWalkedOnce) {
    write("a/brief.txt", kLetter);
    fs::create_directory_symlink(papers(), papers() / "a/lus");            // a loop
    fs::create_directory_symlink(papers() / "a", papers() / "b");          // the same folder again
    fs::create_symlink(papers() / "a/brief.txt", papers() / "kopie.txt");  // the same file
    write("c/andere-brief.txt", std::string(kLetter) + "Ook over zonneparken.\n");
    fs::create_symlink(papers() / "c/andere-brief.txt", papers() / "a/link.txt");

    IndexOptions options;
    options.follow_symlinks = true;
    const IndexReport report = run(options);
    EXPECT_TRUE(report.failed.empty());
    EXPECT_EQ(report.added, 2u);  // each file once, by the name it has without links
    EXPECT_EQ(sources(index().string(), "windparken"),
              (std::vector<std::string>{(papers() / "a/brief.txt").string(),
                                        (papers() / "c/andere-brief.txt").string()}));
}

TEST_F(FileWalk, SpecialFilesAreNamedAndNeverOpened) {
    write("brief.txt", kLetter);
    ASSERT_EQ(::mkfifo((papers() / "pijp").c_str(), 0644), 0);
    const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string socket_path = (papers() / "sok").string();
    ASSERT_LT(socket_path.size(), sizeof address.sun_path);
    std::strcpy(address.sun_path, socket_path.c_str());
    ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    fs::create_symlink(papers() / "bestaat-niet.txt", papers() / "los.txt");
    fs::create_symlink("/dev/zero", papers() / "nul.txt");
    fs::create_symlink(papers() / "pijp", papers() / "pijp-link.txt");

    for (const bool follow : {false, true}) {
        IndexOptions options;
        options.follow_symlinks = follow;
        const IndexReport report = run(options);  // would block on the FIFO if it opened it
        EXPECT_TRUE(report.failed.empty());
        EXPECT_NE(reason_for(report, papers() / "pijp").find("FIFO"), std::string::npos);
        EXPECT_NE(reason_for(report, papers() / "sok").find("socket"), std::string::npos);
        EXPECT_NE(reason_for(report, papers() / "los.txt").find("dangling symbolic link"),
                  std::string::npos);
        EXPECT_NE(reason_for(report, papers() / "nul.txt").find("/dev/zero"), std::string::npos);
        EXPECT_NE(reason_for(report, papers() / "pijp-link.txt"), "");
        if (follow) {
            EXPECT_NE(reason_for(report, papers() / "pijp-link.txt").find("FIFO"),
                      std::string::npos);
        }
    }
    ::close(sock);
}

TEST_F(FileWalk, TheIndexOwnFolderIsNeverIndexed) {
    write("brief.txt", kLetter);
    const fs::path inside = papers() / "index";
    for (int run_number = 0; run_number < 2; ++run_number) {
        IndexOptions options;
        options.threads = 1;
        Indexer indexer(inside.string(), options);
        const IndexReport report = indexer.add_paths({papers().string()});
        EXPECT_TRUE(report.failed.empty())
            << report.failed.front().path << ": " << report.failed.front().reason;
        EXPECT_EQ(report.added + report.unchanged, 1u);
        EXPECT_EQ(reason_for(report, inside), "the index's own folder (--db): not indexed");
    }
    EXPECT_EQ(read_index_stats(inside.string()).files, 1u);
}

TEST_F(FileWalk, NamesThatAreNotUtf8AreIndexedEscapedAndRemovedWhenGone) {
    const fs::path odd = write("caf\xE9-brief.txt", kLetter);
    write("gewoon.txt", kLetter);
    const IndexReport first = run();
    EXPECT_TRUE(first.failed.empty());
    EXPECT_EQ(first.added, 2u);
    EXPECT_EQ(sources(index().string(), "windparken"),
              (std::vector<std::string>{(papers() / "caf\\xE9-brief.txt").string(),
                                        (papers() / "gewoon.txt").string()}));
    EXPECT_EQ(run().unchanged, 2u);  // its state is found again by its real name

    fs::remove(odd);
    const IndexReport gone = run();
    EXPECT_EQ(gone.removed, 1u);
    EXPECT_EQ(sources(index().string(), "windparken"),
              std::vector<std::string>{(papers() / "gewoon.txt").string()});
}

TEST(PrintablePath, EscapesBytesThatAreNotUtf8Losslessly) {
    EXPECT_EQ(printable_path("/a/café.txt"), "/a/café.txt");
    EXPECT_EQ(printable_path("/a/caf\xE9.txt"), "/a/caf\\xE9.txt");
    EXPECT_EQ(printable_path("/a\\b/\xFF"), "/a\\x5Cb/\\xFF");
}

TEST_F(FileWalk, VeryLongFileNamesAndDeepPathsAreIndexed) {
    const std::string long_name =
        std::string(251, 'w') + ".txt";  // 255 bytes, the most a name may be
    std::string deep = "diep";
    for (int i = 0; i < 12; ++i) deep += "/" + std::string(100, static_cast<char>('a' + i));
    const fs::path first = write(long_name, kLetter);
    const fs::path second = write(deep + "/" + long_name, kLetter);

    const IndexReport report = run();
    EXPECT_TRUE(report.failed.empty())
        << report.failed.front().path << ": " << report.failed.front().reason;
    EXPECT_EQ(report.added, 2u);
    EXPECT_EQ(sources(index().string(), "windparken"),
              (std::vector<std::string>{second.string(), first.string()}));
    EXPECT_EQ(run().unchanged, 2u);
    fs::remove(first);
    EXPECT_EQ(run().removed, 1u);
    EXPECT_EQ(sources(index().string(), "windparken"), std::vector<std::string>{second.string()});
}

TEST_F(FileWalk, AnOdtBesideABetterRenditionIsAnAlternateOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const fs::path repository = testing::shared_corpus_dir() / "repository-overheid";
    const IndexReport report = run({}, {repository.string()});
    for (const SkippedFile& skipped : report.skipped) {
        EXPECT_EQ(skipped.reason.find("unsupported format"), std::string::npos)
            << skipped.path << ": " << skipped.reason;
    }
    const DocumentView motie = Searcher(index().string()).show("kst-32545-143");
    EXPECT_TRUE(std::any_of(motie.alternates.begin(), motie.alternates.end(),
                            [](const std::string& path) { return path.ends_with(".odt"); }));
}

TEST_F(FileWalk, ExcludeLeavesOutFoldersOfTheSharedCorpusOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    IndexOptions options;
    options.exclude = {"parlamint/", "*.pdf"};
    const IndexReport report = run(options, {testing::shared_corpus_dir().string()});
    EXPECT_GT(report.added, 10u);
    EXPECT_GE(report.excluded, 2u);
    Searcher searcher(index().string());
    SearchOptions search_options;
    search_options.limit = 1000;
    for (const std::string query : {"de", "the", "kamer"}) {
        for (const Hit& hit : searcher.search(query, search_options).hits) {
            EXPECT_EQ(hit.source.find("/parlamint/"), std::string::npos) << hit.source;
            EXPECT_FALSE(hit.source.ends_with(".pdf")) << hit.source;
        }
    }
    // The corpus's own metadata and manifest files are not the walk's business.
    for (const FileFailure& failure : report.failed)
        ADD_FAILURE() << failure.path << ": " << failure.reason;
}

}  // namespace
}  // namespace kamerzoek
