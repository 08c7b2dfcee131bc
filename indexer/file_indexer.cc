#include "indexer/file_indexer.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "corpus/reader.h"
#include "indexer/file_walk.h"
#include "indexer/index_schema.h"
#include "indexer/passage_document.h"
#include "kamerzoek/error.h"

namespace kamerzoek {
namespace {

bool is_under(const std::string& path, const std::string& root) {
    return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                            (root == "/" || path[root.size()] == '/'));
}

FileStat stat_file(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        // std::strerror is not thread-safe; files are read on several threads.
        throw corpus::ReadError("cannot stat: " +
                                std::error_code(errno, std::generic_category()).message());
    return {static_cast<std::uint64_t>(info.st_size),
            static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec};
}

std::string describe(const corpus::ReadError& error) {
    if (error.line() == 0) return error.what();
    std::string where = "line " + std::to_string(error.line());
    if (error.column() > 0) where += ", column " + std::to_string(error.column());
    return where + ": " + error.what();
}

// Ids become terms ("Q<id>#<n>", "XDOC<id>") and Xapian refuses terms over
// 245 bytes: an id made from a very long file name keeps its start and
// gets a hash of the whole. The full path stays in the stored data.
constexpr std::size_t kMaxIdBytes = 200;

std::string bounded_id(const std::string& id) {
    if (id.size() <= kMaxIdBytes) return id;
    std::size_t cut = kMaxIdBytes - 17;
    while (cut > 0 && (static_cast<unsigned char>(id[cut]) & 0xC0) == 0x80)
        --cut;  // whole characters
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(content_hash(id)));
    return id.substr(0, cut) + "-" + hash;
}

// Documents name their file in stored JSON, which must be UTF-8: a name
// that is not is written with \xNN escapes (the file itself is still read
// and tracked by its real name).
void make_paths_printable(corpus::SourceFile& file) {
    file.path = printable_path(file.path);
    for (std::string& alternate : file.alternates) alternate = printable_path(alternate);
    for (corpus::CompanionFile& metadata : file.metadata)
        metadata.path = printable_path(metadata.path);
}

}  // namespace

std::string read_file_bytes(const std::string& path, std::uint64_t size, std::uint64_t max_bytes) {
    const auto too_large = [max_bytes](std::uint64_t bytes) {
        return FileTooLarge("file too large (" + std::to_string(bytes >> 20) +
                            " MB; the limit is " + std::to_string(max_bytes >> 20) +
                            " MB: index --max-file-size)");
    };
    if (size > max_bytes) throw too_large(size);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw corpus::ReadError("cannot open for reading");
    // Read in place: a stream buffer would hold the file two or three times.
    std::string bytes(size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) throw corpus::ReadError("read error");
    if (bytes.size() == size && in.peek() != std::ifstream::traits_type::eof()) {
        // Grown since it was looked at: take the rest too, within the limit.
        char chunk[1 << 16];
        while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
            bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
            if (bytes.size() > max_bytes) throw too_large(bytes.size());
        }
        if (in.bad()) throw corpus::ReadError("read error");
    }
    return bytes;
}

FileIndexer::FileIndexer(Xapian::WritableDatabase db, FileReading reading)
    : db_(std::move(db)),
      states_(load_file_states(db_)),
      failures_(load_failed_files(db_)),
      reading_(reading) {
    for (const auto& [path, state] : states_) {
        for (const std::string& id : state.doc_ids) owners_[id] = path;
    }
}

void FileIndexer::claim_ids(const std::map<std::string, std::string>& owners_elsewhere) {
    for (const auto& [id, path] : owners_elsewhere) owners_.emplace(id, path);
}

// A second file claiming an id another file already holds keeps its own by
// a suffix from its path; ids stay stable for a given file.
void FileIndexer::make_id_unique(corpus::Document& document, const std::string& path) {
    document.id = bounded_id(document.id);
    document.parent_id = bounded_id(document.parent_id);
    auto owner = owners_.find(document.id);
    if (owner != owners_.end() && owner->second != path) {
        const std::size_t hash = std::hash<std::string>{}(document.source_path);
        document.id += "-" + std::to_string(hash % 100000);
    }
    owners_[document.id] = path;
}

void FileIndexer::remove_documents_of(const FileState& state) {
    for (const std::string& id : state.doc_ids) {
        auto owner = owners_.find(id);
        if (owner == owners_.end() || owner->second != state.path) continue;
        db_.delete_document(schema::term(schema::kDocId, id));
        owners_.erase(owner);
    }
}

void FileIndexer::forget_file(const std::string& path) {
    const auto known = states_.find(path);
    if (known == states_.end()) return;
    remove_documents_of(known->second);
    erase_file_state(db_, path);
    states_.erase(known);
}

FileIndexer::PassageSlots FileIndexer::passage_slots_of(const FileState& state) {
    PassageSlots slots;
    for (const std::string& id : state.doc_ids) {
        const auto owner = owners_.find(id);
        if (owner == owners_.end() || owner->second != state.path) continue;
        const std::string term = schema::term(schema::kDocId, id);
        std::vector<Xapian::docid>& docids = slots[id];
        for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it)
            docids.push_back(*it);
    }
    return slots;
}

// Whether the passage at `docid` is already what `xdoc` would write.
bool FileIndexer::unchanged(Xapian::docid docid, const Xapian::Document& xdoc) {
    const std::string fingerprint = xdoc.get_value(schema::kSlotFingerprint);
    return !fingerprint.empty() &&
           db_.get_document(docid).get_value(schema::kSlotFingerprint) == fingerprint;
}

// A changed file's documents take over the docids their passages had, in
// reading order, and a passage whose fingerprint is unchanged is not written
// at all: an edit to a long document costs little more than the passages it
// touched.
void FileIndexer::write_documents(std::vector<corpus::Document>& documents, FileState& state,
                                  PassageSlots& slots, FileSyncResult& result) {
    state.doc_ids.clear();
    state.passages = 0;
    for (corpus::Document& document : documents) {
        make_id_unique(document, state.path);
        std::vector<Xapian::docid> reuse;
        if (auto slot = slots.find(document.id); slot != slots.end()) {
            reuse = std::move(slot->second);
            slots.erase(slot);
        } else {
            // Left over from a file that no longer claims it, if any.
            db_.delete_document(schema::term(schema::kDocId, document.id));
        }
        for_each_passage_document(document, analyzer_,
                                  [&](std::size_t i, const Xapian::Document& xdoc) {
                                      if (i >= reuse.size()) {
                                          db_.add_document(xdoc);
                                      } else if (!unchanged(reuse[i], xdoc)) {
                                          db_.replace_document(reuse[i], xdoc);
                                      }
                                  });
        for (std::size_t i = document.passages.size(); i < reuse.size(); ++i)
            db_.delete_document(reuse[i]);
        state.doc_ids.push_back(document.id);
        state.passages += document.passages.size();
        for (const std::string& warning : document.warnings) {
            result.repaired.push_back(document.source_path + ": " + warning);
        }
    }
    // Documents the file no longer holds.
    for (const auto& [id, docids] : slots) {
        for (const Xapian::docid docid : docids) db_.delete_document(docid);
        owners_.erase(id);
    }
    result.documents += documents.size();
    result.passages += state.passages;
}

namespace {

// What besides its own bytes makes a publication's documents: the other
// renditions (listed as alternates), the metadata files, and the name of
// the main document an annex belongs to (only its path, which is not a file
// to stat: "annex of " never names one).
std::uint64_t companions_of(const corpus::Publication& publication) {
    std::vector<std::string> paths = publication.alternates;
    paths.insert(paths.end(), publication.metadata.begin(), publication.metadata.end());
    if (!publication.annex_of.empty()) paths.push_back("annex of " + publication.annex_of);
    return companions_fingerprint(paths);
}

}  // namespace

// The main document's id as this index knows it, else as its name gives it.
std::string FileIndexer::annex_parent_id(const corpus::Publication& publication) const {
    if (publication.annex_of.empty()) return {};
    const auto main = states_.find(publication.annex_of);
    if (main != states_.end() && main->second.doc_ids.size() == 1)
        return main->second.doc_ids.front();
    return corpus::id_from_path(printable_path(publication.annex_of));
}

FileSyncResult FileIndexer::sync_file(const corpus::Publication& publication) {
    using Outcome = FileSyncResult::Outcome;
    FileSyncResult result;
    const std::string& path = publication.path;
    const FileStat stat = stat_file(path);
    const std::uint64_t companions = companions_of(publication);
    if (auto failure = known_failure(path, stat, companions)) return std::move(*failure);
    const auto known = states_.find(path);
    const FileState* previous = known == states_.end() ? nullptr : &known->second;
    if (previous && previous->size == stat.size && previous->mtime_ns == stat.mtime_ns &&
        previous->companions == companions) {
        return result;  // unchanged
    }
    std::string bytes = read_file_bytes(path, stat.size, reading_.max_file_bytes);
    result.bytes_read = bytes.size();
    FileState state{path, stat.size, stat.mtime_ns, content_hash(bytes), companions, {}, 0};
    if (previous && previous->hash == state.hash && previous->companions == companions) {
        state.doc_ids = previous->doc_ids;  // touched, not changed
        state.passages = previous->passages;
        save_file_state(db_, state);
        states_[path] = state;
        return result;  // unchanged
    }
    std::vector<corpus::Document> documents;
    try {
        corpus::SourceFile source =
            corpus::source_file_of(publication, std::move(bytes), annex_parent_id(publication));
        make_paths_printable(source);
        documents = corpus::read_file(source);
    } catch (const corpus::NotAPublication& e) {
        forget_file(path);
        result.outcome = Outcome::kSkipped;
        result.reason = e.what();
        return result;
    }
    PassageSlots slots = previous ? passage_slots_of(*previous) : PassageSlots();
    write_documents(documents, state, slots, result);
    result.outcome = previous ? Outcome::kUpdated : Outcome::kAdded;
    save_file_state(db_, state);
    states_[path] = std::move(state);
    return result;
}

// The failure an earlier run recorded, when the file (and what is read
// with it) is as it was then.
std::optional<FileSyncResult> FileIndexer::known_failure(const std::string& path,
                                                         const FileStat& stat,
                                                         std::uint64_t companions) const {
    const auto failure = failures_.find(path);
    if (reading_.retry_failed || failure == failures_.end()) return std::nullopt;
    const FailedFile& known = failure->second;
    if (known.size != stat.size || known.mtime_ns != stat.mtime_ns ||
        known.companions != companions)
        return std::nullopt;
    FileSyncResult result;
    result.outcome = FileSyncResult::Outcome::kFailed;
    result.reason = known.reason +
                    " (unchanged since it failed: not read again; "
                    "index --retry-failed reads it)";
    return result;
}

void FileIndexer::record_failure(const corpus::Publication& publication,
                                 const std::string& reason) {
    FailedFile failed;
    failed.path = publication.path;
    try {
        const FileStat stat = stat_file(publication.path);
        failed.size = stat.size;
        failed.mtime_ns = stat.mtime_ns;
    } catch (const corpus::ReadError&) {
        return;  // gone or unreadable: nothing to compare with next time
    }
    failed.companions = companions_of(publication);
    failed.reason = reason;
    save_failed_file(db_, failed);
    failures_[failed.path] = std::move(failed);
}

void FileIndexer::clear_failure(const std::string& path) {
    const auto failure = failures_.find(path);
    if (failure == failures_.end()) return;
    erase_failed_file(db_, path);
    failures_.erase(failure);
}

FileSyncResult FileIndexer::try_sync_file(const corpus::Publication& publication) {
    FileSyncResult failed;
    failed.outcome = FileSyncResult::Outcome::kFailed;
    try {
        FileSyncResult result = sync_file(publication);
        if (result.outcome != FileSyncResult::Outcome::kFailed) clear_failure(publication.path);
        return result;
    } catch (const FileTooLarge& e) {
        failed.reason = e.what();
        return failed;  // seen from its size alone: nothing to save a later run
    } catch (const corpus::ReadError& e) {
        failed.reason = describe(e);
    } catch (const Xapian::DatabaseError&) {
        throw;  // the database, not the file: the Indexer ends the run
    } catch (const IndexError&) {
        throw;
    } catch (const Xapian::Error& e) {
        failed.reason = "index error: " + e.get_description();
    } catch (const std::exception& e) {
        failed.reason = e.what();
    }
    record_failure(publication, failed.reason);
    return failed;
}

std::size_t FileIndexer::remove_vanished(const std::vector<std::string>& roots,
                                         const std::set<std::string>& present) {
    const auto vanished = [&](const std::string& path) {
        const bool in_scope = std::any_of(roots.begin(), roots.end(), [&](const std::string& root) {
            return is_under(path, root);
        });
        return in_scope && !present.count(path);
    };
    std::size_t removed = 0;
    for (auto it = states_.begin(); it != states_.end();) {
        if (!vanished(it->first)) {
            ++it;
            continue;
        }
        remove_documents_of(it->second);
        erase_file_state(db_, it->first);
        ++removed;
        it = states_.erase(it);
    }
    for (auto it = failures_.begin(); it != failures_.end();) {
        if (!vanished(it->first)) {
            ++it;
            continue;
        }
        erase_failed_file(db_, it->first);
        it = failures_.erase(it);
    }
    return removed;
}

void add_to_report(IndexReport& report, const std::string& path, FileSyncResult result) {
    using Outcome = FileSyncResult::Outcome;
    ++report.files_seen;
    switch (result.outcome) {
        case Outcome::kAdded:
            ++report.added;
            break;
        case Outcome::kUpdated:
            ++report.updated;
            break;
        case Outcome::kUnchanged:
            ++report.unchanged;
            break;
        case Outcome::kSkipped:
            report.skipped.push_back({path, std::move(result.reason)});
            break;
        case Outcome::kFailed:
            report.failed.push_back({path, std::move(result.reason)});
            break;
    }
    report.documents_indexed += result.documents;
    report.passages_indexed += result.passages;
    for (std::string& repair : result.repaired) report.repaired.push_back(std::move(repair));
}

namespace {

template <typename T>
void append(std::vector<T>& to, std::vector<T>&& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

void add_to_report(IndexReport& total, IndexReport part) {
    total.files_seen += part.files_seen;
    total.added += part.added;
    total.updated += part.updated;
    total.removed += part.removed;
    total.unchanged += part.unchanged;
    total.excluded += part.excluded;
    total.documents_indexed += part.documents_indexed;
    total.passages_indexed += part.passages_indexed;
    append(total.repaired, std::move(part.repaired));
    append(total.failed, std::move(part.failed));
    append(total.skipped, std::move(part.skipped));
}

}  // namespace kamerzoek
