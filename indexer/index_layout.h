// Where an index lives on disk and how a rebuilt one replaces it.
//
// `--db DIR` is a directory holding a Xapian stub file DIR/XAPIANDB
// ("glass gen-N") that points at the live generation DIR/gen-N. Xapian
// opens such a directory like a database, so searchers need not know. A
// full rebuild writes DIR/gen-(N+1) and swaps the stub with rename(2).
// Indexes made before generations existed (DIR itself a glass database)
// are used in place until their first full rebuild moves them over.
#pragma once

#include <cstdint>
#include <string>

namespace kamerzoek::layout {

inline constexpr const char* kStubFile = "XAPIANDB";
inline constexpr const char* kLockFile = "writer.lock";

/// The glass database directory searchers currently see behind `dir`, or ""
/// when there is no index there yet.
std::string resolve_index_path(const std::string& dir);

/// A fresh, empty directory for the next generation (removing what a
/// crashed rebuild may have left).
std::string prepare_next_generation(const std::string& dir);

/// Points `dir` at `generation_path` atomically, then removes the
/// generation it replaces (and any older one).
void publish_generation(const std::string& dir, const std::string& generation_path);

/// Bytes of the files of the database at `db_path` (not recursive).
std::uint64_t database_bytes(const std::string& db_path);

}  // namespace kamerzoek::layout
