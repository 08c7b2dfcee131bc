// Building and updating an index from files.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace kamerzoek {

/// A file that could not be indexed, and why.
struct FileFailure {
    std::string path;
    std::string reason;  // includes line and column where known
};

/// A file a run named and passed over, and why. Not a failure.
struct SkippedFile {
    std::string path;
    std::string reason;
};

/// What one indexing run did.
struct IndexReport {
    std::size_t files_seen = 0;
    std::size_t documents_indexed = 0;
    std::size_t passages_indexed = 0;
    std::vector<std::string> repaired;  // "path: what was repaired"
    std::vector<FileFailure> failed;
    /// Named and passed over (not failures): metadata files with no
    /// publication beside them, search-API answers, files of a format no
    /// reader handles, symbolic links not followed, special files.
    std::vector<SkippedFile> skipped;
    /// Files and folders left out by IndexOptions::exclude or .kamerzoekignore.
    std::size_t excluded = 0;

    // Per file: new, changed since the last run, gone, or left alone.
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t removed = 0;
    std::size_t unchanged = 0;
    /// The run stopped early on request; what it did is committed.
    bool cancelled = false;
    bool full_rebuild = false;
    double duration_s = 0;
    std::uint64_t index_bytes = 0;  // on disk, after the run
};

/// Where a run is, reported after each file.
struct IndexProgress {
    std::size_t files_done = 0;
    std::size_t files_total = 0;
    std::uint64_t bytes_read = 0;  // of files that had to be read
    std::string path;              // the file just handled
};

struct IndexOptions {
    /// Builds a fresh index beside the live one and swaps it in at the end;
    /// searchers see the old index until then. Needed after an analysis
    /// change.
    bool full_rebuild = false;
    /// Files handled between commits (each commit is a consistent state a
    /// later run resumes from). A first run on several threads merges its
    /// shards after this many files, then after twice as many each time.
    std::size_t files_per_commit = 200;
    /// Threads that read, analyse and write when many new files are indexed
    /// at once (a first run, a full rebuild): each fills a shard of its own
    /// and the shards are merged. 0: one per core (at most 8). Runs on an
    /// index that already has documents update it in place on one thread.
    unsigned threads = 0;
    /// Gitignore patterns of files and folders to leave out, relative to
    /// each indexed folder ("*.tmp", "concept/", "/drafts/**"); besides
    /// them, each folder's .kamerzoekignore applies to what lies below it.
    /// What was indexed before and is excluded now is removed.
    std::vector<std::string> exclude;
    /// Follow symbolic links whose target lies inside an indexed folder
    /// (each folder once). Links are not followed otherwise, and never out
    /// of the indexed folders.
    bool follow_symlinks = false;
    /// Polled between files: true stops the run after committing.
    std::function<bool()> stop_requested;
    std::function<void(const IndexProgress&)> on_progress;
};

/// A writer on an index. Only one may be open on an index at a time.
///
/// Runs are incremental: new files are indexed, changed files (by content
/// hash, looked at only when size or mtime changed) reindexed, documents of
/// files gone from the given paths removed, the rest skipped. Per-file state
/// lives in the index and commits with the passages.
class Indexer {
  public:
    /// Opens or creates the index at `index_dir`. Throws IndexError when it
    /// is locked by another writer (naming its process) or, unless
    /// `options.full_rebuild`, was built with another analysis.
    explicit Indexer(const std::string& index_dir, const IndexOptions& options = {});
    ~Indexer();
    Indexer(Indexer&&) noexcept;
    Indexer& operator=(Indexer&&) noexcept;

    /// Brings the index in step with files and directories (recursively). A
    /// file that cannot be read is reported and skipped; what is already
    /// indexed for it stays. `on_failure`, when given, is told of each
    /// failed file as it happens.
    IndexReport add_paths(const std::vector<std::string>& paths,
                          const std::function<void(const FileFailure&)>& on_failure = {});

    /// Removes a document and all its passages; false when it was not there.
    bool remove_document(const std::string& doc_id);

    /// Makes all changes durable and visible to searchers.
    void commit();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// What an index holds, for `kamerzoek stats`.
struct IndexStats {
    std::string path;  // the directory holding the live index
    std::size_t documents = 0;
    std::size_t passages = 0;
    std::size_t files = 0;  // source files with recorded state
    std::map<std::string, std::size_t> passages_by_language;
    std::map<std::string, std::size_t> passages_by_kind;
    std::uint64_t index_bytes = 0;
    std::string analysis;
    std::string last_run_json;  // summary of the last run, "" when none
};

/// Reads the statistics of the index at `index_dir`. Throws IndexError when
/// there is none.
IndexStats read_index_stats(const std::string& index_dir);

}  // namespace kamerzoek
