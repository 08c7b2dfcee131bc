// Indexing on several threads (a first run or a full rebuild builds shards
// and merges them) must give the index one thread gives: the same documents,
// ids, passages and ranked hits.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "kamerzoek/kamerzoek.h"
#include "tests/test_paths.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
    const fs::path dir =
        fs::temp_directory_path() / ("kamerzoek-shards-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    return dir;
}

IndexReport build(const fs::path& index, const std::vector<std::string>& paths, unsigned threads,
                  bool full = false) {
    IndexOptions options;
    options.threads = threads;
    options.full_rebuild = full;
    return Indexer(index.string(), options).add_paths(paths);
}

// Each hit as "doc#passage score", in rank order.
std::vector<std::string> ranked(const fs::path& index, const std::string& query) {
    SearchOptions options;
    options.limit = 20;
    std::vector<std::string> hits;
    for (const Hit& hit : Searcher(index.string()).search(query, options).hits) {
        hits.push_back(hit.doc_id + "#" + std::to_string(hit.passage) + " " +
                       std::to_string(hit.score));
    }
    return hits;
}

// Every document's title and passage texts.
std::map<std::string, std::vector<std::string>> contents(const fs::path& index,
                                                         const std::set<std::string>& ids) {
    Searcher searcher(index.string());
    std::map<std::string, std::vector<std::string>> out;
    for (const std::string& id : ids) {
        const DocumentView view = searcher.show(id);
        out[id].push_back(view.title + " | " + view.kind + " | " + view.date);
        for (const DocumentPassage& passage : view.passages) out[id].push_back(passage.text);
    }
    return out;
}

TEST(ShardBuild, GivesTheIndexOneThreadGivesOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const fs::path corpus = testing::shared_corpus_dir();
    const std::vector<std::string> paths{(corpus / "seed").string(),
                                         (corpus / "handelingen-xml").string(),
                                         (corpus / "treaties-sample").string()};
    const fs::path one = fresh_dir("one"), two = fresh_dir("two"), three = fresh_dir("three");
    const IndexReport single = build(one, paths, 1);
    const IndexReport sharded = build(two, paths, 2);
    const IndexReport rebuilt = build(three, paths, 3, /*full=*/true);
    ASSERT_TRUE(single.failed.empty());
    EXPECT_GT(single.added, 10u);
    for (const IndexReport* report : {&sharded, &rebuilt}) {
        EXPECT_EQ(report->added, single.added);
        EXPECT_EQ(report->documents_indexed, single.documents_indexed);
        EXPECT_EQ(report->passages_indexed, single.passages_indexed);
        EXPECT_TRUE(report->failed.empty());
    }
    EXPECT_EQ(read_index_stats(two.string()).files, single.added);

    std::set<std::string> ids;
    for (const char* query : {"terrorisme", "verdrag", "minister"}) {
        for (const std::string& hit : ranked(one, query)) ids.insert(hit.substr(0, hit.find('#')));
    }
    ASSERT_GT(ids.size(), 3u);
    EXPECT_EQ(contents(two, ids), contents(one, ids));
    EXPECT_EQ(contents(three, ids), contents(one, ids));
    for (const std::string query :
         {"tegoeden ISIS bevriezen", "\"foreign terrorist fighters\"", "treaty lang:en", "Tunesie",
          "kamer motie", "ref:kst-34300-V-30"}) {
        SCOPED_TRACE(query);
        const std::vector<std::string> expected = ranked(one, query);
        EXPECT_FALSE(expected.empty());
        EXPECT_EQ(ranked(two, query), expected);
        EXPECT_EQ(ranked(three, query), expected);
    }
    for (const fs::path& dir : {one, two, three}) {
        EXPECT_FALSE(fs::exists(dir / "shards")) << "shards left behind in " << dir;
        fs::remove_all(dir);
    }
}

// Two files naming the same document land in different shards; the one
// first in path order keeps the id, as on one thread.
TEST(ShardBuild, GivesAClaimedIdToTheFirstFileAsOneThreadDoes) {
    const fs::path corpus = fresh_dir("claims-corpus");
    for (const char* folder : {"a", "b"}) {
        fs::create_directories(corpus / folder);
        std::ofstream(corpus / folder / "brief.txt")
            << "Den Haag, 1 maart 2021\n\nDe minister schrijft uit map " << folder
            << " over windmolens op zee en de netcapaciteit in de provincie.\n";
    }
    const fs::path one = fresh_dir("claims-one"), two = fresh_dir("claims-two");
    build(one, {corpus.string()}, 1);
    build(two, {corpus.string()}, 2);
    std::map<std::string, std::string> one_ids, two_ids;  // doc id -> source
    for (const Hit& hit : Searcher(one.string()).search("windmolens").hits)
        one_ids[hit.doc_id] = hit.source;
    for (const Hit& hit : Searcher(two.string()).search("windmolens").hits)
        two_ids[hit.doc_id] = hit.source;
    ASSERT_EQ(one_ids.size(), 2u);
    EXPECT_EQ(two_ids, one_ids);
    ASSERT_TRUE(one_ids.count("brief"));
    EXPECT_NE(one_ids["brief"].find("/a/brief.txt"), std::string::npos);
    for (const fs::path& dir : {corpus, one, two}) fs::remove_all(dir);
}

// A letter of about `bytes` bytes.
std::string letter_of_size(std::size_t bytes, const std::string& topic) {
    std::string text = "Den Haag, 1 maart 2021\n\n";
    for (int i = 0; text.size() < bytes; ++i) {
        text += "De minister schrijft in alinea " + std::to_string(i) + " over " + topic +
                " en over de netcapaciteit in de provincie.\n\n";
    }
    return text;
}

// Stopped while the first thread is still on a large file and the second
// has indexed the other "brief.txt": the second's file must not keep the id
// the first thread's "brief.txt" would have had in a run on one thread.
TEST(ShardBuild, AStoppedBuildKeepsOnlyTheFilesBeforeTheFirstOneLeftUndone) {
    const fs::path corpus = fresh_dir("stopped-corpus");
    fs::create_directories(corpus / "a");
    fs::create_directories(corpus / "b");
    // Sizes chosen so that the first thread gets a/000.txt and a/brief.txt,
    // the second b/brief.txt and b/zzz.txt (contiguous runs of equal bytes).
    const std::string big = letter_of_size(600'000, "windmolens");
    std::ofstream(corpus / "a" / "000.txt") << big;
    std::ofstream(corpus / "a" / "brief.txt") << letter_of_size(1'000, "zonnepanelen");
    std::ofstream(corpus / "b" / "brief.txt") << letter_of_size(1'000, "waterstof");
    std::ofstream(corpus / "b" / "zzz.txt") << letter_of_size(big.size() + 1'000, "biomassa");

    const fs::path stopped = fresh_dir("stopped"), clean = fresh_dir("stopped-clean");
    std::atomic<bool> second_brief_done{false};
    IndexOptions options;
    options.threads = 2;
    options.on_progress = [&](const IndexProgress& progress) {
        if (progress.path.find("/b/brief.txt") != std::string::npos) second_brief_done = true;
    };
    options.stop_requested = [&] { return second_brief_done.load(); };
    const IndexReport interrupted = Indexer(stopped.string(), options).add_paths({corpus.string()});
    ASSERT_TRUE(interrupted.cancelled);
    // a/000.txt is kept when the first thread finished it before the stop;
    // on a loaded machine the second thread may be done first. Either way
    // b/brief.txt, done but after an undone file, is not kept.
    EXPECT_LE(interrupted.files_seen, 1u) << "only a/000.txt comes before the first undone file";

    const IndexReport rerun = Indexer(stopped.string()).add_paths({corpus.string()});
    EXPECT_EQ(rerun.added + rerun.unchanged, 4u);
    build(clean, {corpus.string()}, 1);
    std::map<std::string, std::string> ids, clean_ids;  // doc id -> source
    for (const Hit& hit : Searcher(stopped.string()).search("minister netcapaciteit").hits)
        ids[hit.doc_id] = hit.source;
    for (const Hit& hit : Searcher(clean.string()).search("minister netcapaciteit").hits)
        clean_ids[hit.doc_id] = hit.source;
    EXPECT_EQ(ids, clean_ids);
    ASSERT_TRUE(ids.count("brief"));
    EXPECT_NE(ids["brief"].find("/a/brief.txt"), std::string::npos);
    for (const fs::path& dir : {corpus, stopped, clean}) fs::remove_all(dir);
}

}  // namespace
}  // namespace kamerzoek
