// Where an index lives on disk and how a rebuilt one replaces it.
//
// `--db DIR` is a directory holding a Xapian stub file DIR/XAPIANDB
// ("glass gen-N") that points at the live generation DIR/gen-N. Xapian
// opens such a directory like a database, so searchers need not know. A
// full rebuild writes DIR/gen-(N+1) and swaps the stub with rename(2).
// Indexes made before generations existed (DIR itself a glass database)
// are used in place until their first full rebuild moves them over.
//
// `--db` may also name a set of shards searched as one: a stub file (or a
// directory whose XAPIANDB stub) lists several databases, local or served
// by xapian-tcpsrv. Such a set is read, never written.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kamerzoek::layout {

inline constexpr const char* kStubFile = "XAPIANDB";
inline constexpr const char* kLockFile = "writer.lock";

/// One database a Xapian stub file lists, read the way Xapian 1.4 reads it.
struct StubEntry {
    enum class Kind { kLocal, kRemoteTcp, kRemoteProgram };
    Kind kind = Kind::kLocal;
    std::string text;     // the line as written, to name the database in messages
    unsigned line = 0;    // its line number in the stub file
    std::string backend;  // kLocal: "glass" or "auto"
    std::string path;     // kLocal: resolved against the stub file's folder
    std::string host;     // kRemoteTcp
    unsigned port = 0;    // kRemoteTcp
    std::string program;  // kRemoteProgram
    std::string args;     // kRemoteProgram
};

/// The stub file `location` stands for: itself when it is a regular file,
/// DIR/XAPIANDB when `location` is a directory holding one, else "".
std::string stub_file_of(const std::string& location);

/// The databases `stub_file` lists, in order. Throws IndexError naming the
/// file and line of a line Xapian would refuse too.
std::vector<StubEntry> read_stub(const std::string& stub_file);

/// True when `location` names a set of shards rather than one index: a stub
/// file named directly, or a stub listing anything but one local database.
bool is_sharded(const std::string& location);

/// What opening `location` now would open: the databases listed and the
/// generation each local one resolves to. It changes when a full rebuild
/// swaps a generation in or a stub is edited, and only then.
std::string fingerprint(const std::string& location);

/// The glass database directory searchers currently see behind `dir`, or ""
/// when there is no index there yet. Throws IndexError when `dir` is a set
/// of shards: there is no one database to write to.
std::string resolve_index_path(const std::string& dir);

/// A fresh, empty directory for the next generation (removing what a
/// crashed rebuild may have left).
std::string prepare_next_generation(const std::string& dir);

/// Removes generation folders that are not live (left by a run killed at a
/// swap, or by an interrupted rebuild) and a half-written stub. Only while
/// holding the writer lock.
void remove_orphan_generations(const std::string& dir);

/// Points `dir` at `generation_path` atomically, then removes the
/// generation it replaces (and any older one).
void publish_generation(const std::string& dir, const std::string& generation_path);

/// Bytes of the files of the database at `db_path` (not recursive).
std::uint64_t database_bytes(const std::string& db_path);

}  // namespace kamerzoek::layout
