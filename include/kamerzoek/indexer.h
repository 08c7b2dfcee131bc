// Building and updating an index from files.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kamerzoek {

/// A file that could not be indexed, and why.
struct FileFailure {
    std::string path;
    std::string reason;  // includes line and column where known
};

/// What one indexing run did.
struct IndexReport {
    std::size_t files_seen = 0;
    std::size_t documents_indexed = 0;
    std::size_t passages_indexed = 0;
    std::vector<std::string> repaired;  // "path: what was repaired"
    std::vector<FileFailure> failed;
};

/// A writer on an index. Only one may be open on an index at a time.
class Indexer {
public:
    /// Opens or creates the index at `index_dir`. Throws IndexError when it
    /// is locked by another writer or was built with another analysis.
    explicit Indexer(const std::string& index_dir);
    ~Indexer();
    Indexer(Indexer&&) noexcept;
    Indexer& operator=(Indexer&&) noexcept;

    /// Indexes files and directories (recursively). A file that cannot be
    /// read is reported and skipped; what is already indexed stays.
    /// `on_failure`, when given, is told of each failed file as it happens.
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

}  // namespace kamerzoek
