// What the index remembers of each source file, so that a later run can
// tell new, changed, unchanged and vanished files apart. Stored as Xapian
// metadata (one entry per file) so it commits with the passages it
// describes.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kamerzoek {

struct FileState {
    std::string path;  // absolute, normalised
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t hash = 0;  // content_hash() of the bytes
    /// companions_fingerprint() of the publication's alternates and
    /// metadata files: a change there rereads the file.
    std::uint64_t companions = 0;
    std::vector<std::string> doc_ids;
    std::size_t passages = 0;
};

/// A file that could not be indexed, as it was when it failed.
struct FailedFile {
    std::string path;
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t companions = 0;  // as in FileState
    std::string reason;
};

/// A fast 64-bit hash of file contents (not cryptographic).
std::uint64_t content_hash(std::string_view bytes);

/// A fingerprint of the paths, sizes and modification times of `paths`
/// (0 when there are none).
std::uint64_t companions_fingerprint(const std::vector<std::string>& paths);

/// Every recorded file, by path.
std::map<std::string, FileState> load_file_states(const Xapian::Database& db);

void save_file_state(Xapian::WritableDatabase& db, const FileState& state);
void erase_file_state(Xapian::WritableDatabase& db, const std::string& path);

/// Every recorded failure, by path.
std::map<std::string, FailedFile> load_failed_files(const Xapian::Database& db);
void save_failed_file(Xapian::WritableDatabase& db, const FailedFile& failed);
void erase_failed_file(Xapian::WritableDatabase& db, const std::string& path);

/// Number of recorded files.
std::size_t count_file_states(const Xapian::Database& db);

}  // namespace kamerzoek
