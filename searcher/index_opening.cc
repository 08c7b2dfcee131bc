#include "searcher/index_opening.h"

#include <charconv>
#include <cstdlib>
#include <cstring>

#include "indexer/index_compatibility.h"
#include "indexer/index_layout.h"
#include "indexer/index_schema.h"

namespace kamerzoek {
namespace {

using layout::StubEntry;

constexpr unsigned kDefaultRemoteTimeoutMs = 10000;

// A shard of another format or analysis would silently match nothing (or
// the wrong passages) for the queries of this program.
void check_analysis(const Xapian::Database& db, const std::string& what) {
    check_compatibility(db, what, "rebuild it (kamerzoek index --full)");
}

// The usual mistake: a `glass` line naming an index directory (which holds
// a stub) instead of a glass database.
std::string glass_line_hint(const StubEntry& entry) {
    if (entry.kind != StubEntry::Kind::kLocal || entry.backend != "glass" ||
        layout::stub_file_of(entry.path).empty()) {
        return {};
    }
    return " (a `glass` line names a glass database; for a kamerzoek index directory write `auto " +
           entry.path + "`)";
}

// Why a shard did not open, in words.
std::string opening_failure(const StubEntry& entry, const Xapian::Error& error) {
    std::string why = error.get_msg();
    if (const char* detail = error.get_error_string(); detail && *detail)
        why += std::string(": ") + detail;
    return why + glass_line_hint(entry);
}

[[noreturn]] void throw_single_opening_failure(const std::string& dir, const Xapian::Error& error) {
    const std::string stub = layout::stub_file_of(dir);
    if (stub.empty() && std::strcmp(error.get_type(), "DatabaseNotFoundError") == 0) {
        throw IndexMissing("no index at " + dir + " (build one with: kamerzoek index --db " + dir +
                           " PATH...)");
    }
    std::string message = "cannot open index " + dir + ": " + error.get_description();
    if (!stub.empty()) {
        for (const StubEntry& entry : layout::read_stub(stub)) message += glass_line_hint(entry);
    }
    throw IndexError(message);
}

// The one database of a kamerzoek index directory (or a legacy glass one).
Shard open_single(const std::string& dir) {
    Shard shard{dir, dir, {}};
    try {
        shard.db = Xapian::Database(dir);
    } catch (const Xapian::Error& e) {
        throw_single_opening_failure(dir, e);
    }
    check_compatibility(shard.db, "index " + dir,
                        "rebuild it with kamerzoek index --full --db " + dir + " PATH...");
    return shard;
}

std::string shard_name(const StubEntry& entry, const std::string& stub_file) {
    return "`" + entry.text + "` (line " + std::to_string(entry.line) + " of " + stub_file + ")";
}

Xapian::Database open_entry(const StubEntry& entry) {
    const unsigned timeout = remote_timeout_ms();
    switch (entry.kind) {
        case StubEntry::Kind::kRemoteTcp:
            return Xapian::Remote::open(entry.host, entry.port, timeout, timeout);
        case StubEntry::Kind::kRemoteProgram:
            return Xapian::Remote::open(entry.program, entry.args, timeout);
        case StubEntry::Kind::kLocal:
            break;
    }
    if (entry.backend == "glass") return Xapian::Database(entry.path, Xapian::DB_BACKEND_GLASS);
    if (entry.backend == "chert") return Xapian::Database(entry.path, Xapian::DB_BACKEND_CHERT);
    return Xapian::Database(entry.path);
}

Shard open_listed(const std::string& location, const std::string& stub_file,
                  const StubEntry& entry) {
    const std::string name = shard_name(entry, stub_file);
    const std::string where = "index " + location + ": shard " + name;
    Shard shard{name, entry.kind == StubEntry::Kind::kLocal ? entry.path : "", {}};
    try {
        shard.db = open_entry(entry);
        check_analysis(shard.db, where);
    } catch (const Xapian::NetworkTimeoutError&) {
        throw ShardUnreachable(where + " did not answer within " +
                               std::to_string(remote_timeout_ms()) + " ms");
    } catch (const Xapian::NetworkError& e) {
        throw ShardUnreachable(where + " is unreachable: " + opening_failure(entry, e));
    } catch (const Xapian::Error& e) {
        throw IndexError(where + " cannot be opened: " + opening_failure(entry, e));
    }
    return shard;
}

std::vector<Shard> open_listed_shards(const std::string& location) {
    const std::string stub_file = layout::stub_file_of(location);
    const std::vector<StubEntry> entries = layout::read_stub(stub_file);
    if (entries.empty())
        throw IndexError("index " + location + ": " + stub_file + " lists no database");
    std::vector<Shard> shards;
    for (const StubEntry& entry : entries)
        shards.push_back(open_listed(location, stub_file, entry));
    return shards;
}

}  // namespace

unsigned remote_timeout_ms() {
    const char* text = std::getenv("KAMERZOEK_REMOTE_TIMEOUT_MS");
    if (text == nullptr || *text == '\0') return kDefaultRemoteTimeoutMs;
    unsigned value = 0;
    const char* end = text + std::strlen(text);
    const auto [stop, error] = std::from_chars(text, end, value);
    // 0 would mean "wait for ever" to Xapian: exactly what the bound is for.
    if (error != std::errc() || stop != end || value == 0) return kDefaultRemoteTimeoutMs;
    return value;
}

std::vector<Shard> open_shards(const std::string& location) {
    if (!layout::is_sharded(location)) return {open_single(location)};
    return open_listed_shards(location);
}

Xapian::Database combine(const std::vector<Shard>& shards) {
    if (shards.size() == 1) return shards.front().db;
    Xapian::Database combined;
    for (const Shard& shard : shards) combined.add_database(shard.db);
    return combined;
}

bool waited_in_vain(const Xapian::NetworkError& error) {
    // Xapian errors are not polymorphic: their type is told by name. Errors
    // the server sends back are marked "REMOTE:".
    return std::strcmp(error.get_type(), "NetworkTimeoutError") == 0 &&
           !error.get_msg().starts_with("REMOTE:");
}

std::string remote_failure_message(const std::string& location, const Xapian::NetworkError& error) {
    std::string remote;
    const std::string stub_file = layout::stub_file_of(location);
    try {
        for (const StubEntry& entry : layout::read_stub(stub_file)) {
            if (entry.kind != StubEntry::Kind::kLocal)
                remote += (remote.empty() ? "" : ", ") + shard_name(entry, stub_file);
        }
    } catch (const IndexError&) {
        remote = stub_file;  // edited meanwhile; the next request reads it again
    }
    return "index " + location + ": a remote shard " +
           (waited_in_vain(error)
                ? "did not answer within " + std::to_string(remote_timeout_ms()) + " ms"
                : "dropped the connection (" + error.get_msg() + ")") +
           "; remote shards: " + remote;
}

}  // namespace kamerzoek
