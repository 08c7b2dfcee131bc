// The public Indexer: walks paths, reads each file into documents and
// replaces their passages in the index.
#include "kamerzoek/indexer.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "corpus/reader.h"
#include "indexer/analyzer.h"
#include "indexer/index_schema.h"
#include "indexer/passage_document.h"
#include "kamerzoek/error.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t kMaxFileBytes = 512ull << 20;
constexpr std::size_t kFilesPerCommit = 500;

// Files under `path` in a stable order (so runs are reproducible).
std::vector<std::string> expand_path(const std::string& path, std::vector<FileFailure>& failures) {
    std::error_code error;
    if (fs::is_regular_file(path, error)) return {path};
    if (!fs::is_directory(path, error)) {
        failures.push_back({path, "no such file or directory"});
        return {};
    }
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, error);
         it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (error) break;
        if (it->is_regular_file(error) && !corpus::is_companion_or_hidden(it->path().string())) {
            files.push_back(it->path().string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string read_bytes(const std::string& path) {
    std::error_code error;
    const auto size = fs::file_size(path, error);
    if (error) throw corpus::ReadError("cannot read: " + error.message());
    if (size > kMaxFileBytes) throw corpus::ReadError("file too large (" + std::to_string(size >> 20) + " MB)");
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

Xapian::WritableDatabase open_for_writing(const std::string& dir) {
    try {
        return Xapian::WritableDatabase(dir, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError("index " + dir + " is locked: another kamerzoek index run is writing to it");
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open index " + dir + " for writing: " + e.get_description());
    }
}

// Refuses to add terms of one analysis to an index built with another.
void check_analysis(Xapian::WritableDatabase& db, const std::string& dir) {
    const std::string stored = db.get_metadata(std::string(schema::kMetaAnalysis));
    const std::string current = Analyzer::signature();
    if (stored.empty()) {
        if (db.get_doccount() > 0) {
            throw IndexError("index " + dir + " was not built by kamerzoek (no analysis recorded)");
        }
        db.set_metadata(std::string(schema::kMetaAnalysis), current);
        db.set_metadata(std::string(schema::kMetaFormat), std::string(schema::kFormatVersion));
    } else if (stored != current) {
        throw IndexError("index " + dir + " was built with another analysis (" + stored +
                         "); this program uses (" + current + "): rebuild it from scratch");
    }
}

}  // namespace

struct Indexer::Impl {
    std::string dir;
    Xapian::WritableDatabase db;
    Analyzer analyzer;
    std::set<std::string> ids_this_run;

    explicit Impl(const std::string& index_dir) : dir(index_dir), db(open_for_writing(index_dir)) {
        check_analysis(db, dir);
    }

    // A second file claiming an id already written in this run keeps its
    // own by a suffix from its path; ids stay stable for a given file.
    void make_id_unique(corpus::Document& document) {
        if (ids_this_run.insert(document.id).second) return;
        const std::size_t hash = std::hash<std::string>{}(document.source_path);
        document.id += "-" + std::to_string(hash % 100000);
        ids_this_run.insert(document.id);
    }

    void replace(corpus::Document& document, IndexReport& report) {
        make_id_unique(document);
        db.delete_document(schema::term(schema::kDocId, document.id));
        for (const corpus::Passage& passage : document.passages) {
            db.replace_document(passage_id_term(document.id, passage.ordinal),
                                make_passage_document(document, passage, analyzer));
        }
        ++report.documents_indexed;
        report.passages_indexed += document.passages.size();
        for (const std::string& warning : document.warnings) {
            report.repaired.push_back(document.source_path + ": " + warning);
        }
    }

    void index_file(const std::string& path, IndexReport& report) {
        corpus::SourceFile file{path, read_bytes(path)};
        std::vector<corpus::Document> documents = corpus::read_file(file);
        for (corpus::Document& document : documents) replace(document, report);
    }
};

Indexer::Indexer(const std::string& index_dir) : impl_(std::make_unique<Impl>(index_dir)) {}
Indexer::~Indexer() = default;
Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

IndexReport Indexer::add_paths(const std::vector<std::string>& paths,
                               const std::function<void(const FileFailure&)>& on_failure) {
    IndexReport report;
    auto fail = [&](FileFailure failure) {
        if (on_failure) on_failure(failure);
        report.failed.push_back(std::move(failure));
    };
    std::vector<FileFailure> missing;
    for (const std::string& path : paths) {
        for (const std::string& file : expand_path(path, missing)) {
            ++report.files_seen;
            try {
                impl_->index_file(file, report);
            } catch (const corpus::ReadError& e) {
                fail({file, describe(e)});
            } catch (const Xapian::Error& e) {
                fail({file, "index error: " + e.get_description()});
            } catch (const std::exception& e) {
                fail({file, e.what()});
            }
            if (report.files_seen % kFilesPerCommit == 0) commit();
        }
    }
    for (FileFailure& failure : missing) fail(std::move(failure));
    commit();
    return report;
}

bool Indexer::remove_document(const std::string& doc_id) {
    const std::string term = schema::term(schema::kDocId, doc_id);
    if (impl_->db.get_termfreq(term) == 0) return false;
    impl_->db.delete_document(term);
    return true;
}

void Indexer::commit() {
    try {
        impl_->db.commit();
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot commit index " + impl_->dir + ": " + e.get_description());
    }
}

}  // namespace kamerzoek
