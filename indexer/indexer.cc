// The public Indexer: walks paths, compares each file with what the index
// remembers of it, and adds, replaces or removes its documents' passages.
#include "kamerzoek/indexer.h"

#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "corpus/file_format.h"
#include "corpus/publication.h"
#include "corpus/reader.h"
#include "corpus/reader_limits.h"
#include "indexer/committed_state.h"
#include "indexer/file_indexer.h"
#include "indexer/file_state.h"
#include "indexer/file_walk.h"
#include "indexer/index_compatibility.h"
#include "indexer/index_layout.h"
#include "indexer/index_lock.h"
#include "indexer/index_schema.h"
#include "indexer/passage_document.h"
#include "indexer/shard_build.h"
#include "kamerzoek/error.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

Xapian::WritableDatabase open_for_writing(const std::string& db_path, const std::string& dir) {
    try {
        return Xapian::WritableDatabase(db_path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexLocked("index " + dir + " is locked: another program is writing to it");
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open index " + dir + " for writing: " + e.get_description());
    }
}

// Runs `work`, turning what the libraries below throw into IndexError: the
// public API throws kamerzoek::Error only, and Xapian::Error is not even a
// std::exception.
template <typename Work>
auto translating_errors(const std::string& dir, Work&& work) -> decltype(work()) {
    try {
        return work();
    } catch (const Error&) {
        throw;
    } catch (const Xapian::DatabaseLockError& e) {
        throw IndexLocked("index " + dir + " is locked: " + e.get_description());
    } catch (const Xapian::Error& e) {
        throw IndexError("index " + dir + ": " + e.get_description());
    } catch (const std::filesystem::filesystem_error& e) {
        throw IndexError("index " + dir + ": " + e.what());
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        throw IndexError("index " + dir + ": " + e.what());
    }
}

// Refuses to add terms of one analysis or format to an index of another.
void refuse_incompatible(Xapian::WritableDatabase& db, const std::string& dir) {
    if (db.get_metadata(std::string(schema::kMetaAnalysis)).empty()) {
        if (db.get_doccount() > 0) {
            throw IndexError("index " + dir + " was not built by kamerzoek (no analysis recorded)");
        }
        record_compatibility(db);
        return;
    }
    check_compatibility(
        db, "index " + dir,
        "a full rebuild is needed (kamerzoek index --full --db " + dir + " PATH...)");
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string utc_now() {
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// A set of shards (a stub listing several databases, or a stub file given
// as --db) is searched as one but written shard by shard: refuse it before
// taking a lock that would create files beside or inside it.
const std::string& refuse_shard_sets(const std::string& dir) {
    layout::resolve_index_path(dir);  // throws IndexError naming the shards
    return dir;
}

// Files whose name says no reader handles them are named, not read.
void leave_out_unsupported(std::vector<corpus::Publication>& publications, IndexReport& report) {
    std::erase_if(publications, [&report](const corpus::Publication& publication) {
        const std::string format = corpus::unsupported_format_by_name(publication.path);
        if (format.empty()) return false;
        report.skipped.push_back({publication.path, "unsupported format: " + format});
        return true;
    });
}

// What the index holds under folders that could not be listed this time:
// not gone, only out of sight.
std::set<std::string> files_under(const std::map<std::string, FileState>& states,
                                  const std::vector<std::string>& dirs) {
    std::set<std::string> files;
    for (const auto& [path, state] : states) {
        for (const std::string& dir : dirs) {
            if (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
                path[dir.size()] == '/')
                files.insert(path);
        }
    }
    return files;
}

unsigned thread_count(unsigned requested) {
    if (requested > 0) return requested;
    return std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
}

}  // namespace

using FailureCallback = std::function<void(const FileFailure&)>;

struct Indexer::Impl {
    std::string dir;
    IndexOptions options;
    WriterLock lock;
    std::string db_path;       // the generation being written
    bool unpublished = false;  // a full rebuild not yet swapped in
    Xapian::WritableDatabase db;
    std::unique_ptr<FileIndexer> files;
    CommittedState committed;

    FileReading file_reading() const { return {options.retry_failed, options.max_file_bytes}; }

    Impl(const std::string& index_dir, const IndexOptions& index_options)
        : dir(refuse_shard_sets(index_dir)), options(index_options), lock(WriterLock(index_dir)) {
        std::error_code ignored;
        fs::remove_all(ShardBuild::work_dir_of(dir), ignored);  // left by a killed run
        if (options.full_rebuild) {
            db_path = layout::prepare_next_generation(dir);
            unpublished = true;
            db = open_for_writing(db_path, dir);
            record_compatibility(db);
        } else {
            layout::remove_orphan_generations(dir);
            db_path = layout::resolve_index_path(dir);
            if (db_path.empty()) {
                create_first_generation();
            } else {
                db = open_for_writing(db_path, dir);
                refuse_incompatible(db, dir);
            }
        }
        files = std::make_unique<FileIndexer>(db, file_reading());
        committed.remember(db_path, db.get_revision());
    }

    ~Impl() {
        if (!unpublished) return;
        // An abandoned rebuild never becomes visible; drop it.
        files.reset();
        db.close();
        std::error_code error;
        fs::remove_all(db_path, error);
    }

    void create_first_generation() {
        db_path = layout::prepare_next_generation(dir);
        db = open_for_writing(db_path, dir);
        record_compatibility(db);
        db.commit();
        layout::publish_generation(dir, db_path);
    }

    // Many new files at once (a first run, a full rebuild) are indexed on
    // every core in shards; otherwise one writer updates the index in place.
    bool builds_in_shards(std::size_t file_count) const {
        return thread_count(options.threads) > 1 && file_count > 1 && files->states().empty() &&
               db.get_doccount() == 0;
    }

    void commit() {
        try {
            db.commit();
        } catch (const Xapian::Error& e) {
            throw failed_write("cannot commit index " + dir + ": " + e.get_description());
        }
        committed.remember(db_path, db.get_revision());
    }

    // A write that failed (a full disk) ends the run at the last good
    // commit, giving back the space the failed commit took.
    IndexError failed_write(const std::string& message) {
        try {
            db.close();  // Xapian dropped the failed changes: nothing is committed here
        } catch (const Xapian::Error&) {
        }
        committed.restore();
        return IndexError(message);
    }

    // Merges one batch of shards with what the index holds into the next
    // generation. A first run publishes each batch, so an interrupted run
    // keeps what it did; a full rebuild publishes at the end.
    void merge_batch(ShardBuild& build) {
        const bool has_content = !files->states().empty() || db.get_doccount() > 0;
        commit();
        files.reset();
        db.close();
        // A full rebuild is a single batch into its own, still empty, generation.
        const std::string base = has_content ? db_path : std::string();
        const std::string output = unpublished ? db_path : layout::prepare_next_generation(dir);
        build.merge_into(base, output);
        db = open_for_writing(output, dir);
        record_compatibility(db);
        commit();
        if (!unpublished) layout::publish_generation(dir, output);
        db_path = output;
        files = std::make_unique<FileIndexer>(db, file_reading());
    }

    // Counts a file's result into the run and tells the caller of it.
    void file_done(const std::string& path, FileSyncResult result, IndexReport& report,
                   IndexProgress& progress, const FailureCallback& on_failure) {
        progress.bytes_read += result.bytes_read;
        ++progress.files_done;
        progress.path = path;
        if (result.outcome == FileSyncResult::Outcome::kFailed && on_failure)
            on_failure({printable_path(path), result.reason});
        if (options.on_progress) options.on_progress(progress);
        add_to_report(report, printable_path(path), std::move(result));
    }

    void index_in_shards(const std::vector<corpus::Publication>& paths, IndexReport& report,
                         IndexProgress& progress, const FailureCallback& on_failure) {
        std::size_t done = 0;
        while (done < paths.size() && !report.cancelled) {
            // A full rebuild is one batch; a first run doubles its batches,
            // so the merges cost O(log n) passes over the index.
            const std::size_t batch =
                unpublished ? paths.size()
                            : std::max(std::max<std::size_t>(options.files_per_commit, 1), done);
            const std::vector<corpus::Publication> slice(
                paths.begin() + done, paths.begin() + std::min(paths.size(), done + batch));
            ShardBuild build(ShardBuild::work_dir_of(dir), thread_count(options.threads),
                             file_reading(), files->owners());
            // The shards count their files; here only progress and failures.
            IndexReport told;
            ShardBuild::Outcome outcome =
                build.run(slice, options.stop_requested,
                          [&](const std::string& path, const FileSyncResult& result) {
                              file_done(path, result, told, progress, on_failure);
                          });
            for (FileFailure& failure : outcome.report.failed)
                failure.path = printable_path(failure.path);
            add_to_report(report, std::move(outcome.report));
            // A stop during the slice's last file ends that file's read, not
            // the slice, so it shows only in the stop flag.
            if (outcome.files_kept < slice.size() || stop_requested()) report.cancelled = true;
            if (report.cancelled && unpublished) return;  // the destructor drops it
            merge_batch(build);
            done += outcome.files_kept;
        }
    }

    void index_in_place(const std::vector<corpus::Publication>& publications, IndexReport& report,
                        IndexProgress& progress, const FailureCallback& on_failure) {
        std::size_t since_commit = 0;
        for (const corpus::Publication& publication : publications) {
            if (stop_requested()) {
                report.cancelled = true;
                break;
            }
            file_done(publication.path, files->try_sync_file(publication), report, progress,
                      on_failure);
            if (++since_commit >= std::max<std::size_t>(options.files_per_commit, 1)) {
                commit();
                since_commit = 0;
            }
        }
        if (stop_requested()) report.cancelled = true;  // a stop that ended the last file's read
    }

    bool stop_requested() const { return options.stop_requested && options.stop_requested(); }

    void finish(IndexReport& report, std::chrono::steady_clock::time_point start) {
        if (unpublished && report.cancelled) return;  // the destructor drops it
        commit();
        if (unpublished) {
            layout::publish_generation(dir, db_path);
            unpublished = false;
        }
        report.index_bytes = layout::database_bytes(db_path);
        report.duration_s = seconds_since(start);
        report.finished_at = utc_now();
        db.set_metadata(std::string(schema::kMetaLastRun), to_json(report, -1));
        commit();
    }
};

// Xapian's errors (a full disk among them) end a run as IndexError naming
// the index, never as an exception the caller does not know.
Indexer::Indexer(const std::string& index_dir, const IndexOptions& options)
    : impl_(translating_errors(index_dir,
                               [&] { return std::make_unique<Impl>(index_dir, options); })) {}
Indexer::~Indexer() = default;
Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

IndexReport Indexer::add_paths(const std::vector<std::string>& paths,
                               const FailureCallback& on_failure) try {
    const auto start = std::chrono::steady_clock::now();
    // A stop request also ends a PDF being parsed (corpus/reader_limits.h).
    corpus::ReaderLimits limits;
    limits.stop_requested = impl_->options.stop_requested;
    corpus::set_reader_limits(std::move(limits));
    IndexReport report;
    report.full_rebuild = impl_->unpublished;
    WalkResult walk =
        walk_paths(paths, {impl_->options.exclude, impl_->options.follow_symlinks, impl_->dir});
    report.excluded = walk.excluded;
    for (SkippedFile& skipped : walk.skipped) report.skipped.push_back(std::move(skipped));
    // One document per publication: other renditions and metadata files
    // are read with the file chosen to stand for it.
    corpus::PublicationSet set = corpus::group_publications(std::move(walk.files));
    for (corpus::SkippedFile& skipped : set.skipped)
        report.skipped.push_back({std::move(skipped.path), std::move(skipped.reason)});
    leave_out_unsupported(set.publications, report);
    std::set<std::string> present = files_under(impl_->files->states(), walk.unlisted_dirs);
    for (const corpus::Publication& publication : set.publications)
        present.insert(publication.path);
    report.removed = impl_->files->remove_vanished(walk.roots, present);

    IndexProgress progress;
    progress.files_total = set.publications.size();
    if (impl_->builds_in_shards(set.publications.size())) {
        impl_->index_in_shards(set.publications, report, progress, on_failure);
    } else {
        impl_->index_in_place(set.publications, report, progress, on_failure);
    }
    for (FileFailure& failure : walk.failures) {
        failure.path = printable_path(failure.path);
        if (on_failure) on_failure(failure);
        report.failed.push_back(std::move(failure));
    }
    for (SkippedFile& skipped : report.skipped) skipped.path = printable_path(skipped.path);
    impl_->finish(report, start);
    return report;
} catch (const Xapian::Error& e) {
    throw impl_->failed_write("cannot write index " + impl_->dir + ": " + e.get_description());
} catch (const std::filesystem::filesystem_error& e) {
    throw IndexError("index " + impl_->dir + ": " + e.what());
}

bool Indexer::remove_document(const std::string& doc_id) {
    return translating_errors(impl_->dir, [&] {
        const std::string term = schema::term(schema::kDocId, doc_id);
        if (impl_->db.get_termfreq(term) == 0) return false;
        impl_->db.delete_document(term);
        return true;
    });
}

void Indexer::commit() {
    translating_errors(impl_->dir, [&] { impl_->commit(); });
}

}  // namespace kamerzoek
