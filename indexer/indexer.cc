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
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

#include "corpus/reader.h"
#include "indexer/analyzer.h"
#include "indexer/file_state.h"
#include "indexer/index_layout.h"
#include "indexer/index_lock.h"
#include "indexer/index_schema.h"
#include "indexer/passage_document.h"
#include "kamerzoek/error.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t kMaxFileBytes = 512ull << 20;

std::string normalised(const std::string& path) {
    std::error_code error;
    const fs::path absolute = fs::absolute(path, error);
    std::string out = (error ? fs::path(path) : absolute).lexically_normal().string();
    while (out.size() > 1 && out.back() == '/') out.pop_back();
    return out;
}

bool is_under(const std::string& path, const std::string& root) {
    return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                            (root == "/" || path[root.size()] == '/'));
}

// Files under `path` in a stable order (so runs are reproducible).
std::vector<std::string> expand_path(const std::string& path, std::vector<FileFailure>& failures) {
    std::error_code error;
    if (fs::is_regular_file(path, error)) return {path};
    if (!fs::is_directory(path, error)) {
        failures.push_back({path, "no such file or directory"});
        return {};
    }
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(
             path, fs::directory_options::skip_permission_denied, error);
         it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (error) break;
        if (it->is_regular_file(error) && !corpus::is_companion_or_hidden(it->path().string())) {
            files.push_back(it->path().string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

struct FileStat {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
};

FileStat stat_file(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        throw corpus::ReadError("cannot stat: " + std::string(std::strerror(errno)));
    return {static_cast<std::uint64_t>(info.st_size),
            static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec};
}

std::string read_bytes(const std::string& path, std::uint64_t size) {
    if (size > kMaxFileBytes)
        throw corpus::ReadError("file too large (" + std::to_string(size >> 20) + " MB)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw corpus::ReadError("cannot open for reading");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) throw corpus::ReadError("read error");
    return bytes.str();
}

std::string describe(const corpus::ReadError& error) {
    if (error.line() == 0) return error.what();
    std::string where = "line " + std::to_string(error.line());
    if (error.column() > 0) where += ", column " + std::to_string(error.column());
    return where + ": " + error.what();
}

Xapian::WritableDatabase open_for_writing(const std::string& db_path, const std::string& dir) {
    try {
        return Xapian::WritableDatabase(db_path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError("index " + dir + " is locked: another program is writing to it");
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open index " + dir + " for writing: " + e.get_description());
    }
}

void record_analysis(Xapian::WritableDatabase& db) {
    db.set_metadata(std::string(schema::kMetaAnalysis), Analyzer::signature());
    db.set_metadata(std::string(schema::kMetaFormat), std::string(schema::kFormatVersion));
}

// Refuses to add terms of one analysis to an index built with another.
void check_analysis(Xapian::WritableDatabase& db, const std::string& dir) {
    const std::string stored = db.get_metadata(std::string(schema::kMetaAnalysis));
    const std::string current = Analyzer::signature();
    if (stored.empty()) {
        if (db.get_doccount() > 0) {
            throw IndexError("index " + dir + " was not built by kamerzoek (no analysis recorded)");
        }
        record_analysis(db);
    } else if (stored != current) {
        throw IndexError("index " + dir + " was built with another analysis (" + stored +
                         "); this program uses (" + current +
                         "): a full rebuild is needed (kamerzoek index --full --db " + dir +
                         " PATH...)");
    }
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string summary_json(const IndexReport& report) {
    nlohmann::json failed = nlohmann::json::array();
    for (const FileFailure& failure : report.failed)
        failed.push_back({{"path", failure.path}, {"reason", failure.reason}});
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    char finished[32];
    std::strftime(finished, sizeof finished, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    const char* outcome = report.cancelled        ? "interrupted"
                          : report.failed.empty() ? "ok"
                                                  : "failed-files";
    return nlohmann::json{{"finished_at", finished},
                          {"outcome", outcome},
                          {"full", report.full_rebuild},
                          {"added", report.added},
                          {"updated", report.updated},
                          {"removed", report.removed},
                          {"unchanged", report.unchanged},
                          {"repaired", report.repaired.size()},
                          {"failed", failed},
                          {"duration_s", report.duration_s},
                          {"index_bytes", report.index_bytes}}
        .dump();
}

}  // namespace

struct Indexer::Impl {
    std::string dir;
    IndexOptions options;
    WriterLock lock;
    std::string db_path;       // the generation being written
    bool unpublished = false;  // a full rebuild not yet swapped in
    Xapian::WritableDatabase db;
    Analyzer analyzer;
    std::map<std::string, FileState> states;
    std::map<std::string, std::string> owners;  // doc id -> path of the file it came from

    Impl(const std::string& index_dir, const IndexOptions& index_options)
        : dir(index_dir), options(index_options), lock(index_dir) {
        if (options.full_rebuild) {
            db_path = layout::prepare_next_generation(dir);
            unpublished = true;
            db = open_for_writing(db_path, dir);
            record_analysis(db);
            return;
        }
        db_path = layout::resolve_index_path(dir);
        if (db_path.empty()) {
            create_first_generation();
        } else {
            db = open_for_writing(db_path, dir);
            check_analysis(db, dir);
        }
        load_states();
    }

    ~Impl() {
        if (!unpublished) return;
        // An abandoned rebuild never becomes visible; drop it.
        db.close();
        std::error_code error;
        fs::remove_all(db_path, error);
    }

    void create_first_generation() {
        db_path = layout::prepare_next_generation(dir);
        db = open_for_writing(db_path, dir);
        record_analysis(db);
        db.commit();
        layout::publish_generation(dir, db_path);
    }

    void load_states() {
        states = load_file_states(db);
        for (const auto& [path, state] : states) {
            for (const std::string& id : state.doc_ids) owners[id] = path;
        }
    }

    // A second file claiming an id another file already holds keeps its own
    // by a suffix from its path; ids stay stable for a given file.
    void make_id_unique(corpus::Document& document, const std::string& path) {
        auto owner = owners.find(document.id);
        if (owner != owners.end() && owner->second != path) {
            const std::size_t hash = std::hash<std::string>{}(document.source_path);
            document.id += "-" + std::to_string(hash % 100000);
        }
        owners[document.id] = path;
    }

    void remove_documents_of(const FileState& state) {
        for (const std::string& id : state.doc_ids) {
            auto owner = owners.find(id);
            if (owner == owners.end() || owner->second != state.path) continue;
            db.delete_document(schema::term(schema::kDocId, id));
            owners.erase(owner);
        }
    }

    void write_documents(std::vector<corpus::Document>& documents, FileState& state,
                         IndexReport& report) {
        state.doc_ids.clear();
        state.passages = 0;
        for (corpus::Document& document : documents) {
            make_id_unique(document, state.path);
            db.delete_document(schema::term(schema::kDocId, document.id));
            for (const corpus::Passage& passage : document.passages) {
                db.replace_document(passage_id_term(document.id, passage.ordinal),
                                    make_passage_document(document, passage, analyzer));
            }
            state.doc_ids.push_back(document.id);
            state.passages += document.passages.size();
            for (const std::string& warning : document.warnings) {
                report.repaired.push_back(document.source_path + ": " + warning);
            }
        }
        report.documents_indexed += documents.size();
        report.passages_indexed += state.passages;
    }

    // Brings one file's documents in step; throws (leaving its previous
    // documents and state untouched) when it cannot be read.
    void sync_file(const std::string& path, IndexReport& report, std::uint64_t& bytes_read) {
        const FileStat stat = stat_file(path);
        const auto known = states.find(path);
        const FileState* previous = known == states.end() ? nullptr : &known->second;
        if (previous && previous->size == stat.size && previous->mtime_ns == stat.mtime_ns) {
            ++report.unchanged;
            return;
        }
        std::string bytes = read_bytes(path, stat.size);
        bytes_read += bytes.size();
        FileState state{path, stat.size, stat.mtime_ns, content_hash(bytes), {}, 0};
        if (previous && previous->hash == state.hash) {
            state.doc_ids = previous->doc_ids;  // touched, not changed
            state.passages = previous->passages;
            save_file_state(db, state);
            states[path] = state;
            ++report.unchanged;
            return;
        }
        std::vector<corpus::Document> documents = corpus::read_file({path, std::move(bytes)});
        if (previous) remove_documents_of(*previous);
        write_documents(documents, state, report);
        ++(previous ? report.updated : report.added);
        save_file_state(db, state);
        states[path] = std::move(state);
    }

    // Documents of files that were under one of `roots` and are gone now.
    void remove_vanished(const std::vector<std::string>& roots,
                         const std::set<std::string>& present, IndexReport& report) {
        for (auto it = states.begin(); it != states.end();) {
            const bool in_scope =
                std::any_of(roots.begin(), roots.end(),
                            [&](const std::string& root) { return is_under(it->first, root); });
            if (!in_scope || present.count(it->first)) {
                ++it;
                continue;
            }
            remove_documents_of(it->second);
            erase_file_state(db, it->first);
            ++report.removed;
            it = states.erase(it);
        }
    }

    void commit() {
        try {
            db.commit();
        } catch (const Xapian::Error& e) {
            throw IndexError("cannot commit index " + dir + ": " + e.get_description());
        }
    }

    void finish(IndexReport& report, std::chrono::steady_clock::time_point start) {
        if (unpublished && report.cancelled) return;  // the destructor drops it
        commit();
        if (unpublished) {
            layout::publish_generation(dir, db_path);
            unpublished = false;
        }
        report.index_bytes = layout::database_bytes(db_path);
        report.duration_s = seconds_since(start);
        db.set_metadata(std::string(schema::kMetaLastRun), summary_json(report));
        commit();
    }
};

Indexer::Indexer(const std::string& index_dir, const IndexOptions& options)
    : impl_(std::make_unique<Impl>(index_dir, options)) {}
Indexer::~Indexer() = default;
Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

IndexReport Indexer::add_paths(const std::vector<std::string>& paths,
                               const std::function<void(const FileFailure&)>& on_failure) {
    const auto start = std::chrono::steady_clock::now();
    IndexReport report;
    report.full_rebuild = impl_->unpublished;
    auto fail = [&](FileFailure failure) {
        if (on_failure) on_failure(failure);
        report.failed.push_back(std::move(failure));
    };
    std::vector<FileFailure> missing;
    std::vector<std::string> roots, files;
    for (const std::string& path : paths) {
        const std::string root = normalised(path);
        const std::size_t missing_before = missing.size();
        for (std::string& file : expand_path(root, missing)) files.push_back(std::move(file));
        // A path that is gone entirely may be an unmounted disk: keep its documents.
        if (missing.size() == missing_before) roots.push_back(root);
    }
    impl_->remove_vanished(roots, std::set<std::string>(files.begin(), files.end()), report);

    IndexProgress progress;
    progress.files_total = files.size();
    std::size_t since_commit = 0;
    for (const std::string& file : files) {
        if (impl_->options.stop_requested && impl_->options.stop_requested()) {
            report.cancelled = true;
            break;
        }
        ++report.files_seen;
        try {
            impl_->sync_file(file, report, progress.bytes_read);
        } catch (const corpus::ReadError& e) {
            fail({file, describe(e)});
        } catch (const Xapian::Error& e) {
            fail({file, "index error: " + e.get_description()});
        } catch (const std::exception& e) {
            fail({file, e.what()});
        }
        ++progress.files_done;
        progress.path = file;
        if (impl_->options.on_progress) impl_->options.on_progress(progress);
        if (++since_commit >= std::max<std::size_t>(impl_->options.files_per_commit, 1)) {
            impl_->commit();
            since_commit = 0;
        }
    }
    for (FileFailure& failure : missing) fail(std::move(failure));
    impl_->finish(report, start);
    return report;
}

bool Indexer::remove_document(const std::string& doc_id) {
    const std::string term = schema::term(schema::kDocId, doc_id);
    if (impl_->db.get_termfreq(term) == 0) return false;
    impl_->db.delete_document(term);
    return true;
}

void Indexer::commit() { impl_->commit(); }

}  // namespace kamerzoek
