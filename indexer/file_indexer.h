// One writer's work on one Xapian database: bringing a file's passages in
// step with its bytes, removing what vanished, and keeping the per-file
// state and the doc-id owners that make ids unique. The public Indexer runs
// one of these on the live index, or several in parallel on shards
// (indexer/shard_build.h).
#pragma once

#include <xapian.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "corpus/publication.h"
#include "indexer/file_state.h"
#include "kamerzoek/indexer.h"

namespace kamerzoek {

/// What bringing one file in step did, for the run to add up (add_to_report).
struct FileSyncResult {
    enum class Outcome { kAdded, kUpdated, kUnchanged, kSkipped, kFailed };
    Outcome outcome = Outcome::kUnchanged;
    std::size_t documents = 0;  // written (added or updated)
    std::size_t passages = 0;
    std::uint64_t bytes_read = 0;       // of the file, when it had to be read
    std::vector<std::string> repaired;  // "path: what was repaired"
    std::string reason;                 // why it was skipped or failed
};

/// Counts one file's result into a run's report.
void add_to_report(IndexReport& report, const std::string& path, FileSyncResult result);

/// Adds the counts and lists of `part` (the report of a shard) to `total`.
void add_to_report(IndexReport& total, IndexReport part);

/// A file's size and modification time, as the file state records them.
struct FileStat {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
};

/// What IndexOptions says about reading files.
struct FileReading {
    /// A file that failed in an earlier run is read again only once it
    /// changed, unless this is set.
    bool retry_failed = false;
    /// Larger files are reported as failed, unread: a text file's passages,
    /// tokens and postings take several times its size in memory.
    std::uint64_t max_file_bytes = IndexOptions{}.max_file_bytes;
};

class FileIndexer {
  public:
    /// Works on `db`; loads the per-file state it holds.
    explicit FileIndexer(Xapian::WritableDatabase db, FileReading reading = {});

    /// Brings one publication's documents in step: its file is read (with
    /// its metadata files) when it, an alternate or a metadata file changed.
    /// Throws corpus::ReadError (or a Xapian error) when it cannot, leaving
    /// its previous documents and state untouched; a file that is no
    /// publication comes back kSkipped.
    FileSyncResult sync_file(const corpus::Publication& publication);

    /// sync_file(), with a failure of the file turned into a kFailed result
    /// with its reason: a file that cannot be indexed must not stop the
    /// run. The failure is recorded, so that the next run reports it again
    /// without reading the file while it stays as it is (a file that takes
    /// the whole read time-out would cost it every night). A failure of the database itself
    /// (Xapian::DatabaseError: disk full, read-only, damaged) and an IndexError are thrown on:
    /// every later file would fail the same way.
    FileSyncResult try_sync_file(const corpus::Publication& publication);

    /// Removes the documents of files that were under one of `roots` and
    /// are not in `present`; returns how many files that was.
    std::size_t remove_vanished(const std::vector<std::string>& roots,
                                const std::set<std::string>& present);

    /// Removes the documents `path` added in this database and forgets it,
    /// so it can be indexed again (after `claim_ids` learnt of others).
    void forget_file(const std::string& path);

    /// Doc ids other writers hold, which files here must not take.
    void claim_ids(const std::map<std::string, std::string>& owners_elsewhere);

    const std::map<std::string, FileState>& states() const { return states_; }
    const std::map<std::string, std::string>& owners() const { return owners_; }
    Xapian::WritableDatabase& database() { return db_; }

  private:
    void make_id_unique(corpus::Document& document, const std::string& path);
    std::string annex_parent_id(const corpus::Publication& publication) const;
    void remove_documents_of(const FileState& state);
    /// Doc id -> the docids of its passages in reading order, for the
    /// documents `state`'s file holds in the index.
    using PassageSlots = std::map<std::string, std::vector<Xapian::docid>>;
    PassageSlots passage_slots_of(const FileState& state);
    bool unchanged(Xapian::docid docid, const Xapian::Document& xdoc);
    std::optional<FileSyncResult> known_failure(const std::string& path, const FileStat& stat,
                                                std::uint64_t companions) const;
    void record_failure(const corpus::Publication& publication, const std::string& reason);
    void clear_failure(const std::string& path);
    void write_documents(std::vector<corpus::Document>& documents, FileState& state,
                         PassageSlots& slots, FileSyncResult& result);

    Xapian::WritableDatabase db_;
    Analyzer analyzer_;
    std::map<std::string, FileState> states_;
    std::map<std::string, FailedFile> failures_;
    FileReading reading_;
    std::map<std::string, std::string> owners_;  // doc id -> path of the file it came from
};

/// A file larger than the run allows: not recorded as a failure of the
/// file, since a later run with a higher limit reads it.
class FileTooLarge : public corpus::ReadError {
  public:
    using corpus::ReadError::ReadError;
};

/// Reads a file's bytes, of about `size` (its size when it was looked at);
/// throws corpus::ReadError when it cannot, FileTooLarge when the file is
/// larger than `max_bytes`.
std::string read_file_bytes(const std::string& path, std::uint64_t size, std::uint64_t max_bytes);

}  // namespace kamerzoek
