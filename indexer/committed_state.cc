#include "indexer/committed_state.h"

#include <unistd.h>

#include <filesystem>
#include <system_error>

namespace kamerzoek {

namespace fs = std::filesystem;

void CommittedState::remember(const std::string& db_path, Xapian::rev revision) {
    db_path_ = db_path;
    revision_ = revision;
    sizes_.clear();
    std::error_code error;
    for (fs::directory_iterator it(db_path, error), end; !error && it != end; it.increment(error)) {
        if (it->path().extension() != ".glass") continue;
        const std::uintmax_t size = it->file_size(error);
        if (!error) sizes_.emplace_back(it->path().string(), size);
    }
}

bool CommittedState::restore() const {
    if (db_path_.empty()) return false;
    try {
        // A commit that reached the disk after all must keep what it wrote.
        if (Xapian::Database(db_path_).get_revision() != revision_) return false;
    } catch (const Xapian::Error&) {
        return false;
    }
    bool restored = false;
    for (const auto& [path, size] : sizes_) {
        std::error_code error;
        if (fs::file_size(path, error) > size && !error && ::truncate(path.c_str(), size) == 0)
            restored = true;
    }
    return restored;
}

}  // namespace kamerzoek
