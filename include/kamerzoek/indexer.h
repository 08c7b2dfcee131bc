// Building and updating an index from files.
//
// Exceptions: every call may throw kamerzoek::Error (error.h), nothing
// else; which subclasses is said at each call. A file that cannot be read
// is never an exception: it is a FileFailure in the report and the run
// goes on. An error of the index itself (disk full, a read-only or damaged
// database) ends the run with an IndexError; what was committed before stays.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kamerzoek/export.h"

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

/// What one indexing run did. Its JSON form (to_json below, `kamerzoek index
/// --json`, the last run in `kamerzoek stats`) is described in docs/JSON.md.
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
    /// When the run ended, UTC, "2024-05-01T12:00:00Z"; "" while it runs.
    std::string finished_at;
};

/// Where a run is, reported after each file.
struct IndexProgress {
    std::size_t files_done = 0;
    std::size_t files_total = 0;
    std::uint64_t bytes_read = 0;  // of files that had to be read
    std::string path;              // the file just handled
};

/// How a run goes. Fields may be added in a minor version (docs/API.md):
/// set them by name, never by position.
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
    /// Read again the files that failed in an earlier run and have not
    /// changed since (by default they are reported as failed, unread).
    bool retry_failed = false;
    /// Larger files are reported as failed, unread. Reading a text file
    /// takes several times its size in memory; at this default a run stays
    /// under 1 GB whatever one file holds (docs/DEPLOYMENT.md).
    std::uint64_t max_file_bytes = std::uint64_t{128} << 20;
    /// Polled between files, and while a PDF is parsed: true stops the
    /// run after committing. It may be called from several worker threads
    /// at once: it must be thread-safe and quick (e.g. read an atomic).
    std::function<bool()> stop_requested;
    /// Told after each file. It may be called from a worker thread, but one
    /// call at a time (calls are serialised): it must not touch state other
    /// threads use without a lock. It must not throw.
    std::function<void(const IndexProgress&)> on_progress;
};

/// A writer on an index. Only one may be open on an index at a time, in
/// any process: it holds the index's writer lock from construction to
/// destruction.
///
/// Runs are incremental: new files are indexed, changed files (by content
/// hash, looked at only when size or mtime changed) reindexed, documents of
/// files gone from the given paths removed, the rest skipped. Per-file state
/// lives in the index and commits with the passages.
///
/// Thread safety: an Indexer is used from one thread at a time. It runs
/// worker threads of its own during add_paths, from which it calls the
/// callbacks of IndexOptions (see there). Searchers in other threads or
/// processes may read the index meanwhile and see each commit.
///
/// A moved-from Indexer may only be destroyed or assigned to; any other
/// call on it is undefined.
class KAMERZOEK_EXPORT Indexer {
  public:
    /// Opens or creates the index at `index_dir`. Throws IndexLocked when
    /// another writer holds it (naming its process), AnalysisMismatch or
    /// FormatMismatch when, unless `options.full_rebuild`, it was built by
    /// another analysis or in another index format, IndexError when it
    /// cannot be created or opened for writing (e.g. a read-only directory)
    /// or names a set of shards.
    explicit Indexer(const std::string& index_dir, const IndexOptions& options = {});
    /// Releases the lock. A full rebuild not published by add_paths (it was
    /// stopped) is dropped: the live index stays as it was. Uncommitted
    /// changes (remove_document without commit) are lost.
    ~Indexer();
    Indexer(Indexer&&) noexcept;
    Indexer& operator=(Indexer&&) noexcept;

    /// Brings the index in step with files and directories (recursively),
    /// committing every IndexOptions::files_per_commit files and at the end
    /// (a full rebuild is published only at the end). A file that cannot be
    /// read is reported and skipped; what is already indexed for it stays.
    /// `on_failure`, when given, is told of each failed file as it happens,
    /// like on_progress possibly on a worker thread, one call at a time.
    /// Throws IndexError when the index itself fails (disk full, read-only,
    /// damaged): the run stops, what was committed stays.
    IndexReport add_paths(const std::vector<std::string>& paths,
                          const std::function<void(const FileFailure&)>& on_failure = {});

    /// Removes a document and all its passages; false when it was not there.
    /// Does not commit (call commit()). Leaves the per-file state alone: the
    /// file it came from counts as indexed, so a later add_paths brings it
    /// back only once that file changes (or on a full rebuild). Throws
    /// IndexError when the index cannot be written.
    bool remove_document(const std::string& doc_id);

    /// Makes all changes durable and visible to searchers. Throws IndexError
    /// when the index cannot be written (e.g. the disk is full).
    void commit();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// What an index holds, for `kamerzoek stats`.
struct IndexStats {
    /// The directory holding the live index; for a set of shards, what
    /// `--db` named; for a shard, its database (its stub line when remote).
    std::string path;
    std::size_t documents = 0;
    std::size_t passages = 0;
    std::size_t files = 0;  // source files with recorded state
    /// Passages per language: keys "nl", "en", "und".
    std::map<std::string, std::size_t> passages_by_language;
    /// Passages per kind of document: keys as Hit::kind ("kamerbrief",
    /// "bijlage", "handelingen", ..., docs/FORMATS.md).
    std::map<std::string, std::size_t> passages_by_kind;
    /// On disk; for a set of shards the local ones only, 0 for a remote shard.
    std::uint64_t index_bytes = 0;
    std::string analysis;  // the analysis signature the index was built with
    /// The last run's report; none for a set of shards (each shard has its own).
    std::optional<IndexReport> last_run;
    /// Set of shards: each shard's own statistics, in stub order (empty for
    /// a single index). The fields above are then of all shards as one.
    std::vector<IndexStats> shards;
    std::string shard;    // for a shard: its stub line and where that is
    bool remote = false;  // a shard served by xapian-tcpsrv
};

/// Reads the statistics of the index (or set of shards) at `index_dir`,
/// without taking the writer lock. Throws IndexMissing when there is none,
/// ShardUnreachable when a remote shard does not answer, IndexError when it
/// cannot be read.
KAMERZOEK_EXPORT IndexStats read_index_stats(const std::string& index_dir);

/// The JSON forms `kamerzoek index --json` and `kamerzoek stats --json`
/// print (docs/JSON.md).
KAMERZOEK_EXPORT std::string to_json(const IndexReport& report, int indent = 2);
KAMERZOEK_EXPORT std::string to_json(const IndexStats& stats, int indent = 2);

}  // namespace kamerzoek
