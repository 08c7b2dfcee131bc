#include "indexer/shard_build.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>

#include "indexer/file_indexer.h"

namespace kamerzoek {

namespace fs = std::filesystem;

struct ShardBuild::Shard {
    std::string path;
    std::unique_ptr<FileIndexer> indexer;
    IndexReport report;
    std::size_t done = 0;  // files of its run handled, from the start
    std::exception_ptr error;
};

namespace {

// Shards are scratch space until merged: syncing them to disk buys nothing.
Xapian::WritableDatabase create_shard(const std::string& path) {
    fs::remove_all(path);
    return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
}

// Contiguous runs of `files` of about equal bytes, one per shard: merged in
// shard order, the passages then keep the order of the files, so equal
// scores rank alike whichever way an index was built.
std::vector<std::pair<std::size_t, std::size_t>> split_by_bytes(
    const std::vector<corpus::Publication>& files, std::size_t parts) {
    std::vector<std::uint64_t> sizes(files.size());
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::error_code error;
        sizes[i] = fs::file_size(files[i].path, error);
        if (error) sizes[i] = 0;
        total += sizes[i] + 1;
    }
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    std::size_t begin = 0;
    std::uint64_t seen = 0;
    for (std::size_t part = 1; part <= parts; ++part) {
        const std::uint64_t goal = total * part / parts;
        std::size_t end = begin;
        // At least one file each, so that a large first file does not leave
        // a thread idle.
        while (end < files.size() &&
               (part == parts || end == begin || seen + sizes[end] + 1 <= goal)) {
            seen += sizes[end] + 1;
            ++end;
        }
        ranges.emplace_back(begin, end);
        begin = end;
    }
    return ranges;
}

}  // namespace

std::string ShardBuild::work_dir_of(const std::string& index_dir) {
    return (fs::path(index_dir) / "shards").string();
}

ShardBuild::ShardBuild(std::string work_dir, unsigned threads, const FileReading& reading,
                       const std::map<std::string, std::string>& owners_before)
    : work_dir_(std::move(work_dir)), owners_before_(owners_before) {
    fs::remove_all(work_dir_);
    fs::create_directories(work_dir_);
    for (unsigned k = 0; k < std::max(threads, 1u); ++k) {
        auto shard = std::make_unique<Shard>();
        shard->path = (fs::path(work_dir_) / ("shard-" + std::to_string(k))).string();
        shard->indexer = std::make_unique<FileIndexer>(create_shard(shard->path), reading);
        shard->indexer->claim_ids(owners_before_);
        shards_.push_back(std::move(shard));
    }
}

ShardBuild::~ShardBuild() {
    for (auto& shard : shards_) {
        try {
            if (shard->indexer) shard->indexer->database().close();
        } catch (const Xapian::Error&) {
        }
        shard->indexer.reset();
    }
    std::error_code ignored;
    fs::remove_all(work_dir_, ignored);
}

ShardBuild::Outcome ShardBuild::run(const std::vector<corpus::Publication>& files,
                                    const std::function<bool()>& stop_requested,
                                    const FileDone& file_done) {
    std::atomic<bool> stopping{false};
    std::mutex mutex;  // serialises the callbacks
    auto work = [&](Shard& shard, std::size_t begin, std::size_t end) {
        try {
            for (std::size_t i = begin; i < end && !stopping; ++i, ++shard.done) {
                {
                    const std::lock_guard<std::mutex> lock(mutex);
                    if (stop_requested && stop_requested()) {
                        stopping = true;
                        break;
                    }
                }
                FileSyncResult result = shard.indexer->try_sync_file(files[i]);
                {
                    const std::lock_guard<std::mutex> lock(mutex);
                    if (file_done) file_done(files[i].path, result);
                }
                add_to_report(shard.report, files[i].path, std::move(result));
            }
        } catch (...) {
            shard.error = std::current_exception();
            stopping = true;
        }
    };
    const auto ranges = split_by_bytes(files, shards_.size());
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < shards_.size(); ++k)
        threads.emplace_back(work, std::ref(*shards_[k]), ranges[k].first, ranges[k].second);
    for (std::thread& thread : threads) thread.join();
    for (auto& shard : shards_) {
        if (shard->error) std::rethrow_exception(shard->error);
    }
    Outcome outcome;
    outcome.files_kept = keep_first_files(files, ranges);
    resolve_id_conflicts(files);
    for (auto& shard : shards_) add_to_report(outcome.report, std::move(shard->report));
    return outcome;
}

// A stopped build keeps only the files before the first one left undone, as
// a run on one thread would have: a later file must not take an id that an
// earlier one, indexed by the next run, would have had.
std::size_t ShardBuild::keep_first_files(
    const std::vector<corpus::Publication>& files,
    const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
    std::size_t kept = 0;
    bool gap = false;
    for (std::size_t k = 0; k < shards_.size(); ++k) {
        Shard& shard = *shards_[k];
        const std::size_t begin = ranges[k].first;
        if (gap) {
            for (std::size_t i = begin; i < begin + shard.done; ++i)
                shard.indexer->forget_file(files[i].path);
            shard.report = IndexReport{};
            continue;
        }
        kept += shard.done;
        gap = begin + shard.done < ranges[k].second;
    }
    return kept;
}

// Two shards may each have given the same doc id to a file of theirs. The
// file first in order keeps it, as in a run on one thread; the others are
// indexed again in their shard knowing that, and so take a suffix.
void ShardBuild::resolve_id_conflicts(const std::vector<corpus::Publication>& files) {
    std::map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < files.size(); ++i) order.emplace(files[i].path, i);
    std::map<std::string, std::vector<std::pair<std::size_t, Shard*>>> claims;
    for (auto& shard : shards_) {
        for (const auto& [path, state] : shard->indexer->states()) {
            for (const std::string& id : state.doc_ids)
                claims[id].emplace_back(order.at(path), shard.get());
        }
    }
    std::map<std::string, std::string> keepers;
    std::map<std::size_t, Shard*> redo;  // by file order
    for (auto& [id, claimants] : claims) {
        std::sort(claimants.begin(), claimants.end());
        keepers.emplace(id, files[claimants.front().first].path);
        for (std::size_t c = 1; c < claimants.size(); ++c) redo.emplace(claimants[c]);
    }
    for (const auto& [index, shard] : redo) {
        shard->indexer->forget_file(files[index].path);
        shard->indexer->claim_ids(keepers);
        shard->indexer->try_sync_file(files[index]);  // counted already
    }
}

void ShardBuild::merge_into(const std::string& base, const std::string& output) {
    Xapian::Database sources;
    if (!base.empty()) sources.add_database(Xapian::Database(base));
    for (auto& shard : shards_) {
        shard->indexer->database().commit();
        shard->indexer->database().close();
        shard->indexer.reset();
        sources.add_database(Xapian::Database(shard->path));
    }
    fs::remove_all(output);
    sources.compact(output, Xapian::Compactor::FULL | Xapian::DBCOMPACT_MULTIPASS);
}

}  // namespace kamerzoek
