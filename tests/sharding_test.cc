// Scale-out on Xapian's own machinery: shards listed in a Xapian stub file,
// local ones and ones served by xapian-tcpsrv, searched together as one
// index; their errors, statistics, refreshes, and the refusal to write to
// them.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "indexer/index_layout.h"
#include "indexer/index_schema.h"
#include "kamerzoek/kamerzoek.h"
#include "tests/test_paths.h"

extern char** environ;

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr const char* kTcpServer = "/usr/bin/xapian-tcpsrv";

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() /
                         ("kamerzoek-sharding-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

void build_index(const fs::path& dir, const std::vector<fs::path>& paths) {
    std::vector<std::string> arguments;
    for (const fs::path& path : paths) arguments.push_back(path.string());
    Indexer indexer(dir.string());
    const IndexReport report = indexer.add_paths(arguments);
    indexer.commit();
    ASSERT_TRUE(report.failed.empty()) << report.failed.front().path;
    ASSERT_GT(report.documents_indexed, 0u);
}

// ---- xapian-tcpsrv on loopback -------------------------------------------

sockaddr_in loopback(unsigned port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

// A port nobody listens on right now: the kernel picks it.
unsigned free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = loopback(0);
    socklen_t size = sizeof address;
    unsigned port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), size) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0) {
        port = ntohs(address.sin_port);
    }
    ::close(fd);
    return port;
}

bool accepts_connections(unsigned port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const sockaddr_in address = loopback(port);
    const bool connected =
        ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
}

// One xapian-tcpsrv serving `database` on a free loopback port. It runs in
// a process group of its own, so that stopping it also ends the processes
// it forked for each connection.
class TcpServer {
  public:
    TcpServer(fs::path database, fs::path log, std::vector<std::string> options = {})
        : database_(std::move(database)), log_(std::move(log)), options_(std::move(options)) {
        for (int attempt = 0; attempt < 5 && pid_ < 0; ++attempt) start(free_port());
        if (pid_ < 0) ADD_FAILURE() << "xapian-tcpsrv did not start; see " << log_;
    }
    ~TcpServer() { stop(); }
    TcpServer(const TcpServer&) = delete;
    TcpServer& operator=(const TcpServer&) = delete;

    unsigned port() const { return port_; }
    std::string stub_line() const { return "remote 127.0.0.1:" + std::to_string(port_); }

    void stop() {
        if (pid_ < 0) return;
        ::kill(-pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
        // A connection's process may outlive its server (it can have
        // SIGTERM blocked); the group is the server's alone.
        ::kill(-pid_, SIGKILL);
        pid_ = -1;
    }

    /// Starts it again on the same port (a restart); false when it fails.
    bool restart() {
        stop();
        for (int attempt = 0; attempt < 50 && pid_ < 0; ++attempt) {
            if (!start(port_)) std::this_thread::sleep_for(100ms);
        }
        return pid_ >= 0;
    }

  private:
    // Spawns the server and waits until it accepts connections; false (and
    // nothing left running) when it exits first, e.g. the port was taken.
    bool start(unsigned port) {
        const std::string port_text = std::to_string(port);
        std::vector<const char*> argv = {kTcpServer, "--interface",     "127.0.0.1",
                                         "--port",   port_text.c_str(), "--quiet"};
        for (const std::string& option : options_) argv.push_back(option.c_str());
        argv.push_back(database_.c_str());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t files;
        posix_spawn_file_actions_init(&files);
        posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, log_.c_str(),
                                         O_WRONLY | O_CREAT | O_APPEND, 0644);
        posix_spawn_file_actions_adddup2(&files, STDOUT_FILENO, STDERR_FILENO);
        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attributes, 0);
        pid_t pid = -1;
        const int spawned = ::posix_spawn(&pid, kTcpServer, &files, &attributes,
                                          const_cast<char* const*>(argv.data()), environ);
        posix_spawn_file_actions_destroy(&files);
        posix_spawnattr_destroy(&attributes);
        if (spawned != 0) return false;
        for (int i = 0; i < 500; ++i) {
            if (::waitpid(pid, nullptr, WNOHANG) == pid) return false;
            if (accepts_connections(port)) {
                pid_ = pid;
                port_ = port;
                return true;
            }
            std::this_thread::sleep_for(20ms);
        }
        ::kill(-pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
        return false;
    }

    fs::path database_;
    fs::path log_;
    std::vector<std::string> options_;
    pid_t pid_ = -1;
    unsigned port_ = 0;
};

// ---- comparing rankings --------------------------------------------------

struct Ranked {
    std::string passage;  // doc id#ordinal
    double score = 0;
};

std::vector<Ranked> ranked(Searcher& searcher, const std::string& query, unsigned per_document) {
    SearchOptions options;
    options.limit = 1000;  // every match: no tie is cut at the end of the page
    options.per_document = per_document;
    std::vector<Ranked> out;
    for (const Hit& hit : searcher.search(query, options).hits)
        out.push_back({hit.doc_id + "#" + std::to_string(hit.passage), hit.score});
    return out;
}

bool same_score(double a, double b) {
    return std::fabs(a - b) <= 1e-9 * std::max({std::fabs(a), std::fabs(b), 1e-300});
}

// Equal rankings: the same passages at the same ranks with the same scores
// (within 1e-9 relative). Xapian breaks ties of score by document number,
// and those number the passages of a sharded index differently than those of
// one index, so within a run of equal scores the order may differ: such a
// run must hold the same passages, in any order.
void expect_same_ranking(const std::vector<Ranked>& local, const std::vector<Ranked>& sharded,
                         const std::string& query) {
    ASSERT_EQ(local.size(), sharded.size()) << query;
    ASSERT_FALSE(local.empty()) << query << " finds nothing: it tests nothing";
    std::size_t run_begin = 0;
    for (std::size_t i = 0; i < local.size(); ++i) {
        EXPECT_TRUE(same_score(local[i].score, sharded[i].score))
            << query << ": rank " << i + 1 << ": " << local[i].score << " vs " << sharded[i].score;
        const bool run_ends =
            i + 1 == local.size() || !same_score(local[i + 1].score, local[i].score);
        if (!run_ends) continue;
        std::multiset<std::string> expected, actual;
        for (std::size_t j = run_begin; j <= i; ++j) {
            expected.insert(local[j].passage);
            actual.insert(sharded[j].passage);
        }
        EXPECT_EQ(expected, actual) << query << ": ranks " << run_begin + 1 << " to " << i + 1;
        run_begin = i + 1;
    }
}

std::vector<std::string> cited_ids(const DocumentView& view) {
    std::vector<std::string> ids;
    for (const Reference& ref : view.cites) ids.push_back(ref.id + "=" + ref.in_index);
    return ids;
}

std::vector<std::string> citing_ids(const DocumentView& view) {
    std::vector<std::string> ids;
    for (const CitingDocument& citing : view.cited_by) ids.push_back(citing.doc_id);
    return ids;
}

// ---- real documents in two shards served by xapian-tcpsrv ----------------

// Dutch papers of 2016-2018 in one shard, English treaties, debates and
// saved web pages in the other; one local index holds both sets.
class ShardedCorpus : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        const fs::path corpus = testing::shared_corpus_dir();
        if (!fs::is_directory(corpus)) return;  // each test fails with REQUIRE_SHARED_CORPUS
        root_ = new fs::path(fresh_dir("corpus"));
        const std::vector<fs::path> dutch = {corpus / "handelingen-xml", corpus / "seed",
                                             corpus / "besluitenlijsten-pdf"};
        const std::vector<fs::path> other = {corpus / "treaties-sample", corpus / "parlamint",
                                             corpus / "tweedekamer-html"};
        std::vector<fs::path> both = dutch;
        both.insert(both.end(), other.begin(), other.end());
        build_index(*root_ / "shard-dutch", dutch);
        build_index(*root_ / "shard-other", other);
        build_index(*root_ / "local", both);
    }
    static void TearDownTestSuite() {
        if (root_ != nullptr) fs::remove_all(*root_);
        delete root_;
        root_ = nullptr;
    }

    void SetUp() override {
        REQUIRE_SHARED_CORPUS();
        ASSERT_NE(root_, nullptr);
        dutch_ = std::make_unique<TcpServer>(*root_ / "shard-dutch", *root_ / "tcpsrv-dutch.log");
        other_ = std::make_unique<TcpServer>(*root_ / "shard-other", *root_ / "tcpsrv-other.log");
        fs::create_directories(sharded());
        write_file(sharded() / layout::kStubFile,
                   "# two shards, each served by its own xapian-tcpsrv\n" + dutch_->stub_line() +
                       "\n" + other_->stub_line() + "\n");
    }
    // Runs even when a test fails, so no server outlives its test.
    void TearDown() override {
        dutch_.reset();
        other_.reset();
    }

    static fs::path local() { return *root_ / "local"; }
    static fs::path sharded() { return *root_ / "sharded"; }

    static fs::path* root_;
    std::unique_ptr<TcpServer> dutch_;
    std::unique_ptr<TcpServer> other_;
};

fs::path* ShardedCorpus::root_ = nullptr;

TEST_F(ShardedCorpus, RemoteShardsRankPassagesAsOneLocalIndexDoesOnSharedCorpus) {
    Searcher one(local().string());
    Searcher shards(sharded().string());
    EXPECT_EQ(shards.passage_count(), one.passage_count());
    for (const std::string query :
         {"motie", "verdrag", "terrorismefinanciering", "terrorism financing", "human rights",
          "minister", "\"foreign terrorist fighters\"", "\"de minister\"", "lang:en government",
          "ref:kst-31311-199 motie", "kind:kamerbrief samenwerking", "year:2017 debat", "terror*",
          "minist*", "verdrag -kind:other"}) {
        expect_same_ranking(ranked(one, query, 2), ranked(shards, query, 2), query);
    }
    expect_same_ranking(ranked(one, "minister", 0), ranked(shards, "minister", 0), "minister");
}

TEST_F(ShardedCorpus, RemoteShardsSuggestSpellingsFromAllShardsOnSharedCorpus) {
    Searcher one(local().string());
    Searcher shards(sharded().string());
    for (const std::string typo : {"moite", "verdarg", "terorisme", "parliment"}) {
        const std::string expected = one.search(typo).suggestion;
        EXPECT_FALSE(expected.empty()) << typo;
        EXPECT_EQ(shards.search(typo).suggestion, expected) << typo;
    }
}

TEST_F(ShardedCorpus, ShowAndCitesReadDocumentsThroughRemoteShardsOnSharedCorpus) {
    Searcher one(local().string());
    Searcher shards(sharded().string());
    for (const std::string id :
         {"kamerbrief-2016-02-09-ftf-conferentie", "h-tk-20172018-61-10", "BWBV0001069"}) {
        const DocumentView expected = one.show(id);
        const DocumentView actual = shards.show(id);
        EXPECT_EQ(actual.title, expected.title) << id;
        EXPECT_EQ(actual.passages.size(), expected.passages.size()) << id;
        EXPECT_EQ(cited_ids(actual), cited_ids(expected)) << id;
        EXPECT_EQ(citing_ids(actual), citing_ids(expected)) << id;
    }
    EXPECT_THROW(shards.show("kst-99999-1"), NotFound);

    CitesOptions with_text;
    with_text.text = "motie";
    const CitesResults expected = one.cites("kst-31311-199", with_text);
    const CitesResults actual = shards.cites("kst-31311-199", with_text);
    ASSERT_FALSE(actual.documents.empty());
    EXPECT_EQ(actual.total, expected.total);
    EXPECT_EQ(actual.documents.front().doc_id, expected.documents.front().doc_id);
    EXPECT_EQ(actual.documents.front().passages.size(), expected.documents.front().passages.size());

    // Without text: by date, newest first, which the remote backend sorts too.
    const CitesResults by_date = shards.cites("kst-31311-199", CitesOptions{});
    const CitesResults by_date_one = one.cites("kst-31311-199", CitesOptions{});
    ASSERT_FALSE(by_date.documents.empty());
    EXPECT_EQ(by_date.total, by_date_one.total);
    std::vector<std::string> dates, dates_one;
    for (const CitesGroup& group : by_date.documents) dates.push_back(group.date);
    for (const CitesGroup& group : by_date_one.documents) dates_one.push_back(group.date);
    EXPECT_EQ(dates, dates_one);
    EXPECT_TRUE(std::is_sorted(dates.rbegin(), dates.rend()));
}

TEST_F(ShardedCorpus, CommandsTreatTheStubAsOneIndexOnSharedCorpus) {
    const fs::path scratch = *root_;
    const auto search = testing::run_kamerzoek(
        "search --json --limit 5 --db " + sharded().string() + " terrorisme", scratch);
    ASSERT_EQ(search.exit_code, 0) << search.err;
    EXPECT_FALSE(nlohmann::json::parse(search.out)["hits"].empty());

    const auto show = testing::run_kamerzoek(
        "show --json --db " + sharded().string() + " h-tk-20172018-61-10", scratch);
    ASSERT_EQ(show.exit_code, 0) << show.err;
    EXPECT_EQ(nlohmann::json::parse(show.out)["doc_id"], "h-tk-20172018-61-10");

    const auto stats = testing::run_kamerzoek("stats --json --db " + sharded().string(), scratch);
    ASSERT_EQ(stats.exit_code, 0) << stats.err;
    const auto sharded_stats = nlohmann::json::parse(stats.out);
    const IndexStats one = read_index_stats(local().string());
    EXPECT_EQ(sharded_stats["passages"], one.passages);
    EXPECT_EQ(sharded_stats["documents"], one.documents);
    EXPECT_EQ(sharded_stats["files"], one.files);
    EXPECT_EQ(sharded_stats["languages"], nlohmann::json(one.passages_by_language));
    EXPECT_EQ(sharded_stats["analysis"], one.analysis);
    ASSERT_EQ(sharded_stats["shards"].size(), 2u);
    for (const auto& shard : sharded_stats["shards"]) {
        EXPECT_TRUE(shard["remote"].get<bool>());
        EXPECT_EQ(shard["last_run"]["outcome"], "ok") << shard.dump();
    }
}

TEST_F(ShardedCorpus, ASearcherFollowsARebuildOnTheShardServerOnSharedCorpus) {
    // A copy of the Dutch shard, served on its own, so other tests keep theirs.
    const fs::path copy = *root_ / "shard-dutch-rebuilt";
    fs::remove_all(copy);
    fs::copy(*root_ / "shard-dutch", copy, fs::copy_options::recursive);
    TcpServer server(copy, *root_ / "tcpsrv-rebuilt.log");
    const fs::path stub_dir = *root_ / "sharded-rebuilt";
    fs::create_directories(stub_dir);
    write_file(stub_dir / layout::kStubFile,
               server.stub_line() + "\n" + other_->stub_line() + "\n");
    Searcher shards(stub_dir.string());
    const std::size_t before = shards.passage_count();
    // Passages that hold the word itself: its translation ("clients") is
    // found in the English shard before and after.
    const auto saying_clienten = [&shards] {
        std::size_t found = 0;
        for (const Hit& hit : shards.search("cliënten").hits)
            found += hit.text.find("cliënten") != std::string::npos;
        return found;
    };
    ASSERT_EQ(saying_clienten(), 0u);

    const fs::path corpus = testing::shared_corpus_dir();
    IndexOptions full;
    full.full_rebuild = true;
    Indexer rebuild(copy.string(), full);
    rebuild.add_paths({(corpus / "handelingen-xml").string(), (corpus / "seed").string(),
                       (corpus / "besluitenlijsten-pdf").string(),
                       (corpus / "handelingen-xml-damaged").string()});
    rebuild.commit();
    // The server's process for our connection reads the generation that was
    // swapped out and removed; the searcher must connect afresh, and the
    // server opens the directory's new generation for the new connection.
    EXPECT_GT(saying_clienten(), 0u);
    EXPECT_GT(shards.passage_count(), before);
}

TEST_F(ShardedCorpus, ASearcherReconnectsWhenAShardServerRestartsOnSharedCorpus) {
    Searcher shards(sharded().string());
    const auto before = ranked(shards, "motie", 2);
    ASSERT_TRUE(other_->restart());
    expect_same_ranking(before, ranked(shards, "motie", 2), "motie");
}

TEST_F(ShardedCorpus, AShardServerThatStopsIsNamedOnSharedCorpus) {
    Searcher shards(sharded().string());
    ASSERT_FALSE(shards.search("motie").hits.empty());
    other_->stop();
    try {
        shards.search("motie");
        FAIL() << "searched without a shard";
    } catch (const IndexError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find(sharded().string()), std::string::npos) << message;
        EXPECT_NE(message.find(other_->stub_line()), std::string::npos) << message;
        EXPECT_EQ(message.find(dutch_->stub_line()), std::string::npos) << message;
    }
}

// ---- fixtures in two local shards -----------------------------------------

// tests/data/cites: the motion in one shard, the two letters citing it in
// the other, so every citation crosses shards.
class LocalShards : public ::testing::Test {
  protected:
    void SetUp() override {
        root_ = fresh_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
        const fs::path cites = testing::fixture("cites");
        build_index(motion_shard(), {cites / "kst-34300-V-30.txt"});
        build_index(letters_shard(), {cites / "brief-bevriezen-tegoeden.txt",
                                      cites / "brief-terrorismebestrijding.txt"});
        build_index(local(), {cites});
        fs::create_directories(sharded());
    }
    void TearDown() override { fs::remove_all(root_); }

    fs::path motion_shard() const { return root_ / "motion"; }
    fs::path letters_shard() const { return root_ / "letters"; }
    fs::path local() const { return root_ / "local"; }
    fs::path sharded() const { return root_ / "sharded"; }
    fs::path stub() const { return sharded() / layout::kStubFile; }

    // A stub of `glass` lines naming each shard's live generation.
    void write_glass_stub() {
        write_file(stub(), "glass " + layout::resolve_index_path(motion_shard().string()) +
                               "\nglass " + layout::resolve_index_path(letters_shard().string()) +
                               "\n");
    }

    fs::path root_;
};

TEST_F(LocalShards, TwoGlassLinesAreSearchedAsOneIndex) {
    write_glass_stub();
    Searcher one(local().string());
    Searcher shards(sharded().string());
    EXPECT_EQ(shards.passage_count(), one.passage_count());
    for (const std::string query : {"tegoeden", "motie bevriezen", "\"bevriezen van tegoeden\"",
                                    "ref:kst-34300-V-30", "terrorism financing", "tegoed*"}) {
        expect_same_ranking(ranked(one, query, 2), ranked(shards, query, 2), query);
    }
    EXPECT_EQ(shards.search("tegoden").suggestion, one.search("tegoden").suggestion);
}

TEST_F(LocalShards, CitationsResolveAcrossShards) {
    write_glass_stub();
    Searcher one(local().string());
    Searcher shards(sharded().string());
    const DocumentView motion = shards.show("kst-34300-V-30");
    EXPECT_EQ(citing_ids(motion), citing_ids(one.show("kst-34300-V-30")));
    EXPECT_EQ(motion.cited_by.size(), 2u);
    const DocumentView letter = shards.show("brief-bevriezen-tegoeden");
    EXPECT_EQ(cited_ids(letter), cited_ids(one.show("brief-bevriezen-tegoeden")));
    EXPECT_FALSE(letter.cites.empty() || letter.cites.front().in_index.empty());

    const CitesResults expected = one.cites("Kamerstuk 34 300 V, nr. 30");
    const CitesResults actual = shards.cites("Kamerstuk 34 300 V, nr. 30");
    EXPECT_EQ(actual.total, expected.total);
    ASSERT_EQ(actual.documents.size(), expected.documents.size());
    for (std::size_t i = 0; i < actual.documents.size(); ++i)
        EXPECT_EQ(actual.documents[i].doc_id, expected.documents[i].doc_id);
}

TEST_F(LocalShards, ASearcherFollowsAShardsRebuildAndAnEditedStub) {
    // `auto` lines name the shards' index directories, whose own stubs move
    // to each new generation.
    write_file(stub(), "auto " + motion_shard().string() + "\n");
    Searcher shards(sharded().string());
    EXPECT_TRUE(shards.search("terrorismebestrijding").hits.empty());

    write_file(stub(), "auto " + motion_shard().string() + "\nauto ../letters\n");
    EXPECT_FALSE(shards.search("terrorismebestrijding").hits.empty());

    const fs::path extra = root_ / "extra";
    fs::create_directories(extra);
    write_file(extra / "brief-windmolens.txt",
               "Den Haag, 3 juni 2016\n\nDe minister schrijft over windmolens op zee.\n");
    IndexOptions full;
    full.full_rebuild = true;
    Indexer rebuild(motion_shard().string(), full);
    rebuild.add_paths(
        {(testing::fixture("cites") / "kst-34300-V-30.txt").string(), extra.string()});
    rebuild.commit();
    EXPECT_FALSE(shards.search("windmolens").hits.empty());
    EXPECT_FALSE(shards.search("terrorismebestrijding").hits.empty());
}

TEST_F(LocalShards, StatsSumTheShardsAndShowEachOnesLastRun) {
    write_glass_stub();
    const auto result = testing::run_kamerzoek("stats --db " + sharded().string(), root_);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("2 shards"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("shard 2"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("documents  3\n"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("last run"), std::string::npos) << result.out;
}

TEST_F(LocalShards, IndexingIntoAStubOfShardsIsRefused) {
    write_glass_stub();
    const std::string before = testing::read_bytes(stub());
    const auto result = testing::run_kamerzoek(
        "index --db " + sharded().string() + " " + testing::fixture("cites").string(), root_);
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("set of shards"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("each shard's own --db"), std::string::npos) << result.err;
    IndexOptions full;
    full.full_rebuild = true;
    EXPECT_THROW(Indexer(sharded().string(), full), IndexError);
    EXPECT_EQ(testing::read_bytes(stub()), before);
    EXPECT_EQ(Searcher(sharded().string()).passage_count(),
              Searcher(local().string()).passage_count());

    // The stub file itself as --db: the same refusal, and nothing written.
    const auto direct = testing::run_kamerzoek(
        "index --db " + stub().string() + " " + testing::fixture("cites").string(), root_);
    EXPECT_EQ(direct.exit_code, 2);
    EXPECT_NE(direct.err.find("set of shards"), std::string::npos) << direct.err;
    EXPECT_EQ(testing::read_bytes(stub()), before);
}

TEST_F(LocalShards, AShardBuiltWithAnotherAnalysisIsNamed) {
    write_glass_stub();
    {
        Xapian::WritableDatabase db(layout::resolve_index_path(letters_shard().string()));
        db.set_metadata(std::string(schema::kMetaAnalysis), "kamerzoek-analysis/0");
        db.commit();
    }
    try {
        Searcher shards(sharded().string());
        FAIL() << "opened a shard of another analysis";
    } catch (const IndexError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("another analysis"), std::string::npos) << message;
        EXPECT_NE(message.find("line 2 of " + stub().string()), std::string::npos) << message;
    }
}

TEST_F(LocalShards, ABadStubLineIsNamedWithItsLine) {
    write_file(stub(), "auto " + motion_shard().string() + "\nremote 127.0.0.1:7001 5000\n");
    try {
        Searcher shards(sharded().string());
        FAIL() << "opened a stub with a bad line";
    } catch (const IndexError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find(stub().string() + ":2:"), std::string::npos) << message;
        EXPECT_NE(message.find("KAMERZOEK_REMOTE_TIMEOUT_MS"), std::string::npos) << message;
    }
}

TEST_F(LocalShards, AGlassLineNamingAnIndexDirectorySaysToWriteAuto) {
    write_file(stub(), "glass " + motion_shard().string() + "\n");
    try {
        Searcher shards(sharded().string());
        FAIL() << "opened an index directory as a glass database";
    } catch (const IndexError& e) {
        EXPECT_NE(std::string(e.what()).find("write `auto " + motion_shard().string() + "`"),
                  std::string::npos)
            << e.what();
    }
}

TEST_F(LocalShards, AStubFileNamedDirectlyIsSearchedToo) {
    write_glass_stub();
    const fs::path named = root_ / "shards.stub";
    fs::copy_file(stub(), named);
    EXPECT_EQ(Searcher(named.string()).passage_count(), Searcher(local().string()).passage_count());
}

TEST_F(LocalShards, AConnectionTheServerClosedWhenIdleIsOpenedAgain) {
    TcpServer server(letters_shard(), root_ / "tcpsrv.log", {"--idle-timeout", "200"});
    write_file(stub(), "auto " + motion_shard().string() + "\n" + server.stub_line() + "\n");
    Searcher shards(sharded().string());
    const auto before = ranked(shards, "tegoeden", 2);
    std::this_thread::sleep_for(600ms);  // the server closes our connection meanwhile
    expect_same_ranking(before, ranked(shards, "tegoeden", 2), "tegoeden");
}

// ---- remote shards that cannot be reached ---------------------------------

class UnreachableShard : public LocalShards {
  protected:
    void TearDown() override {
        ::unsetenv("KAMERZOEK_REMOTE_TIMEOUT_MS");
        LocalShards::TearDown();
    }
};

TEST_F(UnreachableShard, AClosedPortIsNamedWithTheStub) {
    const std::string line = "remote 127.0.0.1:" + std::to_string(free_port());
    write_file(stub(), "auto " + motion_shard().string() + "\n" + line + "\n");
    try {
        Searcher shards(sharded().string());
        FAIL() << "opened an unreachable shard";
    } catch (const ShardUnreachable& e) {  // public: a caller retries later
        const std::string message = e.what();
        EXPECT_NE(message.find(sharded().string()), std::string::npos) << message;
        EXPECT_NE(message.find("`" + line + "` (line 2 of " + stub().string() + ")"),
                  std::string::npos)
            << message;
        EXPECT_NE(message.find("unreachable"), std::string::npos) << message;
    }
    const auto cli = testing::run_kamerzoek("search --db " + sharded().string() + " motie", root_);
    EXPECT_EQ(cli.exit_code, 3);  // retry later
    EXPECT_NE(cli.err.find(line), std::string::npos) << cli.err;
    EXPECT_EQ(cli.err.find("unexpected"), std::string::npos) << cli.err;
}

TEST_F(UnreachableShard, AServerThatNeverAnswersTimesOut) {
    // A socket that listens but never speaks: connecting succeeds, the
    // greeting never comes.
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = loopback(0);
    socklen_t size = sizeof address;
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), size), 0);
    ASSERT_EQ(::listen(fd, 4), 0);
    ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size), 0);
    write_file(stub(), "remote 127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "\n");
    ::setenv("KAMERZOEK_REMOTE_TIMEOUT_MS", "300", 1);
    const auto start = std::chrono::steady_clock::now();
    try {
        Searcher shards(sharded().string());
        ADD_FAILURE() << "opened a shard that never answered";
    } catch (const IndexError& e) {
        EXPECT_NE(std::string(e.what()).find("did not answer within 300 ms"), std::string::npos)
            << e.what();
    }
    ::close(fd);
    EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

// ---- real documents in two local shards --------------------------------------

// Xapian 1.4's merge of several local databases called a freed OP_MAX on
// one query in eight of the bench set (a word and its translations); every
// one of them now ranks as one index does.
TEST(LocalShardsOfRealDocuments, RankTheBenchQueriesAsOneIndexDoesOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const fs::path root = fresh_dir("local-real");
    const fs::path treaties = testing::shared_corpus_dir() / "treaties-sample";
    const fs::path europarl = testing::shared_corpus_dir() / "europarl-nl-en";
    build_index(root / "treaties", {treaties});
    build_index(root / "europarl", {europarl});
    build_index(root / "one", {treaties, europarl});
    fs::create_directories(root / "sharded");
    write_file(root / "sharded" / layout::kStubFile, "auto ../treaties\nauto ../europarl\n");
    Searcher one((root / "one").string());
    Searcher shards((root / "sharded").string());
    std::ifstream queries(testing::source_dir() / "bench" / "peers" / "queries.txt");
    std::size_t compared = 0;
    for (std::string query; std::getline(queries, query);) {
        if (query.empty()) continue;
        // A page of 10 is where Xapian prunes, and where it crashed.
        EXPECT_EQ(shards.search(query).hits.size(), one.search(query).hits.size()) << query;
        const std::vector<Ranked> expected = ranked(one, query, 2);
        if (expected.empty()) continue;
        expect_same_ranking(expected, ranked(shards, query, 2), query);
        ++compared;
    }
    EXPECT_GE(compared, 100u);
    fs::remove_all(root);
}

}  // namespace
}  // namespace kamerzoek
