// Indexing many new files on every core. Each thread indexes a contiguous
// run of the files into a shard database of its own (Xapian has one writer
// per database, and writing is most of the cost of indexing); the shards
// are then merged in order by Xapian's compaction, together with what the
// index held before, into a new compact database.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "corpus/publication.h"
#include "kamerzoek/indexer.h"

namespace kamerzoek {

class FileIndexer;
struct FileReading;
struct FileSyncResult;

class ShardBuild {
  public:
    /// Told of each file as it is done, with what became of it; calls are
    /// serialised.
    using FileDone = std::function<void(const std::string& path, const FileSyncResult& result)>;

    /// What a run kept: the first `files_kept` files, and their report.
    struct Outcome {
        std::size_t files_kept = 0;
        IndexReport report;
    };

    /// Shards go to `work_dir`/shard-K (removed when this is destroyed).
    /// `owners_before` are the doc ids the index already holds, by owner.
    ShardBuild(std::string work_dir, unsigned threads, const FileReading& reading,
               const std::map<std::string, std::string>& owners_before);
    ~ShardBuild();
    ShardBuild(const ShardBuild&) = delete;
    ShardBuild& operator=(const ShardBuild&) = delete;

    /// Indexes the publications `files` (none of them in the index yet)
    /// until done or until `stop_requested` says so. The shards hold the
    /// first Outcome::files_kept files: all, unless stopped. Rethrows the
    /// first error a thread met that ended it (a database error).
    Outcome run(const std::vector<corpus::Publication>& files,
                const std::function<bool()>& stop_requested, const FileDone& file_done);

    /// Compacts `base` (a database path, or "" for none) and the shards into
    /// a new database at `output`.
    void merge_into(const std::string& base, const std::string& output);

    /// Where the shard folders go under an index directory (for clean-up of
    /// a killed run).
    static std::string work_dir_of(const std::string& index_dir);

  private:
    struct Shard;
    void work(Shard& shard, const std::vector<corpus::Publication>& files,
              const std::function<bool()>& stop_requested, const FileDone& file_done);
    std::size_t keep_first_files(const std::vector<corpus::Publication>& files,
                                 const std::vector<std::pair<std::size_t, std::size_t>>& ranges);
    void resolve_id_conflicts(const std::vector<corpus::Publication>& files);

    std::string work_dir_;
    std::vector<std::unique_ptr<Shard>> shards_;
    std::map<std::string, std::string> owners_before_;
};

}  // namespace kamerzoek
